#pragma once

#include "parkedsales.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

class Notices;

// The sales parked at this till, oldest first, for the screen that resumes them.
class ParkedModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its parked sales")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, LabelRole, TimeRole, TotalRole, LinesRole };
    Q_ENUM(Role)

    ParkedModel(ParkedSales& parked, Notices& notices, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_sales.size()); }

    // Reads the parked sales again from the store.
    Q_INVOKABLE void refresh();
    // The id of the parked sale in `row`, for Till::resume; 0 when there is none.
    Q_INVOKABLE qint64 idAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    ParkedSales& m_parked;
    Notices& m_notices;
    QList<ParkedSale> m_sales;
};

} // namespace stockline::qml
