#include "reportmessages.h"

#include "wireformat.h"

namespace stockline::sync {

using namespace Qt::StringLiterals;

const QStringList& reportKinds()
{
    static const QStringList kinds{QStringLiteral("sales"),     QStringLiteral("tax"),
                                   QStringLiteral("refunds"),   QStringLiteral("discounts"),
                                   QStringLiteral("overrides"), QStringLiteral("approvals"),
                                   QStringLiteral("cash"),      QStringLiteral("margins"),
                                   QStringLiteral("shrinkage"), QStringLiteral("today")};
    return kinds;
}

QStringList reportGroupings(const QString& report)
{
    if (report == "sales"_L1)
        return {QStringLiteral("day"),        QStringLiteral("hour"),    QStringLiteral("week"),
                QStringLiteral("department"), QStringLiteral("product"), QStringLiteral("staff"),
                QStringLiteral("till"),       QStringLiteral("method")};
    if (report == "margins"_L1)
        return {QStringLiteral("product"), QStringLiteral("department")};
    return {};
}

ReportRequest decodeReportRequest(const QJsonObject& object)
{
    FieldReader r(object);
    ReportRequest q;
    q.request = r.id("request"_L1);
    q.report = r.string("report"_L1);
    if (r.ok() && !reportKinds().contains(q.report))
        r.fail("report"_L1, QStringLiteral("is not one of %1").arg(reportKinds().join(", "_L1)));
    const QStringList groupings = r.ok() ? reportGroupings(q.report) : QStringList();
    if (r.ok() && r.has("by"_L1)) {
        q.by = r.string("by"_L1);
        if (r.ok() && !groupings.contains(q.by))
            r.fail("by"_L1, groupings.isEmpty()
                                ? QStringLiteral("is not used by the %1 report").arg(q.report)
                                : QStringLiteral("is not one of %1").arg(groupings.join(", "_L1)));
    } else if (!groupings.isEmpty()) {
        q.by = groupings.constFirst();
    }
    // `today` is the server's day: a range is not needed.
    const bool today = q.report == "today"_L1;
    if (!today || r.has("from"_L1))
        q.from = wire::readDate(r, "from"_L1);
    if (!today || r.has("to"_L1))
        q.to = wire::readDate(r, "to"_L1);
    if (r.ok() && q.to < q.from)
        r.fail("to"_L1, QStringLiteral("is before from"));
    if (r.ok() && q.from.daysTo(q.to) >= maxReportDays)
        r.fail("to"_L1, QStringLiteral("is more than %1 days after from").arg(maxReportDays));
    if (r.has("location"_L1))
        q.location = r.id("location"_L1);
    q.limit = r.optionalInteger("limit"_L1, defaultEventRows, 1, maxReportRows);
    if (!r.ok())
        q.invalid = r.error();
    return q;
}

QByteArray encode(const ReportRequest& q)
{
    QJsonObject o{{"type"_L1, QStringLiteral("report")},
                  {"request"_L1, q.request},
                  {"report"_L1, q.report},
                  {"from"_L1, q.from.toString(Qt::ISODate)},
                  {"to"_L1, q.to.toString(Qt::ISODate)},
                  {"limit"_L1, q.limit}};
    if (!q.by.isEmpty())
        o.insert("by"_L1, q.by);
    if (!q.location.isEmpty())
        o.insert("location"_L1, q.location);
    return wire::toFrame(o);
}

} // namespace stockline::sync
