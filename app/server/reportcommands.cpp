// `stockline-server report`: a back-office report (sync/PROTOCOL.md, "Reports") as a table, the
// `answer`'s JSON, or CSV (RFC 4180; money in the store's units, "12.34").

#include "commandsupport.h"
#include "money.h"
#include "reportmessages.h"
#include "servercommands.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;
using namespace Qt::StringLiterals;

namespace {

QString cellText(const QJsonValue& value, const QString& type)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (type == "money"_L1)
        return Money::fromMinor(value.toInteger()).toString();
    if (type == "percent"_L1) // a tax rate keeps its digits: 8.875
        return QString::number(value.toDouble());
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

ReportRequest requestFrom(const QCommandLineParser& parser)
{
    QJsonObject o{{"request"_L1, QStringLiteral("cli")},
                  {"report"_L1, parser.value(QStringLiteral("report"))}};
    for (const char* key : {"by", "from", "to", "location"}) {
        if (parser.isSet(QLatin1StringView(key)))
            o.insert(QLatin1StringView(key), parser.value(QLatin1StringView(key)));
    }
    if (parser.isSet(QStringLiteral("limit")))
        o.insert("limit"_L1, parser.value(QStringLiteral("limit")).toLongLong());
    return decodeReportRequest(o);
}

void printCsv(const QJsonObject& report)
{
    const QJsonArray columns = report.value("columns"_L1).toArray();
    QStringList header;
    for (const QJsonValue& c : columns)
        header << csvCell(c.toObject().value("label"_L1).toString());
    out() << header.join(u',') << "\r\n";
    for (const QJsonValue& r : report.value("rows"_L1).toArray()) {
        QStringList cells;
        for (const QJsonValue& c : columns) {
            const QJsonObject column = c.toObject();
            cells << csvCell(cellText(r.toObject().value(column.value("key"_L1).toString()),
                                      column.value("type"_L1).toString()));
        }
        out() << cells.join(u',') << "\r\n";
    }
}

void printTable(const QJsonObject& report)
{
    const QJsonArray columns = report.value("columns"_L1).toArray();
    const QJsonArray rows = report.value("rows"_L1).toArray();
    QList<QStringList> cells;
    QStringList header;
    for (const QJsonValue& c : columns)
        header << c.toObject().value("label"_L1).toString();
    cells << header;
    const auto line = [&](const QJsonObject& row) {
        QStringList l;
        for (const QJsonValue& c : columns) {
            const QJsonObject column = c.toObject();
            l << cellText(row.value(column.value("key"_L1).toString()),
                          column.value("type"_L1).toString());
        }
        return l;
    };
    for (const QJsonValue& r : rows)
        cells << line(r.toObject());
    QList<int> widths(columns.size(), 0);
    for (const QStringList& l : std::as_const(cells)) {
        for (qsizetype i = 0; i < l.size(); ++i)
            widths[i] = std::max(widths.at(i), int(l.at(i).size()));
    }
    out() << report.value("report"_L1).toString() << ' ' << report.value("by"_L1).toString() << ' '
          << report.value("from"_L1).toString() << " to " << report.value("to"_L1).toString()
          << " (" << report.value("timeZone"_L1).toString() << ")\n";
    for (const QStringList& l : std::as_const(cells)) {
        QStringList padded;
        for (qsizetype i = 0; i < l.size(); ++i)
            padded << l.at(i).leftJustified(widths.at(i));
        out() << padded.join(QStringLiteral("  ")).trimmed() << '\n';
    }
    const QJsonObject totals = report.value("totals"_L1).toObject();
    QStringList t;
    for (auto it = totals.begin(); it != totals.end(); ++it) {
        QString type;
        for (const QJsonValue& c : columns) {
            if (c.toObject().value("key"_L1).toString() == it.key())
                type = c.toObject().value("type"_L1).toString();
        }
        t << it.key() + u' ' + cellText(it.value(), type);
    }
    out() << "totals: " << t.join(QStringLiteral(", ")) << '\n';
}

} // namespace

int ServerCommands::report(const QCommandLineParser& parser)
{
    const ReportRequest request = requestFrom(parser);
    if (request.invalid)
        return fail(
            QStringLiteral("--%1: %2").arg(request.invalid->field, request.invalid->message));
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto answer = store.value()->report(request, QDateTime::currentDateTimeUtc());
    if (!answer)
        return fail(answer.error());
    if (answer->notFound)
        return fail(
            QStringLiteral("--%1: %2").arg(answer->notFound->field, answer->notFound->message));
    const QJsonObject result = answer->object();
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
    else if (parser.isSet(QStringLiteral("csv")))
        printCsv(result);
    else
        printTable(result);
    out().flush();
    return 0;
}
