#pragma once

#include <QStringList>

class QQmlApplicationEngine;

namespace stockline::app {

// Collects every warning Qt and QML report while it lives, for --self-test and
// --screenshots: a QML error anywhere fails them, not just a load that returns nothing.
class QmlProblems
{
public:
    QmlProblems();
    ~QmlProblems();
    QmlProblems(const QmlProblems&) = delete;
    QmlProblems& operator=(const QmlProblems&) = delete;

    [[nodiscard]] const QStringList& problems() const;
};

// Loads Main.qml, shows every screen once, and returns the exit code: 0 when nothing was
// reported, 1 otherwise (each problem printed).
[[nodiscard]] int runSelfTest(QQmlApplicationEngine& engine);

// Lets the event loop run for `ms`, so bindings, layouts and deferred calls settle.
void settle(int ms);

} // namespace stockline::app
