// Reading a stored receipt (`receipt` request, `receipt show`): its head, lines with what was
// refunded of each, payments, and the refunds made against it. A handful of statements on
// primary keys and the receipts_sale index, whatever the number of receipts stored.

#include "sqlserverstore_p.h"

namespace stockline::sync {

using namespace sqlstore;

namespace {

QList<Payment> readPayments(QSqlQuery& q)
{
    QList<Payment> payments;
    while (q.next())
        payments.append(Payment{q.value(0).toString(), Money::fromMinor(q.value(1).toLongLong()),
                                q.value(2).toString()});
    q.finish();
    return payments;
}

} // namespace

Result<std::optional<StoredReceipt>> SqlServerStore::receipt(const QString& number)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("SELECT kind, terminal, location, staff, cash_session, at, "
                             "recorded_at, offline, net, tax, total FROM receipts "
                             "WHERE number = ?"));
    if (auto s = run(q, {number}, QStringLiteral("read a receipt")); !s)
        return s.error();
    if (!q.next())
        return std::optional<StoredReceipt>();
    StoredReceipt r;
    r.number = number;
    r.kind = q.value(0).toString();
    r.terminal = q.value(1).toString();
    r.location = q.value(2).toString();
    r.staff = q.value(3).toString();
    r.cashSession = q.value(4).toString();
    r.at = fromMs(q.value(5).toLongLong());
    r.recordedAt = fromMs(q.value(6).toLongLong());
    r.offline = q.value(7).toInt() != 0;
    r.net = Money::fromMinor(q.value(8).toLongLong());
    r.tax = Money::fromMinor(q.value(9).toLongLong());
    r.total = Money::fromMinor(q.value(10).toLongLong());
    q.finish();

    q.prepare(QStringLiteral("SELECT line, sku, name, qty, unit, unit_price, discount, tax_rate, "
                             "tax, total, list_price, approved_by, refunded_qty, refunded_amount "
                             "FROM receipt_lines WHERE receipt = ? ORDER BY line"));
    if (auto s = run(q, {number}, QStringLiteral("read a receipt's lines")); !s)
        return s.error();
    while (q.next()) {
        StoredReceiptLine line;
        line.line = q.value(0).toLongLong();
        ReceiptEntry& e = line.entry;
        e.sku = q.value(1).toString();
        e.name = q.value(2).toString();
        e.qty = q.value(3).toLongLong();
        e.unit = unitFromName(q.value(4).toString()).value_or(Unit::Each);
        e.unitPrice = Money::fromMinor(q.value(5).toLongLong());
        e.discount = Money::fromMinor(q.value(6).toLongLong());
        e.taxRate = TaxRate::fromMilliPercent(q.value(7).toInt());
        e.tax = Money::fromMinor(q.value(8).toLongLong());
        e.total = Money::fromMinor(q.value(9).toLongLong());
        if (!q.value(10).isNull())
            e.listPrice = Money::fromMinor(q.value(10).toLongLong());
        e.approvedBy = q.value(11).toString();
        line.refunded = q.value(12).toLongLong();
        line.refundedAmount = Money::fromMinor(q.value(13).toLongLong());
        r.lines.append(line);
    }
    q.finish();

    q.prepare(QStringLiteral("SELECT method, amount, reference FROM receipt_payments "
                             "WHERE receipt = ? ORDER BY n"));
    if (auto s = run(q, {number}, QStringLiteral("read a receipt's payments")); !s)
        return s.error();
    r.payments = readPayments(q);

    if (r.kind != QLatin1StringView("sale"))
        return std::optional(r);
    QSqlQuery refunds = newQuery();
    refunds.prepare(QStringLiteral("SELECT number, terminal, at, total FROM receipts "
                                   "WHERE sale = ? AND sale <> '' AND kind = 'refund' "
                                   "ORDER BY at, number"));
    if (auto s = run(refunds, {number}, QStringLiteral("read a receipt's refunds")); !s)
        return s.error();
    // Every refund is read before any of their payments: on PostgreSQL a forward-only query
    // streams its rows, and running another on the connection discards those not read yet.
    while (refunds.next()) {
        StoredRefund refund;
        refund.number = refunds.value(0).toString();
        refund.terminal = refunds.value(1).toString();
        refund.at = fromMs(refunds.value(2).toLongLong());
        refund.total = Money::fromMinor(refunds.value(3).toLongLong());
        r.refunds.append(refund);
    }
    refunds.finish();
    q.prepare(QStringLiteral("SELECT method, amount, reference FROM receipt_payments "
                             "WHERE receipt = ? ORDER BY n"));
    for (StoredRefund& refund : r.refunds) {
        if (auto s = run(q, {refund.number}, QStringLiteral("read a refund's payments")); !s)
            return s.error();
        refund.payments = readPayments(q);
    }
    return std::optional(r);
}

} // namespace stockline::sync
