#include "client.h"

#include "clientlogging.h"
#include "deliverybook.h"
#include "localstore.h"
#include "outboxnotifier.h"
#include "staffdirectory.h"
#include "transport.h"
#include "uuid.h"
#include "websockettransport.h"

#include <QMetaObject>
#include <QVariantMap>
#include <algorithm>

namespace stockline::sync {

namespace {

constexpr int tickMs = 1'000;
// The server allows 64 pushes in flight per connection before it closes it (4429).
constexpr int maxWindow = 32;

QString closeText(int code, const QString& reason)
{
    if (!reason.isEmpty())
        return reason;
    return code == 0 ? Client::tr("no connection") : Client::tr("closed, code %1").arg(code);
}

} // namespace

int Client::Backoff::next()
{
    // Doubling up to the cap, half fixed and half random ("equal jitter"): terminals cut off
    // together by one server restart do not all come back in the same instant.
    const qint64 ceiling = std::min<qint64>(m_max, qint64{m_min} << std::min(m_attempt, 20));
    m_attempt = std::min(m_attempt + 1, 20);
    const auto half = static_cast<int>(ceiling / 2);
    return half + static_cast<int>(m_clock.random(static_cast<quint32>(half)));
}

Client::Client(const LocalStore& store, Transport* transport, ClientOptions options,
               QObject* parent)
    : QObject(parent), m_store(store), m_outbox(store), m_catalog(store), m_replica(store),
      m_transport(transport ? transport : new WebSocketTransport(options.certificateSha256)),
      m_options(std::move(options)),
      m_ownClock(m_options.clock ? nullptr : std::make_unique<SystemClientClock>()),
      m_clock(m_options.clock ? m_options.clock : m_ownClock.get()),
      m_reconnectBackoff(*m_clock, m_options.backoffMinMs, m_options.backoffMaxMs),
      m_resendBackoff(*m_clock, m_options.backoffMinMs, m_options.backoffMaxMs)
{
    m_options.batchSize = std::clamp(m_options.batchSize, 1, int(maxMutationsPerPush));
    m_options.window = std::clamp(m_options.window, 1, maxWindow);
    m_transport->setParent(this);
    connect(m_transport, &Transport::opened, this, &Client::onOpened);
    connect(m_transport, &Transport::closed, this, &Client::onClosed);
    connect(m_transport, &Transport::received, this, &Client::onReceived);

    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Client::connectNow);
    m_resendTimer.setSingleShot(true);
    connect(&m_resendTimer, &QTimer::timeout, this, [this] {
        if (m_link == Link::Ready && m_hold == Hold::ResendLater && m_inFlight.empty())
            resumeFromFirstPending();
    });
    // Ticks while the client exists: the pending age grows even when offline.
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &Client::onTick);
    m_tick.start();
    // Whoever commits outbox entries on this store, they go out at once.
    connect(&m_store.outboxNotifier(), &OutboxNotifier::changed, this, &Client::outboxChanged);
    loadCursors();
    refreshPending();
    if (Result<QList<StaffMember>> stored = StaffDirectory(m_store).staff())
        m_staff = std::move(stored).value();
    if (Result<QList<Delivery>> stored = DeliveryBook(m_store).open())
        m_deliveries = std::move(stored).value();
}

Client::~Client()
{
    // The transport is our child: it must not report its own destruction to a half-gone client.
    if (m_transport) {
        m_transport->disconnect(this);
        delete m_transport;
    }
}

// ---- connection

void Client::start()
{
    if (m_running)
        return;
    if (m_options.terminal.isEmpty() || m_options.token.isEmpty()) {
        setError(tr("This terminal has no terminal id or token: a manager must enrol "
                    "it first."));
        return;
    }
    setRunning(true);
    loadCursors();
    refreshPending();
    m_reconnectBackoff.reset();
    connectNow(); // while an old connection is still closing, onClosed() reconnects instead
}

void Client::stop()
{
    if (!m_running)
        return;
    setRunning(false);
    m_reconnectTimer.stop();
    m_resendTimer.stop();
    if (m_link != Link::Down && m_link != Link::Closing) {
        m_link = Link::Closing;
        m_transport->close();
    }
}

void Client::connectNow()
{
    if (!m_running || m_link != Link::Down)
        return;
    m_link = Link::Connecting;
    heardNow();
    m_transport->open(m_options.url);
}

void Client::onOpened()
{
    if (m_link != Link::Connecting)
        return;
    m_link = Link::Hello;
    heardNow();
    Hello hello;
    hello.terminal = m_options.terminal;
    hello.token = m_options.token;
    // One cursor for both streams: the older one, so neither misses a change.
    hello.cursor = std::max<qint64>(0, std::min(m_levelsCursor, m_catalogCursor));
    m_transport->send(encode(hello));
}

void Client::onClosed(int code, const QString& reason)
{
    const Link was = m_link;
    m_link = Link::Down;
    m_inFlight.clear(); // a new connection starts again from the first pending entry
    m_hold = Hold::None;
    m_resendTimer.stop();
    setConnected(false);
    if (!m_running)
        return;
    if (code == CloseUnauthorized) {
        halt(tr("The server does not accept this terminal (unknown terminal or "
                "wrong token). A manager must enrol it again."));
        return;
    }
    if (code == CloseRevoked) {
        halt(tr("This terminal was revoked on the server. A manager must enrol it "
                "again."));
        return;
    }
    if (code == CloseUnsupportedProtocol) {
        halt(tr("The server speaks another protocol version: update this terminal "
                "or the server."));
        return;
    }
    const int delay = m_reconnectBackoff.next();
    if (was != Link::Closing)
        setError(tr("Not connected to the sync server (%1); trying again in %2 s.")
                     .arg(closeText(code, reason))
                     .arg(std::max(1, (delay + 999) / 1000)));
    qCInfo(lcSync) << "connection closed:" << code << reason << "- reconnecting in" << delay
                   << "ms";
    m_reconnectTimer.start(delay);
}

void Client::restartConnection(const QString& why)
{
    if (m_link == Link::Down || m_link == Link::Closing)
        return;
    qCInfo(lcSync).noquote() << "reconnecting:" << why;
    m_link = Link::Closing;
    heardNow();
    m_transport->close(); // onClosed() schedules the new connection
}

void Client::restartAfterStoreFailure(const QString& why)
{
    m_storeFailing = true;
    restartConnection(why);
}

void Client::storeWrites()
{
    if (!m_storeFailing)
        return;
    m_storeFailing = false;
    m_reconnectBackoff.reset();
}

// Retrying cannot help: a person must act. The error stays until start() is called again.
void Client::halt(const QString& error)
{
    qCWarning(lcSync).noquote() << "sync stopped:" << error;
    setError(error);
    setRunning(false);
    m_reconnectTimer.stop();
    m_resendTimer.stop();
    if (m_link != Link::Down && m_link != Link::Closing) {
        m_link = Link::Closing;
        m_transport->close();
    }
}

void Client::onTick()
{
    if (m_oldestPendingAt.isValid())
        Q_EMIT oldestPendingAgeChanged(oldestPendingAge());
    if (m_link == Link::Down || m_lastHeardMs < 0 ||
        m_clock->monotonicMs() - m_lastHeardMs < m_options.answerTimeoutMs)
        return;
    if (m_link == Link::Closing) {
        // The transport never reported the close: take it as done.
        onClosed(0, QStringLiteral("the connection did not close in time"));
        return;
    }
    // A connection that owes nothing may stay quiet for as long as it likes.
    if (m_link == Link::Ready && m_inFlight.empty())
        return;
    setError(tr("The sync server stopped answering; connecting again."));
    restartConnection(QStringLiteral("no answer in time"));
}

void Client::onReceived(const QByteArray& frame)
{
    if (m_link != Link::Hello && m_link != Link::Ready)
        return;
    heardNow();
    const Result<ServerMessage> decoded = decodeServerMessage(frame);
    if (!decoded) {
        // Unknown message types are for newer clients; a bad one cannot be acted on either.
        qCInfo(lcSync).noquote() << "ignored a server message:" << decoded.error().toString();
        return;
    }
    const ServerMessage& message = decoded.value();
    if (const auto* error = std::get_if<ProtocolError>(&message)) {
        onError(*error);
    } else if (const auto* welcome = std::get_if<Welcome>(&message)) {
        onWelcome(*welcome);
    } else if (m_link != Link::Ready) {
        qCWarning(lcSync) << "ignored a server message before the welcome";
    } else if (const auto* results = std::get_if<Results>(&message)) {
        onResults(*results);
    } else if (const auto* levels = std::get_if<Levels>(&message)) {
        onLevels(*levels);
    } else if (const auto* catalog = std::get_if<CatalogUpdate>(&message)) {
        onCatalog(*catalog);
    } else if (const auto* shortages = std::get_if<Shortages>(&message)) {
        onShortages(*shortages);
    } else if (const auto* staff = std::get_if<StaffList>(&message)) {
        onStaff(*staff);
    } else if (const auto* history = std::get_if<HistoryReply>(&message)) {
        Q_EMIT historyReceived(*history);
    } else if (const auto* receipt = std::get_if<ReceiptReply>(&message)) {
        Q_EMIT receiptReceived(*receipt);
    } else if (const auto* day = std::get_if<DayReply>(&message)) {
        Q_EMIT dayReceived(*day);
    } else if (const auto* answer = std::get_if<BackOfficeAnswer>(&message)) {
        Q_EMIT backOfficeAnswered(*answer);
    } else if (const auto* deliveries = std::get_if<DeliveryList>(&message)) {
        onDeliveries(*deliveries);
    }
}

QString Client::requestHistory(const QString& sku, const QString& location, qint64 limit)
{
    if (m_link != Link::Ready)
        return {};
    HistoryRequest request{newTimeOrderedUuid(), sku, location, limit};
    m_transport->send(encode(request));
    return request.request;
}

QString Client::requestReceipt(const QString& number)
{
    if (m_link != Link::Ready)
        return {};
    ReceiptRequest request{newTimeOrderedUuid(), number};
    m_transport->send(encode(request));
    return request.request;
}

bool Client::sendBackOffice(const QByteArray& frame)
{
    if (m_link != Link::Ready)
        return false;
    m_transport->send(frame);
    return true;
}

QString Client::requestDay(const QDate& date)
{
    if (m_link != Link::Ready)
        return {};
    DayRequest request{newTimeOrderedUuid(), date};
    m_transport->send(encode(request));
    return request.request;
}

// ---- the stream

void Client::outboxChanged()
{
    refreshPending();
    schedulePump();
}

// Coalesces a burst of outbox commits into one pass, after the caller's work is done.
void Client::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &Client::pump, Qt::QueuedConnection);
}

void Client::pump()
{
    m_pumpQueued = false;
    while (m_link == Link::Ready && m_hold == Hold::None &&
           std::ssize(m_inFlight) < m_options.window) {
        if (!sendNextPush())
            break;
    }
}

// The next push, from the stored bytes. Replays (seqs up to the welcome's lastSeq) go in pushes
// of their own, and newer seqs only once no replay is unanswered.
bool Client::sendNextPush()
{
    const Result<QList<OutboxWire>> entries =
        m_outbox.pendingWire(m_options.batchSize, m_nextSeq - 1);
    if (!entries) {
        setError(tr("Cannot read the outbox: %1").arg(entries.error().toString()));
        restartAfterStoreFailure(QStringLiteral("outbox unreadable"));
        return false;
    }
    if (entries->isEmpty())
        return false;
    const bool replays = entries->first().seq <= m_replayBound;
    if (!replays && replaysInFlight())
        return false;

    InFlight push;
    push.first = entries->first().seq;
    push.last = push.first - 1;
    PushWriter frame(static_cast<qsizetype>(std::min<qint64>(m_options.maxPushBytes, 64 * 1024)));
    qint64 bytes = 0;
    for (const OutboxWire& entry : *entries) {
        // A push holds consecutive seqs (the server refuses others), replays alone, and stays
        // far below the server's message limit.
        const bool fits =
            push.kinds.isEmpty() || bytes + entry.json.size() <= m_options.maxPushBytes;
        if (entry.seq != push.last + 1 || (replays && entry.seq > m_replayBound) || !fits)
            break;
        frame.append(entry.json);
        bytes += entry.json.size() + 1;
        push.last = entry.seq;
        push.kinds.append(entry.kind);
    }
    if (m_inFlight.empty())
        heardNow(); // the answer clock starts with the first push owed
    m_nextSeq = push.last + 1;
    m_inFlight.push_back(std::move(push));
    // What is still to go, for the server's metrics; a failed count is no reason not to send.
    const Result<qint64> backlog = m_outbox.pendingCount();
    m_transport->send(frame.take(backlog ? std::optional(backlog.value()) : std::nullopt));
    return true;
}

bool Client::replaysInFlight() const
{
    return std::any_of(m_inFlight.begin(), m_inFlight.end(),
                       [this](const InFlight& push) { return push.first <= m_replayBound; });
}

Client::InFlight* Client::pushHolding(qint64 seq)
{
    for (InFlight& push : m_inFlight)
        if (push.first <= seq && seq <= push.last)
            return &push;
    return nullptr;
}

// Each push gets exactly one final answer. An error naming a seq belongs to the push holding
// it; one without (unavailable) to the oldest push that has had no results yet, as the server
// answers a connection's pushes in order.
void Client::dropPushHolding(std::optional<qint64> seq)
{
    const auto push =
        seq ? std::find_if(m_inFlight.begin(), m_inFlight.end(),
                           [s = *seq](const InFlight& p) { return p.first <= s && s <= p.last; })
            : std::find_if(m_inFlight.begin(), m_inFlight.end(),
                           [](const InFlight& p) { return !p.partial; });
    if (push == m_inFlight.end()) {
        qCWarning(lcSync) << "an error for no push in flight" << (seq ? *seq : -1);
        return;
    }
    m_inFlight.erase(push);
}

void Client::raise(Hold hold)
{
    m_hold = std::max(m_hold, hold);
}

// After an answer: stream on, or once every push is answered (so nothing is in flight that a
// resend could overtake or a renumbering could rename), do what the errors asked for.
void Client::afterAnswer()
{
    if (m_hold == Hold::None) {
        catchUpNumbering();
        pump();
        return;
    }
    if (!m_inFlight.empty())
        return;
    switch (m_hold) {
    case Hold::ResendNow:
        resumeFromFirstPending();
        break;
    case Hold::ResendLater:
        m_resendTimer.start(m_resendBackoff.next());
        break;
    case Hold::Renumber:
        renumber();
        break;
    case Hold::Reconnect:
        restartConnection(QStringLiteral("the server's numbering moved on"));
        break;
    case Hold::None:
    case Hold::Halted:
        break;
    }
}

// From the first pending entry: those the server already has come back as replays.
void Client::resumeFromFirstPending()
{
    m_hold = Hold::None;
    m_nextSeq = 1;
    pump();
}

// The server answered sequence_conflict at or below its lastSeq: it holds other mutations
// there, so none of our pending entries is among them (ours would have come back as replays,
// and none above lastSeq was sent). They follow the server's numbering now.
void Client::renumber()
{
    const Result<qint64> moved = m_outbox.continueAfter(m_replayBound);
    if (!moved) {
        setError(tr("Cannot continue this terminal's numbering after the server's: %1")
                     .arg(moved.error().toString()));
        m_hold = Hold::Halted;
        return;
    }
    qCInfo(lcSync) << "the server holds other mutations up to seq" << m_replayBound << "-" << *moved
                   << "pending entries renumbered to follow them";
    refreshPending();
    resumeFromFirstPending();
}

// ---- state for the UI

void Client::refreshPending()
{
    if (const Result<qint64> last = m_outbox.lastSeq(); last)
        m_knownLastSeq = *last;
    if (const Result<qint64> count = m_outbox.pendingCount(); count && *count != m_pendingCount) {
        m_pendingCount = *count;
        Q_EMIT pendingCountChanged(m_pendingCount);
    }
    const Result<QDateTime> oldest = m_outbox.oldestPendingAt();
    if (oldest && *oldest != m_oldestPendingAt) {
        m_oldestPendingAt = *oldest;
        Q_EMIT oldestPendingAgeChanged(oldestPendingAge());
    }
}

qint64 Client::oldestPendingAge() const
{
    if (!m_oldestPendingAt.isValid())
        return 0;
    return std::max<qint64>(0, m_oldestPendingAt.secsTo(m_clock->now()));
}

QVariantList Client::rejectionList() const
{
    QVariantList list;
    list.reserve(m_rejections.size());
    for (const Rejection& r : m_rejections)
        list.append(QVariantMap{{QStringLiteral("seq"), r.seq},
                                {QStringLiteral("kind"), r.kind},
                                {QStringLiteral("code"), r.code},
                                {QStringLiteral("message"), r.message}});
    return list;
}

void Client::clearRejections()
{
    if (m_rejections.isEmpty())
        return;
    m_rejections.clear();
    Q_EMIT rejectionsChanged();
}

void Client::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

void Client::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void Client::setError(const QString& error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged(error);
}

} // namespace stockline::sync
