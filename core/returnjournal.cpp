#include "returnjournal.h"

#include "cashsession.h"
#include "ids.h"
#include "isotime.h"
#include "localstore.h"
#include "outbox.h"
#include "paymentrows.h"
#include "receiptnumbers.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace stockline {

namespace {

Error requestError(const QString& field, const QString& message)
{
    return Error{field, message};
}

QString linePath(qsizetype i, const char* field)
{
    return QStringLiteral("lines[%1].%2").arg(i).arg(QLatin1String(field));
}

const ReturnableLine* findLine(const ReturnableSale& sale, int line)
{
    for (const ReturnableLine& candidate : sale.lines) {
        if (candidate.line == line)
            return &candidate;
    }
    return nullptr;
}

std::optional<Error> checkPayments(const QList<Payment>& payments, Money total)
{
    Money paid;
    for (qsizetype i = 0; i < payments.size(); ++i) {
        const Payment& payment = payments.at(i);
        const QString field = QStringLiteral("payments[%1]").arg(i);
        if (!isValidId(payment.method))
            return requestError(field + QStringLiteral(".method"),
                                QStringLiteral("'%1' is not a payment method").arg(payment.method));
        if (payment.amount <= Money() || payment.amount.minor() > maxMoneyMinor)
            return requestError(field + QStringLiteral(".amount"),
                                QStringLiteral("a refund pays back a positive amount"));
        if (payment.reference.size() > maxTextLength)
            return requestError(field + QStringLiteral(".reference"),
                                QStringLiteral("is longer than %1 characters").arg(maxTextLength));
        paid += payment.amount;
    }
    if (paid != total)
        return requestError(QStringLiteral("payments"),
                            QStringLiteral("%1 paid back is not the refund's total of %2")
                                .arg(paid.toString(), total.toString()));
    return std::nullopt;
}

} // namespace

ReturnJournal::ReturnJournal(const LocalStore& store, Outbox& outbox, QString terminal,
                             QString proofKey)
    : m_store(store), m_outbox(outbox), m_terminal(std::move(terminal)),
      m_proofKey(std::move(proofKey))
{
}

Result<QString> ReturnJournal::format(QStringView terminal, qint64 number)
{
    if (number < 1)
        return requestError(QStringLiteral("refund"),
                            QStringLiteral("refund numbers start at 1, not %1").arg(number));
    const QString refund = terminal.toString() + QStringLiteral("-R") +
                           QStringLiteral("%1").arg(number, 6, 10, QLatin1Char('0'));
    if (!isValidId(refund))
        return requestError(QStringLiteral("refund"),
                            QStringLiteral("'%1' is not a valid ID: the terminal id is too long "
                                           "or its refund numbers are used up")
                                .arg(refund));
    return refund;
}

ReceiptLine ReturnJournal::asRecorded(ReceiptLine line, Money tax, Money total)
{
    line.taxShare = tax;
    line.taxIncluded = tax != Money() && total == line.amount();
    return line;
}

Money ReturnJournal::refundFor(const ReceiptLine& sold, qint64 returnedBefore, qint64 qty)
{
    if (sold.qty <= 0)
        return {};
    // Worth of the first k units, rounded half-even; differences of it add up to the total.
    const qint64 total = sold.total().minor();
    auto worth = [&](qint64 units) { return divideHalfEven(total * units, sold.qty); };
    return Money::fromMinor(worth(returnedBefore + qty) - worth(returnedBefore));
}

Money ReturnJournal::refundTaxFor(const ReceiptLine& sold, qint64 returnedBefore, qint64 qty)
{
    if (sold.qty <= 0)
        return {};
    const qint64 tax = sold.tax().minor();
    auto share = [&](qint64 units) { return divideHalfEven(tax * units, sold.qty); };
    return Money::fromMinor(share(returnedBefore + qty) - share(returnedBefore));
}

RefundContent ReturnJournal::refundOf(const ReturnableSale& sale, const CompletedReturn& request,
                                      const QString& cashSession, Money total)
{
    RefundContent refund;
    refund.staff = request.staff;
    refund.approvedBy = request.approvedBy;
    refund.cashSession = cashSession;
    for (const ReturnRequestLine& line : request.lines) {
        const ReturnableLine* sold = findLine(sale, line.line);
        if (!sold)
            continue; // totalFor() refuses such a request first
        refund.lines.append(RefundEntry{line.line, sold->sold.sku, line.qty,
                                        refundFor(sold->sold, sold->returned, line.qty),
                                        refundTaxFor(sold->sold, sold->returned, line.qty)});
    }
    refund.payments = request.payments;
    refund.total = total;
    return refund;
}

Result<QString> ReturnJournal::openCashSession() const
{
    QSqlQuery query =
        m_store.prepare(QStringLiteral("SELECT id FROM cash_sessions WHERE closed_at IS NULL"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("find the open drawer"));
    return query.next() ? CashSession::wireId(m_terminal, query.value(0).toLongLong()) : QString();
}

Result<Money> ReturnJournal::totalFor(const ReturnableSale& sale,
                                      const QList<ReturnRequestLine>& lines)
{
    if (lines.isEmpty())
        return requestError(
            QStringLiteral("lines"),
            QCoreApplication::translate("ReturnJournal", "choose what is returned"));
    QSet<int> seen;
    Money total;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ReturnRequestLine& request = lines.at(i);
        const ReturnableLine* line = findLine(sale, request.line);
        if (!line)
            return requestError(linePath(i, "line"), QCoreApplication::translate(
                                                         "ReturnJournal", "sale %1 has no line %2")
                                                         .arg(sale.receipt)
                                                         .arg(request.line));
        if (seen.contains(request.line))
            return requestError(linePath(i, "line"), QCoreApplication::translate(
                                                         "ReturnJournal", "line %1 is named twice")
                                                         .arg(request.line));
        seen.insert(request.line);
        if (request.qty < 1 || request.qty > line->returnable())
            return requestError(linePath(i, "qty"),
                                QCoreApplication::translate("ReturnJournal",
                                                            "%1 of %2: %3 sold, %4 returned before")
                                    .arg(request.qty)
                                    .arg(line->sold.name)
                                    .arg(line->sold.qty)
                                    .arg(line->returned));
        total += refundFor(line->sold, line->returned, request.qty);
    }
    return total;
}

QList<Payment> ReturnJournal::toOriginalTender(const ReturnableSale& sale, Money total)
{
    const QString cash = QStringLiteral("cash");
    QList<Payment> back;
    Money left = total;
    for (const Payment& paid : sale.payments) {
        if (left <= Money() || paid.method == cash || paid.amount <= Money())
            continue;
        Money room = paid.amount;
        for (const Payment& before : sale.refundPayments) {
            if (before.method == paid.method && before.reference == paid.reference)
                room -= before.amount;
        }
        const Money amount = std::min(room, left);
        if (amount <= Money())
            continue;
        back.append(Payment{paid.method, amount, paid.reference});
        left -= amount;
    }
    if (left > Money())
        back.append(Payment{cash, left, QString()});
    return back;
}

Result<ReturnableSale> ReturnJournal::returnable(const QString& receipt) const
{
    QSqlQuery sale = m_store.prepare(
        QStringLiteral("SELECT location, at, (SELECT coalesce(sum(total), 0)"
                       " FROM refunds WHERE sale = ?) FROM sales WHERE receipt = ?"));
    sale.addBindValue(receipt);
    sale.addBindValue(receipt);
    if (!sale.exec())
        return LocalStore::sqlError(sale, QStringLiteral("read a sale"));
    if (!sale.next())
        return Error{QStringLiteral("receipt"),
                     QCoreApplication::translate("ReturnJournal", "no sale %1 on this terminal")
                         .arg(receipt),
                     ErrorCode::NotFound};
    ReturnableSale found;
    found.receipt = receipt;
    found.location = sale.value(0).toString();
    found.at = QDateTime::fromString(sale.value(1).toString(), Qt::ISODateWithMs);
    found.refunded = Money::fromMinor(sale.value(2).toLongLong());

    QSqlQuery lines = m_store.prepare(
        QStringLiteral("SELECT l.line, l.sku, l.name, l.qty, l.unit_price, l.discount, l.tax_rate,"
                       " (SELECT coalesce(sum(r.qty), 0) FROM refund_lines r"
                       "  WHERE r.sale = l.receipt AND r.line = l.line), l.unit, l.tax, l.total"
                       " FROM sale_lines l WHERE l.receipt = ? ORDER BY l.line"));
    lines.addBindValue(receipt);
    if (!lines.exec())
        return LocalStore::sqlError(lines, QStringLiteral("read a sale's lines"));
    while (lines.next()) {
        ReceiptLine sold{lines.value(1).toString(), lines.value(2).toString(),
                         lines.value(3).toLongLong(), Money::fromMinor(lines.value(4).toLongLong()),
                         Money::fromMinor(lines.value(5).toLongLong()),
                         TaxRate::fromMilliPercent(lines.value(6).toInt()), QString(),
                         // A measured line is returned in grams, worth its share of the net.
                         unitFromName(lines.value(8).toString()).value_or(Unit::Each)};
        found.lines.append(
            ReturnableLine{lines.value(0).toInt(),
                           asRecorded(sold, Money::fromMinor(lines.value(9).toLongLong()),
                                      Money::fromMinor(lines.value(10).toLongLong())),
                           lines.value(7).toLongLong()});
    }

    QSqlQuery payments = m_store.prepare(QStringLiteral(
        "SELECT method, amount, reference FROM sale_payments WHERE receipt = ? ORDER BY idx"));
    payments.addBindValue(receipt);
    if (!payments.exec())
        return LocalStore::sqlError(payments, QStringLiteral("read a sale's payments"));
    while (payments.next())
        found.payments.append(Payment{payments.value(0).toString(),
                                      Money::fromMinor(payments.value(1).toLongLong()),
                                      payments.value(2).toString()});

    QSqlQuery refunds = m_store.prepare(QStringLiteral(
        "SELECT p.method, p.amount, p.reference FROM refund_payments p"
        " JOIN refunds r ON r.refund = p.refund WHERE r.sale = ? ORDER BY r.at, p.refund, p.idx"));
    refunds.addBindValue(receipt);
    if (!refunds.exec())
        return LocalStore::sqlError(refunds, QStringLiteral("read a sale's refunds"));
    while (refunds.next())
        found.refundPayments.append(Payment{refunds.value(0).toString(),
                                            Money::fromMinor(refunds.value(1).toLongLong()),
                                            refunds.value(2).toString()});
    return found;
}

Result<RecordedReturn> ReturnJournal::record(const CompletedReturn& request)
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    // Read under the write lock: two refunds of one sale can never both take the last unit.
    const Result<ReturnableSale> sale = returnable(request.sale);
    if (!sale)
        return sale.error();
    return recordAgainst(tx, request, *sale);
}

Result<RecordedReturn> ReturnJournal::recordFromServer(const CompletedReturn& request,
                                                       ReturnableSale sale)
{
    if (!sale.fromServer || sale.receipt != request.sale)
        return requestError(QStringLiteral("sale"),
                            QStringLiteral("%1 is not the sale the server sent").arg(request.sale));
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    if (const Status added = addUnanswered(sale); !added)
        return added.error();
    return recordAgainst(tx, request, sale);
}

Status ReturnJournal::addUnanswered(ReturnableSale& sale) const
{
    QSqlQuery lines = m_store.prepare(QStringLiteral(
        "SELECT rl.line, sum(rl.qty), sum(rl.amount) FROM refund_lines rl"
        " JOIN refunds r ON r.refund = rl.refund JOIN outbox o ON o.seq = r.outbox_seq"
        " WHERE rl.sale = ? AND o.status = 'pending' GROUP BY rl.line"));
    lines.addBindValue(sale.receipt);
    if (!lines.exec())
        return LocalStore::sqlError(lines, QStringLiteral("read this till's unsent refunds"));
    while (lines.next()) {
        for (ReturnableLine& line : sale.lines) {
            if (line.line == lines.value(0).toInt())
                line.returned += lines.value(1).toLongLong();
        }
        sale.refunded += Money::fromMinor(lines.value(2).toLongLong());
    }
    QSqlQuery payments = m_store.prepare(QStringLiteral(
        "SELECT p.method, p.amount, p.reference FROM refund_payments p"
        " JOIN refunds r ON r.refund = p.refund JOIN outbox o ON o.seq = r.outbox_seq"
        " WHERE r.sale = ? AND o.status = 'pending' ORDER BY r.at, p.refund, p.idx"));
    payments.addBindValue(sale.receipt);
    if (!payments.exec())
        return LocalStore::sqlError(payments, QStringLiteral("read this till's unsent refunds"));
    while (payments.next())
        sale.refundPayments.append(Payment{payments.value(0).toString(),
                                           Money::fromMinor(payments.value(1).toLongLong()),
                                           payments.value(2).toString()});
    return success();
}

Result<RecordedReturn> ReturnJournal::recordAgainst(Transaction& tx, const CompletedReturn& request,
                                                    const ReturnableSale& sale)
{
    const Result<Money> total = totalFor(sale, request.lines);
    if (!total)
        return total.error();
    if (auto problem = checkPayments(request.payments, *total))
        return *problem;
    if (request.staff.size() > maxTextLength)
        return requestError(QStringLiteral("staff"), QStringLiteral("is too long"));

    if (const Status proven = ReceiptNumbers::checkProven(m_store, m_proofKey); !proven)
        return proven.error();
    const Result<qint64> number = m_store.nextCounter(tx, counterName);
    if (!number)
        return number.error();
    const Result<QString> refund = format(m_terminal, *number);
    if (!refund)
        return refund.error();

    const Result<QString> drawer = openCashSession();
    if (!drawer)
        return drawer.error();

    ReturnMutation body;
    body.returnId = *refund;
    body.location = request.location.isEmpty() ? sale.location : request.location;
    body.sale = sale.receipt;
    for (const ReturnRequestLine& line : request.lines)
        body.lines.append(ItemLine{findLine(sale, line.line)->sold.sku, line.qty});
    CompletedReturn attributed = request;
    // The refund's receipt names who paid the money back; a refund recorded with nobody
    // signed in (tools, tests) is the till's own.
    if (attributed.staff.trimmed().isEmpty())
        attributed.staff = m_terminal;
    body.refund = refundOf(sale, attributed, *drawer, *total);
    body.offline = request.offline;
    Mutation mutation;
    mutation.at = request.at.isValid() ? request.at.toUTC() : QDateTime::currentDateTimeUtc();
    mutation.body = body;
    const Result<Mutation> queued = m_outbox.append(tx, mutation);
    if (!queued)
        return queued.error();

    CompletedReturn stored = request;
    stored.location = body.location;
    Status written = insert(*refund, stored, sale, queued->at, queued->seq, *total);
    if (written)
        written = insertLines(*refund, stored, sale);
    if (written)
        written = insertPaymentRows(m_store, PaymentTable::Refund, *refund, stored.payments);
    if (written)
        written = tx.commit();
    if (!written)
        return written.error();
    return RecordedReturn{*refund, queued->seq, *total, queued->at};
}

Status ReturnJournal::insert(const QString& refund, const CompletedReturn& request,
                             const ReturnableSale& sale, const QDateTime& at, qint64 seq,
                             Money total) const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("INSERT INTO refunds (refund, sale, location, at, staff, total, outbox_seq)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(refund), QVariant(sale.receipt), QVariant(request.location),
          QVariant(isoUtc(at)), textValue(request.staff), QVariant(total.minor()), QVariant(seq)})
        query.addBindValue(value);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("record the refund"));
    return success();
}

Status ReturnJournal::insertLines(const QString& refund, const CompletedReturn& request,
                                  const ReturnableSale& sale) const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("INSERT INTO refund_lines (refund, sale, line, qty, amount, tax)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ReturnRequestLine& line : request.lines) {
        const ReturnableLine* sold = findLine(sale, line.line);
        const Money amount = refundFor(sold->sold, sold->returned, line.qty);
        const Money tax = refundTaxFor(sold->sold, sold->returned, line.qty);
        for (const QVariant& value :
             {QVariant(refund), QVariant(sale.receipt), QVariant(line.line), QVariant(line.qty),
              QVariant(amount.minor()), QVariant(tax.minor())})
            query.addBindValue(value);
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("record a refund line"));
    }
    return success();
}

Result<qint64> ReturnJournal::count() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT count(*) FROM refunds"));
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("count the refunds"));
    return query.value(0).toLongLong();
}

} // namespace stockline
