#include "deliveriesmodel.h"

#include <algorithm>
#include <numeric>

namespace stockline::qml {

namespace {

template <typename Field> qint64 sum(const Delivery& delivery, Field field)
{
    return std::accumulate(
        delivery.lines.cbegin(), delivery.lines.cend(), qint64{0},
        [&](qint64 total, const DeliveryLine& line) { return total + field(line); });
}

bool isDone(const Delivery& delivery)
{
    return std::all_of(delivery.lines.cbegin(), delivery.lines.cend(),
                       [](const DeliveryLine& l) { return l.received + l.rejected >= l.expected; });
}

} // namespace

QString DeliveriesModel::stateOf(const Delivery& delivery)
{
    const qint64 rejected = sum(delivery, [](const DeliveryLine& l) { return l.rejected; });
    if (isDone(delivery))
        return rejected > 0 ? QStringLiteral("refused") : QStringLiteral("complete");
    const qint64 booked =
        rejected + sum(delivery, [](const DeliveryLine& l) { return l.received; });
    return booked > 0 ? QStringLiteral("partial") : QStringLiteral("expected");
}

DeliveriesModel::DeliveriesModel(QObject* parent) : QAbstractListModel(parent) {}

int DeliveriesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> DeliveriesModel::roleNames() const
{
    return {{ReferenceRole, "reference"}, {SupplierRole, "supplier"},  {LocationRole, "location"},
            {LinesRole, "lines"},         {ExpectedRole, "expected"},  {ReceivedRole, "received"},
            {RejectedRole, "rejected"},   {StateRole, "deliveryState"}};
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
    case StateRole:
        return stateOf(delivery);
    default:
        return {};
    }
}

void DeliveriesModel::setDeliveries(QList<Delivery> deliveries)
{
    // Those still to come first; each group keeps the book's order (by reference).
    std::stable_partition(deliveries.begin(), deliveries.end(),
                          [](const Delivery& d) { return !isDone(d); });
    if (deliveries == m_deliveries)
        return;
    const bool countChanges = deliveries.size() != m_deliveries.size();
    beginResetModel();
    m_deliveries = std::move(deliveries);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QString DeliveriesModel::referenceAt(int row) const
{
    return row >= 0 && row < count() ? m_deliveries.at(row).id : QString();
}

} // namespace stockline::qml
