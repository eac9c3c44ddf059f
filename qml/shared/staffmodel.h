#pragma once

#include "staff.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// The people who may sign in at this till, by name, for the sign-in screen's buttons.
class StaffModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The staff session owns its list")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ManagerRole };
    Q_ENUM(Role)

    explicit StaffModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_staff.size()); }

    void setStaff(const QList<StaffMember>& staff);
    [[nodiscard]] const QList<StaffMember>& staff() const { return m_staff; }
    Q_INVOKABLE QString nameAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<StaffMember> m_staff;
};

} // namespace stockline::qml
