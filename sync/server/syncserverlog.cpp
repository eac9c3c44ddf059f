#include "serverlogging.h"
#include "syncserver.h"

namespace stockline::sync {

// One line per failed hello or pairing code, address first: fail2ban's filter
// (resources/fail2ban/filter.d/stockline-server.conf) anchors on what comes before anything
// the client chose, and the terminal id is quoted with its control characters escaped, so it
// cannot forge a line for another address.
QMap<Role, int> SyncServer::terminalsByRole() const
{
    QMap<Role, int> byRole;
    for (const auto& [id, s] : m_sessions)
        if (s->authenticated)
            ++byRole[s->role];
    return byRole;
}

QMap<QString, qint64> SyncServer::outboxBacklogs() const
{
    QMap<QString, qint64> backlogs;
    for (const auto& [id, s] : m_sessions)
        if (s->authenticated && s->outboxBacklog)
            backlogs.insert(s->terminal, *s->outboxBacklog);
    return backlogs;
}

void SyncServer::logFailedHello(const Session& session, const ProtocolError& error)
{
    m_arbiter.metrics().helloFailed(error.code);
    const bool pairing = session.terminal.isEmpty();
    if (error.code == QLatin1String("unavailable")) {
        qCWarning(lcServer).noquote() << (pairing ? "pairing" : "hello") << "from"
                                      << session.address << "not answered: storage busy";
        return;
    }
    QString terminal; // quoted, with its control characters escaped
    if (!pairing)
        QDebug(&terminal).nospace() << session.terminal;
    qCWarning(lcServer).noquote() << (pairing ? "failed pairing from" : "failed hello from")
                                  << session.address + u':' << error.code
                                  << u'(' + error.message + u')'
                                  << (pairing ? QString() : QStringLiteral("terminal ") + terminal);
}

void SyncServer::noteBan(const QString& address, bool refusedBefore)
{
    const qint64 refusedMs = m_failedHellos.refusedFor(address, m_uptime.elapsed());
    if (refusedBefore || refusedMs <= 0)
        return;
    m_arbiter.metrics().addressBanned();
    qCWarning(lcServer).noquote() << "banned" << address << "for" << (refusedMs + 999) / 1000
                                  << "s after" << m_limits.failedHellos.refuseAfter
                                  << "failed hellos";
}

void SyncServer::cutOffRevoked(Session& session)
{
    m_arbiter.metrics().terminalRevoked();
    qCWarning(lcServer).noquote() << "revoked terminal" << session.terminal
                                  << "cut off: its connection from" << session.address
                                  << "closed (4403)";
    close(session, CloseRevoked, QStringLiteral("terminal revoked"));
}

} // namespace stockline::sync
