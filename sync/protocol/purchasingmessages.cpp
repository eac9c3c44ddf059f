// The purchasing requests' bodies (issue 20, lane G; sync/PROTOCOL.md, "Purchasing").

#include "backofficemessages.h"
#include "checks.h"
#include "fieldreader.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>

namespace stockline::sync::backoffice {

using namespace Qt::StringLiterals;

namespace {

Body readSupplierEdit(FieldReader& r)
{
    SupplierEdit edit;
    const QJsonObject supplier = r.object("supplier"_L1);
    if (r.ok()) {
        FieldReader s(supplier, r, "supplier"_L1);
        Supplier& v = edit.supplier;
        v.id = s.id("id"_L1);
        v.name = s.string("name"_L1, maxTextLength);
        s.fail(checkRequiredText(u"name", v.name));
        v.contact = s.has("contact"_L1) ? s.string("contact"_L1, maxTextLength) : QString();
        s.fail(checkText(u"contact", v.contact));
        v.leadTimeDays = s.integer("leadTimeDays"_L1, 0, maxLeadTimeDays);
        v.active = s.has("active"_L1) ? s.boolean("active"_L1) : true;
    }
    edit.expectedVersion = r.integer("expectedVersion"_L1, 0);
    return edit;
}

Body readReorder(FieldReader& r)
{
    ReorderQuery q;
    q.supplier = r.has("supplier"_L1) ? r.id("supplier"_L1) : QString();
    q.location = r.id("location"_L1);
    q.windowDays = r.integer("windowDays"_L1, minWindowDays, maxWindowDays);
    q.coverDays = r.optionalInteger("coverDays"_L1, defaultCoverDays, 0, maxCoverDays);
    return q;
}

Body readPurchaseOrder(FieldReader& r)
{
    PurchaseOrder order;
    const QJsonObject object = r.object("order"_L1);
    if (!r.ok())
        return order;
    FieldReader o(object, r, "order"_L1);
    order.supplier = o.id("supplier"_L1);
    order.location = o.id("location"_L1);
    if (o.has("expectedAt"_L1))
        order.expectedAt = o.time("expectedAt"_L1);
    const QJsonArray lines = o.array("lines"_L1);
    if (o.ok() && (lines.isEmpty() || lines.size() > maxListEntries))
        o.fail("lines"_L1, QStringLiteral("must hold 1 to %1 lines").arg(maxListEntries));
    QSet<QString> skus;
    o.forEachObject("lines"_L1, lines, [&order, &skus](FieldReader& l) {
        OrderLine line;
        line.sku = l.id("sku"_L1);
        line.qty = l.integer("qty"_L1, 1, maxQuantity);
        line.cost = l.integer("cost"_L1, 0, maxMoneyMinor);
        if (l.ok() && skus.contains(line.sku))
            l.fail("sku"_L1, QStringLiteral("%1 is on the order twice").arg(line.sku));
        skus.insert(line.sku);
        order.lines.append(line);
    });
    return order;
}

Body readPurchaseOrderList(FieldReader& r)
{
    PurchaseOrderList list;
    list.status = r.has("status"_L1) ? r.string("status"_L1, 16) : QString();
    static const QStringList statuses{u"open"_s, u"partial"_s, u"received"_s, u"closed"_s};
    if (r.ok() && !list.status.isEmpty() && !statuses.contains(list.status))
        r.fail("status"_L1, QStringLiteral("must be open, partial, received or closed"));
    list.limit = r.optionalInteger("limit"_L1, defaultOrdersPage, 1, maxOrdersPage);
    list.offset = r.optionalInteger("offset"_L1, 0, 0);
    return list;
}

} // namespace

Body readPurchasing(const QString& type, FieldReader& r)
{
    if (type == "supplier"_L1)
        return readSupplierEdit(r);
    if (type == "suppliers"_L1)
        return SupplierList{};
    if (type == "reorder"_L1)
        return readReorder(r);
    if (type == "purchaseOrder"_L1)
        return readPurchaseOrder(r);
    if (type == "purchaseOrders"_L1)
        return readPurchaseOrderList(r);
    return PurchaseOrderClose{r.id("reference"_L1)};
}

bool isPurchasing(const BackOfficeRequest& request)
{
    return request.as<SupplierEdit>() || request.as<SupplierList>() || request.as<ReorderQuery>() ||
           request.as<PurchaseOrder>() || request.as<PurchaseOrderList>() ||
           request.as<PurchaseOrderClose>();
}

} // namespace stockline::sync::backoffice
