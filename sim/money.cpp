#include "world.h"

#include <QSqlError>

namespace stockline::sim {

// ---- refunds: at the till that sold and at any other, sometimes two at once

void World::refund(int t)
{
    const SoldReceipt sold = m_sold[static_cast<qsizetype>(random(m_sold.size()))];
    if (!canRefund(t, sold))
        return;
    const ReturnMutation first = refundOf(t, sold);
    appendRefund(t, first);
    if (!chance(20))
        return;
    // The customer tries the same refund at a second till at the same moment: the server
    // refunds each unit once, whichever comes first.
    const int other = static_cast<int>(random(m_terminals.size()));
    if (other == t || !m_terminals[other].alive || !canRefund(other, sold))
        return;
    ReturnMutation again = first;
    again.returnId =
        QStringLiteral("%1.ret%2").arg(m_terminals[other].id).arg(++m_terminals[other].made);
    again.offline = !m_terminals[other].client->isConnected();
    trace(QStringLiteral("%1 races %2 for %3")
              .arg(m_terminals[other].id, m_terminals[t].id, sold.number));
    appendRefund(other, again);
}

// A till refunds a sale of its own from its journal (its outbox sends the sale first); another
// till's only once it fetched it from the server, which must hold it (the till refuses
// otherwise, sync/PROTOCOL.md).
bool World::canRefund(int t, const SoldReceipt& sold)
{
    if (sold.terminal == m_terminals[t].id)
        return true;
    const Result<std::optional<StoredReceipt>> stored = m_check->receipt(sold.number);
    if (!stored)
        violate(QStringLiteral("the receipts can be read"), stored.error().toString());
    return stored->has_value();
}

// What a till sends after it fetched `sold` from the server (or found it in its own journal):
// some units of one line, paid back in cash at their share of the line's total.
ReturnMutation World::refundOf(int t, const SoldReceipt& sold)
{
    Terminal& term = m_terminals[t];
    const auto index = static_cast<qsizetype>(random(sold.lines.size()));
    const ReceiptLine& line = sold.lines.at(index);
    // A weighed line goes back whole, as the till does it.
    const qint64 qty = isMeasured(line.unit) ? line.qty : between(1, line.qty);
    const Money amount = Money::fromMinor(line.total().minor() * qty / line.qty);
    const Money tax = Money::fromMinor(line.tax().minor() * qty / line.qty);
    ReturnMutation r;
    r.returnId = QStringLiteral("%1.ret%2").arg(term.id).arg(++term.made);
    r.location = sold.location;
    r.sale = sold.number;
    r.lines = {ItemLine{line.sku, qty}};
    RefundContent refund;
    refund.staff = QStringLiteral("Sim");
    refund.lines = {RefundEntry{index + 1, line.sku, qty, amount, tax}};
    if (amount.minor() > 0)
        refund.payments = {Payment{QStringLiteral("cash"), amount, QString()}};
    refund.total = amount;
    r.refund = refund;
    r.offline = !term.client->isConnected();
    return r;
}

void World::appendRefund(int t, const ReturnMutation& refund)
{
    Terminal& term = m_terminals[t];
    Mutation m;
    m.id = QStringLiteral("%1.m%2").arg(term.id).arg(++term.made);
    m.at = terminalNow();
    m.body = refund;
    const Result<Mutation> stored = Outbox(*term.store).appendNow(m);
    if (!stored)
        violate(QStringLiteral("a local change commits with its outbox entry"),
                QStringLiteral("%1 could not append a refund: %2")
                    .arg(term.id, stored.error().toString()));
    term.appended.append(m.id);
    ++m_mutations;
    trace(QStringLiteral("%1 refunds %2").arg(term.id, QString::fromUtf8(stored->toJsonBytes())));
}

// A till reinstalled with an empty store, once everything it made reached the server (as IT
// does it): its receipt numbers must go on after the highest the server holds for it.
void World::reinstallTerminal(int t)
{
    Terminal& term = m_terminals[t];
    trace(QStringLiteral("FAULT: %1 is reinstalled with an empty store").arg(term.id));
    // Killed as any terminal is (it starts again a little later), and its files wiped meanwhile.
    killTerminal(t);
    term.formerReceipts.append(term.receipts);
    term.receipts.clear();
    term.appended.clear(); // every one of them was answered: checked before
    term.reservations.clear();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(term.path + suffix);
}

// ---- the money's invariants (DESIGN.md 7)

namespace {

QString key(const QString& number, const QString& sku)
{
    return number + u'|' + sku;
}

} // namespace

// Per receipt line, never more refunded than sold, and what the line says was refunded is what
// its refunds booked (less what offline refunds paid beyond it, recorded as exceptions); every
// stored receipt's quantities are its ledger rows'.
void World::checkMoney(const char* when)
{
    QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
    if (!q.exec(QStringLiteral(
            "SELECT l.receipt, l.line, l.qty, l.refunded_qty,"
            " COALESCE((SELECT SUM(r.qty) FROM receipt_lines r JOIN receipts rr"
            " ON rr.number = r.receipt WHERE rr.kind = 'refund' AND rr.sale = l.receipt"
            " AND r.sale_line = l.line), 0)"
            " - COALESCE((SELECT SUM(e.qty) FROM refund_exceptions e WHERE e.sale = l.receipt"
            " AND e.line = l.line), 0)"
            " FROM receipt_lines l JOIN receipts s ON s.number = l.receipt WHERE s.kind = 'sale'")))
        violate(QStringLiteral("the receipts can be read"), q.lastError().text());
    while (q.next()) {
        const qint64 sold = q.value(2).toLongLong();
        const qint64 refunded = q.value(3).toLongLong();
        const qint64 booked = q.value(4).toLongLong();
        if (refunded > sold || refunded != booked)
            violate(QStringLiteral("never more refunded than sold per receipt line"),
                    QStringLiteral("%1 line %2: sold %3, refunded %4, refunds booked %5, %6")
                        .arg(q.value(0).toString())
                        .arg(q.value(1).toLongLong())
                        .arg(sold)
                        .arg(refunded)
                        .arg(booked)
                        .arg(QLatin1String(when)));
    }

    QHash<QString, qint64> receipts;
    if (!q.exec(QStringLiteral("SELECT l.receipt, l.sku, SUM(l.qty) FROM receipt_lines l"
                               " GROUP BY l.receipt, l.sku")))
        violate(QStringLiteral("the receipts can be read"), q.lastError().text());
    while (q.next())
        receipts.insert(key(q.value(0).toString(), q.value(1).toString()), q.value(2).toLongLong());
    QHash<QString, qint64> ledger;
    if (!q.exec(QStringLiteral("SELECT kind, sku, on_hand_delta, detail FROM ledger"
                               " WHERE kind IN ('sale', 'return')")))
        violate(QStringLiteral("the ledger can be read"), q.lastError().text());
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        const bool sale = q.value(0).toString() == QLatin1String("sale");
        const QString number =
            detail.value(sale ? QLatin1String("sale") : QLatin1String("return")).toString();
        // A sale takes stock (negative) and books what stock could not cover as a shortage.
        const qint64 qty =
            sale ? -q.value(2).toLongLong() + detail.value(QLatin1String("shortage")).toInteger()
                 : q.value(2).toLongLong();
        ledger[key(number, q.value(1).toString())] += qty;
    }
    for (auto it = receipts.cbegin(); it != receipts.cend(); ++it)
        if (ledger.value(it.key()) != it.value())
            violate(QStringLiteral("every stored receipt's lines equal its ledger rows"),
                    QStringLiteral("%1: the receipt holds %2, the ledger %3, %4")
                        .arg(it.key())
                        .arg(it.value())
                        .arg(ledger.value(it.key()))
                        .arg(QLatin1String(when)));
}

// At the end: every sale any till recorded, before or after a reinstall, is on the server as
// that till's receipt.
void World::checkReceiptsStored()
{
    QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
    q.prepare(QStringLiteral("SELECT terminal FROM receipts WHERE number = ? AND kind = 'sale'"));
    for (const Terminal& t : m_terminals) {
        for (const QString& number : t.formerReceipts + t.receipts) {
            q.addBindValue(number);
            if (!q.exec())
                violate(QStringLiteral("the receipts can be read"), q.lastError().text());
            if (!q.next() || q.value(0).toString() != t.id)
                violate(QStringLiteral("the server keeps every receipt"),
                        QStringLiteral("%1's receipt %2 is not on the server").arg(t.id, number));
        }
    }
}

// At the end: the day reports of the days the world lived through (in the server's time zone)
// count every sale the tills recorded and add up to what they took, and their refunds add up to
// the refund receipts the server kept; the takings by till and by payment method add up to the
// same.
void World::checkDayReport()
{
    qint64 count = 0;
    qint64 sales = 0;
    qint64 refunds = 0;
    qint64 byTill = 0;
    qint64 byTender = 0;
    const QDate last = terminalNow().toLocalTime().date();
    for (QDate day = epoch.toLocalTime().date(); day <= last; day = day.addDays(1)) {
        const Result<QJsonObject> report = m_check->dayReport(day, serverNow());
        if (!report)
            violate(QStringLiteral("the day report can be read"), report.error().toString());
        count += report->value(QLatin1String("sales"))
                     .toObject()
                     .value(QLatin1String("count"))
                     .toInteger();
        sales += report->value(QLatin1String("sales"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInteger();
        refunds += report->value(QLatin1String("refunds"))
                       .toObject()
                       .value(QLatin1String("total"))
                       .toInteger();
        for (const QJsonValue till : report->value(QLatin1String("tills")).toArray())
            byTill += till.toObject().value(QLatin1String("salesTotal")).toInteger();
        for (const QJsonValue tender : report->value(QLatin1String("tenders")).toArray())
            byTender += tender.toObject().value(QLatin1String("sales")).toInteger();
    }
    QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
    if (!q.exec(
            QStringLiteral("SELECT COALESCE(SUM(total), 0) FROM receipts WHERE kind = 'refund'")) ||
        !q.next())
        violate(QStringLiteral("the receipts can be read"), q.lastError().text());
    const qint64 refunded = q.value(0).toLongLong();
    if (count != m_sold.size() || sales != m_soldTotal.minor() || byTill != sales ||
        byTender != sales || refunds != refunded)
        violate(QStringLiteral("the day report equals the sum of its receipts"),
                QStringLiteral("tills recorded %1 sales for %2, refunds stored %3; the day "
                               "reports say %4 sales for %5 (by till %6, by payment %7), "
                               "refunds %8")
                    .arg(m_sold.size())
                    .arg(m_soldTotal.minor())
                    .arg(refunded)
                    .arg(count)
                    .arg(sales)
                    .arg(byTill)
                    .arg(byTender)
                    .arg(refunds));
    trace(QStringLiteral("day reports: %1 sales for %2, refunds %3")
              .arg(count)
              .arg(sales)
              .arg(refunds));
}

} // namespace stockline::sim
