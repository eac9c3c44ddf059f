#include "parkedmodel.h"

#include "moneytext.h"
#include "notices.h"

#include <QLocale>

namespace stockline::qml {

ParkedModel::ParkedModel(ParkedSales& parked, Notices& notices, QObject* parent)
    : QAbstractListModel(parent), m_parked(parked), m_notices(notices)
{
    refresh();
}

int ParkedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> ParkedModel::roleNames() const
{
    return {{IdRole, "parkedId"},
            {LabelRole, "label"},
            {TimeRole, "time"},
            {TotalRole, "total"},
            {LinesRole, "lines"}};
}

QVariant ParkedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ParkedSale& sale = m_sales.at(index.row());
    switch (role) {
    case IdRole:
        return sale.id;
    case Qt::DisplayRole:
    case LabelRole:
        return sale.label;
    case TimeRole:
        return QLocale().toString(sale.at.toLocalTime().time(), QLocale::ShortFormat);
    case TotalRole:
        return print::moneyText(sale.total);
    case LinesRole:
        return static_cast<int>(sale.lines.size());
    default:
        return {};
    }
}

qint64 ParkedModel::idAt(int row) const
{
    return row >= 0 && row < count() ? m_sales.at(row).id : 0;
}

void ParkedModel::refresh()
{
    Result<QList<ParkedSale>> sales = m_parked.list();
    if (!sales) {
        m_notices.report(tr("The parked sales cannot be read: %1").arg(sales.error().toString()));
        return;
    }
    const bool countChanges = sales->size() != m_sales.size();
    beginResetModel();
    m_sales = std::move(sales).value();
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace stockline::qml
