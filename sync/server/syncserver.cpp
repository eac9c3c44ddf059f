#include "syncserver.h"

#include "answer.h"
#include "serverlogging.h"

namespace stockline::sync {

namespace {

// Qt's own limits sit above ours, so an oversized message meets our check (and close code
// 4413) first; Qt's stop a single frame from growing without bound. A client may send a whole
// message as one frame (browsers and most libraries do), so a frame may be as large as Qt lets
// a message be: Qt closes a larger frame itself, with 1009, before we see any of it.
constexpr qint64 qtMessageLimit = 2 * maxMessageBytes;
constexpr qint64 qtFrameLimit = qtMessageLimit;
constexpr int shutdownGraceMs = 2'000;
// A client in the middle of a message it may no longer send gets this long, after our close
// frame, to stop and close; this many at once, beyond which a close is abrupt again.
constexpr int closeLingerMs = 2'000;
constexpr int maxLingeringCloses = 256;

ProtocolError protocolError(const QString& code, const QString& message)
{
    return ProtocolError{code, message, {}, {}, {}};
}

// One key per host: an IPv4 peer reached through an IPv6 socket counts as its IPv4 address.
QString addressKey(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

SyncServer::SyncServer(StockArbiter& arbiter, const Clock& clock, ServerLimits limits,
                       QObject* parent)
    : QObject(parent), m_arbiter(arbiter), m_clock(clock), m_limits(limits),
      m_lingering(closeLingerMs, maxLingeringCloses),
      m_server(QStringLiteral("stockline"), QWebSocketServer::NonSecureMode),
      m_failedHellos(limits.failedHellos)
{
    m_uptime.start();
    // With TLS the listener hands over connections once encrypted; the WebSocket server only
    // ever sees a connection that is ready for the upgrade, either way.
    connect(&m_tcp, &TlsListener::ready, this, &SyncServer::acceptTcp);
    connect(&m_tcp, &TlsListener::handshakeFailed, this,
            [this] { m_arbiter.metrics().tlsHandshakeFailed(); });
    connect(&m_server, &QWebSocketServer::newConnection, this, &SyncServer::acceptConnections);
    m_server.setHandshakeTimeout(m_limits.handshakeTimeoutMs);
    m_handshakeReaper.setInterval(1'000);
    connect(&m_handshakeReaper, &QTimer::timeout, this, &SyncServer::reapStalledHandshakes);
    connect(&m_arbiter, &StockArbiter::helloDone, this, &SyncServer::onHelloDone);
    connect(&m_arbiter, &StockArbiter::helloFailed, this, &SyncServer::onHelloFailed);
    connect(&m_arbiter, &StockArbiter::paired, this, &SyncServer::onPaired);
    connect(&m_arbiter, &StockArbiter::pushesDone, this, &SyncServer::onPushesDone);
    connect(&m_arbiter, &StockArbiter::committed, this, &SyncServer::onCommitted);
    connect(&m_arbiter, &StockArbiter::shortagesChanged, this, &SyncServer::onShortagesChanged);
    connect(&m_arbiter, &StockArbiter::catchUpReady, this, &SyncServer::onCatchUpReady);
    // A failed catch-up read (storage busy) is asked again: the session gets no deltas until
    // it has caught up.
    connect(&m_arbiter, &StockArbiter::catchUpFailed, this, [this](quint64 connection) {
        QTimer::singleShot(1'000, this, [this, connection] {
            if (Session* s = session(connection); s && s->resyncPending)
                m_arbiter.submitCatchUp(connection, s->cursorSent);
        });
    });
    connect(&m_arbiter, &StockArbiter::terminalsRevoked, this, &SyncServer::onTerminalsRevoked);
    connect(&m_arbiter, &StockArbiter::staffChanged, this, &SyncServer::onStaffChanged);
    connect(&m_arbiter, &StockArbiter::deliveriesChanged, this, &SyncServer::onDeliveriesChanged);
    connect(&m_arbiter, &StockArbiter::historyReady, this, &SyncServer::onHistoryReady);
    connect(&m_arbiter, &StockArbiter::backOfficeAnswered, this, &SyncServer::onBackOfficeAnswered);
    connect(&m_arbiter, &StockArbiter::staffLookedUp, this, &SyncServer::onStaffLookedUp);
    connect(&m_arbiter, &StockArbiter::receiptReady, this,
            [this](quint64 connection, const ReceiptReply& reply) {
                if (Session* s = session(connection))
                    send(*s, encode(reply));
            });
    connect(&m_arbiter, &StockArbiter::answerReady, this,
            [this](quint64 connection, const QByteArray& frame) {
                if (Session* s = session(connection))
                    send(*s, frame);
            });
    connect(&m_arbiter, &StockArbiter::dayReady, this,
            [this](quint64 connection, const DayReply& reply) {
                if (Session* s = session(connection))
                    send(*s, encode(reply));
            });
}

SyncServer::~SyncServer()
{
    for (auto& [id, s] : m_sessions)
        if (s->socket)
            s->socket->disconnect(this);
}

void SyncServer::useTls(const QSslConfiguration& configuration)
{
    m_tcp.useTls(configuration, m_limits.handshakeTimeoutMs);
}

Status SyncServer::listen(const QHostAddress& address, quint16 port)
{
    // Our own listener: a backlog for a thousand terminals reconnecting at once (Qt's default
    // is 50), and sockets handed to the WebSocket server one by one.
    m_tcp.setListenBacklogSize(m_limits.listenBacklog);
    m_tcp.setMaxPendingConnections(m_limits.listenBacklog);
    if (!m_tcp.listen(address, port))
        return Error{QStringLiteral("listen"), QStringLiteral("cannot listen on %1:%2: %3")
                                                   .arg(address.toString())
                                                   .arg(port)
                                                   .arg(m_tcp.errorString())};
    m_handshakeReaper.start();
    return success();
}

quint16 SyncServer::port() const
{
    return m_tcp.serverPort();
}

namespace {

QString peerKey(const QHostAddress& address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

} // namespace

void SyncServer::acceptTcp()
{
    while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        Handshake handshake{socket, {}};
        handshake.age.start();
        m_handshakes.insert(peerKey(socket->peerAddress(), socket->peerPort()), handshake);
        m_server.handleConnection(socket);
    }
}

void SyncServer::reapStalledHandshakes()
{
    for (auto it = m_handshakes.begin(); it != m_handshakes.end();) {
        if (!it->socket) {
            it = m_handshakes.erase(it);
        } else if (it->age.hasExpired(m_limits.handshakeTimeoutMs)) {
            it->socket->abort();
            it = m_handshakes.erase(it);
        } else {
            ++it;
        }
    }
}

// Qt queues at most maxPendingConnections() per signal: drain them all every time.
void SyncServer::acceptConnections()
{
    while (m_server.hasPendingConnections()) {
        QWebSocket* socket = m_server.nextPendingConnection();
        if (!socket)
            break;
        if (m_shuttingDown) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
            socket->deleteLater();
            continue;
        }
        const Handshake handshake =
            m_handshakes.take(peerKey(socket->peerAddress(), socket->peerPort()));
        const QString address = addressKey(socket->peerAddress());
        if (refuseOverCapacity(socket, address))
            continue;
        socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(qtFrameLimit));
        socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(qtMessageLimit));
        auto fresh = std::make_unique<Session>();
        const quint64 id = m_nextId++;
        fresh->id = id;
        fresh->socket = socket;
        fresh->tcp = handshake.socket;
        fresh->address = address;
        fresh->bucket.emplace(m_limits.messagesPerSecond, m_limits.messageBurst,
                              m_uptime.elapsed());
        ++m_connectionsByAddress[address];
        fresh->helloTimer.setSingleShot(true);
        fresh->helloTimer.setInterval(m_limits.helloTimeoutMs);
        connect(&fresh->helloTimer, &QTimer::timeout, this, [this, id] {
            if (Session* s = session(id))
                close(*s, CloseHelloTimeout, QStringLiteral("no hello in time"));
        });
        connect(socket, &QWebSocket::textFrameReceived, this,
                [this, id](const QString& frame, bool isLast) {
                    if (Session* s = session(id))
                        onFrame(*s, frame.toUtf8(), isLast);
                });
        connect(socket, &QWebSocket::textMessageReceived, this, [this, id](const QString& message) {
            if (Session* s = session(id); s && admit(*s))
                onMessage(*s, message.toUtf8());
        });
        connect(socket, &QWebSocket::binaryFrameReceived, this,
                [this, id](const QByteArray& frame, bool isLast) {
                    if (Session* s = session(id))
                        onFrame(*s, frame, isLast);
                });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, id](const QByteArray&) {
            if (Session* s = session(id); s && admit(*s))
                onBinaryMessage(*s);
        });
        connect(socket, &QWebSocket::aboutToClose, this, [this, id] {
            if (Session* s = session(id); s && s->tcp)
                m_lingering.adopt(*s->tcp);
        });
        // Queued: close() can report the disconnect at once, and no caller holding a Session&
        // may see it destroyed under it.
        connect(
            socket, &QWebSocket::disconnected, this, [this, id] { drop(id); },
            Qt::QueuedConnection);
        fresh->helloTimer.start();
        m_sessions.emplace(id, std::move(fresh));
    }
}

// Before the session exists: nothing of the connection is read, no storage is asked.
bool SyncServer::refuseOverCapacity(QWebSocket* socket, const QString& address)
{
    QString why;
    if (static_cast<int>(m_sessions.size()) >= m_limits.maxConnections)
        why = QStringLiteral("the server has %1 connections, its limit").arg(m_sessions.size());
    else if (m_connectionsByAddress.value(address) >= m_limits.maxConnectionsPerAddress)
        why = QStringLiteral("%1 connections from %2, the limit per address")
                  .arg(m_connectionsByAddress.value(address))
                  .arg(address);
    if (why.isEmpty())
        return false;
    qCWarning(lcServer).noquote() << "refused a connection:" << why;
    m_arbiter.metrics().refused(QStringLiteral("connections"));
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    // 4503 rather than the registry's 1013, which Qt's clients refuse as a protocol error.
    quint16 code = CloseOverCapacity; // not a QWebSocketProtocol::CloseCode value
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), why);
    // A peer that never answers the close must not keep its socket.
    QTimer::singleShot(m_limits.handshakeTimeoutMs, socket, [socket] { socket->abort(); });
    return true;
}

bool SyncServer::admit(Session& session)
{
    if (session.closing)
        return false;
    if (session.bucket->take(m_uptime.elapsed()))
        return true;
    m_arbiter.metrics().refused(QStringLiteral("messages"));
    send(session, encode(protocolError(QStringLiteral("rate_limited"),
                                       QStringLiteral("more than %1 messages a second on one "
                                                      "connection")
                                           .arg(m_limits.messagesPerSecond))));
    close(session, CloseRateLimited, QStringLiteral("rate limited"));
    return false;
}

// An address refused for its failed hellos is refused before its token is even looked at:
// otherwise the refusal would still answer whether a guess was right.
bool SyncServer::refuseFailingAddress(Session& session)
{
    const qint64 refusedMs = m_failedHellos.refusedFor(session.address, m_uptime.elapsed());
    if (refusedMs <= 0)
        return false;
    qCWarning(lcServer).noquote()
        << "refused hello from"
        << session.address + QStringLiteral(": banned for %1 s more").arg((refusedMs + 999) / 1000);
    m_arbiter.metrics().refused(QStringLiteral("failed_hellos"));
    send(session, encode(protocolError(QStringLiteral("rate_limited"),
                                       QStringLiteral("too many failed hellos from %1; try "
                                                      "again in %2 s")
                                           .arg(session.address)
                                           .arg((refusedMs + 999) / 1000))));
    close(session, CloseRateLimited, QStringLiteral("too many failed hellos"));
    return true;
}

SyncServer::Session* SyncServer::session(quint64 id)
{
    const auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

void SyncServer::drop(quint64 id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    if (it->second->socket)
        it->second->socket->deleteLater();
    const bool wasAuthenticated = it->second->authenticated;
    if (const auto count = m_connectionsByAddress.find(it->second->address);
        count != m_connectionsByAddress.end() && --*count <= 0)
        m_connectionsByAddress.erase(count);
    m_sessions.erase(it);
    if (wasAuthenticated)
        updateWatchList();
    maybeFinishShutdown();
}

void SyncServer::onFrame(Session& session, const QByteArray& frame, bool isLast)
{
    if (session.closing)
        return;
    session.frameBytes += frame.size();
    if (session.frameBytes > maxMessageBytes) {
        close(session, CloseTooLarge,
              QStringLiteral("message larger than %1 bytes").arg(maxMessageBytes));
        return;
    }
    if (isLast)
        session.frameBytes = 0;
}

void SyncServer::onMessage(Session& session, const QByteArray& message)
{
    if (session.closing)
        return; // e.g. the rest of a message whose size closed the connection
    if (session.helloSent && !session.authenticated) {
        session.heldFrames.append(message); // answered once the welcome is out
        return;
    }
    auto decoded = decodeClientMessage(message);
    if (auto* error = std::get_if<ProtocolError>(&decoded)) {
        if (!session.helloSent) {
            send(session, encode(*error));
            close(session, CloseHelloTimeout, QStringLiteral("the first message must be hello"));
            return;
        }
        rejectMessage(session, *error);
        return;
    }
    ClientMessage& msg = std::get<ClientMessage>(decoded);
    if (auto* hello = std::get_if<Hello>(&msg)) {
        if (session.helloSent) {
            rejectMessage(session, protocolError(QStringLiteral("invalid_message"),
                                                 QStringLiteral("hello was already accepted")));
            return;
        }
        onHello(session, *hello);
        return;
    }
    if (const auto* pair = std::get_if<Pair>(&msg)) {
        if (session.helloSent) {
            rejectMessage(session,
                          protocolError(QStringLiteral("invalid_message"),
                                        QStringLiteral("pair is only accepted as the first "
                                                       "message of a connection")));
            return;
        }
        onPair(session, *pair);
        return;
    }
    if (!session.helloSent) {
        send(session, encode(protocolError(QStringLiteral("hello_required"),
                                           QStringLiteral("the first message must be hello"))));
        close(session, CloseHelloTimeout, QStringLiteral("the first message must be hello"));
        return;
    }
    if (auto* history = std::get_if<HistoryRequest>(&msg)) {
        m_arbiter.submitHistory(session.id, session.role, std::move(*history));
        return;
    }
    if (auto* receipt = std::get_if<ReceiptRequest>(&msg)) {
        m_arbiter.submitReceipt(session.id, session.terminal, session.role, std::move(*receipt));
        return;
    }
    if (auto* report = std::get_if<ReportRequest>(&msg)) {
        onReport(session, std::move(*report));
        return;
    }
    if (auto* day = std::get_if<DayRequest>(&msg)) {
        m_arbiter.submitDay(session.id, session.role, std::move(*day));
        return;
    }
    if (auto* backOffice = std::get_if<BackOfficeRequest>(&msg)) {
        onBackOffice(session, std::move(*backOffice));
        return;
    }
    onPush(session, std::get<Push>(std::move(msg)));
}

void SyncServer::onHistoryReady(quint64 connection, const HistoryReply& history)
{
    if (Session* s = session(connection))
        send(*s, encode(history));
}

void SyncServer::onBinaryMessage(Session& session)
{
    if (session.closing)
        return;
    const ProtocolError error =
        protocolError(QStringLiteral("invalid_message"),
                      QStringLiteral("binary frames are not accepted; send JSON as text frames"));
    if (!session.helloSent) {
        send(session, encode(error));
        close(session, CloseHelloTimeout, QStringLiteral("the first message must be hello"));
        return;
    }
    rejectMessage(session, error);
}

void SyncServer::onHello(Session& session, const Hello& hello)
{
    session.helloTimer.stop();
    if (refuseFailingAddress(session))
        return;
    if (hello.protocol != protocolVersion) {
        send(session, encode(protocolError(QStringLiteral("unsupported_protocol"),
                                           QStringLiteral("this server speaks protocol %1, not %2")
                                               .arg(protocolVersion)
                                               .arg(hello.protocol))));
        close(session, CloseUnsupportedProtocol, QStringLiteral("unsupported protocol"));
        return;
    }
    session.helloSent = true;
    session.terminal = hello.terminal;
    m_arbiter.submitHello(session.id, hello.terminal, hello.token, hello.cursor);
}

// One code per connection: a wrong one closes it (4401), so guessing costs a connection each
// time, and the store withdraws a code after maxPairingFailures wrong ones.
void SyncServer::onPair(Session& session, const Pair& pair)
{
    session.helloTimer.stop();
    if (refuseFailingAddress(session))
        return;
    session.helloSent = true; // anything sent meanwhile is held, and dropped with the session
    if (m_shuttingDown) {
        send(session, encode(protocolError(QStringLiteral("unavailable"),
                                           QStringLiteral("the server is shutting down"))));
        close(session, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
        return;
    }
    m_arbiter.submitPair(session.id, pair.code);
}

void SyncServer::onPaired(quint64 connection, const Paired& paired)
{
    Session* s = session(connection);
    if (!s)
        return; // the device never heard its new token: it pairs again with a new code
    send(*s, encode(paired));
    close(*s, QWebSocketProtocol::CloseCodeNormal, QStringLiteral("paired"));
}

void SyncServer::onHelloDone(quint64 connection, const SessionStart& start)
{
    Session* s = session(connection);
    if (!s)
        return;
    s->authenticated = true;
    s->role = start.terminal.role;
    s->cursorSent = start.cursor;
    send(*s, encode(Welcome{start.terminal.id, roleName(start.terminal.role),
                            start.terminal.lastSeq, start.cursor, m_clock.now(),
                            start.terminal.lastReceipt, start.terminal.lastRefund, start.store}));
    send(*s, encode(start.levels));
    send(*s, encode(start.catalog));
    send(*s, encode(Shortages{start.shortages}));
    if (roleSignsStaffIn(roleName(s->role)))
        send(*s, encode(StaffList{start.staff}));
    if (roleMay(s->role, MutationKind::Receive))
        send(*s, encode(DeliveryList{start.deliveries}));
    updateWatchList();
    const QList<QByteArray> held = std::exchange(s->heldFrames, {});
    for (const QByteArray& frame : held) {
        if (Session* again = session(connection))
            onMessage(*again, frame);
    }
}

void SyncServer::onHelloFailed(quint64 connection, const ProtocolError& error)
{
    Session* s = session(connection);
    if (!s)
        return;
    logFailedHello(*s, error);
    if (error.code != QLatin1String("unauthorized")) {
        answerHelloFailed(*s, error);
        return;
    }
    // A guess that failed: answered later and later, so guessing from one address is slow.
    const bool refusedBefore = m_failedHellos.refusedFor(s->address, m_uptime.elapsed()) > 0;
    const qint64 delayMs = m_failedHellos.recordFailure(s->address, m_uptime.elapsed());
    noteBan(s->address, refusedBefore);
    if (delayMs <= 0) {
        answerHelloFailed(*s, error);
        return;
    }
    QTimer::singleShot(delayMs, this, [this, connection, error] {
        if (Session* again = session(connection))
            answerHelloFailed(*again, error);
    });
}

void SyncServer::answerHelloFailed(Session& session, const ProtocolError& error)
{
    send(session, encode(error));
    const bool unauthorized = error.code == QLatin1String("unauthorized");
    close(session,
          unauthorized ? quint16(CloseUnauthorized)
                       : quint16(QWebSocketProtocol::CloseCodeGoingAway),
          error.message);
}

void SyncServer::onPush(Session& session, Push push)
{
    if (m_shuttingDown) {
        ProtocolError error = protocolError(QStringLiteral("unavailable"),
                                            QStringLiteral("the server is shutting down; "
                                                           "send again after reconnecting"));
        error.seq = push.entries.first().seq; // which push, with others still in flight
        send(session, encode(error));
        return;
    }
    if (session.pushesInFlight >= m_limits.maxPushesInFlight) {
        m_arbiter.metrics().refused(QStringLiteral("pushes"));
        send(session,
             encode(protocolError(QStringLiteral("rate_limited"),
                                  QStringLiteral("more than %1 pushes unanswered on one connection")
                                      .arg(m_limits.maxPushesInFlight))));
        close(session, CloseRateLimited, QStringLiteral("rate limited"));
        return;
    }
    if (push.backlog)
        session.outboxBacklog = push.backlog;
    ++session.pushesInFlight;
    ++m_pushesInFlight;
    m_arbiter.submitPush(PushRequest{session.id, session.terminal, std::move(push.entries), {}});
}

void SyncServer::onPushesDone(const QList<PushOutcome>& outcomes)
{
    for (const PushOutcome& outcome : outcomes) {
        if (outcome.fromApi)
            continue; // the HTTP API's (WebApi)
        --m_pushesInFlight;
        Session* s = session(outcome.connection);
        if (!s)
            continue; // its client resends and gets the stored results as replays
        --s->pushesInFlight;
        if (!outcome.results.isEmpty())
            send(*s, encode(Results{outcome.results}));
        if (outcome.error)
            send(*s, encode(*outcome.error));
        if (outcome.revoked)
            cutOffRevoked(*s);
    }
    maybeFinishShutdown();
}

void SyncServer::shutdown()
{
    m_shuttingDown = true;
    m_tcp.close();
    QTimer::singleShot(shutdownGraceMs * 5, this, [this] {
        if (m_drained)
            return;
        qCWarning(lcServer) << "shutdown: gave up waiting for" << m_pushesInFlight << "pushes";
        m_pushesInFlight = 0;
        maybeFinishShutdown();
    });
    maybeFinishShutdown();
}

// Once nothing is in flight: flush and close every connection, then report drained when
// they are gone (or after a grace period for clients that never answer the close).
void SyncServer::maybeFinishShutdown()
{
    if (!m_shuttingDown || m_pushesInFlight > 0 || m_drained)
        return;
    if (!m_closing) {
        m_closing = true;
        // close() may report the disconnect at once, which drops the session: collect first.
        QList<QPointer<QWebSocket>> sockets;
        for (auto& [id, s] : m_sessions)
            sockets.append(s->socket);
        for (const QPointer<QWebSocket>& socket : std::as_const(sockets)) {
            if (!socket)
                continue;
            socket->flush();
            socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                          QStringLiteral("server shutting down"));
        }
        QTimer::singleShot(shutdownGraceMs, this, &SyncServer::finishDrain);
    }
    if (m_sessions.empty())
        finishDrain();
}

void SyncServer::finishDrain()
{
    if (m_drained)
        return;
    m_drained = true;
    Q_EMIT drained();
}

} // namespace stockline::sync
