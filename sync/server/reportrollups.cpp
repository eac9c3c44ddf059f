#include "reportrollups.h"

#include "sqlhelpers.h"

#include <QDateTime>
#include <QTimeZone>

namespace stockline::sync::sqlstore {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 quarterMs = 15 * 60 * 1000;

template <std::size_t N> void addTo(std::array<qint64, N>& sums, const std::array<qint64, N>& add)
{
    for (std::size_t i = 0; i < N; ++i)
        sums[i] += add[i];
}

// The upsert of a rollup: its keys, its sums, each sum added to what is stored.
RowShape upsert(QLatin1StringView table, QLatin1StringView keys, QLatin1StringView columns)
{
    QStringList keyNames;
    for (const QString& k : QString(keys).split(", "_L1))
        keyNames << k.left(k.indexOf(u' '));
    QStringList sets;
    for (const QString& c : QString(columns).split(", "_L1)) {
        if (c.endsWith(" bigint"_L1) && !keyNames.contains(c.left(c.indexOf(u' ')))) {
            const QString name = c.left(c.indexOf(u' '));
            sets << QStringLiteral("%1 = %2.%1 + excluded.%1").arg(name, QString(table));
        }
    }
    return insertRows(table, columns,
                      QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2")
                          .arg(keyNames.join(", "_L1), sets.join(", "_L1)));
}

template <std::size_t N> void appendSums(RowValues& v, const std::array<qint64, N>& sums)
{
    for (const qint64 s : sums)
        v << s;
}

} // namespace

qint64 ReportRollups::localHour(qint64 ms)
{
    const qint64 quarter = ms >= 0 ? ms / quarterMs : (ms - quarterMs + 1) / quarterMs;
    if (const auto it = m_hourOfQuarter.constFind(quarter); it != m_hourOfQuarter.cend())
        return *it;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::systemTimeZone());
    const QDate d = local.date();
    const qint64 hour =
        ((qint64(d.year()) * 100 + d.month()) * 100 + d.day()) * 100 + local.time().hour();
    m_hourOfQuarter.insert(quarter, hour);
    return hour;
}

void ReportRollups::addHead(const ReceiptRecord& r, qint64 hour)
{
    const bool sale = r.kind == saleKind;
    qint64 discount = 0;
    qint64 discounted = 0;
    qint64 overrides = 0;
    qint64 difference = 0;
    for (const ReceiptRecordLine& l : r.lines) {
        const ReceiptEntry& e = l.entry;
        discount += e.discount.minor();
        discounted += e.discount.minor() > 0 ? 1 : 0;
        if (e.listPrice) {
            ++overrides;
            difference += priceOf(*e.listPrice, e.qty, e.unit).minor() -
                          priceOf(e.unitPrice, e.qty, e.unit).minor();
        }
    }
    const qint64 lines = r.lines.size();
    const qint64 day = hour / 100;
    const Sums<8> head =
        sale ? Sums<8>{1, r.net.minor(), r.tax.minor(), r.total.minor(), 0, 0, discount, lines}
             : Sums<8>{0, 0, 0, 0, 1, r.total.minor(), 0, 0};
    addTo(m_hours[{hour, r.location}], head);
    Sums<11> staff{};
    std::copy(head.begin(), head.end(), staff.begin());
    if (sale) {
        staff[8] = discounted;
        staff[9] = overrides;
        staff[10] = difference;
    }
    addTo(m_days[{day, r.location, r.terminal, r.staff}], staff);
    for (const Payment& p : r.payments) {
        const qint64 amount = p.amount.minor();
        addTo(m_tenders[{day, r.location, r.terminal, p.method}],
              sale ? Sums<2>{amount, 0} : Sums<2>{0, amount});
        if (p.method == "cash"_L1 && !r.cashSession.isEmpty())
            addTo(m_cash[r.cashSession], sale ? Sums<2>{amount, 0} : Sums<2>{0, amount});
    }
}

void ReportRollups::addLine(const ReceiptRecord& r, const ReceiptEntry& e, qint64 hour,
                            qint64 unitCost)
{
    const bool sale = r.kind == saleKind;
    const qint64 net = e.net().minor();
    const qint64 tax = e.tax.minor();
    const qint64 cost = priceOf(Money::fromMinor(unitCost), e.qty, e.unit).minor();
    // A refund's goods came back: their cost is taken off the cost of what was sold.
    const Sums<6> product =
        sale ? Sums<6>{e.qty, net, tax, cost, 0, 0} : Sums<6>{0, 0, 0, -cost, e.qty, net};
    addTo(m_products[{hour / 100, r.location, e.sku}], product);
    addTo(m_months[{hour / 10000, r.location, e.sku}], product);
    addTo(m_taxes[{hour / 100, r.location, e.taxRate.milliPercent()}],
          sale ? Sums<4>{net, tax, 0, 0} : Sums<4>{0, 0, net, tax});
}

Status ReportRollups::flush(RowStatements& rows)
{
    static const RowShape hours =
        upsert("report_hours"_L1, "hour bigint, location text"_L1,
               "hour bigint, location text, receipts bigint, net bigint, tax bigint, "
               "total bigint, refunds bigint, refund_total bigint, discount bigint, "
               "items bigint"_L1);
    static const RowShape days =
        upsert("report_days"_L1, "day bigint, location text, terminal text, staff text"_L1,
               "day bigint, location text, terminal text, staff text, receipts bigint, "
               "net bigint, tax bigint, total bigint, refunds bigint, refund_total bigint, "
               "discount bigint, items bigint, discounted bigint, overrides bigint, "
               "override_difference bigint"_L1);
    static const RowShape products =
        upsert("report_products"_L1, "day bigint, location text, sku text"_L1,
               "day bigint, location text, sku text, qty bigint, net bigint, tax bigint, "
               "cost bigint, refunded_qty bigint, refunded_net bigint"_L1);
    static const RowShape months =
        upsert("report_products_month"_L1, "month bigint, location text, sku text"_L1,
               "month bigint, location text, sku text, qty bigint, net bigint, tax bigint, "
               "cost bigint, refunded_qty bigint, refunded_net bigint"_L1);
    static const RowShape tenders =
        upsert("report_tenders"_L1, "day bigint, location text, terminal text, method text"_L1,
               "day bigint, location text, terminal text, method text, sales bigint, "
               "refunds bigint"_L1);
    static const RowShape taxes =
        upsert("report_taxes"_L1, "day bigint, location text, rate bigint"_L1,
               "day bigint, location text, rate bigint, net bigint, tax bigint, "
               "refund_net bigint, refund_tax bigint"_L1);
    static const RowShape cash = upsert("report_cash"_L1, "session text"_L1,
                                        "session text, sales bigint, refunds bigint"_L1);
    RowValues v;
    for (const auto& [k, sums] : m_hours) {
        v << k.first << k.second;
        appendSums(v, sums);
    }
    if (auto s = rows.run(hours, v, QStringLiteral("sum the report hours")); !s)
        return s;
    RowValues d;
    for (const auto& [k, sums] : m_days) {
        d << std::get<0>(k) << std::get<1>(k) << std::get<2>(k) << std::get<3>(k);
        appendSums(d, sums);
    }
    if (auto s = rows.run(days, d, QStringLiteral("sum the report days")); !s)
        return s;
    const auto writeProducts = [&](const auto& map, const RowShape& shape) {
        RowValues p;
        for (const auto& [k, sums] : map) {
            p << std::get<0>(k) << std::get<1>(k) << std::get<2>(k);
            appendSums(p, sums);
        }
        return rows.run(shape, p, QStringLiteral("sum the report products"));
    };
    if (auto s = writeProducts(m_products, products); !s)
        return s;
    if (auto s = writeProducts(m_months, months); !s)
        return s;
    RowValues t;
    for (const auto& [k, sums] : m_tenders) {
        t << std::get<0>(k) << std::get<1>(k) << std::get<2>(k) << std::get<3>(k);
        appendSums(t, sums);
    }
    if (auto s = rows.run(tenders, t, QStringLiteral("sum the report tenders")); !s)
        return s;
    RowValues x;
    for (const auto& [k, sums] : m_taxes) {
        x << std::get<0>(k) << std::get<1>(k) << std::get<2>(k);
        appendSums(x, sums);
    }
    if (auto s = rows.run(taxes, x, QStringLiteral("sum the report taxes")); !s)
        return s;
    RowValues c;
    for (const auto& [session, sums] : m_cash) {
        c << session;
        appendSums(c, sums);
    }
    if (auto s = rows.run(cash, c, QStringLiteral("sum the drawers' cash")); !s)
        return s;
    m_hours.clear();
    m_days.clear();
    m_products.clear();
    m_months.clear();
    m_tenders.clear();
    m_taxes.clear();
    m_cash.clear();
    return success();
}

} // namespace stockline::sync::sqlstore
