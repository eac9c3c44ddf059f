#include "backofficeview.h"

#include "backoffice.h"
#include "client.h"
#include "money.h"
#include "moneytext.h"
#include "protocol.h"
#include "transport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLocale>
#include <QScopedValueRollback>
#include <QStandardPaths>

namespace stockline::qml {

using namespace Qt::StringLiterals;

namespace {

using Column = ReportModel::Column;

QList<Column> catalogColumns()
{
    return {{u"sku"_s, BackOfficeView::tr("SKU"), u"text"_s},
            {u"name"_s, BackOfficeView::tr("Name"), u"text"_s},
            {u"department"_s, BackOfficeView::tr("Department"), u"text"_s},
            {u"price"_s, BackOfficeView::tr("Price"), u"money"_s},
            {u"cost"_s, BackOfficeView::tr("Cost"), u"money"_s},
            {u"taxRate"_s, BackOfficeView::tr("Tax"), u"percent"_s},
            {u"supplier"_s, BackOfficeView::tr("Supplier"), u"text"_s},
            {u"reorderPoint"_s, BackOfficeView::tr("Reorder at"), u"qty"_s},
            {u"active"_s, BackOfficeView::tr("Active"), u"text"_s},
            {u"version"_s, BackOfficeView::tr("Version"), u"int"_s}};
}

QList<Column> scheduledColumns()
{
    return {{u"effectiveAt"_s, BackOfficeView::tr("From"), u"text"_s},
            {u"sku"_s, BackOfficeView::tr("SKU"), u"text"_s},
            {u"name"_s, BackOfficeView::tr("Name"), u"text"_s},
            {u"currentPrice"_s, BackOfficeView::tr("Now"), u"money"_s},
            {u"price"_s, BackOfficeView::tr("New price"), u"money"_s},
            {u"createdBy"_s, BackOfficeView::tr("By"), u"text"_s}};
}

QList<Column> terminalColumns()
{
    return {{u"terminal"_s, BackOfficeView::tr("Terminal"), u"text"_s},
            {u"role"_s, BackOfficeView::tr("Role"), u"text"_s},
            {u"location"_s, BackOfficeView::tr("Location"), u"text"_s},
            {u"online"_s, BackOfficeView::tr("Online"), u"text"_s},
            {u"lastSeen"_s, BackOfficeView::tr("Last seen"), u"text"_s},
            {u"backlog"_s, BackOfficeView::tr("Backlog"), u"int"_s},
            {u"revoked"_s, BackOfficeView::tr("Revoked"), u"text"_s}};
}

// What a refusal says to the manager: our words for the codes a person acts on.
QString refusalText(const sync::BackOfficeAnswer& answer)
{
    if (answer.code == "wrong_pin"_L1)
        return BackOfficeView::tr("Wrong PIN");
    if (answer.code == "not_manager"_L1)
        return BackOfficeView::tr("Only an active manager can open the back office");
    if (answer.code == "rate_limited"_L1)
        return BackOfficeView::tr("Too many wrong PINs: wait five minutes");
    if (answer.code == "forbidden"_L1)
        return BackOfficeView::tr("A manager must sign in to the back office first");
    const QString field = answer.body.value("field"_L1).toString();
    return field.isEmpty() ? answer.message : u"%1: %2"_s.arg(field, answer.message);
}

// A product's field as the manager reads it, for saying what someone else changed.
QString shown(const QJsonObject& product, const QString& key)
{
    const QJsonValue v = product.value(key);
    if (key == "price"_L1 || key == "cost"_L1)
        return print::moneyText(Money::fromMinor(v.toInteger()));
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items.append(item.toString());
        return items.join(u", "_s);
    }
    if (v.isBool())
        return v.toBool() ? BackOfficeView::tr("yes") : BackOfficeView::tr("no");
    return v.toVariant().toString();
}

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString t = part.trimmed(); !t.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace

BackOfficeView::BackOfficeView(sync::Client* client, QString location, QObject* parent)
    : QObject(parent), m_client(client), m_catalog(new ReportModel(this)),
      m_scheduled(new ReportModel(this)), m_terminals(new ReportModel(this)),
      m_report(new ReportModel(this)), m_location(std::move(location)),
      m_suppliers(new ReportModel(this)), m_suggestions(new ReportModel(this)),
      m_orders(new ReportModel(this)), m_orderLines(new ReportModel(this))
{
    showCatalog({});
    showScheduled({});
    showTerminals({});
    showSuppliers({});
    showSuggestions({});
    showOrders({});
    if (!m_client)
        return;
    m_backOffice = std::make_unique<sync::BackOffice>(*m_client);
    connect(m_client, &sync::Client::connectedChanged, this, &BackOfficeView::availableChanged);
    connect(m_backOffice.get(), &sync::BackOffice::elevatedChanged, this,
            &BackOfficeView::elevatedChanged);
    connect(m_backOffice.get(), &sync::BackOffice::answered, this, &BackOfficeView::onAnswered);
}

BackOfficeView::~BackOfficeView() = default;

bool BackOfficeView::available() const
{
    return m_previewing || (m_client && m_client->isConnected());
}

bool BackOfficeView::chartsAvailable()
{
    return QCoreApplication::instance() && QCoreApplication::instance()->inherits("QApplication");
}

QString BackOfficeView::exportFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

bool BackOfficeView::managerTerminal() const
{
    return m_client && m_client->role() == "manager"_L1;
}

bool BackOfficeView::elevated() const
{
    return !manager().isEmpty();
}

QString BackOfficeView::manager() const
{
    return m_backOffice ? m_backOffice->manager() : m_previewManager;
}

void BackOfficeView::preview(const QString& manager)
{
    m_previewing = true;
    m_previewManager = manager;
    Q_EMIT availableChanged();
    Q_EMIT elevatedChanged();
}

void BackOfficeView::endPreview()
{
    m_previewing = false;
    m_previewManager.clear();
    Q_EMIT availableChanged();
    Q_EMIT elevatedChanged();
}

void BackOfficeView::showCatalog(const QJsonArray& rows)
{
    m_catalog->setTable(catalogColumns(), rows);
}

void BackOfficeView::showScheduled(const QJsonArray& rows)
{
    m_scheduled->setTable(scheduledColumns(), rows);
}

void BackOfficeView::showTerminals(const QJsonArray& rows)
{
    m_terminals->setTable(terminalColumns(), rows);
}

void BackOfficeView::elevate(const QString& staff, const QString& pin)
{
    if (staff.trimmed().isEmpty() || pin.isEmpty()) {
        refuse(tr("Type the manager's name and PIN"));
        return;
    }
    if (!available()) {
        refuse(tr("The back office needs the server"));
        return;
    }
    const QString request = m_backOffice->elevate(staff.trimmed(), pin);
    m_handlers.insert(request, {[this](const sync::BackOfficeAnswer&) {
                                    say(tr("%1 signed in to the back office").arg(manager()),
                                        false);
                                },
                                {},
                                m_page});
    Q_EMIT changed();
}

void BackOfficeView::signOut()
{
    if (m_backOffice && m_backOffice->isElevated() && available())
        m_backOffice->endElevation();
    m_said.clear();
    m_conflict.clear();
    m_pairingCode.clear();
    Q_EMIT changed();
}

void BackOfficeView::ask(const QString& type, const QJsonObject& fields, Handler onOk,
                         Refusal onRefused)
{
    if (!m_backOffice) {
        refuse(tr("The back office needs the server"));
        return;
    }
    m_handlers.insert(m_backOffice->send(type, fields),
                      {std::move(onOk), std::move(onRefused), m_page});
    Q_EMIT changed();
}

void BackOfficeView::onAnswered(const QString& request, const sync::BackOfficeAnswer& answer)
{
    if (!m_handlers.contains(request))
        return; // the sign-out's answer, or not asked from here
    const Pending pending = m_handlers.take(request);
    const QScopedValueRollback answering(m_answeringPage, std::optional<int>(pending.page));
    if (answer.ok)
        pending.onOk(answer);
    else if (!pending.onRefused || !pending.onRefused(answer))
        say(refusalText(answer), true);
    Q_EMIT changed();
}

void BackOfficeView::say(const QString& message, bool failed)
{
    m_said.insert(m_answeringPage.value_or(m_page), Said{message, failed});
    Q_EMIT changed();
}

void BackOfficeView::setPage(int page)
{
    if (page == m_page)
        return;
    m_page = page;
    Q_EMIT changed();
}

bool BackOfficeView::refuse(const QString& message)
{
    say(message, true);
    return false;
}

void BackOfficeView::loadCatalog(const QString& query)
{
    m_catalogQuery = query.trimmed();
    reloadCatalog();
}

void BackOfficeView::reloadCatalog()
{
    QJsonObject fields{{"offset"_L1, 0}, {"limit"_L1, 500}};
    if (!m_catalogQuery.isEmpty())
        fields.insert("query"_L1, m_catalogQuery);
    ask(u"products"_s, fields, [this](const sync::BackOfficeAnswer& answer) {
        showCatalog(answer.body.value("rows"_L1).toArray());
    });
}

bool BackOfficeView::saveProduct(const QVariantMap& fields)
{
    const QString sku = fields.value(u"sku"_s).toString().trimmed();
    if (sku.isEmpty())
        return refuse(tr("Give the product a SKU"));
    const Result<Money> price = print::parseAmount(fields.value(u"price"_s).toString());
    if (!price)
        return refuse(tr("Price: %1").arg(price.error().message));
    const QString costText = fields.value(u"cost"_s).toString().trimmed();
    const Result<Money> cost =
        costText.isEmpty() ? Result<Money>(Money::fromMinor(0)) : print::parseAmount(costText);
    if (!cost)
        return refuse(tr("Cost: %1").arg(cost.error().message));
    const Result<TaxRate> tax = TaxRate::parse(fields.value(u"taxRate"_s).toString().trimmed());
    if (!tax)
        return refuse(tr("Tax rate: %1").arg(tax.error().message));
    bool numeric = true;
    const QString reorderText = fields.value(u"reorderPoint"_s).toString().trimmed();
    const qint64 reorder = reorderText.isEmpty() ? 0 : reorderText.toLongLong(&numeric);
    if (!numeric || reorder < 0)
        return refuse(tr("Reorder point: a whole number of units, 0 or more"));
    const qint64 version = fields.value(u"version"_s).toLongLong();
    QJsonObject product{{"sku"_L1, sku},
                        {"name"_L1, fields.value(u"name"_s).toString().trimmed()},
                        {"barcodes"_L1, QJsonArray::fromStringList(
                                            splitList(fields.value(u"barcodes"_s).toString()))},
                        {"department"_L1, fields.value(u"department"_s).toString().trimmed()},
                        {"unit"_L1, fields.value(u"unit"_s, u"each"_s).toString()},
                        {"price"_L1, price->minor()},
                        {"taxRate"_L1, tax->milliPercent() / 1000.0},
                        {"cost"_L1, cost->minor()},
                        {"reorderPoint"_L1, reorder},
                        {"active"_L1, fields.value(u"active"_s, true).toBool()}};
    if (const QString supplier = fields.value(u"supplier"_s).toString().trimmed();
        !supplier.isEmpty())
        product.insert("supplier"_L1, supplier);
    const int row = m_catalog->find(u"sku"_s, sku);
    m_editing.insert(sku, row >= 0 ? m_catalog->rowObject(row) : QJsonObject());
    m_conflict.clear();
    m_conflictCurrent = {};
    ask(
        u"product"_s, QJsonObject{{"product"_L1, product}, {"expectedVersion"_L1, version}},
        [this, sku](const sync::BackOfficeAnswer& answer) {
            m_editing.remove(sku);
            say(tr("%1 saved (version %2)")
                    .arg(sku)
                    .arg(answer.body.value("version"_L1).toInteger()),
                false);
            Q_EMIT saved();
            reloadCatalog();
        },
        // A conflict is not a plain refusal: it says what the other manager changed.
        [this, sku](const sync::BackOfficeAnswer& answer) {
            if (answer.code != "version_conflict"_L1)
                return false;
            showConflict(answer.body, sku);
            return true;
        });
    return true;
}

void BackOfficeView::showConflict(const QJsonObject& answer, const QString& sku)
{
    describeConflict(answer, sku, m_editing.take(sku),
                     {u"name"_s, u"barcodes"_s, u"department"_s, u"unit"_s, u"price"_s,
                      u"taxRate"_s, u"cost"_s, u"reorderPoint"_s, u"supplier"_s, u"active"_s});
    reloadCatalog();
}

void BackOfficeView::describeConflict(const QJsonObject& answer, const QString& id,
                                      const QJsonObject& saw, const QStringList& keys)
{
    const QJsonObject current = answer.value("current"_L1).toObject();
    const QString by = answer.value("changedBy"_L1).toString();
    const QDateTime at =
        QDateTime::fromString(answer.value("changedAt"_L1).toString(), Qt::ISODate);
    QStringList changes;
    if (saw.isEmpty()) {
        changes.append(tr("%1 exists already").arg(id));
    } else {
        for (const QString& key : keys) {
            if (saw.value(key) != current.value(key))
                changes.append(tr("%1 %2 → %3").arg(key, shown(saw, key), shown(current, key)));
        }
    }
    const QString who = by.isEmpty() ? tr("Someone") : by;
    const QString when = at.isValid()
                             ? QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat)
                             : QString();
    m_conflict = (when.isEmpty() ? tr("%1 changed %2 meanwhile").arg(who, id)
                                 : tr("%1 changed %2 at %3").arg(who, id, when)) +
                 u": "_s + (changes.isEmpty() ? tr("nothing you can see") : changes.join(u"; "_s)) +
                 u". "_s + tr("Nothing was saved: check theirs, then save again.");
    m_conflictCurrent = current;
    Q_EMIT changed();
}

} // namespace stockline::qml
