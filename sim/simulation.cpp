#include "simulation.h"

#include "client.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salejournal.h"
#include "simdispatcher.h"
#include "sqlserverstore.h"
#include "stockarbiter.h"
#include "stockreplica.h"
#include "transport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <map>
#include <queue>
#include <random>

namespace stockline::sim {

using namespace stockline::sync;

namespace {

const QDateTime epoch = QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
const QString storeFloor = QStringLiteral("store-1");
const QString backroom = QStringLiteral("backroom-1");
const QStringList hotSkus = {QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3")};
constexpr qint64 idleStepMs = 500; // the storage thread wakes this often with nothing to do
constexpr int keptSteps = 40;      // trace lines shown with a violation

// A violation ends the seed: thrown inside the world, caught by runSeed. It never crosses a
// Qt boundary uncaught, as every step runs inside runSeed's try block.
struct Violation
{
    QString invariant;
    QString detail;
};

// The store's ServerStore as the simulation sees it: a decorator, so the product's store has
// no switch for any of this. `busy` says when a call fails as storage does now and then
// (SQLITE_BUSY behind an admin command's lock, a full disk): before anything is written, as
// ServerStore's contract has it. `replayTwice` is the deliberate bug of Breakage::ReplayTwice.
class FaultyStore final : public ServerStore
{
public:
    FaultyStore(std::unique_ptr<ServerStore> inner, std::function<bool()> busy, bool replayTwice)
        : m_inner(std::move(inner)), m_busy(std::move(busy)), m_replayTwice(replayTwice)
    {
    }

    Status addLocation(const Location& l) override { return m_inner->addLocation(l); }
    Result<QString> addTerminal(const QString& id, Role role) override
    {
        return m_inner->addTerminal(id, role);
    }
    Status revokeTerminal(const QString& id) override { return m_inner->revokeTerminal(id); }
    Status importCatalog(const QList<Product>& p) override { return m_inner->importCatalog(p); }
    Status importStock(const QList<StockMovement>& s) override { return m_inner->importStock(s); }
    Result<QList<StockLevel>> levels(const QString& sku) override { return m_inner->levels(sku); }
    Result<QList<Location>> locations() override { return m_inner->locations(); }
    Status putStaff(const StaffMember& m) override { return m_inner->putStaff(m); }
    Status removeStaff(const QString& name) override { return m_inner->removeStaff(name); }
    Result<QList<StaffMember>> staff() override { return m_inner->staff(); }
    Result<QList<Shortage>> openShortages() override { return m_inner->openShortages(); }
    Status importDeliveries(const QList<Delivery>& deliveries) override
    {
        return m_inner->importDeliveries(deliveries);
    }
    Result<QList<Delivery>> deliveries(bool withClosed) override
    {
        return m_inner->deliveries(withClosed);
    }
    Result<Delivery> closeDelivery(const QString& reference) override
    {
        return m_inner->closeDelivery(reference);
    }
    Result<VerifyReport> verify() override { return m_inner->verify(); }
    Result<QList<ApprovalRecord>> approvals() override { return m_inner->approvals(); }
    Result<PairingCode> createPairingCode(const QString& t, const QDateTime& now,
                                          qint64 valid) override
    {
        return m_inner->createPairingCode(t, now, valid);
    }
    Result<std::optional<TerminalInfo>> authenticate(const QString& t,
                                                     const QString& token) override
    {
        if (m_busy())
            return busyError();
        return m_inner->authenticate(t, token);
    }
    Result<TerminalInfo> terminal(const QString& id) override { return m_inner->terminal(id); }
    Result<Levels> levelsSince(qint64 cursor) override
    {
        if (m_busy())
            return busyError();
        return m_inner->levelsSince(cursor);
    }
    Result<CatalogUpdate> catalogSince(qint64 cursor) override
    {
        return m_inner->catalogSince(cursor);
    }
    Result<qint64> currentCursor() override { return m_inner->currentCursor(); }
    Result<HistoryReply> history(const HistoryRequest& request) override
    {
        if (m_busy())
            return busyError();
        return m_inner->history(request);
    }
    Result<std::optional<Paired>> redeemPairingCode(const QString& code,
                                                    const QDateTime& now) override
    {
        return m_inner->redeemPairingCode(code, now);
    }
    Result<CommitEffects> expireReservations(const QDateTime& now) override
    {
        if (m_busy())
            return busyError();
        return m_inner->expireReservations(now);
    }
    Result<std::optional<QDateTime>> nextExpiry() override { return m_inner->nextExpiry(); }
    Status resolveShortage(qint64 id, const QString& by) override
    {
        return m_inner->resolveShortage(id, by);
    }
    std::unique_ptr<FeedListener>
    listenForOtherWriters(std::function<void(qint64 cursor)> wake) override
    {
        return m_inner->listenForOtherWriters(std::move(wake));
    }
    Result<bool> reconnectIfLost() override { return m_inner->reconnectIfLost(); }

    // ReplayTwice: a replay the store answered as applied is applied once more, numbered as
    // the terminal's next seq.
    Result<BatchOutcome> applyBatch(const QList<PushRequest>& pushes, const QDateTime& now) override
    {
        if (m_busy())
            return busyError();
        Result<BatchOutcome> outcome = m_inner->applyBatch(pushes, now);
        if (!outcome || !m_replayTwice)
            return outcome;
        for (qsizetype i = 0; i < pushes.size() && i < outcome->pushes.size(); ++i) {
            for (const MutationResult& r : std::as_const(outcome->pushes[i].results)) {
                if (!r.replay || r.status != MutationResult::Status::Applied)
                    continue;
                for (const PushEntry& entry : pushes[i].entries) {
                    if (entry.seq != r.seq || !entry.mutation)
                        continue;
                    const Result<TerminalInfo> info = m_inner->terminal(pushes[i].terminal);
                    if (!info)
                        continue;
                    PushEntry again = entry;
                    again.seq = info->lastSeq + 1;
                    Mutation m = entry.mutation.value();
                    m.seq = again.seq;
                    again.mutation = m;
                    const Result<BatchOutcome> twice = m_inner->applyBatch(
                        {PushRequest{pushes[i].connection, pushes[i].terminal, {again}}}, now);
                    if (twice) {
                        CommitEffects& effects = outcome.value().effects;
                        effects.levels.append(twice->effects.levels);
                        effects.cursor = std::max(effects.cursor, twice->effects.cursor);
                    }
                }
            }
        }
        return outcome;
    }

private:
    static Error busyError()
    {
        return Error{QString(), QStringLiteral("storage: database is locked (simulated)")};
    }

    std::unique_ptr<ServerStore> m_inner;
    std::function<bool()> m_busy;
    bool m_replayTwice;
};

class World;

// A terminal's end of the simulated network.
class SimTransport final : public Transport
{
public:
    SimTransport(World& world, int terminal) : m_world(world), m_terminal(terminal) {}
    void open(const QUrl& url) override;
    void close() override;
    void send(const QByteArray& message) override;
    [[nodiscard]] bool isOpen() const override;
    [[nodiscard]] qint64 bytesPending() const override { return 0; }

private:
    World& m_world;
    int m_terminal;
};

class SimServerClock final : public Clock
{
public:
    explicit SimServerClock(const World& world) : m_world(world) {}
    [[nodiscard]] QDateTime now() const override;

private:
    const World& m_world;
};

class SimClientClock final : public ClientClock
{
public:
    explicit SimClientClock(World& world) : m_world(world) {}
    [[nodiscard]] qint64 monotonicMs() const override;
    [[nodiscard]] QDateTime now() const override;
    [[nodiscard]] quint32 random(quint32 highest) override;

private:
    World& m_world;
};

struct Reservation
{
    QString id;
    QString sku;
    QString location;
    qint64 qty = 0;
};

struct Terminal
{
    QString id;
    Role role = Role::Pos;
    QString token;
    QString path;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Outbox> outbox;
    std::optional<ReceiptNumbers> numbers;
    std::unique_ptr<SaleJournal> journal; // the till's record of its sales
    std::unique_ptr<Client> client;       // owns the transport
    bool alive = false;
    int generation = 0;
    quint64 conn = 0; // the connection its transport is on; 0: none
    qint64 partitionedUntil = -1;
    qint64 made = 0; // ids made so far
    QList<Reservation> reservations;
    QStringList sales;
    QStringList receipts; // every sale recorded in its journal
    QStringList appended; // ids of every mutation committed to its outbox

    void close()
    {
        client.reset();
        journal.reset();
        numbers.reset();
        outbox.reset();
        store.reset();
    }
};

struct Conn
{
    quint64 id = 0;
    int terminal = 0;
    int terminalGeneration = 0;
    bool alive = true; // messages still flow
    bool open = false; // the terminal was told it is open
    qint64 toServerAt = 0;
    qint64 toClientAt = 0;
};

struct Session
{
    bool helloSent = false;
    bool authenticated = false;
    QString terminal;
    Role role = Role::Pos;
    QList<QByteArray> held;
};

class World
{
public:
    World(const SimConfig& config, SimDispatcher& dispatcher,
          const std::function<void(const QString&)>& out)
        : m_config(config), m_dispatcher(dispatcher), m_out(out), m_rng(config.seed),
          m_serverClock(*this), m_clientClock(*this)
    {
    }
    ~World() { teardown(); }

    SeedReport run();

    // ---- used by the clocks and the transport
    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] QDateTime serverNow() const { return epoch.addMSecs(m_now + m_serverSkewMs); }
    [[nodiscard]] QDateTime terminalNow() const { return epoch.addMSecs(m_now); }
    quint64 random(quint64 below) { return below == 0 ? 0 : m_rng() % below; }
    void clientOpen(int t);
    void clientClose(int t);
    void clientSend(int t, const QByteArray& message);
    [[nodiscard]] bool transportOpen(int t) const;

private:
    struct Event
    {
        qint64 at = 0;
        quint64 order = 0;
        std::function<void()> run;
    };
    struct Later
    {
        bool operator()(const Event& a, const Event& b) const
        {
            return std::tie(a.at, a.order) > std::tie(b.at, b.order);
        }
    };

    // ---- plumbing
    void trace(const QString& line);
    [[nodiscard]] QString scrub(const QString& text);
    // The first violation ends the seed. fail() only records it, for code that runs inside a
    // Qt signal (no exception may cross Qt); the main loop throws it after the step.
    void fail(const QString& invariant, const QString& detail);
    [[noreturn]] void violate(const QString& invariant, const QString& detail);
    void at(qint64 when, std::function<void()> run);
    void after(qint64 delay, std::function<void()> run) { at(m_now + delay, std::move(run)); }
    // An event on the network (a connection opening or closing): counted as in flight.
    void network(qint64 delay, std::function<void()> run)
    {
        ++m_inFlight;
        after(delay, [this, run = std::move(run)] {
            --m_inFlight;
            run();
        });
    }
    qint64 between(qint64 low, qint64 high)
    {
        return low + static_cast<qint64>(random(static_cast<quint64>(high - low + 1)));
    }
    bool chance(int percent) { return random(100) < static_cast<quint64>(percent); }
    void drain();
    qint64 netDelay();

    // ---- set-up
    void setup();
    void addTerminal(const QString& id, Role role)
    {
        Terminal& t = m_terminals.emplace_back();
        t.id = id;
        t.role = role;
    }
    void seedServer();
    void startServer();
    void startTerminal(int t);
    void resendRefusedSales(int t);
    void teardown();

    // ---- the network
    void deliverToServer(quint64 conn, const QByteArray& message);
    void deliverToClient(quint64 conn, const QByteArray& message);
    void serverSend(quint64 conn, const QByteArray& message);
    void serverClose(quint64 conn, int code, const QString& reason);
    void cut(quint64 conn, int code, const QString& reason);
    [[nodiscard]] Conn* liveConn(quint64 id);

    // ---- the server's sessions (the socket side of sync::SyncServer, without sockets)
    void onServerMessage(quint64 conn, const QByteArray& message);
    void scheduleStep();
    void stepWhenFree(int generation);
    void serverStep();
    void idleStep(int generation);
    void connectArbiter();
    void onPushesDone(const QList<PushOutcome>& outcomes);
    void onCommitted(const CommitEffects& effects);

    // ---- the world's doings
    void workload();
    void act(int t);
    void recordSale(int t, const SaleMutation& wire);
    void fault();
    void killServer();
    void restartServer();
    void killTerminal(int t);
    void heal();

    // ---- checks
    void checkLevels(const char* when);
    void checkStore(const char* when);
    void checkEnd();
    [[nodiscard]] bool quiescent() const;
    void checkConvergence();
    QList<StockLevel> serverLevels();

    SimConfig m_config;
    SimDispatcher& m_dispatcher;
    const std::function<void(const QString&)>& m_out;
    std::mt19937_64 m_rng;
    SimServerClock m_serverClock;
    SimClientClock m_clientClock;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<Violation> m_failure;
    QString m_serverPath;
    QString m_checkConnection;
    std::unique_ptr<SqlServerStore> m_check; // the same file, for verify() and the checks

    qint64 m_now = 0;
    qint64 m_serverSkewMs = 0;
    quint64 m_order = 0;
    std::priority_queue<Event, std::vector<Event>, Later> m_events;
    qint64 m_inFlight = 0; // messages, opens and closes on the network
    qint64 m_steps = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    std::deque<QString> m_recent;
    QHash<QString, QString> m_aliases; // mutation id → its name in the trace

    // the server
    std::unique_ptr<StockArbiter> m_arbiter;
    bool m_serverUp = false;
    int m_serverGeneration = 0;
    bool m_stepScheduled = false;
    qint64 m_idleSteps = 0;
    qint64 m_stalledUntil = 0; // the storage thread does nothing before
    std::map<quint64, Session> m_sessions;
    std::map<quint64, QString> m_connTerminal;           // every connection that said hello
    std::map<quint64, QHash<qint64, QString>> m_sentIds; // per connection: seq → mutation id
    QHash<QString, QByteArray> m_answers;                // terminal/id → first result
    QHash<QString, qint64> m_answeredSeq;                // terminal/id → its seq

    // the terminals and the network
    std::vector<Terminal> m_terminals;
    std::map<quint64, Conn> m_conns;
    quint64 m_nextConn = 1;
    bool m_chaos = true;
    qint64 m_chaosEnd = 0;
    qint64 m_deadline = 0;
    int m_maxDelayMs = 50;
    int m_duplicatePercent = 0;
    int m_busyPercent = 0; // of the storage calls that can fail, during the chaos
    qint64 m_mutations = 0;
};

// ---- clocks and transport

QDateTime SimServerClock::now() const
{
    return m_world.serverNow();
}

qint64 SimClientClock::monotonicMs() const
{
    return m_world.now();
}

QDateTime SimClientClock::now() const
{
    return m_world.terminalNow();
}

quint32 SimClientClock::random(quint32 highest)
{
    return static_cast<quint32>(m_world.random(quint64{highest} + 1));
}

void SimTransport::open(const QUrl&)
{
    m_world.clientOpen(m_terminal);
}

void SimTransport::close()
{
    m_world.clientClose(m_terminal);
}

void SimTransport::send(const QByteArray& message)
{
    m_world.clientSend(m_terminal, message);
}

bool SimTransport::isOpen() const
{
    return m_world.transportOpen(m_terminal);
}

// ---- plumbing

// Mutation ids the outbox makes (UUID v7: time and chance) as "id1", "id2", … in the order
// they first appear, so that the trace never depends on them.
QString World::scrub(const QString& text)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    if (!text.contains(u'-'))
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = uuid.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        auto alias = m_aliases.constFind(m.captured());
        if (alias == m_aliases.cend())
            alias =
                m_aliases.insert(m.captured(), QStringLiteral("id%1").arg(m_aliases.size() + 1));
        out += *alias;
        last = m.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

void World::trace(const QString& line)
{
    const QString text = QStringLiteral("%1 %2").arg(m_now, 8).arg(scrub(line));
    m_hash.addData(text.toUtf8());
    m_hash.addData("\n");
    m_recent.push_back(text);
    if (m_recent.size() > keptSteps)
        m_recent.pop_front();
    if (m_config.trace)
        m_out(text);
}

void World::fail(const QString& invariant, const QString& detail)
{
    if (m_failure)
        return;
    trace(QStringLiteral("VIOLATION %1: %2").arg(invariant, detail));
    m_failure = Violation{invariant, detail};
}

void World::violate(const QString& invariant, const QString& detail)
{
    fail(invariant, detail);
    throw *m_failure;
}

void World::at(qint64 when, std::function<void()> run)
{
    m_events.push(Event{std::max(when, m_now), m_order++, std::move(run)});
}

// Queued calls: the client's pump, the arbiter's signals. In order, until none is left.
void World::drain()
{
    QCoreApplication::sendPostedEvents();
}

qint64 World::netDelay()
{
    return chance(3) ? between(500, 3000) : between(0, m_maxDelayMs);
}

// ---- set-up

void World::setup()
{
    // Temporary files in memory where there is a tmpfs: the simulation is about decisions,
    // not the disk (every file is still a real SQLite file, closed and reopened as committed).
    const QString shm = QStringLiteral("/dev/shm");
    m_dir = QDir(shm).exists()
                ? std::make_unique<QTemporaryDir>(shm + QStringLiteral("/stockline-sim-XXXXXX"))
                : std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        violate(QStringLiteral("setup"), QStringLiteral("no temporary folder"));
    m_serverPath = m_dir->filePath(QStringLiteral("server.db"));

    const int pos = static_cast<int>(between(2, 3));
    for (int i = 0; i < pos; ++i)
        addTerminal(QStringLiteral("POS-%1").arg(i + 1), Role::Pos);
    addTerminal(QStringLiteral("DOCK-1"), Role::Receiving);
    if (chance(50))
        addTerminal(QStringLiteral("MGR-1"), Role::Manager);
    m_maxDelayMs = static_cast<int>(between(1, 200));
    m_duplicatePercent = static_cast<int>(between(0, 5));
    m_busyPercent = chance(30) ? static_cast<int>(between(1, 10)) : 0;
    m_chaosEnd = between(60'000, 240'000);
    m_deadline = m_chaosEnd + 20 * 60'000;
    trace(QStringLiteral("seed %1: %2 terminals, delays up to %3 ms, %4% pushes doubled, %5% "
                         "storage calls busy, chaos until %6 ms%7")
              .arg(m_config.seed)
              .arg(m_terminals.size())
              .arg(m_maxDelayMs)
              .arg(m_duplicatePercent)
              .arg(m_busyPercent)
              .arg(m_chaosEnd)
              .arg(m_config.breakage == Breakage::ReplayTwice ? QStringLiteral(", BROKEN: replays "
                                                                               "applied twice")
                                                              : QString()));
    seedServer();
    startServer();
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t) {
        m_terminals[t].path = m_dir->filePath(m_terminals[t].id + QStringLiteral(".db"));
        startTerminal(t);
    }
    at(between(0, 2000), [this] { workload(); });
    at(between(1000, 10'000), [this] { fault(); });
    at(m_chaosEnd, [this] { heal(); });
}

void World::seedServer()
{
    SqlStoreConfig config;
    config.databaseName = m_serverPath;
    config.fullSync = false; // a tmpfs; the simulated crash is of the process, not the machine
    Result<std::unique_ptr<SqlServerStore>> opened = SqlServerStore::open(config);
    if (!opened)
        violate(QStringLiteral("setup"), opened.error().toString());
    m_check = std::move(opened).value();
    ServerStore& s = *m_check;
    for (const Location& l : {Location{storeFloor, QStringLiteral("Store floor")},
                              Location{backroom, QStringLiteral("Back room")}})
        if (const Status added = s.addLocation(l); !added)
            violate(QStringLiteral("setup"), added.error().toString());
    QList<Product> products;
    for (const QString& sku : hotSkus)
        products.append(Product{sku, QString(), QStringLiteral("Hot item ") + sku,
                                Money::fromMinor(between(100, 999)), TaxRate::fromMilliPercent(0),
                                true, QStringLiteral("Hot")});
    if (const Status imported = s.importCatalog(products); !imported)
        violate(QStringLiteral("setup"), imported.error().toString());
    QList<StockMovement> stock;
    QStringList opening;
    for (const QString& sku : hotSkus) {
        for (const QString& location : {storeFloor, backroom}) {
            const qint64 qty = between(0, 8);
            if (qty > 0)
                stock.append(StockMovement{sku, location, qty});
            opening.append(QStringLiteral("%1@%2=%3").arg(sku, location).arg(qty));
        }
    }
    if (const Status imported = s.importStock(stock); !imported)
        violate(QStringLiteral("setup"), imported.error().toString());
    trace(QStringLiteral("opening stock %1").arg(opening.join(u' ')));
    for (Terminal& t : m_terminals) {
        const Result<QString> token = s.addTerminal(t.id, t.role);
        if (!token)
            violate(QStringLiteral("setup"), token.error().toString());
        t.token = token.value();
    }
    m_checkConnection = QStringLiteral("stockline-sim-check");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_checkConnection);
    db.setDatabaseName(m_serverPath);
    if (!db.open())
        violate(QStringLiteral("setup"), QStringLiteral("cannot open the server file to check it"));
}

void World::startServer()
{
    const QString path = m_serverPath;
    const bool broken = m_config.breakage == Breakage::ReplayTwice;
    auto busy = [this] {
        if (!m_chaos || !chance(m_busyPercent))
            return false;
        trace(QStringLiteral("FAULT: storage busy"));
        return true;
    };
    auto open = [path, broken, busy]() -> Result<std::unique_ptr<ServerStore>> {
        SqlStoreConfig config;
        config.databaseName = path;
        config.fullSync = false;
        Result<std::unique_ptr<SqlServerStore>> store = SqlServerStore::open(config);
        if (!store)
            return store.error();
        return std::unique_ptr<ServerStore>(
            std::make_unique<FaultyStore>(std::move(store).value(), busy, broken));
    };
    m_arbiter = std::make_unique<StockArbiter>(open, m_serverClock);
    connectArbiter();
    if (const Status started = m_arbiter->startInline(); !started)
        violate(QStringLiteral("the database reopens as committed"), started.error().toString());
    m_serverUp = true;
    ++m_serverGeneration;
    m_stepScheduled = false;
    const int generation = m_serverGeneration;
    after(idleStepMs, [this, generation] { idleStep(generation); });
    trace(QStringLiteral("server up (clock %1)").arg(serverNow().toString(Qt::ISODateWithMs)));
}

void World::startTerminal(int t)
{
    Terminal& term = m_terminals[t];
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(term.path);
    if (!store)
        violate(QStringLiteral("a terminal's store reopens"), store.error().toString());
    term.store = std::move(store).value();
    term.outbox = std::make_unique<Outbox>(*term.store);
    Result<ReceiptNumbers> numbers = ReceiptNumbers::create(*term.store, term.id);
    if (!numbers)
        violate(QStringLiteral("a terminal's store reopens"), numbers.error().toString());
    term.numbers.emplace(std::move(numbers).value());
    term.journal = std::make_unique<SaleJournal>(*term.store, *term.outbox, *term.numbers);
    ClientOptions options;
    options.url = QUrl(QStringLiteral("ws://sim/"));
    options.terminal = term.id;
    options.token = term.token;
    options.batchSize = static_cast<int>(between(1, 8));
    options.window = static_cast<int>(between(1, 4));
    options.answerTimeoutMs = static_cast<int>(between(5'000, 30'000));
    options.clock = &m_clientClock;
    term.client = std::make_unique<Client>(*term.store, new SimTransport(*this, t), options);
    term.alive = true;
    ++term.generation;
    term.conn = 0;
    trace(QStringLiteral("%1 starts (batch %2, window %3, answer timeout %4 ms)")
              .arg(term.id)
              .arg(options.batchSize)
              .arg(options.window)
              .arg(options.answerTimeoutMs));
    // As the till does (ui::TillSync): a sale refused for stock goes again as an offline sale,
    // whenever answers are recorded and at start.
    QObject::connect(term.client.get(), &Client::resultsRecorded, term.client.get(),
                     [this, t] { resendRefusedSales(t); });
    resendRefusedSales(t);
    term.client->start();
}

// The till's side of invariant 5 (ui::TillSync::resendRefusedSales, which lives in the UI
// layer): the goods are gone, so a sale refused for stock must land as an offline sale.
void World::resendRefusedSales(int t)
{
    Terminal& term = m_terminals[t];
    const Result<QStringList> refused = term.journal->refusedForStock();
    if (!refused) {
        fail(QStringLiteral("a sale is never lost"), refused.error().toString());
        return;
    }
    for (const QString& receipt : *refused) {
        const Result<qint64> seq = term.journal->resendOffline(receipt);
        const Result<OutboxEntry> entry =
            seq ? term.outbox->entry(*seq) : Result<OutboxEntry>(seq.error());
        if (!entry) {
            fail(QStringLiteral("a sale is never lost"),
                 QStringLiteral("%1's sale %2 not queued again: %3")
                     .arg(term.id, receipt, entry.error().toString()));
            return;
        }
        term.appended.append(entry->id);
        ++m_mutations;
        trace(QStringLiteral("%1 sends sale %2 again as offline: %3")
                  .arg(term.id, receipt,
                       QString::fromUtf8(
                           QJsonDocument(entry->payload).toJson(QJsonDocument::Compact))));
    }
}

void World::teardown()
{
    for (Terminal& t : m_terminals)
        t.close();
    m_arbiter.reset();
    m_check.reset();
    if (!m_checkConnection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_checkConnection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_checkConnection);
        m_checkConnection.clear();
    }
    // Anything still posted belongs to objects of this seed.
    QCoreApplication::removePostedEvents(nullptr);
}

// ---- the network

Conn* World::liveConn(quint64 id)
{
    const auto it = m_conns.find(id);
    if (it == m_conns.end() || !it->second.alive)
        return nullptr;
    return &it->second;
}

bool World::transportOpen(int t) const
{
    const auto it = m_conns.find(m_terminals[t].conn);
    return it != m_conns.end() && it->second.alive && it->second.open;
}

void World::clientOpen(int t)
{
    Terminal& term = m_terminals[t];
    const quint64 id = m_nextConn++;
    m_conns[id] = Conn{id, t, term.generation};
    term.conn = id;
    const bool reachable = m_serverUp && term.partitionedUntil <= m_now;
    trace(QStringLiteral("%1 connects #%2%3")
              .arg(term.id)
              .arg(id)
              .arg(reachable ? QString() : QStringLiteral(" (unreachable)")));
    network(netDelay(), [this, id] {
        Conn* c = liveConn(id);
        if (!c)
            return;
        Terminal& to = m_terminals[c->terminal];
        if (to.generation != c->terminalGeneration || to.conn != id)
            return;
        if (!m_serverUp || to.partitionedUntil > m_now) {
            c->alive = false;
            trace(QStringLiteral("#%1 refused").arg(id));
            Q_EMIT to.client->transport()->closed(0, QStringLiteral("no route to the server"));
            return;
        }
        c->open = true;
        m_sessions[id] = Session{};
        trace(QStringLiteral("#%1 open").arg(id));
        Q_EMIT to.client->transport()->opened();
    });
}

void World::clientClose(int t)
{
    Terminal& term = m_terminals[t];
    const quint64 id = term.conn;
    Conn* c = liveConn(id);
    if (!c) {
        // Nothing open: the close is reported at once, as a socket that never connected does.
        after(0, [this, t, generation = term.generation, id] {
            Terminal& again = m_terminals[t];
            if (again.alive && again.generation == generation && again.conn == id)
                Q_EMIT again.client->transport()->closed(1000, QString());
        });
        return;
    }
    trace(QStringLiteral("%1 closes #%2").arg(term.id).arg(id));
    cut(id, 1000, QString());
}

// The connection ends for both sides: the terminal hears `code` after a network delay, the
// server drops the session; whatever was on the way is lost.
void World::cut(quint64 id, int code, const QString& reason)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    c->alive = false;
    m_sessions.erase(id);
    const int t = c->terminal;
    const int generation = c->terminalGeneration;
    network(netDelay(), [this, t, generation, id, code, reason] {
        Terminal& term = m_terminals[t];
        if (!term.alive || term.generation != generation || term.conn != id)
            return;
        trace(QStringLiteral("%1 hears #%2 closed (%3)").arg(term.id).arg(id).arg(code));
        Q_EMIT term.client->transport()->closed(code, reason);
    });
}

void World::clientSend(int t, const QByteArray& message)
{
    Conn* c = liveConn(m_terminals[t].conn);
    if (!c || !c->open)
        return; // a socket that is not open drops what it is given
    const quint64 id = c->id;
    c->toServerAt = std::max(c->toServerAt, m_now + netDelay());
    ++m_inFlight;
    at(c->toServerAt, [this, id, message] {
        --m_inFlight;
        deliverToServer(id, message);
    });
    if (m_chaos && chance(m_duplicatePercent) && message.contains("\"type\":\"push\"")) {
        // A whole push sent again on the same connection.
        c->toServerAt += netDelay();
        ++m_inFlight;
        at(c->toServerAt, [this, id, message] {
            --m_inFlight;
            trace(QStringLiteral("#%1 push doubled").arg(id));
            deliverToServer(id, message);
        });
    }
}

void World::deliverToServer(quint64 id, const QByteArray& message)
{
    if (!liveConn(id) || !m_serverUp)
        return;
    onServerMessage(id, message);
}

void World::serverSend(quint64 id, const QByteArray& message)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    c->toClientAt = std::max(c->toClientAt, m_now + netDelay());
    ++m_inFlight;
    at(c->toClientAt, [this, id, message] {
        --m_inFlight;
        deliverToClient(id, message);
    });
}

void World::serverClose(quint64 id, int code, const QString& reason)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    m_sessions.erase(id);
    // After what was sent before it.
    c->toClientAt = std::max(c->toClientAt, m_now + netDelay());
    at(c->toClientAt, [this, id, code, reason] { cut(id, code, reason); });
}

void World::deliverToClient(quint64 id, const QByteArray& message)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    Terminal& term = m_terminals[c->terminal];
    if (!term.alive || term.generation != c->terminalGeneration || term.conn != id)
        return;
    // The trace names what arrived, without tokens, ids or file names.
    const QJsonObject o = QJsonDocument::fromJson(message).object();
    const QString type = o.value(QLatin1String("type")).toString();
    QString what = type;
    if (type == QLatin1String("results")) {
        QStringList parts;
        const Result<ServerMessage> decoded = decodeServerMessage(message);
        if (decoded)
            if (const auto* r = std::get_if<Results>(&decoded.value()))
                for (const MutationResult& m : r->results)
                    parts.append(QString::fromUtf8(m.toJsonBytes()));
        what += u' ' + parts.join(u' ');
    } else if (type == QLatin1String("levels") || type == QLatin1String("error") ||
               type == QLatin1String("welcome")) {
        QJsonObject shown = o;
        shown.remove(QLatin1String("terminal"));
        what = QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact));
    }
    trace(QStringLiteral("%1 <- #%2 %3").arg(term.id).arg(id).arg(what));
    Q_EMIT term.client->transport()->received(message);
}

// ---- the server's sessions

void World::onServerMessage(quint64 id, const QByteArray& message)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    Session& session = it->second;
    if (session.helloSent && !session.authenticated) {
        session.held.append(message); // answered once the welcome is out
        return;
    }
    auto decoded = decodeClientMessage(message);
    if (auto* error = std::get_if<ProtocolError>(&decoded)) {
        fail(QStringLiteral("the client speaks the protocol"),
             QStringLiteral("the server could not read a message: %1").arg(error->message));
        return;
    }
    ClientMessage& msg = std::get<ClientMessage>(decoded);
    if (const auto* hello = std::get_if<Hello>(&msg)) {
        session.helloSent = true;
        session.terminal = hello->terminal;
        m_connTerminal[id] = hello->terminal;
        trace(QStringLiteral("server <- #%1 hello %2 cursor %3")
                  .arg(id)
                  .arg(hello->terminal)
                  .arg(hello->cursor));
        m_arbiter->submitHello(id, hello->terminal, hello->token, hello->cursor);
        scheduleStep();
        return;
    }
    if (!std::holds_alternative<Push>(msg) || !session.authenticated) {
        fail(QStringLiteral("the client speaks the protocol"),
             QStringLiteral("a message other than hello or push, or a push before hello"));
        return;
    }
    Push& push = std::get<Push>(msg);
    QHash<qint64, QString>& sent = m_sentIds[id];
    QStringList seqs;
    for (const PushEntry& e : std::as_const(push.entries)) {
        sent.insert(e.seq, e.id);
        seqs.append(QStringLiteral("%1=%2").arg(e.seq).arg(e.id));
    }
    trace(QStringLiteral("server <- #%1 push %2").arg(id).arg(seqs.join(u' ')));
    m_arbiter->submitPush(PushRequest{id, session.terminal, std::move(push.entries)});
    scheduleStep();
}

void World::scheduleStep()
{
    if (m_stepScheduled)
        return;
    m_stepScheduled = true;
    // Group commit: what arrives while the storage thread is busy goes into the next batch.
    const int generation = m_serverGeneration;
    after(between(0, 5), [this, generation] { stepWhenFree(generation); });
}

void World::stepWhenFree(int generation)
{
    if (!m_serverUp || generation != m_serverGeneration)
        return;
    if (m_now < m_stalledUntil) {
        at(m_stalledUntil, [this, generation] { stepWhenFree(generation); });
        return;
    }
    serverStep();
}

void World::serverStep()
{
    m_stepScheduled = false;
    m_arbiter->step();
    if (m_chaos && chance(2)) {
        // Dead right after the commit, before the socket side heard of it: nothing is answered.
        trace(QStringLiteral("FAULT: the server dies right after a storage step"));
        killServer();
        return;
    }
    drain();
    checkLevels("after a storage step");
}

void World::idleStep(int generation)
{
    if (!m_serverUp || generation != m_serverGeneration)
        return;
    if (m_now < m_stalledUntil) {
        at(m_stalledUntil, [this, generation] { idleStep(generation); });
        return;
    }
    m_arbiter->step();
    drain();
    if (++m_idleSteps % 20 == 0)
        checkStore("after an idle storage step");
    else
        checkLevels("after an idle storage step");
    after(idleStepMs, [this, generation] { idleStep(generation); });
}

void World::connectArbiter()
{
    StockArbiter* a = m_arbiter.get();
    QObject::connect(a, &StockArbiter::helloDone, a, [this](quint64 id, const SessionStart& start) {
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return;
        Session& s = it->second;
        s.authenticated = true;
        s.role = start.terminal.role;
        trace(QStringLiteral("server welcomes #%1 %2 lastSeq %3 cursor %4")
                  .arg(id)
                  .arg(start.terminal.id)
                  .arg(start.terminal.lastSeq)
                  .arg(start.cursor));
        serverSend(id, encode(Welcome{start.terminal.id, roleName(start.terminal.role),
                                      start.terminal.lastSeq, start.cursor, serverNow()}));
        serverSend(id, encode(start.levels));
        serverSend(id, encode(start.catalog));
        serverSend(id, encode(Shortages{start.shortages}));
        if (roleSignsStaffIn(roleName(s.role)))
            serverSend(id, encode(StaffList{start.staff}));
        const QList<QByteArray> held = std::exchange(s.held, {});
        for (const QByteArray& frame : held)
            onServerMessage(id, frame);
    });
    QObject::connect(
        a, &StockArbiter::helloFailed, a, [this](quint64 id, const ProtocolError& error) {
            trace(QStringLiteral("server refuses #%1: %2").arg(id).arg(error.code));
            serverSend(id, encode(error));
            serverClose(id, error.code == QLatin1String("unauthorized") ? CloseUnauthorized : 1001,
                        error.message);
        });
    QObject::connect(a, &StockArbiter::pushesDone, a,
                     [this](const QList<PushOutcome>& outcomes) { onPushesDone(outcomes); });
    QObject::connect(a, &StockArbiter::committed, a,
                     [this](const CommitEffects& effects) { onCommitted(effects); });
    QObject::connect(a, &StockArbiter::shortagesChanged, a, [this](const QList<Shortage>& list) {
        const QByteArray message = encode(Shortages{list});
        for (const auto& [id, s] : m_sessions)
            if (s.authenticated)
                serverSend(id, message);
    });
    QObject::connect(a, &StockArbiter::catchUpReady, a,
                     [this](quint64 id, const Levels& levels, const CatalogUpdate& catalog) {
                         serverSend(id, encode(levels));
                         serverSend(id, encode(catalog));
                     });
}

void World::onPushesDone(const QList<PushOutcome>& outcomes)
{
    for (const PushOutcome& outcome : outcomes) {
        const QString terminal = m_connTerminal[outcome.connection];
        const QHash<qint64, QString>& sent = m_sentIds[outcome.connection];
        for (const MutationResult& r : outcome.results) {
            if (!sent.contains(r.seq)) {
                fail(QStringLiteral("every seq sent gets exactly one result"),
                     QStringLiteral("%1 was answered for seq %2, which it never sent on #%3")
                         .arg(terminal)
                         .arg(r.seq)
                         .arg(outcome.connection));
                return;
            }
            const QString key = terminal + u'/' + sent.value(r.seq);
            MutationResult first = r;
            first.replay = false;
            const QByteArray bytes = first.toJsonBytes();
            // Invariant 3: a result goes out only once it is committed. Another connection
            // to the file sees only what is.
            QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
            q.prepare(QStringLiteral("SELECT mutation_id, result FROM results "
                                     "WHERE terminal = ? AND seq = ?"));
            q.addBindValue(terminal);
            q.addBindValue(r.seq);
            Result<MutationResult> stored = Error{};
            if (q.exec() && q.next() && q.value(0).toString() == sent.value(r.seq))
                stored = MutationResult::fromJson(
                    QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
            if (stored)
                stored.value().replay = false;
            if (!stored || stored->toJsonBytes() != bytes) {
                fail(QStringLiteral("a result is sent only after its effect is committed"),
                     QStringLiteral("%1 seq %2 is answered %3, but the database holds %4")
                         .arg(terminal)
                         .arg(r.seq)
                         .arg(QString::fromUtf8(bytes))
                         .arg(stored ? QString::fromUtf8(stored->toJsonBytes())
                                     : QStringLiteral("no such result")));
                return;
            }
            const auto known = m_answers.constFind(key);
            if (known == m_answers.cend()) {
                // Maybe a replay: the first answer died with a server before it was sent.
                m_answers.insert(key, bytes);
                m_answeredSeq.insert(key, r.seq);
            } else if (*known != bytes || m_answeredSeq.value(key) != r.seq) {
                fail(QStringLiteral("a result never changes"),
                     QStringLiteral("%1: first %2 (seq %3), now %4")
                         .arg(key, QString::fromUtf8(*known))
                         .arg(m_answeredSeq.value(key))
                         .arg(QString::fromUtf8(bytes)));
                return;
            }
        }
        if (!outcome.results.isEmpty())
            serverSend(outcome.connection, encode(Results{outcome.results}));
        if (outcome.error) {
            trace(QStringLiteral("server -> #%1 error %2 seq %3")
                      .arg(outcome.connection)
                      .arg(outcome.error->code)
                      .arg(outcome.error->seq.value_or(0)));
            serverSend(outcome.connection, encode(*outcome.error));
        }
    }
}

void World::onCommitted(const CommitEffects& effects)
{
    const QByteArray levels = effects.levels.isEmpty()
                                  ? QByteArray()
                                  : encode(Levels{effects.cursor, false, effects.levels});
    const QByteArray catalog = effects.products.isEmpty()
                                   ? QByteArray()
                                   : encode(CatalogUpdate{effects.cursor, false, effects.products});
    for (const auto& [id, s] : m_sessions) {
        if (!s.authenticated)
            continue;
        if (!levels.isEmpty())
            serverSend(id, levels);
        if (!catalog.isEmpty())
            serverSend(id, catalog);
    }
}

// ---- the world's doings

void World::workload()
{
    if (!m_chaos)
        return;
    std::vector<int> alive;
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t)
        if (m_terminals[t].alive)
            alive.push_back(t);
    if (!alive.empty())
        act(alive[random(alive.size())]);
    after(between(100, 3000), [this] { workload(); });
}

void World::act(int t)
{
    Terminal& term = m_terminals[t];
    const QString sku = hotSkus[static_cast<qsizetype>(random(hotSkus.size()))];
    const QString location = chance(80) ? storeFloor : backroom;
    auto newId = [&term](const char* what) {
        return QStringLiteral("%1.%2%3").arg(term.id, QLatin1String(what)).arg(++term.made);
    };
    Mutation m;
    m.id = newId("m");
    m.at = terminalNow();
    const bool sells = term.role == Role::Pos || term.role == Role::Manager;
    const bool books = term.role == Role::Receiving || term.role == Role::Manager;
    // Now and then a kind the role may not send: the server must refuse it, `forbidden`.
    const bool stray = chance(3);
    const int pick = static_cast<int>(random(100));
    bool selling = sells && books ? chance(50) : sells;
    if (stray)
        selling = !selling;
    if (selling) {
        if (pick < 35) {
            const Reservation r{newId("r"), sku, location, between(1, 3)};
            m.body = ReserveMutation{r.id, r.sku, r.location, r.qty, between(5, 120)};
            term.reservations.append(r);
        } else if (pick < 45 && !term.reservations.isEmpty()) {
            const auto i = static_cast<qsizetype>(random(term.reservations.size()));
            m.body = ReleaseMutation{term.reservations.takeAt(i).id};
        } else if (pick < 85) {
            SaleMutation sale;
            sale.sale = newId("s");
            sale.location = storeFloor;
            Money total;
            const int lines = static_cast<int>(between(1, 2));
            for (int i = 0; i < lines; ++i) {
                SaleLine line{hotSkus[static_cast<qsizetype>(random(hotSkus.size()))],
                              between(1, 3), Money::fromMinor(between(100, 999)), QString()};
                if (!term.reservations.isEmpty() && chance(60)) {
                    const auto j = static_cast<qsizetype>(random(term.reservations.size()));
                    const Reservation r = term.reservations.takeAt(j);
                    line.sku = r.sku;
                    line.qty = r.qty;
                    line.reservation = r.id;
                    sale.location = r.location;
                }
                total += line.price * line.qty;
                sale.lines.append(line);
            }
            sale.payments.append(Payment{QStringLiteral("cash"), total, QString()});
            // Offline: rung up while the till could not reach the server.
            sale.offline = !term.client->isConnected() || chance(10);
            if (sells) {
                recordSale(t, sale);
                return;
            }
            m.body = sale;
            term.sales.append(sale.sale);
        } else {
            ReturnMutation r;
            r.returnId = newId("ret");
            r.location = storeFloor;
            r.lines.append(ItemLine{sku, between(1, 2)});
            if (!term.sales.isEmpty() && chance(70))
                r.sale = term.sales[static_cast<qsizetype>(random(term.sales.size()))];
            m.body = r;
        }
    } else {
        if (pick < 30) {
            ReceiveMutation r;
            r.receipt = newId("rc");
            r.location = location;
            r.lines.append(ItemLine{sku, between(1, 6)});
            m.body = r;
        } else if (pick < 55) {
            // What the dock last heard the level's version was: often stale by the time it
            // arrives, sometimes wrong on purpose.
            qint64 version = 0;
            if (const Result<std::optional<StockLevel>> level =
                    StockReplica(*term.store).level(sku, location);
                level && level->has_value())
                version = (*level)->version;
            if (chance(15))
                version += between(-1, 1);
            m.body = CountMutation{sku, location, between(0, 8), std::max<qint64>(0, version)};
        } else if (pick < 80) {
            const bool out = chance(50);
            m.body = TransferMutation{newId("tr"), sku, out ? storeFloor : backroom,
                                      out ? backroom : storeFloor, between(1, 3)};
        } else {
            qint64 delta = between(-3, 3);
            if (delta == 0)
                delta = 1;
            m.body =
                AdjustMutation{sku, location, delta,
                               delta < 0 ? QStringLiteral("damaged") : QStringLiteral("found")};
        }
    }
    if (chance(2)) {
        // A product the server does not know: unknown_sku.
        if (auto* r = std::get_if<ReserveMutation>(&m.body))
            r->sku = QStringLiteral("ZZ9");
    }
    const Result<Mutation> stored = Outbox(*term.store).appendNow(m);
    if (!stored)
        violate(QStringLiteral("a local change commits with its outbox entry"),
                QStringLiteral("%1 could not append %2: %3")
                    .arg(term.id, kindName(m.kind()), stored.error().toString()));
    term.appended.append(m.id);
    ++m_mutations;
    trace(QStringLiteral("%1 makes %2").arg(term.id, QString::fromUtf8(stored->toJsonBytes())));
}

// A sale as the till records it: receipt, lines and payments in the journal, with its outbox
// entry, in one transaction (SaleJournal).
void World::recordSale(int t, const SaleMutation& wire)
{
    Terminal& term = m_terminals[t];
    CompletedSale sale;
    sale.location = wire.location;
    sale.offline = wire.offline;
    sale.at = terminalNow();
    sale.payments = wire.payments;
    for (const SaleLine& l : wire.lines)
        sale.lines.append(ReceiptLine{l.sku, QStringLiteral("Hot item ") + l.sku, l.qty, l.price,
                                      Money(), TaxRate(), l.reservation});
    const Result<RecordedSale> recorded = term.journal->record(sale);
    if (!recorded) {
        // Before the first catalog arrives the till knows no product and cannot sell.
        trace(QStringLiteral("%1 cannot record a sale: %2")
                  .arg(term.id, recorded.error().toString()));
        return;
    }
    const Result<OutboxEntry> entry = term.outbox->entry(recorded->seq);
    if (!entry)
        violate(QStringLiteral("a local change commits with its outbox entry"),
                QStringLiteral("%1's sale %2 has no outbox entry %3")
                    .arg(term.id, recorded->receipt)
                    .arg(recorded->seq));
    term.receipts.append(recorded->receipt);
    term.sales.append(recorded->receipt);
    term.appended.append(entry->id);
    ++m_mutations;
    trace(
        QStringLiteral("%1 records sale %2: %3")
            .arg(term.id, recorded->receipt,
                 QString::fromUtf8(QJsonDocument(entry->payload).toJson(QJsonDocument::Compact))));
}

void World::fault()
{
    if (!m_chaos)
        return;
    const int n = static_cast<int>(m_terminals.size());
    const int t = static_cast<int>(random(static_cast<quint64>(n)));
    Terminal& term = m_terminals[t];
    const int pick = static_cast<int>(random(100));
    if (pick < 30) {
        if (liveConn(term.conn)) {
            trace(QStringLiteral("FAULT: %1's connection #%2 drops").arg(term.id).arg(term.conn));
            cut(term.conn, 1006, QStringLiteral("connection lost"));
        }
    } else if (pick < 45) {
        const qint64 duration = between(5'000, 150'000);
        trace(QStringLiteral("FAULT: %1 cut off for %2 ms").arg(term.id).arg(duration));
        term.partitionedUntil = m_now + duration;
        cut(term.conn, 1006, QStringLiteral("connection lost"));
    } else if (pick < 60) {
        if (m_serverUp)
            killServer();
    } else if (pick < 72) {
        if (term.alive)
            killTerminal(t);
    } else if (pick < 85) {
        const qint64 jump = chance(80) ? between(5'000, 150'000) : -between(1'000, 10'000);
        m_serverSkewMs += jump;
        trace(QStringLiteral("FAULT: the server's clock jumps %1 ms").arg(jump));
    } else if (pick < 92) {
        m_maxDelayMs = static_cast<int>(between(1, 400));
        trace(QStringLiteral("FAULT: delays up to %1 ms now").arg(m_maxDelayMs));
    } else {
        // The storage thread hangs (a slow disk, a long lock): connections stay up, nothing is
        // answered, and clients owed an answer give up on the connection after their timeout.
        const qint64 stall = between(1'000, 60'000);
        m_stalledUntil = std::max(m_stalledUntil, m_now + stall);
        trace(QStringLiteral("FAULT: storage stalls for %1 ms").arg(stall));
    }
    after(between(1'000, 15'000), [this] { fault(); });
}

void World::killServer()
{
    trace(QStringLiteral("FAULT: the server is killed"));
    // Its queued signals go with it: whatever was committed and not yet answered stays
    // unanswered, and everything in memory is lost.
    m_arbiter.reset();
    m_serverUp = false;
    ++m_serverGeneration;
    m_sessions.clear();
    for (auto& [id, c] : m_conns)
        if (c.alive)
            cut(id, 1006, QStringLiteral("connection lost"));
    checkStore("after the server died");
    after(between(0, 20'000), [this] {
        if (!m_serverUp)
            restartServer();
    });
}

void World::restartServer()
{
    startServer();
    checkStore("after the server reopened its database");
}

void World::killTerminal(int t)
{
    Terminal& term = m_terminals[t];
    trace(QStringLiteral("FAULT: %1 is killed").arg(term.id));
    const quint64 conn = term.conn;
    term.alive = false;
    ++term.generation;
    term.close();
    // The server notices the socket gone a little later.
    if (liveConn(conn)) {
        m_conns[conn].alive = false;
        after(netDelay(), [this, conn] { m_sessions.erase(conn); });
    }
    after(between(0, 10'000), [this, t] {
        if (!m_terminals[t].alive)
            startTerminal(t);
    });
}

void World::heal()
{
    m_chaos = false;
    trace(QStringLiteral("the network heals"));
    m_maxDelayMs = std::min(m_maxDelayMs, 50);
    for (Terminal& t : m_terminals)
        t.partitionedUntil = -1;
    if (!m_serverUp)
        restartServer();
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t)
        if (!m_terminals[t].alive)
            startTerminal(t);
}

// ---- checks

QList<StockLevel> World::serverLevels()
{
    const Result<QList<StockLevel>> levels = m_check->levels();
    if (!levels)
        violate(QStringLiteral("the server's levels can be read"), levels.error().toString());
    return levels.value();
}

// Invariant 1, at every step.
void World::checkLevels(const char* when)
{
    for (const StockLevel& l : serverLevels())
        if (l.onHand < 0 || l.reserved < 0 || l.reserved > l.onHand)
            violate(QStringLiteral("0 <= reserved <= onHand"),
                    QStringLiteral("%1 at %2: on hand %3, reserved %4, %5")
                        .arg(l.sku, l.location)
                        .arg(l.onHand)
                        .arg(l.reserved)
                        .arg(QLatin1String(when)));
}

// What the database holds: the ledger replays to the levels (the server's own verify), no
// mutation applied twice, no reservation resolved twice.
void World::checkStore(const char* when)
{
    checkLevels(when);
    const Result<VerifyReport> report = m_check->verify();
    if (!report)
        violate(QStringLiteral("ledger replay equals levels"), report.error().toString());
    if (!report->ok)
        violate(QStringLiteral("ledger replay equals levels"),
                report->problems.join(QStringLiteral("; ")) + QStringLiteral(", ") +
                    QLatin1String(when));

    QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
    q.exec(QStringLiteral("SELECT terminal, mutation_id, COUNT(*), GROUP_CONCAT(seq) FROM results "
                          "GROUP BY terminal, mutation_id HAVING COUNT(*) > 1"));
    if (q.next())
        violate(QStringLiteral("each mutation is applied at most once"),
                QStringLiteral("%1's mutation %2 was taken as seqs %3, %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(3).toString(),
                         QLatin1String(when)));
    q.exec(QStringLiteral("SELECT mutation_id, COUNT(DISTINCT terminal || '#' || seq) FROM ledger "
                          "WHERE mutation_id <> '' GROUP BY mutation_id "
                          "HAVING COUNT(DISTINCT terminal || '#' || seq) > 1"));
    if (q.next())
        violate(QStringLiteral("each mutation is applied at most once"),
                QStringLiteral("the ledger books mutation %1 under %2 seqs, %3")
                    .arg(q.value(0).toString())
                    .arg(q.value(1).toLongLong())
                    .arg(QLatin1String(when)));

    // A reservation is made, then resolved (released, sold, expired) at most once.
    q.exec(QStringLiteral("SELECT id, terminal, kind, reserved_delta, detail FROM ledger "
                          "WHERE detail LIKE '%\"reservation\"%' ORDER BY id"));
    QHash<QString, bool> live;
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        const QString key =
            q.value(1).toString() + u'/' + detail.value(QLatin1String("reservation")).toString();
        const QString kind = q.value(2).toString();
        if (kind == QLatin1String("reserve")) {
            if (live.value(key))
                violate(QStringLiteral("a reservation is resolved at most once"),
                        QStringLiteral("%1 held again while live (ledger row %2), %3")
                            .arg(key)
                            .arg(q.value(0).toLongLong())
                            .arg(QLatin1String(when)));
            live[key] = true;
        } else {
            if (!live.value(key))
                violate(QStringLiteral("a reservation is resolved at most once"),
                        QStringLiteral("%1 resolved again by %2 (ledger row %3), %4")
                            .arg(key, kind)
                            .arg(q.value(0).toLongLong())
                            .arg(QLatin1String(when)));
            live[key] = false;
        }
    }
}

bool World::quiescent() const
{
    if (m_inFlight > 0 || !m_serverUp || m_stepScheduled)
        return false;
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t) {
        const Terminal& term = m_terminals[t];
        if (!term.alive || !transportOpen(t) || !term.client->isConnected() ||
            term.client->pendingCount() > 0)
            return false;
    }
    return true;
}

void World::checkConvergence()
{
    const QList<StockLevel> server = serverLevels();
    QStringList levelsText;
    for (const StockLevel& l : server)
        levelsText.append(QStringLiteral("%1@%2=%3/%4v%5")
                              .arg(l.sku, l.location)
                              .arg(l.onHand)
                              .arg(l.reserved)
                              .arg(l.version));
    trace(QStringLiteral("quiet: server levels %1").arg(levelsText.join(u' ')));
    QHash<QString, StockLevel> byKey;
    QStringList skus;
    for (const StockLevel& l : server) {
        byKey.insert(l.sku + u'@' + l.location, l);
        if (!skus.contains(l.sku))
            skus.append(l.sku);
    }
    for (const Terminal& t : m_terminals) {
        StockReplica replica(*t.store);
        qsizetype seen = 0;
        for (const QString& sku : std::as_const(skus)) {
            const Result<QList<StockLevel>> mine = replica.levelsOf(sku);
            if (!mine)
                violate(QStringLiteral("convergence"), mine.error().toString());
            for (const StockLevel& l : mine.value()) {
                ++seen;
                const StockLevel theirs = byKey.value(l.sku + u'@' + l.location);
                if (!(theirs == l))
                    violate(QStringLiteral("convergence"),
                            QStringLiteral("%1 holds %2@%3=%4/%5v%6, the server %7/%8v%9")
                                .arg(t.id, l.sku, l.location)
                                .arg(l.onHand)
                                .arg(l.reserved)
                                .arg(l.version)
                                .arg(theirs.onHand)
                                .arg(theirs.reserved)
                                .arg(theirs.version));
            }
        }
        const Result<QList<Shortage>> open = m_check->openShortages();
        if (!open)
            violate(QStringLiteral("convergence"), open.error().toString());
        if (t.client->shortages() != open.value())
            violate(QStringLiteral("convergence"),
                    QStringLiteral("%1 shows %2 open shortages, the server has %3")
                        .arg(t.id)
                        .arg(t.client->shortages().size())
                        .arg(open->size()));
        if (seen != server.size())
            violate(QStringLiteral("convergence"),
                    QStringLiteral("%1 holds %2 levels, the server %3")
                        .arg(t.id)
                        .arg(seen)
                        .arg(server.size()));
    }
}

// Nothing in any outbox lost; every entry answered exactly as the server first answered it;
// every sale a till recorded applied on the server (invariant 5).
void World::checkEnd()
{
    checkStore("at the end");
    for (const Terminal& t : m_terminals) {
        for (const QString& receipt : t.receipts) {
            const Result<StoredSale> sale = t.journal->find(receipt);
            if (!sale)
                violate(QStringLiteral("a sale is never lost"),
                        QStringLiteral("%1's sale %2 is gone from its journal: %3")
                            .arg(t.id, receipt, sale.error().toString()));
            if (sale->syncStatus != OutboxEntry::Status::Applied)
                violate(QStringLiteral("a sale is never lost"),
                        QStringLiteral("%1's sale %2 (seq %3) is not applied on the server")
                            .arg(t.id, receipt)
                            .arg(sale->seq));
        }
        Outbox outbox(*t.store);
        const Result<qint64> last = outbox.lastSeq();
        if (!last)
            violate(QStringLiteral("nothing in any outbox is lost"), last.error().toString());
        QHash<QString, OutboxEntry> byId;
        for (qint64 seq = 1; seq <= *last; ++seq) {
            Result<OutboxEntry> entry = outbox.entry(seq);
            if (!entry)
                continue; // renumbered away
            if (byId.contains(entry->id))
                violate(QStringLiteral("nothing in any outbox is lost"),
                        QStringLiteral("%1 holds %2 twice").arg(t.id, entry->id));
            byId.insert(entry->id, entry.value());
        }
        if (byId.size() != t.appended.size())
            violate(QStringLiteral("nothing in any outbox is lost"),
                    QStringLiteral("%1 appended %2 entries and holds %3")
                        .arg(t.id)
                        .arg(t.appended.size())
                        .arg(byId.size()));
        for (const QString& id : t.appended) {
            const auto it = byId.constFind(id);
            if (it == byId.cend())
                violate(QStringLiteral("nothing in any outbox is lost"),
                        QStringLiteral("%1's %2 is gone from its outbox").arg(t.id, id));
            if (it->status == OutboxEntry::Status::Pending)
                violate(QStringLiteral("every seq sent gets exactly one result"),
                        QStringLiteral("%1's %2 (seq %3) is still unanswered")
                            .arg(t.id, id)
                            .arg(it->seq));
            const Result<MutationResult> recorded = MutationResult::fromJson(it->result);
            if (!recorded)
                violate(QStringLiteral("a result never changes"),
                        QStringLiteral("%1's %2 holds an unreadable result").arg(t.id, id));
            MutationResult first = recorded.value();
            first.replay = false;
            const QString key = t.id + u'/' + id;
            if (first.toJsonBytes() != m_answers.value(key) || it->seq != m_answeredSeq.value(key))
                violate(QStringLiteral("a result never changes"),
                        QStringLiteral("%1 recorded %2 for seq %3; the server answered %4 for seq "
                                       "%5")
                            .arg(key, QString::fromUtf8(first.toJsonBytes()))
                            .arg(it->seq)
                            .arg(QString::fromUtf8(m_answers.value(key)))
                            .arg(m_answeredSeq.value(key)));
        }
    }
}

SeedReport World::run()
{
    SeedReport report;
    report.seed = m_config.seed;
    try {
        setup();
        for (;;) {
            if (!m_chaos && quiescent()) {
                checkConvergence();
                checkEnd();
                trace(QStringLiteral("done: %1 mutations, all answered, every replica equals "
                                     "the server")
                          .arg(m_mutations));
                break;
            }
            const std::optional<qint64> timer = m_dispatcher.nextDeadline();
            const bool eventFirst = !m_events.empty() && (!timer || m_events.top().at <= *timer);
            if (m_events.empty() && !timer)
                violate(QStringLiteral("convergence"), QStringLiteral("nothing left to happen"));
            const qint64 next = eventFirst ? m_events.top().at : *timer;
            if (next > m_deadline) {
                QStringList states;
                for (const Terminal& t : m_terminals)
                    states.append(QStringLiteral("%1 %2, %3 pending%4")
                                      .arg(t.id)
                                      .arg(t.client && t.client->isConnected()
                                               ? QStringLiteral("connected")
                                               : QStringLiteral("not connected"))
                                      .arg(t.client ? t.client->pendingCount() : -1)
                                      .arg(t.client && !t.client->lastError().isEmpty()
                                               ? QStringLiteral(" (%1)").arg(t.client->lastError())
                                               : QString()));
                violate(QStringLiteral("convergence"),
                        QStringLiteral("no quiet %1 ms after the network healed: %2")
                            .arg(m_deadline - m_chaosEnd)
                            .arg(states.join(QStringLiteral("; "))));
            }
            m_now = std::max(m_now, next);
            m_dispatcher.setNow(m_now);
            if (eventFirst) {
                Event e = m_events.top();
                m_events.pop();
                e.run();
            } else {
                m_dispatcher.fireNext();
            }
            drain();
            ++m_steps;
            if (m_failure)
                throw *m_failure;
        }
    } catch (const Violation& v) {
        report.ok = false;
        report.invariant = v.invariant;
        report.detail = scrub(v.detail);
        report.lastSteps = QStringList(m_recent.begin(), m_recent.end());
    }
    report.steps = m_steps;
    report.mutations = m_mutations;
    report.traceHash = m_hash.result().toHex();
    return report;
}

} // namespace

SeedReport runSeed(const SimConfig& config, SimDispatcher& dispatcher,
                   const std::function<void(const QString&)>& out)
{
    dispatcher.setNow(0);
    World world(config, dispatcher, out);
    return world.run();
}

} // namespace stockline::sim
