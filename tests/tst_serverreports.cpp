// The back office's reports (sync/PROTOCOL.md, "Reports") against the real stockline-server
// process in Europe/Berlin: a small store's week pushed by real tills over real WebSockets (two
// tax rates, a discount, a price override with its approver, a refund, a drawer short by 0.39,
// an adjustment and a count, and an offline till's receipts arriving late), then every report
// read by a manager terminal and from the command line and compared with numbers worked out by
// hand below, not with the server's own output.
#include "serverfixture.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace conformance;
using namespace Qt::StringLiterals;

namespace {

struct Line
{
    QString sku;
    QString name;
    qint64 qty;
    qint64 unitPrice;
    qint64 discount;
    double rate;
    qint64 tax; // worked out by hand: the rate's tax on net, rounded
    qint64 listPrice = -1;
    QString approvedBy;
};

QJsonObject saleOf(qint64 seq, const QString& number, const QString& at, const QString& staff,
                   const QList<Line>& lines, const QJsonArray& payments, const QString& drawer = {},
                   bool offline = false)
{
    QJsonArray stock;
    QJsonArray entries;
    qint64 net = 0;
    qint64 tax = 0;
    for (const Line& l : lines) {
        const qint64 lineNet = l.qty * l.unitPrice - l.discount;
        stock.append(WireClient::saleLine(l.sku, l.qty, l.unitPrice));
        QJsonObject e{{u"sku"_s, l.sku},           {u"name"_s, l.name},
                      {u"qty"_s, l.qty},           {u"unitPrice"_s, l.unitPrice},
                      {u"discount"_s, l.discount}, {u"taxRate"_s, l.rate},
                      {u"tax"_s, l.tax},           {u"total"_s, lineNet + l.tax}};
        if (l.listPrice >= 0) {
            e.insert(u"listPrice"_s, l.listPrice);
            e.insert(u"approvedBy"_s, l.approvedBy);
        }
        entries.append(e);
        net += lineNet;
        tax += l.tax;
    }
    QJsonObject m = sale(seq, number, stock, offline);
    m.insert(u"at"_s, at);
    m.insert(u"staff"_s, staff);
    m.insert(u"payments"_s, payments);
    QJsonObject receipt{
        {u"lines"_s, entries}, {u"net"_s, net}, {u"tax"_s, tax}, {u"total"_s, net + tax}};
    if (!drawer.isEmpty())
        receipt.insert(u"cashSession"_s, drawer);
    m.insert(u"receipt"_s, receipt);
    return m;
}

QJsonObject pay(const QString& method, qint64 amount)
{
    return QJsonObject{{u"method"_s, method}, {u"amount"_s, amount}};
}

QJsonObject at(QJsonObject m, const QString& time)
{
    m.insert(u"at"_s, time);
    return m;
}

QJsonObject cash(qint64 seq, const QString& event, qint64 amount, const QString& time,
                 const QJsonObject& more = {})
{
    QJsonObject fields{{u"session"_s, u"POS-01-C000001"_s},
                       {u"event"_s, event},
                       {u"staff"_s, u"Ana"_s},
                       {u"amount"_s, amount}};
    for (auto it = more.begin(); it != more.end(); ++it)
        fields.insert(it.key(), it.value());
    return at(WireClient::mutation(seq, u"cash"_s, fields), time);
}

QString status(const QJsonObject& result)
{
    return text(result, "status");
}

// The rows of a report answer keyed by `key`'s value.
QHash<QString, QJsonObject> rowsBy(const QJsonObject& answer, const char* key)
{
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue v : answer.value(u"rows"_s).toArray())
        rows.insert(v.toObject().value(QLatin1String(key)).toVariant().toString(), v.toObject());
    return rows;
}

QJsonObject totals(const QJsonObject& answer)
{
    return answer.value(u"totals"_s).toObject();
}

} // namespace

class TestServerReports : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_manager;

    QJsonObject report(const QJsonObject& fields)
    {
        QJsonObject q{{u"type"_s, u"report"_s}, {u"request"_s, u"r-1"_s}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            q.insert(it.key(), it.value());
        (*m_manager)->send(q);
        return (*m_manager)->take(u"answer"_s);
    }

    QJsonObject over(const QString& kind, const QString& by, const QString& from, const QString& to)
    {
        return report({{u"report"_s, kind}, {u"by"_s, by}, {u"from"_s, from}, {u"to"_s, to}});
    }

    QJsonObject week(const QString& kind, const QString& by = {})
    {
        QJsonObject q{
            {u"report"_s, kind}, {u"from"_s, u"2026-12-01"_s}, {u"to"_s, u"2026-12-02"_s}};
        if (!by.isEmpty())
            q.insert(u"by"_s, by);
        return report(q);
    }

    // Costs and departments, as a catalog import with the optional `cost` column gives them.
    bool setCosts()
    {
        auto opened = AdminStore::open(m_store->server().database());
        if (!opened)
            return false;
        QList<Product> products = seedProducts();
        const QHash<QString, std::pair<qint64, QString>> extra{{u"A1"_s, {60, u"Stationery"_s}},
                                                               {u"B2"_s, {100, u"Stationery"_s}},
                                                               {u"C3"_s, {200, u"Tools"_s}}};
        for (Product& p : products) {
            if (extra.contains(p.sku)) {
                p.cost = Money::fromMinor(extra.value(p.sku).first);
                p.department = extra.value(p.sku).second;
            }
        }
        return bool(opened.value()->importCatalog(products));
    }

    // The week, worked out by hand (Europe/Berlin is UTC+1 in December):
    //   S1 POS-01 Ana, 2026-12-01 10:30 local, drawer C000001:
    //      A1 4 × 1.29 − 0.16 discount = 5.00 net, 8.875 % tax 0.44 (0.44375)
    //      B2 2 × 2.50 = 5.00 net, 19 % tax 0.95; total 11.39, cash 12.00 − 0.61 change
    //   S2 POS-02 Ben, offline, 2026-12-01 23:30 local: C3 1 × 3.99 (list 4.50, Mia approved),
    //      0 % tax; card 3.99
    //   S3 POS-02 Ben, offline, 2026-12-02 00:30 local (still 12-01 in UTC): A1 1 × 1.29,
    //      tax 0.11 (0.1145), total 1.40; card
    //   R1 POS-01 Ana, 2026-12-02 11:00 local: 1 B2 of S1 back, 2.98 (tax 0.48) to the card
    //   drawer: float 100.00, paid out 5.00, expected 100.00 + 11.39 − 5.00 = 106.39,
    //      counted 106.00: 0.39 short
    //   DOCK-01 adjusts B2 by −1, counts C3 at 1 (2 on the shelf after S2): 1 lost each
    //   S2 and S3 are pushed last: the offline till's receipts arrive late.
    void pushWeek()
    {
        const Session pos1 = m_store->connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos1, cash(1, u"open"_s, 10000, u"2026-12-01T08:00:00Z"_s))),
                 u"applied"_s);
        QCOMPARE(
            status(pushOne(pos1, saleOf(2, u"POS-01-000001"_s, u"2026-12-01T09:30:00Z"_s, u"Ana"_s,
                                        {{u"A1"_s, u"Pencil HB"_s, 4, 129, 16, 8.875, 44, -1, {}},
                                         {u"B2"_s, u"Eraser"_s, 2, 250, 0, 19, 95, -1, {}}},
                                        {pay(u"cash"_s, 1200), pay(u"cash"_s, -61)},
                                        u"POS-01-C000001"_s))),
            u"applied"_s);
        QCOMPARE(status(pushOne(pos1, cash(3, u"paid_out"_s, 500, u"2026-12-01T12:00:00Z"_s,
                                           {{u"reason"_s, u"milk man"_s}}))),
                 u"applied"_s);
        QCOMPARE(status(pushOne(pos1, cash(4, u"close"_s, 10600, u"2026-12-01T18:00:00Z"_s,
                                           {{u"expected"_s, 10639}}))),
                 u"applied"_s);
        QJsonObject r1 =
            returned(5, u"POS-01-R000001"_s, items({{u"B2"_s, 1}}), u"POS-01-000001"_s);
        r1.insert(u"refund"_s, QJsonObject{{u"staff"_s, u"Ana"_s},
                                           {u"lines"_s, QJsonArray{QJsonObject{{u"line"_s, 2},
                                                                               {u"sku"_s, u"B2"_s},
                                                                               {u"qty"_s, 1},
                                                                               {u"amount"_s, 298},
                                                                               {u"tax"_s, 48}}}},
                                           {u"payments"_s, QJsonArray{pay(u"card"_s, 298)}},
                                           {u"total"_s, 298}});
        QCOMPARE(status(pushOne(pos1, at(r1, u"2026-12-02T10:00:00Z"_s))), u"applied"_s);

        const Session dock = m_store->connect(u"DOCK-01"_s);
        QCOMPARE(status(pushOne(dock, adjust(1, u"B2"_s, -1))), u"applied"_s);

        const Session pos2 = m_store->connect(u"POS-02"_s);
        QCOMPARE(status(pushOne(
                     pos2, at(WireClient::mutation(1, u"approval"_s,
                                                   {{u"action"_s, u"price_override"_s},
                                                    {u"staff"_s, u"Ben"_s},
                                                    {u"approver"_s, u"Mia"_s},
                                                    {u"detail"_s, u"Sharpener: 4.50 → 3.99"_s}}),
                              u"2026-12-01T22:30:00Z"_s))),
                 u"applied"_s);
        QCOMPARE(
            status(pushOne(pos2, saleOf(2, u"POS-02-000001"_s, u"2026-12-01T22:30:00Z"_s, u"Ben"_s,
                                        {{u"C3"_s, u"Sharpener"_s, 1, 399, 0, 0, 0, 450, u"Mia"_s}},
                                        {pay(u"card"_s, 399)}, {}, true))),
            u"applied"_s);
        QCOMPARE(
            status(pushOne(pos2, saleOf(3, u"POS-02-000002"_s, u"2026-12-01T23:30:00Z"_s, u"Ben"_s,
                                        {{u"A1"_s, u"Pencil HB"_s, 1, 129, 0, 8.875, 11, -1, {}}},
                                        {pay(u"card"_s, 140)}, {}, true))),
            u"applied"_s);
        const qint64 version =
            m_store->levelsNow().value(key(u"C3"_s, store1)).value(u"version"_s).toInteger();
        QCOMPARE(status(pushOne(dock, count(2, u"C3"_s, 1, version))), u"applied"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The server, its command line and this process: one zone that is not UTC, so a
        // receipt's local day differs from its UTC day.
        qputenv("TZ", "Europe/Berlin");
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->create());
        QVERIFY(setCosts());
        QVERIFY(m_store->start());
        pushWeek();
        m_manager = std::make_unique<Session>(m_store->connect(u"MGR-01"_s));
        QVERIFY(m_manager->ok());
    }

    void cleanup()
    {
        m_manager.reset();
        m_store.reset();
    }

    void salesByDayPutLateReceiptsInTheirOwnLocalDay()
    {
        const QJsonObject a = week(u"sales"_s, u"day"_s);
        QVERIFY2(a.value(u"ok"_s).toBool(), qPrintable(compact(a)));
        QCOMPARE(text(a, "type"), u"answer"_s);
        QCOMPARE(text(a, "request"), u"r-1"_s);
        QCOMPARE(text(a, "timeZone"), u"Europe/Berlin"_s);
        const auto days = rowsBy(a, "day");
        QCOMPARE(days.size(), 2);
        const QJsonObject first = days.value(u"2026-12-01"_s);
        QCOMPARE(integer(first, "receipts"), 2); // S1 and the late S2
        QCOMPARE(integer(first, "net"), 1399);
        QCOMPARE(integer(first, "tax"), 139);
        QCOMPARE(integer(first, "total"), 1538);
        QCOMPARE(integer(first, "discount"), 16);
        QCOMPARE(integer(first, "averageBasket"), 769);
        const QJsonObject second = days.value(u"2026-12-02"_s);
        QCOMPARE(integer(second, "receipts"), 1); // S3: 23:30 UTC on the 1st
        QCOMPARE(integer(second, "total"), 140);
        QCOMPARE(integer(second, "refunds"), 1);
        QCOMPARE(integer(second, "refundTotal"), 298);
        QCOMPARE(integer(second, "takings"), -158);
        const QJsonObject t = totals(a);
        QCOMPARE(integer(t, "receipts"), 3);
        QCOMPARE(integer(t, "net"), 1528);
        QCOMPARE(integer(t, "tax"), 150);
        QCOMPARE(integer(t, "takings"), 1380);
        QCOMPARE(integer(t, "averageBasket"), 559);
        QVERIFY(!a.value(u"columns"_s).toArray().isEmpty());
    }

    void salesByHourStaffTillAndMethod()
    {
        const auto hours = rowsBy(week(u"sales"_s, u"hour"_s), "hour");
        QCOMPARE(hours.keys().size(), 4);
        QCOMPARE(integer(hours.value(u"10:00"_s), "total"), 1139);
        QCOMPARE(integer(hours.value(u"23:00"_s), "total"), 399);
        QCOMPARE(integer(hours.value(u"00:00"_s), "total"), 140);
        QCOMPARE(integer(hours.value(u"11:00"_s), "refundTotal"), 298);

        const auto staff = rowsBy(week(u"sales"_s, u"staff"_s), "staff");
        QCOMPARE(integer(staff.value(u"Ana"_s), "total"), 1139);
        QCOMPARE(integer(staff.value(u"Ana"_s), "refundTotal"), 298);
        QCOMPARE(integer(staff.value(u"Ben"_s), "receipts"), 2);
        QCOMPARE(integer(staff.value(u"Ben"_s), "total"), 539);

        const auto tills = rowsBy(week(u"sales"_s, u"till"_s), "terminal");
        QCOMPARE(integer(tills.value(u"POS-01"_s), "takings"), 841);
        QCOMPARE(integer(tills.value(u"POS-02"_s), "takings"), 539);

        const QJsonObject methods = week(u"sales"_s, u"method"_s);
        const auto m = rowsBy(methods, "method");
        QCOMPARE(integer(m.value(u"cash"_s), "sales"), 1139); // net of change
        QCOMPARE(integer(m.value(u"card"_s), "sales"), 539);
        QCOMPARE(integer(m.value(u"card"_s), "refunds"), 298);
        QCOMPARE(integer(totals(methods), "net"), 1380);

        const auto weeks = rowsBy(week(u"sales"_s, u"week"_s), "week");
        QCOMPARE(integer(weeks.value(u"2026-W49"_s), "receipts"), 3);
    }

    void salesByProductAndDepartment()
    {
        const QJsonObject a = week(u"sales"_s, u"product"_s);
        const QJsonArray rows = a.value(u"rows"_s).toArray();
        // Best sellers first by net sales less refunds; D4 is retired and not listed.
        QCOMPARE(rows.size(), 3);
        QCOMPARE(text(rows.at(0).toObject(), "sku"), u"A1"_s);
        QCOMPARE(text(rows.at(1).toObject(), "sku"), u"C3"_s);
        QCOMPARE(text(rows.at(2).toObject(), "sku"), u"B2"_s);
        const QJsonObject a1 = rows.at(0).toObject();
        QCOMPARE(integer(a1, "qty"), 5);
        QCOMPARE(integer(a1, "net"), 629);
        QCOMPARE(integer(a1, "tax"), 55);
        const QJsonObject b2 = rows.at(2).toObject();
        QCOMPARE(integer(b2, "qty"), 2);
        QCOMPARE(integer(b2, "refundedQty"), 1);
        QCOMPARE(integer(b2, "refundedNet"), 250);
        QCOMPARE(integer(b2, "sales"), 250);
        const auto departments = rowsBy(week(u"sales"_s, u"department"_s), "department");
        QCOMPARE(integer(departments.value(u"Stationery"_s), "sales"), 879);
        QCOMPARE(integer(departments.value(u"Tools"_s), "sales"), 399);
    }

    // Longer ranges read whole months, and a month mostly covered as the month less the days
    // left out: every way must give the week's numbers, or only the 2nd's.
    void productsOverMonthsAndTheDaysAround()
    {
        const auto range = [this](const QString& report, const QString& from, const QString& to) {
            return over(report, u"product"_s, from, to);
        };
        for (const auto& [from, to] : {std::pair{u"2026-11-15"_s, u"2026-12-20"_s},
                                       std::pair{u"2026-10-01"_s, u"2026-12-31"_s},
                                       std::pair{u"2025-12-15"_s, u"2026-12-02"_s}}) {
            const QJsonObject t = totals(range(u"margins"_s, from, to));
            QCOMPARE(integer(t, "net"), 1278);
            QCOMPARE(integer(t, "cost"), 600);
            const auto p = rowsBy(range(u"sales"_s, from, to), "sku");
            QCOMPARE(integer(p.value(u"A1"_s), "qty"), 5);
            QCOMPARE(integer(p.value(u"B2"_s), "refundedQty"), 1);
        }
        // December less the 1st: S3's pencil and R1's eraser; C3 sold only on the 1st, so the
        // margins have no row for it.
        const QJsonObject margins = range(u"margins"_s, u"2026-12-02"_s, u"2026-12-31"_s);
        const auto m = rowsBy(margins, "sku");
        QCOMPARE(m.keys().size(), 2);
        QCOMPARE(integer(m.value(u"A1"_s), "net"), 129);
        QCOMPARE(integer(m.value(u"A1"_s), "cost"), 60);
        QCOMPARE(integer(m.value(u"B2"_s), "net"), -250);
        QCOMPARE(integer(m.value(u"B2"_s), "cost"), -100);
        const auto s = rowsBy(range(u"sales"_s, u"2026-12-02"_s, u"2026-12-31"_s), "sku");
        QCOMPARE(integer(s.value(u"A1"_s), "qty"), 1);
        QCOMPARE(integer(s.value(u"A1"_s), "tax"), 11);
        QCOMPARE(integer(s.value(u"B2"_s), "qty"), 0);
        QCOMPARE(integer(s.value(u"B2"_s), "refundedNet"), 250);
        QCOMPARE(integer(s.value(u"C3"_s), "qty"), 0); // an active product that sold nothing
    }

    void taxByRateTakesRefundsOffTheirRate()
    {
        const QJsonObject a = week(u"tax"_s);
        const QJsonArray rows = a.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonObject zero = rows.at(0).toObject();
        QCOMPARE(zero.value(u"rate"_s).toDouble(), 0.0);
        QCOMPARE(integer(zero, "net"), 399);
        const QJsonObject reduced = rows.at(1).toObject();
        QCOMPARE(reduced.value(u"rate"_s).toDouble(), 8.875);
        QCOMPARE(integer(reduced, "salesNet"), 629);
        QCOMPARE(integer(reduced, "tax"), 55);
        const QJsonObject full = rows.at(2).toObject();
        QCOMPARE(full.value(u"rate"_s).toDouble(), 19.0);
        QCOMPARE(integer(full, "salesTax"), 95);
        QCOMPARE(integer(full, "refundNet"), 250);
        QCOMPARE(integer(full, "refundTax"), 48);
        QCOMPARE(integer(full, "tax"), 47);
        QCOMPARE(integer(totals(a), "tax"), 102);
        QCOMPARE(integer(totals(a), "net"), 1278);
    }

    void marginsAtCostAndStockValue()
    {
        const QJsonObject a = week(u"margins"_s, u"product"_s);
        const auto p = rowsBy(a, "sku");
        QCOMPARE(integer(p.value(u"A1"_s), "cost"), 300);
        QCOMPARE(integer(p.value(u"A1"_s), "margin"), 329);
        QCOMPARE(p.value(u"A1"_s).value(u"marginPercent"_s).toDouble(), 52.3);
        // 2 sold at 1.00 less the 1 that came back.
        QCOMPARE(integer(p.value(u"B2"_s), "net"), 250);
        QCOMPARE(integer(p.value(u"B2"_s), "cost"), 100);
        QCOMPARE(integer(p.value(u"C3"_s), "margin"), 199);
        const QJsonObject t = totals(a);
        QCOMPARE(integer(t, "net"), 1278);
        QCOMPARE(integer(t, "cost"), 600);
        QCOMPARE(integer(t, "margin"), 678);
        QCOMPARE(t.value(u"marginPercent"_s).toDouble(), 53.1);
        // On hand now: A1 5 + 20, B2 3, C3 1 → 25 × 0.60 + 3 × 1.00 + 1 × 2.00.
        QCOMPARE(integer(t, "stockValue"), 2000);
        const QJsonObject floor = report({{u"report"_s, u"margins"_s},
                                          {u"by"_s, u"department"_s},
                                          {u"from"_s, u"2026-12-01"_s},
                                          {u"to"_s, u"2026-12-02"_s},
                                          {u"location"_s, store1}});
        QCOMPARE(integer(totals(floor), "stockValue"), 800);
        QCOMPARE(integer(rowsBy(floor, "department").value(u"Stationery"_s), "margin"), 479);
    }

    void eventListsSayWhoAskedAndWhoApproved()
    {
        const QJsonObject refunds = week(u"refunds"_s);
        QCOMPARE(refunds.value(u"rows"_s).toArray().size(), 1);
        const QJsonObject r = refunds.value(u"rows"_s).toArray().at(0).toObject();
        QCOMPARE(text(r, "number"), u"POS-01-R000001"_s);
        QCOMPARE(text(r, "sale"), u"POS-01-000001"_s);
        QCOMPARE(text(r, "staff"), u"Ana"_s);
        QCOMPARE(text(r, "at"), u"2026-12-02T11:00:00+01:00"_s); // local, with its offset
        QCOMPARE(integer(totals(refunds), "total"), 298);

        const QJsonObject discounts = week(u"discounts"_s);
        const QJsonObject d = discounts.value(u"rows"_s).toArray().at(0).toObject();
        QCOMPARE(text(d, "sku"), u"A1"_s);
        QCOMPARE(integer(d, "discount"), 16);
        QCOMPARE(text(d, "staff"), u"Ana"_s);
        QCOMPARE(integer(totals(discounts), "count"), 1);

        const QJsonObject overrides = week(u"overrides"_s);
        const QJsonObject o = overrides.value(u"rows"_s).toArray().at(0).toObject();
        QCOMPARE(text(o, "sku"), u"C3"_s);
        QCOMPARE(text(o, "staff"), u"Ben"_s);
        QCOMPARE(text(o, "approvedBy"), u"Mia"_s);
        QCOMPARE(integer(o, "listPrice"), 450);
        QCOMPARE(integer(o, "difference"), 51);

        const QJsonObject approvals = week(u"approvals"_s);
        const QJsonObject p = approvals.value(u"rows"_s).toArray().at(0).toObject();
        QCOMPARE(text(p, "action"), u"price_override"_s);
        QCOMPARE(text(p, "staff"), u"Ben"_s);
        QCOMPARE(text(p, "approver"), u"Mia"_s);
        QCOMPARE(integer(totals(approvals), "count"), 1);
    }

    void cashOverShortPerDrawer()
    {
        const QJsonObject a = report(
            {{u"report"_s, u"cash"_s}, {u"from"_s, u"2026-12-01"_s}, {u"to"_s, u"2026-12-01"_s}});
        const QJsonObject d = rowsBy(a, "session").value(u"POS-01-C000001"_s);
        QCOMPARE(integer(d, "float"), 10000);
        QCOMPARE(integer(d, "cashSales"), 1139);
        QCOMPARE(integer(d, "paidOut"), 500);
        QCOMPARE(integer(d, "expected"), 10639);
        QCOMPARE(integer(d, "counted"), 10600);
        QCOMPARE(integer(d, "overShort"), -39);
        QCOMPARE(integer(totals(a), "overShort"), -39);
    }

    void shrinkageInUnitsAndAtCost()
    {
        // Counts and adjustments are booked at the server's time: today.
        const QDate today = QDate::currentDate();
        const QJsonObject a = report({{u"report"_s, u"shrinkage"_s},
                                      {u"from"_s, today.addDays(-1).toString(Qt::ISODate)},
                                      {u"to"_s, today.toString(Qt::ISODate)}});
        const auto kinds = rowsBy(a, "kind");
        QCOMPARE(text(kinds.value(u"adjustment"_s), "sku"), u"B2"_s);
        QCOMPARE(integer(kinds.value(u"adjustment"_s), "units"), 1);
        QCOMPARE(integer(kinds.value(u"adjustment"_s), "atCost"), 100);
        QCOMPARE(text(kinds.value(u"count"_s), "sku"), u"C3"_s);
        QCOMPARE(integer(kinds.value(u"count"_s), "atCost"), 200);
        QCOMPARE(integer(totals(a), "atCost"), 300);
    }

    void todayAgainstLastWeek()
    {
        const Session pos = m_store->connect(u"POS-01"_s);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QCOMPARE(status(pushOne(pos, saleOf(6, u"POS-01-000002"_s, now, u"Ana"_s,
                                            {{u"C3"_s, u"Sharpener"_s, 1, 399, 0, 0, 0, -1, {}}},
                                            {pay(u"card"_s, 399)}))),
                 u"applied"_s);
        const QJsonObject a = report({{u"report"_s, u"today"_s}});
        QVERIFY2(a.value(u"ok"_s).toBool(), qPrintable(compact(a)));
        const auto periods = rowsBy(a, "period");
        QCOMPARE(integer(periods.value(u"Today"_s), "receipts"), 1);
        QCOMPARE(integer(periods.value(u"Today"_s), "takings"), 399);
        QCOMPARE(integer(totals(a), "takings"), 399);
    }

    void locationsAndRefusals()
    {
        const QJsonObject back = report({{u"report"_s, u"sales"_s},
                                         {u"from"_s, u"2026-12-01"_s},
                                         {u"to"_s, u"2026-12-02"_s},
                                         {u"location"_s, backroom}});
        QCOMPARE(back.value(u"rows"_s).toArray().size(), 0);
        QCOMPARE(integer(totals(back), "receipts"), 0);
        const QJsonObject unknown = report({{u"report"_s, u"sales"_s},
                                            {u"from"_s, u"2026-12-01"_s},
                                            {u"to"_s, u"2026-12-02"_s},
                                            {u"location"_s, u"nowhere"_s}});
        QCOMPARE(unknown.value(u"ok"_s).toBool(), false);
        QCOMPARE(text(unknown, "code"), u"not_found"_s);
        QCOMPARE(text(unknown, "field"), u"location"_s);
        const QJsonObject badBy = week(u"sales"_s, u"colour"_s);
        QCOMPARE(text(badBy, "code"), u"invalid_message"_s);
        QCOMPARE(text(badBy, "field"), u"by"_s);
        const QJsonObject tooLong = report(
            {{u"report"_s, u"tax"_s}, {u"from"_s, u"2025-01-01"_s}, {u"to"_s, u"2026-12-02"_s}});
        QCOMPARE(text(tooLong, "field"), u"to"_s);
        const Session pos = m_store->connect(u"POS-01"_s);
        pos->send(QJsonObject{{u"type"_s, u"report"_s},
                              {u"request"_s, u"r-9"_s},
                              {u"report"_s, u"tax"_s},
                              {u"from"_s, u"2026-12-01"_s},
                              {u"to"_s, u"2026-12-02"_s}});
        const QJsonObject refused = pos->take(u"answer"_s);
        QCOMPARE(text(refused, "request"), u"r-9"_s);
        QCOMPARE(text(refused, "code"), u"forbidden"_s);
    }

    void commandLineAndVerify()
    {
        const auto csv =
            m_store->server().admin({u"report"_s, u"--report"_s, u"tax"_s, u"--from"_s,
                                     u"2026-12-01"_s, u"--to"_s, u"2026-12-02"_s, u"--csv"_s});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines.at(0).trimmed(),
                 "Rate,Net sales,Tax charged,Net refunded,Tax refunded,Net,Tax owed");
        QCOMPARE(lines.at(3).trimmed(), "19,5.00,0.95,2.50,0.48,2.50,0.47");
        const auto json = m_store->server().admin(
            {u"report"_s, u"--report"_s, u"sales"_s, u"--by"_s, u"till"_s, u"--from"_s,
             u"2026-12-01"_s, u"--to"_s, u"2026-12-02"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(integer(totals(QJsonDocument::fromJson(json.out).object()), "takings"), 1380);
        const auto bad =
            m_store->server().admin({u"report"_s, u"--report"_s, u"sales"_s, u"--from"_s,
                                     u"2026-13-01"_s, u"--to"_s, u"2026-12-02"_s});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("--from"), bad.err.constData());

        const auto exported = m_store->server().admin({u"catalog"_s, u"export"_s});
        QVERIFY(exported.out.startsWith("sku,barcode,name,price,tax_rate,active,department,"
                                        "reorder_point,unit,cost\n"));
        QVERIFY2(exported.out.contains("A1,4006381333931,Pencil HB,1.29,8.875,1,Stationery,,each,"
                                       "0.60\n"),
                 exported.out.constData());

        // products.csv's optional cost column: a new cost for A1, B2's stays; a bad one is
        // refused naming its line and column.
        const QString file = m_store->path(u"products.csv"_s);
        QVERIFY(writeFile(file, "sku,barcode,name,price,tax_rate,department,cost\n"
                                "A1,4006381333931,Pencil HB,1.29,8.875,Stationery,0.65\n"));
        QCOMPARE(m_store->server().admin({u"catalog"_s, u"import"_s, file}).exitCode, 0);
        const QByteArray after = m_store->server().admin({u"catalog"_s, u"export"_s}).out;
        QVERIFY2(after.contains(",Stationery,,each,0.65\n") &&
                     after.contains("B2,5901234123457,Eraser,2.50,19,1,Stationery,,each,1.00\n"),
                 after.constData());
        QVERIFY(writeFile(file, "sku,barcode,name,price,tax_rate,cost\n"
                                "A1,4006381333931,Pencil HB,1.29,8.875,cheap\n"));
        const auto badCost = m_store->server().admin({u"catalog"_s, u"import"_s, file});
        QVERIFY(badCost.exitCode != 0);
        QVERIFY2(badCost.err.contains("line 2, cost"), badCost.err.constData());

        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
        // A rollup that no longer equals its receipts is found by verify, naming it.
        {
            QSqlDatabase db = TestDatabase::openRaw(m_store->server().database(), u"tamper"_s);
            QSqlQuery tamper(db);
            QVERIFY(tamper.exec(u"UPDATE report_taxes SET tax = tax + 1 WHERE rate = 19000"_s));
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        const auto verified = m_store->server().admin({u"verify"_s});
        QVERIFY(verified.exitCode != 0);
        QVERIFY2((verified.out + verified.err).contains("report_taxes"),
                 (verified.out + verified.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestServerReports)
#include "tst_serverreports.moc"
