#include "faultystore.h"
#include "world.h"

namespace stockline::sim {

Result<BatchOutcome> FaultyStore::applyBatch(const QList<PushRequest>& pushes, const QDateTime& now)
{
    if (m_busy())
        return busyError();
    Result<BatchOutcome> outcome = m_inner->applyBatch(pushes, now);
    if (!outcome || !m_replayTwice)
        return outcome;
    for (qsizetype i = 0; i < pushes.size() && i < outcome->pushes.size(); ++i) {
        for (const MutationResult& r : std::as_const(outcome->pushes[i].results)) {
            if (!r.replay || r.status != MutationResult::Status::Applied)
                continue;
            for (const PushEntry& entry : pushes[i].entries) {
                if (entry.seq != r.seq || !entry.mutation)
                    continue;
                const Result<TerminalInfo> info = m_inner->terminal(pushes[i].terminal);
                if (!info)
                    continue;
                PushEntry again = entry;
                again.seq = info->lastSeq + 1;
                Mutation m = entry.mutation.value();
                m.seq = again.seq;
                again.mutation = m;
                const Result<BatchOutcome> twice = m_inner->applyBatch(
                    {PushRequest{pushes[i].connection, pushes[i].terminal, {again}, {}}}, now);
                if (twice) {
                    CommitEffects& effects = outcome.value().effects;
                    effects.levels.append(twice->effects.levels);
                    effects.cursor = std::max(effects.cursor, twice->effects.cursor);
                }
            }
        }
    }
    return outcome;
}

void World::fault()
{
    if (!m_chaos)
        return;
    const int n = static_cast<int>(m_terminals.size());
    const int t = static_cast<int>(random(static_cast<quint64>(n)));
    Terminal& term = m_terminals[t];
    const int pick = static_cast<int>(random(100));
    if (pick < 30) {
        if (liveConn(term.conn)) {
            trace(QStringLiteral("FAULT: %1's connection #%2 drops").arg(term.id).arg(term.conn));
            cut(term.conn, 1006, QStringLiteral("connection lost"));
        }
    } else if (pick < 45) {
        const qint64 duration = between(5'000, 150'000);
        trace(QStringLiteral("FAULT: %1 cut off for %2 ms").arg(term.id).arg(duration));
        term.partitionedUntil = m_now + duration;
        cut(term.conn, 1006, QStringLiteral("connection lost"));
    } else if (pick < 60) {
        if (m_serverUp)
            killServer();
    } else if (pick < 72) {
        // Now and then IT reinstalls a till whose work all reached the server.
        const bool synced =
            term.alive && term.client->isConnected() && term.client->pendingCount() == 0;
        if (synced && term.role == Role::Pos && chance(30))
            reinstallTerminal(t);
        else if (term.alive)
            killTerminal(t);
    } else if (pick < 85) {
        const qint64 jump = chance(80) ? between(5'000, 150'000) : -between(1'000, 10'000);
        m_serverSkewMs += jump;
        trace(QStringLiteral("FAULT: the server's clock jumps %1 ms").arg(jump));
    } else if (pick < 92) {
        m_maxDelayMs = static_cast<int>(between(1, 400));
        trace(QStringLiteral("FAULT: delays up to %1 ms now").arg(m_maxDelayMs));
    } else {
        // The storage thread hangs (a slow disk, a long lock): connections stay up, nothing is
        // answered, and clients owed an answer give up on the connection after their timeout.
        const qint64 stall = between(1'000, 60'000);
        m_stalledUntil = std::max(m_stalledUntil, m_now + stall);
        trace(QStringLiteral("FAULT: storage stalls for %1 ms").arg(stall));
    }
    after(between(1'000, 15'000), [this] { fault(); });
}

void World::killServer()
{
    trace(QStringLiteral("FAULT: the server is killed"));
    // Its queued signals go with it: whatever was committed and not yet answered stays
    // unanswered, and everything in memory is lost.
    m_arbiter.reset();
    m_serverUp = false;
    ++m_serverGeneration;
    m_sessions.clear();
    for (auto& [id, c] : m_conns)
        if (c.alive)
            cut(id, 1006, QStringLiteral("connection lost"));
    checkStore("after the server died");
    after(between(0, 20'000), [this] {
        if (!m_serverUp)
            restartServer();
    });
}

void World::restartServer()
{
    startServer();
    checkStore("after the server reopened its database");
}

void World::killTerminal(int t)
{
    Terminal& term = m_terminals[t];
    trace(QStringLiteral("FAULT: %1 is killed").arg(term.id));
    const quint64 conn = term.conn;
    term.alive = false;
    ++term.generation;
    term.close();
    // The server notices the socket gone a little later.
    if (liveConn(conn)) {
        m_conns[conn].alive = false;
        after(netDelay(), [this, conn] { m_sessions.erase(conn); });
    }
    after(between(0, 10'000), [this, t] {
        if (!m_terminals[t].alive)
            startTerminal(t);
    });
}

void World::heal()
{
    m_chaos = false;
    trace(QStringLiteral("the network heals"));
    m_maxDelayMs = std::min(m_maxDelayMs, 50);
    for (Terminal& t : m_terminals)
        t.partitionedUntil = -1;
    if (!m_serverUp)
        restartServer();
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t)
        if (!m_terminals[t].alive)
            startTerminal(t);
}

} // namespace stockline::sim
