#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace stockline::sync {

// Time and chance as the terminal's sync client sees them. Its timers are QTimers, which run
// on the thread's event dispatcher; everything else about time goes through this, so that a
// simulation (stockline-sim) can run the real client on a clock of its own and replay a run
// exactly.
class ClientClock
{
public:
    virtual ~ClientClock() = default;
    // Milliseconds on a clock that never goes back: how long the server has been silent.
    [[nodiscard]] virtual qint64 monotonicMs() const = 0;
    // The wall clock, UTC: how old the oldest unanswered entry is.
    [[nodiscard]] virtual QDateTime now() const = 0;
    // A number in [0, highest]: the jitter of the retry backoff.
    [[nodiscard]] virtual quint32 random(quint32 highest) = 0;
};

class SystemClientClock final : public ClientClock
{
public:
    SystemClientClock() { m_started.start(); }
    [[nodiscard]] qint64 monotonicMs() const override { return m_started.elapsed(); }
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    [[nodiscard]] quint32 random(quint32 highest) override
    {
        return highest == 0xffffffffu ? QRandomGenerator::global()->generate()
                                      : QRandomGenerator::global()->bounded(highest + 1);
    }

private:
    QElapsedTimer m_started;
};

} // namespace stockline::sync
