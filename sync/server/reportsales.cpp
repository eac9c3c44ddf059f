// Reports read from the rollups (sync/PROTOCOL.md, "Reports"): sales by time, staff, till,
// product, department and method; tax by rate; margins and the stock's value at cost.

#include "reportqueries.h"
#include "sqlhelpers.h"
#include "unit.h"

#include <QHash>
#include <algorithm>
#include <map>

namespace stockline::sync::sqlstore {

using namespace Qt::StringLiterals;

namespace {

using columnType::integer;
using columnType::money;
using columnType::text;
const QString& qtyType = columnType::qty;

struct SalesSums
{
    std::array<qint64, 8> v{}; // receipts, items, discount, net, tax, total, refunds, refund_total
};

void salesColumns(ReportTable& t)
{
    t.column(QStringLiteral("receipts"), QStringLiteral("Receipts"), integer);
    t.column(QStringLiteral("items"), QStringLiteral("Lines"), integer);
    t.column(QStringLiteral("discount"), QStringLiteral("Discounts"), money);
    t.column(QStringLiteral("net"), QStringLiteral("Net"), money);
    t.column(QStringLiteral("tax"), QStringLiteral("Tax"), money);
    t.column(QStringLiteral("total"), QStringLiteral("Sales"), money);
    t.column(QStringLiteral("refunds"), QStringLiteral("Refunds"), integer);
    t.column(QStringLiteral("refundTotal"), QStringLiteral("Refunded"), money);
    t.column(QStringLiteral("takings"), QStringLiteral("Takings"), money);
    t.column(QStringLiteral("averageBasket"), QStringLiteral("Average basket"), money);
}

template <typename Row> void putSales(Row& row, const SalesSums& s)
{
    const auto& v = s.v;
    row.insert("receipts"_L1, v[0]);
    row.insert("items"_L1, v[1]);
    row.insert("discount"_L1, v[2]);
    row.insert("net"_L1, v[3]);
    row.insert("tax"_L1, v[4]);
    row.insert("total"_L1, v[5]);
    row.insert("refunds"_L1, v[6]);
    row.insert("refundTotal"_L1, v[7]);
    row.insert("takings"_L1, v[5] - v[7]);
    row.insert("averageBasket"_L1, v[0] > 0 ? divideHalfEven(v[5], v[0]) : 0);
}

QString isoWeek(const QDate& date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

} // namespace

Result<ReportTable> ReportQueries::sales()
{
    const QString& by = m_request.by;
    if (by == "department"_L1 || by == "product"_L1)
        return salesByProduct();
    if (by == "method"_L1)
        return salesByMethod();
    return salesOverTime();
}

// hour (of the day), day, week: from report_hours; staff, till: from report_days.
Result<ReportTable> ReportQueries::salesOverTime()
{
    const QString& by = m_request.by;
    const bool textKey = by == "staff"_L1 || by == "till"_L1;
    const QString group = by == "hour"_L1    ? QStringLiteral("hour % 100")
                          : by == "staff"_L1 ? QStringLiteral("staff")
                          : by == "till"_L1  ? QStringLiteral("terminal")
                                             : QStringLiteral("hour / 100");
    QVariantList values;
    QString where;
    if (textKey) {
        values << m_fromDay << m_toDay;
        where = QStringLiteral("report_days WHERE day >= ? AND day <= ?");
    } else {
        values << m_fromDay * 100 << m_toDay * 100 + 99;
        where = QStringLiteral("report_hours WHERE hour >= ? AND hour <= ?");
    }
    where += atLocation(QStringLiteral("location"), values);
    std::map<QString, SalesSums> groups;
    SalesSums all;
    if (auto s = rows(QStringLiteral("SELECT %1, SUM(receipts), SUM(items), SUM(discount), "
                                     "SUM(net), SUM(tax), SUM(total), SUM(refunds), "
                                     "SUM(refund_total) FROM %2 GROUP BY 1")
                          .arg(group, where),
                      values, QStringLiteral("sum sales"),
                      [&](const QSqlQuery& q) {
                          QString key;
                          if (textKey)
                              key = q.value(0).toString();
                          else if (by == "hour"_L1)
                              key = QStringLiteral("%1:00").arg(q.value(0).toLongLong(), 2, 10,
                                                                QLatin1Char('0'));
                          else if (by == "week"_L1)
                              key = isoWeek(dateOfKey(q.value(0).toLongLong()));
                          else
                              key = dateOfKey(q.value(0).toLongLong()).toString(Qt::ISODate);
                          SalesSums& g = groups[key];
                          for (int i = 0; i < 8; ++i) {
                              g.v[std::size_t(i)] += q.value(i + 1).toLongLong();
                              all.v[std::size_t(i)] += q.value(i + 1).toLongLong();
                          }
                      });
        !s)
        return s.error();
    ReportTable t;
    const QString key = by == "till"_L1 ? QStringLiteral("terminal") : by;
    const QString label = by == "hour"_L1    ? QStringLiteral("Hour")
                          : by == "week"_L1  ? QStringLiteral("Week")
                          : by == "staff"_L1 ? QStringLiteral("Staff")
                          : by == "till"_L1  ? QStringLiteral("Till")
                                             : QStringLiteral("Day");
    t.column(key, label, by == "day"_L1 ? QStringLiteral("date") : text);
    salesColumns(t);
    for (const auto& [k, sums] : groups) {
        ReportRow row{{key, k}};
        putSales(row, sums);
        t.rows.append(row);
    }
    putSales(t.totals, all);
    return t;
}

namespace {

// A run of rows of one product rollup, added (sign 1) or taken off (sign -1).
struct ProductPart
{
    bool months = false; // report_products_month (keys yyyymm), else report_products (yyyymmdd)
    qint64 first = 0;
    qint64 last = 0;
    int sign = 1;
};

// The range as whole months and days. A month the range covers more than half of is read as
// the month less the days it leaves out: a year from the 8th reads 12 months and 14 days
// (26 × the products rows) rather than 11 months and 31 days (42 ×).
QList<ProductPart> productParts(const QDate& from, const QDate& to)
{
    QList<ProductPart> parts;
    const auto days = [&parts](const QDate& a, const QDate& b, int sign) {
        if (a <= b)
            parts.append(ProductPart{false, dayKey(a), dayKey(b), sign});
    };
    const auto month = [&parts](const QDate& m) {
        const qint64 key = dayKey(m) / 100;
        if (!parts.isEmpty() && parts.last().months && parts.last().last + 1 == key)
            parts.last().last = key; // the next month of a run (December to January: a new run)
        else
            parts.append(ProductPart{true, key, key, 1});
    };
    for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1)) {
        const QDate monthEnd = m.addMonths(1).addDays(-1);
        const QDate a = std::max(from, m);
        const QDate b = std::min(to, monthEnd);
        const qint64 in = a.daysTo(b) + 1;
        if (in == m.daysInMonth()) {
            month(m);
        } else if (2 * in > m.daysInMonth()) {
            month(m);
            days(m, a.addDays(-1), -1);
            days(b.addDays(1), monthEnd, -1);
        } else {
            days(a, b, 1);
        }
    }
    return parts;
}

} // namespace

Status ReportQueries::productSums(
    const std::function<void(const QString&, const std::array<qint64, 6>&)>& read)
{
    QHash<QString, std::array<qint64, 6>> bySku;
    for (const ProductPart& part : productParts(m_request.from, m_request.to)) {
        QVariantList values{part.first, part.last};
        const QString sql =
            QStringLiteral("SELECT sku, SUM(qty), SUM(net), SUM(tax), SUM(cost), "
                           "SUM(refunded_qty), SUM(refunded_net) FROM %1 WHERE %2 >= ? AND %2 <= "
                           "?%3 GROUP BY sku")
                .arg(part.months ? QStringLiteral("report_products_month")
                                 : QStringLiteral("report_products"),
                     part.months ? QStringLiteral("month") : QStringLiteral("day"),
                     atLocation(QStringLiteral("location"), values));
        if (auto s = rows(sql, values, QStringLiteral("sum sales by product"),
                          [&](const QSqlQuery& q) {
                              std::array<qint64, 6>& v = bySku[q.value(0).toString()];
                              for (int i = 0; i < 6; ++i)
                                  v[std::size_t(i)] += part.sign * q.value(i + 1).toLongLong();
                          });
            !s)
            return s;
    }
    // Every line sells or takes back at least one unit: a product with neither in the range
    // was only in the days a month's sums were read without.
    for (auto it = bySku.cbegin(); it != bySku.cend(); ++it) {
        if (it.value()[0] != 0 || it.value()[4] != 0)
            read(it.key(), it.value());
    }
    return success();
}

namespace {

struct ProductInfo
{
    QString name;
    QString department;
    Unit unit = Unit::Each;
    qint64 cost = 0;
    bool active = true;
};

Status readProducts(QSqlDatabase db, QHash<QString, ProductInfo>& products)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sku, name, department, unit, cost, active FROM products")))
        return storageError(q, QStringLiteral("read products"));
    while (q.next())
        products.insert(q.value(0).toString(),
                        ProductInfo{q.value(1).toString(), q.value(2).toString(),
                                    unitFromName(q.value(3).toString()).value_or(Unit::Each),
                                    q.value(4).toLongLong(), q.value(5).toInt() != 0});
    return success();
}

// A product's or department's sums: qty, net, tax, cost, refunded qty, refunded net.
using Sums6 = std::array<qint64, 6>;

void add(Sums6& to, const Sums6& v)
{
    for (std::size_t i = 0; i < 6; ++i)
        to[i] += v[i];
}

// The product rollups over the range, by product or by department (its department now).
struct Grouped
{
    QHash<QString, ProductInfo> products;
    std::map<QString, Sums6> groups;
    Sums6 all{};
};

template <typename ProductSums>
Status groupProducts(QSqlDatabase db, bool byProduct, ProductSums productSums, Grouped& g)
{
    if (auto s = readProducts(std::move(db), g.products); !s)
        return s;
    return productSums([&](const QString& sku, const Sums6& v) {
        add(g.groups[byProduct ? sku : g.products.value(sku).department], v);
        add(g.all, v);
    });
}

} // namespace

// Best sellers first (net of refunds); the active products that sold nothing come last.
Result<ReportTable> ReportQueries::salesByProduct()
{
    const bool byProduct = m_request.by == "product"_L1;
    Grouped g;
    if (auto s = groupProducts(
            m_db, byProduct, [this](const auto& read) { return productSums(read); }, g);
        !s)
        return s.error();
    const QHash<QString, ProductInfo>& products = g.products;
    std::map<QString, Sums6>& groups = g.groups;
    const Sums6& all = g.all;
    if (byProduct) {
        for (auto it = products.cbegin(); it != products.cend(); ++it) {
            if (it->active)
                groups.try_emplace(it.key(), Sums6{});
        }
    }
    std::vector<std::pair<QString, Sums6>> sorted(groups.begin(), groups.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second[1] - a.second[5] > b.second[1] - b.second[5];
    });
    ReportTable t;
    if (byProduct) {
        t.column(QStringLiteral("sku"), QStringLiteral("SKU"), text);
        t.column(QStringLiteral("name"), QStringLiteral("Product"), text);
    }
    t.column(QStringLiteral("department"), QStringLiteral("Department"), text);
    t.column(QStringLiteral("qty"), QStringLiteral("Sold"), qtyType);
    t.column(QStringLiteral("refundedQty"), QStringLiteral("Returned"), qtyType);
    t.column(QStringLiteral("net"), QStringLiteral("Net sold"), money);
    t.column(QStringLiteral("refundedNet"), QStringLiteral("Net refunded"), money);
    t.column(QStringLiteral("sales"), QStringLiteral("Net sales"), money);
    t.column(QStringLiteral("tax"), QStringLiteral("Tax"), money);
    const auto fill = [](auto& row, const Sums6& v) {
        row.insert("qty"_L1, v[0]);
        row.insert("refundedQty"_L1, v[4]);
        row.insert("net"_L1, v[1]);
        row.insert("refundedNet"_L1, v[5]);
        row.insert("sales"_L1, v[1] - v[5]);
        row.insert("tax"_L1, v[2]);
    };
    for (const auto& [key, v] : sorted) {
        if (t.rows.size() >= maxReportRows)
            break;
        ReportRow row;
        if (byProduct) {
            const ProductInfo info = products.value(key);
            row.insert("sku"_L1, key);
            row.insert("name"_L1, info.name);
            row.insert("department"_L1, info.department);
            row.insert("unit"_L1, QString(unitName(info.unit)));
        } else {
            row.insert("department"_L1, key);
        }
        fill(row, v);
        t.rows.append(row);
    }
    fill(t.totals, all);
    t.totals.remove("qty"_L1); // units of different products do not add up
    t.totals.remove("refundedQty"_L1);
    return t;
}

Result<ReportTable> ReportQueries::salesByMethod()
{
    QVariantList values{m_fromDay, m_toDay};
    const QString where =
        QStringLiteral("day >= ? AND day <= ?") + atLocation(QStringLiteral("location"), values);
    ReportTable t;
    t.column(QStringLiteral("method"), QStringLiteral("Method"), text);
    t.column(QStringLiteral("sales"), QStringLiteral("Sales"), money);
    t.column(QStringLiteral("refunds"), QStringLiteral("Refunds"), money);
    t.column(QStringLiteral("net"), QStringLiteral("Net"), money);
    qint64 sales = 0;
    qint64 refunds = 0;
    if (auto s = rows(QStringLiteral("SELECT method, SUM(sales), SUM(refunds) FROM report_tenders "
                                     "WHERE %1 GROUP BY method ORDER BY method")
                          .arg(where),
                      values, QStringLiteral("sum payments by method"),
                      [&](const QSqlQuery& q) {
                          const qint64 in = q.value(1).toLongLong();
                          const qint64 out = q.value(2).toLongLong();
                          t.rows.append(ReportRow{{"method"_L1, q.value(0).toString()},
                                                  {"sales"_L1, in},
                                                  {"refunds"_L1, out},
                                                  {"net"_L1, in - out}});
                          sales += in;
                          refunds += out;
                      });
        !s)
        return s.error();
    t.totals =
        QJsonObject{{"sales"_L1, sales}, {"refunds"_L1, refunds}, {"net"_L1, sales - refunds}};
    return t;
}

// What the store owes per rate: sales' tax less the tax refunds paid back at that rate.
Result<ReportTable> ReportQueries::tax()
{
    QVariantList values{m_fromDay, m_toDay};
    const QString where =
        QStringLiteral("day >= ? AND day <= ?") + atLocation(QStringLiteral("location"), values);
    ReportTable t;
    t.column(QStringLiteral("rate"), QStringLiteral("Rate"), QStringLiteral("percent"));
    t.column(QStringLiteral("salesNet"), QStringLiteral("Net sales"), money);
    t.column(QStringLiteral("salesTax"), QStringLiteral("Tax charged"), money);
    t.column(QStringLiteral("refundNet"), QStringLiteral("Net refunded"), money);
    t.column(QStringLiteral("refundTax"), QStringLiteral("Tax refunded"), money);
    t.column(QStringLiteral("net"), QStringLiteral("Net"), money);
    t.column(QStringLiteral("tax"), QStringLiteral("Tax owed"), money);
    std::array<qint64, 4> all{};
    if (auto s = rows(QStringLiteral("SELECT rate, SUM(net), SUM(tax), SUM(refund_net), "
                                     "SUM(refund_tax) FROM report_taxes WHERE %1 GROUP BY rate "
                                     "ORDER BY rate")
                          .arg(where),
                      values, QStringLiteral("sum tax by rate"),
                      [&](const QSqlQuery& q) {
                          std::array<qint64, 4> v{};
                          for (int i = 0; i < 4; ++i) {
                              v[std::size_t(i)] = q.value(i + 1).toLongLong();
                              all[std::size_t(i)] += v[std::size_t(i)];
                          }
                          t.rows.append(ReportRow{
                              {"rate"_L1,
                               TaxRate::fromMilliPercent(q.value(0).toInt()).toString().toDouble()},
                              {"salesNet"_L1, v[0]},
                              {"salesTax"_L1, v[1]},
                              {"refundNet"_L1, v[2]},
                              {"refundTax"_L1, v[3]},
                              {"net"_L1, v[0] - v[2]},
                              {"tax"_L1, v[1] - v[3]}});
                      });
        !s)
        return s.error();
    t.totals = QJsonObject{{"salesNet"_L1, all[0]},     {"salesTax"_L1, all[1]},
                           {"refundNet"_L1, all[2]},    {"refundTax"_L1, all[3]},
                           {"net"_L1, all[0] - all[2]}, {"tax"_L1, all[1] - all[3]}};
    return t;
}

Status ReportQueries::stockValue(qint64& value)
{
    QVariantList values;
    const QString where = atLocation(QStringLiteral("l.location"), values);
    return rows(QStringLiteral("SELECT p.unit, p.cost, SUM(l.on_hand) FROM levels l JOIN products "
                               "p ON p.sku = l.sku WHERE p.cost > 0%1 GROUP BY l.sku, p.unit, "
                               "p.cost")
                    .arg(where),
                values, QStringLiteral("value the stock at cost"), [&](const QSqlQuery& q) {
                    const Unit unit = unitFromName(q.value(0).toString()).value_or(Unit::Each);
                    value += priceOf(Money::fromMinor(q.value(1).toLongLong()),
                                     q.value(2).toLongLong(), unit)
                                 .minor();
                });
}

// Net of refunds, the cost of what was sold less what came back (each line at its cost when
// it was sold or refunded), the margin; and what the stock on hand is worth at today's cost.
Result<ReportTable> ReportQueries::margins()
{
    const bool byProduct = m_request.by == "product"_L1;
    Grouped g;
    if (auto s = groupProducts(
            m_db, byProduct, [this](const auto& read) { return productSums(read); }, g);
        !s)
        return s.error();
    const QHash<QString, ProductInfo>& products = g.products;
    const std::map<QString, Sums6>& groups = g.groups;
    const Sums6& all = g.all;
    ReportTable t;
    if (byProduct) {
        t.column(QStringLiteral("sku"), QStringLiteral("SKU"), text);
        t.column(QStringLiteral("name"), QStringLiteral("Product"), text);
    }
    t.column(QStringLiteral("department"), QStringLiteral("Department"), text);
    t.column(QStringLiteral("net"), QStringLiteral("Net sales"), money);
    t.column(QStringLiteral("cost"), QStringLiteral("Cost"), money);
    t.column(QStringLiteral("margin"), QStringLiteral("Margin"), money);
    t.column(QStringLiteral("marginPercent"), QStringLiteral("Margin %"),
             QStringLiteral("percent"));
    const auto fill = [](auto& row, const Sums6& v) {
        const qint64 net = v[1] - v[5];
        row.insert("net"_L1, net);
        row.insert("cost"_L1, v[3]);
        row.insert("margin"_L1, net - v[3]);
        row.insert("marginPercent"_L1, percentOf(net - v[3], net));
    };
    std::vector<std::pair<QString, Sums6>> sorted(groups.begin(), groups.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second[1] - a.second[5] - a.second[3] > b.second[1] - b.second[5] - b.second[3];
    });
    for (const auto& [key, v] : sorted) {
        if (t.rows.size() >= maxReportRows)
            break;
        ReportRow row;
        if (byProduct) {
            row.insert("sku"_L1, key);
            row.insert("name"_L1, products.value(key).name);
            row.insert("department"_L1, products.value(key).department);
        } else {
            row.insert("department"_L1, key);
        }
        fill(row, v);
        t.rows.append(row);
    }
    fill(t.totals, all);
    qint64 value = 0;
    if (auto s = stockValue(value); !s)
        return s.error();
    t.totals.insert("stockValue"_L1, value);
    return t;
}

} // namespace stockline::sync::sqlstore
