// Purchasing on the server (issue 20, lane G; sync/PROTOCOL.md, "Purchasing"): suppliers with
// the optimistic version check, purchase orders that are expected deliveries from the moment
// they are placed, their status read from what the docks booked on those deliveries, and the
// weighted average cost a receive's costs make.

#include "answer.h"
#include "serverlogging.h"
#include "sqlserverstore_p.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <limits>

namespace stockline::sync {

using namespace sqlstore;
using namespace backoffice;
using namespace Qt::StringLiterals;

namespace {

// A reference's number: PO-000123.
QString orderReference(qint64 number)
{
    return u"PO-%1"_s.arg(number, 6, 10, QChar(u'0'));
}

// (a + b) / d rounded half to even; every value non-negative, d > 0.
qint64 divideHalfEven(qint64 numerator, qint64 denominator)
{
    const qint64 quotient = numerator / denominator;
    const qint64 twice = 2 * (numerator % denominator);
    if (twice > denominator || (twice == denominator && quotient % 2 != 0))
        return quotient + 1;
    return quotient;
}

QJsonObject supplierJson(const QSqlQuery& q)
{
    return {{"id"_L1, q.value(0).toString()},       {"name"_L1, q.value(1).toString()},
            {"contact"_L1, q.value(2).toString()},  {"leadTimeDays"_L1, q.value(3).toLongLong()},
            {"active"_L1, q.value(4).toInt() != 0}, {"version"_L1, q.value(5).toLongLong()}};
}

// An order's head from listOrders' row; its status is made from every line.
QJsonObject orderJson(const QSqlQuery& q)
{
    QJsonObject o{{"reference"_L1, q.value(0).toString()},
                  {"supplier"_L1, q.value(1).toString()},
                  {"location"_L1, q.value(2).toString()},
                  {"createdBy"_L1, q.value(3).toString()},
                  {"createdAt"_L1, fromMs(q.value(4).toLongLong()).toString(Qt::ISODateWithMs)},
                  {"closed"_L1, q.value(6).toBool()},
                  {"lines"_L1, QJsonArray()}};
    if (!q.value(5).isNull())
        o.insert("expectedAt"_L1, fromMs(q.value(5).toLongLong()).toString(Qt::ISODateWithMs));
    return o;
}

const QString supplierColumns =
    u"SELECT id, name, contact, lead_time_days, active, version, changed_by, changed_at "
    "FROM suppliers"_s;

// hundredths as text: 1400 → "14", 150 → "1.5", 7 → "0.07".
QString hundredths(qint64 value)
{
    if (value % 100 == 0)
        return QString::number(value / 100);
    QString text = u"%1.%2"_s.arg(value / 100).arg(value % 100, 2, 10, QChar(u'0'));
    if (text.endsWith(u'0'))
        text.chop(1);
    return text;
}

QString days(qint64 n)
{
    return n == 1 ? u"1 day"_s : u"%1 days"_s.arg(n);
}

// What a suggestion rests on, to order on sight.
struct Demand
{
    qint64 sold = 0; // in the window
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 onOrder = 0;
    qint64 leadTimeDays = 0;
    qint64 reorderPoint = 0;
};

} // namespace

Result<QJsonObject> SqlServerStore::purchasingRead(const BackOfficeCall& call)
{
    if (const auto* list = call.request.as<PurchaseOrderList>())
        return listOrders(*list);
    if (const auto* query = call.request.as<ReorderQuery>())
        return reorder(call, *query);
    QSqlQuery q = newQuery();
    if (!q.exec(supplierColumns + u" ORDER BY name, id"_s))
        return storageError(q, u"list suppliers"_s);
    QJsonArray rows;
    while (q.next())
        rows.append(supplierJson(q));
    return okAnswer({{"rows"_L1, rows}});
}

Result<QJsonObject> SqlServerStore::purchasingWrite(Writer& writer, const BackOfficeCall& call)
{
    if (const auto* edit = call.request.as<SupplierEdit>())
        return editSupplier(call, *edit);
    if (const auto* order = call.request.as<PurchaseOrder>())
        return placeOrder(writer, call, *order);
    return closeOrder(writer, call, *call.request.as<PurchaseOrderClose>());
}

Result<QJsonObject> SqlServerStore::editSupplier(const BackOfficeCall& call,
                                                 const SupplierEdit& edit)
{
    const Supplier& s = edit.supplier;
    QSqlQuery q = newQuery();
    q.prepare(supplierColumns + u" WHERE id = ?"_s);
    if (auto st = run(q, {s.id}, u"read a supplier"_s); !st)
        return st.error();
    const bool exists = q.next();
    if (!exists && edit.expectedVersion > 0)
        return refusal(answerCode::notFound, u"there is no supplier %1"_s.arg(s.id),
                       u"supplier.id"_s);
    if (exists && q.value(5).toLongLong() != edit.expectedVersion) {
        const QString by = q.value(6).toString();
        QJsonObject answer =
            refusal(answerCode::versionConflict,
                    u"supplier %1 was changed meanwhile (now version %2, by %3)"_s.arg(s.id)
                        .arg(q.value(5).toLongLong())
                        .arg(by),
                    u"expectedVersion"_s);
        answer.insert("current"_L1, supplierJson(q));
        answer.insert("changedBy"_L1, by);
        answer.insert("changedAt"_L1, fromMs(q.value(7).toLongLong()).toString(Qt::ISODateWithMs));
        return answer;
    }
    const qint64 version = edit.expectedVersion + 1;
    q.prepare(u"INSERT INTO suppliers (id, name, contact, lead_time_days, active, version, "
              "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
              "SET name = excluded.name, contact = excluded.contact, "
              "lead_time_days = excluded.lead_time_days, active = excluded.active, "
              "version = excluded.version, changed_by = excluded.changed_by, "
              "changed_at = excluded.changed_at"_s);
    if (auto st = run(q,
                      {s.id, s.name, s.contact, s.leadTimeDays, s.active ? 1 : 0, version, call.by,
                       call.nowMs},
                      u"store a supplier"_s);
        !st)
        return st.error();
    qCInfo(lcServer).noquote() << "supplier" << s.id << "version" << version << "by" << call.by;
    return okAnswer({{"version"_L1, version}});
}

// The order and its expected delivery (same reference) in one transaction: the docks get it
// with the next `deliveries` as soon as it commits.
Result<QJsonObject> SqlServerStore::placeOrder(Writer& writer, const BackOfficeCall& call,
                                               const PurchaseOrder& order)
{
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT name, active FROM suppliers WHERE id = ?"_s);
    if (auto s = run(q, {order.supplier}, u"read a supplier"_s); !s)
        return s.error();
    if (!q.next() || q.value(1).toInt() == 0)
        return refusal(answerCode::notFound,
                       u"there is no active supplier %1"_s.arg(order.supplier),
                       u"order.supplier"_s);
    const QString supplierName = q.value(0).toString();
    const Result<bool> location = locationExists(order.location);
    if (!location)
        return location.error();
    if (!*location)
        return refusal(answerCode::notFound, u"there is no location %1"_s.arg(order.location),
                       u"order.location"_s);
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const Result<bool> product = productExists(order.lines.at(i).sku);
        if (!product)
            return product.error();
        if (!*product)
            return refusal(answerCode::notFound,
                           u"there is no product %1"_s.arg(order.lines.at(i).sku),
                           u"order.lines[%1].sku"_s.arg(i));
    }
    if (!q.exec(u"SELECT COALESCE(MAX(number), 0) + 1 FROM purchase_orders"_s) || !q.next())
        return storageError(q, u"number a purchase order"_s);
    const qint64 number = q.value(0).toLongLong();
    const QString reference = orderReference(number);
    q.prepare(u"INSERT INTO deliveries (id, supplier, location, imported_at, cursor) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    if (auto s = run(q, {reference, supplierName, order.location, call.nowMs, writer.cursor()},
                     u"store a delivery"_s);
        !s)
        return s.error();
    const QVariant expectedAt =
        order.expectedAt ? QVariant(order.expectedAt->toMSecsSinceEpoch()) : QVariant();
    q.prepare(u"INSERT INTO purchase_orders (reference, number, supplier, location, expected_at, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (auto s = run(
            q, {reference, number, order.supplier, order.location, expectedAt, call.by, call.nowMs},
            u"store a purchase order"_s);
        !s)
        return s.error();
    QSqlQuery delivery = newQuery();
    delivery.prepare(u"INSERT INTO delivery_lines (delivery, sku, expected) VALUES (?, ?, ?)"_s);
    q.prepare(
        u"INSERT INTO purchase_order_lines (reference, sku, qty, cost) VALUES (?, ?, ?, ?)"_s);
    for (const OrderLine& line : order.lines) {
        if (auto s = run(delivery, {reference, line.sku, line.qty}, u"store a delivery line"_s); !s)
            return s.error();
        if (auto s = run(q, {reference, line.sku, line.qty, line.cost}, u"store an order line"_s);
            !s)
            return s.error();
    }
    Change change;
    change.deliveries = true;
    writer.keep(change);
    writer.markChanged();
    qCInfo(lcServer).noquote() << "purchase order" << reference << "to" << order.supplier << "by"
                               << call.by;
    return okAnswer({{"reference"_L1, reference}});
}

Result<QJsonObject> SqlServerStore::closeOrder(Writer& writer, const BackOfficeCall& call,
                                               const PurchaseOrderClose& close)
{
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT closed_at FROM purchase_orders WHERE reference = ?"_s);
    if (auto s = run(q, {close.reference}, u"read a purchase order"_s); !s)
        return s.error();
    if (!q.next())
        return refusal(answerCode::notFound,
                       u"there is no purchase order %1"_s.arg(close.reference), u"reference"_s);
    if (!q.value(0).isNull())
        return refusal(answerCode::invalidMessage,
                       u"purchase order %1 is closed already"_s.arg(close.reference),
                       u"reference"_s);
    q.prepare(u"UPDATE purchase_orders SET closed_by = ?, closed_at = ? WHERE reference = ?"_s);
    if (auto s = run(q, {call.by, call.nowMs, close.reference}, u"close a purchase order"_s); !s)
        return s.error();
    // Its delivery too: the docks stop expecting what will never come.
    q.prepare(u"UPDATE deliveries SET closed = 1, cursor = ? WHERE id = ?"_s);
    if (auto s = run(q, {writer.cursor(), close.reference}, u"close a delivery"_s); !s)
        return s.error();
    Change change;
    change.deliveries = true;
    writer.keep(change);
    writer.markChanged();
    qCInfo(lcServer).noquote() << "purchase order" << close.reference << "closed by" << call.by;
    return okAnswer({{"reference"_L1, close.reference}, {"status"_L1, u"closed"_s}});
}

// Status from what the docks booked: closed (by a manager, here or with `delivery close`),
// received (every line in full), partial (something), open (nothing yet). The status is read
// from every line, so the filter and the page are applied to the orders read.
Result<QJsonObject> SqlServerStore::listOrders(const PurchaseOrderList& list)
{
    QSqlQuery q = newQuery();
    if (!q.exec(u"SELECT o.reference, o.supplier, o.location, o.created_by, o.created_at, "
                "o.expected_at, o.closed_at IS NOT NULL OR d.closed <> 0, l.sku, l.qty, l.cost, "
                "COALESCE(dl.received, 0), COALESCE(dl.rejected, 0), l.received_cost, p.name "
                "FROM purchase_orders o JOIN deliveries d ON d.id = o.reference "
                "JOIN purchase_order_lines l ON l.reference = o.reference "
                "JOIN products p ON p.sku = l.sku "
                "LEFT JOIN delivery_lines dl ON dl.delivery = o.reference AND dl.sku = l.sku "
                "ORDER BY o.number DESC, l.sku"_s))
        return storageError(q, u"list purchase orders"_s);
    QList<QJsonObject> orders;
    QList<std::pair<bool, bool>> progress; // (every line in full, anything received)
    while (q.next()) {
        if (orders.isEmpty() || orders.last().value("reference"_L1) != q.value(0).toString()) {
            orders.append(orderJson(q));
            progress.append({true, false});
        }
        const qint64 qty = q.value(8).toLongLong();
        const qint64 received = q.value(10).toLongLong();
        QJsonArray lines = orders.last().value("lines"_L1).toArray();
        lines.append(QJsonObject{{"sku"_L1, q.value(7).toString()},
                                 {"name"_L1, q.value(13).toString()},
                                 {"qty"_L1, qty},
                                 {"cost"_L1, q.value(9).toLongLong()},
                                 {"received"_L1, received},
                                 {"rejected"_L1, q.value(11).toLongLong()},
                                 {"receivedCost"_L1, q.value(12).toLongLong()}});
        orders.last().insert("lines"_L1, lines);
        progress.last().first = progress.last().first && received >= qty;
        progress.last().second = progress.last().second || received > 0;
    }
    QJsonArray rows;
    qint64 total = 0;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        QJsonObject o = orders.at(i);
        const auto [full, any] = progress.at(i);
        const QString status = o.take("closed"_L1).toBool() ? u"closed"_s
                               : full                       ? u"received"_s
                               : any                        ? u"partial"_s
                                                            : u"open"_s;
        if (!list.status.isEmpty() && status != list.status)
            continue;
        if (total++ < list.offset || rows.size() >= list.limit)
            continue;
        o.insert("status"_L1, status);
        rows.append(o);
    }
    return okAnswer({{"rows"_L1, rows}, {"total"_L1, total}});
}

// Enough for the lead time and the cover after it at the window's rate, plus the reorder point
// as a floor, less what is available and already on order:
//   suggested = max(0, ceil(sold × (lead + cover) / window) + reorderPoint
//                      − (onHand − reserved) − onOrder)
// Only rows with something to order are listed, the shortest stock first.
Result<QJsonObject> SqlServerStore::reorder(const BackOfficeCall& call, const ReorderQuery& query)
{
    const Result<bool> location = locationExists(query.location);
    if (!location)
        return location.error();
    if (!*location)
        return refusal(answerCode::notFound, u"there is no location %1"_s.arg(query.location),
                       u"location"_s);
    QSqlQuery q = newQuery();
    if (!query.supplier.isEmpty()) {
        q.prepare(u"SELECT 1 FROM suppliers WHERE id = ?"_s);
        if (auto s = run(q, {query.supplier}, u"read a supplier"_s); !s)
            return s.error();
        if (!q.next())
            return refusal(answerCode::notFound, u"there is no supplier %1"_s.arg(query.supplier),
                           u"supplier"_s);
    }
    const qint64 since = call.nowMs - query.windowDays * 24 * 3600 * 1000;
    q.prepare(u"SELECT p.sku, p.name, p.supplier, p.reorder_point, "
              "COALESCE(s.lead_time_days, 0), COALESCE(l.on_hand, 0), COALESCE(l.reserved, 0), "
              "(SELECT COALESCE(SUM(rl.qty), 0) FROM receipt_lines rl "
              " JOIN receipts r ON r.number = rl.receipt "
              " WHERE rl.sku = p.sku AND r.kind = 'sale' AND r.location = ? AND r.at >= ?), "
              "(SELECT COALESCE(SUM(CASE WHEN dl.expected > dl.received "
              "  THEN dl.expected - dl.received ELSE 0 END), 0) FROM delivery_lines dl "
              " JOIN deliveries d ON d.id = dl.delivery "
              " WHERE dl.sku = p.sku AND d.closed = 0 AND d.location = ?) "
              "FROM products p LEFT JOIN suppliers s ON s.id = p.supplier "
              "LEFT JOIN levels l ON l.sku = p.sku AND l.location = ? "
              "WHERE p.active = 1 AND (? = '' OR p.supplier = ?) ORDER BY p.sku"_s);
    const QString supplier = query.supplier.isNull() ? u""_s : query.supplier;
    if (auto s = run(q, {query.location, since, query.location, query.location, supplier, supplier},
                     u"read what sells"_s);
        !s)
        return s.error();
    QList<std::pair<qint64, QJsonObject>> rows; // (days of stock, row)
    while (q.next()) {
        const Demand d{q.value(7).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong(),
                       q.value(8).toLongLong(), q.value(4).toLongLong(), q.value(3).toLongLong()};
        const qint64 available = d.onHand - d.reserved;
        const qint64 horizon = d.leadTimeDays + query.coverDays;
        const qint64 need = (d.sold * horizon + query.windowDays - 1) / query.windowDays;
        const qint64 suggested = need + d.reorderPoint - available - d.onOrder;
        if (suggested <= 0)
            continue;
        const qint64 perDay = (d.sold * 100 + query.windowDays / 2) / query.windowDays;
        const qint64 daysOfStock =
            d.sold > 0 ? std::max<qint64>(available, 0) * query.windowDays / d.sold : -1;
        QStringList why{d.sold > 0 ? u"sells %1/day"_s.arg(hundredths(perDay))
                                   : u"no sales in %1"_s.arg(days(query.windowDays)),
                        d.sold > 0 ? u"%1 of stock"_s.arg(days(daysOfStock))
                                   : u"%1 in stock"_s.arg(available)};
        if (d.reorderPoint > 0)
            why.append(u"reorder point %1"_s.arg(d.reorderPoint));
        why.append(u"%1 lead time"_s.arg(days(d.leadTimeDays)));
        if (d.onOrder > 0)
            why.append(u"%1 on order"_s.arg(d.onOrder));
        rows.append({daysOfStock < 0 ? std::numeric_limits<qint64>::max() : daysOfStock,
                     QJsonObject{{"sku"_L1, q.value(0).toString()},
                                 {"name"_L1, q.value(1).toString()},
                                 {"supplier"_L1, q.value(2).toString()},
                                 {"soldPerDay"_L1, perDay},
                                 {"onHand"_L1, d.onHand},
                                 {"reserved"_L1, d.reserved},
                                 {"onOrder"_L1, d.onOrder},
                                 {"leadTimeDays"_L1, d.leadTimeDays},
                                 {"reorderPoint"_L1, d.reorderPoint},
                                 {"suggested"_L1, suggested},
                                 {"why"_L1, why.join(u", "_s)}}});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QJsonArray result;
    for (const auto& row : std::as_const(rows))
        result.append(row.second);
    return okAnswer({{"rows"_L1, result},
                     {"location"_L1, query.location},
                     {"windowDays"_L1, query.windowDays},
                     {"coverDays"_L1, query.coverDays}});
}

// The weighted average, line by line: (on hand × old cost + received × its cost) / (sum),
// rounded half to even. On hand is the product's stock at every location before this line;
// stock below zero counts as none (what was sold short was never costed).
Status SqlServerStore::Writer::averageCosts(const ReceiveMutation& m)
{
    QList<ItemLine> lines = m.lines;
    if (auto s = bookOrderCosts(m.delivery, lines); !s)
        return s;
    if (std::none_of(lines.cbegin(), lines.cend(),
                     [](const ItemLine& line) { return line.cost.has_value(); }))
        return success();
    QHash<QString, qint64> receivedHere;
    for (const ItemLine& line : lines)
        receivedHere[line.sku] += line.qty;
    QSqlQuery read = m_store.newQuery();
    read.prepare(u"SELECT p.cost, (SELECT COALESCE(SUM(on_hand), 0) FROM levels WHERE sku = ?) "
                 "FROM products p WHERE p.sku = ?"_s);
    QSqlQuery write = m_store.newQuery();
    write.prepare(u"UPDATE products SET cost = ? WHERE sku = ?"_s);
    QHash<QString, qint64> onHandBefore;
    for (const ItemLine& line : std::as_const(lines)) {
        if (!line.cost)
            continue;
        if (auto s = run(read, {line.sku, line.sku}, u"read a product's cost"_s); !s)
            return s;
        if (!read.next())
            continue; // unknown SKUs were refused before
        const qint64 oldCost = read.value(0).toLongLong();
        auto before = onHandBefore.find(line.sku);
        if (before == onHandBefore.end())
            before = onHandBefore.insert(line.sku,
                                         read.value(1).toLongLong() - receivedHere.value(line.sku));
        read.finish();
        const qint64 held = std::max<qint64>(*before, 0);
        const qint64 cost = divideHalfEven(held * oldCost + line.qty * *line.cost, held + line.qty);
        *before += line.qty;
        if (auto s = run(write, {cost, line.sku}, u"store a product's cost"_s); !s)
            return s;
    }
    return success();
}

// A dock receiving against a purchase order sends no costs: each line without one is received
// at the order line's agreed cost (a line's own cost wins), and what it was received at is
// booked on the order line, for the manager's `purchaseOrders`. Other deliveries: no change.
Status SqlServerStore::Writer::bookOrderCosts(const QString& reference, QList<ItemLine>& lines)
{
    if (reference.isEmpty())
        return success();
    QSqlQuery q = m_store.newQuery();
    q.prepare(u"SELECT sku, cost FROM purchase_order_lines WHERE reference = ?"_s);
    if (auto s = run(q, {reference}, u"read a purchase order's costs"_s); !s)
        return s;
    QHash<QString, qint64> agreed;
    while (q.next())
        agreed.insert(q.value(0).toString(), q.value(1).toLongLong());
    if (agreed.isEmpty())
        return success();
    q.prepare(u"UPDATE purchase_order_lines SET received_cost = received_cost + ? "
              "WHERE reference = ? AND sku = ?"_s);
    for (ItemLine& line : lines) {
        const auto cost = agreed.constFind(line.sku);
        if (cost == agreed.cend())
            continue; // refused before: every line is on the delivery
        if (!line.cost)
            line.cost = *cost;
        if (auto s = run(q, {line.qty * *line.cost, reference, line.sku},
                         u"book what an order line received"_s);
            !s)
            return s;
    }
    return success();
}

} // namespace stockline::sync
