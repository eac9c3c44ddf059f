#include "reportschema.h"

#include <QTimeZone>

namespace stockline::sync {

namespace {

const QString isSale = QStringLiteral("r.kind = 'sale'");

QString ifSale(const QString& value)
{
    return QStringLiteral("SUM(CASE WHEN %1 THEN %2 ELSE 0 END)").arg(isSale, value);
}

QString ifRefund(const QString& value)
{
    return QStringLiteral("SUM(CASE WHEN %1 THEN 0 ELSE %2 END)").arg(isSale, value);
}

// qty × a non-negative per-unit amount, per 1000 base units for measured goods rounded
// half-even (core/unit.h priceOf), exactly as the write batch computes it.
QString timesQtySql(const QString& amount)
{
    const QString x = QStringLiteral("(l.qty * %1)").arg(amount);
    return QStringLiteral("(CASE WHEN l.unit = 'each' THEN %1 ELSE %1 / 1000 + CASE WHEN %1 %% "
                          "1000 > 500 OR (%1 %% 1000 = 500 AND (%1 / 1000) %% 2 = 1) THEN 1 "
                          "ELSE 0 END END)")
        .arg(x)
        .replace(QStringLiteral("%%"), QStringLiteral("%"));
}

} // namespace

QString localHourSql(const SqlDialect& d, const QString& msColumn)
{
    if (d.backend == SqlDialect::Backend::Sqlite)
        return QStringLiteral(
                   "CAST(strftime('%Y%m%d%H', %1 / 1000, 'unixepoch', 'localtime') AS INTEGER)")
            .arg(msColumn);
    // The server process's zone, not the database's: reports are in the server's time zone.
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    zone.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("CAST(to_char(to_timestamp(%1 / 1000.0) AT TIME ZONE '%2', "
                          "'YYYYMMDDHH24') AS BIGINT)")
        .arg(msColumn, zone);
}

QList<RollupTable> reportRollups(const SqlDialect& d)
{
    const QString hour = localHourSql(d, QStringLiteral("r.at"));
    const QString lineNet = QStringLiteral("l.total - l.tax");
    const QString products =
        QStringLiteral("SELECT %1 AS k, r.location, l.sku, %2, %3, %4, %5, %6, %7 FROM receipts "
                       "r JOIN receipt_lines l ON l.receipt = r.number GROUP BY 1, 2, 3")
            .arg(QStringLiteral("%1"), ifSale(QStringLiteral("l.qty")), ifSale(lineNet),
                 ifSale(QStringLiteral("l.tax")),
                 QStringLiteral("SUM(CASE WHEN %1 THEN %2 ELSE -%2 END)")
                     .arg(isSale, timesQtySql(QStringLiteral("l.cost"))),
                 ifRefund(QStringLiteral("l.qty")), ifRefund(lineNet));
    const QString productSums = QStringLiteral("qty, net, tax, cost, refunded_qty, refunded_net");
    // Per receipt: its lines' discount, count, discounted lines, overridden lines and what the
    // overrides took off the list price.
    const QString perReceipt =
        QStringLiteral("(SELECT l.receipt, SUM(l.discount) AS d, COUNT(*) AS n, SUM(CASE WHEN "
                       "l.discount > 0 THEN 1 ELSE 0 END) AS dn, SUM(CASE WHEN l.list_price IS "
                       "NOT NULL THEN 1 ELSE 0 END) AS o, SUM(CASE WHEN l.list_price IS NOT NULL "
                       "THEN %1 - %2 ELSE 0 END) AS od FROM receipt_lines l GROUP BY l.receipt)")
            .arg(timesQtySql(QStringLiteral("COALESCE(l.list_price, 0)")),
                 timesQtySql(QStringLiteral("l.unit_price")));
    const QString headSums =
        QStringLiteral("%1, %2, %3, %4, %5, %6, %7, %8")
            .arg(ifSale(QStringLiteral("1")), ifSale(QStringLiteral("r.net")),
                 ifSale(QStringLiteral("r.tax")), ifSale(QStringLiteral("r.total")),
                 ifRefund(QStringLiteral("1")), ifRefund(QStringLiteral("r.total")),
                 ifSale(QStringLiteral("COALESCE(l.d, 0)")),
                 ifSale(QStringLiteral("COALESCE(l.n, 0)")));
    const QString headColumns =
        QStringLiteral("receipts, net, tax, total, refunds, refund_total, discount, items");
    return {
        // Issue 20's report_hours without terminal and staff (report_days has them): a year of
        // a 24-hour store is 8,760 rows a location instead of 175,000 with 20 tills.
        {QStringLiteral("report_hours"), QStringLiteral("hour, location"), headColumns,
         QStringLiteral("SELECT %1, r.location, %2 FROM receipts r LEFT JOIN %3 l ON l.receipt = "
                        "r.number GROUP BY 1, 2")
             .arg(hour, headSums, perReceipt)},
        {QStringLiteral("report_days"), QStringLiteral("day, location, terminal, staff"),
         headColumns + QStringLiteral(", discounted, overrides, override_difference"),
         QStringLiteral("SELECT %1 / 100, r.location, r.terminal, r.staff, %2, %3, %4, %5 FROM "
                        "receipts r LEFT JOIN %6 l ON l.receipt = r.number GROUP BY 1, 2, 3, 4")
             .arg(hour, headSums, ifSale(QStringLiteral("COALESCE(l.dn, 0)")),
                  ifSale(QStringLiteral("COALESCE(l.o, 0)")),
                  ifSale(QStringLiteral("COALESCE(l.od, 0)")), perReceipt)},
        {QStringLiteral("report_products"), QStringLiteral("day, location, sku"), productSums,
         products.arg(QStringLiteral("%1 / 100").arg(hour))},
        {QStringLiteral("report_products_month"), QStringLiteral("month, location, sku"),
         productSums, products.arg(QStringLiteral("%1 / 10000").arg(hour))},
        {QStringLiteral("report_tenders"), QStringLiteral("day, location, terminal, method"),
         QStringLiteral("sales, refunds"),
         QStringLiteral("SELECT %1 / 100, r.location, r.terminal, p.method, %2, %3 FROM receipts "
                        "r JOIN receipt_payments p ON p.receipt = r.number GROUP BY 1, 2, 3, 4")
             .arg(hour, ifSale(QStringLiteral("p.amount")), ifRefund(QStringLiteral("p.amount")))},
        {QStringLiteral("report_taxes"), QStringLiteral("day, location, rate"),
         QStringLiteral("net, tax, refund_net, refund_tax"),
         QStringLiteral("SELECT %1 / 100, r.location, l.tax_rate, %2, %3, %4, %5 FROM receipts r "
                        "JOIN receipt_lines l ON l.receipt = r.number GROUP BY 1, 2, 3")
             .arg(hour, ifSale(lineNet), ifSale(QStringLiteral("l.tax")), ifRefund(lineNet),
                  ifRefund(QStringLiteral("l.tax")))},
        // Not in the list: a drawer's cash sales and refunds, so the cash report does
        // not sum a year of payments.
        {QStringLiteral("report_cash"), QStringLiteral("session"), QStringLiteral("sales, refunds"),
         QStringLiteral("SELECT r.cash_session, %1, %2 FROM receipts r JOIN receipt_payments p "
                        "ON p.receipt = r.number WHERE p.method = 'cash' AND r.cash_session <> '' "
                        "GROUP BY 1")
             .arg(ifSale(QStringLiteral("p.amount")), ifRefund(QStringLiteral("p.amount")))},
    };
}

QStringList reportRollupMigration(const SqlDialect& d)
{
    const QString keyed = d.keyedTableSuffix;
    QStringList sql{
        QStringLiteral("ALTER TABLE products ADD COLUMN cost BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE receipt_lines ADD COLUMN cost BIGINT NOT NULL DEFAULT 0"),
        // The event reports, newest first within a range: partial, so only the rare rows
        // (refunds, overridden lines, counts and adjustments) pay for an entry. Discounted lines
        // are common: found through receipts_at, the newest receipts first, up to the limit.
        QStringLiteral("CREATE INDEX receipts_refunds ON receipts (at) WHERE kind = 'refund'"),
        QStringLiteral("CREATE INDEX receipt_lines_override ON receipt_lines (receipt) "
                       "WHERE list_price IS NOT NULL"),
        QStringLiteral("CREATE INDEX approvals_at ON approvals (at)"),
        QStringLiteral("CREATE INDEX ledger_shrinkage ON ledger (at) "
                       "WHERE kind IN ('count', 'adjust')"),
        QStringLiteral("CREATE INDEX shortages_resolved ON shortages (resolved_at) "
                       "WHERE resolved_at IS NOT NULL"),
    };
    for (const RollupTable& t : reportRollups(d)) {
        QStringList columns;
        for (const QString& key : t.keys.split(QStringLiteral(", ")))
            columns << key + (key == QLatin1StringView("hour") || key == QLatin1StringView("day") ||
                                      key == QLatin1StringView("month") ||
                                      key == QLatin1StringView("rate")
                                  ? QStringLiteral(" BIGINT NOT NULL")
                                  : QStringLiteral(" TEXT NOT NULL"));
        for (const QString& sum : t.sums.split(QStringLiteral(", ")))
            columns << sum + QStringLiteral(" BIGINT NOT NULL");
        sql << QStringLiteral("CREATE TABLE %1 (%2, PRIMARY KEY (%3))%4")
                   .arg(t.name, columns.join(QStringLiteral(", ")), t.keys, keyed)
            << QStringLiteral("INSERT INTO %1 (%2, %3) %4").arg(t.name, t.keys, t.sums, t.select);
    }
    return sql;
}

} // namespace stockline::sync
