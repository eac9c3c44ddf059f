// The writer's receipts (sync/PROTOCOL.md, "Receipts on the server"): each sale's and refund's
// receipt stored once, in the transaction that decides its stock; refunds decided line by line
// against the sale's stored receipt by conditional updates, so two tills refunding the same line
// at once never pay back more than was sold.

#include "receiptrecord.h"
#include "sqlserverstore_p.h"

#include <algorithm>

namespace stockline::sync {

using namespace sqlstore;

namespace {

QString isoMs(qint64 ms)
{
    return fromMs(ms).toString(Qt::ISODateWithMs);
}

// A refund line decided against what is left of its sale line: the conditional update.
const QString refundLineText = QStringLiteral(
    "UPDATE receipt_lines SET refunded_qty = refunded_qty + ?, "
    "refunded_amount = refunded_amount + ? WHERE receipt = ? AND line = ? AND sku = ? "
    "AND refunded_qty + ? <= qty AND refunded_amount + ? <= total RETURNING name, unit, tax_rate");

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
    static const QString text = QStringLiteral(
        "SELECT r.number, r.terminal, l.sale_line, l.qty, l.total, l.sku, r.at FROM receipts r "
        "JOIN receipt_lines l ON l.receipt = r.number WHERE r.kind = 'refund' AND r.sale = ? "
        "ORDER BY r.recorded_at, r.number, l.line");
    // Read whole before anything else runs: PostgreSQL streams a forward-only result, and the
    // connection serves one statement at a time.
    struct Earlier
    {
        QString refund, terminal, sku;
        qint64 line = 0, qty = 0, amount = 0, at = 0;
    };
    QList<Earlier> earlier;
    RowValues values;
    values << sale;
    if (auto s = m_sql.rows.exec(text, values, QStringLiteral("read refunds of a sale"),
                                 [&earlier](const RowReader& r) {
                                     earlier.append(Earlier{r.text(0), r.text(1), r.text(5),
                                                            r.integer(2), r.integer(3),
                                                            r.integer(4), r.integer(6)});
                                 });
        !s)
        return s;
    for (const Earlier& e : std::as_const(earlier)) {
        const Result<std::optional<LineLeft>> left = lineLeft(sale, e.line);
        if (!left)
            return left.error();
        // A line the sale does not have: all of it is beyond what was sold.
        const bool exists = left->has_value() && (*left)->sku == e.sku;
        const qint64 takeQty = std::clamp<qint64>(exists ? (*left)->qty : 0, 0, e.qty);
        const qint64 takeAmount = std::clamp<qint64>(exists ? (*left)->amount : 0, 0, e.amount);
        if (takeQty > 0 || takeAmount > 0) {
            if (auto s = takeLeft(sale, e.line, takeQty, takeAmount); !s)
                return s;
        }
        if (takeQty == e.qty && takeAmount == e.amount)
            continue;
        // The refund's own (till) time, as for an offline refund's exception.
        if (auto s = recordOverRefund(e.refund, sale, e.line, e.qty - takeQty,
                                      e.amount - takeAmount, e.terminal, e.at);
            !s)
            return s;
    }
    return success();
}

Status SqlServerStore::Writer::takeLeft(const QString& sale, qint64 line, qint64 qty, qint64 amount)
{
    static const QString text =
        QStringLiteral("UPDATE receipt_lines SET refunded_qty = refunded_qty + ?, "
                       "refunded_amount = refunded_amount + ? WHERE receipt = ? AND line = ?");
    RowValues values;
    values << qty << amount << sale << line;
    return m_sql.rows.exec(text, values, QStringLiteral("refund what is left"));
}

Status SqlServerStore::Writer::recordOverRefund(const QString& refund, const QString& sale,
                                                qint64 line, qint64 qty, qint64 amount,
                                                const QString& terminal, qint64 at)
{
    static const QString text =
        QStringLiteral("INSERT INTO refund_exceptions (refund, sale, line, qty, amount, "
                       "terminal, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    RowValues values;
    values << refund << sale << line << qty << amount << terminal << at;
    return m_sql.rows.exec(text, values, QStringLiteral("record a refund exception"));
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
    const QList<RefundEntry>& lines = m.refund->lines;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const RefundEntry& line = lines.at(i);
        const qint64 qty = line.qty;
        const qint64 amount = line.amount.minor();
        RowValues values;
        values << qty << amount << m.sale << line.line << line.sku << qty << amount;
        bool taken = false;
        // The refund receipt's line takes the sale line's name, unit and rate: the day report
        // takes refunded tax off the rate it was charged at.
        ReceiptEntry& entry = a.receipt->lines[i].entry;
        if (auto s =
                m_sql.rows.exec(refundLineText, values, QStringLiteral("refund a receipt line"),
                                [&](const RowReader& row) {
                                    taken = true;
                                    entry.name = row.text(0);
                                    entry.unit = unitFromName(row.text(1)).value_or(Unit::Each);
                                    entry.taxRate =
                                        TaxRate::fromMilliPercent(static_cast<int>(row.integer(2)));
                                });
            !s)
            return s;
        if (taken)
            continue;
        const Result<std::optional<LineLeft>> left = lineLeft(m.sale, line.line);
        if (!left)
            return left.error();
        const bool exists = left->has_value() && (*left)->sku == line.sku;
        const qint64 leftQty = exists ? (*left)->qty : 0;
        const qint64 leftAmount = exists ? (*left)->amount : 0;
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
    for (const RefundEntry& line : m.refund->lines) {
        const Result<std::optional<LineLeft>> left = lineLeft(m.sale, line.line);
        if (!left)
            return left.error();
        const qint64 available = left->has_value() ? (*left)->qty : 0;
        a.result.lines.append(LineAvailability{line.sku, available, line.line});
    }
    return success();
}

Result<std::optional<SqlServerStore::Writer::LineLeft>>
SqlServerStore::Writer::lineLeft(const QString& sale, qint64 line)
{
    static const QString text =
        QStringLiteral("SELECT sku, qty - refunded_qty, total - refunded_amount "
                       "FROM receipt_lines WHERE receipt = ? AND line = ?");
    RowValues values;
    values << sale << line;
    std::optional<LineLeft> left;
    if (auto s = m_sql.rows.exec(text, values, QStringLiteral("read a receipt line"),
                                 [&left](const RowReader& row) {
                                     left = LineLeft{row.text(0), row.integer(1), row.integer(2)};
                                 });
        !s)
        return s.error();
    return left;
}

// An offline refund's money is gone already: it takes what is left of the line, and what it
// paid beyond that is recorded as a refund exception for the manager.
Status SqlServerStore::Writer::refundOffline(Applying& a, const ReturnMutation& m, qsizetype i,
                                             qint64 leftQty, qint64 leftAmount)
{
    const RefundEntry& line = m.refund->lines.at(i);
    const qint64 qty = std::clamp<qint64>(leftQty, 0, line.qty);
    const qint64 amount = std::clamp<qint64>(leftAmount, 0, line.amount.minor());
    if (auto s = takeLeft(m.sale, line.line, qty, amount); !s)
        return s;
    const qint64 overQty = line.qty - qty;
    const Money overAmount = line.amount - Money::fromMinor(amount);
    if (auto s = recordOverRefund(m.returnId, m.sale, line.line, overQty, overAmount.minor(),
                                  a.origin.terminal, a.at.toMSecsSinceEpoch());
        !s)
        return s;
    a.result.overRefunded.append(OverRefund{line.line, overQty, overAmount});
    return success();
}

} // namespace stockline::sync
