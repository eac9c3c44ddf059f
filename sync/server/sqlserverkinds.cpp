#include "jsonwriter.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlserverstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <algorithm>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

namespace {

// A reserve's or release's ledger detail, written straight to JSON: the race for a hot SKU
// makes one per decision, and QJsonObject costs several times more.
QString reservationDetail(const QString& reservation, std::optional<qint64> ttl = std::nullopt)
{
    JsonWriter w(64);
    w.beginObject();
    w.string(QLatin1StringView("reservation"), reservation);
    if (ttl)
        w.integer(QLatin1StringView("ttl"), *ttl);
    w.endObject();
    return QString::fromUtf8(w.take());
}

} // namespace

// ---- the kinds

Status SqlServerStore::Writer::apply(Applying& a, const ReserveMutation& m)
{
    // A reservation ID the terminal already holds is a client bug, not a stock question:
    // answering it first keeps one ID from ever meaning two holds.
    const Result<std::optional<Hold>> existing = m_rows->hold(a.origin.terminal, m.reservation);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        a.reject(QStringLiteral("invalid"),
                 QStringLiteral("reservation: %1 is already held by this terminal; release it "
                                "or use a new ID")
                     .arg(m.reservation));
        return success();
    }
    m_rows->putHold(a.origin.terminal, m.reservation,
                    Hold{m.sku, m.location, m.qty, m_now + m.ttl * 1000});
    const Result<bool> held = changeLevel(a.origin, a.change, m.sku, m.location, 0, m.qty,
                                          reservationDetail(m.reservation, m.ttl));
    if (!held)
        return held.error();
    return *held ? success() : rejectInsufficient(a, m.sku, m.location);
}

Status SqlServerStore::Writer::apply(Applying& a, const ReleaseMutation& m)
{
    const Result<std::optional<Hold>> hold = m_rows->hold(a.origin.terminal, m.reservation);
    if (!hold)
        return hold.error();
    if (!hold->has_value())
        return success(); // already gone (released, expired or sold): nothing to do
    const QString sku = (*hold)->sku;
    const QString location = (*hold)->location;
    const qint64 qty = (*hold)->qty;
    m_rows->removeHold(a.origin.terminal, m.reservation);
    const Result<bool> released =
        changeLevel(a.origin, a.change, sku, location, 0, -qty, reservationDetail(m.reservation));
    if (!released)
        return released.error();
    if (!*released)
        return Error{QString(),
                     QStringLiteral("storage: reservation %1 holds more of %2 at %3 "
                                    "than the level has reserved")
                         .arg(m.reservation, sku, location),
                     ErrorCode::Storage};
    return success();
}

// The line's live reservation, if it names one for the same SKU and location: consumed
// whole (its remainder is released), and its quantity returned. 0 when there is none.
Result<qint64> SqlServerStore::Writer::consumeReservation(Applying& a, const SaleLine& line,
                                                          const QString& location)
{
    const Result<qint64> qty = liveHold(a, line, location);
    if (qty && *qty > 0)
        m_rows->removeHold(a.origin.terminal, line.reservation);
    return qty;
}

Result<qint64> SqlServerStore::Writer::liveHold(const Applying& a, const SaleLine& line,
                                                const QString& location)
{
    if (line.reservation.isEmpty())
        return qint64{0};
    const Result<std::optional<Hold>> hold = m_rows->hold(a.origin.terminal, line.reservation);
    if (!hold)
        return hold.error();
    const std::optional<Hold>& h = *hold;
    const bool live = h && h->sku == line.sku && h->location == location && h->expiresAt > m_now;
    return live ? h->qty : qint64{0};
}

Status SqlServerStore::Writer::apply(Applying& a, const SaleMutation& m)
{
    for (const SaleLine& line : m.lines) {
        const Result<qint64> reservedQty = consumeReservation(a, line, m.location);
        if (!reservedQty)
            return reservedQty.error();
        QJsonObject detail{{QStringLiteral("sale"), m.sale}};
        if (*reservedQty > 0)
            detail.insert(QStringLiteral("reservation"), line.reservation);
        // The line takes its reservation's units and, beyond them, available stock.
        const Result<bool> taken = changeLevel(a.origin, a.change, line.sku, m.location, -line.qty,
                                               -*reservedQty, detailJson(detail));
        if (!taken)
            return taken.error();
        if (*taken)
            continue;
        if (!m.offline)
            return rejectSale(a, m);
        if (auto s = takeOffline(a, m, line, *reservedQty); !s)
            return s;
    }
    return success();
}

// An offline sale's goods are gone already: take what stock covers, record the rest as a
// shortage exception. Stock never goes below zero.
Status SqlServerStore::Writer::takeOffline(Applying& a, const SaleMutation& m, const SaleLine& line,
                                           qint64 reservedQty)
{
    const auto level = readLevel(line.sku, m.location);
    if (!level)
        return level.error();
    const qint64 free = level->has_value() ? (*level)->available() : 0;
    const qint64 take = std::clamp(free + reservedQty, qint64{0}, line.qty);
    if (take > 0 || reservedQty > 0) {
        const Result<bool> taken = changeLevel(
            a.origin, a.change, line.sku, m.location, -take, -reservedQty,
            detailJson({{QStringLiteral("sale"), m.sale}, {QStringLiteral("offline"), true}}));
        if (!taken)
            return taken.error();
        if (!*taken)
            return Error{QString(),
                         QStringLiteral("storage: the level of %1 at %2 changed "
                                        "while an offline sale was booked")
                             .arg(line.sku, m.location),
                         ErrorCode::Storage};
    }
    const qint64 missing = line.qty - take;
    if (missing <= 0)
        return success();
    if (auto s = run(m_sql.insertShortage,
                     {line.sku, m.location, missing, a.origin.terminal, m.sale, m_now},
                     QStringLiteral("record a shortage"));
        !s)
        return s;
    if (auto s = ledger(
            a.origin, line.sku, m.location, 0, 0,
            detailJson({{QStringLiteral("sale"), m.sale}, {QStringLiteral("shortage"), missing}}));
        !s)
        return s;
    // PROTOCOL.md: per SKU not fully covered, the units that were available (the shortage
    // exception carries the rest).
    a.result.shortages.append(LineAvailability{line.sku, take});
    a.change.shortages = true;
    return success();
}

// Rejects the whole sale, telling per line what it could have had: the available stock plus
// the line's own live reservation, as things stood before the sale.
Status SqlServerStore::Writer::rejectSale(Applying& a, const SaleMutation& m)
{
    if (auto s = undo(a); !s)
        return s;
    a.reject(QStringLiteral("insufficient_stock"),
             QStringLiteral("not every line of sale %1 is in stock at %2").arg(m.sale, m.location));
    for (const SaleLine& line : m.lines) {
        const Result<qint64> free = available(line.sku, m.location);
        if (!free)
            return free.error();
        const Result<qint64> held = liveHold(a, line, m.location);
        if (!held)
            return held.error();
        a.result.lines.append(LineAvailability{line.sku, *free + *held});
    }
    return success();
}

Status SqlServerStore::Writer::apply(Applying& a, const ReturnMutation& m)
{
    if (m.refund && !m.sale.isEmpty()) {
        if (auto s = refundLines(a, m); !s || a.rejected())
            return s;
    }
    QJsonObject detail{{QStringLiteral("return"), m.returnId}};
    if (!m.sale.isEmpty())
        detail.insert(QStringLiteral("sale"), m.sale);
    const QString text = detailJson(detail);
    for (const ItemLine& line : m.lines) {
        if (auto s = addStock(a.origin, a.change, line.sku, m.location, line.qty, text); !s)
            return s;
    }
    return success();
}

Status SqlServerStore::Writer::apply(Applying& a, const ReceiveMutation& m)
{
    QJsonObject detail{{QStringLiteral("receipt"), m.receipt}};
    if (!m.reference.isEmpty())
        detail.insert(QStringLiteral("reference"), m.reference);
    if (!m.delivery.isEmpty()) {
        if (auto s = bookDelivery(a, m); !s || a.rejected())
            return s;
        detail.insert(QStringLiteral("delivery"), m.delivery);
        QJsonArray rejected;
        for (const ItemLine& line : m.rejected)
            rejected.append(
                QJsonObject{{QStringLiteral("sku"), line.sku}, {QStringLiteral("qty"), line.qty}});
        if (!rejected.isEmpty())
            detail.insert(QStringLiteral("rejected"), rejected);
    }
    const QString text = detailJson(detail);
    for (const ItemLine& line : m.lines) {
        if (auto s = addStock(a.origin, a.change, line.sku, m.location, line.qty, text); !s)
            return s;
    }
    return averageCosts(m);
}

// A receive against an expected delivery books each line on it with one conditional update, so
// two docks receiving parts of one delivery never book the same goods twice: a line may not go
// past what the delivery expects unless the receive says `over`. A refusal leaves the whole
// receive undone (its savepoint) and says, per line, how much is still expected.
Status SqlServerStore::Writer::bookDelivery(Applying& a, const ReceiveMutation& m)
{
    QSqlQuery head = m_store.newQuery();
    if (!head.prepare(QStringLiteral("SELECT location, closed FROM deliveries WHERE id = ?")))
        return storageError(head, QStringLiteral("prepare reading a delivery"));
    if (auto s = run(head, {m.delivery}, QStringLiteral("read a delivery")); !s)
        return s;
    if (!head.next() || head.value(1).toInt() != 0) {
        a.reject(rejectCode::unknownDelivery,
                 QStringLiteral("delivery: %1 is not an open delivery").arg(m.delivery));
        return success();
    }
    if (head.value(0).toString() != m.location) {
        a.reject(QStringLiteral("invalid"),
                 QStringLiteral("location: delivery %1 goes to %2, not %3")
                     .arg(m.delivery, head.value(0).toString(), m.location));
        return success();
    }
    QSqlQuery book = m_store.newQuery();
    if (!book.prepare(QStringLiteral(
            "UPDATE delivery_lines SET received = received + ?, rejected = rejected + ?"
            " WHERE delivery = ? AND sku = ? AND (? = 1 OR received + ? <= expected)")))
        return storageError(book, QStringLiteral("prepare booking a delivery line"));
    const auto bookLine = [&](const QString& field, const ItemLine& line, qint64 accepted,
                              qint64 refused) -> Status {
        if (auto s = run(book,
                         {accepted, refused, m.delivery, line.sku,
                          (m.over || accepted == 0) ? 1 : 0, accepted},
                         QStringLiteral("book a delivery line"));
            !s)
            return s;
        if (book.numRowsAffected() == 1)
            return success();
        return rejectDeliveryLine(a, m.delivery, field, line.sku);
    };
    for (qsizetype i = 0; i < m.lines.size() && !a.rejected(); ++i) {
        if (auto s =
                bookLine(QStringLiteral("lines[%1]").arg(i), m.lines.at(i), m.lines.at(i).qty, 0);
            !s)
            return s;
    }
    for (qsizetype i = 0; i < m.rejected.size() && !a.rejected(); ++i) {
        if (auto s = bookLine(QStringLiteral("rejected[%1]").arg(i), m.rejected.at(i), 0,
                              m.rejected.at(i).qty);
            !s)
            return s;
    }
    a.change.deliveries = !a.rejected(); // docks are sent the new figures
    return success();
}

// Why a delivery line could not be booked: not on the delivery, or more than it still expects.
Status SqlServerStore::Writer::rejectDeliveryLine(Applying& a, const QString& delivery,
                                                  const QString& field, const QString& sku)
{
    QSqlQuery q = m_store.newQuery();
    if (!q.prepare(QStringLiteral(
            "SELECT expected, received FROM delivery_lines WHERE delivery = ? AND sku = ?")))
        return storageError(q, QStringLiteral("prepare reading a delivery line"));
    if (auto s = run(q, {delivery, sku}, QStringLiteral("read a delivery line")); !s)
        return s;
    if (!q.next()) {
        a.reject(QStringLiteral("invalid"),
                 QStringLiteral("%1.sku: %2 is not on delivery %3").arg(field, sku, delivery));
        return success();
    }
    const qint64 remaining = std::max<qint64>(0, q.value(0).toLongLong() - q.value(1).toLongLong());
    a.reject(rejectCode::overExpected, QStringLiteral("%1: delivery %2 expects %3 more of %4")
                                           .arg(field, delivery, QString::number(remaining), sku));
    a.result.lines.append(LineAvailability{sku, remaining});
    return success();
}

Status SqlServerStore::Writer::rejectVersionConflict(Applying& a, const QString& sku,
                                                     const QString& location)
{
    if (auto s = undo(a); !s)
        return s;
    const auto level = readLevel(sku, location);
    if (!level)
        return level.error();
    const StockLevel current = level->value_or(emptyLevel(sku, location));
    a.reject(QStringLiteral("version_conflict"),
             QStringLiteral("the level of %1 at %2 is at version %3")
                 .arg(sku, location, QString::number(current.version)));
    a.result.level = current;
    return success();
}

// A count is what is on the shelf. When it is below what live reservations hold, the holds
// cannot all be honoured: the ones expiring last are cut first (down to what was counted),
// so reserved never exceeds on hand. A sale naming a cut reservation falls back to stock.
Status SqlServerStore::Writer::apply(Applying& a, const CountMutation& m)
{
    return bookCount(a, m.sku, m.location, m.counted, m.expectedVersion,
                     detailJson({{QStringLiteral("counted"), m.counted},
                                 {QStringLiteral("expectedVersion"), m.expectedVersion}}));
}

Status SqlServerStore::Writer::bookCount(Applying& a, const QString& sku, const QString& location,
                                         qint64 counted, qint64 expectedVersion,
                                         const QString& detail)
{
    const auto level = readLevel(sku, location);
    if (!level)
        return level.error();
    const qint64 version = level->has_value() ? (*level)->version : 0;
    if (version != expectedVersion)
        return rejectVersionConflict(a, sku, location);
    if (!level->has_value()) {
        QSqlQuery& q = m_sql.createLevel;
        if (auto s = run(q, {sku, location, counted, m_cursor}, QStringLiteral("create a level"));
            !s)
            return s;
        const bool created = q.next();
        if (created)
            recordLevel(a.change, q, sku, location);
        q.finish();
        if (!created)
            return rejectVersionConflict(a, sku, location);
        return ledger(a.origin, sku, location, counted, 0, detail);
    }
    const StockLevel before = **level;
    const qint64 cut = std::max<qint64>(0, before.reserved - counted);
    if (cut > 0) {
        if (auto s = cutReservations(sku, location, cut); !s)
            return s;
    }
    QSqlQuery& q = m_sql.countLevel;
    if (auto s = run(q, {counted, -cut, m_cursor, sku, location, expectedVersion},
                     QStringLiteral("book a count"));
        !s)
        return s;
    const bool booked = q.next();
    if (booked)
        recordLevel(a.change, q, sku, location);
    q.finish();
    if (!booked)
        return rejectVersionConflict(a, sku, location);
    return ledger(a.origin, sku, location, counted - before.onHand, -cut, detail);
}

Status SqlServerStore::Writer::cutReservations(const QString& sku, const QString& location,
                                               qint64 cut)
{
    struct Hold
    {
        QString terminal, reservation;
        qint64 qty = 0;
    };
    QList<Hold> holds;
    QSqlQuery& q = m_sql.levelReservations;
    if (auto s = run(q, {sku, location}, QStringLiteral("read a level's reservations")); !s)
        return s;
    while (q.next())
        holds.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    q.finish();
    for (const Hold& hold : holds) {
        if (cut <= 0)
            break;
        const qint64 part = std::min(cut, hold.qty);
        cut -= part;
        const Status s =
            part == hold.qty
                ? run(m_sql.deleteReservation, {hold.terminal, hold.reservation},
                      QStringLiteral("cut a reservation"))
                : run(m_sql.shrinkReservation, {hold.qty - part, hold.terminal, hold.reservation},
                      QStringLiteral("cut a reservation"));
        if (!s)
            return s;
    }
    if (cut > 0)
        return Error{QString(),
                     QStringLiteral("storage: the reservations of %1 at %2 hold less "
                                    "than the level has reserved")
                         .arg(sku, location),
                     ErrorCode::Storage};
    return success();
}

Status SqlServerStore::Writer::apply(Applying& a, const TransferMutation& m)
{
    const QString detail = detailJson({{QStringLiteral("transfer"), m.transfer},
                                       {QStringLiteral("from"), m.from},
                                       {QStringLiteral("to"), m.to}});
    const Result<bool> taken = changeLevel(a.origin, a.change, m.sku, m.from, -m.qty, 0, detail);
    if (!taken)
        return taken.error();
    if (!*taken)
        return rejectInsufficient(a, m.sku, m.from);
    return addStock(a.origin, a.change, m.sku, m.to, m.qty, detail);
}

Status SqlServerStore::Writer::apply(Applying& a, const AdjustMutation& m)
{
    const QString detail = detailJson({{QStringLiteral("reason"), m.reason}});
    if (m.delta >= 0)
        return addStock(a.origin, a.change, m.sku, m.location, m.delta, detail);
    const Result<bool> taken =
        changeLevel(a.origin, a.change, m.sku, m.location, m.delta, 0, detail);
    if (!taken)
        return taken.error();
    return *taken ? success() : rejectInsufficient(a, m.sku, m.location);
}

// Recorded once: the seq is applied once per terminal, and (terminal, seq) is the key.
Status SqlServerStore::Writer::apply(Applying& a, const ApprovalMutation& m)
{
    QSqlQuery insert = m_store.newQuery();
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO approvals (terminal, seq, mutation_id, at, recorded_at, action, staff,"
            " approver, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return storageError(insert, QStringLiteral("prepare recording an approval"));
    return run(insert,
               {a.origin.terminal, a.origin.seq, a.origin.mutationId, a.at.toMSecsSinceEpoch(),
                m_now, m.action, m.staff, m.approver, m.detail},
               QStringLiteral("record an approval"));
}

// A manager resolves a shortage exception: by a recount (booked like a count, against the
// version the counter saw) or by accepting the loss (an audit row that moves no stock). Either
// way the exception is closed in the same savepoint, so it is resolved exactly once.
Status SqlServerStore::Writer::apply(Applying& a, const ResolveMutation& m)
{
    const Result<bool> manager = isManager(m.approvedBy);
    if (!manager)
        return manager.error();
    if (!*manager) {
        a.reject(
            rejectCode::forbidden,
            QStringLiteral("approvedBy: %1 is not a manager on this server").arg(m.approvedBy));
        return success();
    }
    QSqlQuery q = m_store.newQuery();
    if (!q.prepare(QStringLiteral("UPDATE shortages SET resolved_at = ?, resolved_by = ? "
                                  "WHERE id = ? AND resolved_at IS NULL "
                                  "RETURNING sku, location, qty")))
        return storageError(q, QStringLiteral("prepare resolving a shortage"));
    if (auto s = run(q, {m_now, m.approvedBy, m.shortage}, QStringLiteral("resolve a shortage"));
        !s)
        return s;
    if (!q.next())
        return rejectUnresolvable(a, m.shortage);
    const QString sku = q.value(0).toString();
    const QString location = q.value(1).toString();
    const qint64 qty = q.value(2).toLongLong();
    q.finish();
    QJsonObject detail{{QStringLiteral("shortage"), m.shortage},
                       {QStringLiteral("resolution"), resolutionName(m.resolution)},
                       {QStringLiteral("qty"), qty},
                       {QStringLiteral("staff"), m.staff},
                       {QStringLiteral("approvedBy"), m.approvedBy}};
    a.change.shortages = true;
    if (m.resolution == ResolveMutation::Resolution::Loss)
        return ledger(a.origin, sku, location, 0, 0, detailJson(detail));
    detail.insert(QStringLiteral("counted"), m.counted);
    detail.insert(QStringLiteral("expectedVersion"), m.expectedVersion);
    return bookCount(a, sku, location, m.counted, m.expectedVersion, detailJson(detail));
}

Status SqlServerStore::Writer::rejectUnresolvable(Applying& a, qint64 shortage)
{
    QSqlQuery q = m_store.newQuery();
    if (!q.prepare(QStringLiteral("SELECT resolved_by FROM shortages WHERE id = ?")))
        return storageError(q, QStringLiteral("prepare reading a shortage"));
    if (auto s = run(q, {shortage}, QStringLiteral("read a shortage")); !s)
        return s;
    if (q.next())
        a.reject(rejectCode::alreadyResolved,
                 QStringLiteral("shortage: %1 was resolved already, by %2")
                     .arg(QString::number(shortage), q.value(0).toString()));
    else
        a.reject(rejectCode::unknownShortage,
                 QStringLiteral("shortage: there is no shortage exception %1").arg(shortage));
    return success();
}

Result<bool> SqlServerStore::Writer::isManager(const QString& name)
{
    QSqlQuery q = m_store.newQuery();
    if (!q.prepare(QStringLiteral("SELECT role FROM staff WHERE name = ? AND active = 1")))
        return storageError(q, QStringLiteral("prepare reading staff"));
    if (auto s = run(q, {name}, QStringLiteral("read staff")); !s)
        return s.error();
    return q.next() && q.value(0).toString() == staffRoleName(StaffRole::Manager);
}

} // namespace stockline::sync
