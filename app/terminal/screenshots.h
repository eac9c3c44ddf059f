#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace stockline::qml {
class PosContext;
}

namespace stockline::app {

// Renders every screen of the till, rung up with the sample store, to PNG files in `folder`
// (offscreen: QQuickWindow::grabWindow). Returns the exit code; a QML warning fails it.
[[nodiscard]] int takeScreenshots(QQmlApplicationEngine& engine, qml::PosContext& context,
                                  const QString& folder);

} // namespace stockline::app
