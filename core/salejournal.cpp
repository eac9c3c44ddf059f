#include "salejournal.h"

#include "cashsession.h"
#include "isotime.h"
#include "localstore.h"
#include "paymentrows.h"
#include "receiptnumbers.h"

#include <QCoreApplication>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace stockline {

namespace {

constexpr int maxTaxMilliPercent = 100'000;

QString indexed(const char* list, qsizetype index, const char* field)
{
    return QStringLiteral("%1[%2].%3")
        .arg(QLatin1String(list))
        .arg(index)
        .arg(QLatin1String(field));
}

std::optional<Error> checkLine(qsizetype i, const ReceiptLine& line)
{
    if (auto e = checkId(indexed("lines", i, "sku"), line.sku))
        return e;
    if (auto e = checkLength(indexed("lines", i, "name"), line.name))
        return e;
    if (auto e = checkRange(indexed("lines", i, "qty"), line.qty, 1, maxQuantity))
        return e;
    if (auto e =
            checkRange(indexed("lines", i, "unitPrice"), line.unitPrice.minor(), 0, maxMoneyMinor))
        return e;
    const qint64 gross = line.gross().minor();
    if (auto e = checkRange(indexed("lines", i, "discount"), line.discount.minor(), 0, gross))
        return e;
    if (line.net().minor() > maxMoneyMinor)
        return Error{
            indexed("lines", i, "net"),
            QStringLiteral("%1 is more than one line may come to").arg(line.net().toString())};
    if (auto e = checkRange(indexed("lines", i, "taxRate"), line.taxRate.milliPercent(), 0,
                            maxTaxMilliPercent))
        return e;
    if (!line.reservation.isEmpty())
        return checkId(indexed("lines", i, "reservation"), line.reservation);
    return std::nullopt;
}

std::optional<Error> checkReservationsDistinct(const QList<ReceiptLine>& lines)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (!lines.at(i).reservation.isEmpty() &&
                lines.at(i).reservation == lines.at(j).reservation)
                return Error{indexed("lines", i, "reservation"),
                             QStringLiteral("names the same reservation as lines[%1]").arg(j)};
        }
    }
    return std::nullopt;
}

// A negative amount is change given back in that method, as on the wire.
std::optional<Error> checkPayment(qsizetype i, const Payment& payment)
{
    if (auto e = checkId(indexed("payments", i, "method"), payment.method))
        return e;
    if (auto e = checkRange(indexed("payments", i, "amount"), payment.amount.minor(),
                            -maxMoneyMinor, maxMoneyMinor))
        return e;
    if (payment.amount == Money())
        return Error{indexed("payments", i, "amount"), QStringLiteral("is zero")};
    return checkText(indexed("payments", i, "reference"), payment.reference);
}

std::optional<Error> checkPaid(const QList<Payment>& payments, Money total)
{
    Money paid;
    for (const Payment& payment : payments)
        paid += payment.amount;
    if (paid < total)
        return Error{QStringLiteral("payments"),
                     QStringLiteral("%1 paid does not cover the total of %2")
                         .arg(paid.toString(), total.toString())};
    if (paid > total)
        return Error{QStringLiteral("payments"),
                     QStringLiteral("%1 paid is more than the total of %2: record the change "
                                    "given as a negative payment")
                         .arg(paid.toString(), total.toString())};
    return std::nullopt;
}

// A null QString binds as SQL NULL; the optional text columns hold '' for "none".

QString timeText(const QDateTime& at)
{
    return isoUtc(at);
}

} // namespace

SaleJournal::SaleJournal(const LocalStore& store, Outbox& outbox, const ReceiptNumbers& numbers)
    : m_store(store), m_outbox(outbox), m_numbers(numbers)
{
}

std::optional<Error> SaleJournal::check(const CompletedSale& sale)
{
    if (auto e = checkId(QStringLiteral("location"), sale.location))
        return e;
    if (auto e = checkText(QStringLiteral("staff"), sale.staff))
        return e;
    if (sale.lines.isEmpty())
        return Error{QStringLiteral("lines"), QStringLiteral("a sale needs at least one line")};
    if (auto e = checkRange(QStringLiteral("lines"), sale.lines.size(), 1, maxLinesPerMutation))
        return e;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        if (auto e = checkLine(i, sale.lines.at(i)))
            return e;
    }
    if (auto e = checkReservationsDistinct(sale.lines))
        return e;
    if (wireLines(sale.lines).size() > maxLinesPerMutation)
        return Error{QStringLiteral("lines"),
                     QStringLiteral("too many lines: discounted lines are sent as two, and the "
                                    "server takes at most %1")
                         .arg(maxLinesPerMutation)};
    if (auto e =
            checkRange(QStringLiteral("payments"), sale.payments.size(), 0, maxLinesPerMutation))
        return e;
    for (qsizetype i = 0; i < sale.payments.size(); ++i) {
        if (auto e = checkPayment(i, sale.payments.at(i)))
            return e;
    }
    return checkPaid(sale.payments, totalsOf(sale.lines).total);
}

QList<SaleLine> SaleJournal::wireLines(const QList<ReceiptLine>& lines)
{
    QList<SaleLine> wire;
    wire.reserve(lines.size());
    for (const ReceiptLine& line : lines) {
        if (line.qty <= 0)
            continue; // check() refuses such a line; never divide by zero for it
        if (isMeasured(line.unit)) {
            // Grams at a price per kg: no price per gram in minor units exists; see above.
            wire.append(SaleLine{line.sku, line.qty, line.unitPrice, line.reservation});
            continue;
        }
        const qint64 net = line.net().minor();
        const qint64 unit = net / line.qty;
        const qint64 remainder = net % line.qty;
        if (remainder > 0 && !line.reservation.isEmpty()) {
            wire.append(SaleLine{line.sku, line.qty,
                                 Money::fromMinor(divideHalfEven(net, line.qty)),
                                 line.reservation});
            continue;
        }
        if (remainder > 0)
            wire.append(
                SaleLine{line.sku, remainder, Money::fromMinor(unit + 1), line.reservation});
        wire.append(
            SaleLine{line.sku, line.qty - remainder, Money::fromMinor(unit), line.reservation});
    }
    return wire;
}

ReceiptContent SaleJournal::receiptOf(const CompletedSale& sale, const QString& cashSession)
{
    ReceiptContent receipt;
    receipt.cashSession = cashSession;
    for (const ReceiptLine& line : sale.lines) {
        receipt.taxRule.pricesIncludeTax |= line.taxIncluded;
        if (line.taxShare)
            receipt.taxRule.rounding = TaxRounding::Receipt;
    }
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const ReceiptLine& line = sale.lines.at(i);
        ReceiptEntry entry{line.sku,       line.name,     line.qty,     line.unit,
                           line.unitPrice, line.discount, line.taxRate, line.tax(),
                           line.total(),   std::nullopt,  QString()};
        if (i < sale.approvals.size()) {
            entry.listPrice = sale.approvals.at(i).listPrice;
            entry.approvedBy = sale.approvals.at(i).approvedBy;
        }
        receipt.lines.append(entry);
    }
    const ReceiptTotals totals = totalsOf(sale.lines);
    receipt.net = totals.net;
    receipt.tax = totals.tax;
    receipt.total = totals.total;
    return receipt;
}

Result<QString> SaleJournal::openCashSession() const
{
    QSqlQuery query =
        m_store.prepare(QStringLiteral("SELECT id FROM cash_sessions WHERE closed_at IS NULL"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("find the open drawer"));
    return query.next() ? CashSession::wireId(m_numbers.terminal(), query.value(0).toLongLong())
                        : QString();
}

Result<std::optional<ReceiptContent>> SaleJournal::queuedReceipt(qint64 seq) const
{
    const Result<OutboxEntry> entry = m_outbox.entry(seq);
    if (!entry)
        return entry.error();
    const Result<Mutation> queued = Mutation::fromJson(entry->payload);
    if (!queued)
        return queued.error();
    const auto* sale = std::get_if<SaleMutation>(&queued->body);
    if (!sale)
        return Error{QStringLiteral("receipt"),
                     QStringLiteral("outbox entry %1 is not a sale").arg(seq)};
    return sale->receipt;
}

Result<RecordedSale> SaleJournal::record(const CompletedSale& sale)
{
    if (auto problem = check(sale))
        return *problem;
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    // First: an unproven till's catalog may be empty too, and this is what the clerk must do.
    if (const Status proven = m_numbers.proven(); !proven)
        return proven.error();
    if (const Status known = checkProductsKnown(sale.lines); !known)
        return known.error();

    const Result<QString> receipt = m_numbers.next(tx);
    if (!receipt)
        return receipt.error();
    const Result<QString> drawer = openCashSession();
    if (!drawer)
        return drawer.error();
    const QDateTime at = sale.at.isValid() ? sale.at.toUTC() : QDateTime::currentDateTimeUtc();
    Mutation mutation;
    mutation.at = at;
    mutation.body =
        SaleMutation{*receipt,     sale.location, wireLines(sale.lines),   sale.payments,
                     sale.offline, sale.staff,    receiptOf(sale, *drawer)};
    const Result<Mutation> queued = m_outbox.append(tx, mutation);
    if (!queued)
        return queued.error();

    Status written = insertSale(*receipt, sale, at, queued->seq);
    if (written)
        written = insertLines(*receipt, sale.lines);
    if (written)
        written = insertPaymentRows(m_store, PaymentTable::Sale, *receipt, sale.payments);
    if (written)
        written = tx.commit();
    if (!written)
        return written.error();
    return RecordedSale{*receipt, queued->seq, totalsOf(sale.lines), at};
}

Status SaleJournal::checkProductsKnown(const QList<ReceiptLine>& lines) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT 1 FROM products WHERE sku = ?"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        query.addBindValue(lines.at(i).sku);
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("look up a product"));
        const bool known = query.next();
        query.finish();
        if (!known)
            return Error{indexed("lines", i, "sku"),
                         QCoreApplication::translate("SaleJournal", "'%1' is not in the catalog")
                             .arg(lines.at(i).sku)};
    }
    return success();
}

Status SaleJournal::insertSale(const QString& receipt, const CompletedSale& sale,
                               const QDateTime& at, qint64 seq) const
{
    const ReceiptTotals totals = totalsOf(sale.lines);
    QSqlQuery query = m_store.prepare(
        QStringLiteral("INSERT INTO sales (receipt, location, at, staff, net, tax, total, offline,"
                       " outbox_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(receipt), QVariant(sale.location), QVariant(timeText(at)), textValue(sale.staff),
          QVariant(totals.net.minor()), QVariant(totals.tax.minor()),
          QVariant(totals.total.minor()), QVariant(sale.offline ? 1 : 0), QVariant(seq)})
        query.addBindValue(value);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("record the sale"));
    return success();
}

Status SaleJournal::insertLines(const QString& receipt, const QList<ReceiptLine>& lines) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "INSERT INTO sale_lines (receipt, line, sku, name, qty, unit_price, discount, tax_rate,"
        " tax, total, reservation, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ReceiptLine& line = lines.at(i);
        for (const QVariant& value :
             {QVariant(receipt), QVariant(static_cast<qint64>(i + 1)), QVariant(line.sku),
              textValue(line.name), QVariant(line.qty), QVariant(line.unitPrice.minor()),
              QVariant(line.discount.minor()), QVariant(line.taxRate.milliPercent()),
              QVariant(line.tax().minor()), QVariant(line.total().minor()),
              textValue(line.reservation), QVariant(QString(unitName(line.unit)))})
            query.addBindValue(value);
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("record a sale line"));
    }
    return success();
}

Result<StoredSale> SaleJournal::find(const QString& receipt) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT s.location, s.at, s.staff, s.net, s.tax, s.total, s.offline, s.outbox_seq,"
        " o.status FROM sales s JOIN outbox o ON o.seq = s.outbox_seq WHERE s.receipt = ?"));
    query.addBindValue(receipt);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read a sale"));
    if (!query.next())
        return Error{QStringLiteral("receipt"), QStringLiteral("no sale %1").arg(receipt),
                     ErrorCode::NotFound};
    StoredSale sale;
    sale.receipt = receipt;
    sale.location = query.value(0).toString();
    sale.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    sale.staff = query.value(2).toString();
    sale.totals = ReceiptTotals{Money::fromMinor(query.value(3).toLongLong()),
                                Money::fromMinor(query.value(4).toLongLong()),
                                Money::fromMinor(query.value(5).toLongLong())};
    sale.offline = query.value(6).toBool();
    sale.seq = query.value(7).toLongLong();
    const QString status = query.value(8).toString();
    sale.syncStatus = status == QLatin1String("applied")    ? OutboxEntry::Status::Applied
                      : status == QLatin1String("rejected") ? OutboxEntry::Status::Rejected
                                                            : OutboxEntry::Status::Pending;

    QSqlQuery lines = m_store.prepare(
        QStringLiteral("SELECT sku, name, qty, unit_price, discount, tax_rate, reservation, unit"
                       " FROM sale_lines WHERE receipt = ? ORDER BY line"));
    lines.addBindValue(receipt);
    if (!lines.exec())
        return LocalStore::sqlError(lines, QStringLiteral("read a sale's lines"));
    while (lines.next())
        sale.lines.append(ReceiptLine{
            lines.value(0).toString(), lines.value(1).toString(), lines.value(2).toLongLong(),
            Money::fromMinor(lines.value(3).toLongLong()),
            Money::fromMinor(lines.value(4).toLongLong()),
            TaxRate::fromMilliPercent(lines.value(5).toInt()), lines.value(6).toString(),
            unitFromName(lines.value(7).toString()).value_or(Unit::Each)});

    QSqlQuery payments = m_store.prepare(QStringLiteral(
        "SELECT method, amount, reference FROM sale_payments WHERE receipt = ? ORDER BY idx"));
    payments.addBindValue(receipt);
    if (!payments.exec())
        return LocalStore::sqlError(payments, QStringLiteral("read a sale's payments"));
    while (payments.next())
        sale.payments.append(Payment{payments.value(0).toString(),
                                     Money::fromMinor(payments.value(1).toLongLong()),
                                     payments.value(2).toString()});
    return sale;
}

Result<qint64> SaleJournal::count() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT count(*) FROM sales"));
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("count the sales"));
    return query.value(0).toLongLong();
}

Result<QStringList> SaleJournal::refusedForStock() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT s.receipt, o.result FROM sales s JOIN outbox o ON o.seq = s.outbox_seq"
        " WHERE o.status = 'rejected' ORDER BY o.seq"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("look for refused sales"));
    QStringList receipts;
    while (query.next()) {
        const QJsonObject result =
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
        if (result.value(QLatin1String("code")).toString() == QLatin1String("insufficient_stock"))
            receipts.append(query.value(0).toString());
    }
    return receipts;
}

Result<qint64> SaleJournal::resendOffline(const QString& receipt)
{
    Result<StoredSale> stored = find(receipt);
    if (!stored)
        return stored.error();
    QList<ReceiptLine> lines = stored->lines;
    for (ReceiptLine& line : lines)
        line.reservation.clear();
    // The server compares the receipt by content: it must go again exactly as first sent.
    const Result<std::optional<ReceiptContent>> sent = queuedReceipt(stored->seq);
    if (!sent)
        return sent.error();
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    Mutation mutation;
    mutation.at = stored->at;
    mutation.body = SaleMutation{
        receipt, stored->location, wireLines(lines), stored->payments, true, stored->staff, *sent};
    const Result<Mutation> queued = m_outbox.append(tx, mutation);
    if (!queued)
        return queued.error();
    QSqlQuery point = m_store.prepare(
        QStringLiteral("UPDATE sales SET outbox_seq = ?, offline = 1 WHERE receipt = ?"));
    point.addBindValue(queued->seq);
    point.addBindValue(receipt);
    if (!point.exec())
        return LocalStore::sqlError(point, QStringLiteral("point the sale at its new entry"));
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return queued->seq;
}

} // namespace stockline
