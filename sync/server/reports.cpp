// The `report` request and `stockline-server report` (sync/PROTOCOL.md, "Reports"): the
// request's range in the server's time zone, one read snapshot, the report's table.

#include "reportqueries.h"
#include "sqlserverstore_p.h"

#include <QJsonDocument>
#include <QLocale>
#include <cmath>

namespace stockline::sync {

using namespace sqlstore;

namespace sqlstore {

void ReportTable::column(const QString& key, const QString& label, const QString& type)
{
    columns.append(QJsonObject{{QStringLiteral("key"), key},
                               {QStringLiteral("label"), label},
                               {QStringLiteral("type"), type}});
}

namespace {

// A JSON string: `"`, `\\` and control characters escaped, the rest as UTF-8.
void appendString(QByteArray& out, const QString& s)
{
    out += '"';
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c >= 0 && c < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[c >> 4];
            out += "0123456789abcdef"[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace

void ReportCell::appendJson(QByteArray& out) const
{
    if (const qint64* i = std::get_if<qint64>(&m_value))
        out += QByteArray::number(*i);
    else if (const double* d = std::get_if<double>(&m_value))
        out += std::isfinite(*d) ? QByteArray::number(*d, 'g', QLocale::FloatingPointShortest)
                                 : QByteArrayLiteral("null"); // as QJsonDocument writes it
    else
        appendString(out, std::get<QString>(m_value));
}

QJsonValue ReportCell::toJson() const
{
    if (const qint64* i = std::get_if<qint64>(&m_value))
        return *i;
    if (const double* d = std::get_if<double>(&m_value))
        return *d;
    return std::get<QString>(m_value);
}

ReportRow::ReportRow(std::initializer_list<std::pair<QString, ReportCell>> cells) : m_cells(cells)
{
}

void ReportRow::insert(const QString& key, ReportCell value)
{
    for (auto& [k, v] : m_cells) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    m_cells.append({key, std::move(value)});
}

void ReportRow::appendJson(QByteArray& out) const
{
    out += '{';
    for (qsizetype i = 0; i < m_cells.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, m_cells[i].first);
        out += ':';
        m_cells[i].second.appendJson(out);
    }
    out += '}';
}

QJsonObject ReportRow::toJson() const
{
    QJsonObject o;
    for (const auto& [k, v] : m_cells)
        o.insert(k, v.toJson());
    return o;
}

QByteArray ReportTable::rowsJson() const
{
    QByteArray out;
    out.reserve(rows.size() * 200 + 2);
    out += '[';
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0)
            out += ',';
        rows[i].appendJson(out);
    }
    out += ']';
    return out;
}

qint64 dayKey(const QDate& date)
{
    return (qint64(date.year()) * 100 + date.month()) * 100 + date.day();
}

QDate dateOfKey(qint64 day)
{
    return QDate(int(day / 10000), int(day / 100 % 100), int(day % 100));
}

// One decimal: 23.5 (%).
double percentOf(qint64 part, qint64 whole)
{
    if (whole == 0)
        return 0;
    return std::round(double(part) * 1000.0 / double(whole)) / 10.0;
}

ReportQueries::ReportQueries(QSqlDatabase db, const ReportRequest& request, const QDateTime& now)
    : m_db(std::move(db)), m_request(request), m_now(now), m_zone(QTimeZone::systemTimeZone())
{
    m_fromMs = ms(request.from);
    m_toMs = ms(request.to.addDays(1));
    m_fromDay = dayKey(request.from);
    m_toDay = dayKey(request.to);
}

qint64 ReportQueries::ms(const QDate& date) const
{
    return QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

Status ReportQueries::rows(const QString& sql, const QVariantList& values, const QString& what,
                           const std::function<void(const QSqlQuery&)>& read)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(q, QStringLiteral("prepare to ") + what);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return storageError(q, what);
    while (q.next())
        read(q);
    return success();
}

QString ReportQueries::atLocation(const QString& column, QVariantList& values) const
{
    if (m_request.location.isEmpty())
        return QString();
    values << m_request.location;
    return QStringLiteral(" AND %1 = ?").arg(column);
}

Result<ReportTable> ReportQueries::run()
{
    const QString& r = m_request.report;
    if (r == QLatin1StringView("sales"))
        return sales();
    if (r == QLatin1StringView("tax"))
        return tax();
    if (r == QLatin1StringView("margins"))
        return margins();
    if (r == QLatin1StringView("refunds"))
        return refunds();
    if (r == QLatin1StringView("discounts"))
        return lineEvents(false);
    if (r == QLatin1StringView("overrides"))
        return lineEvents(true);
    if (r == QLatin1StringView("approvals"))
        return approvals();
    if (r == QLatin1StringView("cash"))
        return cash();
    if (r == QLatin1StringView("shrinkage"))
        return shrinkage();
    return today();
}

} // namespace sqlstore

Result<ReportAnswer> SqlServerStore::report(const ReportRequest& request, const QDateTime& now)
{
    ReportAnswer answer;
    if (!request.location.isEmpty()) {
        const Result<bool> known = locationExists(request.location);
        if (!known)
            return known.error();
        if (!*known) {
            answer.notFound =
                Error{QStringLiteral("location"),
                      QStringLiteral("there is no location %1").arg(request.location)};
            return answer;
        }
    }
    // `today` is the server's day whatever the range asked.
    ReportRequest q = request;
    if (q.report == QLatin1StringView("today")) {
        q.from = now.toTimeZone(QTimeZone::systemTimeZone()).date();
        q.to = q.from;
    }
    QSqlQuery begin = newQuery();
    if (!begin.exec(m_config.dialect.beginRead))
        return storageError(begin, QStringLiteral("begin a read"));
    ReportQueries queries(QSqlDatabase::database(m_connectionName, false), q, now);
    Result<ReportTable> table = queries.run();
    begin.exec(QStringLiteral("COMMIT"));
    if (!table)
        return table.error();
    QJsonObject& r = answer.result;
    r.insert(QStringLiteral("report"), q.report);
    if (!q.by.isEmpty())
        r.insert(QStringLiteral("by"), q.by);
    r.insert(QStringLiteral("from"), q.from.toString(Qt::ISODate));
    r.insert(QStringLiteral("to"), q.to.toString(Qt::ISODate));
    if (!q.location.isEmpty())
        r.insert(QStringLiteral("location"), q.location);
    r.insert(QStringLiteral("timeZone"), QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    r.insert(QStringLiteral("columns"), table->columns);
    answer.rows = table->rowsJson();
    r.insert(QStringLiteral("totals"), table->totals);
    return answer;
}

QJsonObject ReportAnswer::object() const
{
    QJsonObject o = result;
    if (!notFound)
        o.insert(QStringLiteral("rows"), QJsonDocument::fromJson(rows).array());
    return o;
}

Result<QHash<QString, Money>> SqlServerStore::productCosts()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT sku, cost FROM products")))
        return storageError(q, QStringLiteral("read product costs"));
    QHash<QString, Money> costs;
    while (q.next())
        costs.insert(q.value(0).toString(), Money::fromMinor(q.value(1).toLongLong()));
    return costs;
}

} // namespace stockline::sync
