#include "qmlwindow.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QUrl>

namespace stockline::app {

QQuickWindow* loadWindow(QQmlApplicationEngine& engine, const QString& file)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Stockline/Qml/") + file));
    return engine.rootObjects().isEmpty()
               ? nullptr
               : qobject_cast<QQuickWindow*>(engine.rootObjects().constLast());
}

} // namespace stockline::app
