#include "stockreplica.h"

#include "localstore.h"
#include "sqlrows.h"

#include <QVariant>

namespace stockline {

namespace {

template <typename T>
std::optional<Error> firstInvalid(const QList<T>& items, const QString& listName)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (const std::optional<Error> e = items[i].validate())
            return Error{QStringLiteral("%1[%2].%3").arg(listName).arg(i).arg(e->field),
                         e->message};
    }
    return std::nullopt;
}

const QString levelColumns = QStringLiteral("sku, location, on_hand, reserved, version");

} // namespace

StockReplica::StockReplica(const LocalStore& store) : m_store(store), m_statements(store) {}

Result<QSqlQuery*> StockReplica::run(const QString& sql, const QString& purpose,
                                     const QVariantList& values) const
{
    const Result<QSqlQuery*> statement = m_statements.get(sql, purpose);
    if (!statement)
        return statement;
    QSqlQuery& query = **statement;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values[i]);
    if (!query.exec())
        return LocalStore::sqlError(query, purpose);
    return &query;
}

Status StockReplica::upsertLocations(const QList<Location>& locations)
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status();
    if (const Status written = upsertLocations(tx, locations); !written)
        return written;
    return tx.commit();
}

Status StockReplica::upsertLocations(Transaction& tx, const QList<Location>& locations)
{
    if (const Status open = m_store.check(tx); !open)
        return open;
    if (const std::optional<Error> e = firstInvalid(locations, QStringLiteral("locations")))
        return *e;
    for (const Location& location : locations) {
        const Result<QSqlQuery*> done =
            run(QStringLiteral("INSERT INTO locations (id, name) VALUES (?, ?)"
                               " ON CONFLICT (id) DO UPDATE SET name = excluded.name"),
                QStringLiteral("store location %1").arg(location.id), {location.id, location.name});
        if (!done)
            return done.error();
    }
    return success();
}

Status StockReplica::upsertLevels(const QList<StockLevel>& levels)
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status();
    if (const Status written = upsertLevels(tx, levels); !written)
        return written;
    return tx.commit();
}

Status StockReplica::upsertLevels(Transaction& tx, const QList<StockLevel>& levels)
{
    if (const Status open = m_store.check(tx); !open)
        return open;
    if (const std::optional<Error> e = firstInvalid(levels, QStringLiteral("levels")))
        return *e;
    for (const StockLevel& l : levels) {
        const Result<QSqlQuery*> done =
            run(QStringLiteral("INSERT INTO levels (sku, location, on_hand, reserved, version)"
                               " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sku, location) DO UPDATE SET"
                               " on_hand = excluded.on_hand, reserved = excluded.reserved,"
                               " version = excluded.version"),
                QStringLiteral("store the level of %1 at %2").arg(l.sku, l.location),
                {l.sku, l.location, l.onHand, l.reserved, l.version});
        if (!done)
            return done.error();
    }
    return success();
}

Status StockReplica::replaceLevels(Transaction& tx, const QList<StockLevel>& levels)
{
    if (const Status open = m_store.check(tx); !open)
        return open;
    if (const std::optional<Error> e = firstInvalid(levels, QStringLiteral("levels")))
        return *e;
    QSqlQuery clear = m_store.prepare(QStringLiteral("DELETE FROM levels"));
    if (!clear.exec())
        return LocalStore::sqlError(clear, QStringLiteral("clear the stock levels"));
    return upsertLevels(tx, levels);
}

Result<qint64> StockReplica::cursor(const QString& stream) const
{
    const Result<QSqlQuery*> done =
        run(QStringLiteral("SELECT cursor FROM cursors WHERE stream = ?"),
            QStringLiteral("read the %1 cursor").arg(stream), {stream});
    if (!done)
        return done.error();
    QSqlQuery& query = **done;
    const StatementReset reset(query);
    return query.next() ? query.value(0).toLongLong() : qint64{0};
}

Status StockReplica::setCursor(Transaction& tx, const QString& stream, qint64 cursor)
{
    if (const Status open = m_store.check(tx); !open)
        return open;
    const Result<QSqlQuery*> done =
        run(QStringLiteral("INSERT INTO cursors (stream, cursor) VALUES (?, ?)"
                           " ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor"),
            QStringLiteral("store the %1 cursor").arg(stream), {stream, cursor});
    if (!done)
        return done.error();
    return success();
}

Result<QList<Location>> StockReplica::locations() const
{
    const Result<QSqlQuery*> done =
        run(QStringLiteral("SELECT id, name FROM locations ORDER BY id"),
            QStringLiteral("read locations"), {});
    if (!done)
        return done.error();
    QSqlQuery& query = **done;
    const StatementReset reset(query);
    QList<Location> all;
    while (query.next())
        all.append(Location{query.value(0).toString(), query.value(1).toString()});
    return all;
}

Result<std::optional<StockLevel>> StockReplica::level(QStringView sku, QStringView location) const
{
    const Result<QSqlQuery*> done = run(
        QStringLiteral("SELECT %1 FROM levels WHERE sku = ? AND location = ?").arg(levelColumns),
        QStringLiteral("read a stock level"), {sku.toString(), location.toString()});
    if (!done)
        return done.error();
    QSqlQuery& query = **done;
    const StatementReset reset(query);
    if (!query.next())
        return std::optional<StockLevel>();
    return std::optional<StockLevel>(sqlrows::level(query));
}

Result<QList<StockLevel>> StockReplica::levelsOf(QStringView sku) const
{
    const Result<QSqlQuery*> done = run(
        QStringLiteral("SELECT %1 FROM levels WHERE sku = ? ORDER BY location").arg(levelColumns),
        QStringLiteral("read stock levels"), {sku.toString()});
    if (!done)
        return done.error();
    QSqlQuery& query = **done;
    const StatementReset reset(query);
    QList<StockLevel> all;
    while (query.next())
        all.append(sqlrows::level(query));
    return all;
}

} // namespace stockline
