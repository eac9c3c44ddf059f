#include "backofficemessages.h"

#include "answer.h"
#include "checks.h"
#include "fieldreader.h"
#include "pinhash.h"
#include "role.h"
#include "staff.h"
#include "wireformat.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <array>

namespace stockline::sync {

using namespace Qt::StringLiterals;
using namespace backoffice;
using Reader = FieldReader;

namespace {

struct TypeInfo
{
    QLatin1StringView name;
    bool write;
};

// From "supplier" on: purchasing (lane G), read in purchasingmessages.cpp.
constexpr std::array types{
    TypeInfo{"elevate"_L1, false},           TypeInfo{"product"_L1, true},
    TypeInfo{"products"_L1, false},          TypeInfo{"price"_L1, true},
    TypeInfo{"priceBulk"_L1, true},          TypeInfo{"prices"_L1, false},
    TypeInfo{"priceCancel"_L1, true},        TypeInfo{"staffEdit"_L1, true},
    TypeInfo{"terminals"_L1, false},         TypeInfo{"terminalRevoke"_L1, true},
    TypeInfo{"pairingCode"_L1, true},        TypeInfo{"supplier"_L1, true},
    TypeInfo{"suppliers"_L1, false},         TypeInfo{"reorder"_L1, false},
    TypeInfo{"purchaseOrder"_L1, true},      TypeInfo{"purchaseOrders"_L1, false},
    TypeInfo{"purchaseOrderClose"_L1, true},
};

const TypeInfo* typeInfo(QStringView type)
{
    for (const TypeInfo& t : types) {
        if (type == t.name)
            return &t;
    }
    return nullptr;
}

std::optional<QDateTime> optionalTime(Reader& r, QLatin1StringView key)
{
    if (!r.has(key))
        return std::nullopt;
    return r.time(key);
}

CatalogEntry readEntry(Reader& r)
{
    CatalogEntry e;
    Product& p = e.product;
    p.sku = r.id("sku"_L1);
    p.name = r.string("name"_L1, maxTextLength);
    p.price = r.money("price"_L1);
    p.taxRate = r.taxRate("taxRate"_L1);
    p.department = r.has("department"_L1) ? r.string("department"_L1, maxTextLength) : QString();
    const QString unit = r.has("unit"_L1) ? r.string("unit"_L1, 8) : QStringLiteral("each");
    p.reorderPoint = r.optionalInteger("reorderPoint"_L1, 0, 0, maxQuantity);
    p.active = r.has("active"_L1) ? r.boolean("active"_L1) : true;
    e.cost = Money::fromMinor(r.optionalInteger("cost"_L1, 0, 0, maxMoneyMinor));
    e.supplier = r.has("supplier"_L1) ? r.string("supplier"_L1, maxTextLength) : QString();
    const QJsonArray barcodes = r.optionalArray("barcodes"_L1);
    if (!r.ok())
        return e;
    if (barcodes.size() > maxBarcodes) {
        r.fail("barcodes"_L1, QStringLiteral("at most %1 barcodes").arg(maxBarcodes));
        return e;
    }
    for (qsizetype i = 0; i < barcodes.size(); ++i) {
        const QString code = barcodes.at(i).toString();
        Product probe = p;
        probe.barcode = code;
        if (!barcodes.at(i).isString() || code.isEmpty() || e.barcodes.contains(code)) {
            r.fail("barcodes"_L1, QStringLiteral("must be distinct, non-empty strings"), i);
            return e;
        }
        if (const Problem problem = probe.validate(); problem && problem->field == "barcode"_L1) {
            r.fail("barcodes"_L1, problem->message, i);
            return e;
        }
        e.barcodes.append(code);
    }
    p.barcode = e.barcodes.value(0);
    if (const std::optional<Unit> u = unitFromName(unit))
        p.unit = *u;
    else
        r.fail("unit"_L1, QStringLiteral("is not one of each, kg, l, m"));
    r.fail(p.validate());
    r.fail(checkOptionalId(u"supplier", e.supplier));
    return e;
}

Body readProductEdit(Reader& r)
{
    ProductEdit edit;
    const QJsonObject product = r.object("product"_L1);
    if (r.ok()) {
        Reader pr(product, r, "product"_L1);
        edit.entry = readEntry(pr);
    }
    edit.expectedVersion = r.integer("expectedVersion"_L1, 0);
    return edit;
}

Body readProductQuery(Reader& r)
{
    ProductQuery q;
    q.query = r.has("query"_L1) ? r.string("query"_L1, maxTextLength) : QString();
    q.department = r.has("department"_L1) ? r.string("department"_L1, maxTextLength) : QString();
    q.supplier = r.has("supplier"_L1) ? r.string("supplier"_L1, maxTextLength) : QString();
    q.offset = r.optionalInteger("offset"_L1, 0, 0);
    q.limit = r.optionalInteger("limit"_L1, 100, 1, maxPageSize);
    return q;
}

Body readPriceEdit(Reader& r)
{
    PriceEdit edit;
    const QJsonArray changes = r.array("changes"_L1);
    if (r.ok() && (changes.isEmpty() || changes.size() > maxListEntries))
        r.fail("changes"_L1, QStringLiteral("must hold 1 to %1 changes").arg(maxListEntries));
    r.forEachObject("changes"_L1, changes, [&edit](Reader& c) {
        PriceChange change;
        change.sku = c.id("sku"_L1);
        change.price = Money::fromMinor(c.integer("price"_L1, 0, maxMoneyMinor));
        change.expectedVersion = c.integer("expectedVersion"_L1, 1);
        edit.changes.append(change);
    });
    edit.effectiveAt = optionalTime(r, "effectiveAt"_L1);
    return edit;
}

Body readPriceBulk(Reader& r)
{
    PriceBulk bulk;
    bulk.department = r.has("department"_L1) ? r.string("department"_L1, maxTextLength) : QString();
    bulk.supplier = r.has("supplier"_L1) ? r.id("supplier"_L1) : QString();
    if (r.ok() && bulk.department.isEmpty() == bulk.supplier.isEmpty())
        r.fail("department"_L1, QStringLiteral("name either a department or a supplier"));
    bulk.percent = r.integer("percent"_L1, minBulkPercent, maxBulkPercent);
    const QString rounding = r.has("rounding"_L1) ? r.string("rounding"_L1, 8) : u"none"_s;
    if (rounding == "5"_L1)
        bulk.rounding = Rounding::Five;
    else if (rounding == "9"_L1)
        bulk.rounding = Rounding::Nine;
    else if (rounding != "none"_L1 && r.ok())
        r.fail("rounding"_L1, QStringLiteral("must be \"none\", \"5\" or \"9\""));
    bulk.effectiveAt = optionalTime(r, "effectiveAt"_L1);
    return bulk;
}

Body readStaffEdit(Reader& r)
{
    StaffEdit edit;
    const QString action = r.string("action"_L1, 16);
    edit.name = r.string("name"_L1, StaffMember::maxNameLength);
    r.fail(checkRequiredText(u"name", edit.name, StaffMember::maxNameLength));
    if (action == "add"_L1)
        edit.action = StaffAction::Add;
    else if (action == "pin"_L1)
        edit.action = StaffAction::Pin;
    else if (action == "deactivate"_L1)
        edit.action = StaffAction::Deactivate;
    else if (r.ok())
        r.fail("action"_L1, QStringLiteral("must be add, pin or deactivate"));
    if (r.ok() && edit.action == StaffAction::Add) {
        edit.role = r.string("role"_L1, 16);
        if (r.ok() && !staffRoleFromName(edit.role))
            r.fail("role"_L1, QStringLiteral("must be cashier or manager"));
    }
    if (r.ok() && edit.action != StaffAction::Deactivate) {
        edit.pin = r.string("pin"_L1, PinHash::maxPinLength);
        if (const std::optional<Error> bad = PinHash::checkPin(edit.pin); bad && r.ok())
            r.fail("pin"_L1, bad->message);
    }
    return edit;
}

Body readElevate(Reader& r)
{
    Elevate e;
    e.end = r.optionalBoolean("end"_L1);
    if (e.end)
        return e;
    e.staff = r.string("staff"_L1, StaffMember::maxNameLength);
    e.pin = r.string("pin"_L1, PinHash::maxPinLength);
    return e;
}

Body readBody(const QString& type, Reader& r)
{
    if (type == "elevate"_L1)
        return readElevate(r);
    if (type == "product"_L1)
        return readProductEdit(r);
    if (type == "products"_L1)
        return readProductQuery(r);
    if (type == "price"_L1)
        return readPriceEdit(r);
    if (type == "priceBulk"_L1)
        return readPriceBulk(r);
    if (type == "prices"_L1)
        return PriceList{};
    if (type == "priceCancel"_L1)
        return PriceCancel{r.integer("change"_L1, 1)};
    if (type == "staffEdit"_L1)
        return readStaffEdit(r);
    if (type == "terminals"_L1)
        return TerminalList{};
    if (type == "terminalRevoke"_L1)
        return TerminalRevoke{r.id("terminal"_L1)};
    if (type != "pairingCode"_L1)
        return readPurchasing(type, r);
    PairingCodeRequest pairing{r.id("terminal"_L1), r.string("role"_L1, 16)};
    if (r.ok() && !roleFromName(pairing.role))
        r.fail("role"_L1, QStringLiteral("must be pos, receiving, channel or manager"));
    return pairing;
}

} // namespace

bool BackOfficeRequest::isWrite() const
{
    return isBackOfficeWrite(type);
}

bool isBackOfficeType(QStringView type)
{
    return typeInfo(type) != nullptr;
}

bool isBackOfficeWrite(QStringView type)
{
    const TypeInfo* info = typeInfo(type);
    return info && info->write;
}

BackOfficeRequest decodeBackOffice(const QString& type, const QString& request,
                                   const QJsonObject& object)
{
    BackOfficeRequest decoded{type, request, {}, {}, Invalid{}};
    QJsonObject content = object;
    content.remove("request"_L1);
    content.remove("pin"_L1);
    decoded.fingerprint =
        QCryptographicHash::hash(wire::toFrame(content), QCryptographicHash::Sha256).toHex();
    Reader r(object);
    if (decoded.isWrite())
        decoded.id = r.id("id"_L1);
    Body body = r.ok() ? readBody(type, r) : Body{};
    if (r.ok())
        decoded.body = std::move(body);
    else
        decoded.body =
            Invalid{QString(answerCode::invalidMessage), r.error().toString(), r.error().field};
    return decoded;
}

QByteArray encodeBackOffice(const QString& type, const QString& request, const QString& id,
                            const QJsonObject& fields)
{
    QJsonObject o = fields;
    o.insert("type"_L1, type);
    o.insert("request"_L1, request);
    if (!id.isEmpty())
        o.insert("id"_L1, id);
    return wire::toFrame(o);
}

QJsonObject catalogEntryJson(const CatalogEntry& entry)
{
    const Product& p = entry.product;
    return QJsonObject{{"sku"_L1, p.sku},
                       {"name"_L1, p.name},
                       {"barcodes"_L1, QJsonArray::fromStringList(entry.barcodes)},
                       {"department"_L1, p.department},
                       {"unit"_L1, QString(unitName(p.unit))},
                       {"price"_L1, p.price.minor()},
                       {"taxRate"_L1, p.taxRate.milliPercent() / 1000.0},
                       {"cost"_L1, entry.cost.minor()},
                       {"reorderPoint"_L1, p.reorderPoint},
                       {"supplier"_L1, entry.supplier},
                       {"active"_L1, p.active},
                       {"version"_L1, p.version}};
}

QByteArray encode(const BackOfficeAnswer& answer)
{
    QJsonObject o = answer.body;
    const bool elevated = o.value("type"_L1) == "elevated"_L1;
    o.insert("type"_L1, elevated ? "elevated"_L1 : "answer"_L1);
    o.insert("request"_L1, answer.request);
    if (!elevated)
        o.insert("ok"_L1, answer.ok);
    if (!answer.ok) {
        o.insert("code"_L1, answer.code);
        o.insert("message"_L1, answer.message);
    }
    return wire::toFrame(o);
}

QString roundingName(Rounding rounding)
{
    switch (rounding) {
    case Rounding::Five:
        return QStringLiteral("5");
    case Rounding::Nine:
        return QStringLiteral("9");
    case Rounding::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace stockline::sync
