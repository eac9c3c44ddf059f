// The `report` request and `stockline-server report` (sync/PROTOCOL.md, "Reports"): the
// request's range in the server's time zone, one read snapshot, the report's table.

#include "reportqueries.h"
#include "sqlserverstore_p.h"

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
    r.insert(QStringLiteral("rows"), table->rows);
    r.insert(QStringLiteral("totals"), table->totals);
    return answer;
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
