// Reports that list events (sync/PROTOCOL.md, "Reports"): refunds, discounts, price overrides
// and approvals (newest first, at most `limit`, with totals over the whole range), the drawers'
// cash, shrinkage, and today against the same weekday last week.

#include "reportqueries.h"
#include "sqlhelpers.h"
#include "unit.h"

#include <array>
#include <map>

namespace stockline::sync::sqlstore {

using namespace Qt::StringLiterals;

using columnType::integer;
using columnType::money;
using columnType::text;

namespace {

// What QDateTime(ms, Qt::OffsetFromUTC, offset).toString(Qt::ISODate) gives ("Z" for 0),
// without its cost: a year's cash report formats thousands of times.
QString isoTime(qint64 ms, int offset)
{
    const qint64 secs = (ms >= 0 ? ms / 1000 : (ms - 999) / 1000) + offset;
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const qint64 inDay = secs - days * 86400;
    const QDate date = QDate::fromJulianDay(2440588 + days); // 1970-01-01
    std::array<char, 32> buf{};
    int n = 0;
    const auto two = [&buf, &n](qint64 v) {
        buf[std::size_t(n++)] = char('0' + v / 10 % 10);
        buf[std::size_t(n++)] = char('0' + v % 10);
    };
    const auto put = [&buf, &n](char c) { buf[std::size_t(n++)] = c; };
    two(date.year() / 100);
    two(date.year() % 100);
    put('-');
    two(date.month());
    put('-');
    two(date.day());
    put('T');
    two(inDay / 3600);
    put(':');
    two(inDay / 60 % 60);
    put(':');
    two(inDay % 60);
    if (offset == 0) {
        put('Z');
    } else {
        put(offset < 0 ? '-' : '+');
        const int away = offset < 0 ? -offset : offset;
        two(away / 3600);
        put(':');
        two(away / 60 % 60);
    }
    return QString::fromLatin1(buf.data(), n);
}

} // namespace

// "2026-12-02T11:00:00+01:00". A zone's offset is looked up once per quarter hour (every zone's
// offsets change on one): QTimeZone's lookups cost tens of microseconds, a cash report of a year
// has thousands of rows.
QString ReportQueries::localTime(qint64 ms)
{
    constexpr qint64 quarter = 15 * 60 * 1000;
    const qint64 key = ms >= 0 ? ms / quarter : (ms - quarter + 1) / quarter;
    auto it = m_offsets.constFind(key);
    if (it == m_offsets.cend())
        it = m_offsets.insert(key,
                              m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
    return isoTime(ms, *it);
}

Result<ReportTable> ReportQueries::refunds()
{
    ReportTable t;
    t.column(QStringLiteral("at"), QStringLiteral("Time"), text);
    t.column(QStringLiteral("number"), QStringLiteral("Refund"), text);
    t.column(QStringLiteral("sale"), QStringLiteral("Sale"), text);
    t.column(QStringLiteral("terminal"), QStringLiteral("Till"), text);
    t.column(QStringLiteral("staff"), QStringLiteral("Asked by"), text);
    t.column(QStringLiteral("approvedBy"), QStringLiteral("Approved by"), text);
    t.column(QStringLiteral("total"), QStringLiteral("Refunded"), money);
    QVariantList values{m_fromMs, m_toMs};
    QString where = atLocation(QStringLiteral("r.location"), values);
    values << m_request.limit;
    if (auto s = rows(
            QStringLiteral("SELECT r.at, r.number, r.sale, r.terminal, r.staff, r.total, (SELECT "
                           "MAX(l.approved_by) FROM receipt_lines l WHERE l.receipt = r.number) "
                           "FROM receipts r WHERE r.kind = 'refund' AND r.at >= ? AND r.at < ?%1 "
                           "ORDER BY r.at DESC, r.number DESC LIMIT ?")
                .arg(where),
            values, QStringLiteral("list refunds"),
            [&](const QSqlQuery& q) {
                t.rows.append(ReportRow{{"at"_L1, localTime(q.value(0).toLongLong())},
                                        {"number"_L1, q.value(1).toString()},
                                        {"sale"_L1, q.value(2).toString()},
                                        {"terminal"_L1, q.value(3).toString()},
                                        {"staff"_L1, q.value(4).toString()},
                                        {"total"_L1, q.value(5).toLongLong()},
                                        {"approvedBy"_L1, q.value(6).toString()}});
            });
        !s)
        return s.error();
    QVariantList sums{m_fromDay * 100, m_toDay * 100 + 99};
    where = atLocation(QStringLiteral("location"), sums);
    if (auto s = rows(QStringLiteral("SELECT SUM(refunds), SUM(refund_total) FROM report_hours "
                                     "WHERE hour >= ? AND hour <= ?%1")
                          .arg(where),
                      sums, QStringLiteral("sum refunds"),
                      [&](const QSqlQuery& q) {
                          t.totals = QJsonObject{{"count"_L1, q.value(0).toLongLong()},
                                                 {"total"_L1, q.value(1).toLongLong()}};
                      });
        !s)
        return s.error();
    return t;
}

// Discounted lines, or lines whose price the clerk overrode (the catalog's price kept as
// list_price), of sales in the range: who rang them up and the manager who approved.
Result<ReportTable> ReportQueries::lineEvents(bool overrides)
{
    ReportTable t;
    t.column(QStringLiteral("at"), QStringLiteral("Time"), text);
    t.column(QStringLiteral("receipt"), QStringLiteral("Receipt"), text);
    t.column(QStringLiteral("terminal"), QStringLiteral("Till"), text);
    t.column(QStringLiteral("staff"), QStringLiteral("Asked by"), text);
    t.column(QStringLiteral("approvedBy"), QStringLiteral("Approved by"), text);
    t.column(QStringLiteral("sku"), QStringLiteral("SKU"), text);
    t.column(QStringLiteral("name"), QStringLiteral("Product"), text);
    t.column(QStringLiteral("qty"), QStringLiteral("Qty"), QStringLiteral("qty"));
    if (overrides) {
        t.column(QStringLiteral("listPrice"), QStringLiteral("List price"), money);
        t.column(QStringLiteral("unitPrice"), QStringLiteral("Sold at"), money);
        t.column(QStringLiteral("difference"), QStringLiteral("Difference"), money);
    } else {
        t.column(QStringLiteral("discount"), QStringLiteral("Discount"), money);
    }
    // Overrides are rare: found by their partial index (the exact condition lets SQLite use
    // it). Discounts are common: found from the newest receipt of the range backwards, up to
    // `limit` (`+ 0` keeps a planner from reading every discounted line ever sold first).
    const QString lines = overrides ? QStringLiteral("l.list_price IS NOT NULL")
                                    : QStringLiteral("l.discount + 0 > 0");
    QVariantList values{m_fromMs, m_toMs};
    const QString where = atLocation(QStringLiteral("r.location"), values);
    values << m_request.limit;
    if (auto s = rows(
            QStringLiteral("SELECT r.at, r.number, r.terminal, r.staff, l.approved_by, l.sku, "
                           "l.name, l.qty, l.unit, l.list_price, l.unit_price, l.discount FROM "
                           "receipts r JOIN receipt_lines l ON l.receipt = r.number WHERE "
                           "r.kind = 'sale' AND r.at >= ? AND r.at < ?%2 AND %1 ORDER BY r.at "
                           "DESC, r.number DESC, l.line LIMIT ?")
                .arg(lines, where),
            values, QStringLiteral("list discounts or overrides"),
            [&](const QSqlQuery& q) {
                const qint64 qty = q.value(7).toLongLong();
                const Unit unit = unitFromName(q.value(8).toString()).value_or(Unit::Each);
                // As the rollup sums it: each price times the quantity, then the difference.
                const qint64 difference =
                    priceOf(Money::fromMinor(q.value(9).toLongLong()), qty, unit).minor() -
                    priceOf(Money::fromMinor(q.value(10).toLongLong()), qty, unit).minor();
                ReportRow row{{"at"_L1, localTime(q.value(0).toLongLong())},
                              {"receipt"_L1, q.value(1).toString()},
                              {"terminal"_L1, q.value(2).toString()},
                              {"staff"_L1, q.value(3).toString()},
                              {"approvedBy"_L1, q.value(4).toString()},
                              {"sku"_L1, q.value(5).toString()},
                              {"name"_L1, q.value(6).toString()},
                              {"qty"_L1, qty}};
                if (overrides) {
                    row.insert("listPrice"_L1, q.value(9).toLongLong());
                    row.insert("unitPrice"_L1, q.value(10).toLongLong());
                    row.insert("difference"_L1, difference);
                } else {
                    row.insert("discount"_L1, q.value(11).toLongLong());
                }
                t.rows.append(row);
            });
        !s)
        return s.error();
    // The totals over the whole range, from the rollup.
    QVariantList sums{m_fromDay, m_toDay};
    const QString at = atLocation(QStringLiteral("location"), sums);
    if (auto s = rows(
            QStringLiteral("SELECT SUM(%1), SUM(%2) FROM report_days WHERE day >= ? "
                           "AND day <= ?%3")
                .arg(overrides ? QStringLiteral("overrides") : QStringLiteral("discounted"),
                     overrides ? QStringLiteral("override_difference") : QStringLiteral("discount"),
                     at),
            sums, QStringLiteral("sum discounts or overrides"),
            [&](const QSqlQuery& q) {
                t.totals = QJsonObject{
                    {"count"_L1, q.value(0).toLongLong()},
                    {overrides ? "difference"_L1 : "discount"_L1, q.value(1).toLongLong()}};
            });
        !s)
        return s.error();
    return t;
}

// Approvals carry no location: the whole store's, whatever `location` says.
Result<ReportTable> ReportQueries::approvals()
{
    ReportTable t;
    t.column(QStringLiteral("at"), QStringLiteral("Time"), text);
    t.column(QStringLiteral("action"), QStringLiteral("Action"), text);
    t.column(QStringLiteral("terminal"), QStringLiteral("Till"), text);
    t.column(QStringLiteral("staff"), QStringLiteral("Asked by"), text);
    t.column(QStringLiteral("approver"), QStringLiteral("Approved by"), text);
    t.column(QStringLiteral("detail"), QStringLiteral("What"), text);
    std::map<QString, qint64> byAction;
    qint64 count = 0;
    if (auto s = rows(QStringLiteral("SELECT at, action, terminal, staff, approver, detail FROM "
                                     "approvals WHERE at >= ? AND at < ? ORDER BY at DESC, "
                                     "terminal, seq DESC"),
                      {m_fromMs, m_toMs}, QStringLiteral("list approvals"),
                      [&](const QSqlQuery& q) {
                          ++byAction[q.value(1).toString()];
                          if (++count > m_request.limit)
                              return;
                          t.rows.append(ReportRow{{"at"_L1, localTime(q.value(0).toLongLong())},
                                                  {"action"_L1, q.value(1).toString()},
                                                  {"terminal"_L1, q.value(2).toString()},
                                                  {"staff"_L1, q.value(3).toString()},
                                                  {"approver"_L1, q.value(4).toString()},
                                                  {"detail"_L1, q.value(5).toString()}});
                      });
        !s)
        return s.error();
    t.totals.insert("count"_L1, count);
    for (const auto& [action, n] : byAction)
        t.totals.insert(action, n);
    return t;
}

// Drawer sessions opened in the range (the till's time), whole store: expected = float + cash
// sales + paid in − paid out − cash refunds; over/short = counted − expected, closed only.
Result<ReportTable> ReportQueries::cash()
{
    ReportTable t;
    t.column(QStringLiteral("session"), QStringLiteral("Drawer"), text);
    t.column(QStringLiteral("terminal"), QStringLiteral("Till"), text);
    t.column(QStringLiteral("openedBy"), QStringLiteral("Opened by"), text);
    t.column(QStringLiteral("openedAt"), QStringLiteral("Opened"), text);
    t.column(QStringLiteral("closedBy"), QStringLiteral("Closed by"), text);
    t.column(QStringLiteral("float"), QStringLiteral("Float"), money);
    t.column(QStringLiteral("cashSales"), QStringLiteral("Cash sales"), money);
    t.column(QStringLiteral("cashRefunds"), QStringLiteral("Cash refunds"), money);
    t.column(QStringLiteral("paidIn"), QStringLiteral("Paid in"), money);
    t.column(QStringLiteral("paidOut"), QStringLiteral("Paid out"), money);
    t.column(QStringLiteral("expected"), QStringLiteral("Expected"), money);
    t.column(QStringLiteral("counted"), QStringLiteral("Counted"), money);
    t.column(QStringLiteral("overShort"), QStringLiteral("Over/short"), money);
    qint64 expectedAll = 0;
    qint64 countedAll = 0;
    qint64 overShortAll = 0;
    if (auto s =
            rows(QStringLiteral("SELECT s.id, s.terminal, s.opened_by, s.opened_at, s.closed_by, "
                                "s.float, COALESCE(c.sales, 0), COALESCE(c.refunds, 0), s.paid_in, "
                                "s.paid_out, s.closed_at, s.counted FROM cash_sessions s LEFT JOIN "
                                "report_cash c ON c.session = s.id WHERE s.opened_at >= ? AND "
                                "s.opened_at < ? ORDER BY s.opened_at, s.id"),
                 {m_fromMs, m_toMs}, QStringLiteral("read drawers"),
                 [&](const QSqlQuery& q) {
                     const qint64 expected = q.value(5).toLongLong() + q.value(6).toLongLong() -
                                             q.value(7).toLongLong() + q.value(8).toLongLong() -
                                             q.value(9).toLongLong();
                     ReportRow row{{"session"_L1, q.value(0).toString()},
                                   {"terminal"_L1, q.value(1).toString()},
                                   {"openedBy"_L1, q.value(2).toString()},
                                   {"openedAt"_L1, localTime(q.value(3).toLongLong())},
                                   {"closedBy"_L1, q.value(4).toString()},
                                   {"float"_L1, q.value(5).toLongLong()},
                                   {"cashSales"_L1, q.value(6).toLongLong()},
                                   {"cashRefunds"_L1, q.value(7).toLongLong()},
                                   {"paidIn"_L1, q.value(8).toLongLong()},
                                   {"paidOut"_L1, q.value(9).toLongLong()},
                                   {"expected"_L1, expected}};
                     expectedAll += expected;
                     if (!q.value(10).isNull()) {
                         const qint64 counted = q.value(11).toLongLong();
                         row.insert("counted"_L1, counted);
                         row.insert("overShort"_L1, counted - expected);
                         countedAll += counted;
                         overShortAll += counted - expected;
                     }
                     if (t.rows.size() < maxReportRows)
                         t.rows.append(row);
                 });
        !s)
        return s.error();
    t.totals = QJsonObject{
        {"expected"_L1, expectedAll}, {"counted"_L1, countedAll}, {"overShort"_L1, overShortAll}};
    return t;
}

// Stock lost (positive) or found (negative) by counts and adjustments (the ledger, server time),
// and shortage exceptions a manager resolved in the range; at each product's cost now.
Result<ReportTable> ReportQueries::shrinkage()
{
    struct Lost
    {
        QString name;
        Unit unit = Unit::Each;
        qint64 cost = 0;
        qint64 units = 0;
    };
    std::map<std::pair<QString, QString>, Lost> lost; // by (sku, kind)
    QVariantList values{m_fromMs, m_toMs};
    QString where = atLocation(QStringLiteral("g.location"), values);
    const auto read = [&](const QSqlQuery& q) {
        Lost& l = lost[{q.value(0).toString(), q.value(1).toString()}];
        l.name = q.value(2).toString();
        l.unit = unitFromName(q.value(3).toString()).value_or(Unit::Each);
        l.cost = q.value(4).toLongLong();
        l.units += q.value(5).toLongLong();
    };
    if (auto s = rows(QStringLiteral("SELECT g.sku, CASE WHEN g.kind = 'count' THEN 'count' ELSE "
                                     "'adjustment' END, p.name, p.unit, p.cost, "
                                     "-SUM(g.on_hand_delta) FROM ledger g JOIN products p ON "
                                     "p.sku = g.sku WHERE g.kind IN ('count', 'adjust') AND "
                                     "g.at >= ? AND g.at < ?%1 GROUP BY g.sku, g.kind, p.name, "
                                     "p.unit, p.cost")
                          .arg(where),
                      values, QStringLiteral("sum counts and adjustments"), read);
        !s)
        return s.error();
    QVariantList shortages{m_fromMs, m_toMs};
    where = atLocation(QStringLiteral("g.location"), shortages);
    if (auto s = rows(QStringLiteral("SELECT g.sku, 'shortage', p.name, p.unit, p.cost, "
                                     "SUM(g.qty) FROM shortages g JOIN products p ON p.sku = "
                                     "g.sku WHERE g.resolved_at IS NOT NULL AND g.resolved_at >= "
                                     "? AND g.resolved_at < ?%1 GROUP BY g.sku, p.name, p.unit, "
                                     "p.cost")
                          .arg(where),
                      shortages, QStringLiteral("sum resolved shortages"), read);
        !s)
        return s.error();
    ReportTable t;
    t.column(QStringLiteral("sku"), QStringLiteral("SKU"), text);
    t.column(QStringLiteral("name"), QStringLiteral("Product"), text);
    t.column(QStringLiteral("kind"), QStringLiteral("Kind"), text);
    t.column(QStringLiteral("units"), QStringLiteral("Units lost"), QStringLiteral("qty"));
    t.column(QStringLiteral("atCost"), QStringLiteral("At cost"), money);
    std::map<QString, qint64> byKind;
    qint64 all = 0;
    for (const auto& [key, l] : lost) {
        const qint64 atCost = priceOf(Money::fromMinor(l.cost), l.units, l.unit).minor();
        byKind[key.second] += atCost;
        all += atCost;
        if (t.rows.size() < maxReportRows)
            t.rows.append(ReportRow{{"sku"_L1, key.first},
                                    {"name"_L1, l.name},
                                    {"kind"_L1, key.second},
                                    {"unit"_L1, QString(unitName(l.unit))},
                                    {"units"_L1, l.units},
                                    {"atCost"_L1, atCost}});
    }
    t.totals.insert("atCost"_L1, all);
    for (const auto& [kind, v] : byKind)
        t.totals.insert(kind, v);
    return t;
}

// Takings so far today against the same weekday last week up to the same time of day (the
// receipts themselves: the rollups' hours are too coarse for "up to now").
Result<ReportTable> ReportQueries::today()
{
    ReportTable t;
    t.column(QStringLiteral("period"), QStringLiteral("Period"), text);
    t.column(QStringLiteral("date"), QStringLiteral("Date"), QStringLiteral("date"));
    t.column(QStringLiteral("until"), QStringLiteral("Until"), text);
    t.column(QStringLiteral("receipts"), QStringLiteral("Receipts"), integer);
    t.column(QStringLiteral("sales"), QStringLiteral("Sales"), money);
    t.column(QStringLiteral("refunds"), QStringLiteral("Refunds"), money);
    t.column(QStringLiteral("takings"), QStringLiteral("Takings"), money);
    t.column(QStringLiteral("averageBasket"), QStringLiteral("Average basket"), money);
    const QDateTime local = m_now.toTimeZone(m_zone);
    std::array<qint64, 2> takings{};
    for (int week = 0; week < 2; ++week) {
        const QDate date = local.date().addDays(-7 * week);
        const qint64 from = ms(date);
        const qint64 until = QDateTime(date, local.time(), m_zone).toMSecsSinceEpoch();
        QVariantList values{from, until};
        const QString where = atLocation(QStringLiteral("location"), values);
        qint64 receipts = 0;
        qint64 sales = 0;
        qint64 refunds = 0;
        if (auto s = rows(QStringLiteral("SELECT kind, COUNT(*), SUM(total) FROM receipts WHERE "
                                         "at >= ? AND at < ?%1 GROUP BY kind")
                              .arg(where),
                          values, QStringLiteral("sum today's receipts"),
                          [&](const QSqlQuery& q) {
                              if (q.value(0).toString() == "sale"_L1) {
                                  receipts = q.value(1).toLongLong();
                                  sales = q.value(2).toLongLong();
                              } else {
                                  refunds = q.value(2).toLongLong();
                              }
                          });
            !s)
            return s.error();
        takings[std::size_t(week)] = sales - refunds;
        t.rows.append(ReportRow{
            {"period"_L1, week == 0 ? QStringLiteral("Today") : QStringLiteral("Last week")},
            {"date"_L1, date.toString(Qt::ISODate)},
            {"until"_L1, local.time().toString(QStringLiteral("HH:mm"))},
            {"receipts"_L1, receipts},
            {"sales"_L1, sales},
            {"refunds"_L1, refunds},
            {"takings"_L1, sales - refunds},
            {"averageBasket"_L1, receipts > 0 ? divideHalfEven(sales, receipts) : 0}});
    }
    t.totals = QJsonObject{{"takings"_L1, takings[0]},
                           {"lastWeek"_L1, takings[1]},
                           {"change"_L1, takings[0] - takings[1]},
                           {"changePercent"_L1, percentOf(takings[0] - takings[1], takings[1])}};
    return t;
}

} // namespace stockline::sync::sqlstore
