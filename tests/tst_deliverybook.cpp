// DeliveryBook, the dock's copy of the open expected deliveries, and sync::Client storing the
// server's `deliveries` message in it: against the real server process, after the welcome and
// again when another dock books part of a delivery.
#include "client.h"
#include "deliverybook.h"
#include "localstore.h"
#include "outbox.h"
#include "serverprocess.h"
#include "transport.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

Delivery delivery(const QString& id, QList<DeliveryLine> lines)
{
    return Delivery{id, QStringLiteral("Meadow Gold Dairy"), QStringLiteral("store-1"),
                    std::move(lines), false};
}

} // namespace

class TestDeliveryBook : public QObject
{
    Q_OBJECT

private:
    // Imports expected deliveries (CSV rows after the header) on the server, before it starts.
    static bool importDeliveries(ServerProcess& server, const QTemporaryDir& dir,
                                 const QByteArray& rows)
    {
        const QString csv = dir.filePath(QStringLiteral("po.csv"));
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write("supplier,reference,location,sku,expected\n" + rows);
        file.close();
        return server.admin({QStringLiteral("delivery"), QStringLiteral("import"), csv}).exitCode ==
               0;
    }

    static sync::ClientOptions dockOptions(const ServerProcess& server, const QString& token)
    {
        sync::ClientOptions options;
        options.url = server.url();
        options.terminal = QStringLiteral("DOCK-01");
        options.token = token;
        return options;
    }

private Q_SLOTS:
    void replaceKeepsTheWholeListAcrossARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dock.db"));
        const QList<Delivery> first{
            delivery(QStringLiteral("PO-2"), {{QStringLiteral("B2"), 10, 4, 1}}),
            delivery(QStringLiteral("PO-1"),
                     {{QStringLiteral("C3"), 6, 0, 0}, {QStringLiteral("A1"), 48, 12, 0}})};
        {
            auto store = LocalStore::open(path);
            QVERIFY(store);
            QVERIFY(DeliveryBook(**store).replace(first));
        }
        auto store = LocalStore::open(path);
        QVERIFY(store);
        DeliveryBook book(**store);
        const auto open = book.open();
        QVERIFY(open);
        QCOMPARE(open->size(), 2);
        QCOMPARE(open->at(0), first.at(1)); // by reference; lines in the server's order
        QCOMPARE(open->at(1), first.at(0));

        // The next message replaces it: a delivery received in full is gone.
        QVERIFY(book.replace({first.at(0)}));
        QCOMPARE(book.open()->size(), 1);
        QVERIFY(!book.find(QStringLiteral("PO-1"))->has_value());
        QCOMPARE(book.find(QStringLiteral("PO-2"))->value().lines.first().received, 4);
    }

    void badListChangesNothing()
    {
        QTemporaryDir dir;
        auto store = LocalStore::open(dir.filePath(QStringLiteral("dock.db")));
        QVERIFY(store);
        DeliveryBook book(**store);
        const Delivery good = delivery(QStringLiteral("PO-1"), {{QStringLiteral("A1"), 5, 0, 0}});
        QVERIFY(book.replace({good}));
        const Status bad = book.replace(
            {good, delivery(QStringLiteral("PO-3"), {{QStringLiteral("A1"), 0, 0, 0}})});
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("deliveries[1].lines[0].expected"));
        QCOMPARE(*book.open(), QList<Delivery>{good});
    }

    void dockClientStoresWhatTheServerSends()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(server.loadSampleStore());
        const QString token =
            server.addTerminal(QStringLiteral("DOCK-01"), QStringLiteral("receiving"));
        const QString other =
            server.addTerminal(QStringLiteral("DOCK-02"), QStringLiteral("receiving"));
        QVERIFY(!token.isEmpty() && !other.isEmpty());
        QVERIFY(importDeliveries(server, dir, "Meadow Gold Dairy,PO-7,store-1,DAI-0001,12\n"));
        QVERIFY(server.start());

        const QString path = dir.filePath(QStringLiteral("dock.db"));
        {
            auto store = LocalStore::open(path);
            QVERIFY(store);
            sync::ClientOptions options = dockOptions(server, token);
            sync::Client client(**store, nullptr, options);
            QSignalSpy changed(&client, &sync::Client::deliveriesChanged);
            client.start();
            QVERIFY(changed.wait(15'000));
            QCOMPARE(client.deliveries().size(), 1);
            QCOMPARE(client.deliveries().first().lines.first().expected, 12);

            // Another dock books 5: every dock is sent the new figure.
            QJsonObject receive{
                {QStringLiteral("seq"), 1},
                {QStringLiteral("id"), QStringLiteral("m-1")},
                {QStringLiteral("kind"), QStringLiteral("receive")},
                {QStringLiteral("at"), QStringLiteral("2026-11-22T10:00:00Z")},
                {QStringLiteral("receipt"), QStringLiteral("DOCK-02-G000001")},
                {QStringLiteral("location"), QStringLiteral("store-1")},
                {QStringLiteral("delivery"), QStringLiteral("PO-7")},
                {QStringLiteral("lines"),
                 QJsonArray{QJsonObject{{QStringLiteral("sku"), QStringLiteral("DAI-0001")},
                                        {QStringLiteral("qty"), 5}}}}};
            auto store2 = LocalStore::open(dir.filePath(QStringLiteral("dock2.db")));
            QVERIFY(store2);
            Mutation parsed = Mutation::fromJson(receive).value();
            QVERIFY(Outbox(**store2).appendNow(parsed));
            options.terminal = QStringLiteral("DOCK-02");
            options.token = other;
            sync::Client second(**store2, nullptr, options);
            second.start();
            QTRY_COMPARE_WITH_TIMEOUT(client.deliveries().value(0).lines.value(0).received,
                                      qint64(5), 15'000);
            client.stop();
        }
        // Offline after a restart: what the server last sent.
        auto store = LocalStore::open(path);
        QVERIFY(store);
        const auto stored = DeliveryBook(**store).find(QStringLiteral("PO-7"));
        QVERIFY(stored && stored->has_value());
        QCOMPARE(stored->value().lines.first().received, 5);
    }

    // Closed on the server while the dock is connected: the dock's list and its store lose it.
    void closedDeliveryLeavesTheDock()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(server.loadSampleStore());
        const QString token =
            server.addTerminal(QStringLiteral("DOCK-01"), QStringLiteral("receiving"));
        QVERIFY(!token.isEmpty());
        QVERIFY(importDeliveries(server, dir,
                                 "Meadow Gold Dairy,PO-7,store-1,DAI-0001,12\n"
                                 "Meadow Gold Dairy,PO-8,store-1,DAI-0001,6\n"));
        QVERIFY(server.start());

        const QString path = dir.filePath(QStringLiteral("dock.db"));
        {
            auto store = LocalStore::open(path);
            QVERIFY(store);
            sync::ClientOptions options = dockOptions(server, token);
            sync::Client client(**store, nullptr, options);
            QSignalSpy changed(&client, &sync::Client::deliveriesChanged);
            client.start();
            QVERIFY(changed.wait(15'000));
            QCOMPARE(client.deliveries().size(), 2);

            QCOMPARE(server
                         .admin({QStringLiteral("delivery"), QStringLiteral("close"),
                                 QStringLiteral("PO-7")})
                         .exitCode,
                     0);
            QTRY_COMPARE_WITH_TIMEOUT(client.deliveries().size(), 1, 5'000);
            QCOMPARE(client.deliveries().first().id, QStringLiteral("PO-8"));
            client.stop();
        }
        auto store = LocalStore::open(path);
        QVERIFY(store);
        DeliveryBook book(**store);
        QVERIFY(!book.find(QStringLiteral("PO-7"))->has_value());
        QVERIFY(book.find(QStringLiteral("PO-8"))->has_value());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryBook)
#include "tst_deliverybook.moc"
