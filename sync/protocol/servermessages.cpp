#include "fieldreader.h"
#include "protocol.h"
#include "wireformat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <limits>
#include <utility>

namespace stockline::sync {

using namespace Qt::StringLiterals;
using namespace wire;

namespace {

using Reader = FieldReader;

ServerMessage readWelcome(Reader& r)
{
    Welcome welcome;
    const qint64 protocol = r.integer("protocol"_L1);
    if (r.ok() && protocol != protocolVersion)
        r.fail("protocol"_L1,
               QStringLiteral("is %1; this client speaks %2").arg(protocol).arg(protocolVersion));
    welcome.terminal = r.string("terminal"_L1);
    welcome.role = r.nonEmptyString("role"_L1);
    welcome.lastSeq = r.integer("lastSeq"_L1, 0);
    welcome.cursor = r.integer("cursor"_L1, 0);
    welcome.serverTime = r.time("serverTime"_L1);
    welcome.lastReceipt = r.optionalInteger("lastReceipt"_L1, 0, 0);
    welcome.lastRefund = r.optionalInteger("lastRefund"_L1, 0, 0);
    if (r.has("store"_L1) && r.ok()) {
        Result<StoreSettings> store = StoreSettings::fromJson(r.object("store"_L1));
        if (store)
            welcome.store = std::move(store).value();
        else
            r.fail("store"_L1, store.error().toString());
    }
    return welcome;
}

ServerMessage readResults(Reader& r)
{
    Results results;
    const QJsonArray array = r.array("results"_L1);
    results.results.reserve(array.size());
    r.forEachObject("results"_L1, array,
                    [&results](Reader& result) { results.results.append(readResult(result)); });
    return results;
}

ServerMessage readLevels(Reader& r)
{
    Levels levels;
    levels.cursor = r.integer("cursor"_L1, 0);
    levels.full = r.boolean("full"_L1);
    const QJsonArray array = r.array("levels"_L1);
    levels.levels.reserve(array.size());
    r.forEachObject("levels"_L1, array,
                    [&levels](Reader& level) { levels.levels.append(readLevel(level)); });
    return levels;
}

// `barcodes`, when given, lists every code, `barcode` first; a server before it sends none.
void readExtraBarcodes(Reader& r, Product& p)
{
    const QJsonArray codes = r.optionalArray("barcodes"_L1);
    if (codes.isEmpty())
        return;
    if (codes.size() > Product::maxBarcodes) {
        r.fail("barcodes"_L1, QStringLiteral("at most %1 barcodes").arg(Product::maxBarcodes));
        return;
    }
    for (qsizetype i = 0; i < codes.size(); ++i) {
        if (!codes.at(i).isString()) {
            r.fail("barcodes"_L1, QStringLiteral("must be strings"), i);
            return;
        }
        if (i > 0)
            p.extraBarcodes.append(codes.at(i).toString());
    }
    if (codes.at(0).toString() != p.barcode)
        r.fail("barcodes"_L1, QStringLiteral("must start with the product's barcode"), 0);
}

Product readProduct(Reader& r)
{
    Product p;
    p.sku = r.string("sku"_L1);
    p.barcode = r.optionalString("barcode"_L1);
    readExtraBarcodes(r, p);
    p.name = r.string("name"_L1);
    p.price = Money::fromMinor(r.integer("price"_L1));
    p.taxRate = r.taxRate("taxRate"_L1);
    p.active = r.boolean("active"_L1);
    p.department = r.optionalString("department"_L1);
    p.reorderPoint = r.optionalInteger("reorderPoint"_L1, 0, 0, maxQuantity);
    p.version = r.optionalInteger("version"_L1, 0, 0);
    if (r.has("unit"_L1)) {
        const QString unit = r.string("unit"_L1);
        if (const std::optional<Unit> known = unitFromName(unit))
            p.unit = *known;
        else
            r.fail("unit"_L1, QStringLiteral("must be each, kg, l or m"));
    }
    return p;
}

ServerMessage readCatalog(Reader& r)
{
    CatalogUpdate catalog;
    catalog.cursor = r.integer("cursor"_L1, 0);
    catalog.full = r.boolean("full"_L1);
    const QJsonArray array = r.array("products"_L1);
    catalog.products.reserve(array.size());
    r.forEachObject("products"_L1, array,
                    [&catalog](Reader& product) { catalog.products.append(readProduct(product)); });
    return catalog;
}

Shortage readShortage(Reader& r)
{
    Shortage s;
    s.id = r.integer("id"_L1);
    s.sku = r.string("sku"_L1);
    s.location = r.string("location"_L1);
    s.qty = r.integer("qty"_L1);
    s.terminal = r.string("terminal"_L1);
    s.sale = r.string("sale"_L1);
    s.at = r.time("at"_L1);
    s.resolved = r.optionalBoolean("resolved"_L1);
    return s;
}

ServerMessage readShortages(Reader& r)
{
    Shortages shortages;
    const QJsonArray array = r.array("shortages"_L1);
    shortages.shortages.reserve(array.size());
    r.forEachObject("shortages"_L1, array, [&shortages](Reader& shortage) {
        shortages.shortages.append(readShortage(shortage));
    });
    return shortages;
}

StaffMember readStaffMember(Reader& r)
{
    StaffMember m;
    m.name = r.nonEmptyString("name"_L1, StaffMember::maxNameLength);
    const QString role = r.string("role"_L1);
    const std::optional<StaffRole> known = staffRoleFromName(role);
    if (!known && r.ok())
        r.fail("role"_L1, QStringLiteral("is neither cashier nor manager"));
    m.role = known.value_or(StaffRole::Cashier);
    const QJsonObject pinObject = r.object("pin"_L1);
    Reader pin(pinObject, r, "pin"_L1);
    if (pin.string("algorithm"_L1) != "pbkdf2-sha256"_L1 && pin.ok())
        pin.fail("algorithm"_L1, QStringLiteral("is not pbkdf2-sha256"));
    m.pin.iterations = static_cast<int>(pin.integer("iterations"_L1, 1'000, 10'000'000));
    m.pin.salt = QByteArray::fromBase64(pin.nonEmptyString("salt"_L1, 256).toLatin1());
    m.pin.hash = QByteArray::fromBase64(pin.nonEmptyString("hash"_L1, 256).toLatin1());
    return m;
}

ServerMessage readStaff(Reader& r)
{
    StaffList list;
    const QJsonArray array = r.array("staff"_L1);
    list.staff.reserve(array.size());
    r.forEachObject("staff"_L1, array,
                    [&list](Reader& member) { list.staff.append(readStaffMember(member)); });
    return list;
}

DeliveryLine readDeliveryLine(Reader& r)
{
    DeliveryLine line;
    line.sku = r.id("sku"_L1);
    line.expected = r.integer("expected"_L1, 1, maxQuantity);
    line.received = r.integer("received"_L1, 0, maxWireInteger);
    line.rejected = r.integer("rejected"_L1, 0, maxWireInteger);
    return line;
}

Delivery readDelivery(Reader& r)
{
    Delivery delivery;
    delivery.id = r.id("reference"_L1);
    delivery.supplier = r.nonEmptyString("supplier"_L1, maxTextLength);
    delivery.location = r.id("location"_L1);
    const QJsonArray lines = r.array("lines"_L1);
    r.forEachObject("lines"_L1, lines,
                    [&delivery](Reader& line) { delivery.lines.append(readDeliveryLine(line)); });
    return delivery;
}

ServerMessage readDeliveries(Reader& r)
{
    DeliveryList list;
    const QJsonArray array = r.array("deliveries"_L1);
    r.forEachObject("deliveries"_L1, array,
                    [&list](Reader& delivery) { list.deliveries.append(readDelivery(delivery)); });
    return list;
}

ServerMessage readPaired(Reader& r)
{
    Paired paired;
    paired.terminal = r.id("terminal"_L1);
    paired.token = r.nonEmptyString("token"_L1, maxTokenLength);
    return paired;
}

HistoryEntry readHistoryEntry(Reader& r)
{
    HistoryEntry e;
    e.id = r.integer("id"_L1);
    e.at = r.time("at"_L1);
    e.kind = r.string("kind"_L1);
    e.location = r.id("location"_L1);
    e.onHandDelta = r.integer("onHandDelta"_L1);
    e.reservedDelta = r.integer("reservedDelta"_L1);
    e.onHand = r.integer("onHand"_L1);
    e.reserved = r.integer("reserved"_L1);
    e.terminal = r.optionalString("terminal"_L1);
    if (r.has("detail"_L1))
        e.detail = r.object("detail"_L1);
    return e;
}

ServerMessage readHistory(Reader& r)
{
    HistoryReply h;
    h.request = r.id("request"_L1);
    h.sku = r.string("sku"_L1);
    h.location = r.optionalString("location"_L1);
    h.code = r.optionalString("code"_L1);
    h.message = r.optionalString("message"_L1);
    h.more = r.optionalBoolean("more"_L1);
    if (r.has("entries"_L1)) {
        const QJsonArray array = r.array("entries"_L1);
        r.forEachObject("entries"_L1, array,
                        [&h](Reader& entry) { h.entries.append(readHistoryEntry(entry)); });
    }
    return h;
}

// `elevated` is a successful answer to `elevate`: the client matches both by request.
ServerMessage readBackOfficeAnswer(Reader& r, const QString& type)
{
    BackOfficeAnswer answer;
    answer.request = r.id("request"_L1);
    answer.ok = type == "elevated"_L1 || r.boolean("ok"_L1);
    if (!answer.ok) {
        answer.code = r.string("code"_L1);
        answer.message = r.optionalString("message"_L1);
    }
    answer.body = r.json();
    return answer;
}

ServerMessage readServerMessage(Reader& r, const QString& type)
{
    if (type == "history"_L1)
        return readHistory(r);
    if (type == "receipt"_L1)
        return readReceiptReply(r);
    if (type == "day"_L1)
        return readDayReply(r);
    if (type == "paired"_L1)
        return readPaired(r);
    if (type == "staff"_L1)
        return readStaff(r);
    if (type == "deliveries"_L1)
        return readDeliveries(r);
    if (type == "levels"_L1)
        return readLevels(r);
    if (type == "results"_L1)
        return readResults(r);
    if (type == "catalog"_L1)
        return readCatalog(r);
    if (type == "welcome"_L1)
        return readWelcome(r);
    if (type == "shortages"_L1)
        return readShortages(r);
    if (type == "error"_L1)
        return readProtocolError(r);
    if (type == "answer"_L1 || type == "elevated"_L1)
        return readBackOfficeAnswer(r, type);
    r.fail("type"_L1, QStringLiteral("'%1' is not a message type of protocol %2")
                          .arg(type.left(64))
                          .arg(protocolVersion));
    return {};
}

} // namespace

QByteArray encode(const HistoryReply& history)
{
    QJsonArray entries;
    for (const HistoryEntry& e : history.entries) {
        QJsonObject entry{{"id"_L1, e.id},
                          {"at"_L1, formatTime(e.at)},
                          {"kind"_L1, e.kind},
                          {"location"_L1, e.location},
                          {"onHandDelta"_L1, e.onHandDelta},
                          {"reservedDelta"_L1, e.reservedDelta},
                          {"onHand"_L1, e.onHand},
                          {"reserved"_L1, e.reserved}};
        if (!e.terminal.isEmpty())
            entry.insert("terminal"_L1, e.terminal);
        if (!e.detail.isEmpty())
            entry.insert("detail"_L1, e.detail);
        entries.append(entry);
    }
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("history"));
    o.insert("request"_L1, history.request);
    o.insert("sku"_L1, history.sku);
    if (!history.location.isEmpty())
        o.insert("location"_L1, history.location);
    if (!history.code.isEmpty()) {
        o.insert("code"_L1, history.code);
        o.insert("message"_L1, history.message);
    } else {
        o.insert("entries"_L1, entries);
        if (history.more)
            o.insert("more"_L1, true);
    }
    return toFrame(o);
}

QByteArray encode(const Paired& paired)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("paired"));
    o.insert("terminal"_L1, paired.terminal);
    o.insert("token"_L1, paired.token);
    return toFrame(o);
}

QByteArray encode(const Welcome& welcome)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("welcome"));
    o.insert("protocol"_L1, protocolVersion);
    o.insert("terminal"_L1, welcome.terminal);
    o.insert("role"_L1, welcome.role);
    o.insert("lastSeq"_L1, welcome.lastSeq);
    o.insert("cursor"_L1, welcome.cursor);
    o.insert("serverTime"_L1, formatTime(welcome.serverTime));
    // Written only when there is one, so a till's welcome reads as the contract shows it.
    if (welcome.lastReceipt > 0)
        o.insert("lastReceipt"_L1, welcome.lastReceipt);
    if (welcome.lastRefund > 0)
        o.insert("lastRefund"_L1, welcome.lastRefund);
    // Like the counters, only when there is something to say: a US store's welcome is unchanged.
    if (welcome.store != StoreSettings())
        o.insert("store"_L1, welcome.store.toJson());
    return toFrame(o);
}

QByteArray encode(const Results& results)
{
    JsonWriter w(48 + results.results.size() * 48);
    w.beginObject();
    w.string("type"_L1, u"results");
    w.beginArray("results"_L1);
    for (const MutationResult& result : results.results)
        writeResult(w, result);
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const Levels& levels)
{
    JsonWriter w(64 + levels.levels.size() * 112);
    w.beginObject();
    w.string("type"_L1, u"levels");
    w.integer("cursor"_L1, levels.cursor);
    w.boolean("full"_L1, levels.full);
    w.beginArray("levels"_L1);
    for (const StockLevel& level : levels.levels) {
        w.beginObject();
        writeLevelFields(w, level);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const CatalogUpdate& catalog)
{
    JsonWriter w(64 + catalog.products.size() * 160);
    w.beginObject();
    w.string("type"_L1, u"catalog");
    w.integer("cursor"_L1, catalog.cursor);
    w.boolean("full"_L1, catalog.full);
    w.beginArray("products"_L1);
    for (const Product& p : catalog.products) {
        w.beginObject();
        w.string("sku"_L1, p.sku);
        w.string("barcode"_L1, p.barcode);
        if (!p.extraBarcodes.isEmpty()) {
            w.beginArray("barcodes"_L1);
            w.stringElement(p.barcode);
            for (const QString& code : p.extraBarcodes)
                w.stringElement(code);
            w.endArray();
        }
        w.string("name"_L1, p.name);
        w.integer("price"_L1, p.price.minor());
        w.taxRate("taxRate"_L1, p.taxRate);
        w.boolean("active"_L1, p.active);
        w.string("department"_L1, p.department);
        if (p.reorderPoint > 0)
            w.integer("reorderPoint"_L1, p.reorderPoint);
        if (isMeasured(p.unit))
            w.string("unit"_L1, QString(unitName(p.unit)));
        w.integer("version"_L1, p.version);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const Shortages& shortages)
{
    QJsonArray array;
    for (const Shortage& s : shortages.shortages) {
        QJsonObject shortage;
        shortage.insert("id"_L1, s.id);
        shortage.insert("sku"_L1, s.sku);
        shortage.insert("location"_L1, s.location);
        shortage.insert("qty"_L1, s.qty);
        shortage.insert("terminal"_L1, s.terminal);
        shortage.insert("sale"_L1, s.sale);
        shortage.insert("at"_L1, formatTime(s.at));
        if (s.resolved)
            shortage.insert("resolved"_L1, true);
        array.append(shortage);
    }
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("shortages"));
    o.insert("shortages"_L1, array);
    return toFrame(o);
}

bool roleSignsStaffIn(const QString& role)
{
    return role != "channel"_L1;
}

QByteArray encode(const DeliveryList& deliveries)
{
    JsonWriter w(64 + 256 * deliveries.deliveries.size());
    w.beginObject();
    w.string("type"_L1, u"deliveries");
    w.beginArray("deliveries"_L1);
    for (const Delivery& d : deliveries.deliveries) {
        w.beginObject();
        w.string("reference"_L1, d.id);
        w.string("supplier"_L1, d.supplier);
        w.string("location"_L1, d.location);
        w.beginArray("lines"_L1);
        for (const DeliveryLine& line : d.lines) {
            w.beginObject();
            w.string("sku"_L1, line.sku);
            w.integer("expected"_L1, line.expected);
            w.integer("received"_L1, line.received);
            w.integer("rejected"_L1, line.rejected);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const StaffList& staff)
{
    JsonWriter w(128 + 160 * staff.staff.size());
    w.beginObject();
    w.string("type"_L1, u"staff");
    w.beginArray("staff"_L1);
    for (const StaffMember& m : staff.staff) {
        w.beginObject();
        w.string("name"_L1, m.name);
        w.string("role"_L1, staffRoleName(m.role));
        w.beginObject("pin"_L1);
        w.string("algorithm"_L1, u"pbkdf2-sha256");
        w.integer("iterations"_L1, m.pin.iterations);
        w.string("salt"_L1, QString::fromLatin1(m.pin.salt.toBase64()));
        w.string("hash"_L1, QString::fromLatin1(m.pin.hash.toBase64()));
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

Result<ServerMessage> decodeServerMessage(const QByteArray& frame)
{
    QString problem;
    const std::optional<QJsonObject> object = parseObject(frame, &problem);
    if (!object)
        return Error{{}, problem};
    Reader r(*object);
    const QString type = r.string("type"_L1);
    if (!r.ok())
        return r.error();
    ServerMessage message = readServerMessage(r, type);
    if (!r.ok())
        return r.error();
    return message;
}

} // namespace stockline::sync
