#include "receiptprinter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline::print;

class tst_ReceiptPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void target_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("network");
        QTest::newRow("device") << QStringLiteral("/dev/usb/lp0") << false;
        QTest::newRow("host and port") << QStringLiteral("printer:9100") << true;
        QTest::newRow("tcp url") << QStringLiteral("tcp://192.0.2.10:9100") << true;
        QTest::newRow("host alone") << QStringLiteral("printer") << true;
    }
    void target()
    {
        QFETCH(QString, target);
        QFETCH(bool, network);
        const ReceiptPrinter printer(target);
        QVERIFY(printer.isConfigured());
        QCOMPARE(printer.isNetwork(), network);
        QVERIFY(!ReceiptPrinter().isConfigured());
    }

    void file_getsTheBytesAppended()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lp0"));
        ReceiptPrinter printer(path);
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        printer.print(QByteArray("\x1b@one", 5));
        printer.print(QByteArray("two"));
        QCOMPARE(printed.count(), 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\x1b@onetwo", 8));
    }

    void file_unwritableFails()
    {
        ReceiptPrinter printer(QStringLiteral("/nonexistent/lp0"));
        QSignalSpy failed(&printer, &ReceiptPrinter::failed);
        printer.print(QByteArray("x"));
        QCOMPARE(failed.count(), 1);
    }

    void network_sendsTheExactBytes()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray received;
        QTcpSocket* peer = nullptr;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, this, [&] { received += peer->readAll(); });
        });
        ReceiptPrinter printer(QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        const QByteArray bytes("\x1b@receipt\x1dV\x42\x03", 12);
        printer.print(bytes);
        QTRY_COMPARE(printed.count(), 1);
        QTRY_COMPARE(received, bytes);
    }

    void network_refusedFails()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nobody listens there now
        ReceiptPrinter printer(QStringLiteral("127.0.0.1:%1").arg(port));
        QSignalSpy failed(&printer, &ReceiptPrinter::failed);
        printer.print(QByteArray("x"));
        QTRY_COMPARE(failed.count(), 1);
        QTest::qWait(50);
        QCOMPARE(failed.count(), 1); // reported once
    }
};

QTEST_GUILESS_MAIN(tst_ReceiptPrinter)
#include "tst_receiptprinter.moc"
