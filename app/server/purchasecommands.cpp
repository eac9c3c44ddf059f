// stockline-server's `purchase-order show`: a purchase order as the supplier gets it (issue 20,
// lane G), as text or CSV (RFC 4180). It asks the store the back office's own requests, so the
// copy shows exactly what a manager's screen does.

#include "commandsupport.h"
#include "purchasingmessages.h"
#include "servercommands.h"
#include "serverstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;
using namespace Qt::StringLiterals;

namespace {

// One back-office read, as the command line's "manager".
Result<QJsonObject> ask(AdminStore& admin, const QString& type, const QJsonObject& fields = {})
{
    auto* store = dynamic_cast<ArbiterStore*>(&admin);
    if (!store)
        return Error{QString(), u"this store does not answer back-office requests"_s};
    const BackOfficeRequest request = decodeBackOffice(type, u"cli"_s, fields);
    Result<BackOfficeOutcome> outcome =
        store->backOffice(request, u"stockline-server"_s, QDateTime::currentDateTimeUtc());
    if (!outcome)
        return outcome.error();
    const QJsonObject answer = outcome->answer;
    if (!answer.value("ok"_L1).toBool())
        return Error{answer.value("field"_L1).toString(), answer.value("message"_L1).toString()};
    return answer;
}

QJsonObject rowWhere(const QJsonObject& answer, QLatin1StringView key, const QString& value)
{
    for (const QJsonValue v : answer.value("rows"_L1).toArray()) {
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    }
    return {};
}

// The order of `reference` (empty when none), page by page of the newest first.
Result<QJsonObject> findOrder(AdminStore& store, const QString& reference)
{
    for (qint64 offset = 0;; offset += backoffice::maxOrdersPage) {
        const Result<QJsonObject> page =
            ask(store, u"purchaseOrders"_s,
                {{"limit"_L1, backoffice::maxOrdersPage}, {"offset"_L1, offset}});
        if (!page)
            return page.error();
        const QJsonObject order = rowWhere(*page, "reference"_L1, reference);
        if (!order.isEmpty() ||
            offset + backoffice::maxOrdersPage >= page->value("total"_L1).toInteger())
            return order;
    }
}

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

int ServerCommands::showPurchaseOrder(const QCommandLineParser& parser)
{
    const QString reference = parser.positionalArguments().value(0);
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const Result<QJsonObject> found = findOrder(*store.value(), reference);
    if (!found)
        return fail(found.error());
    const QJsonObject& order = *found;
    if (order.isEmpty())
        return fail(u"reference: there is no purchase order %1"_s.arg(reference));
    const Result<QJsonObject> suppliers = ask(*store.value(), u"suppliers"_s);
    if (!suppliers)
        return fail(suppliers.error());
    const QJsonObject supplier =
        rowWhere(*suppliers, "id"_L1, order.value("supplier"_L1).toString());
    const bool csv = parser.isSet(u"csv"_s);
    if (csv)
        out() << "reference,supplier,location,sku,name,qty,cost,total,received\r\n";
    else
        out() << "Purchase order " << reference << " (" << order.value("status"_L1).toString()
              << ")\nSupplier: " << supplier.value("name"_L1).toString() << ", "
              << supplier.value("contact"_L1).toString()
              << "\nDeliver to: " << order.value("location"_L1).toString()
              << (order.contains("expectedAt"_L1)
                      ? u", expected "_s + order.value("expectedAt"_L1).toString()
                      : QString())
              << "\nPlaced " << order.value("createdAt"_L1).toString() << " by "
              << order.value("createdBy"_L1).toString() << "\n\n"
              << padded(u"sku"_s, 14) << padded(u"name"_s, 24)
              << "     qty   unit cost       total  received\n";
    qint64 sum = 0;
    for (const QJsonValue v : order.value("lines"_L1).toArray()) {
        const QJsonObject line = v.toObject();
        const QString sku = line.value("sku"_L1).toString();
        const QString name = line.value("name"_L1).toString();
        const qint64 qty = line.value("qty"_L1).toInteger();
        const qint64 cost = line.value("cost"_L1).toInteger();
        sum += qty * cost;
        const qint64 received = line.value("received"_L1).toInteger();
        if (csv)
            out() << QStringList{csvField(reference),
                                 csvField(supplier.value("name"_L1).toString()),
                                 csvField(order.value("location"_L1).toString()),
                                 csvField(sku),
                                 csvField(name),
                                 QString::number(qty),
                                 Money::fromMinor(cost).toString(),
                                 Money::fromMinor(qty * cost).toString(),
                                 QString::number(received)}
                         .join(u',')
                  << "\r\n";
        else
            out() << padded(sku, 14) << padded(name, 24) << QString::number(qty).rightJustified(8)
                  << Money::fromMinor(cost).toString().rightJustified(12)
                  << Money::fromMinor(qty * cost).toString().rightJustified(12)
                  << QString::number(received).rightJustified(10) << '\n';
    }
    if (!csv)
        out() << "\nTotal " << Money::fromMinor(sum).toString() << '\n';
    out().flush();
    return 0;
}
