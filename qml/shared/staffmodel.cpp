#include "staffmodel.h"

namespace stockline::qml {

StaffModel::StaffModel(QObject* parent) : QAbstractListModel(parent) {}

int StaffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant StaffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffMember& member = m_staff.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return member.name;
    case ManagerRole:
        return member.role == StaffRole::Manager;
    default:
        return {};
    }
}

QHash<int, QByteArray> StaffModel::roleNames() const
{
    return {{NameRole, "name"}, {ManagerRole, "manager"}};
}

void StaffModel::setStaff(const QList<StaffMember>& staff)
{
    beginResetModel();
    m_staff = staff;
    endResetModel();
    Q_EMIT countChanged();
}

QString StaffModel::nameAt(int row) const
{
    return row >= 0 && row < count() ? m_staff.at(row).name : QString();
}

} // namespace stockline::qml
