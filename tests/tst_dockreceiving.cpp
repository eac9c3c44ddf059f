// The receiving dock end to end: two dock terminals (the real view models over their own SQLite
// stores, real sync clients) against the real server process. A delivery imported with the
// server's command line is received in two parts from both docks without booking any goods
// twice; a count hits a version conflict and only that line is counted again; a transfer; and a
// receipt booked while the server is down arrives exactly once. The server's levels, delivery
// figures and ledger are checked after each, and `verify` at the end.

#include "client.h"
#include "countmodel.h"
#include "cyclecount.h"
#include "deliveriesmodel.h"
#include "deliverybook.h"
#include "dock.h"
#include "localstore.h"
#include "notices.h"
#include "outbox.h"
#include "posfixture.h"
#include "receiptmodel.h"
#include "receiving.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "stockmoves.h"
#include "stockreplica.h"
#include "testdatabase.h"
#include "transport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace stockline;
using namespace stockline::qml;

namespace {

const QString milk = QStringLiteral("DAI-0001"); // 24 on the store floor, 183 in the back room
const QString milk2 = QStringLiteral("DAI-0002");
const QString oatMilk = QStringLiteral("DAI-0003");
const QString floor1 = QStringLiteral("store-1");
const QString backroom = QStringLiteral("backroom-1");

// A dock terminal: its own store, its sync client to the server, a clerk signed in.
class DockTerminal
{
public:
    [[nodiscard]] bool open(const QString& folder, const QString& terminal, const QUrl& server,
                            const QString& token)
    {
        PosOptions options;
        options.storePath = folder + u'/' + terminal + QStringLiteral(".db");
        options.importFolder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store");
        options.terminal = terminal;
        options.location = floor1;
        options.mode = TerminalConfig::Mode::Receiving;
        options.server = server;
        options.token = token;
        auto context = PosContext::open(options);
        if (!context) {
            qWarning() << context.error().toString();
            return false;
        }
        m_context = std::move(context).value();
        m_problems = std::make_unique<QSignalSpy>(&m_context->notices(), &Notices::problem);
        m_context->startSync();
        return fixtures::signIn(*m_context);
    }

    PosContext& context() { return *m_context; }
    Dock& dock() { return m_context->dock(); }
    Receiving& receiving() { return *dock().receiving(); }
    qint64 pending()
    {
        const Result<qint64> count = m_context->outbox().pendingCount();
        return count ? *count : -1;
    }
    QSignalSpy& problems() { return *m_problems; }
    [[nodiscard]] bool allAnswered()
    {
        return QTest::qWaitFor([&] { return pending() == 0; }, 30'000);
    }
    // What the dock's copy of the delivery says was received of `sku`.
    qint64 receivedOf(const QString& sku)
    {
        const auto found = m_context->deliveries().find(QStringLiteral("PO-42"));
        if (!found || !found->has_value())
            return -1;
        const DeliveryLine* line = (*found)->line(sku);
        return line ? line->received : -1;
    }
    // Receives `qty` of `sku` against PO-42 and confirms.
    [[nodiscard]] bool receive(const QString& sku, qint64 qty, qint64 rejected = 0)
    {
        if (!receiving().start(QStringLiteral("PO-42")))
            return false;
        const int row = receiving().lines()->rowOf(sku);
        return row >= 0 && receiving().setCounted(row, QString::number(qty)) &&
               receiving().setRejected(row, QString::number(rejected)) && receiving().confirm();
    }

private:
    std::unique_ptr<PosContext> m_context;
    std::unique_ptr<QSignalSpy> m_problems;
};

} // namespace

class tst_DockReceiving : public QObject
{
    Q_OBJECT

private:
    // The server's figures, read from its database as `stock show` and `delivery list` do.
    qint64 onHand(const QString& sku, const QString& location)
    {
        auto store = sync::AdminStore::open(m_server->database());
        if (!store)
            return -1;
        const auto levels = (*store)->levels(sku);
        if (!levels)
            return -1;
        for (const StockLevel& level : *levels) {
            if (level.location == location)
                return level.onHand;
        }
        return 0;
    }
    DeliveryLine deliveryLine(const QString& sku)
    {
        auto store = sync::AdminStore::open(m_server->database());
        if (!store)
            return {};
        const Result<QList<Delivery>> deliveries = (*store)->deliveries(true);
        if (!deliveries)
            return {};
        for (const Delivery& delivery : *deliveries) {
            if (const DeliveryLine* line = delivery.line(sku))
                return *line;
        }
        return {};
    }
    // Ledger rows of `kind` for `sku` at `location` made by the docks: how many, and their sum.
    std::pair<qint64, qint64> ledger(const QString& kind, const QString& sku,
                                     const QString& location, const QString& detail = {})
    {
        std::pair<qint64, qint64> result{-1, -1};
        {
            QSqlDatabase db = TestDatabase::openRaw(m_server->database(), QStringLiteral("ledger"));
            if (db.isOpen()) {
                QSqlQuery q(db);
                // SQL both backends speak: the server's database is SQLite or PostgreSQL.
                q.prepare(QStringLiteral(
                    "SELECT count(*), CAST(coalesce(sum(on_hand_delta), 0) AS BIGINT) FROM ledger"
                    " WHERE kind = ? AND sku = ? AND location = ? AND terminal LIKE 'DOCK-%'"
                    " AND detail LIKE '%' || ? || '%'"));
                // An empty filter matches any detail; a null QString would bind NULL, matching
                // none.
                for (const QString& value :
                     {kind, sku, location, detail.isNull() ? QStringLiteral("") : detail})
                    q.addBindValue(value);
                if (q.exec() && q.next())
                    result = {q.value(0).toLongLong(), q.value(1).toLongLong()};
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ledger"));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
        QVERIFY(m_server->loadSampleStore());
        QVERIFY(m_server->addSampleStaff());
        const QString csv = m_dir.filePath(QStringLiteral("po-42.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("supplier,reference,location,sku,expected\n"
                   "Meadow Gold Dairy,PO-42,store-1,DAI-0001,10\n"
                   "Meadow Gold Dairy,PO-42,store-1,DAI-0002,6\n");
        file.close();
        const auto imported =
            m_server->admin({QStringLiteral("delivery"), QStringLiteral("import"), csv});
        QCOMPARE(imported.exitCode, 0);
        const QString token1 =
            m_server->addTerminal(QStringLiteral("DOCK-01"), QStringLiteral("receiving"));
        const QString token2 =
            m_server->addTerminal(QStringLiteral("DOCK-02"), QStringLiteral("receiving"));
        QVERIFY(!token1.isEmpty() && !token2.isEmpty());
        QVERIFY(m_server->start());
        QVERIFY(m_dock1.open(m_dir.path(), QStringLiteral("DOCK-01"), m_server->url(), token1));
        QVERIFY(m_dock2.open(m_dir.path(), QStringLiteral("DOCK-02"), m_server->url(), token2));
        for (DockTerminal* dock : {&m_dock1, &m_dock2})
            QTRY_COMPARE_WITH_TIMEOUT(dock->dock().deliveries()->count(), 1, 30'000);
        m_milkBefore = onHand(milk, floor1);
        QCOMPARE(m_milkBefore, 24);
    }
    void cleanupTestCase()
    {
        m_dock1 = {};
        m_dock2 = {};
        m_server.reset();
    }

    // Both docks count the same six units at once: the server books them once and refuses the
    // second as over_expected, which that dock shows; it then books what is left.
    void deliveryReceivedInTwoPartsFromTwoDocksNeverTwice()
    {
        QVERIFY(m_dock1.receive(milk, 6));
        QVERIFY(m_dock2.receive(milk, 6));
        QVERIFY(m_dock1.allAnswered());
        QVERIFY(m_dock2.allAnswered());
        QCOMPARE(deliveryLine(milk).received, 6);
        QTRY_COMPARE_WITH_TIMEOUT(m_dock1.problems().count() + m_dock2.problems().count(),
                                  qsizetype(1), 10'000);
        DockTerminal& refused = m_dock1.problems().count() == 1 ? m_dock1 : m_dock2;
        QVERIFY(refused.problems().first().at(0).toString().contains(QStringLiteral("refused")));

        // The refused dock sees what the other booked, and receives the rest.
        QTRY_COMPARE_WITH_TIMEOUT(refused.receivedOf(milk), qint64(6), 30'000);
        QVERIFY(refused.receive(milk, 4, 1)); // and one crushed, refused apart
        QVERIFY(refused.allAnswered());
        QVERIFY(m_dock2.receive(milk2, 6));
        QVERIFY(m_dock2.allAnswered());

        const DeliveryLine line = deliveryLine(milk);
        QCOMPARE(line.received, 10);
        QCOMPARE(deliveryLine(milk2).received, 6);
        QCOMPARE(onHand(milk, floor1), m_milkBefore + 10);
        QCOMPARE(ledger(QStringLiteral("receive"), milk, floor1),
                 std::make_pair(qint64(2), qint64(10)));
        // Every dock shows what was booked.
        for (DockTerminal* dock : {&m_dock1, &m_dock2})
            QTRY_COMPARE_WITH_TIMEOUT(dock->receivedOf(milk), qint64(10), 30'000);
        QCOMPARE(line.rejected, 1);
    }

    void countThatHitsAVersionConflictIsCountedAgain()
    {
        const qint64 shelf = onHand(milk, floor1);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_dock1.context().replica().level(milk, floor1).value().value_or(StockLevel{}).onHand,
            shelf, 30'000);
        CycleCount& count = *m_dock1.dock().count();
        QVERIFY(count.load(floor1, milk));
        QCOMPARE(count.lines()->count(), 1);
        QCOMPARE(count.lines()->line(0).onHand, shelf);

        // Meanwhile the other dock writes off a damaged one.
        QVERIFY(m_dock2.dock().moves()->adjust(milk, floor1, QStringLiteral("damage"),
                                               QStringLiteral("1"), QStringLiteral("crushed")));
        QVERIFY(m_dock2.allAnswered());

        const qsizetype problems = m_dock1.problems().count();
        QVERIFY(count.setCounted(0, QString::number(shelf)));
        QCOMPARE(count.submit(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(count.lines()->line(0).state, CountModel::State::Recount, 30'000);
        QCOMPARE(count.lines()->line(0).onHand, shelf - 1);
        QCOMPARE(m_dock1.problems().count(), problems + 1);
        QCOMPARE(onHand(milk, floor1), shelf - 1); // the count changed nothing

        QVERIFY(count.setCounted(0, QString::number(shelf - 3)));
        QCOMPARE(count.submit(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(count.lines()->line(0).state, CountModel::State::Applied, 30'000);
        QCOMPARE(onHand(milk, floor1), shelf - 3);
        QCOMPARE(ledger(QStringLiteral("count"), milk, floor1),
                 std::make_pair(qint64(1), qint64(-2)));
    }

    void transferBetweenLocations()
    {
        const qint64 back = onHand(milk, backroom);
        const qint64 front = onHand(milk, floor1);
        QVERIFY(m_dock1.dock().moves()->transfer(milk, backroom, floor1, QStringLiteral("5")));
        QVERIFY(m_dock1.allAnswered());
        QCOMPARE(onHand(milk, backroom), back - 5);
        QCOMPARE(onHand(milk, floor1), front + 5);
        QCOMPARE(ledger(QStringLiteral("transfer"), milk, floor1).second, 5);
        QCOMPARE(ledger(QStringLiteral("transfer"), milk, backroom).second, -5);
    }

    // Server down: the receipt is booked at the dock, and reaches the server exactly once.
    void offlineReceiptArrivesExactlyOnce()
    {
        const qint64 before = onHand(oatMilk, floor1);
        const quint16 port = m_server->port();
        QCOMPARE(m_server->terminate(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dock1.context().client()->isConnected(), 10'000);

        QVERIFY(m_dock1.receiving().startBlind(floor1));
        QCOMPARE(m_dock1.receiving().submit(QStringLiteral("3*") + oatMilk), QString());
        QVERIFY(m_dock1.receiving().confirm());
        QCOMPARE(m_dock1.pending(), 1);
        QTest::qWait(500);
        QCOMPARE(m_dock1.pending(), 1);

        QVERIFY(m_server->start(port));
        QVERIFY(m_dock1.allAnswered());
        QCOMPARE(onHand(oatMilk, floor1), before + 3);
        // Reconnecting again sends nothing twice.
        QCOMPARE(m_server->terminate(), 0);
        QVERIFY(m_server->start(port));
        QTRY_VERIFY_WITH_TIMEOUT(m_dock1.context().client()->isConnected(), 30'000);
        QTest::qWait(500);
        QCOMPARE(onHand(oatMilk, floor1), before + 3);
        QCOMPARE(ledger(QStringLiteral("receive"), oatMilk, floor1, QStringLiteral("DOCK-01-G")),
                 std::make_pair(qint64(1), qint64(3)));

        QCOMPARE(m_server->terminate(), 0);
        const auto verified = m_server->admin({QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(verified.out.contains("verify: ok"), verified.out.constData());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    DockTerminal m_dock1;
    DockTerminal m_dock2;
    qint64 m_milkBefore = 0;
};

QTEST_MAIN(tst_DockReceiving)
#include "tst_dockreceiving.moc"
