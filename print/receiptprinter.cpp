#include "receiptprinter.h"

#include "printlogging.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace stockline::print {

ReceiptPrinter::ReceiptPrinter(const QString& target, QObject* parent)
    : QObject(parent), m_target(target.trimmed())
{
    QString address = m_target;
    if (address.startsWith(QLatin1String("tcp://")))
        address = address.mid(6);
    else if (address.contains(u'/') || address.isEmpty())
        return; // a device file
    const qsizetype colon = address.lastIndexOf(u':');
    m_host = colon < 0 ? address : address.left(colon);
    if (colon >= 0) {
        bool ok = false;
        const uint port = address.mid(colon + 1).toUInt(&ok);
        m_port = ok && port > 0 && port < 65536 ? static_cast<quint16>(port) : defaultPort;
    }
}

void ReceiptPrinter::print(const QByteArray& bytes)
{
    if (!isConfigured()) {
        Q_EMIT failed(tr("No receipt printer is set up (--printer)."));
        return;
    }
    if (isNetwork())
        printToNetwork(bytes);
    else
        printToFile(bytes);
}

void ReceiptPrinter::printToFile(const QByteArray& bytes)
{
    QFile device(m_target);
    // Append: a printer device takes any open mode, and a file standing in for one in tests
    // or at a spool keeps every receipt.
    if (!device.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        Q_EMIT failed(tr("The receipt printer %1 cannot be opened: %2")
                          .arg(QDir::toNativeSeparators(m_target), device.errorString()));
        return;
    }
    if (device.write(bytes) != bytes.size() || !device.flush()) {
        Q_EMIT failed(tr("The receipt printer %1 did not take the receipt: %2")
                          .arg(QDir::toNativeSeparators(m_target), device.errorString()));
        return;
    }
    qCDebug(lcPrint) << "printed" << bytes.size() << "bytes to" << m_target;
    Q_EMIT printed();
}

void ReceiptPrinter::printToNetwork(const QByteArray& bytes)
{
    auto* socket = new QTcpSocket(this);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    const QString where = QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    // Whatever ends first (done, error, time-out) ends the job: nothing reports twice.
    auto finish = [socket, timer] {
        timer->stop();
        QObject::disconnect(socket, nullptr, nullptr, nullptr);
        QObject::disconnect(timer, nullptr, nullptr, nullptr);
        socket->deleteLater();
    };
    auto fail = [this, socket, where, finish](const QString& why) {
        finish();
        socket->abort();
        Q_EMIT failed(tr("The receipt printer %1 did not print: %2").arg(where, why));
    };
    connect(timer, &QTimer::timeout, socket, [fail] { fail(tr("no answer in time")); });
    connect(socket, &QTcpSocket::errorOccurred, socket,
            [socket, fail](QAbstractSocket::SocketError) { fail(socket->errorString()); });
    connect(socket, &QTcpSocket::connected, socket, [socket, bytes] { socket->write(bytes); });
    connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket, finish] {
        if (socket->bytesToWrite() > 0)
            return;
        finish();
        socket->disconnectFromHost();
        Q_EMIT printed();
    });
    timer->start(timeoutMs);
    socket->connectToHost(m_host, m_port);
}

} // namespace stockline::print
