// The writer's receipts (sync/PROTOCOL.md, "Receipts on the server"): each sale's and refund's
// receipt stored once, in the transaction that decides its stock; refunds decided line by line
// against the sale's stored receipt by conditional updates, so two tills refunding the same line
// at once never pay back more than was sold.

#include "receiptrecord.h"
#include "sqlserverstore_p.h"

#include <QSqlError>
#include <algorithm>

namespace stockline::sync {

using namespace sqlstore;

namespace {

QString isoMs(qint64 ms)
{
    return fromMs(ms).toString(Qt::ISODateWithMs);
}

void raise(BatchRows& rows, const ReceiptRecord& r)
{
    const bool refund = r.kind == refundKind;
    const qint64 counter = receiptCounter(r.terminal, r.number, refund);
    rows.raiseCounters(r.terminal, refund ? 0 : counter, refund ? counter : 0);
}

} // namespace

Result<bool> SqlServerStore::Writer::receiptStoredAlready(Applying& a, const Mutation& m)
{
    if (const auto* sale = std::get_if<SaleMutation>(&m.body))
        a.receipt = saleReceipt(a.origin.terminal, m, *sale);
    else if (const auto* back = std::get_if<ReturnMutation>(&m.body))
        a.receipt = refundReceipt(a.origin.terminal, m, *back);
    if (!a.receipt)
        return false;
    const Result<std::optional<StoredReceiptHead>> stored = m_rows->receipt(a.receipt->number);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return false;
    const StoredReceiptHead& head = **stored;
    if (head.contentHash == a.receipt->contentHash && head.kind == a.receipt->kind) {
        // A till that resends a receipt (a reinstall, a resend of its offline sales under new
        // seqs) gets it applied, and nothing is taken or given back a second time.
        a.result.message = QStringLiteral("receipt %1 was already stored; nothing taken again")
                               .arg(a.receipt->number);
        raise(*m_rows, *a.receipt);
        a.receipt.reset();
        return true;
    }
    a.reject(rejectCode::receiptConflict,
             QStringLiteral("receipt %1 is already stored with other content (from %2 seq %3 at "
                            "%4); it was not changed")
                 .arg(a.receipt->number, head.terminal, QString::number(head.seq), isoMs(head.at)));
    a.receipt.reset();
    return true;
}

Status SqlServerStore::Writer::keepReceipt(const Applying& a)
{
    if (!a.receipt)
        return success();
    m_rows->addReceipt(*a.receipt, m_now);
    raise(*m_rows, *a.receipt);
    if (a.receipt->kind != saleKind || !m_rows->refundsWaitFor(a.receipt->number))
        return success();
    // Rare: written at once so the refunds can be booked against its lines by SQL.
    if (auto s = m_rows->flush(); !s)
        return s;
    return settleEarlierRefunds(a.receipt->number);
}

// A sale stored after refunds of it (the till refunded it, then re-sent the sale as offline
// after a refusal; or a client refunded a receipt the server did not hold yet): those refunds
// were applied as for an unknown sale, so they are booked against its lines now, oldest first,
// exactly like offline refunds — what is left is refunded, anything beyond becomes a refund
// exception. Never more refunded than sold, whatever the order of arrival.
Status SqlServerStore::Writer::settleEarlierRefunds(const QString& sale)
{
    QSqlQuery refunds = m_store.newQuery();
    if (!refunds.prepare(QStringLiteral(
            "SELECT r.number, r.terminal, l.sale_line, l.qty, l.total, l.sku, r.at FROM receipts r "
            "JOIN receipt_lines l ON l.receipt = r.number WHERE r.kind = 'refund' AND r.sale = ? "
            "ORDER BY r.recorded_at, r.number, l.line")))
        return storageError(refunds, QStringLiteral("prepare reading refunds of a sale"));
    if (auto s = run(refunds, {sale}, QStringLiteral("read refunds of a sale")); !s)
        return s;
    // Read whole before anything else runs: PostgreSQL streams a forward-only result, and the
    // connection serves one statement at a time.
    struct Earlier
    {
        QString refund, terminal, sku;
        qint64 line = 0, qty = 0, amount = 0;
        QVariant at;
    };
    QList<Earlier> earlier;
    while (refunds.next())
        earlier.append(Earlier{refunds.value(0).toString(), refunds.value(1).toString(),
                               refunds.value(5).toString(), refunds.value(2).toLongLong(),
                               refunds.value(3).toLongLong(), refunds.value(4).toLongLong(),
                               refunds.value(6)});
    refunds.finish();
    QSqlQuery left = m_store.newQuery();
    QSqlQuery take = m_store.newQuery();
    QSqlQuery over = m_store.newQuery();
    if (!left.prepare(QStringLiteral("SELECT qty - refunded_qty, total - refunded_amount FROM "
                                     "receipt_lines WHERE receipt = ? AND line = ? AND sku = ?")) ||
        !take.prepare(QStringLiteral("UPDATE receipt_lines SET refunded_qty = refunded_qty + ?, "
                                     "refunded_amount = refunded_amount + ? WHERE receipt = ? "
                                     "AND line = ?")) ||
        !over.prepare(QStringLiteral("INSERT INTO refund_exceptions (refund, sale, line, qty, "
                                     "amount, terminal, at) VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return storageError(left, QStringLiteral("prepare settling refunds of a sale"));
    for (const Earlier& e : std::as_const(earlier)) {
        if (auto s = run(left, {sale, e.line, e.sku}, QStringLiteral("read a receipt line")); !s)
            return s;
        // A line the sale does not have: all of it is beyond what was sold.
        const bool exists = left.next();
        const qint64 qtyLeft = exists ? left.value(0).toLongLong() : 0;
        const qint64 amountLeft = exists ? left.value(1).toLongLong() : 0;
        left.finish();
        const qint64 takeQty = std::clamp<qint64>(qtyLeft, 0, e.qty);
        const qint64 takeAmount = std::clamp<qint64>(amountLeft, 0, e.amount);
        if (takeQty > 0 || takeAmount > 0) {
            if (auto s = run(take, {takeQty, takeAmount, sale, e.line},
                             QStringLiteral("refund what is left"));
                !s)
                return s;
        }
        if (takeQty == e.qty && takeAmount == e.amount)
            continue;
        // The refund's own (till) time, as for an offline refund's exception.
        if (auto s = run(
                over,
                {e.refund, sale, e.line, e.qty - takeQty, e.amount - takeAmount, e.terminal, e.at},
                QStringLiteral("record a refund exception"));
            !s)
            return s;
    }
    return success();
}

Status SqlServerStore::Writer::refundLines(Applying& a, const ReturnMutation& m)
{
    const Result<std::optional<StoredReceiptHead>> sale = m_rows->receipt(m.sale);
    if (!sale)
        return sale.error();
    // A sale from before receipts were kept (or from another system): stock back as before,
    // nothing to decide the money against.
    if (!sale->has_value() || (*sale)->kind != saleKind) {
        // Booked against the sale when it arrives, if it ever does.
        m_rows->refundWaits(m.sale);
        return success();
    }
    QSqlQuery take = m_store.newQuery();
    if (!take.prepare(QStringLiteral(
            "UPDATE receipt_lines SET refunded_qty = refunded_qty + ?, "
            "refunded_amount = refunded_amount + ? WHERE receipt = ? AND line = ? AND sku = ? "
            "AND refunded_qty + ? <= qty AND refunded_amount + ? <= total "
            "RETURNING name, unit, tax_rate")))
        return storageError(take, QStringLiteral("prepare refunding a receipt line"));
    QSqlQuery left = m_store.newQuery();
    if (!left.prepare(QStringLiteral("SELECT sku, qty - refunded_qty, total - refunded_amount "
                                     "FROM receipt_lines WHERE receipt = ? AND line = ?")))
        return storageError(left, QStringLiteral("prepare reading a receipt line"));
    const QList<RefundEntry>& lines = m.refund->lines;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const RefundEntry& line = lines.at(i);
        const qint64 qty = line.qty;
        const qint64 amount = line.amount.minor();
        if (auto s = run(take, {qty, amount, m.sale, line.line, line.sku, qty, amount},
                         QStringLiteral("refund a receipt line"));
            !s)
            return s;
        if (take.next()) {
            // The refund receipt's line takes the sale line's name, unit and rate: the day
            // report takes refunded tax off the rate it was charged at.
            ReceiptEntry& entry = a.receipt->lines[i].entry;
            entry.name = take.value(0).toString();
            entry.unit = unitFromName(take.value(1).toString()).value_or(Unit::Each);
            entry.taxRate = TaxRate::fromMilliPercent(take.value(2).toInt());
            take.finish();
            continue;
        }
        take.finish();
        if (auto s = run(left, {m.sale, line.line}, QStringLiteral("read a receipt line")); !s)
            return s;
        const bool exists = left.next() && left.value(0).toString() == line.sku;
        const qint64 leftQty = exists ? left.value(1).toLongLong() : 0;
        const qint64 leftAmount = exists ? left.value(2).toLongLong() : 0;
        left.finish();
        if (!exists) {
            if (auto s = undo(a); !s)
                return s;
            a.reject(QStringLiteral("invalid"),
                     QStringLiteral("refund.lines[%1].line: sale %2 has no line %3 of %4")
                         .arg(QString::number(i), m.sale, QString::number(line.line), line.sku));
            return success();
        }
        if (!m.offline)
            return rejectOverRefund(a, m);
        if (auto s = refundOffline(a, m, i, leftQty, leftAmount); !s)
            return s;
    }
    return success();
}

// Nothing of the refund is applied; per refund line, what is still refundable of its sale line.
Status SqlServerStore::Writer::rejectOverRefund(Applying& a, const ReturnMutation& m)
{
    if (auto s = undo(a); !s)
        return s;
    a.reject(rejectCode::overRefund,
             QStringLiteral("refund %1 asks for more of sale %2 than is left to refund")
                 .arg(m.returnId, m.sale));
    QSqlQuery left = m_store.newQuery();
    if (!left.prepare(QStringLiteral("SELECT qty - refunded_qty FROM receipt_lines "
                                     "WHERE receipt = ? AND line = ?")))
        return storageError(left, QStringLiteral("prepare reading a receipt line"));
    for (const RefundEntry& line : m.refund->lines) {
        if (auto s = run(left, {m.sale, line.line}, QStringLiteral("read a receipt line")); !s)
            return s;
        const qint64 available = left.next() ? left.value(0).toLongLong() : 0;
        left.finish();
        a.result.lines.append(LineAvailability{line.sku, available, line.line});
    }
    return success();
}

// An offline refund's money is gone already: it takes what is left of the line, and what it
// paid beyond that is recorded as a refund exception for the manager.
Status SqlServerStore::Writer::refundOffline(Applying& a, const ReturnMutation& m, qsizetype i,
                                             qint64 leftQty, qint64 leftAmount)
{
    const RefundEntry& line = m.refund->lines.at(i);
    const qint64 qty = std::clamp<qint64>(leftQty, 0, line.qty);
    const qint64 amount = std::clamp<qint64>(leftAmount, 0, line.amount.minor());
    QSqlQuery q = m_store.newQuery();
    if (!q.prepare(
            QStringLiteral("UPDATE receipt_lines SET refunded_qty = refunded_qty + ?, "
                           "refunded_amount = refunded_amount + ? WHERE receipt = ? AND line = ?")))
        return storageError(q, QStringLiteral("prepare refunding a receipt line"));
    if (auto s = run(q, {qty, amount, m.sale, line.line}, QStringLiteral("refund what is left"));
        !s)
        return s;
    if (!q.prepare(QStringLiteral("INSERT INTO refund_exceptions (refund, sale, line, qty, amount,"
                                  " terminal, at) VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return storageError(q, QStringLiteral("prepare recording a refund exception"));
    const qint64 overQty = line.qty - qty;
    const Money overAmount = line.amount - Money::fromMinor(amount);
    if (auto s = run(q,
                     {m.returnId, m.sale, line.line, overQty, overAmount.minor(), a.origin.terminal,
                      a.at.toMSecsSinceEpoch()},
                     QStringLiteral("record a refund exception"));
        !s)
        return s;
    a.result.overRefunded.append(OverRefund{line.line, overQty, overAmount});
    return success();
}

} // namespace stockline::sync
