#include "searchmodel.h"

#include "catalog.h"
#include "moneytext.h"
#include "notices.h"
#include "stockreplica.h"

namespace stockline::qml {

SearchModel::SearchModel(const Catalog& catalog, const StockReplica& replica, Notices& notices,
                         QObject* parent)
    : QAbstractListModel(parent), m_catalog(catalog), m_replica(replica), m_notices(notices)
{
}

int SearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{SkuRole, "sku"},     {NameRole, "name"},           {BarcodeRole, "barcode"},
            {PriceRole, "price"}, {AvailableRole, "available"}, {DepartmentRole, "department"}};
}

QVariant SearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Hit& hit = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return hit.product.name;
    case SkuRole:
        return hit.product.sku;
    case BarcodeRole:
        return hit.product.barcode;
    case PriceRole:
        return print::moneyText(hit.product.price);
    case AvailableRole:
        return hit.available;
    case DepartmentRole:
        return hit.product.department;
    default:
        return {};
    }
}

void SearchModel::setQuery(const QString& query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();

    QList<Hit> results;
    if (!query.trimmed().isEmpty()) {
        const Result<QList<Product>> found = m_catalog.search(query, maxResults);
        if (!found)
            m_notices.report(tr("Search failed: %1").arg(found.error().toString()));
        else {
            for (const Product& product : *found) {
                const auto level = m_replica.level(product.sku, m_location);
                const qint64 available = level && level->has_value() ? (*level)->available() : -1;
                results.append(Hit{product, available});
            }
        }
    }
    // Rows out, then rows in, rather than a reset: a ListView that is still creating delegates
    // for the last keystroke's results handles removals cleanly, and a reset not.
    const bool countChanges = results.size() != m_results.size();
    if (!m_results.isEmpty()) {
        beginRemoveRows({}, 0, count() - 1);
        m_results.clear();
        endRemoveRows();
    }
    if (!results.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(results.size()) - 1);
        m_results = std::move(results);
        endInsertRows();
    }
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace stockline::qml
