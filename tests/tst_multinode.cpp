// Several stockline-server nodes on one PostgreSQL database (issue 7): every guarantee of one
// server holds across nodes. Real server processes, real WebSockets, one real database; run
// inside pg_virtualenv with STOCKLINE_TEST_DB=postgres (ctest's tst_multinode_pg).
#include "pinhash.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "wireclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <tuple>

using namespace stockline;
using namespace stockline::sync;

namespace {

constexpr int nodeCount = 3;
const QString sku = QStringLiteral("HOT-1");
const QString location = QStringLiteral("store-1");

QString status(const QJsonObject& result)
{
    return result.value(QStringLiteral("status")).toString();
}

qint64 seqOf(const QJsonObject& result)
{
    return result.value(QStringLiteral("seq")).toInteger(-1);
}

// The level of HOT-1 in a `levels` message, or -1 if the message does not carry it.
qint64 availableIn(const QJsonObject& levels)
{
    for (const QJsonValue v : levels.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject level = v.toObject();
        if (level.value(QStringLiteral("sku")).toString() == sku)
            return level.value(QStringLiteral("available")).toInteger(-1);
    }
    return -1;
}

} // namespace

class TestMultiNode : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;
    QHash<QString, QString> m_tokens;

    // Three nodes on one fresh database holding HOT-1 with `units` on hand and the terminals.
    bool startNodes(qint64 units, const QList<std::pair<QString, Role>>& terminals)
    {
        m_nodes.clear();
        m_tokens.clear();
        m_nodes.push_back(std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("x.db"))));
        for (int i = 1; i < nodeCount; ++i)
            m_nodes.push_back(std::make_unique<ServerProcess>(m_nodes[0]->sharedDatabase()));
        auto opened = AdminStore::open(m_nodes[0]->database());
        if (!opened) {
            qWarning().noquote() << opened.error().toString();
            return false;
        }
        AdminStore& s = *opened.value();
        Product product;
        product.sku = sku;
        product.name = QStringLiteral("Hot item");
        product.price = Money::fromMinor(999);
        if (!s.addLocation(Location{location, QStringLiteral("Store floor")}) ||
            !s.importCatalog({product}) || !s.importStock({StockMovement{sku, location, units}}))
            return false;
        for (const auto& [id, role] : terminals) {
            const auto token = s.addTerminal(id, role);
            if (!token)
                return false;
            m_tokens.insert(id, token.value());
        }
        return std::all_of(m_nodes.begin(), m_nodes.end(), [](auto& n) { return n->start(); });
    }

    // A connected, welcomed client of `terminal` on node `node`; null if that failed.
    std::unique_ptr<WireClient> connect(int node, const QString& terminal,
                                        QJsonObject* welcome = nullptr)
    {
        auto client = std::make_unique<WireClient>();
        if (!client->open(m_nodes[static_cast<std::size_t>(node)]->url()))
            return nullptr;
        const QJsonObject hello = client->hello(terminal, m_tokens.value(terminal));
        if (hello.isEmpty())
            return nullptr;
        client->take(QStringLiteral("levels"));
        if (welcome)
            *welcome = hello;
        return client;
    }

    // `verify` of the shared database passes.
    bool verifies()
    {
        const auto run = m_nodes[0]->admin({QStringLiteral("verify")});
        if (run.exitCode != 0)
            qWarning().noquote() << run.out << run.err;
        return run.exitCode == 0;
    }

    static QJsonObject adjustUp(qint64 seq)
    {
        return WireClient::mutation(seq, QStringLiteral("adjust"),
                                    {{QStringLiteral("sku"), sku},
                                     {QStringLiteral("location"), location},
                                     {QStringLiteral("delta"), 1},
                                     {QStringLiteral("reason"), QStringLiteral("found")}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestDatabase::postgres())
            QSKIP("several nodes share one PostgreSQL database: run tst_multinode_pg");
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_nodes.clear(); }

    // 1,000 terminals spread over three nodes grab K units at once: exactly K are applied.
    void raceAcrossThreeNodes()
    {
        constexpr int buyers = 1000;
        constexpr qint64 units = 25;
        QList<std::pair<QString, Role>> terminals;
        for (int i = 0; i < buyers; ++i)
            terminals.append({QStringLiteral("T-%1").arg(i), Role::Pos});
        QVERIFY(startNodes(units, terminals));

        std::vector<std::unique_ptr<WireClient>> all;
        for (int i = 0; i < buyers; ++i) {
            all.push_back(std::make_unique<WireClient>());
            all.back()->startOpen(m_nodes[static_cast<std::size_t>(i % nodeCount)]->url());
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(all.begin(), all.end(), [](auto& c) { return c->isOpen(); });
            },
            60'000));
        for (int i = 0; i < buyers; ++i)
            all[static_cast<std::size_t>(i)]->send(
                {{QStringLiteral("type"), QStringLiteral("hello")},
                 {QStringLiteral("protocol"), 1},
                 {QStringLiteral("terminal"), QStringLiteral("T-%1").arg(i)},
                 {QStringLiteral("token"), m_tokens.value(QStringLiteral("T-%1").arg(i))},
                 {QStringLiteral("cursor"), 0}});
        for (auto& c : all)
            QVERIFY(!c->take(QStringLiteral("welcome"), 30'000).isEmpty());

        for (int i = 0; i < buyers; ++i)
            all[static_cast<std::size_t>(i)]->push(QJsonArray{
                WireClient::reserve(1, QStringLiteral("hold-%1").arg(i), sku, location, 1)});
        int applied = 0;
        int refused = 0;
        for (auto& c : all) {
            const QList<QJsonObject> results = c->takeResults(1, 60'000);
            QCOMPARE(results.size(), 1);
            if (status(results.first()) == QLatin1String("applied"))
                ++applied;
            else if (results.first().value(QStringLiteral("code")).toString() ==
                     QLatin1String("insufficient_stock"))
                ++refused;
        }
        QCOMPARE(applied, int(units));
        QCOMPARE(refused, buyers - int(units));
        QVERIFY(verifies());
    }

    // A change committed on one node reaches terminals on every other node, in commit order.
    void fanOutAcrossNodes()
    {
        QVERIFY(startNodes(100, {{QStringLiteral("MGR-A"), Role::Manager},
                                 {QStringLiteral("MGR-B"), Role::Manager},
                                 {QStringLiteral("OBS-C"), Role::Pos}}));
        auto a = connect(0, QStringLiteral("MGR-A"));
        auto b = connect(1, QStringLiteral("MGR-B"));
        auto observer = connect(2, QStringLiteral("OBS-C"));
        QVERIFY(a && b && observer);

        constexpr int changes = 10;
        QList<qint64> latencies;
        qint64 lastCursor = 0;
        for (int i = 0; i < changes; ++i) {
            WireClient& writer = i % 2 == 0 ? *a : *b;
            QElapsedTimer timer;
            timer.start();
            writer.push(QJsonArray{adjustUp(i / 2 + 1)});
            QCOMPARE(status(writer.takeResults(1, 10'000).value(0)), QStringLiteral("applied"));
            // The observer on the third node sees exactly this change, after the earlier ones.
            QJsonObject levels;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    levels = observer->take(QStringLiteral("levels"), 50);
                    return !levels.isEmpty() && availableIn(levels) == 100 + i + 1;
                },
                5'000));
            latencies.append(timer.elapsed());
            const qint64 cursor = levels.value(QStringLiteral("cursor")).toInteger();
            QVERIFY2(cursor > lastCursor, "cursors only grow");
            lastCursor = cursor;
        }
        std::sort(latencies.begin(), latencies.end());
        const qint64 median = latencies.at(latencies.size() / 2);
        qInfo() << "cross-node fan-out, push to another node's terminal: median" << median
                << "ms, max" << latencies.last() << "ms";
        // The committing node's NOTIFY wakes the others at once. Without it a node would see
        // the change at its next read of the cursor, once a second: a median near 500 ms.
        QVERIFY2(median < 250, qPrintable(QString::number(median)));
        QVERIFY(verifies());
    }

    // Stops the cluster and starts it again.
    static bool restartDatabase()
    {
        return TestDatabase::stopCluster() && TestDatabase::startCluster();
    }

    // PostgreSQL restarts under the nodes: they connect again by themselves; a push sent
    // after the restart is applied (not answered `unavailable`), and fan-out goes on.
    void nodesReconnectAfterDatabaseRestart()
    {
        QVERIFY(startNodes(
            0, {{QStringLiteral("MGR-A"), Role::Manager}, {QStringLiteral("OBS-B"), Role::Pos}}));
        auto a = connect(0, QStringLiteral("MGR-A"));
        auto observer = connect(1, QStringLiteral("OBS-B"));
        QVERIFY(a && observer);
        a->push(QJsonArray{adjustUp(1)});
        QCOMPARE(status(a->takeResults(1, 10'000).value(0)), QStringLiteral("applied"));

        QVERIFY(restartDatabase());

        // The same connections: the terminals never noticed.
        a->push(QJsonArray{adjustUp(2)});
        const QJsonObject result = a->takeResults(1, 15'000).value(0);
        QCOMPARE(status(result), QStringLiteral("applied"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject levels = observer->take(QStringLiteral("levels"), 50);
                return !levels.isEmpty() && availableIn(levels) == 2;
            },
            10'000));
        // A terminal saying hello to the third node after the restart is welcomed.
        QVERIFY(connect(2, QStringLiteral("OBS-B")));
        QVERIFY(verifies());
    }

    // A shortage resolved on one node as a loss moves no stock; terminals on the other nodes
    // are still sent the list without it.
    void shortageResolvedOnAnotherNode()
    {
        QVERIFY(startNodes(1, {{QStringLiteral("POS-A"), Role::Pos},
                               {QStringLiteral("MGR-B"), Role::Manager},
                               {QStringLiteral("OBS-C"), Role::Pos}}));
        QVERIFY(m_nodes[0]->addSampleStaff()); // Morgan, a manager
        auto pos = connect(0, QStringLiteral("POS-A"));
        auto manager = connect(1, QStringLiteral("MGR-B"));
        auto observer = connect(2, QStringLiteral("OBS-C"));
        QVERIFY(pos && manager && observer);
        // An offline sale of 3 with 1 on hand: 2 short.
        pos->push(
            QJsonArray{WireClient::sale(1, QStringLiteral("S-OFF"), location,
                                        QJsonArray{WireClient::saleLine(sku, 3, 999)}, true)});
        QCOMPARE(status(pos->takeResults(1, 10'000).value(0)), QStringLiteral("applied"));
        qint64 shortage = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonArray open = observer->take(QStringLiteral("shortages"), 50)
                                            .value(QStringLiteral("shortages"))
                                            .toArray();
                shortage = open.isEmpty()
                               ? 0
                               : open.first().toObject().value(QStringLiteral("id")).toInteger();
                return shortage > 0;
            },
            5'000));

        manager->push(QJsonArray{
            WireClient::mutation(1, QStringLiteral("resolve"),
                                 {{QStringLiteral("shortage"), shortage},
                                  {QStringLiteral("resolution"), QStringLiteral("loss")},
                                  {QStringLiteral("staff"), QStringLiteral("Morgan")},
                                  {QStringLiteral("approvedBy"), QStringLiteral("Morgan")}})});
        QCOMPARE(status(manager->takeResults(1, 10'000).value(0)), QStringLiteral("applied"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject list = observer->take(QStringLiteral("shortages"), 50);
                return list.contains(QStringLiteral("shortages")) &&
                       list.value(QStringLiteral("shortages")).toArray().isEmpty();
            },
            5'000));
        QVERIFY(verifies());
    }

    // A node dies mid-stream: its terminal reconnects to another node and continues from the
    // lastSeq the database holds; every seq has exactly one effect and one result.
    void nodeKilledMidStream()
    {
        constexpr int total = 300;
        constexpr int perPush = 10; // 30 pushes in flight: within the server's 64
        QVERIFY(startNodes(0, {{QStringLiteral("MGR-A"), Role::Manager}}));
        auto a = connect(0, QStringLiteral("MGR-A"));
        QVERIFY(a);
        QJsonArray mutations;
        for (int seq = 1; seq <= total; ++seq)
            mutations.append(adjustUp(seq));
        for (int first = 0; first < total; first += perPush) {
            QJsonArray push;
            for (int i = first; i < first + perPush; ++i)
                push.append(mutations.at(i));
            a->push(push);
        }
        a->flush();
        QVERIFY2(a->takeResults(20, 30'000).size() >= 20, // mid-stream: some applied
                 qPrintable(QString::number(a->untaken().size())));
        m_nodes[0]->kill();

        QJsonObject welcome;
        auto b = connect(1, QStringLiteral("MGR-A"), &welcome);
        QVERIFY(b);
        const qint64 lastSeq = welcome.value(QStringLiteral("lastSeq")).toInteger(-1);
        QVERIFY2(lastSeq >= 20 && lastSeq <= total, qPrintable(QString::number(lastSeq)));
        qInfo() << "the killed node had committed up to seq" << lastSeq << "of" << total;
        // Everything again from seq 1: what was applied is answered from the store, unchanged.
        b->push(mutations);
        const QList<QJsonObject> results = b->takeResults(total, 30'000);
        QCOMPARE(results.size(), total);
        for (int i = 0; i < total; ++i) {
            QCOMPARE(seqOf(results.at(i)), qint64(i + 1));
            QCOMPARE(status(results.at(i)), QStringLiteral("applied"));
        }
        auto store = AdminStore::open(m_nodes[1]->database());
        QVERIFY(store.ok());
        const auto levels = store.value()->levels(sku);
        QVERIFY(levels.ok() && levels->size() == 1);
        QCOMPARE(levels->first().onHand, qint64(total)); // each adjust applied exactly once
        QVERIFY(verifies());
    }

    // A terminal pushing to a different node each time continues where it left off; a replay
    // on any node gives the stored result.
    void terminalHopsNodes()
    {
        QVERIFY(startNodes(5, {{QStringLiteral("POS-H"), Role::Pos}}));
        QList<QJsonObject> firstResults;
        QList<QJsonObject> sales;
        for (int seq = 1; seq <= 6; ++seq) {
            QJsonObject welcome;
            auto c = connect(seq % nodeCount, QStringLiteral("POS-H"), &welcome);
            QVERIFY(c);
            QCOMPARE(welcome.value(QStringLiteral("lastSeq")).toInteger(), qint64(seq - 1));
            sales.append(WireClient::sale(seq, QStringLiteral("S-%1").arg(seq), location,
                                          {WireClient::saleLine(sku, 1, 999)}));
            c->push(QJsonArray{sales.last()});
            const QJsonObject result = c->takeResults(1, 10'000).value(0);
            QCOMPARE(seqOf(result), qint64(seq));
            firstResults.append(result);
        }
        // Five units: the sixth sale is refused, wherever it was sent.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(status(firstResults.at(i)), QStringLiteral("applied"));
        QCOMPARE(status(firstResults.at(5)), QStringLiteral("rejected"));
        auto c = connect(2, QStringLiteral("POS-H"));
        QVERIFY(c);
        c->push(QJsonArray{sales.at(1)}); // seq 2 again, as sent to another node
        QJsonObject replayed = c->takeResults(1, 10'000).value(0);
        QVERIFY(replayed.take(QStringLiteral("replay")).toBool());
        QCOMPARE(replayed, firstResults.at(1));
        QVERIFY(verifies());
    }

    // Three nodes sweep expired reservations: each is released exactly once.
    void expiryWithThreeSweepingNodes()
    {
        constexpr int holders = 30;
        QList<std::pair<QString, Role>> terminals;
        for (int i = 0; i < holders; ++i)
            terminals.append({QStringLiteral("H-%1").arg(i), Role::Pos});
        QVERIFY(startNodes(holders, terminals));
        for (int i = 0; i < holders; ++i) {
            auto c = connect(i % nodeCount, QStringLiteral("H-%1").arg(i));
            QVERIFY(c);
            c->push(QJsonArray{
                WireClient::reserve(1, QStringLiteral("R-%1").arg(i), sku, location, 1, 1)});
            QCOMPARE(status(c->takeResults(1, 10'000).value(0)), QStringLiteral("applied"));
        }
        // Every node's terminals see the units come back.
        std::vector<std::unique_ptr<WireClient>> watchers;
        for (int node = 0; node < nodeCount; ++node)
            watchers.push_back(connect(node, QStringLiteral("H-%1").arg(node)));
        QTest::qWait(2'500);
        for (auto& w : watchers) {
            QVERIFY(w);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    const QJsonObject levels = w->take(QStringLiteral("levels"), 50);
                    return !levels.isEmpty() && availableIn(levels) == holders;
                },
                10'000));
        }
        QSqlDatabase db = TestDatabase::openRaw(m_nodes[0]->database(), QStringLiteral("raw"));
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(reserved_delta) FROM ledger "
                                          "WHERE kind = 'expire'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), qint64(holders));
            QCOMPARE(q.value(1).toLongLong(), -qint64(holders));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QVERIFY(verifies());
    }

    // High availability (issue 24): a multi-host URL with target_session_attrs, as libpq takes
    // it. The first host is down; the node finds the database at the second. The parameter
    // reaches libpq (no standby here: asking for one fails); unknown ones are refused by name.
    void multiHostUrlFindsTheWritableHost()
    {
        QVERIFY(startNodes(5, {{QStringLiteral("POS-1"), Role::Pos}}));
        const QString url = m_nodes[0]->database();
        const QString dead = QStringLiteral("127.0.0.1:24999,");
        const QString at = url.section(u'@', 0, 0) + u'@';
        const QString rest = url.section(u'@', 1);
        const auto verify = [](const QString& db) {
            QProcess p;
            p.start(ServerProcess::binary(),
                    {QStringLiteral("verify"), QStringLiteral("--db"), db});
            p.waitForFinished(60'000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() +
                                                             p.readAllStandardError())};
        };
        const auto [ok, okText] =
            verify(at + dead + rest + QStringLiteral("?target_session_attrs=read-write"));
        QVERIFY2(ok == 0 && okText.contains(QLatin1String("verify: ok")), qPrintable(okText));
        const auto [standby, standbyText] =
            verify(at + dead + rest + QStringLiteral("?target_session_attrs=standby"));
        QVERIFY2(standby != 0, qPrintable(standbyText));
        const auto [unknown, unknownText] = verify(url + QStringLiteral("?foo=bar"));
        QVERIFY(unknown != 0);
        QVERIFY2(unknownText.contains(QLatin1String("unknown parameter 'foo'")),
                 qPrintable(unknownText));
    }

    // Issue 20: a price scheduled through one node is applied once by whichever node's timer
    // comes first; every node's tills get it, at version 2 (one change, not three).
    void scheduledPriceAppliedOnceAcrossNodes()
    {
        QVERIFY(startNodes(1, {{QStringLiteral("MGR-1"), Role::Manager},
                               {QStringLiteral("P-0"), Role::Pos},
                               {QStringLiteral("P-1"), Role::Pos},
                               {QStringLiteral("P-2"), Role::Pos}}));
        {
            auto admin = AdminStore::open(m_nodes[0]->database());
            QVERIFY(admin);
            QVERIFY(
                admin.value()->putStaff(StaffMember{QStringLiteral("Max"), StaffRole::Manager,
                                                    PinHash::make(u"2468", 1'000).value(), true}));
        }
        std::vector<std::unique_ptr<WireClient>> tills;
        for (int node = 0; node < nodeCount; ++node) {
            tills.push_back(connect(node, QStringLiteral("P-%1").arg(node)));
            QVERIFY(tills.back());
            QVERIFY(!tills.back()->take(QStringLiteral("catalog")).isEmpty());
        }
        auto manager = connect(1, QStringLiteral("MGR-1"));
        QVERIFY(manager);
        manager->send({{QStringLiteral("type"), QStringLiteral("elevate")},
                       {QStringLiteral("request"), QStringLiteral("e-1")},
                       {QStringLiteral("staff"), QStringLiteral("Max")},
                       {QStringLiteral("pin"), QStringLiteral("2468")}});
        QVERIFY(!manager->take(QStringLiteral("elevated")).isEmpty());
        const QString at = QDateTime::currentDateTimeUtc().addSecs(2).toString(Qt::ISODateWithMs);
        manager->send({{QStringLiteral("type"), QStringLiteral("price")},
                       {QStringLiteral("request"), QStringLiteral("c-1")},
                       {QStringLiteral("id"), QStringLiteral("multinode-price-1")},
                       {QStringLiteral("effectiveAt"), at},
                       {QStringLiteral("changes"),
                        QJsonArray{QJsonObject{{QStringLiteral("sku"), sku},
                                               {QStringLiteral("price"), 1099},
                                               {QStringLiteral("expectedVersion"), 1}}}}});
        QCOMPARE(
            manager->take(QStringLiteral("answer")).value(QStringLiteral("scheduled")).toBool(),
            true);
        for (auto& till : tills) {
            QJsonObject product;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    const QJsonObject catalog = till->take(QStringLiteral("catalog"), 50);
                    for (const QJsonValue v : catalog.value(QStringLiteral("products")).toArray())
                        product = v.toObject();
                    return !product.isEmpty();
                },
                10'000));
            QCOMPARE(product.value(QStringLiteral("price")).toInteger(), 1099);
            QCOMPARE(product.value(QStringLiteral("version")).toInteger(), 2);
        }
        QTest::qWait(1'500); // every node's timer has come round since
        QSqlDatabase db = TestDatabase::openRaw(m_nodes[0]->database(), QStringLiteral("raw"));
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT version, price FROM products")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), 2);
            QCOMPARE(q.value(1).toLongLong(), 1099);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM price_changes "
                                          "WHERE applied_at IS NOT NULL")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), 1);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
};

QTEST_GUILESS_MAIN(TestMultiNode)
#include "tst_multinode.moc"
