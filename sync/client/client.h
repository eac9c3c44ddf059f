#pragma once

#include "catalog.h"
#include "clientclock.h"
#include "outbox.h"
#include "product.h"
#include "protocol.h"
#include "stockreplica.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <deque>
#include <memory>
#include <optional>

namespace stockline {
class LocalStore;
}

namespace stockline::sync {

class Transport;

struct ClientOptions
{
    QUrl url;
    QString terminal;
    QString token;
    // wss:// only: the server certificate's SHA-256 (32 bytes) the terminal pinned; empty: the
    // system's certificate authorities decide (websockettransport.h).
    QByteArray certificateSha256;
    int batchSize = 200;    // mutations per push (at most maxMutationsPerPush)
    int window = 4;         // pushes sent and not yet answered (the server allows 64)
    int backoffMinMs = 250; // the first retry after a failure; doubles up to the max
    int backoffMaxMs = 30'000;
    int answerTimeoutMs = 30'000;      // silence while owing an answer: the connection is made anew
    qint64 maxPushBytes = 1024 * 1024; // well below the server's 4 MiB message limit
    int maxRejectionsKept = 100;
    // A person said the server was restored from an older backup (stockline
    // --resend-after-restore): answered entries the server no longer has are sent again
    // instead of halting (Outbox::reopenAfter; sync/PROTOCOL.md, "Numbering").
    bool resendAfterRestore = false;
    // Time and chance; nullptr: the system's. Not owned: it must outlive the client.
    ClientClock* clock = nullptr;
};

// A mutation the server refused: final, shown to people until they clear it.
struct Rejection
{
    qint64 seq = 0;
    QString kind;    // wire name: "sale", "reserve", …
    QString code;    // insufficient_stock, version_conflict, forbidden, …
    QString message; // for people
    // over_refund: per refund line, what was still refundable of the sale's line.
    QList<LineAvailability> lines = {};

    // Not a refusal: an offline refund the server applied although it went beyond what was
    // left to refund (its `overRefunded`); the money went back, a manager must look at it.
    static constexpr QLatin1StringView refundException{"refund_exception"};

    friend bool operator==(const Rejection&, const Rejection&) = default;
};

// The terminal's side of the sync protocol (sync/PROTOCOL.md): streams the outbox to the
// server in seq order, records every result, and keeps the local replica of levels, catalog
// and shortages current. Reconnects by itself with backoff until stop(), or until the server
// says this terminal is not (or no longer) enrolled: then a person must act (lastError).
//
// The outbox numbering after a reinstall or a restored backup (Outbox::continueAfter) is
// renumbered only when the server proved it holds none of the pending entries: see
// sync/PROTOCOL.md, "The terminal's client".
//
// Threading: lives on the thread of the LocalStore (the UI thread in the app). Network work
// is all signals and slots; the only blocking work is local SQLite, one short transaction per
// message received.
class Client : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(qint64 pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(qint64 oldestPendingAge READ oldestPendingAge NOTIFY oldestPendingAgeChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QVariantList rejections READ rejectionList NOTIFY rejectionsChanged)

public:
    // Takes ownership of `transport`; nullptr makes a WebSocketTransport. `store` must outlive
    // the client.
    Client(const LocalStore& store, Transport* transport, ClientOptions options,
           QObject* parent = nullptr);
    ~Client() override;

    void start();
    void stop();

    // A refused mutation in the clerk's words and the terminal's language, from its code and
    // fields; the server's English `message` only for a code this terminal does not know (or
    // one whose details travel in the message alone, such as over_expected).
    [[nodiscard]] static QString describe(const MutationResult& result);

    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] qint64 pendingCount() const { return m_pendingCount; }
    // Seconds since the oldest unanswered entry was made; 0 when none is pending.
    [[nodiscard]] qint64 oldestPendingAge() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Newest last, at most maxRejectionsKept.
    [[nodiscard]] const QList<Rejection>& rejections() const { return m_rejections; }
    // The same for QML: maps with seq, kind, code and message.
    [[nodiscard]] QVariantList rejectionList() const;
    [[nodiscard]] const QList<Shortage>& shortages() const { return m_shortages; }
    // The active staff with their PIN hashes, as the server last sent them (to roles that sign
    // people in). Each `staff` message replaces the list stored in the terminal's store
    // (StaffDirectory, which signs people in); at start, what was stored before.
    [[nodiscard]] const QList<StaffMember>& staff() const { return m_staff; }
    // The open expected deliveries as the server last sent them (to roles that receive). Each
    // `deliveries` message replaces the list stored in the terminal's store (DeliveryBook), so
    // a dock shows them offline and after a restart.
    [[nodiscard]] const QList<Delivery>& deliveries() const { return m_deliveries; }
    // The role the server gave this terminal in its last welcome; empty before.
    [[nodiscard]] QString role() const { return m_role; }
    [[nodiscard]] Transport* transport() const { return m_transport; }
    // Asks the server for the ledger of `sku` (at `location`, or everywhere when empty), newest
    // first, at most `limit` entries; the answer comes as historyReceived naming the returned
    // request id. Empty when not connected: the history lives on the server only.
    QString requestHistory(const QString& sku, const QString& location, qint64 limit);
    // Asks the server for a receipt it keeps (any till's), to refund it here; the answer comes
    // as receiptReceived naming the returned request id. Empty when not connected.
    QString requestReceipt(const QString& number);
    // Asks for the store's day (a manager's screen); the answer comes as dayReceived naming
    // the returned request id. Empty when not connected.
    QString requestDay(const QDate& date);
    // A back-office request (sync::BackOffice builds it); false when not connected. Its answer
    // comes as backOfficeAnswered.
    bool sendBackOffice(const QByteArray& frame);

public Q_SLOTS:
    void clearRejections();

Q_SIGNALS:
    void connectedChanged(bool connected);
    void runningChanged(bool running);
    void pendingCountChanged(qint64 count);
    void oldestPendingAgeChanged(qint64 seconds);
    void lastErrorChanged(const QString& error);
    void rejectionsChanged();
    // After the replica applied them: the changed levels, or every level when `full`.
    void levelsChanged(const QList<stockline::StockLevel>& levels, bool full);
    void catalogChanged(bool full);
    void shortagesChanged();
    void staffChanged();
    void historyReceived(const stockline::sync::HistoryReply& history);
    void receiptReceived(const stockline::sync::ReceiptReply& receipt);
    void dayReceived(const stockline::sync::DayReply& day);
    void backOfficeAnswered(const stockline::sync::BackOfficeAnswer& answer);
    void deliveriesChanged();
    // A welcome brought store settings that differ from the ones this terminal had; they are
    // kept in its store and are the current currency already.
    void storeSettingsChanged(const stockline::StoreSettings& settings);
    // A results message was recorded: `count` entries newly answered.
    void resultsRecorded(int count);
    // With resendAfterRestore, when the server had lost some: `count` answered entries above
    // the server's `lastSeq` were made pending again.
    void reopenedAfterRestore(qint64 count, qint64 lastSeq);

private:
    enum class Link { Down, Connecting, Hello, Ready, Closing };
    // What the stream waits for before it sends again, strongest last: the strongest reason
    // seen while pushes were in flight decides what happens once they are all answered.
    enum class Hold { None, ResendNow, ResendLater, Renumber, Reconnect, Halted };

    struct InFlight
    {
        qint64 first = 0;
        qint64 last = 0;
        QStringList kinds;    // by seq - first
        bool partial = false; // some results came; an error follows for the rest
    };

    class Backoff
    {
    public:
        Backoff(ClientClock& clock, int minMs, int maxMs)
            : m_clock(clock), m_min(minMs), m_max(maxMs)
        {
        }
        // The delay for the next attempt, with jitter; the one after is twice as long.
        [[nodiscard]] int next();
        void reset() { m_attempt = 0; }

    private:
        ClientClock& m_clock;
        int m_min;
        int m_max;
        int m_attempt = 0;
    };

    // connection
    void connectNow();
    void onOpened();
    void onClosed(int code, const QString& reason);
    void onReceived(const QByteArray& frame);
    void restartConnection(const QString& why);
    // This terminal's own store refused a write: start again, but only after the reconnect
    // backoff, which no welcome resets until a write works again (a full disk would otherwise
    // bring a new connection and a new snapshot every few milliseconds).
    void restartAfterStoreFailure(const QString& why);
    void storeWrites();
    void halt(const QString& error);
    void onTick();

    // messages
    void onWelcome(const Welcome& welcome);
    void onResults(const Results& results);
    void onError(const ProtocolError& error);
    void onLevels(const Levels& levels);
    void onCatalog(const CatalogUpdate& catalog);
    void onShortages(const Shortages& shortages);
    void onStaff(const StaffList& staff);
    void onDeliveries(const DeliveryList& deliveries);

    // the stream
    // Entries were committed to the outbox (OutboxNotifier): they go out at once.
    void outboxChanged();
    void schedulePump();
    void pump();
    [[nodiscard]] bool sendNextPush();
    [[nodiscard]] bool replaysInFlight() const;
    void adoptReceiptCounters(const Welcome& welcome);
    void adoptStoreSettings(const StoreSettings& settings);
    void checkNumbering(qint64 serverLastSeq);
    [[nodiscard]] bool reopenAfterRestore(qint64 serverLastSeq);
    void catchUpNumbering();
    [[nodiscard]] bool recordResults(const QList<MutationResult>& results);
    void noteProblem(const MutationResult& result);
    void raise(Hold hold);
    void afterAnswer();
    void resumeFromFirstPending();
    void renumber();
    [[nodiscard]] InFlight* pushHolding(qint64 seq);
    void dropPushHolding(std::optional<qint64> seq);

    // state for the UI
    void refreshPending();
    void setConnected(bool connected);
    void setRunning(bool running);
    void setError(const QString& error);
    void loadCursors();
    void heardNow() { m_lastHeardMs = m_clock->monotonicMs(); }

    const LocalStore& m_store;
    Outbox m_outbox;
    Catalog m_catalog;
    StockReplica m_replica;
    QPointer<Transport> m_transport;
    ClientOptions m_options;
    std::unique_ptr<ClientClock> m_ownClock; // when the options bring none
    ClientClock* m_clock;

    Link m_link = Link::Down;
    bool m_running = false;
    bool m_connected = false;
    bool m_storeFailing = false;
    QString m_role;
    Backoff m_reconnectBackoff;
    Backoff m_resendBackoff;
    QTimer m_reconnectTimer;
    QTimer m_resendTimer;
    QTimer m_tick;
    // The server's last message, or when we started to wait (monotonic ms); -1: not waiting.
    qint64 m_lastHeardMs = -1;

    // The stream on this connection. Seqs up to m_replayBound (the welcome's lastSeq) are
    // replays and go first, alone: only once they are answered without a sequence_conflict do
    // newer entries follow (so a renumbering never races a newer entry the server applied).
    qint64 m_replayBound = 0;
    qint64 m_nextSeq = 1;
    std::deque<InFlight> m_inFlight;
    Hold m_hold = Hold::None;
    bool m_pumpQueued = false;

    qint64 m_levelsCursor = 0;
    qint64 m_catalogCursor = 0;

    qint64 m_pendingCount = 0;
    QDateTime m_oldestPendingAt;
    qint64 m_knownLastSeq = 0;
    QString m_lastError;
    QList<Rejection> m_rejections;
    QList<Shortage> m_shortages;
    QList<StaffMember> m_staff;
    QList<Delivery> m_deliveries;
};

} // namespace stockline::sync
