#include "backofficesamples.h"

#include <QDate>
#include <QDateTime>

namespace stockline::app {

using namespace Qt::StringLiterals;

namespace {

QJsonObject column(const QString& key, const QString& label, const QString& type)
{
    return {{"key"_L1, key}, {"label"_L1, label}, {"type"_L1, type}};
}

QJsonObject product(const QString& sku, const QString& name, const QString& department,
                    qint64 price, qint64 cost, const QString& supplier, qint64 version)
{
    return {{"sku"_L1, sku},        {"name"_L1, name},         {"department"_L1, department},
            {"unit"_L1, u"each"_s}, {"price"_L1, price},       {"cost"_L1, cost},
            {"taxRate"_L1, 7},      {"supplier"_L1, supplier}, {"reorderPoint"_L1, 12},
            {"active"_L1, true},    {"version"_L1, version},   {"barcodes"_L1, QJsonArray{}}};
}

} // namespace

QJsonObject sampleTodayReport()
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    return {{"report"_L1, u"today"_s},
            {"from"_L1, today},
            {"to"_L1, today},
            {"columns"_L1, QJsonArray{column(u"figure"_s, u"Today so far"_s, u"text"_s),
                                      column(u"today"_s, u"Today"_s, u"money"_s),
                                      column(u"lastWeek"_s, u"Same day last week"_s, u"money"_s)}},
            {"rows"_L1, QJsonArray{QJsonObject{{"figure"_L1, u"Takings"_s},
                                               {"today"_L1, 184'250},
                                               {"lastWeek"_L1, 171'940}},
                                   QJsonObject{{"figure"_L1, u"Average basket"_s},
                                               {"today"_L1, 2'047},
                                               {"lastWeek"_L1, 1'976}}}}};
}

QJsonObject sampleSalesByDay()
{
    QJsonArray rows;
    const QDate last = QDate::currentDate();
    const qint64 takings[] = {142'310, 151'980, 138'450, 160'020, 197'640, 231'880, 184'250};
    qint64 total = 0;
    qint64 receipts = 0;
    for (int day = 0; day < 7; ++day) {
        const qint64 count = takings[day] / 2'000;
        rows.append(QJsonObject{{"day"_L1, last.addDays(day - 6).toString(Qt::ISODate)},
                                {"receipts"_L1, count},
                                {"net"_L1, takings[day]}});
        total += takings[day];
        receipts += count;
    }
    return {{"report"_L1, u"sales"_s},
            {"by"_L1, u"day"_s},
            {"from"_L1, last.addDays(-6).toString(Qt::ISODate)},
            {"to"_L1, last.toString(Qt::ISODate)},
            {"columns"_L1, QJsonArray{column(u"day"_s, u"Day"_s, u"date"_s),
                                      column(u"receipts"_s, u"Receipts"_s, u"int"_s),
                                      column(u"net"_s, u"Net sales"_s, u"money"_s)}},
            {"rows"_L1, rows},
            {"totals"_L1, QJsonObject{{"receipts"_L1, receipts}, {"net"_L1, total}}}};
}

QJsonArray sampleCatalog()
{
    return {
        product(u"DAI-0001"_s, u"Meadow Gold Whole milk 1 l"_s, u"Dairy"_s, 449, 291,
                u"meadow-gold"_s, 4),
        product(u"DAI-0002"_s, u"Meadow Gold Semi-skimmed 1 l"_s, u"Dairy"_s, 429, 276,
                u"meadow-gold"_s, 2),
        product(u"BAK-0001"_s, u"Sourdough loaf 800 g"_s, u"Bakery"_s, 389, 152, u"hearth-bakery"_s,
                1),
        product(u"SNK-0002"_s, u"Dark chocolate 100 g"_s, u"Snacks"_s, 249, 118, u"cocoa-co"_s, 3)};
}

QJsonArray sampleScheduledPrices()
{
    const QString from =
        QDateTime(QDate::currentDate().addDays(1), QTime(6, 0)).toString(u"yyyy-MM-dd HH:mm"_s);
    return {QJsonObject{{"change"_L1, 7},
                        {"sku"_L1, u"DAI-0001"_s},
                        {"name"_L1, u"Meadow Gold Whole milk 1 l"_s},
                        {"currentPrice"_L1, 449},
                        {"price"_L1, 469},
                        {"effectiveAt"_L1, from},
                        {"createdBy"_L1, u"Morgan"_s}}};
}

QJsonArray sampleTerminals()
{
    const QString now = QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm"_s);
    auto terminal = [&](const QString& id, const QString& role, bool online, qint64 backlog) {
        return QJsonObject{{"terminal"_L1, id},           {"role"_L1, role},
                           {"location"_L1, u"store-1"_s}, {"online"_L1, online},
                           {"lastSeen"_L1, now},          {"backlog"_L1, backlog},
                           {"revoked"_L1, false}};
    };
    return {terminal(u"POS-01"_s, u"pos"_s, true, 0), terminal(u"POS-02"_s, u"pos"_s, false, 14),
            terminal(u"DOCK-01"_s, u"receiving"_s, true, 0),
            terminal(u"MGR-01"_s, u"manager"_s, true, 0)};
}

QJsonArray sampleSuppliers()
{
    auto supplier = [](const QString& id, const QString& name, const QString& contact,
                       qint64 lead) {
        return QJsonObject{{"id"_L1, id},           {"name"_L1, name},
                           {"contact"_L1, contact}, {"leadTimeDays"_L1, lead},
                           {"active"_L1, true},     {"version"_L1, 1}};
    };
    return {supplier(u"MEADOW"_s, u"Meadow Gold Dairy"_s, u"orders@meadowgold.example"_s, 2),
            supplier(u"HARBOUR"_s, u"Harbour Bakery"_s, u"+44 20 7946 0000"_s, 1),
            supplier(u"FIZZ"_s, u"Fizz Beverages"_s, u"sales@fizz.example"_s, 5)};
}

QJsonArray sampleSuggestions()
{
    // Window 28 days, cover 14, lead 2: ⌈sold × 16 / 28⌉ − available − on order.
    auto line = [](const QString& sku, const QString& name, qint64 sold, qint64 available,
                   qint64 onOrder, qint64 cost, const QString& why) {
        const qint64 suggested = (sold * 16 + 27) / 28 - available - onOrder;
        return QJsonObject{{"sku"_L1, sku},
                           {"name"_L1, name},
                           {"supplier"_L1, u"MEADOW"_s},
                           {"soldPerDay"_L1, (sold * 100 + 14) / 28},
                           {"onHand"_L1, available},
                           {"reserved"_L1, 0},
                           {"onOrder"_L1, onOrder},
                           {"leadTimeDays"_L1, 2},
                           {"reorderPoint"_L1, 0},
                           {"suggested"_L1, suggested},
                           {"cost"_L1, cost},
                           {"why"_L1, why}};
    };
    return {line(u"DAI-0001"_s, u"Meadow Gold Whole milk 1 l"_s, 392, 6, 0, 89,
                 u"sells 14/day, 0 days of stock, 2 days lead time"_s),
            line(u"DAI-0002"_s, u"Meadow Gold Whole milk 2 l"_s, 168, 10, 24, 151,
                 u"sells 6/day, 1 day of stock, 2 days lead time, 24 on order"_s),
            line(u"DAI-0003"_s, u"Meadow Gold Oat drink 1 l"_s, 84, 12, 0, 112,
                 u"sells 3/day, 4 days of stock, 2 days lead time"_s)};
}

QJsonArray samplePurchaseOrders()
{
    const QString today = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    auto order = [&](const QString& reference, const QString& supplier, const QJsonArray& lines) {
        return QJsonObject{{"reference"_L1, reference},   {"supplier"_L1, supplier},
                           {"location"_L1, u"store-1"_s}, {"createdBy"_L1, u"Morgan"_s},
                           {"createdAt"_L1, today},       {"lines"_L1, lines}};
    };
    // Received at the order's cost, as a dock's receive books it.
    auto line = [](const QString& sku, const QString& name, qint64 qty, qint64 cost,
                   qint64 received) {
        return QJsonObject{{"sku"_L1, sku},
                           {"name"_L1, name},
                           {"qty"_L1, qty},
                           {"cost"_L1, cost},
                           {"received"_L1, received},
                           {"rejected"_L1, 0},
                           {"receivedCost"_L1, received * cost}};
    };
    QJsonObject open = order(u"PO-000003"_s, u"MEADOW"_s,
                             {line(u"DAI-0001"_s, u"Meadow Gold Whole milk 1 l"_s, 224, 89, 0),
                              line(u"DAI-0003"_s, u"Alpenhof Whole milk 1 l"_s, 36, 112, 0)});
    open.insert("status"_L1, u"open"_s);
    QJsonObject partial = order(u"PO-000002"_s, u"FIZZ"_s,
                                {line(u"BEV-0001"_s, u"Fizz Cola 330 ml can"_s, 96, 45, 96),
                                 line(u"BEV-0002"_s, u"Fizz Cola 6 × 330 ml"_s, 48, 60, 12)});
    partial.insert("status"_L1, u"partial"_s);
    QJsonObject received =
        order(u"PO-000001"_s, u"HARBOUR"_s, {line(u"BAK-0002"_s, u"Baguette"_s, 30, 120, 30)});
    received.insert("status"_L1, u"received"_s);
    return {open, partial, received};
}

} // namespace stockline::app
