#include "sqlserverstore_p.h"

#include <QCryptographicHash>

// The HTTP API's writes (issue 22) on the storage side: its idempotency table and the seqs the
// server allocates for a channel terminal that speaks HTTP instead of the WebSocket protocol.

namespace stockline::sync {

using namespace sqlstore;

namespace {

ApiAnswer keyReused()
{
    return {422, QByteArrayLiteral("{\"error\":\"idempotency_key_reused\",\"message\":\"this "
                                   "Idempotency-Key was used with another request\"}")};
}

} // namespace

Result<std::optional<TerminalInfo>> SqlServerStore::authenticateBearer(const QString& token)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("SELECT id FROM terminals WHERE token_hash = ?"));
    if (auto s = run(q, {QString::fromLatin1(tokenHash(token))},
                     QStringLiteral("find a token's terminal"));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<TerminalInfo>();
    const QString id = q.value(0).toString();
    q.finish();
    Result<TerminalInfo> info = terminal(id);
    if (!info)
        return info.error();
    if (info->revoked)
        return std::optional<TerminalInfo>();
    return std::optional<TerminalInfo>(*info);
}

Result<PushOutcome> SqlServerStore::Writer::applyApiCall(const PushRequest& push)
{
    const ApiCall& call = *push.api;
    PushOutcome outcome;
    outcome.connection = push.connection;
    outcome.fromApi = true;
    const std::optional<TerminalState> loaded = m_rows->terminal(push.terminal);
    if (!loaded || loaded->revoked || push.entries.size() != 1) {
        outcome.revoked = loaded.has_value();
        outcome.answer = ApiAnswer{401, QByteArrayLiteral("{\"error\":\"unauthorized\",\"message\":"
                                                          "\"the token's terminal is revoked\"}")};
        return outcome;
    }
    static const QString findKey =
        QStringLiteral("SELECT request_hash, status, body FROM api_requests "
                       "WHERE terminal = ? AND idempotency_key = ?");
    RowValues key;
    key << push.terminal << call.key;
    std::optional<ApiAnswer> stored;
    if (auto s = m_sql.rows.exec(findKey, key, QStringLiteral("read an idempotency key"),
                                 [&](const RowReader& row) {
                                     stored = row.text(0).toLatin1() == call.requestHash
                                                  ? ApiAnswer{static_cast<int>(row.integer(1)),
                                                              row.text(2).toUtf8()}
                                                  : keyReused();
                                 });
        !s)
        return s.error();
    if (stored) {
        outcome.answer = stored;
        return outcome;
    }
    TerminalState terminal = *loaded;
    PushEntry entry = push.entries.first();
    entry.seq = terminal.lastSeq + 1;
    if (entry.mutation.ok())
        entry.mutation.value().seq = entry.seq; // a receipt records its seq
    Result<MutationResult> result = applyEntry(terminal, entry);
    if (!result)
        return result.error();
    m_rows->setLastSeq(terminal.id, entry.seq);
    const ApiAnswer answer = call.render(*result, QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC));
    static const QString storeKey = QStringLiteral(
        "INSERT INTO api_requests (terminal, idempotency_key, request_hash, status, body, at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    RowValues row;
    row << push.terminal << call.key << QString::fromLatin1(call.requestHash)
        << qint64{answer.status} << QString::fromUtf8(answer.body) << m_now;
    if (auto s = m_sql.rows.exec(storeKey, row, QStringLiteral("store an idempotency key")); !s)
        return s.error();
    outcome.results.append(*result);
    outcome.answer = answer;
    return outcome;
}

} // namespace stockline::sync
