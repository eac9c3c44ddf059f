#include "sqlbatch.h"

#include "mutation.h"
#include "serverlogging.h"
#include "sqlhelpers.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <algorithm>

namespace stockline::sync::sqlstore {

using namespace Qt::StringLiterals;

// ---- BatchRows: loading

namespace {

// The keys a batch's hot mutations name, each once, in the order first named.
struct Keys
{
    QList<Key> list;
    QSet<Key> seen;

    void add(const QString& a, const QString& b)
    {
        const qsizetype before = seen.size();
        seen.insert({a, b});
        if (seen.size() > before)
            list.append({a, b});
    }
};

// `statement` + " (a, b) IN (the batch's pairs)". Written as a subquery over VALUES: SQLite
// (3.40) looks each pair up by the primary key that way, but scans the whole table for a bare
// `(a, b) IN (VALUES …)`. PostgreSQL wants the alias.
RowShape pairs(const QString& statement, const QString& after = QString())
{
    return RowShape{statement + QStringLiteral(" IN (SELECT column1, column2 FROM (VALUES "),
                    QStringLiteral("(?, ?)"), QStringLiteral(") AS v)") + after, 2,
                    statement +
                        QStringLiteral(" IN (SELECT a, b FROM unnest(?::text[], "
                                       "?::text[]) AS v(a, b))") +
                        after};
}

RowValues flatten(const QList<Key>& keys)
{
    RowValues values;
    for (const auto& [a, b] : keys)
        values << a << b;
    return values;
}

const QString readLevelText =
    QStringLiteral("SELECT on_hand, reserved, version FROM levels WHERE sku = ? AND location = ?");
const QString readReservationText =
    QStringLiteral("SELECT sku, location, qty, expires_at FROM reservations "
                   "WHERE terminal = ? AND reservation = ?");

} // namespace

Status BatchRows::preload(const QList<PushRequest>& pushes, const QString& lockSuffix)
{
    QSet<QString> terminals;
    QSet<QString> receipts;
    QSet<QString> skus; // of receipt lines: their cost is stored with them
    Keys levels;
    Keys holds;
    for (const PushRequest& push : pushes) {
        terminals.insert(push.terminal);
        for (const PushEntry& entry : push.entries) {
            if (!entry.mutation.ok())
                continue;
            const MutationBody& body = entry.mutation.value().body;
            if (const auto* reserve = std::get_if<ReserveMutation>(&body)) {
                levels.add(reserve->sku, reserve->location);
                holds.add(push.terminal, reserve->reservation);
            } else if (const auto* release = std::get_if<ReleaseMutation>(&body)) {
                holds.add(push.terminal, release->reservation);
            } else if (const auto* s = std::get_if<SaleMutation>(&body)) {
                receipts.insert(s->sale);
                for (const SaleLine& line : s->lines) {
                    levels.add(line.sku, s->location);
                    skus.insert(line.sku);
                    if (!line.reservation.isEmpty())
                        holds.add(push.terminal, line.reservation);
                }
            } else if (const auto* receive = std::get_if<ReceiveMutation>(&body)) {
                for (const ItemLine& line : receive->lines)
                    levels.add(line.sku, receive->location);
            } else if (const auto* back = std::get_if<ReturnMutation>(&body)) {
                if (back->refund) {
                    receipts.insert(back->returnId);
                    if (!back->sale.isEmpty())
                        receipts.insert(back->sale);
                }
                for (const ItemLine& line : back->lines) {
                    levels.add(line.sku, back->location);
                    if (back->refund)
                        skus.insert(line.sku);
                }
            }
        }
    }
    if (auto s = loadTerminals(terminals.values(), lockSuffix); !s)
        return s;
    if (auto s = loadHolds(holds.list); !s)
        return s;
    if (auto s = loadReceipts(receipts.values()); !s)
        return s;
    if (auto s = loadCosts(skus.values()); !s)
        return s;
    // A release names only its reservation: its level is the reservation's.
    for (const CachedHold& cached : std::as_const(m_holds)) {
        if (cached.hold)
            levels.add(cached.hold->sku, cached.hold->location);
    }
    return loadLevels(levels.list, lockSuffix);
}

Status BatchRows::loadTerminals(QStringList ids, const QString& lockSuffix)
{
    // On PostgreSQL the rows stay locked until the commit: two nodes never apply one terminal's
    // pushes at once, the second waits for the first's commit, then reads the last_seq it
    // wrote. Sorted, so two batches naming the same terminals lock them in the same order.
    ids.sort();
    RowValues values;
    for (const QString& id : std::as_const(ids))
        values << id;
    const QString columns = QStringLiteral("SELECT id, role, last_seq, revoked FROM terminals ");
    const RowShape shape{columns + QStringLiteral("WHERE id IN ("), QStringLiteral("?"),
                         QStringLiteral(") ORDER BY id") + lockSuffix, 1,
                         columns + QStringLiteral("WHERE id = ANY (?::text[]) ORDER BY id") +
                             lockSuffix};
    return m_rows.run(shape, values, QStringLiteral("read terminals"), [&](const RowReader& q) {
        const QString id = q.text(0);
        const QString roleText = q.text(1);
        const std::optional<Role> role = roleFromName(roleText);
        if (role)
            m_terminals.insert(id, TerminalState{id, *role, q.integer(2), q.integer(3) != 0});
        else // written by hand or by a newer build: it may do nothing until that is fixed
            qCWarning(lcServer).noquote() << "terminal" << id << "has an unknown role" << roleText;
    });
}

Status BatchRows::loadHolds(const QList<Key>& keys)
{
    for (const auto& [terminal, reservation] : keys)
        m_holds.insert({terminal, reservation}, CachedHold{});
    const RowShape shape = pairs(QStringLiteral("SELECT terminal, reservation, sku, location, qty, "
                                                "expires_at FROM reservations "
                                                "WHERE (terminal, reservation)"));
    return m_rows.run(shape, flatten(keys), QStringLiteral("read reservations"),
                      [&](const RowReader& q) {
                          CachedHold& cached = m_holds[{q.text(0), q.text(1)}];
                          cached.hold = Hold{q.text(2), q.text(3), q.integer(4), q.integer(5)};
                          cached.stored = true;
                      });
}

Status BatchRows::loadLevels(const QList<Key>& keys, const QString& lockSuffix)
{
    for (const auto& [sku, location] : keys)
        m_levels.insert({sku, location}, CachedLevel{});
    // Locked (on PostgreSQL) in one fixed order, sorted by (SKU, location), until the commit.
    const RowShape shape = pairs(QStringLiteral("SELECT sku, location, on_hand, reserved, version "
                                                "FROM levels WHERE (sku, location)"),
                                 QStringLiteral(" ORDER BY sku, location") + lockSuffix);
    return m_rows.run(shape, flatten(keys), QStringLiteral("read stock levels"),
                      [&](const RowReader& q) {
                          StockLevel level = emptyLevel(q.text(0), q.text(1));
                          level.onHand = q.integer(2);
                          level.reserved = q.integer(3);
                          level.version = q.integer(4);
                          CachedLevel& cached = m_levels[{level.sku, level.location}];
                          cached.level = level;
                          cached.stored = level;
                      });
}

std::optional<TerminalState> BatchRows::terminal(const QString& id) const
{
    const auto it = m_terminals.constFind(id);
    return it == m_terminals.cend() ? std::nullopt : std::optional<TerminalState>(*it);
}

void BatchRows::setLastSeq(const QString& terminal, qint64 lastSeq)
{
    m_terminals[terminal].lastSeq = lastSeq;
    m_lastSeqs.insert(terminal, lastSeq);
}

// ---- BatchRows: levels and reservations

Result<BatchRows::CachedLevel*> BatchRows::cachedLevel(const QString& sku, const QString& location)
{
    const Key key{sku, location};
    auto it = m_levels.find(key);
    if (it != m_levels.end())
        return &*it;
    // Not named before the batch started, or forgotten by drop(): read it now.
    CachedLevel cached;
    RowValues values;
    values << sku << location;
    if (auto s = m_rows.exec(readLevelText, values, QStringLiteral("read a stock level"),
                             [&](const RowReader& q) {
                                 cached.level = emptyLevel(sku, location);
                                 cached.level->onHand = q.integer(0);
                                 cached.level->reserved = q.integer(1);
                                 cached.level->version = q.integer(2);
                                 cached.stored = cached.level;
                             });
        !s)
        return s.error();
    return &*m_levels.insert(key, cached);
}

Result<std::optional<StockLevel>> BatchRows::level(const QString& sku, const QString& location)
{
    const Result<CachedLevel*> cached = cachedLevel(sku, location);
    if (!cached)
        return cached.error();
    return (*cached)->level;
}

Result<std::optional<StockLevel>> BatchRows::changeLevel(const QString& sku,
                                                         const QString& location,
                                                         qint64 onHandDelta, qint64 reservedDelta)
{
    const Result<CachedLevel*> cached = cachedLevel(sku, location);
    if (!cached)
        return cached.error();
    CachedLevel& c = **cached;
    if (!c.level)
        return std::optional<StockLevel>();
    // The condition of SQL's conditional update (Statements::changeLevel), to the letter.
    const qint64 need = reservedDelta - onHandDelta;
    const qint64 held = -reservedDelta;
    if (c.level->onHand - c.level->reserved < need || c.level->reserved < held)
        return std::optional<StockLevel>();
    m_levelsBefore.append({{sku, location}, c});
    c.level->onHand += onHandDelta;
    c.level->reserved += reservedDelta;
    c.level->version += 1;
    c.dirty = true;
    return c.level;
}

Result<StockLevel> BatchRows::addStock(const QString& sku, const QString& location, qint64 qty)
{
    const Result<CachedLevel*> cached = cachedLevel(sku, location);
    if (!cached)
        return cached.error();
    CachedLevel& c = **cached;
    m_levelsBefore.append({{sku, location}, c});
    if (c.level) {
        c.level->onHand += qty;
        c.level->version += 1;
    } else {
        c.level = emptyLevel(sku, location);
        c.level->onHand = qty;
        c.level->version = 1;
    }
    c.dirty = true;
    return *c.level;
}

Result<BatchRows::CachedHold*> BatchRows::cachedHold(const QString& terminal,
                                                     const QString& reservation)
{
    const Key key{terminal, reservation};
    auto it = m_holds.find(key);
    if (it != m_holds.end())
        return &*it;
    CachedHold cached;
    RowValues values;
    values << terminal << reservation;
    if (auto s =
            m_rows.exec(readReservationText, values, QStringLiteral("read a reservation"),
                        [&](const RowReader& q) {
                            cached.hold = Hold{q.text(0), q.text(1), q.integer(2), q.integer(3)};
                            cached.stored = true;
                        });
        !s)
        return s.error();
    return &*m_holds.insert(key, cached);
}

Result<std::optional<Hold>> BatchRows::hold(const QString& terminal, const QString& reservation)
{
    const Result<CachedHold*> cached = cachedHold(terminal, reservation);
    if (!cached)
        return cached.error();
    return (*cached)->hold;
}

void BatchRows::saveHold(const Key& key)
{
    m_holdsBefore.append({key, m_holds.value(key)});
}

void BatchRows::putHold(const QString& terminal, const QString& reservation, const Hold& hold)
{
    const Key key{terminal, reservation};
    saveHold(key);
    CachedHold& cached = m_holds[key];
    cached.hold = hold;
    cached.fresh = true;
}

void BatchRows::removeHold(const QString& terminal, const QString& reservation)
{
    const Key key{terminal, reservation};
    saveHold(key);
    CachedHold& cached = m_holds[key];
    cached.hold.reset();
    cached.fresh = false;
}

// ---- BatchRows: one mutation's changes

void BatchRows::mark()
{
    m_levelsBefore.clear();
    m_holdsBefore.clear();
    m_ledgerBefore = m_ledger.end();
}

void BatchRows::undo()
{
    for (auto it = m_levelsBefore.crbegin(); it != m_levelsBefore.crend(); ++it)
        m_levels[it->first] = it->second;
    for (auto it = m_holdsBefore.crbegin(); it != m_holdsBefore.crend(); ++it)
        m_holds[it->first] = it->second;
    m_ledger.truncate(m_ledgerBefore);
    mark();
}

// ---- BatchRows: writing

Status BatchRows::flush()
{
    if (auto s = flushHolds(); !s)
        return s;
    if (auto s = flushLevels(); !s)
        return s;
    static const RowShape ledger =
        insertRows("ledger"_L1, "at bigint, terminal text, seq bigint, mutation_id text, "
                                "kind text, sku text, location text, on_hand_delta bigint, "
                                "reserved_delta bigint, detail text"_L1);
    // In the order the mutations were applied: the ledger's ids are its order.
    if (auto s = m_rows.run(ledger, m_ledger, QStringLiteral("append to the ledger")); !s)
        return s;
    m_ledger.clear();
    static const RowShape results =
        insertRows("results"_L1, "terminal text, seq bigint, mutation_id text, result text"_L1);
    if (auto s = m_rows.run(results, m_results, QStringLiteral("store results")); !s)
        return s;
    m_results.clear();
    if (auto s = flushReceipts(); !s)
        return s;
    if (auto s = flushTerminals(); !s)
        return s;
    mark();
    return success();
}

Status BatchRows::flushHolds()
{
    QList<Key> keys;
    for (auto it = m_holds.cbegin(); it != m_holds.cend(); ++it) {
        if (it->fresh || (it->stored && !it->hold))
            keys.append(it.key());
    }
    if (keys.isEmpty())
        return success();
    std::sort(keys.begin(), keys.end());
    RowValues gone;
    RowValues made;
    for (const Key& key : std::as_const(keys)) {
        CachedHold& cached = m_holds[key];
        const auto& [terminal, reservation] = key;
        if (cached.stored)
            gone << terminal << reservation;
        if (cached.hold && cached.fresh)
            made << terminal << reservation << cached.hold->sku << cached.hold->location
                 << cached.hold->qty << cached.hold->expiresAt;
        cached.stored = cached.hold.has_value();
        cached.fresh = false;
    }
    // Deleted first: a reservation released and made again under the same ID in one batch is
    // a new row.
    const RowShape remove = pairs(QStringLiteral("DELETE FROM reservations "
                                                 "WHERE (terminal, reservation)"));
    if (auto s = m_rows.run(remove, gone, QStringLiteral("delete reservations")); !s)
        return s;
    static const RowShape insert =
        insertRows("reservations"_L1, "terminal text, reservation text, sku text, location text, "
                                      "qty bigint, expires_at bigint"_L1);
    return m_rows.run(insert, made, QStringLiteral("store reservations"));
}

namespace {

// Adds each row's (sku, location, Δon_hand, Δreserved, Δversion, cursor) to its level, only
// where the level stays 0 <= reserved <= on_hand: the conditional update, for a batch's net
// change. Returns a row for each level it changed.
const RowShape& levelChanges()
{
    static const QString set = QStringLiteral(
        "UPDATE levels SET on_hand = levels.on_hand + d.on_hand, "
        "reserved = levels.reserved + d.reserved, version = levels.version + d.version, "
        "cursor = d.cursor FROM ");
    static const QString where = QStringLiteral(
        " WHERE levels.sku = d.sku AND levels.location = d.location "
        "AND levels.reserved + d.reserved >= 0 "
        "AND levels.on_hand + d.on_hand >= levels.reserved + d.reserved RETURNING levels.sku");
    static const RowShape shape{
        set + QStringLiteral("(SELECT column1 AS sku, column2 AS location, column3 AS on_hand, "
                             "column4 AS reserved, column5 AS version, column6 AS cursor "
                             "FROM (VALUES "),
        QStringLiteral("(?, ?, ?, ?, ?, ?)"), QStringLiteral(")) AS d") + where, 6,
        set +
            QStringLiteral("unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], "
                           "?::bigint[]) AS d(sku, location, on_hand, reserved, version, cursor)") +
            where};
    return shape;
}

} // namespace

// The batch decided its mutations one by one in memory; what it writes is each level's net
// change, as a conditional update the database checks on the row it updates: applied only
// where the level stays 0 <= reserved <= on_hand, and every level must be applied. So the
// database, not this process, has the last word on every unit: were a row not as the batch
// read it (nothing else writes while the batch holds the cursor row, and on PostgreSQL the
// level rows, locked when read), the batch fails whole and nothing of it is kept.
Status BatchRows::flushLevels()
{
    QList<CachedLevel*> changed;
    RowValues created;
    for (auto it = m_levels.begin(); it != m_levels.end(); ++it) {
        if (!it->dirty || !it->level)
            continue;
        if (it->stored) {
            changed.append(&*it);
        } else {
            // Made by a receipt or a return in this batch: inserted as it is.
            const StockLevel& l = *it->level;
            created << l.sku << l.location << l.onHand << l.reserved << l.version << m_cursor;
        }
    }
    RowValues deltas;
    for (const CachedLevel* c : std::as_const(changed)) {
        const StockLevel& now = *c->level;
        const StockLevel& before = *c->stored;
        deltas << now.sku << now.location << now.onHand - before.onHand
               << now.reserved - before.reserved << now.version - before.version << m_cursor;
    }
    qsizetype applied = 0;
    if (auto s = m_rows.run(levelChanges(), deltas, QStringLiteral("update stock levels"),
                            [&applied](const RowReader&) { ++applied; });
        !s)
        return s;
    if (applied != changed.size())
        return Error{QString(),
                     QStringLiteral("storage: %1 of %2 stock levels were not as this "
                                    "batch read them; nothing of it was kept")
                         .arg(changed.size() - applied)
                         .arg(changed.size()),
                     ErrorCode::Storage};
    static const RowShape insert = insertRows(
        "levels"_L1, "sku text, location text, on_hand bigint, reserved bigint, version bigint, "
                     "cursor bigint"_L1);
    if (auto s = m_rows.run(insert, created, QStringLiteral("create stock levels")); !s)
        return s;
    for (auto it = m_levels.begin(); it != m_levels.end(); ++it) {
        if (it->dirty && it->level)
            it->stored = it->level;
        it->dirty = false;
    }
    return success();
}

Status BatchRows::flushTerminals()
{
    // Every terminal of the batch was heard from now: last_seen once per batch, with the rest.
    QSet<QString> dirty(m_lastSeqs.keyBegin(), m_lastSeqs.keyEnd());
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        dirty.insert(it.key());
    if (!m_seenWritten) {
        for (auto it = m_terminals.cbegin(); it != m_terminals.cend(); ++it)
            dirty.insert(it.key());
        m_seenWritten = true;
    }
    if (dirty.isEmpty())
        return success();
    QStringList ids(dirty.cbegin(), dirty.cend());
    ids.sort();
    RowValues values;
    for (const QString& id : std::as_const(ids)) {
        const auto terminal = m_terminals.constFind(id);
        if (terminal == m_terminals.cend())
            continue; // not enrolled: never a row to make
        const std::pair<qint64, qint64> counters = m_counters.value(id);
        values << id << QString() << QString() << terminal->lastSeq << counters.first
               << counters.second << m_now;
    }
    m_lastSeqs.clear();
    m_counters.clear();
    // Every terminal here was read (and on PostgreSQL locked) by this transaction: the upsert
    // only ever updates, for many terminals in one statement. Counters only ever rise.
    static const RowShape shape = insertRows(
        "terminals"_L1,
        "id text, role text, token_hash text, last_seq bigint, last_receipt bigint, "
        "last_refund bigint, last_seen bigint"_L1,
        QStringLiteral(" ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq, "
                       "last_receipt = CASE WHEN excluded.last_receipt > terminals.last_receipt "
                       "THEN excluded.last_receipt ELSE terminals.last_receipt END, "
                       "last_refund = CASE WHEN excluded.last_refund > terminals.last_refund "
                       "THEN excluded.last_refund ELSE terminals.last_refund END, "
                       "last_seen = excluded.last_seen"));
    return m_rows.run(shape, values, QStringLiteral("update terminals"));
}

Status BatchRows::drop()
{
    if (auto s = flush(); !s)
        return s;
    m_levels.clear();
    m_holds.clear();
    return success();
}

} // namespace stockline::sync::sqlstore
