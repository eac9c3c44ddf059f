// The back office's purchasing (issue 20; sync/PROTOCOL.md, "Purchasing"): suppliers, reorder
// suggestions the manager edits and places as a purchase order, the orders with what arrived,
// and an order exported for its supplier as CSV or PDF.

#include "backoffice.h"
#include "backofficeview.h"
#include "money.h"
#include "moneytext.h"
#include "protocol.h"
#include "purchaseorderdocument.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QUrl>

namespace stockline::qml {

using namespace Qt::StringLiterals;

namespace {

using Column = ReportModel::Column;

QList<Column> supplierColumns()
{
    return {{u"id"_s, BackOfficeView::tr("Supplier"), u"text"_s},
            {u"name"_s, BackOfficeView::tr("Name"), u"text"_s},
            {u"contact"_s, BackOfficeView::tr("Contact"), u"text"_s},
            {u"leadTimeDays"_s, BackOfficeView::tr("Lead time (days)"), u"int"_s},
            {u"active"_s, BackOfficeView::tr("Active"), u"text"_s},
            {u"version"_s, BackOfficeView::tr("Version"), u"int"_s}};
}

QList<Column> suggestionColumns()
{
    return {{u"sku"_s, BackOfficeView::tr("SKU"), u"text"_s},
            {u"name"_s, BackOfficeView::tr("Name"), u"text"_s},
            {u"perDay"_s, BackOfficeView::tr("Sold/day"), u"text"_s},
            {u"available"_s, BackOfficeView::tr("Available"), u"qty"_s},
            {u"onOrder"_s, BackOfficeView::tr("On order"), u"qty"_s},
            {u"suggested"_s, BackOfficeView::tr("Suggested"), u"qty"_s},
            {u"qty"_s, BackOfficeView::tr("To order"), u"qty"_s},
            {u"cost"_s, BackOfficeView::tr("Unit cost"), u"money"_s},
            {u"why"_s, BackOfficeView::tr("Why"), u"text"_s}};
}

QList<Column> orderColumns()
{
    return {{u"reference"_s, BackOfficeView::tr("Order"), u"text"_s},
            {u"supplier"_s, BackOfficeView::tr("Supplier"), u"text"_s},
            {u"location"_s, BackOfficeView::tr("Location"), u"text"_s},
            {u"statusText"_s, BackOfficeView::tr("Status"), u"text"_s},
            {u"placed"_s, BackOfficeView::tr("Placed"), u"text"_s},
            {u"createdBy"_s, BackOfficeView::tr("By"), u"text"_s},
            {u"ordered"_s, BackOfficeView::tr("Ordered"), u"qty"_s},
            {u"received"_s, BackOfficeView::tr("Received"), u"qty"_s},
            {u"total"_s, BackOfficeView::tr("Total"), u"money"_s},
            {u"receivedCost"_s, BackOfficeView::tr("Received value"), u"money"_s}};
}

QList<Column> orderLineColumns()
{
    return {{u"sku"_s, BackOfficeView::tr("SKU"), u"text"_s},
            {u"name"_s, BackOfficeView::tr("Name"), u"text"_s},
            {u"qty"_s, BackOfficeView::tr("Ordered"), u"qty"_s},
            {u"received"_s, BackOfficeView::tr("Received"), u"qty"_s},
            {u"rejected"_s, BackOfficeView::tr("Refused"), u"qty"_s},
            {u"cost"_s, BackOfficeView::tr("Unit cost"), u"money"_s},
            {u"receivedCost"_s, BackOfficeView::tr("Received value"), u"money"_s}};
}

QString statusText(const QString& status)
{
    if (status == "open"_L1)
        return BackOfficeView::tr("open");
    if (status == "partial"_L1)
        return BackOfficeView::tr("partly received");
    if (status == "received"_L1)
        return BackOfficeView::tr("received");
    if (status == "closed"_L1)
        return BackOfficeView::tr("closed");
    return status;
}

QString localTime(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : iso;
}

// A whole number as typed, within [min, max]: days, or units (a purchase order line's 0 …
// 1,000,000).
std::optional<qint64> wholeNumber(const QString& typed, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = typed.trimmed().toLongLong(&ok);
    return ok && n >= min && n <= max ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

void BackOfficeView::showSuppliers(const QJsonArray& rows)
{
    m_suppliers->setTable(supplierColumns(), rows);
}

void BackOfficeView::showSuggestions(const QJsonArray& rows)
{
    QJsonArray shown;
    for (const QJsonValue& v : rows) {
        QJsonObject row = v.toObject();
        row.insert("perDay"_L1,
                   QLocale().toString(row.value("soldPerDay"_L1).toDouble() / 100.0, 'f', 2));
        row.insert("available"_L1,
                   row.value("onHand"_L1).toInteger() - row.value("reserved"_L1).toInteger());
        if (!row.contains("qty"_L1))
            row.insert("qty"_L1, row.value("suggested"_L1));
        shown.append(row);
    }
    m_suggestions->setTable(suggestionColumns(), shown);
}

void BackOfficeView::showOrders(const QJsonArray& rows, qint64 offset, qint64 total)
{
    QJsonArray shown;
    for (const QJsonValue& v : rows) {
        QJsonObject row = v.toObject();
        qint64 ordered = 0;
        qint64 received = 0;
        qint64 value = 0;
        qint64 receivedValue = 0;
        for (const QJsonValue& l : row.value("lines"_L1).toArray()) {
            const QJsonObject line = l.toObject();
            ordered += line.value("qty"_L1).toInteger();
            received += line.value("received"_L1).toInteger();
            value += line.value("qty"_L1).toInteger() * line.value("cost"_L1).toInteger();
            receivedValue += line.value("receivedCost"_L1).toInteger();
        }
        row.insert("statusText"_L1, statusText(row.value("status"_L1).toString()));
        row.insert("placed"_L1, localTime(row.value("createdAt"_L1).toString()));
        row.insert("ordered"_L1, ordered);
        row.insert("received"_L1, received);
        row.insert("total"_L1, value);
        row.insert("receivedCost"_L1, receivedValue);
        shown.append(row);
    }
    m_ordersOffset = offset;
    m_ordersTotal = total < 0 ? offset + rows.size() : total;
    m_orders->setTable(orderColumns(), shown);
    // The chosen order stays chosen, with what arrived since.
    chooseOrder(m_orders->find(u"reference"_s, m_orderReference));
}

void BackOfficeView::loadSuppliers()
{
    ask(u"suppliers"_s, {}, [this](const sync::BackOfficeAnswer& answer) {
        showSuppliers(answer.body.value("rows"_L1).toArray());
    });
}

bool BackOfficeView::saveSupplier(const QVariantMap& fields)
{
    const QString id = fields.value(u"id"_s).toString().trimmed();
    if (id.isEmpty())
        return refuse(tr("Give the supplier a short id, such as ACME"));
    const QString name = fields.value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return refuse(tr("Give the supplier's name"));
    bool numeric = true;
    const QString leadText = fields.value(u"leadTimeDays"_s).toString().trimmed();
    const qint64 lead = leadText.isEmpty() ? 0 : leadText.toLongLong(&numeric);
    if (!numeric || lead < 0 || lead > 365)
        return refuse(tr("Lead time: whole days, 0 to 365"));
    const QJsonObject supplier{{"id"_L1, id},
                               {"name"_L1, name},
                               {"contact"_L1, fields.value(u"contact"_s).toString().trimmed()},
                               {"leadTimeDays"_L1, lead},
                               {"active"_L1, fields.value(u"active"_s, true).toBool()}};
    const int row = m_suppliers->find(u"id"_s, id);
    const QJsonObject saw = row >= 0 ? m_suppliers->rowObject(row) : QJsonObject();
    m_conflict.clear();
    m_conflictCurrent = {};
    ask(
        u"supplier"_s,
        QJsonObject{{"supplier"_L1, supplier},
                    {"expectedVersion"_L1, fields.value(u"version"_s).toLongLong()}},
        [this, id](const sync::BackOfficeAnswer& answer) {
            say(tr("%1 saved (version %2)")
                    .arg(id)
                    .arg(answer.body.value("version"_L1).toInteger()),
                false);
            Q_EMIT saved();
            loadSuppliers();
        },
        [this, id, saw](const sync::BackOfficeAnswer& answer) {
            if (answer.code != "version_conflict"_L1)
                return false;
            describeConflict(answer.body, id, saw,
                             {u"name"_s, u"contact"_s, u"leadTimeDays"_s, u"active"_s});
            loadSuppliers();
            return true;
        });
    return true;
}

bool BackOfficeView::loadSuggestions(const QString& supplier, const QString& location,
                                     const QString& windowDays, const QString& coverDays)
{
    const std::optional<qint64> window = wholeNumber(windowDays, 7, 365);
    if (!window)
        return refuse(tr("Window: 7 to 365 days"));
    const std::optional<qint64> cover = wholeNumber(coverDays, 0, 365);
    if (!cover)
        return refuse(tr("Cover: 0 to 365 days"));
    const QString where = location.trimmed().isEmpty() ? m_location : location.trimmed();
    if (where.isEmpty())
        return refuse(tr("Give the location to order for"));
    m_suggestionsSupplier = supplier.trimmed();
    m_suggestionsLocation = where;
    QJsonObject fields{
        {"location"_L1, where}, {"windowDays"_L1, *window}, {"coverDays"_L1, *cover}};
    QJsonObject products{{"offset"_L1, 0}, {"limit"_L1, 500}};
    if (!m_suggestionsSupplier.isEmpty()) {
        fields.insert("supplier"_L1, m_suggestionsSupplier);
        products.insert("supplier"_L1, m_suggestionsSupplier);
    }
    // Each row is priced at the product's cost now, which only the catalog has.
    ask(u"reorder"_s, fields, [this, products](const sync::BackOfficeAnswer& reorder) {
        const QJsonArray rows = reorder.body.value("rows"_L1).toArray();
        ask(u"products"_s, products, [this, rows](const sync::BackOfficeAnswer& catalog) {
            QHash<QString, qint64> costs;
            for (const QJsonValue& p : catalog.body.value("rows"_L1).toArray())
                costs.insert(p.toObject().value("sku"_L1).toString(),
                             p.toObject().value("cost"_L1).toInteger());
            QJsonArray priced;
            for (const QJsonValue& v : rows) {
                QJsonObject row = v.toObject();
                row.insert("cost"_L1, costs.value(row.value("sku"_L1).toString()));
                priced.append(row);
            }
            showSuggestions(priced);
            say(tr("%n product(s) to order", nullptr, int(priced.size())), false);
        });
    });
    return true;
}

bool BackOfficeView::editSuggestion(int row, const QString& qty, const QString& cost)
{
    if (row < 0 || row >= m_suggestions->count())
        return refuse(tr("Choose a suggestion first"));
    const std::optional<qint64> n = wholeNumber(qty, 0, 1'000'000);
    if (!n)
        return refuse(tr("Quantity: whole units, 0 to 1,000,000"));
    const Result<Money> amount = print::parseAmount(cost.trimmed());
    if (!amount || amount->minor() < 0)
        return refuse(tr("Unit cost: an amount such as 1.20"));
    m_suggestions->setValue(row, u"qty"_s, *n);
    m_suggestions->setValue(row, u"cost"_s, amount->minor());
    return true;
}

bool BackOfficeView::placeOrder(const QString& expectedAt)
{
    if (m_suggestionsSupplier.isEmpty())
        return refuse(tr("Choose the supplier to order from, then ask for suggestions"));
    QJsonArray lines;
    for (int row = 0; row < m_suggestions->count(); ++row) {
        const QJsonObject s = m_suggestions->rowObject(row);
        if (s.value("qty"_L1).toInteger() > 0)
            lines.append(QJsonObject{{"sku"_L1, s.value("sku"_L1)},
                                     {"qty"_L1, s.value("qty"_L1)},
                                     {"cost"_L1, s.value("cost"_L1)}});
    }
    if (lines.isEmpty())
        return refuse(tr("Nothing to order: every quantity is 0"));
    const std::optional<QString> when = serverTime(expectedAt);
    if (!when)
        return false;
    QJsonObject order{{"supplier"_L1, m_suggestionsSupplier},
                      {"location"_L1, m_suggestionsLocation},
                      {"lines"_L1, lines}};
    if (!when->isEmpty())
        order.insert("expectedAt"_L1, *when);
    ask(u"purchaseOrder"_s, QJsonObject{{"order"_L1, order}},
        [this, count = lines.size()](const sync::BackOfficeAnswer& answer) {
            m_orderReference = answer.body.value("reference"_L1).toString();
            say(tr("Ordered as %1: %n line(s), expected at the dock now", nullptr, int(count))
                    .arg(m_orderReference),
                false);
            Q_EMIT saved();
            showSuggestions({});
            loadOrders();
        });
    return true;
}

void BackOfficeView::loadOrders(const QString& status)
{
    if (status != m_ordersStatus)
        m_ordersOffset = 0;
    m_ordersStatus = status;
    askOrders();
}

bool BackOfficeView::pageOrders(int direction)
{
    const qint64 offset = m_ordersOffset + direction * ordersPageSize;
    if (offset < 0 || offset >= m_ordersTotal)
        return false;
    m_ordersOffset = offset;
    askOrders();
    return true;
}

void BackOfficeView::askOrders()
{
    QJsonObject fields{{"limit"_L1, ordersPageSize}, {"offset"_L1, m_ordersOffset}};
    if (!m_ordersStatus.isEmpty())
        fields.insert("status"_L1, m_ordersStatus);
    ask(u"purchaseOrders"_s, fields, [this, offset = m_ordersOffset](const auto& answer) {
        const qint64 total = answer.body.value("total"_L1).toInteger();
        // Fewer orders than the page began at (closed ones filtered out): the last page.
        if (offset > 0 && offset >= total) {
            m_ordersOffset = std::max<qint64>(0, (total - 1) / ordersPageSize * ordersPageSize);
            askOrders();
            return;
        }
        showOrders(answer.body.value("rows"_L1).toArray(), offset, total);
    });
}

QString BackOfficeView::ordersRange() const
{
    if (m_orders->count() == 0)
        return {};
    return tr("%1–%2 of %3")
        .arg(m_ordersOffset + 1)
        .arg(m_ordersOffset + m_orders->count())
        .arg(m_ordersTotal);
}

void BackOfficeView::chooseOrder(int row)
{
    const QJsonObject order = m_orders->rowObject(row);
    m_orderReference = order.value("reference"_L1).toString();
    m_orderLines->setTable(orderLineColumns(), order.value("lines"_L1).toArray());
    Q_EMIT changed();
}

void BackOfficeView::closeOrder(const QString& reference)
{
    if (reference.isEmpty()) {
        refuse(tr("Choose an order first"));
        return;
    }
    ask(u"purchaseOrderClose"_s, QJsonObject{{"reference"_L1, reference}},
        [this, reference](const auto&) {
            say(tr("%1 is closed: the docks no longer expect it").arg(reference), false);
            loadOrders();
        });
}

bool BackOfficeView::exportOrder(const QString& path, bool pdf)
{
    const int row = m_orders->find(u"reference"_s, m_orderReference);
    if (row < 0 || m_orderReference.isEmpty())
        return refuse(tr("Choose an order first"));
    const QJsonObject order = m_orders->rowObject(row);
    const QJsonObject supplier =
        m_suppliers->rowObject(m_suppliers->find(u"id"_s, order.value("supplier"_L1).toString()));
    print::PurchaseOrderDocument doc;
    doc.reference = m_orderReference;
    doc.supplier = supplier.value("name"_L1).toString(order.value("supplier"_L1).toString());
    doc.contact = supplier.value("contact"_L1).toString();
    doc.location = order.value("location"_L1).toString();
    if (order.contains("expectedAt"_L1))
        doc.expectedAt = localTime(order.value("expectedAt"_L1).toString());
    doc.placed =
        tr("%1 by %2")
            .arg(order.value("placed"_L1).toString(), order.value("createdBy"_L1).toString());
    for (int r = 0; r < m_orderLines->count(); ++r) {
        const QJsonObject line = m_orderLines->rowObject(r);
        doc.lines.append({line.value("sku"_L1).toString(), line.value("name"_L1).toString(),
                          line.value("qty"_L1).toInteger(), line.value("cost"_L1).toInteger(),
                          line.value("received"_L1).toInteger()});
    }
    const QUrl url(path.trimmed());
    const QString file = url.isLocalFile() ? url.toLocalFile() : path.trimmed();
    if (file.isEmpty())
        return refuse(tr("Give the file to save to"));
    const Status written = pdf ? doc.writePdf(file) : doc.writeCsv(file);
    if (!written)
        return refuse(written.error().message);
    say(tr("%1 saved to %2").arg(m_orderReference, file), false);
    return true;
}

} // namespace stockline::qml
