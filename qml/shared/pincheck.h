#pragma once

#include "staffdirectory.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <functional>

namespace stockline::qml {

// Hashes a PIN against its candidates (StaffDirectory::PinAttempt::matching, about a tenth of
// a second per candidate) on a worker thread, so the screen keeps drawing while it works.
// One check at a time: a second run() while one is busy is refused.
class PinCheck : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QStringList& matched)>;

    explicit PinCheck(QObject* parent = nullptr);
    ~PinCheck() override;

    // `done` runs on this object's thread with the matching names. False when already busy.
    bool run(StaffDirectory::PinAttempt attempt, Done done);
    // From run() until `done` has run: the future alone ends before its result is handled.
    [[nodiscard]] bool busy() const { return m_busy; }

Q_SIGNALS:
    void busyChanged();

private:
    QFutureWatcher<QStringList> m_watcher;
    Done m_done;
    bool m_busy = false;
};

} // namespace stockline::qml
