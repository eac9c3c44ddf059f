#include "servermetrics.h"

#include "serverstore.h"

#include <algorithm>
#include <array>
#include <variant>

namespace stockline::sync {

namespace {

using Type = MetricsRegistry::Type;

const QString terminalsConnected = QStringLiteral("stockline_terminals_connected");
const QString connectionsOpen = QStringLiteral("stockline_connections_open");
const QString applied = QStringLiteral("stockline_mutations_applied_total");
const QString rejected = QStringLiteral("stockline_mutations_rejected_total");
const QString batchSize = QStringLiteral("stockline_batch_mutations");
const QString commitSeconds = QStringLiteral("stockline_commit_duration_seconds");
const QString broadcastSeconds = QStringLiteral("stockline_commit_to_broadcast_seconds");
const QString holdsOpen = QStringLiteral("stockline_holds_open");
const QString shortagesOpen = QStringLiteral("stockline_shortages_open");
const QString refusals = QStringLiteral("stockline_rate_limit_refusals_total");
const QString failedHellos = QStringLiteral("stockline_failed_hellos_total");
const QString bans = QStringLiteral("stockline_address_bans_total");
const QString revocations = QStringLiteral("stockline_terminal_revocations_total");
const QString tlsFailures = QStringLiteral("stockline_tls_handshake_failures_total");
const QString storageUp = QStringLiteral("stockline_storage_up");
const QString outboxBacklog = QStringLiteral("stockline_terminal_outbox_backlog");

} // namespace

ServerMetrics::ServerMetrics()
{
    MetricsRegistry& r = m_registry;
    r.declare(terminalsConnected, Type::Gauge,
              QStringLiteral("Terminals connected with an accepted hello, by role."), true);
    r.declare(connectionsOpen, Type::Gauge,
              QStringLiteral("Open WebSocket connections, authenticated or not."));
    r.declare(applied, Type::Counter,
              QStringLiteral("Mutations applied, by kind (replays of stored results are not "
                             "counted)."),
              true);
    r.declare(rejected, Type::Counter,
              QStringLiteral("Mutations rejected, by kind and reason (the result's code)."), true);
    r.declare(batchSize, Type::Histogram,
              QStringLiteral("Mutations per committed storage transaction (group commit)."), false,
              {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 20000});
    r.declare(commitSeconds, Type::Histogram,
              QStringLiteral("Seconds the storage thread took to apply and commit one batch."),
              false, {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5});
    r.declare(broadcastSeconds, Type::Histogram,
              QStringLiteral("Seconds from a commit to its levels written to the last connected "
                             "terminal."),
              false, {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5});
    r.declare(holdsOpen, Type::Gauge,
              QStringLiteral("Holds (reservations) not yet sold, released or expired; sampled "
                             "every 2 s."));
    r.declare(shortagesOpen, Type::Gauge,
              QStringLiteral("Shortage exceptions not yet resolved; sampled every 2 s."));
    r.declare(refusals, Type::Counter,
              QStringLiteral("Connections or messages refused by a limit: messages, pushes, "
                             "connections, failed_hellos."),
              true);
    r.declare(failedHellos, Type::Counter,
              QStringLiteral("Hellos and pairing codes refused, by reason (the error code)."),
              true);
    r.declare(bans, Type::Counter,
              QStringLiteral("Addresses refused for a while after too many failed hellos."));
    r.declare(revocations, Type::Counter,
              QStringLiteral("Connected terminals cut off because their token was revoked."));
    r.declare(tlsFailures, Type::Counter,
              QStringLiteral("TLS handshakes that failed or timed out (WebSocket and HTTP "
                             "ports)."));
    r.declare(outboxBacklog, Type::Gauge,
              QStringLiteral("Mutations waiting in a connected terminal's outbox, as its last push "
                             "reported them."),
              true);
    r.declare(storageUp, Type::Gauge,
              QStringLiteral("1 when the database answered the storage thread's last check and "
                             "the thread is not stuck, else 0."));
}

// On the storage thread, once a batch: counted locally first, then a registry update per kind
// seen (not per mutation), so a batch of hundreds costs a few locks and no strings each.
void ServerMetrics::batchCommitted(const QList<PushRequest>& pushes,
                                   const QList<PushOutcome>& outcomes, double seconds)
{
    constexpr size_t invalid = std::variant_size_v<MutationBody>; // an entry whose body was bad
    std::array<qint64, invalid + 1> appliedByKind{};
    struct Refusals
    {
        size_t kind;
        QString reason;
        qint64 count;
    };
    QList<Refusals> refused;
    qint64 mutations = 0;
    // The store answers the pushes in the order it was given them; a push's seqs are
    // consecutive, so a result's entry is found by its distance from the first.
    for (qsizetype i = 0; i < pushes.size() && i < outcomes.size(); ++i) {
        const QList<PushEntry>& entries = pushes.at(i).entries;
        for (const MutationResult& result : outcomes.at(i).results) {
            ++mutations;
            if (result.replay)
                continue;
            const qsizetype at = entries.isEmpty() ? -1 : result.seq - entries.first().seq;
            const size_t kind = at >= 0 && at < entries.size() && entries.at(at).mutation
                                    ? entries.at(at).mutation->body.index()
                                    : invalid;
            if (result.status == MutationResult::Status::Applied) {
                ++appliedByKind[kind];
                continue;
            }
            const auto same = std::find_if(refused.begin(), refused.end(), [&](const Refusals& r) {
                return r.kind == kind && r.reason == result.code;
            });
            if (same != refused.end())
                ++same->count;
            else
                refused.append({kind, result.code, 1});
        }
    }
    const auto name = [](size_t kind) {
        return kind == invalid ? QStringLiteral("invalid")
                               : kindName(static_cast<MutationKind>(kind));
    };
    for (size_t kind = 0; kind < appliedByKind.size(); ++kind)
        if (appliedByKind.at(kind) > 0)
            m_registry.add(applied, {{QStringLiteral("kind"), name(kind)}},
                           static_cast<double>(appliedByKind.at(kind)));
    for (const Refusals& r : std::as_const(refused))
        m_registry.add(
            rejected,
            {{QStringLiteral("kind"), name(r.kind)}, {QStringLiteral("reason"), r.reason}},
            static_cast<double>(r.count));
    m_registry.observe(batchSize, {}, static_cast<double>(mutations));
    m_registry.observe(commitSeconds, {}, seconds);
}

void ServerMetrics::broadcastDone(double secondsSinceCommit)
{
    m_registry.observe(broadcastSeconds, {}, secondsSinceCommit);
}

void ServerMetrics::openCounts(qint64 holds, qint64 shortages)
{
    m_registry.set(holdsOpen, {}, static_cast<double>(holds));
    m_registry.set(shortagesOpen, {}, static_cast<double>(shortages));
}

void ServerMetrics::refused(const QString& limit)
{
    m_registry.add(refusals, {{QStringLiteral("limit"), limit}});
}

void ServerMetrics::helloFailed(const QString& reason)
{
    m_registry.add(failedHellos, {{QStringLiteral("reason"), reason}});
}

void ServerMetrics::addressBanned()
{
    m_registry.add(bans);
}

void ServerMetrics::terminalRevoked()
{
    m_registry.add(revocations);
}

void ServerMetrics::tlsHandshakeFailed()
{
    m_registry.add(tlsFailures);
}

void ServerMetrics::setTerminalsConnected(const QMap<Role, int>& byRole)
{
    for (const Role role : {Role::Pos, Role::Receiving, Role::Channel, Role::Manager})
        m_registry.set(terminalsConnected, {{QStringLiteral("role"), roleName(role)}},
                       byRole.value(role));
}

void ServerMetrics::setConnectionsOpen(int connections)
{
    m_registry.set(connectionsOpen, {}, connections);
}

void ServerMetrics::setOutboxBacklogs(const QMap<QString, qint64>& byTerminal)
{
    m_registry.clear(outboxBacklog);
    for (auto it = byTerminal.cbegin(); it != byTerminal.cend(); ++it)
        m_registry.set(outboxBacklog, {{QStringLiteral("terminal"), it.key()}},
                       static_cast<double>(it.value()));
}

void ServerMetrics::setStorageUp(bool up)
{
    m_registry.set(storageUp, {}, up ? 1 : 0);
}

} // namespace stockline::sync
