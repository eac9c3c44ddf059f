#include "fieldreader.h"
#include "protocol.h"
#include "wireformat.h"

#include <QJsonArray>
#include <QJsonObject>

// The money messages (extensions): a stored receipt (`receipt`) and the day report (`day`),
// both requests and answers. sync/PROTOCOL.md, "Receipts on the server".

namespace stockline::sync {

using namespace Qt::StringLiterals;
using namespace wire;

namespace {

using Reader = FieldReader;

constexpr auto dateFormat = Qt::ISODate; // "2026-12-07"

QJsonArray paymentsJson(const QList<Payment>& payments)
{
    QJsonArray array;
    for (const Payment& p : payments) {
        QJsonObject o{{"method"_L1, p.method}, {"amount"_L1, p.amount.minor()}};
        if (!p.reference.isEmpty())
            o.insert("reference"_L1, p.reference);
        array.append(o);
    }
    return array;
}

QList<Payment> readPayments(Reader& r)
{
    QList<Payment> payments;
    const QJsonArray array = r.optionalArray("payments"_L1);
    r.forEachObject("payments"_L1, array, [&payments](Reader& p) {
        Payment payment;
        payment.method = p.string("method"_L1);
        payment.amount = p.money("amount"_L1);
        payment.reference = p.optionalString("reference"_L1);
        payments.append(payment);
    });
    return payments;
}

QJsonObject lineJson(const StoredReceiptLine& line)
{
    const ReceiptEntry& e = line.entry;
    QJsonObject o{{"line"_L1, line.line},
                  {"sku"_L1, e.sku},
                  {"name"_L1, e.name},
                  {"qty"_L1, e.qty},
                  {"unit"_L1, QString(unitName(e.unit))},
                  {"unitPrice"_L1, e.unitPrice.minor()},
                  {"discount"_L1, e.discount.minor()},
                  {"taxRate"_L1, e.taxRate.milliPercent() / 1000.0},
                  {"tax"_L1, e.tax.minor()},
                  {"total"_L1, e.total.minor()},
                  {"refunded"_L1, line.refunded},
                  {"refundedAmount"_L1, line.refundedAmount.minor()}};
    if (e.listPrice)
        o.insert("listPrice"_L1, e.listPrice->minor());
    if (!e.approvedBy.isEmpty())
        o.insert("approvedBy"_L1, e.approvedBy);
    return o;
}

StoredReceiptLine readLine(Reader& r)
{
    StoredReceiptLine line;
    line.line = r.integer("line"_L1, 1, maxLinesPerMutation);
    ReceiptEntry& e = line.entry;
    e.sku = r.string("sku"_L1);
    e.name = r.string("name"_L1);
    e.qty = r.integer("qty"_L1);
    const std::optional<Unit> unit = unitFromName(r.optionalString("unit"_L1));
    if (r.has("unit"_L1) && !unit && r.ok())
        r.fail("unit"_L1, QStringLiteral("must be each, kg, l or m"));
    e.unit = unit.value_or(Unit::Each);
    e.unitPrice = r.money("unitPrice"_L1);
    e.discount = r.money("discount"_L1);
    e.taxRate = r.taxRate("taxRate"_L1);
    e.tax = r.money("tax"_L1);
    e.total = r.money("total"_L1);
    if (r.has("listPrice"_L1))
        e.listPrice = r.money("listPrice"_L1);
    e.approvedBy = r.optionalString("approvedBy"_L1);
    line.refunded = r.integer("refunded"_L1, 0);
    line.refundedAmount = r.money("refundedAmount"_L1);
    return line;
}

QJsonObject receiptJson(const StoredReceipt& receipt)
{
    QJsonArray lines;
    for (const StoredReceiptLine& line : receipt.lines)
        lines.append(lineJson(line));
    QJsonArray refunds;
    for (const StoredRefund& refund : receipt.refunds)
        refunds.append(QJsonObject{{"number"_L1, refund.number},
                                   {"terminal"_L1, refund.terminal},
                                   {"at"_L1, formatTime(refund.at)},
                                   {"total"_L1, refund.total.minor()},
                                   {"payments"_L1, paymentsJson(refund.payments)}});
    QJsonObject o{{"number"_L1, receipt.number},
                  {"kind"_L1, receipt.kind},
                  {"terminal"_L1, receipt.terminal},
                  {"location"_L1, receipt.location},
                  {"staff"_L1, receipt.staff},
                  {"at"_L1, formatTime(receipt.at)},
                  {"recordedAt"_L1, formatTime(receipt.recordedAt)},
                  {"offline"_L1, receipt.offline},
                  {"net"_L1, receipt.net.minor()},
                  {"tax"_L1, receipt.tax.minor()},
                  {"total"_L1, receipt.total.minor()},
                  {"lines"_L1, lines},
                  {"payments"_L1, paymentsJson(receipt.payments)},
                  {"refunds"_L1, refunds}};
    if (!receipt.cashSession.isEmpty())
        o.insert("cashSession"_L1, receipt.cashSession);
    return o;
}

StoredRefund readRefund(Reader& r)
{
    StoredRefund refund;
    refund.number = r.id("number"_L1);
    refund.terminal = r.string("terminal"_L1);
    refund.at = r.time("at"_L1);
    refund.total = r.money("total"_L1);
    refund.payments = readPayments(r);
    return refund;
}

StoredReceipt readReceipt(Reader& r)
{
    StoredReceipt receipt;
    receipt.number = r.id("number"_L1);
    receipt.kind = r.string("kind"_L1);
    receipt.terminal = r.string("terminal"_L1);
    receipt.location = r.string("location"_L1);
    receipt.staff = r.optionalString("staff"_L1);
    receipt.cashSession = r.optionalString("cashSession"_L1);
    receipt.at = r.time("at"_L1);
    receipt.recordedAt = r.time("recordedAt"_L1);
    receipt.offline = r.optionalBoolean("offline"_L1);
    receipt.net = r.money("net"_L1);
    receipt.tax = r.money("tax"_L1);
    receipt.total = r.money("total"_L1);
    const QJsonArray lines = r.array("lines"_L1);
    r.forEachObject("lines"_L1, lines,
                    [&receipt](Reader& line) { receipt.lines.append(readLine(line)); });
    receipt.payments = readPayments(r);
    const QJsonArray refunds = r.optionalArray("refunds"_L1);
    r.forEachObject("refunds"_L1, refunds,
                    [&receipt](Reader& refund) { receipt.refunds.append(readRefund(refund)); });
    return receipt;
}

// The code and message of a refused answer.
void insertRefusal(QJsonObject& o, const QString& code, const QString& message)
{
    o.insert("code"_L1, code);
    o.insert("message"_L1, message);
}

} // namespace

namespace wire {

std::optional<QDate> parseDate(const QString& text)
{
    const QDate date = QDate::fromString(text, dateFormat);
    if (!date.isValid() || text.size() != 10)
        return std::nullopt;
    return date;
}

QDate readDate(Reader& r, QLatin1StringView key)
{
    const QString text = r.string(key);
    const std::optional<QDate> date = parseDate(text);
    if (!date && r.ok())
        r.fail(key, QStringLiteral("must be a date such as 2026-12-07"));
    return date.value_or(QDate());
}

ServerMessage readReceiptReply(Reader& r)
{
    ReceiptReply reply;
    reply.request = r.id("request"_L1);
    reply.number = r.string("number"_L1);
    reply.code = r.optionalString("code"_L1);
    reply.message = r.optionalString("message"_L1);
    if (reply.code.isEmpty() && r.ok()) {
        const QJsonObject object = r.object("receipt"_L1);
        Reader receipt(object, r, "receipt"_L1);
        reply.receipt = readReceipt(receipt);
    }
    return reply;
}

ServerMessage readDayReply(Reader& r)
{
    DayReply reply;
    reply.request = r.id("request"_L1);
    reply.date = readDate(r, "date"_L1);
    reply.code = r.optionalString("code"_L1);
    reply.message = r.optionalString("message"_L1);
    if (reply.code.isEmpty())
        reply.report = r.object("report"_L1);
    return reply;
}

} // namespace wire

QByteArray encode(const ReceiptRequest& request)
{
    return toFrame(QJsonObject{{"type"_L1, QStringLiteral("receipt")},
                               {"request"_L1, request.request},
                               {"number"_L1, request.number}});
}

QByteArray encode(const DayRequest& request)
{
    return toFrame(QJsonObject{{"type"_L1, QStringLiteral("day")},
                               {"request"_L1, request.request},
                               {"date"_L1, request.date.toString(dateFormat)}});
}

QByteArray encode(const ReceiptReply& reply)
{
    QJsonObject o{{"type"_L1, QStringLiteral("receipt")},
                  {"request"_L1, reply.request},
                  {"number"_L1, reply.number}};
    if (!reply.code.isEmpty())
        insertRefusal(o, reply.code, reply.message);
    else if (reply.receipt)
        o.insert("receipt"_L1, receiptJson(*reply.receipt));
    return toFrame(o);
}

QByteArray encode(const DayReply& reply)
{
    QJsonObject o{{"type"_L1, QStringLiteral("day")},
                  {"request"_L1, reply.request},
                  {"date"_L1, reply.date.toString(dateFormat)}};
    if (!reply.code.isEmpty())
        insertRefusal(o, reply.code, reply.message);
    else
        o.insert("report"_L1, reply.report);
    return toFrame(o);
}

} // namespace stockline::sync
