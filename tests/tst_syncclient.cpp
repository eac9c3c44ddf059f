// sync::Client, the terminal's side of the protocol, against the real server process over real
// sockets on 127.0.0.1 and real SQLite files at both ends. Includes the crash test of issue 3:
// the server is killed with SIGKILL while a terminal streams to it, and nothing is lost or
// applied twice.
#include "catalog.h"
#include "client.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salefixtures.h"
#include "salejournal.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "sqlserverstore.h"
#include "staffdirectory.h"
#include "stockreplica.h"
#include "storesettings.h"
#include "transport.h"
#include "websockettransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <functional>
#include <memory>

using namespace stockline;
using namespace stockline::sync;

namespace {

const QString location = QStringLiteral("store-1");
constexpr int syncTimeoutMs = 60'000;

QString skuOf(int product)
{
    return QLatin1String(fixtures::products[product].sku);
}

// The real WebSocket transport with a tap: what the server sent, and how often we connected.
class TapTransport final : public Transport
{
public:
    TapTransport()
    {
        connect(&m_inner, &Transport::opened, this, &Transport::opened);
        connect(&m_inner, &Transport::closed, this, [this](int code, const QString& reason) {
            m_losing = false;
            Q_EMIT closed(code, reason);
        });
        connect(&m_inner, &Transport::received, this, &TapTransport::onReceived);
    }

    // A server that dies right after a commit, before its results reach the terminal: at the
    // next results frame `crash` runs, and that frame and every later one of the connection
    // are lost.
    void crashAtNextResults(std::function<void()> crash) { m_crash = std::move(crash); }

    void open(const QUrl& url) override
    {
        ++opens;
        m_inner.open(url);
    }
    void close() override { m_inner.close(); }
    void send(const QByteArray& message) override { m_inner.send(message); }
    [[nodiscard]] bool isOpen() const override { return m_inner.isOpen(); }
    [[nodiscard]] qint64 bytesPending() const override { return m_inner.bytesPending(); }

    // Every result object the server sent since `from` frames, in arrival order.
    [[nodiscard]] QList<QJsonObject> results(qsizetype from = 0) const
    {
        QList<QJsonObject> all;
        for (qsizetype i = from; i < frames.size(); ++i) {
            const QJsonObject message = QJsonDocument::fromJson(frames[i]).object();
            if (message.value(QStringLiteral("type")).toString() != QLatin1String("results"))
                continue;
            for (const QJsonValue result : message.value(QStringLiteral("results")).toArray())
                all.append(result.toObject());
        }
        return all;
    }

    int opens = 0;
    int lost = 0;
    QList<QByteArray> frames;

private:
    void onReceived(const QByteArray& message)
    {
        if (m_crash && message.contains(R"("type":"results")")) {
            std::exchange(m_crash, {})();
            m_losing = true;
        }
        if (m_losing) {
            ++lost;
            return;
        }
        frames.append(message);
        Q_EMIT received(message);
    }

    WebSocketTransport m_inner;
    std::function<void()> m_crash;
    bool m_losing = false;
};

// One terminal: its store, its outbox and its sync client.
struct Till
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<Client> client;
    TapTransport* tap = nullptr;

    [[nodiscard]] bool append(const QList<Mutation>& mutations) const
    {
        Transaction tx(*store);
        const auto appended = outbox->appendAll(tx, mutations);
        if (!appended) {
            qWarning() << appended.error().toString();
            return false;
        }
        if (!tx.commit())
            return false;
        return true;
    }
    [[nodiscard]] bool synced(int timeoutMs = syncTimeoutMs) const
    {
        return QTest::qWaitFor(
            [this] { return client->isConnected() && client->pendingCount() == 0; }, timeoutMs);
    }
};

ClientOptions optionsFor(const QUrl& url, const QString& terminal, const QString& token)
{
    ClientOptions options;
    options.url = url;
    options.terminal = terminal;
    options.token = token;
    // Quick retries: the tests restart servers and must not wait out production backoffs.
    options.backoffMinMs = 50;
    options.backoffMaxMs = 1'000;
    return options;
}

std::unique_ptr<Till> openTill(const QString& path, const QUrl& url, const QString& terminal,
                               const QString& token)
{
    auto till = std::make_unique<Till>();
    auto store = LocalStore::open(path);
    if (!store) {
        qWarning() << store.error().toString();
        return nullptr;
    }
    till->store = std::move(store).value();
    till->outbox = std::make_unique<Outbox>(*till->store);
    till->tap = new TapTransport;
    till->client =
        std::make_unique<Client>(*till->store, till->tap, optionsFor(url, terminal, token));
    return till;
}

Mutation receive(int product, qint64 qty)
{
    Mutation m;
    m.body = ReceiveMutation{QStringLiteral("RC-") + QUuid::createUuid().toString(QUuid::Id128),
                             location,
                             {ItemLine{skuOf(product), qty}},
                             {},
                             {},
                             {},
                             false};
    return m;
}

Mutation reserve(int product, qint64 qty, const QString& reservation)
{
    Mutation m;
    m.body = ReserveMutation{reservation, skuOf(product), location, qty, maxTtlSeconds};
    return m;
}

struct TerminalSpec
{
    QString id;
    Role role;
};

// The fixture products at store-1 with opening stock, and the terminals; their tokens by id.
QMap<QString, QString> prepareServer(const ServerProcess& server,
                                     const QList<TerminalSpec>& terminals,
                                     const QList<StockMovement>& stock = {})
{
    auto opened = AdminStore::open(server.database());
    if (!opened) {
        qWarning() << opened.error().toString();
        return {};
    }
    AdminStore& store = *opened.value();
    if (!store.addLocation(Location{location, QStringLiteral("Store floor")}) ||
        !store.importCatalog(fixtures::catalogProducts()) ||
        (!stock.isEmpty() && !store.importStock(stock)))
        return {};
    QMap<QString, QString> tokens;
    for (const TerminalSpec& t : terminals) {
        const auto token = store.addTerminal(t.id, t.role);
        if (!token)
            return {};
        tokens.insert(t.id, token.value());
    }
    return tokens;
}

// What the server holds once it has stopped: read in-process from its file.
struct ServerView
{
    qint64 lastSeq = -1;
    QMap<QString, StockLevel> levels; // by SKU, at store-1
    bool verified = false;
    QStringList problems;
};

ServerView inspect(const ServerProcess& server, const QString& terminal)
{
    ServerView view;
    auto opened = SqlServerStore::open(server.database());
    if (!opened)
        return view;
    SqlServerStore& store = *opened.value();
    if (const auto info = store.terminal(terminal))
        view.lastSeq = info->lastSeq;
    if (const auto levels = store.levels())
        for (const StockLevel& l : levels.value())
            if (l.location == location)
                view.levels.insert(l.sku, l);
    if (const auto report = store.verify()) {
        view.verified = report->ok;
        view.problems = report->problems;
    }
    return view;
}

struct LocalRow
{
    QString status;
    QJsonObject result;
};

// Every outbox entry: its status and the result it holds.
QMap<qint64, LocalRow> localResults(const LocalStore& store)
{
    QMap<qint64, LocalRow> rows;
    QSqlQuery query =
        store.prepare(QStringLiteral("SELECT seq, status, result FROM outbox ORDER BY seq"));
    if (!query.exec())
        return rows;
    while (query.next())
        rows.insert(query.value(0).toLongLong(),
                    LocalRow{query.value(1).toString(),
                             QJsonDocument::fromJson(query.value(2).toByteArray()).object()});
    return rows;
}

// Seqs first..last each hold exactly one answered result naming that seq; the count applied.
int checkAllAnswered(const LocalStore& store, qint64 first, qint64 last)
{
    const QMap<qint64, LocalRow> rows = localResults(store);
    int applied = 0;
    for (qint64 seq = first; seq <= last; ++seq) {
        const auto row = rows.constFind(seq);
        if (row == rows.cend() || row->status == QLatin1String("pending") ||
            row->result.value(QStringLiteral("seq")).toInteger() != seq) {
            qWarning() << "seq" << seq << "has no result";
            return -1;
        }
        if (row->status == QLatin1String("applied"))
            ++applied;
    }
    return applied;
}

QJsonObject withoutReplay(QJsonObject result)
{
    result.remove(QStringLiteral("replay"));
    return result;
}

// A server played by the test, for the answers a real one gives only under faults (unavailable
// with pushes in flight, gaps, conflicts in mid-push, silence): it records what the client sends
// and delivers what the test scripts.
class ScriptedTransport final : public Transport
{
public:
    void open(const QUrl&) override
    {
        ++opens;
        m_open = true;
        QTimer::singleShot(0, this, [this] { Q_EMIT opened(); });
    }
    void close() override
    {
        if (!m_open)
            return;
        m_open = false;
        QTimer::singleShot(0, this, [this] { Q_EMIT closed(1000, QString()); });
    }
    void send(const QByteArray& message) override
    {
        sent.append(QJsonDocument::fromJson(message).object());
    }
    [[nodiscard]] bool isOpen() const override { return m_open; }
    [[nodiscard]] qint64 bytesPending() const override { return 0; }

    void deliver(const QByteArray& frame) { Q_EMIT received(frame); }
    // The pushes sent since the last call, as (first seq, last seq).
    QList<QPair<qint64, qint64>> takePushes()
    {
        QList<QPair<qint64, qint64>> pushes;
        for (; m_taken < sent.size(); ++m_taken) {
            const QJsonObject& message = sent[m_taken];
            if (message.value(QStringLiteral("type")).toString() != QLatin1String("push"))
                continue;
            const QJsonArray mutations = message.value(QStringLiteral("mutations")).toArray();
            pushes.append({mutations.first().toObject().value(QStringLiteral("seq")).toInteger(),
                           mutations.last().toObject().value(QStringLiteral("seq")).toInteger()});
        }
        return pushes;
    }

    int opens = 0;
    QList<QJsonObject> sent;

private:
    bool m_open = false;
    qsizetype m_taken = 0;
};

// A till whose server is a ScriptedTransport, with `count` release mutations pending.
struct ScriptedTill
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<Client> client;
    ScriptedTransport* server = nullptr;

    [[nodiscard]] bool open(const QString& path, int count, ClientOptions options = {})
    {
        auto opened = LocalStore::open(path);
        if (!opened)
            return false;
        store = std::move(opened).value();
        outbox = std::make_unique<Outbox>(*store);
        QList<Mutation> releases;
        for (int i = 0; i < count; ++i) {
            Mutation m;
            m.body = ReleaseMutation{QStringLiteral("r%1").arg(i)};
            releases.append(m);
        }
        Transaction tx(*store);
        if (count > 0 && (!outbox->appendAll(tx, releases) || !tx.commit()))
            return false;
        server = new ScriptedTransport;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:1/"));
        options.terminal = QStringLiteral("T-1");
        options.token = QStringLiteral("token");
        options.backoffMinMs = 20;
        options.backoffMaxMs = 200;
        client = std::make_unique<Client>(*store, server, options);
        return true;
    }
    // Starts the client and welcomes it.
    [[nodiscard]] bool welcome(qint64 lastSeq, qint64 cursor = 0)
    {
        const qsizetype before = server->sent.size();
        client->start();
        if (!QTest::qWaitFor([&] { return server->sent.size() > before; }, 5'000))
            return false;
        server->deliver(encode(Welcome{QStringLiteral("T-1"), QStringLiteral("manager"), lastSeq,
                                       cursor, QDateTime::currentDateTimeUtc()}));
        return client->isConnected();
    }
    void answer(qint64 first, qint64 last, bool replay = false) const
    {
        Results results;
        for (qint64 seq = first; seq <= last; ++seq) {
            MutationResult r;
            r.seq = seq;
            r.replay = replay;
            results.results.append(r);
        }
        server->deliver(encode(results));
    }
    void error(const QString& code, std::optional<qint64> seq = {},
               std::optional<qint64> expected = {}) const
    {
        server->deliver(encode(ProtocolError{code, code, {}, expected, seq}));
    }
};

using Pushes = QList<QPair<qint64, qint64>>;
} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamsAThousandMutations();
    void crashTestServerKilledThreeTimes();
    void lostResultsComeBackAsIdenticalReplays();
    void reinstalledTerminalContinuesAfterServerLastSeq();
    void restoredBackupNeverAppliesAnythingTwice();
    void levelsAndCatalogAppliedByCursor();
    void rejectionIsRecordedAndExposed();
    void reconnectsAfterServerRestart();
    void storeThatCannotWriteBacksOffInsteadOfReconnectingInALoop();
    void unauthorizedTokenStopsRetrying();
    void revokedTerminalStopsRetrying();
    void adminStockImportWhileServingReachesTheReplica();
    void staffListArrives();
    void storeSettingsArriveAndAreKeptForAnOfflineStart();

    // The stream's error paths, against a scripted server.
    void unavailableResendsOnlyOnceEveryPushIsAnswered();
    void conflictRenumbersOnlyOnceNothingIsInFlight();
    void serverThatLostConfirmedMutationsIsSentNothing();
    void gapBelowWhatWasAnsweredIsNotResentInALoop();
    void resendAfterRestoreSendsWhatTheServerLostUnderTheSameSeqs();
    void silentServerIsLeftAfterTheAnswerTimeout();
    void levelsApplyOnlyWithANewerCursor();
    void staffMessageReplacesTheStoredListAcrossARestart();
};

// Receives, reserves and sales (through SaleJournal) appended while the client streams.
void TestSyncClient::streamsAThousandMutations()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("M-1"), tokens.value(QStringLiteral("M-1")));
    QVERIFY(till);
    till->client->start();
    // SaleJournal sells only products the replica knows: the catalog comes first.
    const Catalog catalog(*till->store);
    QVERIFY(QTest::qWaitFor([&] { return catalog.count().value() == 5; }, syncTimeoutMs));

    const auto numbers = ReceiptNumbers::create(*till->store, QStringLiteral("M-1"));
    QVERIFY(numbers);
    SaleJournal journal(*till->store, *till->outbox, numbers.value());
    constexpr int groups = 100; // 10 mutations each
    for (int g = 0; g < groups; ++g) {
        const int p = g % 5;
        QVERIFY(till->append({receive(p, 3), receive(p, 3), receive(p, 3), receive(p, 3),
                              reserve(p, 1, QStringLiteral("R-%1-1").arg(g)),
                              reserve(p, 1, QStringLiteral("R-%1-2").arg(g)),
                              reserve(p, 1, QStringLiteral("R-%1-3").arg(g))}));
        for (int s = 0; s < 3; ++s)
            QVERIFY(journal.record(fixtures::paidInCash({fixtures::line(p, 1)})));
        QCoreApplication::processEvents(); // stream while the till keeps selling
    }
    QVERIFY(till->synced());
    QCOMPARE(checkAllAnswered(*till->store, 1, 1000), 1000);
    QCOMPARE(till->client->lastError(), QString());
    QVERIFY(till->client->rejections().isEmpty());

    // Each product: 20 groups of +12 received, 3 sold, 3 reserved. The replica follows.
    const StockReplica replica(*till->store);
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (int p = 0; p < 5; ++p) {
                const auto level = replica.level(skuOf(p), location);
                if (!level || !level.value() || level.value()->onHand != 180 ||
                    level.value()->reserved != 60)
                    return false;
            }
            return true;
        },
        syncTimeoutMs));

    till->client->stop();
    QCOMPARE(server.terminate(), 0);
    const ServerView view = inspect(server, QStringLiteral("M-1"));
    QVERIFY2(view.verified, qPrintable(view.problems.join(u'\n')));
    QCOMPARE(view.lastSeq, 1000);
    for (int p = 0; p < 5; ++p) {
        QCOMPARE(view.levels.value(skuOf(p)).onHand, 180);
        QCOMPARE(view.levels.value(skuOf(p)).reserved, 60);
        QCOMPARE(replica.level(skuOf(p), location).value().value(), view.levels.value(skuOf(p)));
    }
}

// Issue 3: 5,000 mutations (a receive of one unit, then a reserve of one unit of the same
// product) while the server is killed three times at random points and restarted on the same
// file and port. Every seq ends with exactly one result and the server applied each once.
void TestSyncClient::crashTestServerKilledThreeTimes()
{
    const quint32 seed = qEnvironmentVariableIsSet("STOCKLINE_SEED")
                             ? qEnvironmentVariable("STOCKLINE_SEED").toUInt()
                             : QRandomGenerator::global()->generate();
    qInfo("crash test seed %u (run again with STOCKLINE_SEED=%u)", seed, seed);
    QRandomGenerator random(seed);

    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("CRASH-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    const quint16 port = server.port();
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("CRASH-1"), tokens.value(QStringLiteral("CRASH-1")));
    QVERIFY(till);

    constexpr int total = 5000;
    int appended = 0;
    const auto appendUpTo = [&](int upTo) {
        QList<Mutation> batch;
        for (; appended < upTo; ++appended) {
            const int product = (appended / 2) % 5;
            batch.append(appended % 2 == 0
                             ? receive(product, 1)
                             : reserve(product, 1, QStringLiteral("H-%1").arg(appended)));
        }
        return till->append(batch);
    };
    QVERIFY(appendUpTo(total / 2));
    till->client->start();

    const int chunk = (total - total / 2 + 2) / 3;
    for (int round = 0; round < 3; ++round) {
        const qint64 answered = appended - till->client->pendingCount();
        const qint64 target =
            answered + 1 + random.bounded(std::max(1, int(till->client->pendingCount() * 2 / 3)));
        QVERIFY(QTest::qWaitFor([&] { return appended - till->client->pendingCount() >= target; },
                                syncTimeoutMs));
        if (round == 1) {
            // Once for certain: committed, and the results lost with the server.
            bool crashed = false;
            till->tap->crashAtNextResults([&] {
                server.kill();
                crashed = true;
            });
            QVERIFY(QTest::qWaitFor([&] { return crashed; }, syncTimeoutMs));
        } else {
            QTest::qWait(int(random.bounded(30)));
            server.kill();
        }
        qInfo() << "round" << round << ": server killed after"
                << appended - till->client->pendingCount() << "of" << appended
                << "answers were recorded";
        QVERIFY(appendUpTo(std::min(total, appended + chunk))); // the till sells on, offline
        QVERIFY(QTest::qWaitFor([&] { return !till->client->isConnected(); }, syncTimeoutMs));
        QTest::qWait(int(random.bounded(200)));
        QVERIFY(server.start(port));
    }
    QCOMPARE(appended, total);
    QVERIFY(till->synced());
    QCOMPARE(till->client->lastError(), QString());
    QCOMPARE(checkAllAnswered(*till->store, 1, total), total);

    // Every result the server sent for a seq is the same one, first time or replay.
    QMap<qint64, QJsonObject> seen;
    int replays = 0;
    for (const QJsonObject& result : till->tap->results()) {
        const qint64 seq = result.value(QStringLiteral("seq")).toInteger();
        replays += result.value(QStringLiteral("replay")).toBool() ? 1 : 0;
        const auto known = seen.constFind(seq);
        if (known == seen.cend())
            seen.insert(seq, withoutReplay(result));
        else
            QCOMPARE(withoutReplay(result), known.value());
    }
    QCOMPARE(seen.size(), total);
    qInfo() << "results received:" << till->tap->results().size() << "of which replays:" << replays
            << "- frames lost with the server:" << till->tap->lost
            << "- connections:" << till->tap->opens;
    QVERIFY(till->tap->lost > 0);
    QVERIFY(replays > 0);

    till->client->stop();
    QCOMPARE(server.terminate(), 0);
    const ServerView view = inspect(server, QStringLiteral("CRASH-1"));
    QVERIFY2(view.verified, qPrintable(view.problems.join(u'\n')));
    QCOMPARE(view.lastSeq, total);
    for (int p = 0; p < 5; ++p) {
        QCOMPARE(view.levels.value(skuOf(p)).onHand, total / 10);
        QCOMPARE(view.levels.value(skuOf(p)).reserved, total / 10);
    }
}

// Results lost on the way (here: wiped from the local store) are asked for again: the server
// answers replays identical to the first answers and applies nothing again.
void TestSyncClient::lostResultsComeBackAsIdenticalReplays()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}},
                                      {StockMovement{skuOf(0), location, 10}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("M-1"), tokens.value(QStringLiteral("M-1")));
    QVERIFY(till);
    QList<Mutation> holds;
    for (int i = 0; i < 20; ++i) // 10 units: ten applied, ten insufficient_stock
        holds.append(reserve(0, 1, QStringLiteral("R-%1").arg(i)));
    QVERIFY(till->append(holds));
    till->client->start();
    QVERIFY(till->synced());
    const QMap<qint64, LocalRow> first = localResults(*till->store);
    QCOMPARE(checkAllAnswered(*till->store, 1, 20), 10);

    till->client->stop();
    QVERIFY(QTest::qWaitFor([&] { return !till->client->isConnected(); }, syncTimeoutMs));
    QSqlQuery wipe =
        till->store->prepare(QStringLiteral("UPDATE outbox SET status = 'pending', result = NULL"));
    QVERIFY(wipe.exec());
    const qsizetype framesBefore = till->tap->frames.size();
    till->client->start();
    QCOMPARE(till->client->pendingCount(), 20);
    QVERIFY(till->synced());

    QCOMPARE(localResults(*till->store).size(), first.size());
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        QCOMPARE(localResults(*till->store).value(it.key()).status, it->status);
        QCOMPARE(localResults(*till->store).value(it.key()).result, it->result);
    }
    const QList<QJsonObject> replayed = till->tap->results(framesBefore);
    QCOMPARE(replayed.size(), 20);
    for (const QJsonObject& result : replayed)
        QVERIFY(result.value(QStringLiteral("replay")).toBool());

    till->client->stop();
    QCOMPARE(server.terminate(), 0);
    const ServerView view = inspect(server, QStringLiteral("M-1"));
    QVERIFY(view.verified);
    QCOMPARE(view.lastSeq, 20);
    QCOMPARE(view.levels.value(skuOf(0)).reserved, 10);
}

// A new store file under an enrolled terminal id: what it recorded offline is renumbered after
// the server's lastSeq once the server proved it holds other mutations there, sales included.
void TestSyncClient::reinstalledTerminalContinuesAfterServerLastSeq()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    const QString token = tokens.value(QStringLiteral("M-1"));
    QVERIFY(server.start());
    {
        auto old = openTill(dir.filePath(QStringLiteral("old.db")), server.url(),
                            QStringLiteral("M-1"), token);
        QVERIFY(old);
        QList<Mutation> receipts;
        for (int i = 0; i < 30; ++i)
            receipts.append(receive(0, 1));
        QVERIFY(old->append(receipts));
        old->client->start();
        QVERIFY(old->synced());
    }

    // The reinstalled till sells before it ever reaches the server.
    auto fresh = openTill(dir.filePath(QStringLiteral("fresh.db")), server.url(),
                          QStringLiteral("M-1"), token);
    QVERIFY(fresh);
    QVERIFY(fixtures::seedProducts(*fresh->store));
    QList<Mutation> offline;
    for (int i = 0; i < 9; ++i)
        offline.append(receive(0, 1));
    QVERIFY(fresh->append(offline));
    const auto numbers = ReceiptNumbers::create(*fresh->store, QStringLiteral("M-1"));
    QVERIFY(numbers);
    SaleJournal journal(*fresh->store, *fresh->outbox, numbers.value());
    const auto sale = journal.record(fixtures::paidInCash({fixtures::line(0, 2)}));
    QVERIFY(sale);
    QCOMPARE(sale->seq, 10);

    fresh->client->start();
    QVERIFY(fresh->synced());
    QCOMPARE(fresh->outbox->lastSeq().value(), 40);
    QCOMPARE(checkAllAnswered(*fresh->store, 31, 40), 10);
    const auto stored = journal.find(sale->receipt);
    QVERIFY(stored);
    QCOMPARE(stored->seq, 40); // the sale followed its entry
    QCOMPARE(stored->syncStatus, OutboxEntry::Status::Applied);
    QCOMPARE(fresh->client->lastError(), QString());

    // Another fresh file with nothing pending continues at once, with no conflict first.
    fresh.reset();
    auto idle = openTill(dir.filePath(QStringLiteral("idle.db")), server.url(),
                         QStringLiteral("M-1"), token);
    QVERIFY(idle);
    idle->client->start();
    QVERIFY(QTest::qWaitFor([&] { return idle->client->isConnected(); }, syncTimeoutMs));
    QVERIFY(QTest::qWaitFor([&] { return idle->outbox->lastSeq().value() == 40; }, syncTimeoutMs));
    QVERIFY(idle->append({receive(0, 1)}));
    QCOMPARE(idle->outbox->lastSeq().value(), 41);
    QVERIFY(idle->synced());

    idle->client->stop();
    QCOMPARE(server.terminate(), 0);
    const ServerView view = inspect(server, QStringLiteral("M-1"));
    QVERIFY(view.verified);
    QCOMPARE(view.lastSeq, 41);
    QCOMPARE(view.levels.value(skuOf(0)).onHand, 30 + 9 - 2 + 1);
}

// The trap in renumbering: a till restored from a backup holds entries the server applied
// after the backup was taken. They must come back as replays, never renumbered and applied again.
void TestSyncClient::restoredBackupNeverAppliesAnythingTwice()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    const QString token = tokens.value(QStringLiteral("M-1"));
    QVERIFY(server.start());
    const QString backup = dir.filePath(QStringLiteral("backup.db"));
    QMap<qint64, LocalRow> original;
    {
        auto live = openTill(dir.filePath(QStringLiteral("live.db")), server.url(),
                             QStringLiteral("M-1"), token);
        QVERIFY(live);
        QList<Mutation> receipts;
        for (int i = 0; i < 5; ++i)
            receipts.append(receive(1, 1));
        QVERIFY(live->append(receipts));
        QSqlQuery copy = live->store->prepare(QStringLiteral("VACUUM INTO ?"));
        copy.addBindValue(backup);
        QVERIFY(copy.exec()); // five entries, all pending
        live->client->start();
        QVERIFY(live->synced());
        QVERIFY(live->append({receive(1, 1), receive(1, 1), receive(1, 1)}));
        QVERIFY(live->synced());
        original = localResults(*live->store);
    }

    // The restored till books one more before it reaches the server: seq 6, which the server
    // holds from the live till. 1–5 are replays (the same push), 6 a sequence_conflict.
    auto restored = openTill(backup, server.url(), QStringLiteral("M-1"), token);
    QVERIFY(restored);
    QVERIFY(restored->append({receive(1, 1)}));
    QCOMPARE(restored->client->pendingCount(), 6);
    restored->client->start();
    QVERIFY(restored->synced());
    for (qint64 seq = 1; seq <= 5; ++seq)
        QCOMPARE(localResults(*restored->store).value(seq).result, original.value(seq).result);
    QCOMPARE(restored->outbox->lastSeq().value(), 9);
    QCOMPARE(checkAllAnswered(*restored->store, 9, 9), 1);
    QCOMPARE(restored->client->lastError(), QString());

    restored->client->stop();
    QCOMPARE(server.terminate(), 0);
    const ServerView view = inspect(server, QStringLiteral("M-1"));
    QVERIFY(view.verified);
    QCOMPARE(view.lastSeq, 9);
    QCOMPARE(view.levels.value(skuOf(1)).onHand, 9);
}

void TestSyncClient::levelsAndCatalogAppliedByCursor()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(
        server, {{QStringLiteral("P-1"), Role::Pos}, {QStringLiteral("R-1"), Role::Receiving}},
        {StockMovement{skuOf(0), location, 5}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto pos = openTill(dir.filePath(QStringLiteral("pos.db")), server.url(), QStringLiteral("P-1"),
                        tokens.value(QStringLiteral("P-1")));
    QVERIFY(pos);
    // A product this till knows and the server no longer lists, and a stale level of it.
    Catalog catalog(*pos->store);
    Product old;
    old.sku = QStringLiteral("OLD-1");
    old.name = QStringLiteral("Discontinued");
    old.price = Money::fromMinor(100);
    QVERIFY(catalog.upsert({old}));
    StockReplica replica(*pos->store);
    QVERIFY(replica.upsertLevels({StockLevel{QStringLiteral("OLD-1"), location, 3, 0, 1}}));

    QSignalSpy levels(pos->client.get(), &Client::levelsChanged);
    QSignalSpy catalogs(pos->client.get(), &Client::catalogChanged);
    pos->client->start();
    QVERIFY(
        QTest::qWaitFor([&] { return levels.size() >= 1 && catalogs.size() >= 1; }, syncTimeoutMs));
    QVERIFY(levels.first().at(1).toBool()); // cursor 0: full snapshots
    QVERIFY(catalogs.first().at(0).toBool());
    QCOMPARE(catalog.bySku(QStringLiteral("OLD-1")).value()->active, false);
    QCOMPARE(catalog.bySku(skuOf(0)).value()->active, true);
    QCOMPARE(catalog.count().value(), 6);
    QCOMPARE(replica.level(QStringLiteral("OLD-1"), location).value(), std::nullopt);
    QCOMPARE(replica.level(skuOf(0), location).value()->onHand, 5);
    const qint64 snapshotCursor = replica.cursor(QStringLiteral("levels")).value();
    QVERIFY(snapshotCursor > 0);

    // A delivery booked at the dock shows up at the till.
    auto dock = openTill(dir.filePath(QStringLiteral("dock.db")), server.url(),
                         QStringLiteral("R-1"), tokens.value(QStringLiteral("R-1")));
    QVERIFY(dock);
    QVERIFY(dock->append({receive(0, 7)}));
    dock->client->start();
    QVERIFY(dock->synced());
    QVERIFY(QTest::qWaitFor([&] { return replica.level(skuOf(0), location).value()->onHand == 12; },
                            syncTimeoutMs));
    QCOMPARE(levels.last().at(1).toBool(), false);
    QVERIFY(replica.cursor(QStringLiteral("levels")).value() > snapshotCursor);

    // A price change while the till is away arrives as a delta after its cursor.
    pos->client->stop();
    QVERIFY(QTest::qWaitFor([&] { return !pos->client->isConnected(); }, syncTimeoutMs));
    {
        auto admin = AdminStore::open(server.database());
        QVERIFY(admin);
        Product milk = catalog.bySku(skuOf(0)).value().value();
        milk.price = Money::fromMinor(129);
        QVERIFY(admin.value()->importCatalog({milk}));
    }
    catalogs.clear();
    pos->client->start();
    QVERIFY(QTest::qWaitFor([&] { return !catalogs.isEmpty(); }, syncTimeoutMs));
    QCOMPARE(catalogs.first().at(0).toBool(), false);
    QCOMPARE(catalog.bySku(skuOf(0)).value()->price, Money::fromMinor(129));
    QCOMPARE(catalog.bySku(skuOf(1)).value()->active, true);
}

void TestSyncClient::rejectionIsRecordedAndExposed()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("P-1"), Role::Pos}},
                                      {StockMovement{skuOf(2), location, 5}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("P-1"), tokens.value(QStringLiteral("P-1")));
    QVERIFY(till);
    QSignalSpy rejections(till->client.get(), &Client::rejectionsChanged);
    till->client->start();
    QVERIFY(till->append(
        {reserve(2, 2, QStringLiteral("ok")), reserve(2, 100, QStringLiteral("big"))}));
    QVERIFY(till->synced());
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(till->client->rejections().size(), 1);
    const Rejection r = till->client->rejections().first();
    QCOMPARE(r.seq, 2);
    QCOMPARE(r.kind, QStringLiteral("reserve"));
    QCOMPARE(r.code, QStringLiteral("insufficient_stock"));
    QVERIFY2(r.message.contains(QLatin1String("3")), qPrintable(r.message)); // 3 left
    const QVariantMap shown = till->client->rejectionList().first().toMap();
    QCOMPARE(shown.value(QStringLiteral("code")).toString(), QStringLiteral("insufficient_stock"));
    QCOMPARE(till->outbox->entry(2).value().status, OutboxEntry::Status::Rejected);
    QCOMPARE(till->outbox->entry(1).value().status, OutboxEntry::Status::Applied);
    till->client->clearRejections();
    QVERIFY(till->client->rejections().isEmpty());
}

void TestSyncClient::reconnectsAfterServerRestart()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    const quint16 port = server.port();
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("M-1"), tokens.value(QStringLiteral("M-1")));
    QVERIFY(till);
    till->client->start();
    QVERIFY(QTest::qWaitFor([&] { return till->client->isConnected(); }, syncTimeoutMs));

    server.kill();
    QVERIFY(QTest::qWaitFor([&] { return !till->client->isConnected(); }, syncTimeoutMs));
    QVERIFY(!till->client->lastError().isEmpty());
    QVERIFY(till->client->isRunning());
    QVERIFY(till->append({receive(3, 4)}));
    QCOMPARE(till->client->pendingCount(), 1);
    // Retries go on, further and further apart, while nobody listens.
    QVERIFY(QTest::qWaitFor([&] { return till->tap->opens >= 3; }, syncTimeoutMs));

    QVERIFY(server.start(port));
    QVERIFY(till->synced());
    QCOMPARE(till->client->lastError(), QString());
    QCOMPARE(checkAllAnswered(*till->store, 1, 1), 1);
}

// A till whose own store refuses writes (a full disk, found by the fault campaign) cannot keep
// what the server sends and starts the connection again; it must back off like any failed
// connection, not reconnect at once after every welcome, and carry on once it can write.
void TestSyncClient::storeThatCannotWriteBacksOffInsteadOfReconnectingInALoop()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("M-1"), Role::Manager}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("M-1"), tokens.value(QStringLiteral("M-1")));
    QVERIFY(till);
    QSqlQuery pragma(till->store->database());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 1")));
    till->client->start();
    QTest::qWait(3'000);
    // Backoff from 50 ms to at most 1 s: 50+100+200+400+800 ms, then every second. Without
    // it, a welcome every 50 ms or so: dozens.
    QVERIFY2(till->tap->opens <= 8, qPrintable(QString::number(till->tap->opens)));
    QVERIFY(till->tap->opens >= 2);
    QVERIFY(till->client->lastError().contains(QLatin1String("stock levels")));

    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 0")));
    QVERIFY(till->append({receive(3, 4)}));
    QVERIFY(till->synced());
    QCOMPARE(till->client->lastError(), QString());
    QCOMPARE(checkAllAnswered(*till->store, 1, 1), 1);
}

void TestSyncClient::unauthorizedTokenStopsRetrying()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("P-1"), Role::Pos}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("P-1"), QStringLiteral("not-the-token"));
    QVERIFY(till);
    till->client->start();
    QVERIFY(QTest::qWaitFor([&] { return !till->client->isRunning(); }, syncTimeoutMs));
    QVERIFY2(till->client->lastError().contains(QLatin1String("enrol")),
             qPrintable(till->client->lastError()));
    QVERIFY(!till->client->isConnected());
    // Several backoff periods: nobody knocks again.
    QTest::qWait(400);
    QCOMPARE(till->tap->opens, 1);

    // A hello the server cannot even read (a terminal id with a space) stops it too.
    auto bad = openTill(dir.filePath(QStringLiteral("bad.db")), server.url(), QStringLiteral("P 1"),
                        QStringLiteral("token"));
    QVERIFY(bad);
    bad->client->start();
    QVERIFY(QTest::qWaitFor([&] { return !bad->client->isRunning(); }, syncTimeoutMs));
    QVERIFY2(bad->client->lastError().contains(QLatin1String("terminal")),
             qPrintable(bad->client->lastError()));
    QCOMPARE(bad->tap->opens, 1);
}

void TestSyncClient::revokedTerminalStopsRetrying()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("P-1"), Role::Pos}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("P-1"), tokens.value(QStringLiteral("P-1")));
    QVERIFY(till);
    till->client->start();
    QVERIFY(QTest::qWaitFor([&] { return till->client->isConnected(); }, syncTimeoutMs));
    QCOMPARE(
        server.admin({QStringLiteral("terminal"), QStringLiteral("revoke"), QStringLiteral("P-1")})
            .exitCode,
        0);
    QVERIFY(QTest::qWaitFor([&] { return !till->client->isRunning(); }, syncTimeoutMs));
    QVERIFY2(till->client->lastError().contains(QLatin1String("revoked")),
             qPrintable(till->client->lastError()));
    QTest::qWait(400);
    QCOMPARE(till->tap->opens, 1);
}

// The IT person books stock from the command line while terminals are connected: the server
// sends it as a catch-up, and the replica's cursor never passes a change it did not apply.
void TestSyncClient::adminStockImportWhileServingReachesTheReplica()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(
        server, {{QStringLiteral("P-1"), Role::Pos}, {QStringLiteral("R-1"), Role::Receiving}},
        {StockMovement{skuOf(0), location, 5}});
    QVERIFY(!tokens.isEmpty());
    QVERIFY(server.start());
    auto pos = openTill(dir.filePath(QStringLiteral("pos.db")), server.url(), QStringLiteral("P-1"),
                        tokens.value(QStringLiteral("P-1")));
    QVERIFY(pos);
    pos->client->start();
    const StockReplica replica(*pos->store);
    const auto onHand = [&](int product) {
        const auto level = replica.level(skuOf(product), location);
        return level && level.value() ? level.value()->onHand : -1;
    };
    QVERIFY(QTest::qWaitFor([&] { return onHand(0) == 5; }, syncTimeoutMs));
    {
        auto admin = AdminStore::open(server.database());
        QVERIFY(admin);
        QVERIFY(admin.value()->importStock({StockMovement{skuOf(0), location, 10}}));
    }
    // A delivery through the server right after it: its delta must not hide the import.
    auto dock = openTill(dir.filePath(QStringLiteral("dock.db")), server.url(),
                         QStringLiteral("R-1"), tokens.value(QStringLiteral("R-1")));
    QVERIFY(dock);
    QVERIFY(dock->append({receive(1, 7)}));
    dock->client->start();
    QVERIFY(dock->synced());
    QVERIFY(QTest::qWaitFor([&] { return onHand(0) == 15 && onHand(1) == 7; }, syncTimeoutMs));
}

void TestSyncClient::staffListArrives()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("P-1"), Role::Pos}});
    QVERIFY(!tokens.isEmpty());
    QCOMPARE(server
                 .admin({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("Alice"),
                         QStringLiteral("--role"), QStringLiteral("manager")},
                        "4711\n")
                 .exitCode,
             0);
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(),
                         QStringLiteral("P-1"), tokens.value(QStringLiteral("P-1")));
    QVERIFY(till);
    QSignalSpy staff(till->client.get(), &Client::staffChanged);
    till->client->start();
    QVERIFY(staff.wait(syncTimeoutMs));
    QCOMPARE(till->client->staff().size(), 1);
    QCOMPARE(till->client->staff().first().name, QStringLiteral("Alice"));
    QCOMPARE(till->client->staff().first().role, StaffRole::Manager);
}

// Issue 23: `store set` on the server; the welcome carries the settings, the terminal keeps them
// (an offline start has them) and its money is in the store's currency from then on.
void TestSyncClient::storeSettingsArriveAndAreKeptForAnOfflineStart()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const auto tokens = prepareServer(server, {{QStringLiteral("P-1"), Role::Pos}});
    QVERIFY(!tokens.isEmpty());
    QFile conf(dir.filePath(QStringLiteral("store.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("currency = JPY\nminorDigits = 0\npricesIncludeTax = true\n");
    conf.close();
    QCOMPARE(
        server.admin({QStringLiteral("store"), QStringLiteral("set"), conf.fileName()}).exitCode,
        0);
    QVERIFY(server.start());
    const QString tillDb = dir.filePath(QStringLiteral("till.db"));
    {
        auto till = openTill(tillDb, server.url(), QStringLiteral("P-1"),
                             tokens.value(QStringLiteral("P-1")));
        QVERIFY(till);
        QSignalSpy settings(till->client.get(), &Client::storeSettingsChanged);
        till->client->start();
        QVERIFY(settings.wait(syncTimeoutMs));
        QCOMPARE(Currency::current(), Currency(QStringLiteral("JPY"), 0));
        QCOMPARE(Money::fromMinor(500).toLocaleString(QLocale(QLocale::Japanese, QLocale::Japan)),
                 QStringLiteral("￥500"));
    }
    Currency::setCurrent(Currency());
    auto offline = LocalStore::open(tillDb);
    QVERIFY(offline);
    const Result<StoreSettings> kept = StoreSettings::load(**offline);
    QVERIFY(kept);
    QCOMPARE(kept->currency, Currency(QStringLiteral("JPY"), 0));
    QVERIFY(kept->tax.pricesIncludeTax);
    QCOMPARE(kept->denominations.first(), 10000);
}

// Four pushes in flight; the first is answered unavailable, so the others are gaps. The client
// resends from the first pending seq only after the last of them is answered, and after a
// backoff: never two copies of one seq in flight.
void TestSyncClient::unavailableResendsOnlyOnceEveryPushIsAnswered()
{
    QTemporaryDir dir;
    ScriptedTill till;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 800));
    QVERIFY(till.welcome(0));
    QCOMPARE(till.server->takePushes(), (Pushes{{1, 200}, {201, 400}, {401, 600}, {601, 800}}));

    till.error(QStringLiteral("unavailable"));
    till.error(QStringLiteral("sequence_gap"), 201, 1);
    till.error(QStringLiteral("sequence_gap"), 401, 1);
    QTest::qWait(100); // several backoffs: nothing may go out while 601–800 is unanswered
    QCOMPARE(till.server->takePushes(), Pushes{});
    till.error(QStringLiteral("sequence_gap"), 601, 1);
    QVERIFY(QTest::qWaitFor([&] { return till.server->sent.size() > 5; }, 5'000));
    QCOMPARE(till.server->takePushes(), (Pushes{{1, 200}, {201, 400}, {401, 600}, {601, 800}}));

    till.answer(1, 200);
    till.answer(201, 400);
    QCOMPARE(till.client->pendingCount(), 400);
    QCOMPARE(till.server->takePushes(), Pushes{}); // nothing left to send
    till.answer(401, 600);
    till.answer(601, 800);
    QCOMPARE(till.client->pendingCount(), 0);
    QCOMPARE(till.client->lastError(), QString());
}

// A restored till: 1–50 are the server's replays of ours, 51 on are another's. Nothing above
// the welcome's lastSeq goes out while replays are unanswered, and the renumbering waits until
// the last push in flight is answered.
void TestSyncClient::conflictRenumbersOnlyOnceNothingIsInFlight()
{
    QTemporaryDir dir;
    ScriptedTill till;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 300));
    QVERIFY(till.welcome(250));
    QCOMPARE(till.server->takePushes(), (Pushes{{1, 200}, {201, 250}}));

    till.answer(1, 50, true);
    till.error(QStringLiteral("sequence_conflict"), 51);
    QCOMPARE(till.outbox->lastSeq().value(), 300); // 201–250 is still in flight
    QCOMPARE(till.server->takePushes(), Pushes{});
    till.error(QStringLiteral("sequence_conflict"), 201);

    QCOMPARE(till.outbox->lastSeq().value(), 500);
    QCOMPARE(till.client->pendingCount(), 250);
    QCOMPARE(till.server->takePushes(), (Pushes{{251, 450}, {451, 500}}));
    QCOMPARE(till.outbox->entry(50).value().status, OutboxEntry::Status::Applied);
    QCOMPARE(till.outbox->entry(251).value().payload.value(QStringLiteral("reservation")),
             QStringLiteral("r50"));
    till.answer(251, 450);
    till.answer(451, 500);
    QCOMPARE(till.client->pendingCount(), 0);
}

void TestSyncClient::serverThatLostConfirmedMutationsIsSentNothing()
{
    QTemporaryDir dir;
    ScriptedTill till;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 12));
    {
        Transaction tx(*till.store);
        for (qint64 seq = 1; seq <= 10; ++seq)
            QVERIFY(till.outbox->recordResult(tx, seq, QStringLiteral("applied"), {}));
        QVERIFY(tx.commit());
    }
    QVERIFY(till.welcome(5));
    QTest::qWait(50);
    QCOMPARE(till.server->takePushes(), Pushes{});
    QVERIFY2(till.client->lastError().contains(QLatin1String("backup")),
             qPrintable(till.client->lastError()));
    QCOMPARE(till.outbox->lastSeq().value(), 12); // nothing renumbered
}

// Connected, the server answers a gap expecting a seq it had confirmed (found by the fault
// campaign: a server that lost a committed batch). Sending the first pending again cannot
// help; before, the till did so at once, again and again, until the server rate-limited it.
// It reconnects instead, and the welcome tells it the server lost what it confirmed.
void TestSyncClient::gapBelowWhatWasAnsweredIsNotResentInALoop()
{
    QTemporaryDir dir;
    ScriptedTill till;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 4));
    {
        Transaction tx(*till.store);
        for (qint64 seq = 1; seq <= 3; ++seq)
            QVERIFY(till.outbox->recordResult(tx, seq, QStringLiteral("applied"), {}));
        QVERIFY(tx.commit());
    }
    QVERIFY(till.welcome(3));
    QCOMPARE(till.server->takePushes(), (Pushes{{4, 4}}));
    till.error(QStringLiteral("sequence_gap"), 4, 2);
    // The hello on the new connection, and no push before it.
    QVERIFY(QTest::qWaitFor([&] { return till.server->opens == 2; }, 5'000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return till.server->sent.last().value(QStringLiteral("type")).toString() ==
                   QLatin1String("hello");
        },
        5'000));
    QCOMPARE(till.server->takePushes(), Pushes{});
    till.server->deliver(encode(Welcome{QStringLiteral("T-1"), QStringLiteral("manager"), 1, 0,
                                        QDateTime::currentDateTimeUtc()}));
    QTest::qWait(50);
    QCOMPARE(till.server->takePushes(), Pushes{});
    QVERIFY2(till.client->lastError().contains(QLatin1String("backup")),
             qPrintable(till.client->lastError()));
}

// The same server, once a person said it was restored (stockline --resend-after-restore): what
// it lost goes again as it was, after its lastSeq, before the entry never sent.
void TestSyncClient::resendAfterRestoreSendsWhatTheServerLostUnderTheSameSeqs()
{
    QTemporaryDir dir;
    ScriptedTill till;
    ClientOptions options;
    options.resendAfterRestore = true;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 12, options));
    {
        Transaction tx(*till.store);
        for (qint64 seq = 1; seq <= 10; ++seq)
            QVERIFY(till.outbox->recordResult(tx, seq, QStringLiteral("applied"), {}));
        QVERIFY(tx.commit());
    }
    const QString idOf6 = till.outbox->entry(6).value().id;
    QSignalSpy reopened(till.client.get(), &Client::reopenedAfterRestore);
    QVERIFY(till.welcome(5));
    QCOMPARE(reopened.size(), 1);
    QCOMPARE(reopened.first(), (QVariantList{qint64{5}, qint64{5}}));
    QCOMPARE(till.server->takePushes(), (Pushes{{6, 12}}));
    QCOMPARE(till.client->lastError(), QString());
    QCOMPARE(till.client->pendingCount(), 7);
    QCOMPARE(till.outbox->entry(6).value().id, idOf6);
    QCOMPARE(till.outbox->entry(5).value().status, OutboxEntry::Status::Applied);
    QCOMPARE(till.outbox->lastSeq().value(), 12); // nothing renumbered
    till.answer(6, 12);
    QCOMPARE(till.client->pendingCount(), 0);
}

void TestSyncClient::silentServerIsLeftAfterTheAnswerTimeout()
{
    QTemporaryDir dir;
    ScriptedTill till;
    ClientOptions options;
    options.answerTimeoutMs = 1'000;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 3, options));
    QVERIFY(till.welcome(0));
    QCOMPARE(till.server->takePushes(), (Pushes{{1, 3}}));
    QVERIFY(QTest::qWaitFor([&] { return till.server->opens == 2; }, 10'000));
    QVERIFY(!till.client->lastError().isEmpty());
    QCOMPARE(till.client->pendingCount(), 3);
}

void TestSyncClient::levelsApplyOnlyWithANewerCursor()
{
    QTemporaryDir dir;
    ScriptedTill till;
    QVERIFY(till.open(dir.filePath(QStringLiteral("till.db")), 0));
    QVERIFY(till.welcome(0, 6));
    const StockReplica replica(*till.store);
    const auto level = [](qint64 onHand) {
        return StockLevel{skuOf(0), location, onHand, 0, onHand};
    };
    const auto onHand = [&] { return replica.level(skuOf(0), location).value()->onHand; };
    till.server->deliver(encode(Levels{6, true, {level(10)}}));
    QCOMPARE(onHand(), 10);
    till.server->deliver(encode(Levels{5, false, {level(7)}})); // older: ignored
    QCOMPARE(onHand(), 10);
    till.server->deliver(encode(Levels{6, false, {level(7)}})); // the same cursor: ignored
    QCOMPARE(onHand(), 10);
    till.server->deliver(encode(Levels{7, false, {level(8)}}));
    QCOMPARE(onHand(), 8);
    QCOMPARE(replica.cursor(QStringLiteral("levels")).value(), 7);

    // The server's database was replaced: its cursor is behind ours, its snapshot wins.
    till.client->stop();
    QVERIFY(QTest::qWaitFor([&] { return !till.client->isConnected(); }, 5'000));
    QVERIFY(till.welcome(0, 2));
    const QJsonObject hello = till.server->sent.last();
    QCOMPARE(hello.value(QStringLiteral("cursor")).toInteger(), 0); // the catalog never came
    till.server->deliver(encode(Levels{2, true, {level(3)}}));
    QCOMPARE(onHand(), 3);
    QCOMPARE(replica.cursor(QStringLiteral("levels")).value(), 2);
}

// Each `staff` message replaces the list in the terminal's store, where sign-in reads it, and a
// restarted client starts from what was stored.
void TestSyncClient::staffMessageReplacesTheStoredListAcrossARestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("till.db"));
    const auto member = [](const char* name, StaffRole role, const char* pin) {
        return StaffMember{QLatin1String(name), role,
                           PinHash::make(QString::fromLatin1(pin), 1'000).value(), true};
    };
    {
        ScriptedTill till;
        QVERIFY(till.open(path, 0));
        QVERIFY(till.welcome(0));
        QSignalSpy changed(till.client.get(), &Client::staffChanged);
        till.server->deliver(encode(StaffList{{member("Alice", StaffRole::Manager, "4711"),
                                               member("Bob", StaffRole::Cashier, "1234")}}));
        till.server->deliver(encode(StaffList{{member("Alice", StaffRole::Manager, "4711"),
                                               member("Carol", StaffRole::Cashier, "2468")}}));
        QCOMPARE(changed.size(), 2);
        StaffDirectory staff(*till.store);
        QCOMPARE(staff.staff()->size(), 2);
        QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"1234"));
        QVERIFY(staff.signIn(QStringLiteral("Carol"), u"2468"));
    }
    ScriptedTill restarted;
    QVERIFY(restarted.open(path, 0));
    QCOMPARE(restarted.client->staff().size(), 2);
    QCOMPARE(restarted.client->staff().at(1).name, QStringLiteral("Carol"));
    StaffDirectory staff(*restarted.store);
    QCOMPARE(staff.requireManager(u"4711").value(), QStringLiteral("Alice"));
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
