// The writer's cash drawers (`cash` mutations; sync/PROTOCOL.md, "Cash drawers"): one row per
// drawer session, so the day report knows every drawer of the day and what went through it.
// The till's record is the truth of its drawer: a movement or a close of a session this server
// never saw opened creates it, marked as opened elsewhere.

#include "sqlserverstore_p.h"

namespace stockline::sync {

using namespace sqlstore;

namespace {

QString alreadyClosed(const QString& session)
{
    return QStringLiteral("session: %1 is already closed").arg(session);
}

} // namespace

Status SqlServerStore::Writer::apply(Applying& a, const CashMutation& m)
{
    const qint64 at = a.at.toMSecsSinceEpoch();
    QSqlQuery q = m_store.newQuery();
    if (m.event == CashMutation::Event::Open) {
        // Idempotent: an open the server holds is applied with nothing changed; one whose
        // movements arrived first (from another node's pushes) gets its float and opener.
        q.prepare(QStringLiteral(
            "INSERT INTO cash_sessions (id, terminal, opened_by, opened_at, float) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET opened_by = excluded.opened_by,"
            " opened_at = excluded.opened_at, float = excluded.float, known_open = 1 "
            "WHERE cash_sessions.known_open = 0"));
        return run(q, {m.session, a.origin.terminal, m.staff, at, m.amount.minor()},
                   QStringLiteral("open a cash drawer"));
    }
    // Every other event needs the session: made here when its opening never reached us.
    q.prepare(QStringLiteral("INSERT INTO cash_sessions (id, terminal, opened_by, opened_at, "
                             "float, known_open) VALUES (?, ?, ?, ?, 0, 0) "
                             "ON CONFLICT (id) DO NOTHING"));
    if (auto s = run(q, {m.session, a.origin.terminal, m.staff, at},
                     QStringLiteral("note a cash drawer opened elsewhere"));
        !s)
        return s;
    if (m.event == CashMutation::Event::Close) {
        q.prepare(QStringLiteral("UPDATE cash_sessions SET closed_at = ?, closed_by = ?, "
                                 "counted = ?, till_expected = ? "
                                 "WHERE id = ? AND closed_at IS NULL"));
        if (auto s = run(q, {at, m.staff, m.amount.minor(), m.expected.minor(), m.session},
                         QStringLiteral("close a cash drawer"));
            !s)
            return s;
    } else {
        q.prepare(m.event == CashMutation::Event::PaidIn
                      ? QStringLiteral("UPDATE cash_sessions SET paid_in = paid_in + ? "
                                       "WHERE id = ? AND closed_at IS NULL")
                      : QStringLiteral("UPDATE cash_sessions SET paid_out = paid_out + ? "
                                       "WHERE id = ? AND closed_at IS NULL"));
        if (auto s = run(q, {m.amount.minor(), m.session}, QStringLiteral("book paid in or out"));
            !s)
            return s;
    }
    if (q.numRowsAffected() != 1)
        a.reject(QStringLiteral("invalid"), alreadyClosed(m.session));
    return success();
}

} // namespace stockline::sync
