#pragma once

#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

namespace stockline::app {

// Loads one window of the Stockline.Qml module ("Main.qml", "EnrolWindow.qml") into `engine`;
// the window, or nullptr when it did not load.
[[nodiscard]] QQuickWindow* loadWindow(QQmlApplicationEngine& engine, const QString& file);

} // namespace stockline::app
