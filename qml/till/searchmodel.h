#pragma once

#include "product.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace stockline {
class Catalog;
class StockReplica;
} // namespace stockline

namespace stockline::qml {

class Notices;

// Search-as-you-type over the catalog (core::Catalog::search, ranked, prefix per word) with
// what each product has available at this location. Runs on every keystroke: the catalog's
// search is built for it.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its search")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        BarcodeRole,
        PriceRole,
        AvailableRole,
        DepartmentRole,
    };
    Q_ENUM(Role)

    static constexpr int maxResults = 30;

    SearchModel(const Catalog& catalog, const StockReplica& replica, Notices& notices,
                QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString& query);
    [[nodiscard]] int count() const { return static_cast<int>(m_results.size()); }
    [[nodiscard]] const Product& product(int row) const { return m_results.at(row).product; }
    void setLocation(const QString& location) { m_location = location; }

    Q_INVOKABLE void clear() { setQuery(QString()); }

Q_SIGNALS:
    void queryChanged();
    void countChanged();

private:
    struct Hit
    {
        Product product;
        qint64 available = -1;
    };

    const Catalog& m_catalog;
    const StockReplica& m_replica;
    Notices& m_notices;
    QString m_location;
    QString m_query;
    QList<Hit> m_results;
};

} // namespace stockline::qml
