// Price changes from the back office (issue 20; sync/PROTOCOL.md, "Back office"): now or at a
// server time, one by one or in bulk by department or supplier, and the timer's side that
// applies what is due — once, whichever server node gets there first.

#include "answer.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"
#include "wireformat.h"

#include <QJsonArray>

namespace stockline::sync {

using namespace sqlstore;
using namespace backoffice;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 percentScale = 100'000; // thousandths of a percent

// n / d rounded half to even (n ≥ 0, d > 0), like every other rounding of money here.
qint64 divideHalfEven(qint64 n, qint64 d)
{
    const qint64 q = n / d;
    const qint64 r = n % d;
    return (2 * r > d || (2 * r == d && q % 2 != 0)) ? q + 1 : q;
}

// "5": the nearest multiple of 5 minor units; "9": the nearest amount ending in 9 (a tie, as
// for 14, goes up). A free item stays free.
qint64 roundTo(qint64 price, Rounding rounding)
{
    if (price == 0 || rounding == Rounding::None)
        return price;
    if (rounding == Rounding::Five)
        return (price + 2) / 5 * 5;
    const qint64 below = price / 10 * 10 - 1;
    const qint64 above = price / 10 * 10 + 9;
    if (price % 10 == 9)
        return price;
    return (below < 0 || above - price <= price - below) ? above : below;
}

qint64 bulkPrice(qint64 price, qint64 percent, Rounding rounding)
{
    return roundTo(divideHalfEven(price * (percentScale + percent), percentScale), rounding);
}

} // namespace

Status SqlServerStore::setPrice(Writer& writer, const QString& sku, qint64 price, const QString& by)
{
    QSqlQuery q = newQuery();
    q.prepare(u"UPDATE products SET price = ?, version = version + 1, changed_by = ?, "
              "changed_at = ?, cursor = ? WHERE sku = ?"_s);
    if (auto s = run(q, {price, by, writer.now(), writer.cursor(), sku}, u"change a price"_s); !s)
        return s;
    q.prepare(productColumns + u" WHERE sku = ?"_s);
    if (auto s = run(q, {sku}, u"read a changed product"_s); !s)
        return s;
    if (!q.next())
        return Error{QString(), u"storage: product %1 vanished"_s.arg(sku), ErrorCode::Storage};
    QList<Product> changed{sqlrows::product(q)};
    changed.first().version = q.value(9).toLongLong();
    if (auto s = addExtraBarcodes(changed, u"products WHERE sku = ?"_s, sku); !s)
        return s;
    writer.productChanged(changed.first());
    return success();
}

// Checked all first (a refusal changes nothing), then applied now or scheduled.
Result<QJsonObject> SqlServerStore::changePrices(Writer& writer, const BackOfficeCall& call,
                                                 const PriceEdit& edit)
{
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT version FROM products WHERE sku = ?"_s);
    for (qsizetype i = 0; i < edit.changes.size(); ++i) {
        const PriceChange& c = edit.changes.at(i);
        if (auto s = run(q, {c.sku}, u"read a product's version"_s); !s)
            return s.error();
        if (!q.next())
            return refusal(answerCode::notFound, u"there is no product %1"_s.arg(c.sku),
                           u"changes[%1].sku"_s.arg(i));
        if (q.value(0).toLongLong() != c.expectedVersion)
            return versionConflict(c.sku, u"changes[%1].expectedVersion"_s.arg(i));
    }
    PlannedPrices planned;
    for (const PriceChange& c : edit.changes)
        planned.append({c.sku, c.price.minor()});
    return applyOrSchedule(writer, call, planned, edit.effectiveAt);
}

Result<QJsonObject> SqlServerStore::changePricesInBulk(Writer& writer, const BackOfficeCall& call,
                                                       const PriceBulk& bulk)
{
    const bool byDepartment = !bulk.department.isEmpty();
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT sku, price FROM products WHERE active = 1 AND %1 = ? ORDER BY sku"_s.arg(
        byDepartment ? u"department"_s : u"supplier"_s));
    if (auto s = run(q, {byDepartment ? bulk.department : bulk.supplier}, u"read prices"_s); !s)
        return s.error();
    PlannedPrices planned;
    while (q.next()) {
        const qint64 was = q.value(1).toLongLong();
        const qint64 now = bulkPrice(was, bulk.percent, bulk.rounding);
        if (now > maxMoneyMinor)
            return refusal(
                answerCode::invalidMessage,
                u"percent: %1 would cost more than the largest price"_s.arg(q.value(0).toString()),
                u"percent"_s);
        if (now != was)
            planned.append({q.value(0).toString(), now});
    }
    return applyOrSchedule(writer, call, planned, bulk.effectiveAt);
}

Result<QJsonObject> SqlServerStore::applyOrSchedule(Writer& writer, const BackOfficeCall& call,
                                                    const PlannedPrices& planned,
                                                    const std::optional<QDateTime>& effectiveAt)
{
    const bool scheduled = effectiveAt && effectiveAt->toMSecsSinceEpoch() > call.nowMs;
    const qint64 at = scheduled ? effectiveAt->toMSecsSinceEpoch() : call.nowMs;
    QSqlQuery record = newQuery();
    record.prepare(u"INSERT INTO price_changes (change_id, sku, price, effective_at, created_by, "
                   "created_at, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const auto& [sku, price] : planned) {
        if (!scheduled) {
            if (auto s = setPrice(writer, sku, price, call.by); !s)
                return s.error();
        }
        if (auto s = run(record,
                         {call.request.id, sku, price, at, call.by, call.nowMs,
                          scheduled ? QVariant() : QVariant(at)},
                         u"record a price change"_s);
            !s)
            return s.error();
    }
    if (scheduled)
        writer.markChanged(); // other nodes re-read their price timer when the cursor moves
    qCInfo(lcServer).noquote() << planned.size() << "price changes by" << call.by
                               << (scheduled ? u"scheduled"_s : u"applied"_s);
    return okAnswer({{"changed"_L1, planned.size()}, {"scheduled"_L1, scheduled}});
}

Result<QJsonObject> SqlServerStore::scheduledPrices()
{
    QSqlQuery q = newQuery();
    if (!q.exec(u"SELECT c.id, c.change_id, c.sku, p.name, c.price, p.price, c.effective_at, "
                "c.created_by, c.created_at FROM price_changes c JOIN products p ON p.sku = c.sku "
                "WHERE c.applied_at IS NULL AND c.cancelled_at IS NULL "
                "ORDER BY c.effective_at, c.id LIMIT 10000"_s))
        return storageError(q, u"read scheduled prices"_s);
    QJsonArray rows;
    while (q.next())
        rows.append(
            QJsonObject{{"change"_L1, q.value(0).toLongLong()},
                        {"id"_L1, q.value(1).toString()},
                        {"sku"_L1, q.value(2).toString()},
                        {"name"_L1, q.value(3).toString()},
                        {"price"_L1, q.value(4).toLongLong()},
                        {"currentPrice"_L1, q.value(5).toLongLong()},
                        {"effectiveAt"_L1, wire::formatTime(fromMs(q.value(6).toLongLong()))},
                        {"createdBy"_L1, q.value(7).toString()},
                        {"createdAt"_L1, wire::formatTime(fromMs(q.value(8).toLongLong()))}});
    return okAnswer({{"rows"_L1, rows}});
}

Result<QJsonObject> SqlServerStore::cancelPrice(const BackOfficeCall& call, qint64 change)
{
    QSqlQuery q = newQuery();
    q.prepare(u"UPDATE price_changes SET cancelled_at = ?, cancelled_by = ? "
              "WHERE id = ? AND applied_at IS NULL AND cancelled_at IS NULL"_s);
    if (auto s = run(q, {call.nowMs, call.by, change}, u"cancel a price change"_s); !s)
        return s.error();
    if (q.numRowsAffected() != 1)
        return refusal(answerCode::notFound,
                       u"change: %1 is not a scheduled price change (applied, cancelled or "
                       "never made)"_s.arg(change),
                       u"change"_s);
    return okAnswer({{"change"_L1, change}});
}

Result<std::optional<QDateTime>> SqlServerStore::nextPriceChange()
{
    QSqlQuery q = newQuery();
    if (!q.exec(u"SELECT MIN(effective_at) FROM price_changes "
                "WHERE applied_at IS NULL AND cancelled_at IS NULL"_s))
        return storageError(q, u"read the next price change"_s);
    if (!q.next() || q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromMs(q.value(0).toLongLong()));
}

// Under the writers' lock: a node that comes second finds every row applied already.
Result<CommitEffects> SqlServerStore::applyDuePrices(const QDateTime& now)
{
    Writer writer(*this, now.toMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s.error();
    QSqlQuery due = newQuery();
    due.prepare(u"SELECT id, sku, price, created_by FROM price_changes WHERE applied_at IS NULL "
                "AND cancelled_at IS NULL AND effective_at <= ? ORDER BY effective_at, id"_s);
    if (auto s = run(due, {now.toMSecsSinceEpoch()}, u"read due price changes"_s); !s)
        return s.error();
    QList<qint64> ids;
    PlannedPrices rows;
    QStringList by;
    while (due.next()) {
        ids.append(due.value(0).toLongLong());
        rows.append({due.value(1).toString(), due.value(2).toLongLong()});
        by.append(due.value(3).toString());
    }
    QSqlQuery applied = newQuery();
    applied.prepare(u"UPDATE price_changes SET applied_at = ? WHERE id = ?"_s);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (auto s = setPrice(writer, rows.at(i).first, rows.at(i).second, by.at(i)); !s)
            return s.error();
        if (auto s = run(applied, {now.toMSecsSinceEpoch(), ids.at(i)},
                         u"mark a price change applied"_s);
            !s)
            return s.error();
    }
    if (!rows.isEmpty())
        qCInfo(lcServer).noquote() << rows.size() << "scheduled price changes applied";
    return writer.commit();
}

} // namespace stockline::sync
