#include "simdispatcher.h"

#include <QCoreApplication>
#include <QTimerEvent>

namespace stockline::sim {

SimDispatcher::SimDispatcher(QObject* parent) : QAbstractEventDispatcher(parent) {}

std::optional<qint64> SimDispatcher::nextDeadline() const
{
    std::optional<qint64> next;
    for (const auto& [id, timer] : m_timers)
        if (!next || timer.deadline < *next)
            next = timer.deadline;
    return next;
}

bool SimDispatcher::fireNext()
{
    const Timer* due = nullptr;
    int dueId = 0;
    for (const auto& [id, timer] : m_timers) {
        if (timer.deadline > m_now)
            continue;
        if (!due || timer.deadline < due->deadline ||
            (timer.deadline == due->deadline && timer.order < due->order)) {
            due = &timer;
            dueId = id;
        }
    }
    if (!due)
        return false;
    QObject* object = due->object;
    // The next period starts now; a single-shot QTimer stops itself in its handler.
    Timer& timer = m_timers[dueId];
    timer.deadline = m_now + std::max<qint64>(1, timer.interval);
    timer.order = m_nextOrder++;
    QTimerEvent event(dueId);
    QCoreApplication::sendEvent(object, &event);
    return true;
}

bool SimDispatcher::processEvents(QEventLoop::ProcessEventsFlags)
{
    QCoreApplication::sendPostedEvents();
    return false;
}

void SimDispatcher::registerSocketNotifier(QSocketNotifier*)
{
    qFatal("stockline-sim: no sockets in a simulation");
}

void SimDispatcher::unregisterSocketNotifier(QSocketNotifier*) {}

void SimDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                  QObject* object)
{
    m_timers[timerId] = Timer{interval, timerType, object, m_now + interval, m_nextOrder++};
}

bool SimDispatcher::unregisterTimer(int timerId)
{
    return m_timers.erase(timerId) > 0;
}

bool SimDispatcher::unregisterTimers(QObject* object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> SimDispatcher::registeredTimers(QObject* object) const
{
    QList<TimerInfo> list;
    for (const auto& [id, timer] : m_timers)
        if (timer.object == object)
            list.append(TimerInfo(id, static_cast<int>(timer.interval), timer.type));
    return list;
}

int SimDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return static_cast<int>(std::max<qint64>(0, it->second.deadline - m_now));
}

} // namespace stockline::sim
