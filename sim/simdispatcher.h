#pragma once

#include <QAbstractEventDispatcher>
#include <map>
#include <optional>

namespace stockline::sim {

// The main thread's event dispatcher in stockline-sim: QTimers run on the simulation's clock,
// never the machine's. Nothing here waits; the simulation asks for the next due timer and
// fires it itself (fireNext()), in deadline order, ties in the order the timers were started.
// Posted events (queued calls) are delivered by QCoreApplication::sendPostedEvents().
class SimDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit SimDispatcher(QObject* parent = nullptr);

    void setNow(qint64 ms) { m_now = ms; }
    [[nodiscard]] qint64 now() const { return m_now; }
    // The deadline of the next timer, if any is running.
    [[nodiscard]] std::optional<qint64> nextDeadline() const;
    // Fires the next timer due at or before now(); false when none is due.
    bool fireNext();

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    [[nodiscard]] QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override {}
    void interrupt() override {}

private:
    struct Timer
    {
        qint64 interval = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        qint64 deadline = 0;
        quint64 order = 0; // started (or restarted) in this order
    };

    std::map<int, Timer> m_timers; // by timer id
    qint64 m_now = 0;
    quint64 m_nextOrder = 0;
};

} // namespace stockline::sim
