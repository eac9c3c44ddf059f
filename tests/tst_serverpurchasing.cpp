// Purchasing on the server (issue 20, lane G; sync/PROTOCOL.md, "Purchasing"), against the real
// stockline-server process over real WebSockets (raw JSON): suppliers with the version check, a
// purchase order that every dock expects at once, its status from what the docks receive, the
// weighted average cost a receive makes, and reorder suggestions checked against numbers
// computed by hand.
#include "pinhash.h"
#include "serverfixture.h"
#include "staff.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>
#include <optional>

using namespace conformance;
using namespace Qt::StringLiterals;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject supplierRequest(const QString& id, qint64 leadTimeDays, qint64 expectedVersion,
                            const QString& name = u"ACME Paper"_s)
{
    return {{u"type"_s, u"supplier"_s},
            {u"id"_s, newId()},
            {u"supplier"_s, QJsonObject{{u"id"_s, id},
                                        {u"name"_s, name},
                                        {u"contact"_s, u"orders@acme.example"_s},
                                        {u"leadTimeDays"_s, leadTimeDays}}},
            {u"expectedVersion"_s, expectedVersion}};
}

QJsonObject orderRequest(const QJsonArray& lines, const QString& supplier = u"ACME"_s)
{
    return {{u"type"_s, u"purchaseOrder"_s},
            {u"id"_s, newId()},
            {u"order"_s, QJsonObject{{u"supplier"_s, supplier},
                                     {u"location"_s, store1},
                                     {u"expectedAt"_s, u"2026-12-24T08:00:00Z"_s},
                                     {u"lines"_s, lines}}}};
}

QJsonObject orderLine(const QString& sku, qint64 qty, qint64 cost)
{
    return {{u"sku"_s, sku}, {u"qty"_s, qty}, {u"cost"_s, cost}};
}

// A product as the manager sends it (F's `product`), with its cost, supplier and version.
QJsonObject productRequest(const QString& sku, const QString& name, qint64 price, qint64 cost,
                           const QString& supplier, qint64 expectedVersion)
{
    return {{u"type"_s, u"product"_s},
            {u"id"_s, newId()},
            {u"product"_s, QJsonObject{{u"sku"_s, sku},
                                       {u"name"_s, name},
                                       {u"price"_s, price},
                                       {u"taxRate"_s, 19},
                                       {u"cost"_s, cost},
                                       {u"supplier"_s, supplier}}},
            {u"expectedVersion"_s, expectedVersion}};
}

// A receive of accepted lines [{sku, qty, cost?}] against a delivery.
QJsonObject receiveAgainst(qint64 seq, const QString& delivery, const QJsonArray& lines)
{
    return WireClient::mutation(seq, u"receive"_s,
                                {{u"receipt"_s, u"DOCK-01-R-%1"_s.arg(seq)},
                                 {u"location"_s, store1},
                                 {u"lines"_s, lines},
                                 {u"delivery"_s, delivery}});
}

// A paid sale of `qty` × B2 at 2.50 (19 % tax) with its receipt, rung up at `at`.
QJsonObject soldAt(qint64 seq, qint64 qty, const QDateTime& at)
{
    QJsonObject m = sale(seq, u"POS-01-%1"_s.arg(seq, 6, 10, QChar(u'0')),
                         {WireClient::saleLine(u"B2"_s, qty, 250)});
    const qint64 net = 250 * qty;
    const qint64 tax =
        stockline::TaxRate::fromMilliPercent(19000).taxOn(stockline::Money::fromMinor(net)).minor();
    m.insert(u"at"_s, at.toString(Qt::ISODate));
    m.insert(u"payments"_s,
             QJsonArray{QJsonObject{{u"method"_s, u"card"_s}, {u"amount"_s, net + tax}}});
    m.insert(u"staff"_s, u"Ana"_s);
    m.insert(u"receipt"_s,
             QJsonObject{{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"B2"_s},
                                                             {u"name"_s, u"Eraser"_s},
                                                             {u"qty"_s, qty},
                                                             {u"unitPrice"_s, 250},
                                                             {u"discount"_s, 0},
                                                             {u"taxRate"_s, 19},
                                                             {u"tax"_s, tax},
                                                             {u"total"_s, net + tax}}}},
                         {u"net"_s, net},
                         {u"tax"_s, tax},
                         {u"total"_s, net + tax}});
    return m;
}

// The delivery of a `deliveries` message, by reference (empty when absent).
QJsonObject delivery(const QJsonObject& deliveries, const QString& reference)
{
    for (const QJsonValue v : deliveries.value(u"deliveries"_s).toArray()) {
        if (v.toObject().value(u"reference"_s).toString() == reference)
            return v.toObject();
    }
    return {};
}

// The next `deliveries` the session is sent that has (or has not) `reference`: a dock is sent
// the whole list on connecting and after every change, the receives' too.
QJsonObject deliveriesWhere(const Session& s, const QString& reference, bool has)
{
    for (int i = 0; i < 10; ++i) {
        const QJsonObject list = s->take(u"deliveries"_s);
        if (list.isEmpty() || delivery(list, reference).isEmpty() != has)
            return list;
    }
    return {};
}

} // namespace

class TestServerPurchasing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); }

    void suppliersAreVersioned();
    void anOrderIsExpectedAtEveryDockAtOnce();
    void theStatusFollowsWhatTheDocksReceive();
    void aReceiveAveragesTheCost();
    void reorderSuggestionsAreExplained();
    void ordersArePaged();
    void whatWasReceivedBeforeIsValued();
    void badRequestsAreNamed();
    void theSupplierGetsACopy();

private:
    Session elevated(const QString& terminal);
    static QJsonObject ask(const Session& s, QJsonObject request,
                           const QString& type = u"answer"_s);
    // The manager's order list (status filter optional), by reference.
    QHash<QString, QJsonObject> orders(const Session& s, const QString& status = {});
    static qint64 cost(const Session& s, const QString& sku);

    std::unique_ptr<Store> m_store;
};

void TestServerPurchasing::init()
{
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->create());
    {
        auto admin = AdminStore::open(m_store->server().database());
        QVERIFY(admin);
        using stockline::StaffRole;
        for (const auto& [name, role, pin] : {std::tuple{u"Ben"_s, StaffRole::Manager, u"4321"_s},
                                              std::tuple{u"Ana"_s, StaffRole::Cashier, u"1111"_s}})
            QVERIFY(admin.value()->putStaff(
                {name, role, stockline::PinHash::make(pin, 1'000).value(), true}));
    }
    QVERIFY(m_store->start());
}

QJsonObject TestServerPurchasing::ask(const Session& s, QJsonObject request, const QString& type)
{
    if (!request.contains(u"request"_s))
        request.insert(u"request"_s, newId());
    s->send(request);
    return s->take(type);
}

Session TestServerPurchasing::elevated(const QString& terminal)
{
    Session s = m_store->connect(terminal);
    if (!s.ok())
        return {};
    const QJsonObject answer =
        ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ben"_s}, {u"pin"_s, u"4321"_s}},
            u"elevated"_s);
    return text(answer, "staff") == u"Ben"_s ? std::move(s) : Session{};
}

QHash<QString, QJsonObject> TestServerPurchasing::orders(const Session& s, const QString& status)
{
    QJsonObject request{{u"type"_s, u"purchaseOrders"_s}};
    if (!status.isEmpty())
        request.insert(u"status"_s, status);
    QHash<QString, QJsonObject> byReference;
    for (const QJsonValue v : ask(s, request).value(u"rows"_s).toArray())
        byReference.insert(text(v.toObject(), "reference"), v.toObject());
    return byReference;
}

qint64 TestServerPurchasing::cost(const Session& s, const QString& sku)
{
    const QJsonObject answer = ask(s, {{u"type"_s, u"products"_s}, {u"query"_s, sku}});
    return integer(answer.value(u"rows"_s).toArray().at(0).toObject(), "cost");
}

void TestServerPurchasing::suppliersAreVersioned()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    QJsonObject answer = ask(s, supplierRequest(u"ACME"_s, 5, 0));
    QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(text(answer, "message")));
    QCOMPARE(integer(answer, "version"), 1);
    // A second manager's "new ACME" meets the first one's.
    answer = ask(s, supplierRequest(u"ACME"_s, 9, 0, u"Other"_s));
    QCOMPARE(text(answer, "code"), u"version_conflict"_s);
    QCOMPARE(text(answer.value(u"current"_s).toObject(), "name"), u"ACME Paper"_s);
    QCOMPARE(text(answer, "changedBy"), u"Ben"_s);
    answer = ask(s, supplierRequest(u"ACME"_s, 7, 1));
    QCOMPARE(integer(answer, "version"), 2);
    QCOMPARE(ask(s, supplierRequest(u"NOPE"_s, 7, 3)).value(u"code"_s).toString(), u"not_found"_s);
    const QJsonArray rows = ask(s, {{u"type"_s, u"suppliers"_s}}).value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject acme = rows.at(0).toObject();
    QCOMPARE(text(acme, "id"), u"ACME"_s);
    QCOMPARE(text(acme, "contact"), u"orders@acme.example"_s);
    QCOMPARE(integer(acme, "leadTimeDays"), 7);
    QCOMPARE(integer(acme, "version"), 2);
    QCOMPARE(acme.value(u"active"_s).toBool(), true);
}

void TestServerPurchasing::anOrderIsExpectedAtEveryDockAtOnce()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    Session dock = m_store->connect(u"DOCK-01"_s);
    QVERIFY(dock.ok());
    QVERIFY(delivery(dock->take(u"deliveries"_s), u"PO-000001"_s).isEmpty());

    const QJsonObject answer =
        ask(manager, orderRequest({orderLine(u"A1"_s, 10, 50), orderLine(u"B2"_s, 4, 100)}));
    QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(text(answer, "message")));
    QCOMPARE(text(answer, "reference"), u"PO-000001"_s);
    // The dock is sent it without asking.
    const QJsonObject expected = delivery(dock->take(u"deliveries"_s), u"PO-000001"_s);
    QCOMPARE(text(expected, "supplier"), u"ACME Paper"_s);
    QCOMPARE(text(expected, "location"), store1);
    QCOMPARE(expected.value(u"lines"_s).toArray().size(), 2);
    // A dock that connects later has it too; the next order is numbered on.
    QVERIFY(
        !delivery(m_store->connect(u"DOCK-01"_s)->take(u"deliveries"_s), u"PO-000001"_s).isEmpty());
    QCOMPARE(text(ask(manager, orderRequest({orderLine(u"C3"_s, 1, 1)})), "reference"),
             u"PO-000002"_s);
}

void TestServerPurchasing::theStatusFollowsWhatTheDocksReceive()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    const QString po =
        text(ask(manager, orderRequest({orderLine(u"A1"_s, 10, 50), orderLine(u"B2"_s, 4, 100)})),
             "reference");
    QCOMPARE(text(orders(manager).value(po), "status"), u"open"_s);
    QCOMPARE(text(orders(manager).value(po), "createdBy"), u"Ben"_s);

    Session dock = m_store->connect(u"DOCK-01"_s);
    QVERIFY(dock.ok());
    QCOMPARE(text(pushOne(dock, receiveAgainst(1, po,
                                               {QJsonObject{{u"sku"_s, u"A1"_s}, {u"qty"_s, 10}}})),
                  "status"),
             u"applied"_s);
    QJsonObject order = orders(manager).value(po);
    QCOMPARE(text(order, "status"), u"partial"_s);
    QCOMPARE(integer(order.value(u"lines"_s).toArray().at(0).toObject(), "received"), 10);
    QVERIFY(orders(manager, u"open"_s).isEmpty());
    QCOMPARE(orders(manager, u"partial"_s).size(), 1);

    QCOMPARE(text(pushOne(dock,
                          receiveAgainst(2, po, {QJsonObject{{u"sku"_s, u"B2"_s}, {u"qty"_s, 4}}})),
                  "status"),
             u"applied"_s);
    QCOMPARE(text(orders(manager).value(po), "status"), u"received"_s);

    // A second order closed before anything came: the docks stop expecting it.
    const QString second =
        text(ask(manager, orderRequest({orderLine(u"C3"_s, 6, 200)})), "reference");
    QVERIFY(!delivery(deliveriesWhere(dock, second, true), second).isEmpty());
    QJsonObject answer =
        ask(manager,
            {{u"type"_s, u"purchaseOrderClose"_s}, {u"id"_s, newId()}, {u"reference"_s, second}});
    QCOMPARE(text(answer, "status"), u"closed"_s);
    QCOMPARE(text(orders(manager).value(second), "status"), u"closed"_s);
    QVERIFY(!deliveriesWhere(dock, second, false).isEmpty());
    const QJsonObject late =
        pushOne(dock, receiveAgainst(3, second, {QJsonObject{{u"sku"_s, u"C3"_s}, {u"qty"_s, 6}}}));
    QCOMPARE(text(late, "code"), u"unknown_delivery"_s);
    answer =
        ask(manager,
            {{u"type"_s, u"purchaseOrderClose"_s}, {u"id"_s, newId()}, {u"reference"_s, second}});
    QCOMPARE(text(answer, "field"), u"reference"_s);
}

// By hand: A1 has 30 on hand (10 + 20 in the back room) at a cost of 0.40, ordered at 0.60.
//   6 with no cost, as a dock sends them: the order's 0.60:
//              (30 × 40 + 6 × 60) / 36 = 1560 / 36 = 43.33 → 43
//   4 at 0.58, the line's own: (36 × 43 + 4 × 58) / 40 = 1780 / 40 = 44.5 → 44 (half to even;
//              at the order's 0.60 it would be 1788 / 40 = 44.7 → 45)
//   received at 6 × 60 + 4 × 58 = 592.
void TestServerPurchasing::aReceiveAveragesTheCost()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, productRequest(u"A1"_s, u"Pencil HB"_s, 129, 40, {}, 1))
                .value(u"ok"_s)
                .toBool());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    const QString po = text(ask(manager, orderRequest({orderLine(u"A1"_s, 10, 60)})), "reference");
    Session dock = m_store->connect(u"DOCK-01"_s);
    const auto received = [&](qint64 seq, qint64 qty, std::optional<qint64> unitCost) {
        QJsonObject line{{u"sku"_s, u"A1"_s}, {u"qty"_s, qty}};
        if (unitCost)
            line.insert(u"cost"_s, *unitCost);
        return text(pushOne(dock, receiveAgainst(seq, po, {line})), "status");
    };
    QCOMPARE(received(1, 6, std::nullopt), u"applied"_s);
    QCOMPARE(cost(manager, u"A1"_s), 43);
    QJsonObject line = orders(manager).value(po).value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(integer(line, "receivedCost"), 360);
    QCOMPARE(text(line, "name"), u"Pencil HB"_s);
    QCOMPARE(received(2, 4, 58), u"applied"_s);
    QCOMPARE(cost(manager, u"A1"_s), 44);
    line = orders(manager).value(po).value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(integer(line, "receivedCost"), 592);
    // One refused (past what is expected) books nothing.
    QCOMPARE(received(3, 1, std::nullopt), u"rejected"_s);
    QCOMPARE(cost(manager, u"A1"_s), 44);
    line = orders(manager).value(po).value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(integer(line, "receivedCost"), 592);
    // Without a cost, a receive leaves it.
    QCOMPARE(text(pushOne(dock, receive(4, u"RC-4"_s, items({{u"A1"_s, 5}}))), "status"),
             u"applied"_s);
    QCOMPARE(cost(manager, u"A1"_s), 44);
    // A cost on a return is refused, naming it.
    QJsonArray costed{QJsonObject{{u"sku"_s, u"A1"_s}, {u"qty"_s, 1}, {u"cost"_s, 5}}};
    const QJsonObject refused =
        pushOne(m_store->connect(u"POS-01"_s), returned(1, u"RT-1"_s, costed));
    QCOMPARE(text(refused, "status"), u"rejected"_s);
    QVERIFY2(text(refused, "message").contains(u"lines[0].cost"_s),
             qPrintable(text(refused, "message")));
}

// By hand, B2 at store-1 (ACME, 5 days lead time, no reorder point), window 7 days:
//   opening 5, received 30, sold 14 two days ago and 7 ten days ago: on hand 14;
//   sold in the window 14 → 2.00/day; 14 available → 14 × 7 / 14 = 7 days of stock;
//   PO of 10 open → on order 10;
//   cover 14: need ⌈14 × (5 + 14) / 7⌉ = ⌈38⌉ = 38 → suggested 38 − 14 − 10 = 14;
//   cover 7:  need ⌈14 × 12 / 7⌉ = 24 → 24 − 24 = 0: nothing to suggest.
void TestServerPurchasing::reorderSuggestionsAreExplained()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    QVERIFY(ask(manager, productRequest(u"B2"_s, u"Eraser"_s, 250, 100, u"ACME"_s, 1))
                .value(u"ok"_s)
                .toBool());
    Session dock = m_store->connect(u"DOCK-01"_s);
    QCOMPARE(text(pushOne(dock, receive(1, u"RC-1"_s, items({{u"B2"_s, 30}}))), "status"),
             u"applied"_s);
    Session pos = m_store->connect(u"POS-01"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(text(pushOne(pos, soldAt(1, 14, now.addDays(-2))), "status"), u"applied"_s);
    QCOMPARE(text(pushOne(pos, soldAt(2, 7, now.addDays(-10))), "status"), u"applied"_s);
    QVERIFY(ask(manager, orderRequest({orderLine(u"B2"_s, 10, 100)})).value(u"ok"_s).toBool());

    QJsonObject request{{u"type"_s, u"reorder"_s},
                        {u"supplier"_s, u"ACME"_s},
                        {u"location"_s, store1},
                        {u"windowDays"_s, 7}};
    QJsonObject answer = ask(manager, request);
    QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(text(answer, "message")));
    const QJsonArray rows = answer.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1); // A1 and C3 have no supplier ACME
    const QJsonObject b2 = rows.at(0).toObject();
    QCOMPARE(text(b2, "sku"), u"B2"_s);
    QCOMPARE(integer(b2, "soldPerDay"), 200);
    QCOMPARE(integer(b2, "onHand"), 14);
    QCOMPARE(integer(b2, "reserved"), 0);
    QCOMPARE(integer(b2, "onOrder"), 10);
    QCOMPARE(integer(b2, "leadTimeDays"), 5);
    QCOMPARE(integer(b2, "suggested"), 14);
    QCOMPARE(text(b2, "why"), u"sells 2/day, 7 days of stock, 5 days lead time, 10 on order"_s);

    request.insert(u"coverDays"_s, 7);
    QCOMPARE(ask(manager, request).value(u"rows"_s).toArray().size(), 0);
}

// Five orders, newest first, two at a time; the filter counts before the page.
void TestServerPurchasing::ordersArePaged()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    for (int i = 0; i < 5; ++i)
        QVERIFY(ask(manager, orderRequest({orderLine(u"C3"_s, 1, 1)})).value(u"ok"_s).toBool());
    QVERIFY(ask(manager, {{u"type"_s, u"purchaseOrderClose"_s},
                          {u"id"_s, newId()},
                          {u"reference"_s, u"PO-000004"_s}})
                .value(u"ok"_s)
                .toBool());
    const auto page = [&](qint64 limit, qint64 offset, const QString& status = {}) {
        QJsonObject request{
            {u"type"_s, u"purchaseOrders"_s}, {u"limit"_s, limit}, {u"offset"_s, offset}};
        if (!status.isEmpty())
            request.insert(u"status"_s, status);
        const QJsonObject answer = ask(manager, request);
        QStringList references{QString::number(integer(answer, "total"))};
        for (const QJsonValue v : answer.value(u"rows"_s).toArray())
            references.append(text(v.toObject(), "reference"));
        return references.join(u' ');
    };
    QCOMPARE(page(2, 0), u"5 PO-000005 PO-000004"_s);
    QCOMPARE(page(2, 2), u"5 PO-000003 PO-000002"_s);
    QCOMPARE(page(2, 4), u"5 PO-000001"_s);
    QCOMPARE(page(2, 5), u"5"_s);
    QCOMPARE(page(2, 1, u"open"_s), u"4 PO-000003 PO-000002"_s);
    QCOMPARE(page(500, 0, u"closed"_s), u"1 PO-000004"_s);
    for (const auto& [field, value] :
         {std::pair{u"limit"_s, 0}, std::pair{u"limit"_s, 501}, std::pair{u"offset"_s, -1}}) {
        const QJsonObject answer = ask(manager, {{u"type"_s, u"purchaseOrders"_s}, {field, value}});
        QCOMPARE(text(answer, "code"), u"invalid_message"_s);
        QCOMPARE(text(answer, "field"), field);
    }
}

// A database from before receivedCost (its column gone, its schema one back): the migration
// values what was received at the order's cost, 6 × 0.60 = 3.60.
void TestServerPurchasing::whatWasReceivedBeforeIsValued()
{
    {
        Session manager = elevated(u"MGR-01"_s);
        QVERIFY(manager.ok());
        QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
        const QString po =
            text(ask(manager, orderRequest({orderLine(u"A1"_s, 10, 60)})), "reference");
        QCOMPARE(
            text(pushOne(m_store->connect(u"DOCK-01"_s),
                         receiveAgainst(1, po, {QJsonObject{{u"sku"_s, u"A1"_s}, {u"qty"_s, 6}}})),
                 "status"),
            u"applied"_s);
    }
    QCOMPARE(m_store->server().terminate(), 0);
    {
        QSqlDatabase raw = TestDatabase::openRaw(m_store->server().database(), u"raw"_s);
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"ALTER TABLE purchase_order_lines DROP COLUMN received_cost"_s));
        QVERIFY(q.exec(u"UPDATE meta SET value = value - 1 WHERE key = 'schema'"_s));
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    QVERIFY(m_store->start());
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    const QJsonObject line =
        orders(manager).value(u"PO-000001"_s).value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(integer(line, "received"), 6);
    QCOMPARE(integer(line, "receivedCost"), 360);
}

void TestServerPurchasing::badRequestsAreNamed()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QJsonObject answer = ask(manager, supplierRequest(u"ACME"_s, 400, 0));
    QCOMPARE(text(answer, "code"), u"invalid_message"_s);
    QCOMPARE(text(answer, "field"), u"supplier.leadTimeDays"_s);
    answer = ask(manager, orderRequest({orderLine(u"A1"_s, 1, 1)}, u"NOBODY"_s));
    QCOMPARE(text(answer, "code"), u"not_found"_s);
    QCOMPARE(text(answer, "field"), u"order.supplier"_s);
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0)).value(u"ok"_s).toBool());
    answer = ask(manager, orderRequest({orderLine(u"ZZ9"_s, 1, 1)}));
    QCOMPARE(text(answer, "field"), u"order.lines[0].sku"_s);
    answer = ask(manager, orderRequest({orderLine(u"A1"_s, 1, 1), orderLine(u"A1"_s, 2, 1)}));
    QCOMPARE(text(answer, "field"), u"order.lines[1].sku"_s);
    answer = ask(manager, orderRequest({orderLine(u"A1"_s, 0, 1)}));
    QCOMPARE(text(answer, "field"), u"order.lines[0].qty"_s);
    answer =
        ask(manager, {{u"type"_s, u"reorder"_s}, {u"location"_s, store1}, {u"windowDays"_s, 3}});
    QCOMPARE(text(answer, "field"), u"windowDays"_s);
    answer = ask(manager,
                 {{u"type"_s, u"reorder"_s}, {u"location"_s, u"nowhere"_s}, {u"windowDays"_s, 7}});
    QCOMPARE(text(answer, "code"), u"not_found"_s);
    // Nothing of the refused orders was stored, and a till without a manager may not ask.
    QVERIFY(orders(manager).isEmpty());
    Session pos = m_store->connect(u"POS-01"_s);
    QCOMPARE(text(ask(pos, {{u"type"_s, u"suppliers"_s}}), "code"), u"forbidden"_s);
}

// `purchase-order show`: 10 × A1 at 0.50 = 5.00 and 4 × B2 at 1.00 = 4.00, total 9.00.
void TestServerPurchasing::theSupplierGetsACopy()
{
    Session manager = elevated(u"MGR-01"_s);
    QVERIFY(manager.ok());
    QVERIFY(ask(manager, supplierRequest(u"ACME"_s, 5, 0, u"ACME, Paper & Co"_s))
                .value(u"ok"_s)
                .toBool());
    const QString po =
        text(ask(manager, orderRequest({orderLine(u"A1"_s, 10, 50), orderLine(u"B2"_s, 4, 100)})),
             "reference");
    const auto csv = m_store->server().admin({u"purchase-order"_s, u"show"_s, po, u"--csv"_s});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out,
             QByteArray("reference,supplier,location,sku,name,qty,cost,total,received\r\n"
                        "PO-000001,\"ACME, Paper & Co\",store-1,A1,Pencil HB,10,0.50,5.00,0\r\n"
                        "PO-000001,\"ACME, Paper & Co\",store-1,B2,Eraser,4,1.00,4.00,0\r\n"));
    const auto shown = m_store->server().admin({u"purchase-order"_s, u"show"_s, po});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("orders@acme.example") && shown.out.contains("Total 9.00"),
             shown.out.constData());
    const auto missing = m_store->server().admin({u"purchase-order"_s, u"show"_s, u"PO-999"_s});
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.err.contains("PO-999"), missing.err.constData());
}

QTEST_MAIN(TestServerPurchasing)
#include "tst_serverpurchasing.moc"
