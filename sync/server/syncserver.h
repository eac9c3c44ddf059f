#pragma once

#include "lingeringclose.h"
#include "protocol.h"
#include "ratelimit.h"
#include "role.h"
#include "stockarbiter.h"
#include "tlslistener.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <memory>
#include <optional>
#include <unordered_map>

namespace stockline::sync {

struct ServerLimits
{
    int helloTimeoutMs = 10'000;
    int handshakeTimeoutMs = 10'000; // TCP connected, WebSocket upgrade not done
    int listenBacklog = 4096;
    int maxBadMessages = 5;     // then close 4400
    int maxPushesInFlight = 64; // per connection; beyond: error rate_limited, close 4429
    qint64 maxSendBacklog = 8 * 1024 * 1024; // bytes queued to one client before it resyncs
    // Open WebSockets, in total and from one address; beyond: close 4503 before any hello.
    // Tills behind one NAT router share its address, so the default fits a thousand of them.
    int maxConnections = 4096;
    int maxConnectionsPerAddress = 1024;
    // Messages per connection, of any type: sustained per second, and at once. A till sends
    // pushes of up to 200 mutations with at most 4 unanswered, each answered after a commit:
    // even catching up after a day offline it stays far below either.
    int messagesPerSecond = 1'000;
    int messageBurst = 2'000;
    FailedHellos::Limits failedHellos; // per address: slowed, then refused (4429)
};

// The socket side of the server: sessions, bounds, authentication hand-off and broadcast.
// It never touches storage: everything that needs the database goes to the StockArbiter,
// whose answers come back as signals on this thread.
class SyncServer : public QObject
{
    Q_OBJECT

public:
    SyncServer(StockArbiter& arbiter, const Clock& clock, ServerLimits limits = {},
               QObject* parent = nullptr);
    ~SyncServer() override;

    [[nodiscard]] const ServerLimits& limits() const { return m_limits; }

    // Before listen(): every connection must complete a TLS handshake with this
    // configuration (certificate and key) first: wss://.
    void useTls(const QSslConfiguration& configuration);
    [[nodiscard]] Status listen(const QHostAddress& address, quint16 port);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] int connectionCount() const { return static_cast<int>(m_sessions.size()); }
    // Connections with an accepted hello, by the terminal's role.
    [[nodiscard]] QMap<Role, int> terminalsByRole() const;
    // The outbox backlog each connected terminal reported with its last push.
    [[nodiscard]] QMap<QString, qint64> outboxBacklogs() const;

    // Stops accepting; answers what is in flight; then closes every connection and emits
    // drained().
    void shutdown();

Q_SIGNALS:
    void drained();

private:
    struct Session
    {
        quint64 id = 0;
        QPointer<QWebSocket> socket;
        // The connection under `socket`, which broadcast frames are written to directly.
        QPointer<QTcpSocket> tcp;
        QTimer helloTimer;
        bool helloSent = false;
        bool authenticated = false;
        bool closing = false; // close() was called: nothing more it sends is read
        QString address;      // the peer's IP address, for the per-address limits
        std::optional<MessageBucket> bucket;
        QString terminal;
        Role role = Role::Pos;
        int badMessages = 0;
        int pushesInFlight = 0;
        qint64 frameBytes = 0;               // of the message being received
        qint64 cursorSent = 0;               // the newest levels/catalog cursor sent
        bool resyncPending = false;          // fell behind: deltas skipped, catch-up due
        QMetaObject::Connection drainWatch;  // bytesWritten, while resyncPending
        QList<QByteArray> heldFrames;        // pushes that arrived before the welcome
        std::optional<qint64> outboxBacklog; // as its last push reported it
        // The back office (syncserverbackoffice.cpp): the manager signed in on this socket,
        // until when (server clock), and the answers given, by request id.
        QString elevatedStaff;
        QDateTime elevatedUntil;
        bool elevating = false;
        QHash<QString, QByteArray> answers;
        QList<QString> answerOrder;   // oldest first, to bound `answers`
        QHash<QString, int> inFlight; // request id → duplicates waiting for its answer
    };

    void acceptTcp();
    void acceptConnections();
    void reapStalledHandshakes();
    void onFrame(Session& session, const QByteArray& frame, bool isLast);
    // Every message passes here first: false when the connection went over its rate.
    [[nodiscard]] bool admit(Session& session);
    [[nodiscard]] bool refuseOverCapacity(QWebSocket* socket, const QString& address);
    [[nodiscard]] bool refuseFailingAddress(Session& session);
    void onMessage(Session& session, const QByteArray& message);
    void onBinaryMessage(Session& session);
    void onHello(Session& session, const Hello& hello);
    void onPush(Session& session, Push push);
    void onPair(Session& session, const Pair& pair);
    void onHistoryReady(quint64 connection, const HistoryReply& history);
    void onReport(Session& session, ReportRequest report);
    void rejectMessage(Session& session, const ProtocolError& error);
    void send(Session& session, const QByteArray& message);
    void send(Session& session, const QString& message);
    void sendFrames(Session& session, const QByteArray& frames, const QByteArray& message);
    void close(Session& session, quint16 code, const QString& reason);
    void drop(quint64 id);
    [[nodiscard]] Session* session(quint64 id);
    void updateWatchList();
    void maybeFinishShutdown();
    void finishDrain();

    void onHelloDone(quint64 connection, const SessionStart& start);
    void onHelloFailed(quint64 connection, const ProtocolError& error);
    void answerHelloFailed(Session& session, const ProtocolError& error);
    // syncserverlog.cpp: the lines an administrator (and fail2ban) reads, with the metrics.
    void logFailedHello(const Session& session, const ProtocolError& error);
    void noteBan(const QString& address, bool refusedBefore);
    void cutOffRevoked(Session& session);
    void onPaired(quint64 connection, const Paired& paired);
    void onPushesDone(const QList<PushOutcome>& outcomes);
    void onCommitted(const CommitEffects& effects);
    void onShortagesChanged(const QList<Shortage>& shortages);
    void onCatchUpReady(quint64 connection, const Levels& levels, const CatalogUpdate& catalog);
    void onTerminalsRevoked(const QStringList& terminals);
    void onStaffChanged(const QList<StaffMember>& staff);
    void onDeliveriesChanged(const QList<Delivery>& deliveries);
    // syncserverbackoffice.cpp
    void onBackOffice(Session& session, BackOfficeRequest request);
    void onElevate(Session& session, const BackOfficeRequest& request);
    [[nodiscard]] bool isBackOfficeAllowed(const Session& session) const;
    // A manager deactivated or made a cashier is signed out of every socket at once.
    void endElevationsNotIn(const QList<StaffMember>& staff);
    // Refused for wrong PINs on this terminal: how long still (0: not refused).
    [[nodiscard]] qint64 pinRefusedForMs(const QString& terminal);
    void onStaffLookedUp(quint64 connection, const QString& request,
                         const std::optional<StaffMember>& found, bool failed);
    void onPinChecked(quint64 connection, const QString& request, const StaffMember& member,
                      bool matches);
    void submitBackOffice(Session& session, BackOfficeRequest request);
    void onBackOfficeAnswered(quint64 connection, const QString& request, const QString& type,
                              QJsonObject answer);
    void answer(Session& session, const QString& request, const QByteArray& frame);
    void watchDrain(Session& session);
    void onBytesWritten(Session& session);

    StockArbiter& m_arbiter;
    const Clock& m_clock;
    ServerLimits m_limits;
    TlsListener m_tcp;
    LingeringClose m_lingering;
    QWebSocketServer m_server;
    // TCP connections whose WebSocket handshake is not done yet, by peer port (all peers of
    // one listener that share a port are one peer): Qt 6.4.2 leaves a failed handshake open.
    struct Handshake
    {
        QPointer<QTcpSocket> socket;
        // Monotonic: a wall clock set back by an hour would keep a stalled socket an hour.
        QElapsedTimer age;
    };
    QHash<QString, Handshake> m_handshakes;
    QTimer m_handshakeReaper;
    std::unordered_map<quint64, std::unique_ptr<Session>> m_sessions;
    QHash<QString, int> m_connectionsByAddress;
    FailedHellos m_failedHellos;
    QElapsedTimer m_uptime; // the monotonic clock of the rate limits
    quint64 m_nextId = 1;
    int m_pushesInFlight = 0;
    bool m_shuttingDown = false;
    bool m_closing = false;
    bool m_drained = false;
    // Wrong PINs per terminal (monotonic ms), and until when it is refused.
    struct PinFailures
    {
        QList<qint64> at;
        qint64 refusedUntilMs = 0;
    };
    QHash<QString, PinFailures> m_pinFailures;
    // The PIN of an `elevate` while storage looks its person up, by connection and request.
    QHash<std::pair<quint64, QString>, QString> m_pendingPins;
    // PBKDF2 off the socket thread. Last member: destroyed first, it waits for its tasks, which
    // post to this object.
    QThreadPool m_pinPool;
};

} // namespace stockline::sync
