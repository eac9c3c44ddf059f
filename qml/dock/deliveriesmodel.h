#pragma once

#include "delivery.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// The expected deliveries for the dock to pick from, with how far each is received (across
// every dock). The server lists a delivery until it is closed, also once everything on it has
// arrived: such a delivery is "done" ("complete", or "refused" when some units were refused)
// and listed after those still to come ("expected": nothing booked yet, "partial"), each group
// by reference. A delivery is done when every line's received and refused units reach what it
// expects; a line short of that still has goods to come.
class DeliveriesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock owns its deliveries")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ReferenceRole = Qt::UserRole + 1,
        SupplierRole,
        LocationRole,
        LinesRole,
        ExpectedRole,
        ReceivedRole,
        RejectedRole,
        StateRole, // "deliveryState": "expected", "partial", "complete", "refused"
    };
    Q_ENUM(Role)

    explicit DeliveriesModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_deliveries.size()); }

    void setDeliveries(QList<Delivery> deliveries);
    // The reference in `row`, or "" when there is none.
    Q_INVOKABLE QString referenceAt(int row) const;
    [[nodiscard]] static QString stateOf(const Delivery& delivery);

Q_SIGNALS:
    void countChanged();

private:
    QList<Delivery> m_deliveries;
};

} // namespace stockline::qml
