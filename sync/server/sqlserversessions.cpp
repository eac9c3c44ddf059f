#include "ids.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

// ---- pairing

Result<PairingCode> SqlServerStore::createPairingCode(const QString& id, const QDateTime& now,
                                                      qint64 validSeconds)
{
    if (!now.isValid() || validSeconds < 1)
        return Error{QStringLiteral("validSeconds"), QStringLiteral("must be a time to come")};
    const Result<TerminalInfo> info = terminal(id);
    if (!info)
        return info.error();
    if (info->revoked)
        return Error{
            QStringLiteral("id"),
            QStringLiteral("terminal %1 is revoked: enrol the device under a new ID").arg(id)};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QDateTime expires = now.addSecs(validSeconds);
    if (auto s = m_sql->beginWrite.run(QStringLiteral("begin making a pairing code")); !s)
        return s.error();
    bool open = true;
    const auto rollback = qScopeGuard([&] {
        if (open)
            (void)m_sql->rollback.run(QStringLiteral("roll back a pairing code"));
    });
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE terminal = ? OR expires_at <= ?"));
    if (auto s = run(q, {id, nowMs}, QStringLiteral("withdraw earlier pairing codes")); !s)
        return s.error();
    q.prepare(QStringLiteral("INSERT INTO pairing_codes (code_hash, terminal, expires_at) "
                             "VALUES (?, ?, ?) ON CONFLICT (code_hash) DO NOTHING"));
    QString digits;
    // Two live codes that are the same are one chance in millions: draw again.
    for (int attempt = 0; attempt < 8 && digits.isEmpty(); ++attempt) {
        const quint32 drawn = QRandomGenerator::system()->bounded(100'000'000U);
        const QString candidate =
            QStringLiteral("%1").arg(drawn, pairingCodeDigits, 10, QLatin1Char('0'));
        if (auto s =
                run(q, {QString::fromLatin1(tokenHash(candidate)), id, expires.toMSecsSinceEpoch()},
                    QStringLiteral("store a pairing code"));
            !s)
            return s.error();
        if (q.numRowsAffected() == 1)
            digits = candidate;
    }
    if (digits.isEmpty())
        return Error{QString(), QStringLiteral("could not draw a pairing code; try again")};
    if (auto s = m_sql->commit.run(QStringLiteral("commit a pairing code")); !s)
        return s.error();
    open = false;
    qCInfo(lcServer).noquote() << "pairing code made for terminal" << id << "until"
                               << expires.toString(Qt::ISODate);
    return PairingCode{formatPairingCode(digits), expires};
}

Result<std::optional<Paired>> SqlServerStore::redeemPairingCode(const QString& code,
                                                                const QDateTime& now)
{
    const std::optional<QString> digits = pairingCodeDigitsOf(code);
    if (!digits || !now.isValid())
        return std::optional<Paired>();
    if (auto s = m_sql->beginWrite.run(QStringLiteral("begin pairing")); !s)
        return s.error();
    bool open = true;
    const auto rollback = qScopeGuard([&] {
        if (open)
            (void)m_sql->rollback.run(QStringLiteral("roll back pairing"));
    });
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE expires_at <= ?"));
    if (auto s = run(q, {now.toMSecsSinceEpoch()}, QStringLiteral("drop expired pairing codes"));
        !s)
        return s.error();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE code_hash = ? RETURNING terminal"));
    if (auto s =
            run(q, {QString::fromLatin1(tokenHash(*digits))}, QStringLiteral("use a pairing code"));
        !s)
        return s.error();
    const bool found = q.next();
    const QString id = found ? q.value(0).toString() : QString();
    q.finish();
    std::optional<Paired> paired;
    if (found) {
        const QString token = newToken();
        q.prepare(
            QStringLiteral("UPDATE terminals SET token_hash = ? WHERE id = ? AND revoked = 0"));
        if (auto s = run(q, {QString::fromLatin1(tokenHash(token)), id},
                         QStringLiteral("give a paired terminal its token"));
            !s)
            return s.error();
        if (q.numRowsAffected() == 1) // else revoked since the code was made: used up all the same
            paired = Paired{id, token};
    } else {
        q.prepare(QStringLiteral("UPDATE pairing_codes SET failures = failures + 1"));
        if (auto s = run(q, {}, QStringLiteral("count a wrong pairing code")); !s)
            return s.error();
        q.prepare(
            QStringLiteral("DELETE FROM pairing_codes WHERE failures >= ? RETURNING terminal"));
        if (auto s = run(q, {maxPairingFailures}, QStringLiteral("withdraw guessed-at codes")); !s)
            return s.error();
        while (q.next())
            qCWarning(lcServer).noquote()
                << "pairing code of terminal" << q.value(0).toString() << "withdrawn after"
                << maxPairingFailures << "wrong codes were tried: make a new one";
    }
    if (auto s = m_sql->commit.run(QStringLiteral("commit pairing")); !s)
        return s.error();
    open = false;
    if (paired)
        qCInfo(lcServer).noquote() << "terminal" << id << "paired; its token was replaced";
    return paired;
}

// ---- sessions

Result<std::optional<TerminalInfo>> SqlServerStore::authenticate(const QString& terminal,
                                                                 const QString& token)
{
    QSqlQuery& q = m_sql->loadTerminal;
    if (auto s = run(q, {terminal}, QStringLiteral("read a terminal")); !s)
        return s.error();
    const bool found = q.next();
    // An unknown terminal still costs one hash and one comparison, like a known one.
    const QByteArray stored = found ? q.value(1).toString().toLatin1() : QByteArray(64, '0');
    TerminalInfo info;
    info.id = terminal;
    const std::optional<Role> role = found ? roleFromName(q.value(0).toString()) : std::nullopt;
    info.lastSeq = found ? q.value(2).toLongLong() : 0;
    info.revoked = found && q.value(3).toInt() != 0;
    info.lastReceipt = found ? q.value(4).toLongLong() : 0;
    info.lastRefund = found ? q.value(5).toLongLong() : 0;
    q.finish();
    const bool match = constantTimeEqual(tokenHash(token), stored);
    if (!found || !match || info.revoked || !role)
        return std::optional<TerminalInfo>();
    info.role = *role;
    return std::optional(info);
}

Status SqlServerStore::terminalSeen(const QString& id, const QDateTime& now)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("UPDATE terminals SET last_seen = ? WHERE id = ? AND last_seen < ?"));
    const qint64 ms = now.toMSecsSinceEpoch();
    return run(q, {ms, id, ms}, QStringLiteral("note when a terminal was heard from"));
}

Result<QStringList> SqlServerStore::revokedTerminals()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT id FROM terminals WHERE revoked <> 0")))
        return sqlstore::storageError(q, QStringLiteral("read the revoked terminals"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

Result<TerminalInfo> SqlServerStore::terminal(const QString& id)
{
    QSqlQuery& q = m_sql->loadTerminal;
    if (auto s = run(q, {id}, QStringLiteral("read a terminal")); !s)
        return s.error();
    if (!q.next()) {
        q.finish();
        return Error{QStringLiteral("id"), QStringLiteral("there is no terminal %1").arg(id)};
    }
    const QString roleText = q.value(0).toString();
    TerminalInfo info;
    info.id = id;
    info.lastSeq = q.value(2).toLongLong();
    info.revoked = q.value(3).toInt() != 0;
    info.lastReceipt = q.value(4).toLongLong();
    info.lastRefund = q.value(5).toLongLong();
    q.finish();
    const std::optional<Role> role = roleFromName(roleText);
    if (!role)
        return Error{QStringLiteral("role"),
                     QStringLiteral("terminal %1 has an unknown role '%2'").arg(id, roleText)};
    info.role = *role;
    return info;
}

// The cursor is read before the rows: a row committed in between is sent once more with the
// next cursor, which is harmless (levels and products are absolute values), and none is ever
// missed. A cursor of 0, or one ahead of ours (a restored database), gets everything.
template <typename Row, typename Read>
Result<std::pair<qint64, bool>> SqlServerStore::rowsSince(qint64 cursor, const QString& select,
                                                          const QString& order, Read read,
                                                          QList<Row>& rows, const QString& what)
{
    const Result<qint64> current = currentCursor();
    if (!current)
        return current.error();
    const bool full = cursor <= 0 || cursor > *current;
    QSqlQuery q = newQuery();
    q.prepare(select + (full ? QString() : QStringLiteral(" WHERE cursor > ?")) + order);
    if (!full)
        q.addBindValue(cursor);
    if (!q.exec())
        return storageError(q, what);
    while (q.next())
        rows.append(read(q));
    return std::pair{*current, full};
}

Result<Levels> SqlServerStore::levelsSince(qint64 cursor)
{
    Levels result;
    const auto read = rowsSince(
        cursor, levelColumns, QStringLiteral(" ORDER BY sku, location"),
        [](const QSqlQuery& q) { return sqlrows::level(q); }, result.levels,
        QStringLiteral("read levels"));
    if (!read)
        return read.error();
    std::tie(result.cursor, result.full) = read.value();
    return result;
}

Result<CatalogUpdate> SqlServerStore::catalogSince(qint64 cursor)
{
    CatalogUpdate result;
    const auto read = rowsSince(
        cursor, productColumns, QStringLiteral(" ORDER BY sku"),
        [](const QSqlQuery& q) {
            Product p = sqlrows::product(q);
            p.version = q.value(9).toLongLong();
            return p;
        },
        result.products, QStringLiteral("read the catalog"));
    if (!read)
        return read.error();
    std::tie(result.cursor, result.full) = read.value();
    // Read after the products: a code changed in between comes again with the next cursor.
    const Status extra =
        result.full ? addExtraBarcodes(result.products, QStringLiteral("products WHERE ? = 0"), 0)
                    : addExtraBarcodes(result.products, QStringLiteral("products WHERE cursor > ?"),
                                       cursor);
    if (!extra)
        return extra.error();
    return result;
}

Result<HistoryReply> SqlServerStore::history(const HistoryRequest& request)
{
    HistoryReply reply;
    reply.request = request.request;
    reply.sku = request.sku;
    reply.location = request.location;
    const Result<bool> product = productExists(request.sku);
    if (!product)
        return product.error();
    const Result<bool> location =
        request.location.isEmpty() ? Result<bool>(true) : locationExists(request.location);
    if (!location)
        return location.error();
    if (!*product || !*location) {
        reply.code =
            !*product ? QString(rejectCode::unknownSku) : QString(rejectCode::unknownLocation);
        reply.message =
            !*product ? QStringLiteral("sku: there is no product %1").arg(request.sku)
                      : QStringLiteral("location: there is no location %1").arg(request.location);
        return reply;
    }
    QSqlQuery q = newQuery();
    // One read transaction: the levels and the ledger rows are of the same moment.
    if (!q.exec(m_config.dialect.beginRead))
        return storageError(q, QStringLiteral("begin a read"));
    const Status read = readHistory(request, reply);
    q.exec(QStringLiteral("COMMIT"));
    if (!read)
        return read.error();
    return reply;
}

// Walks the ledger back from the current levels: each entry's level is the one after it, and
// the one before it is that minus its deltas (the ledger replays to the levels, invariant 4).
Status SqlServerStore::readHistory(const HistoryRequest& request, HistoryReply& reply)
{
    const Result<QList<StockLevel>> current = levels(request.sku);
    if (!current)
        return current.error();
    QHash<QString, std::pair<qint64, qint64>> after; // location → on hand, reserved
    for (const StockLevel& level : *current)
        after.insert(level.location, {level.onHand, level.reserved});
    QSqlQuery q = newQuery();
    q.prepare(
        QStringLiteral("SELECT id, at, kind, location, on_hand_delta, reserved_delta, "
                       "terminal, detail FROM ledger WHERE sku = ?%1 ORDER BY id DESC LIMIT ?")
            .arg(request.location.isEmpty() ? QString() : QStringLiteral(" AND location = ?")));
    q.addBindValue(request.sku);
    if (!request.location.isEmpty())
        q.addBindValue(request.location);
    q.addBindValue(request.limit + 1); // one more tells whether there are older ones
    if (!q.exec())
        return storageError(q, QStringLiteral("read the ledger of %1").arg(request.sku));
    while (q.next()) {
        if (reply.entries.size() == request.limit) {
            reply.more = true;
            break;
        }
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.at = fromMs(q.value(1).toLongLong());
        e.kind = q.value(2).toString();
        e.location = q.value(3).toString();
        e.onHandDelta = q.value(4).toLongLong();
        e.reservedDelta = q.value(5).toLongLong();
        e.terminal = q.value(6).toString();
        e.detail = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        std::pair<qint64, qint64>& level = after[e.location];
        e.onHand = level.first;
        e.reserved = level.second;
        level.first -= e.onHandDelta;
        level.second -= e.reservedDelta;
        reply.entries.append(e);
    }
    return success();
}

} // namespace stockline::sync
