#include "client.h"

#include "deliverybook.h"
#include "localstore.h"
#include "logging.h"
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

const QString levelsStream = QStringLiteral("levels");
const QString catalogStream = QStringLiteral("catalog");
constexpr int tickMs = 1'000;
// The server allows 64 pushes in flight per connection before it closes it (4429).
constexpr int maxWindow = 32;

QString statusName(const MutationResult& result)
{
    return result.status == MutationResult::Status::Applied ? QStringLiteral("applied")
                                                            : QStringLiteral("rejected");
}

QString insufficientStock(const MutationResult& result)
{
    if (result.available)
        return QStringLiteral("not enough stock: %1 available").arg(*result.available);
    QStringList parts;
    for (const LineAvailability& line : result.lines)
        parts.append(QStringLiteral("%1: %2 available").arg(line.sku).arg(line.available));
    if (parts.isEmpty())
        return QStringLiteral("not enough stock");
    return QStringLiteral("not enough stock (%1)").arg(parts.join(QStringLiteral("; ")));
}

// Words for people when the server sent none.
QString describe(const MutationResult& result)
{
    if (!result.message.isEmpty())
        return result.message;
    if (result.code == rejectCode::insufficientStock)
        return insufficientStock(result);
    if (result.code == rejectCode::versionConflict)
        return result.level ? QStringLiteral("the stock changed since it was counted (now %1 on "
                                             "hand)")
                                  .arg(result.level->onHand)
                            : QStringLiteral("the stock changed since it was counted");
    if (result.code == rejectCode::forbidden)
        return QStringLiteral("this terminal's role may not do this");
    if (result.code == rejectCode::unknownSku)
        return QStringLiteral("the server does not know this product");
    if (result.code == rejectCode::unknownLocation)
        return QStringLiteral("the server does not know this location");
    return result.code;
}

QString closeText(int code, const QString& reason)
{
    if (!reason.isEmpty())
        return reason;
    return code == 0 ? QStringLiteral("no connection")
                     : QStringLiteral("closed, code %1").arg(code);
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
        setError(QStringLiteral("This terminal has no terminal id or token: a manager must enrol "
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
        halt(QStringLiteral("The server does not accept this terminal (unknown terminal or "
                            "wrong token). A manager must enrol it again."));
        return;
    }
    if (code == CloseRevoked) {
        halt(QStringLiteral("This terminal was revoked on the server. A manager must enrol it "
                            "again."));
        return;
    }
    if (code == CloseUnsupportedProtocol) {
        halt(QStringLiteral("The server speaks another protocol version: update this terminal "
                            "or the server."));
        return;
    }
    const int delay = m_reconnectBackoff.next();
    if (was != Link::Closing)
        setError(QStringLiteral("Not connected to the sync server (%1); trying again in %2 s.")
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
    setError(QStringLiteral("The sync server stopped answering; connecting again."));
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

// ---- messages

void Client::onWelcome(const Welcome& welcome)
{
    if (m_link != Link::Hello)
        return;
    m_link = Link::Ready;
    m_role = welcome.role;
    m_reconnectBackoff.reset();
    m_resendBackoff.reset();
    setError({});
    setConnected(true);
    // A server whose cursor is behind ours lost its history (a new or restored database): its
    // full snapshot, whatever its cursor, is the truth now.
    if (welcome.cursor < m_levelsCursor)
        m_levelsCursor = -1;
    if (welcome.cursor < m_catalogCursor)
        m_catalogCursor = -1;

    m_replayBound = welcome.lastSeq;
    m_nextSeq = 1;
    m_inFlight.clear();
    m_hold = Hold::None;
    refreshPending();
    checkNumbering(welcome.lastSeq);
    pump();
}

// The checks before anything is sent. See sync/PROTOCOL.md, "The terminal's client".
void Client::checkNumbering(qint64 serverLastSeq)
{
    const Result<qint64> answered = m_outbox.lastAnsweredSeq();
    if (!answered) {
        setError(QStringLiteral("Cannot read the outbox: %1").arg(answered.error().toString()));
        restartConnection(QStringLiteral("outbox unreadable"));
        return;
    }
    if (*answered > serverLastSeq) {
        setError(QStringLiteral("The server has no record of mutations it confirmed to this "
                                "terminal (it answered up to seq %1 and is now at %2): was it "
                                "restored from an older backup? Nothing more is sent until a "
                                "person has checked.")
                     .arg(*answered)
                     .arg(serverLastSeq));
        m_hold = Hold::Halted;
        return;
    }
    catchUpNumbering();
}

// An outbox with nothing pending whose counter is behind the server's (a reinstalled or
// restored terminal) moves its counter on, so its next entry follows the server's numbering
// without a sequence_conflict first. Nothing pending means nothing can be applied twice.
void Client::catchUpNumbering()
{
    if (m_pendingCount != 0 || !m_inFlight.empty() || m_knownLastSeq >= m_replayBound)
        return;
    const Result<qint64> moved = m_outbox.continueAfter(m_replayBound);
    if (!moved) {
        qCWarning(lcSync).noquote() << "outbox numbering not moved:" << moved.error().toString();
        return;
    }
    refreshPending();
}

void Client::onResults(const Results& message)
{
    // Only seqs sent on this connection: a seq names an entry only for as long as nothing was
    // renumbered, and nothing is renumbered while a push is unanswered.
    QList<MutationResult> ours;
    for (const MutationResult& result : message.results)
        if (pushHolding(result.seq))
            ours.append(result);
    if (ours.size() < message.results.size())
        qCWarning(lcSync) << "ignored" << message.results.size() - ours.size()
                          << "results for seqs not sent on this connection";
    if (ours.isEmpty())
        return;
    if (!recordResults(ours))
        return;
    bool rejected = false;
    for (const MutationResult& result : std::as_const(ours)) {
        if (result.status == MutationResult::Status::Rejected) {
            noteRejection(result);
            rejected = true;
        }
    }
    // One results message answers (part of) one push.
    const qint64 lastSeq = ours.last().seq;
    const auto push = std::find_if(m_inFlight.begin(), m_inFlight.end(), [lastSeq](const auto& p) {
        return p.first <= lastSeq && lastSeq <= p.last;
    });
    if (push != m_inFlight.end()) {
        if (lastSeq >= push->last)
            m_inFlight.erase(push);
        else
            push->partial = true;
    }
    m_resendBackoff.reset();
    refreshPending();
    if (rejected)
        Q_EMIT rejectionsChanged();
    Q_EMIT resultsRecorded(static_cast<int>(ours.size()));
    afterAnswer();
}

// Every result of one message in one transaction: all recorded, or none and asked for again.
bool Client::recordResults(const QList<MutationResult>& results)
{
    Transaction tx(m_store);
    Status done = tx.status();
    for (const MutationResult& result : results) {
        if (!done)
            break;
        done = m_outbox.recordResult(tx, result.seq, statusName(result), result.toJson());
    }
    if (done)
        done = tx.commit();
    if (done)
        return true;
    setError(QStringLiteral("Could not record the server's answers on this terminal: %1. They "
                            "are asked for again.")
                 .arg(done.error().toString()));
    restartConnection(QStringLiteral("results not recorded"));
    return false;
}

void Client::noteRejection(const MutationResult& result)
{
    QString kind;
    if (const InFlight* push = pushHolding(result.seq))
        kind = push->kinds.value(static_cast<qsizetype>(result.seq - push->first));
    m_rejections.append(Rejection{result.seq, kind, result.code, describe(result)});
    while (m_rejections.size() > std::max(1, m_options.maxRejectionsKept))
        m_rejections.removeFirst();
}

void Client::onError(const ProtocolError& error)
{
    qCInfo(lcSync).noquote() << "server error" << error.code << error.message;
    if (error.code == errorCode::unauthorized) {
        halt(QStringLiteral("The server does not accept this terminal (unknown terminal or wrong "
                            "token). A manager must enrol it again."));
        return;
    }
    if (error.code == errorCode::unsupportedProtocol) {
        halt(QStringLiteral("The server speaks another protocol version: update this terminal "
                            "or the server."));
        return;
    }
    // unavailable and rate_limited (this address failed too many hellos, or the server is
    // full): the server closes and we come back after a backoff.
    if (m_link == Link::Hello && error.code != errorCode::unavailable &&
        error.code != errorCode::rateLimited) {
        // The hello itself is wrong (a bad terminal id or token in the configuration): the
        // same hello again cannot help.
        halt(QStringLiteral("The server refused this terminal's hello: %1. Check the terminal "
                            "id and token it was enrolled with.")
                 .arg(error.message));
        return;
    }
    if (m_link != Link::Ready)
        return; // unavailable or rate_limited in answer to the hello: closed, we reconnect
    if (error.code == errorCode::sequenceGap) {
        dropPushHolding(error.seq);
        raise(Hold::ResendNow);
    } else if (error.code == errorCode::sequenceConflict) {
        dropPushHolding(error.seq);
        // At or below the welcome's lastSeq: the server holds other mutations there, and none
        // of ours beyond it was sent. Above it: the server moved on under us (the same
        // terminal id connected elsewhere); a new welcome tells where it stands.
        raise(error.seq && *error.seq <= m_replayBound ? Hold::Renumber : Hold::Reconnect);
    } else if (error.code == errorCode::unavailable) {
        dropPushHolding(std::nullopt);
        raise(Hold::ResendLater);
    } else if (error.code == errorCode::rateLimited) {
        return; // the server closes the connection; we reconnect with backoff
    } else {
        // The push as a whole was refused: a bug here or there. The same bytes at once would be
        // refused again, so only after a backoff (the server closes after five: 4400).
        setError(QStringLiteral("The server refused a message from this terminal: %1 (%2)")
                     .arg(error.message, error.code));
        dropPushHolding(std::nullopt);
        raise(Hold::ResendLater);
    }
    afterAnswer();
}

void Client::onLevels(const Levels& levels)
{
    if (levels.cursor <= m_levelsCursor)
        return; // older than what the replica holds, or already applied
    Transaction tx(m_store);
    Status done = tx.status();
    if (done)
        done = levels.full ? m_replica.replaceLevels(tx, levels.levels)
                           : m_replica.upsertLevels(tx, levels.levels);
    if (done)
        done = m_replica.setCursor(tx, levelsStream, levels.cursor);
    if (done)
        done = tx.commit();
    if (!done) {
        // Deltas after a lost one would leave the replica wrong: ask again from our cursor.
        setError(QStringLiteral("Could not update the stock levels on this terminal: %1")
                     .arg(done.error().toString()));
        restartConnection(QStringLiteral("levels not applied"));
        return;
    }
    m_levelsCursor = levels.cursor;
    Q_EMIT levelsChanged(levels.levels, levels.full);
}

void Client::onCatalog(const CatalogUpdate& catalog)
{
    if (catalog.cursor <= m_catalogCursor)
        return;
    Transaction tx(m_store);
    Status done = tx.status();
    if (done)
        done = catalog.full ? m_catalog.replaceAll(tx, catalog.products)
                            : m_catalog.upsert(tx, catalog.products);
    if (done)
        done = m_replica.setCursor(tx, catalogStream, catalog.cursor);
    if (done)
        done = tx.commit();
    if (!done) {
        setError(QStringLiteral("Could not update the catalog on this terminal: %1")
                     .arg(done.error().toString()));
        restartConnection(QStringLiteral("catalog not applied"));
        return;
    }
    m_catalogCursor = catalog.cursor;
    Q_EMIT catalogChanged(catalog.full);
}

void Client::onShortages(const Shortages& shortages)
{
    m_shortages = shortages.shortages;
    Q_EMIT shortagesChanged();
}

void Client::onStaff(const StaffList& staff)
{
    // Stored in one transaction, so people sign in offline and after a restart.
    if (const Status stored = StaffDirectory(m_store).replace(staff.staff); !stored)
        setError(QStringLiteral("Could not store the staff list on this terminal: %1")
                     .arg(stored.error().toString()));
    m_staff = staff.staff;
    Q_EMIT staffChanged();
}

void Client::onDeliveries(const DeliveryList& deliveries)
{
    // Stored in one transaction, so a dock shows them offline and after a restart.
    if (const Status stored = DeliveryBook(m_store).replace(deliveries.deliveries); !stored)
        setError(QStringLiteral("Could not store the expected deliveries on this terminal: %1")
                     .arg(stored.error().toString()));
    m_deliveries = deliveries.deliveries;
    Q_EMIT deliveriesChanged();
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
        setError(QStringLiteral("Cannot read the outbox: %1").arg(entries.error().toString()));
        restartConnection(QStringLiteral("outbox unreadable"));
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
    m_transport->send(frame.take());
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
        setError(QStringLiteral("Cannot continue this terminal's numbering after the server's: %1")
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

void Client::loadCursors()
{
    const Result<qint64> levels = m_replica.cursor(levelsStream);
    const Result<qint64> catalog = m_replica.cursor(catalogStream);
    if (!levels || !catalog) {
        setError(QStringLiteral("Cannot read the replica's cursors: %1")
                     .arg((levels ? catalog.error() : levels.error()).toString()));
        return;
    }
    m_levelsCursor = *levels;
    m_catalogCursor = *catalog;
}

} // namespace stockline::sync
