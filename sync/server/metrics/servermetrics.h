#pragma once

#include "metricsregistry.h"
#include "role.h"

#include <QList>
#include <QMap>

namespace stockline::sync {

struct PushOutcome;
struct PushRequest;

// The sync server's metrics, named by Prometheus' conventions (README "Health, metrics and
// logs" lists them). Callers say what happened; this class knows the names and labels. Safe
// from any thread (the registry locks).
class ServerMetrics
{
public:
    ServerMetrics();

    [[nodiscard]] const MetricsRegistry& registry() const { return m_registry; }

    // Storage thread: one committed batch, how long its transaction took, and what each of its
    // mutations became (replays are not counted again).
    void batchCommitted(const QList<PushRequest>& pushes, const QList<PushOutcome>& outcomes,
                        double seconds);
    // A commit's levels or products written to the last connected terminal.
    void broadcastDone(double secondsSinceCommit);
    void openCounts(qint64 holds, qint64 shortages);

    // Socket thread. `limit`: messages, pushes, connections, failed_hellos.
    void refused(const QString& limit);
    // A hello or pairing code that did not authenticate; `reason` is the error code sent.
    void helloFailed(const QString& reason);
    void addressBanned();
    void terminalRevoked();
    void tlsHandshakeFailed();

    // At scrape time, from the sessions: terminals with an accepted hello, per role.
    void setTerminalsConnected(const QMap<Role, int>& byRole);
    void setConnectionsOpen(int connections);
    // At scrape time: each connected terminal's outbox backlog, as its last push reported it.
    void setOutboxBacklogs(const QMap<QString, qint64>& byTerminal);
    // At scrape time, from the storage thread's heartbeat: 1 when the database answers.
    void setStorageUp(bool up);

private:
    MetricsRegistry m_registry;
};

} // namespace stockline::sync
