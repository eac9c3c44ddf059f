#include "exceptionsmodel.h"

#include "approvals.h"
#include "catalog.h"
#include "client.h"
#include "notices.h"
#include "outbox.h"
#include "shortagejournal.h"
#include "staffsession.h"
#include "stockreplica.h"
#include "transport.h"

#include <QLocale>

namespace stockline::qml {

ExceptionsModel::ExceptionsModel(Services services, QObject* parent)
    : QAbstractListModel(parent), m_services(services)
{
    if (m_services.client) {
        connect(m_services.client, &sync::Client::shortagesChanged, this,
                [this] { setShortages(m_services.client->shortages()); });
        // The role arrives with the welcome.
        connect(m_services.client, &sync::Client::connectedChanged, this,
                &ExceptionsModel::canResolveChanged);
    }
    if (m_services.client)
        setShortages(m_services.client->shortages());
}

int ExceptionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ExceptionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::Shortage& s = m_shortages.at(index.row());
    switch (role) {
    case IdRole:
        return s.id;
    case SkuRole:
        return s.sku;
    case Qt::DisplayRole:
    case NameRole: {
        const Result<std::optional<Product>> product = m_services.catalog.bySku(s.sku);
        return product && product->has_value() ? (*product)->name : s.sku;
    }
    case LocationRole:
        return s.location;
    case QtyRole:
        return s.qty;
    case TerminalRole:
        return s.terminal;
    case SaleRole:
        return s.sale;
    case AtRole:
        return QLocale().toString(s.at.toLocalTime(), QLocale::ShortFormat);
    case ResolvingRole:
        return m_resolving.contains(s.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> ExceptionsModel::roleNames() const
{
    return {{IdRole, "shortageId"},     {SkuRole, "sku"}, {NameRole, "name"},
            {LocationRole, "location"}, {QtyRole, "qty"}, {TerminalRole, "terminal"},
            {SaleRole, "sale"},         {AtRole, "at"},   {ResolvingRole, "resolving"}};
}

bool ExceptionsModel::canResolve() const
{
    if (!m_services.client)
        return false;
    // Before the first welcome the role is not known: queue it, the server decides.
    const QString role = m_services.client->role();
    return role.isEmpty() || role == QLatin1String("manager");
}

void ExceptionsModel::setShortages(const QList<sync::Shortage>& shortages)
{
    beginResetModel();
    m_shortages = shortages;
    QSet<qint64> open;
    for (const sync::Shortage& s : std::as_const(m_shortages))
        open.insert(s.id);
    m_resolving.intersect(open);
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT canResolveChanged();
}

QString ExceptionsModel::titleAt(int row) const
{
    const QModelIndex shown = index(row);
    if (!shown.isValid())
        return {};
    return tr("%1 at %2")
        .arg(data(shown, NameRole).toString(), data(shown, LocationRole).toString());
}

qint64 ExceptionsModel::levelVersion(int row) const
{
    if (row < 0 || row >= count())
        return 0;
    const sync::Shortage& s = m_shortages.at(row);
    const Result<std::optional<StockLevel>> level = m_services.replica.level(s.sku, s.location);
    return level && level->has_value() ? (*level)->version : 0;
}

bool ExceptionsModel::resolveLoss(int row)
{
    return resolve(row, ResolveMutation::Resolution::Loss, 0);
}

bool ExceptionsModel::resolveRecount(int row, int counted)
{
    return resolve(row, ResolveMutation::Resolution::Recount, counted);
}

bool ExceptionsModel::resolve(int row, ResolveMutation::Resolution resolution, qint64 counted)
{
    if (row < 0 || row >= count())
        return false;
    if (!canResolve()) {
        setError(tr("Only a manager terminal resolves shortages: ask a manager to resolve it "
                    "from one."));
        return false;
    }
    const sync::Shortage& s = m_shortages.at(row);
    if (m_resolving.contains(s.id))
        return false;
    ResolveMutation m;
    m.shortage = s.id;
    m.resolution = resolution;
    if (resolution == ResolveMutation::Resolution::Recount) {
        m.counted = counted;
        m.expectedVersion = levelVersion(row);
    }
    m.staff = m_services.staff.name();
    const QString detail = resolution == ResolveMutation::Resolution::Loss
                               ? tr("Accept the loss of %1 × %2 at %3 (shortage %4)")
                                     .arg(s.qty)
                                     .arg(s.sku, s.location)
                                     .arg(s.id)
                               : tr("Recount %1 at %2: %3 on the shelf (shortage %4)")
                                     .arg(s.sku, s.location)
                                     .arg(counted)
                                     .arg(s.id);
    return m_services.approvals.request(
        Approval::Kind::ShortageResolution, detail,
        [this, m](const QString& approver) { return send(m, approver); });
}

bool ExceptionsModel::send(const ResolveMutation& resolve, const QString& approver)
{
    const Result<Mutation> written = ShortageJournal(m_services.outbox).resolve(resolve, approver);
    if (!written) {
        setError(tr("The resolution could not be saved: %1").arg(written.error().toString()));
        m_services.notices.report(m_error);
        return false;
    }
    setError({});
    for (int row = 0; row < count(); ++row) {
        if (m_shortages.at(row).id != resolve.shortage)
            continue;
        m_resolving.insert(resolve.shortage);
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, {ResolvingRole});
    }
    return true;
}

void ExceptionsModel::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

} // namespace stockline::qml
