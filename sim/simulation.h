#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

namespace stockline::sim {

class SimDispatcher;

// A fault put into the server on purpose, to show that the checks catch it. Only
// stockline-sim's hidden --break option sets one; the product server has no such switch.
enum class Breakage {
    None,
    // Every replay that was applied the first time is applied again, as a new seq.
    ReplayTwice,
};

struct SimConfig
{
    quint64 seed = 0;
    bool trace = false; // every step to `out` as it happens
    Breakage breakage = Breakage::None;
};

struct SeedReport
{
    quint64 seed = 0;
    bool ok = true;
    QString invariant;     // the first one violated
    QString detail;        // what was seen
    QStringList lastSteps; // the trace's last lines before the violation
    QByteArray traceHash;  // hex SHA-256 of the whole trace
    qint64 steps = 0;
    qint64 mutations = 0; // appended to the terminals' outboxes
};

// Runs the world chosen by config.seed to its end: the real StockArbiter over a real SQLite
// file, real sync::Clients with their own LocalStores and outboxes, on a simulated clock and
// network. The same seed gives the same trace, byte for byte. `dispatcher` must be the main
// thread's event dispatcher (installed before the QCoreApplication).
[[nodiscard]] SeedReport runSeed(const SimConfig& config, SimDispatcher& dispatcher,
                                 const std::function<void(const QString&)>& out);

} // namespace stockline::sim
