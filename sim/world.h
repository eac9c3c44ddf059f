#pragma once

// Private to the simulation: the world a seed runs in, split over the files named by what
// they simulate: simulation.cpp (set-up and the driver), simnetwork.cpp (the clocks, the
// network and the server's sessions), workload.cpp (what the terminals do), faults.cpp (what
// goes wrong) and checks.cpp (the invariants).

#include "client.h"
#include "feedlistener.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salejournal.h"
#include "simdispatcher.h"
#include "simulation.h"
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
#include <deque>
#include <map>
#include <optional>
#include <queue>
#include <random>

namespace stockline::sim {

using namespace stockline::sync;

inline const QDateTime epoch = QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
inline const QString storeFloor = QStringLiteral("store-1");
inline const QString backroom = QStringLiteral("backroom-1");
inline const QStringList hotSkus = {QStringLiteral("A1"), QStringLiteral("A2"),
                                    QStringLiteral("A3")};
// Bananas, sold by the kg: stock, holds and sale lines in grams.
inline const QString weighedSku = QStringLiteral("W1");
inline constexpr qint64 idleStepMs = 500; // the storage thread wakes this often with nothing to do
inline constexpr int keptSteps = 40;      // trace lines shown with a violation

// A violation ends the seed: thrown inside the world, caught by runSeed. It never crosses a
// Qt boundary uncaught, as every step runs inside runSeed's try block.
struct Violation
{
    QString invariant;
    QString detail;
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

// A sale a till recorded, as a clerk at any till would find it by its receipt number.
struct SoldReceipt
{
    QString number;
    QString terminal;
    QString location;
    QList<ReceiptLine> lines;
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
    // Sales of its earlier installs (it was reinstalled with an empty store): they live on the
    // server only now.
    QStringList formerReceipts;
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
    void refund(int t);
    [[nodiscard]] bool canRefund(int t, const SoldReceipt& sold);
    [[nodiscard]] ReturnMutation refundOf(int t, const SoldReceipt& sold);
    void appendRefund(int t, const ReturnMutation& refund);
    void reinstallTerminal(int t);
    void fault();
    void killServer();
    void restartServer();
    void killTerminal(int t);
    void heal();

    // ---- checks
    void checkLevels(const char* when);
    void checkStore(const char* when);
    void checkEnd();
    void checkMoney(const char* when);
    void checkReceiptsStored();
    void checkDayReport();
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
    QList<SoldReceipt> m_sold; // every sale any till recorded, for refunds at any till
    Money m_soldTotal;         // what they add up to, tax included
};

} // namespace stockline::sim
