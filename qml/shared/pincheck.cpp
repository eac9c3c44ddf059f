#include "pincheck.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stockline::qml {

PinCheck::PinCheck(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QStringList>::finished, this, [this] {
        const Done done = std::exchange(m_done, {});
        m_busy = false;
        if (done)
            done(m_watcher.result());
        Q_EMIT busyChanged();
    });
}

// A check still hashing when the till closes is waited for: it takes a fraction of a second
// and touches nothing but its own copy of the attempt.
PinCheck::~PinCheck()
{
    m_watcher.waitForFinished();
}

bool PinCheck::run(StaffDirectory::PinAttempt attempt, Done done)
{
    if (busy())
        return false;
    m_done = std::move(done);
    m_busy = true;
    m_watcher.setFuture(
        QtConcurrent::run([attempt = std::move(attempt)] { return attempt.matching(); }));
    Q_EMIT busyChanged();
    return true;
}

} // namespace stockline::qml
