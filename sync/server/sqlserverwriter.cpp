#include "jsonwriter.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlserverstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <algorithm>
#include <atomic>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

Status SqlServerStore::Writer::begin()
{
    if (auto s = m_sql.beginWrite.run(QStringLiteral("begin a transaction")); !s)
        return s;
    m_open = true;
    std::optional<qint64> cursor;
    if (auto s = m_sql.rows.exec(m_sql.readCursor, {}, QStringLiteral("read the cursor"),
                                 [&cursor](const RowReader& row) { cursor = row.integer(0); });
        !s)
        return s;
    if (!cursor)
        return Error{QString(), QStringLiteral("storage: the cursor row is missing"),
                     ErrorCode::Storage};
    m_previous = *cursor;
    m_cursor = m_previous + 1;
    m_rows.emplace(m_sql.rows, m_cursor, m_now);
    return success();
}

Status SqlServerStore::Writer::preload(const QList<PushRequest>& pushes)
{
    return m_rows->preload(pushes, m_store.m_config.dialect.lockRowSuffix);
}

Result<CommitEffects> SqlServerStore::Writer::commit()
{
    if (auto s = m_rows->flush(); !s)
        return s.error();
    if (m_changed) {
        RowValues cursor;
        cursor << m_cursor;
        if (auto s =
                m_sql.rows.exec(m_sql.writeCursor, cursor, QStringLiteral("advance the cursor"));
            !s)
            return s.error();
        if (!m_sql.notifyFeed.isEmpty()) {
            if (auto s =
                    m_sql.rows.exec(m_sql.notifyFeed, cursor, QStringLiteral("notify other nodes"));
                !s)
                return s.error();
        }
    }
    if (auto s = m_sql.commit.run(QStringLiteral("commit")); !s)
        return s.error(); // the destructor rolls back
    m_open = false;
    CommitEffects effects;
    effects.since = m_previous;
    effects.cursor = m_changed ? m_cursor : m_previous;
    effects.levels = std::move(m_levels);
    effects.products = std::move(m_products);
    effects.shortagesChanged = m_shortages;
    effects.deliveriesChanged = m_deliveries;
    return effects;
}

void SqlServerStore::Writer::rollback()
{
    m_open = false;
    // SQLite may have rolled back by itself after an I/O error. run() logs a failure; there is
    // nothing more to do about it.
    const Status rolledBack = m_sql.rollback.run(QStringLiteral("roll back"));
    Q_UNUSED(rolledBack)
}

void SqlServerStore::Writer::keep(const Change& change)
{
    for (const StockLevel& level : change.levels) {
        const QString key = levelKey(level.sku, level.location);
        const auto it = m_levelIndex.constFind(key);
        if (it == m_levelIndex.cend()) {
            m_levelIndex.insert(key, m_levels.size());
            m_levels.append(level);
        } else {
            m_levels[*it] = level;
        }
        m_changed = true;
    }
    // A shortage resolved by a `resolve` may move no stock: the cursor still moves, so other
    // servers on the same database see it and send their terminals the new list.
    if (change.shortages)
        m_changed = true;
    m_shortages = m_shortages || change.shortages;
    m_deliveries = m_deliveries || change.deliveries;
}

void SqlServerStore::Writer::productChanged(const Product& product)
{
    const auto it = m_productIndex.constFind(product.sku);
    if (it == m_productIndex.cend()) {
        m_productIndex.insert(product.sku, m_products.size());
        m_products.append(product);
    } else {
        m_products[*it] = product;
    }
    m_changed = true;
}

Status SqlServerStore::Writer::ledger(const Origin& origin, const QString& sku,
                                      const QString& location, qint64 onHandDelta,
                                      qint64 reservedDelta, const QString& detail)
{
    if (m_inMemory) {
        m_rows->ledger() << m_now << origin.terminal << origin.seq << origin.mutationId
                         << origin.kind << sku << location << onHandDelta << reservedDelta
                         << detail;
        return success();
    }
    return run(m_sql.insertLedger,
               {m_now, origin.terminal, origin.seq, origin.mutationId, origin.kind, sku, location,
                onHandDelta, reservedDelta, detail},
               QStringLiteral("append to the ledger"));
}

void SqlServerStore::Writer::recordLevel(Change& change, QSqlQuery& query, const QString& sku,
                                         const QString& location)
{
    StockLevel level;
    level.sku = sku;
    level.location = location;
    level.onHand = query.value(0).toLongLong();
    level.reserved = query.value(1).toLongLong();
    level.version = query.value(2).toLongLong();
    change.levels.append(level);
}

Result<bool> SqlServerStore::Writer::changeLevel(const Origin& origin, Change& change,
                                                 const QString& sku, const QString& location,
                                                 qint64 onHandDelta, qint64 reservedDelta,
                                                 const QString& detail)
{
    if (m_inMemory) {
        const Result<std::optional<StockLevel>> changed =
            m_rows->changeLevel(sku, location, onHandDelta, reservedDelta);
        if (!changed)
            return changed.error();
        if (!changed->has_value())
            return false;
        change.levels.append(**changed);
        if (auto s = ledger(origin, sku, location, onHandDelta, reservedDelta, detail); !s)
            return s.error();
        return true;
    }
    QSqlQuery& q = m_sql.changeLevel;
    if (auto s = run(q,
                     {onHandDelta, reservedDelta, m_cursor, sku, location,
                      reservedDelta - onHandDelta, -reservedDelta},
                     QStringLiteral("update a stock level"));
        !s)
        return s.error();
    const bool applied = q.next();
    if (applied)
        recordLevel(change, q, sku, location);
    q.finish();
    if (!applied)
        return false;
    if (auto s = ledger(origin, sku, location, onHandDelta, reservedDelta, detail); !s)
        return s.error();
    return true;
}

Status SqlServerStore::Writer::addStock(const Origin& origin, Change& change, const QString& sku,
                                        const QString& location, qint64 qty, const QString& detail)
{
    if (m_inMemory) {
        const Result<StockLevel> added = m_rows->addStock(sku, location, qty);
        if (!added)
            return added.error();
        change.levels.append(*added);
        return ledger(origin, sku, location, qty, 0, detail);
    }
    QSqlQuery& q = m_sql.addLevel;
    if (auto s = run(q, {sku, location, qty, m_cursor}, QStringLiteral("add stock")); !s)
        return s;
    if (!q.next()) {
        q.finish();
        return Error{QString(), QStringLiteral("storage: adding stock returned no level"),
                     ErrorCode::Storage};
    }
    recordLevel(change, q, sku, location);
    q.finish();
    return ledger(origin, sku, location, qty, 0, detail);
}

Result<std::optional<StockLevel>> SqlServerStore::Writer::readLevel(const QString& sku,
                                                                    const QString& location)
{
    if (m_inMemory)
        return m_rows->level(sku, location);
    QSqlQuery& q = m_sql.readLevel;
    if (auto s = run(q, {sku, location}, QStringLiteral("read a stock level")); !s)
        return s.error();
    std::optional<StockLevel> level;
    if (q.next()) {
        level = emptyLevel(sku, location);
        level->onHand = q.value(0).toLongLong();
        level->reserved = q.value(1).toLongLong();
        level->version = q.value(2).toLongLong();
    }
    q.finish();
    return level;
}

Result<qint64> SqlServerStore::Writer::available(const QString& sku, const QString& location)
{
    const auto level = readLevel(sku, location);
    if (!level)
        return level.error();
    return level->has_value() ? (*level)->available() : qint64{0};
}

Status SqlServerStore::Writer::undo(Applying& a)
{
    if (a.undone)
        return success();
    if (m_inMemory)
        m_rows->undo();
    else if (auto s = m_sql.rollbackToSavepoint.run(QStringLiteral("roll back a mutation")); !s)
        return s;
    a.undone = true;
    a.change = Change{};
    a.result.shortages.clear();
    return success();
}

Status SqlServerStore::Writer::rejectInsufficient(Applying& a, const QString& sku,
                                                  const QString& location)
{
    if (auto s = undo(a); !s)
        return s;
    const Result<qint64> left = available(sku, location);
    if (!left)
        return left.error();
    a.reject(QStringLiteral("insufficient_stock"),
             QStringLiteral("only %1 of %2 available at %3").arg(*left).arg(sku, location));
    a.result.available = *left;
    return success();
}

// ---- expiry

Status SqlServerStore::Writer::sweepExpired()
{
    struct Expired
    {
        QString terminal, reservation, sku, location;
        qint64 qty = 0;
    };
    QList<Expired> expired;
    RowValues now;
    now << m_now;
    if (auto s = m_sql.rows.exec(
            m_sql.expireReservations, now, QStringLiteral("expire reservations"),
            [&expired](const RowReader& q) {
                expired.append({q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4)});
            });
        !s)
        return s;
    Change change;
    for (const Expired& e : expired) {
        const Origin origin{e.terminal, 0, QString(), QStringLiteral("expire")};
        const Result<bool> released =
            changeLevel(origin, change, e.sku, e.location, 0, -e.qty,
                        detailJson({{QStringLiteral("reservation"), e.reservation}}));
        if (!released)
            return released.error();
        if (!*released) {
            return Error{QString(),
                         QStringLiteral("storage: reservation %1/%2 holds more of %3 "
                                        "at %4 than the level has reserved")
                             .arg(e.terminal, e.reservation, e.sku, e.location),
                         ErrorCode::Storage};
        }
    }
    keep(change);
    return success();
}

// ---- arbitration

namespace {

// A deadlock or a serialization failure rolled the whole transaction back, so running it again
// is safe: it gives the result the first run would have given. Any other failure is returned.
template <typename T, typename F> Result<T> retryTransient(F attempt)
{
    constexpr int attempts = 5;
    for (int i = 1;; ++i) {
        Result<T> result = attempt();
        if (result || i == attempts || result.error().code != ErrorCode::StorageBusy)
            return result;
        qCInfo(lcServer) << "transaction rolled back by the database (deadlock or serialization "
                            "failure); running it again, attempt"
                         << i + 1;
    }
}

// The fault campaign's hidden switch (tests/campaign/README.md): STOCKLINE_FAULT=
// ack-before-commit answers one batch in 40 without committing it, as a server that sends its
// answers before the commit and dies in between would. Off unless the variable says so.
bool acknowledgesUncommitted()
{
    static const bool on = qgetenv("STOCKLINE_FAULT") == "ack-before-commit";
    static std::atomic<unsigned> batches{0};
    return on && ++batches % 40 == 0;
}

} // namespace

Result<BatchOutcome> SqlServerStore::applyBatch(const QList<PushRequest>& pushes,
                                                const QDateTime& now)
{
    if (!now.isValid())
        return Error{QStringLiteral("now"), QStringLiteral("is not a valid time")};
    return retryTransient<BatchOutcome>([&] { return applyBatchOnce(pushes, now); });
}

Result<BatchOutcome> SqlServerStore::applyBatchOnce(const QList<PushRequest>& pushes,
                                                    const QDateTime& now)
{
    Writer writer(*this, now.toMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s.error();
    if (auto s = writer.sweepExpired(); !s)
        return s.error();
    if (auto s = writer.preload(pushes); !s)
        return s.error();
    BatchOutcome outcome;
    outcome.pushes.reserve(pushes.size());
    for (const PushRequest& push : pushes) {
        Result<PushOutcome> pushed = writer.applyPush(push);
        if (!pushed)
            return pushed.error(); // the writer rolls everything back
        outcome.pushes.append(std::move(pushed).value());
    }
    if (acknowledgesUncommitted()) {
        writer.rollback();
        return outcome; // answered as applied, committed never: what the campaign must catch
    }
    Result<CommitEffects> effects = writer.commit();
    if (!effects)
        return effects.error();
    outcome.effects = std::move(effects).value();
    return outcome;
}

Result<CommitEffects> SqlServerStore::expireReservations(const QDateTime& now)
{
    if (!now.isValid())
        return Error{QStringLiteral("now"), QStringLiteral("is not a valid time")};
    return retryTransient<CommitEffects>([&]() -> Result<CommitEffects> {
        Writer writer(*this, now.toMSecsSinceEpoch());
        if (auto s = writer.begin(); !s)
            return s.error();
        if (auto s = writer.sweepExpired(); !s)
            return s.error();
        return writer.commit();
    });
}

Result<std::optional<QDateTime>> SqlServerStore::nextExpiry()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT MIN(expires_at) FROM reservations")) || !q.next())
        return storageError(q, QStringLiteral("read the next expiry"));
    if (q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromMs(q.value(0).toLongLong()));
}

} // namespace stockline::sync
