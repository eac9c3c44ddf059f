#include "client.h"
#include "clientlogging.h"
#include "deliverybook.h"
#include "localstore.h"
#include "receiptnumbers.h"
#include "staffdirectory.h"
#include "transport.h"

#include <QVariantMap>
#include <algorithm>

// sync::Client's handling of what the server sends: welcome, results, errors, levels, catalog,
// shortages, staff and deliveries, and the stream cursors it keeps.
namespace stockline::sync {

namespace {

const QString levelsStream = QStringLiteral("levels");
const QString catalogStream = QStringLiteral("catalog");

QString statusName(const MutationResult& result)
{
    return result.status == MutationResult::Status::Applied ? QStringLiteral("applied")
                                                            : QStringLiteral("rejected");
}

QString insufficientStock(const MutationResult& result)
{
    if (result.available)
        return Client::tr("not enough stock: %1 available").arg(*result.available);
    QStringList parts;
    for (const LineAvailability& line : result.lines)
        parts.append(Client::tr("%1: %2 available").arg(line.sku).arg(line.available));
    if (parts.isEmpty())
        return Client::tr("not enough stock");
    return Client::tr("not enough stock (%1)").arg(parts.join(QStringLiteral("; ")));
}

QString overRefund(const MutationResult& result)
{
    QStringList parts;
    for (const LineAvailability& line : result.lines)
        parts.append(
            Client::tr("line %1 (%2): %3 left").arg(line.line).arg(line.sku).arg(line.available));
    return Client::tr("more than was left to refund (%1)").arg(parts.join(QStringLiteral("; ")));
}

QString refundException(const MutationResult& result)
{
    QStringList parts;
    for (const OverRefund& over : result.overRefunded)
        parts.append(Client::tr("line %1: %2 beyond what was left, %3 paid back beyond it")
                         .arg(over.line)
                         .arg(over.qty)
                         .arg(over.amount.toString()));
    return Client::tr("an offline refund went beyond what was left to refund (%1)")
        .arg(parts.join(QStringLiteral("; ")));
}

} // namespace

QString Client::describe(const MutationResult& result)
{
    if (result.code == rejectCode::insufficientStock)
        return insufficientStock(result);
    if (result.code == rejectCode::versionConflict)
        return result.level ? tr("the stock changed since it was counted (now %1 on hand)")
                                  .arg(result.level->onHand)
                            : tr("the stock changed since it was counted");
    if (result.code == rejectCode::forbidden)
        return tr("this terminal's role may not do this");
    if (result.code == rejectCode::unknownSku)
        return tr("the server does not know this product");
    if (result.code == rejectCode::unknownLocation)
        return tr("the server does not know this location");
    if (result.code == rejectCode::overRefund)
        return overRefund(result);
    return result.message.isEmpty() ? result.code : result.message;
}

// ---- messages

void Client::onWelcome(const Welcome& welcome)
{
    if (m_link != Link::Hello)
        return;
    m_link = Link::Ready;
    m_role = welcome.role;
    if (!m_storeFailing)
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

    adoptReceiptCounters(welcome);
    adoptStoreSettings(welcome.store);
    m_replayBound = welcome.lastSeq;
    m_nextSeq = 1;
    m_inFlight.clear();
    m_hold = Hold::None;
    refreshPending();
    checkNumbering(welcome.lastSeq);
    pump();
}

// Receipt and refund numbers continue after the highest the server holds for this terminal:
// a reinstalled till never numbers a receipt twice (sync/PROTOCOL.md, "The terminal's till").
void Client::adoptReceiptCounters(const Welcome& welcome)
{
    const Status adopted = ReceiptNumbers::adoptServerCounters(
        m_store, welcome.lastReceipt, welcome.lastRefund,
        ReceiptNumbers::proofKeyOf(m_options.terminal, m_options.token));
    if (!adopted)
        qCWarning(lcSync) << "receipt counters not taken from the welcome:"
                          << adopted.error().toString();
}

// The store's settings are the server's; kept so the next start, even offline, has them.
void Client::adoptStoreSettings(const StoreSettings& settings)
{
    const Result<StoreSettings> known = StoreSettings::load(m_store);
    if (known && *known == settings)
        return;
    if (const Status saved = settings.save(m_store); !saved)
        qCWarning(lcSync) << "store settings not kept:" << saved.error().toString();
    Currency::setCurrent(settings.currency);
    Q_EMIT storeSettingsChanged(settings);
}

// The checks before anything is sent. See sync/PROTOCOL.md, "The terminal's client".
void Client::checkNumbering(qint64 serverLastSeq)
{
    const Result<qint64> answered = m_outbox.lastAnsweredSeq();
    if (!answered) {
        setError(tr("Cannot read the outbox: %1").arg(answered.error().toString()));
        restartAfterStoreFailure(QStringLiteral("outbox unreadable"));
        return;
    }
    if (*answered > serverLastSeq && m_options.resendAfterRestore) {
        if (!reopenAfterRestore(serverLastSeq))
            return;
    } else if (*answered > serverLastSeq) {
        setError(tr("The server has no record of mutations it confirmed to this "
                    "terminal (it answered up to seq %1 and is now at %2): was it "
                    "restored from an older backup? Nothing more is sent until a "
                    "person has checked; if it was, close the till and run "
                    "`stockline --resend-after-restore`.")
                     .arg(*answered)
                     .arg(serverLastSeq));
        m_hold = Hold::Halted;
        return;
    }
    catchUpNumbering();
}

// The person's word that the server was restored: what it lost goes again, under the same
// seqs and ids, and is arbitrated as new (sync/PROTOCOL.md, "Numbering", step 1).
bool Client::reopenAfterRestore(qint64 serverLastSeq)
{
    const Result<qint64> reopened = m_outbox.reopenAfter(serverLastSeq);
    if (!reopened) {
        setError(tr("Cannot reopen the outbox: %1").arg(reopened.error().toString()));
        m_hold = Hold::Halted;
        return false;
    }
    qCInfo(lcSync) << "server restored to seq" << serverLastSeq << ":" << *reopened
                   << "answered entries to be sent again";
    refreshPending();
    Q_EMIT reopenedAfterRestore(*reopened, serverLastSeq);
    return true;
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
        if (result.status == MutationResult::Status::Rejected || !result.overRefunded.isEmpty()) {
            noteProblem(result);
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
    if (done) {
        storeWrites();
        return true;
    }
    setError(tr("Could not record the server's answers on this terminal: %1. They "
                "are asked for again.")
                 .arg(done.error().toString()));
    restartAfterStoreFailure(QStringLiteral("results not recorded"));
    return false;
}

void Client::noteProblem(const MutationResult& result)
{
    QString kind;
    if (const InFlight* push = pushHolding(result.seq))
        kind = push->kinds.value(static_cast<qsizetype>(result.seq - push->first));
    if (result.status == MutationResult::Status::Applied)
        m_rejections.append(
            Rejection{result.seq, kind, Rejection::refundException, refundException(result)});
    else
        m_rejections.append(Rejection{
            result.seq, kind, result.code, describe(result),
            result.code == rejectCode::overRefund ? result.lines : QList<LineAvailability>()});
    while (m_rejections.size() > std::max(1, m_options.maxRejectionsKept))
        m_rejections.removeFirst();
}

void Client::onError(const ProtocolError& error)
{
    qCInfo(lcSync).noquote() << "server error" << error.code << error.message;
    if (error.code == errorCode::unauthorized) {
        halt(tr("The server does not accept this terminal (unknown terminal or wrong "
                "token). A manager must enrol it again."));
        return;
    }
    if (error.code == errorCode::unsupportedProtocol) {
        halt(tr("The server speaks another protocol version: update this terminal "
                "or the server."));
        return;
    }
    // unavailable and rate_limited (this address failed too many hellos, or the server is
    // full): the server closes and we come back after a backoff.
    if (m_link == Link::Hello && error.code != errorCode::unavailable &&
        error.code != errorCode::rateLimited) {
        // The hello itself is wrong (a bad terminal id or token in the configuration): the
        // same hello again cannot help.
        halt(tr("The server refused this terminal's hello: %1. Check the terminal "
                "id and token it was enrolled with.")
                 .arg(error.message));
        return;
    }
    if (m_link != Link::Ready)
        return; // unavailable or rate_limited in answer to the hello: closed, we reconnect
    if (error.code == errorCode::sequenceGap) {
        dropPushHolding(error.seq);
        // The server expects a seq it already answered: it lost what it confirmed (a restored
        // database, a failover to a standby that was behind). Sending from the first pending
        // again would be the same gap at once, forever; a new welcome says where it stands
        // and checkNumbering decides.
        const Result<qint64> answered = m_outbox.lastAnsweredSeq();
        raise(error.expected && answered && *error.expected <= *answered ? Hold::Reconnect
                                                                         : Hold::ResendNow);
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
        setError(tr("The server refused a message from this terminal: %1 (%2)")
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
        setError(tr("Could not update the stock levels on this terminal: %1")
                     .arg(done.error().toString()));
        restartAfterStoreFailure(QStringLiteral("levels not applied"));
        return;
    }
    storeWrites();
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
        setError(
            tr("Could not update the catalog on this terminal: %1").arg(done.error().toString()));
        restartAfterStoreFailure(QStringLiteral("catalog not applied"));
        return;
    }
    storeWrites();
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
        setError(tr("Could not store the staff list on this terminal: %1")
                     .arg(stored.error().toString()));
    m_staff = staff.staff;
    Q_EMIT staffChanged();
}

void Client::onDeliveries(const DeliveryList& deliveries)
{
    // Stored in one transaction, so a dock shows them offline and after a restart.
    if (const Status stored = DeliveryBook(m_store).replace(deliveries.deliveries); !stored)
        setError(tr("Could not store the expected deliveries on this terminal: %1")
                     .arg(stored.error().toString()));
    m_deliveries = deliveries.deliveries;
    Q_EMIT deliveriesChanged();
}

void Client::loadCursors()
{
    const Result<qint64> levels = m_replica.cursor(levelsStream);
    const Result<qint64> catalog = m_replica.cursor(catalogStream);
    if (!levels || !catalog) {
        setError(tr("Cannot read the replica's cursors: %1")
                     .arg((levels ? catalog.error() : levels.error()).toString()));
        return;
    }
    m_levelsCursor = *levels;
    m_catalogCursor = *catalog;
}
} // namespace stockline::sync
