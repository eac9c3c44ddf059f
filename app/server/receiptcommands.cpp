// stockline-server's money commands: `receipt show` (a stored receipt, for IT) and `day report`
// (the store's day; the same object a manager's `day` request gets).

#include "commandsupport.h"
#include "servercommands.h"
#include "serverstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;

namespace {

QString money(qint64 minor)
{
    return Money::fromMinor(minor).toString();
}

QString moneyField(const QJsonObject& o, const char* key)
{
    return money(o.value(QLatin1StringView(key)).toInteger());
}

void printReceipt(const StoredReceipt& r)
{
    out() << r.kind << ' ' << r.number << " from " << r.terminal << " at " << r.location
          << ", staff " << (r.staff.isEmpty() ? QStringLiteral("-") : r.staff) << '\n'
          << "till time " << r.at.toString(Qt::ISODateWithMs) << ", recorded "
          << r.recordedAt.toString(Qt::ISODateWithMs) << (r.offline ? ", offline" : "")
          << (r.cashSession.isEmpty() ? QString() : QStringLiteral(", drawer ") + r.cashSession)
          << '\n';
    out() << padded(QStringLiteral("line"), 6) << padded(QStringLiteral("sku"), 14)
          << padded(QStringLiteral("name"), 24) << "     qty   price  discount     tax   total"
          << "  refunded\n";
    for (const StoredReceiptLine& l : r.lines) {
        const ReceiptEntry& e = l.entry;
        out() << padded(QString::number(l.line), 6) << padded(e.sku, 14) << padded(e.name, 24)
              << QString::number(e.qty).rightJustified(8)
              << e.unitPrice.toString().rightJustified(8)
              << e.discount.toString().rightJustified(10) << e.tax.toString().rightJustified(8)
              << e.total.toString().rightJustified(8)
              << QStringLiteral("%1 (%2)")
                     .arg(l.refunded)
                     .arg(l.refundedAmount.toString())
                     .rightJustified(10)
              << '\n';
    }
    out() << "net " << r.net.toString() << "  tax " << r.tax.toString() << "  total "
          << r.total.toString() << '\n';
    for (const Payment& p : r.payments)
        out() << "paid " << padded(p.method, 10) << p.amount.toString().rightJustified(10) << ' '
              << p.reference << '\n';
    for (const StoredRefund& refund : r.refunds)
        out() << "refunded by " << refund.number << " at " << refund.terminal << ' '
              << refund.at.toString(Qt::ISODateWithMs) << ": " << refund.total.toString() << '\n';
}

void printDay(const QJsonObject& r)
{
    const QJsonObject sales = r.value(QLatin1StringView("sales")).toObject();
    const QJsonObject refunds = r.value(QLatin1StringView("refunds")).toObject();
    out() << "day " << r.value(QLatin1StringView("date")).toString() << " ("
          << r.value(QLatin1StringView("timeZone")).toString() << ", by the tills' time)\n"
          << "sales   " << sales.value(QLatin1StringView("count")).toInteger() << "  net "
          << moneyField(sales, "net") << "  tax " << moneyField(sales, "tax") << "  total "
          << moneyField(sales, "total") << '\n'
          << "refunds " << refunds.value(QLatin1StringView("count")).toInteger() << "  tax "
          << moneyField(refunds, "tax") << "  total " << moneyField(refunds, "total") << "\n\n";
    out() << padded(QStringLiteral("till"), 14) << "   sales       total  refunds       total"
          << "  last seen\n";
    for (const QJsonValue& v : r.value(QLatin1StringView("tills")).toArray()) {
        const QJsonObject t = v.toObject();
        out()
            << padded(t.value(QLatin1StringView("terminal")).toString(), 14)
            << QString::number(t.value(QLatin1StringView("sales")).toInteger()).rightJustified(8)
            << moneyField(t, "salesTotal").rightJustified(12)
            << QString::number(t.value(QLatin1StringView("refunds")).toInteger()).rightJustified(9)
            << moneyField(t, "refundsTotal").rightJustified(12) << "  "
            << t.value(QLatin1StringView("lastSeen")).toString() << '\n';
    }
    out() << '\n' << padded(QStringLiteral("tender"), 14) << "       sales     refunds\n";
    for (const QJsonValue& v : r.value(QLatin1StringView("tenders")).toArray()) {
        const QJsonObject t = v.toObject();
        out() << padded(t.value(QLatin1StringView("method")).toString(), 14)
              << moneyField(t, "sales").rightJustified(12)
              << moneyField(t, "refunds").rightJustified(12) << '\n';
    }
    out() << '\n' << padded(QStringLiteral("tax rate %"), 14) << "         net         tax\n";
    for (const QJsonValue& v : r.value(QLatin1StringView("taxRates")).toArray()) {
        const QJsonObject t = v.toObject();
        out() << padded(QString::number(t.value(QLatin1StringView("rate")).toDouble()), 14)
              << moneyField(t, "net").rightJustified(12) << moneyField(t, "tax").rightJustified(12)
              << '\n';
    }
    out() << "\ndrawers:\n";
    for (const QJsonValue& v : r.value(QLatin1StringView("drawers")).toArray()) {
        const QJsonObject d = v.toObject();
        out() << "  " << padded(d.value(QLatin1StringView("session")).toString(), 18)
              << "opened by " << d.value(QLatin1StringView("openedBy")).toString()
              << (d.value(QLatin1StringView("openedElsewhere")).toBool()
                      ? QStringLiteral(" (its opening never reached the server)")
                      : QString())
              << ", float " << moneyField(d, "float") << ", expected " << moneyField(d, "expected");
        if (d.value(QLatin1StringView("open")).toBool())
            out() << ", STILL OPEN\n";
        else
            out() << ", counted " << moneyField(d, "counted") << ", over/short "
                  << moneyField(d, "overShort") << '\n';
    }
    const QJsonArray quiet = r.value(QLatin1StringView("notHeardSince")).toArray();
    if (!quiet.isEmpty())
        out() << "\nthese tills were last heard from before the day ended, so they may still "
                 "hold sales of it:\n";
    for (const QJsonValue& v : quiet)
        out() << "  " << padded(v.toObject().value(QLatin1StringView("terminal")).toString(), 14)
              << v.toObject().value(QLatin1StringView("lastSeen")).toString(QStringLiteral("never"))
              << '\n';
    const QJsonArray exceptions = r.value(QLatin1StringView("refundExceptions")).toArray();
    if (!exceptions.isEmpty())
        out() << "\nrefund exceptions (offline refunds beyond what was left of the sale):\n";
    for (const QJsonValue& v : exceptions) {
        const QJsonObject e = v.toObject();
        out() << "  " << e.value(QLatin1StringView("refund")).toString() << " of "
              << e.value(QLatin1StringView("sale")).toString() << " line "
              << e.value(QLatin1StringView("line")).toInteger() << ": "
              << e.value(QLatin1StringView("qty")).toInteger() << " units, "
              << moneyField(e, "amount") << '\n';
    }
}

} // namespace

int ServerCommands::showReceipt(const QCommandLineParser& parser)
{
    const QString number = parser.positionalArguments().value(0);
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto receipt = store.value()->receipt(number);
    if (!receipt)
        return fail(receipt.error());
    if (!receipt->has_value())
        return fail(QStringLiteral("number: there is no receipt %1").arg(number));
    if (parser.isSet(QStringLiteral("json"))) {
        // The object a till's `receipt` request gets.
        const QJsonObject reply =
            QJsonDocument::fromJson(encode(ReceiptReply{{}, number, {}, {}, **receipt})).object();
        out() << QJsonDocument(reply.value(QLatin1StringView("receipt")).toObject())
                     .toJson(QJsonDocument::Indented);
    } else {
        printReceipt(**receipt);
    }
    out().flush();
    return 0;
}

int ServerCommands::dayReport(const QCommandLineParser& parser)
{
    const QString text = parser.value(QStringLiteral("date"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !date.isValid())
        return fail(QStringLiteral("--date: '%1' is not a date; write it as YYYY-MM-DD").arg(text));
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto report = store.value()->dayReport(date, QDateTime::currentDateTimeUtc());
    if (!report)
        return fail(report.error());
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(*report).toJson(QJsonDocument::Indented);
    else
        printDay(*report);
    out().flush();
    return 0;
}
