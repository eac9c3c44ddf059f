#include "deliveriesmodel.h"

#include <numeric>

namespace stockline::ui {

namespace {

template <typename Field> qint64 sum(const Delivery& delivery, Field field)
{
    return std::accumulate(
        delivery.lines.cbegin(), delivery.lines.cend(), qint64{0},
        [&](qint64 total, const DeliveryLine& line) { return total + field(line); });
}

} // namespace

DeliveriesModel::DeliveriesModel(QObject* parent) : QAbstractListModel(parent) {}

int DeliveriesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> DeliveriesModel::roleNames() const
{
    return {{ReferenceRole, "reference"}, {SupplierRole, "supplier"}, {LocationRole, "location"},
            {LinesRole, "lines"},         {ExpectedRole, "expected"}, {ReceivedRole, "received"},
            {RejectedRole, "rejected"}};
}

QVariant DeliveriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Delivery& delivery = m_deliveries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ReferenceRole:
        return delivery.id;
    case SupplierRole:
        return delivery.supplier;
    case LocationRole:
        return delivery.location;
    case LinesRole:
        return static_cast<int>(delivery.lines.size());
    case ExpectedRole:
        return sum(delivery, [](const DeliveryLine& l) { return l.expected; });
    case ReceivedRole:
        return sum(delivery, [](const DeliveryLine& l) { return l.received; });
    case RejectedRole:
        return sum(delivery, [](const DeliveryLine& l) { return l.rejected; });
    default:
        return {};
    }
}

void DeliveriesModel::setDeliveries(const QList<Delivery>& deliveries)
{
    if (deliveries == m_deliveries)
        return;
    const bool countChanges = deliveries.size() != m_deliveries.size();
    beginResetModel();
    m_deliveries = deliveries;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QString DeliveriesModel::referenceAt(int row) const
{
    return row >= 0 && row < count() ? m_deliveries.at(row).id : QString();
}

} // namespace stockline::ui
