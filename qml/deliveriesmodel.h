#pragma once

#include "delivery.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stockline::ui {

// The open expected deliveries for the dock to pick from, by reference, with how far each is
// received (across every dock).
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
    };
    Q_ENUM(Role)

    explicit DeliveriesModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_deliveries.size()); }

    void setDeliveries(const QList<Delivery>& deliveries);
    // The reference in `row`, or "" when there is none.
    Q_INVOKABLE QString referenceAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<Delivery> m_deliveries;
};

} // namespace stockline::ui
