#pragma once

#include "error.h"
#include "product.h"
#include "statementcache.h"

#include <QList>
#include <QStringView>
#include <optional>

namespace stockline {

class LocalStore;
class Transaction;

// The terminal's replica of locations and stock levels (tables `locations` and `levels`),
// as the server or an opening-stock import gives them. It stores what it is given: whether
// a levels message is newer than the replica is decided by its cursor, before this.
//
// Threading and lifetime: like the LocalStore it writes, the store's thread only; the store
// must outlive the replica.
class StockReplica
{
public:
    explicit StockReplica(const LocalStore& store);

    // Insert or replace, in one transaction; every item is validated first and the first
    // bad one is an Error naming it ("locations[2].name", "levels[0].reserved"), nothing
    // written.
    [[nodiscard]] Status upsertLocations(const QList<Location>& locations);
    [[nodiscard]] Status upsertLocations(Transaction& tx, const QList<Location>& locations);
    [[nodiscard]] Status upsertLevels(const QList<StockLevel>& levels);
    [[nodiscard]] Status upsertLevels(Transaction& tx, const QList<StockLevel>& levels);
    // A full snapshot from the server: every level it does not list is gone.
    [[nodiscard]] Status replaceLevels(Transaction& tx, const QList<StockLevel>& levels);

    // The last server cursor applied, per stream ("levels", "catalog"); 0 before the first.
    // Written in the transaction that applies the message, so the two never disagree.
    [[nodiscard]] Result<qint64> cursor(const QString& stream) const;
    [[nodiscard]] Status setCursor(Transaction& tx, const QString& stream, qint64 cursor);

    [[nodiscard]] Result<QList<Location>> locations() const;
    [[nodiscard]] Result<std::optional<StockLevel>> level(QStringView sku,
                                                          QStringView location) const;
    // Every level of one SKU, by location.
    [[nodiscard]] Result<QList<StockLevel>> levelsOf(QStringView sku) const;

private:
    [[nodiscard]] Result<QSqlQuery*> run(const QString& sql, const QString& purpose,
                                         const QVariantList& values) const;

    const LocalStore& m_store;
    mutable StatementCache m_statements;
};

} // namespace stockline
