#pragma once

// What the offscreen screen tests share: a warning from Qt or QML while a screen runs is a
// bug, and a screen is loaded from the Stockline.Qml module into a window of its own.

#include <QMessageLogContext>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace stockline::fixtures {

// From construction to finish() (or destruction): collects every warning except Stockline's own
// log lines (categories stockline.*), passing every message on to the handler before it.
class QmlWarnings
{
public:
    QmlWarnings()
    {
        s_warnings.clear();
        s_previous = qInstallMessageHandler(collect);
    }
    ~QmlWarnings() { finish(); }
    QmlWarnings(const QmlWarnings&) = delete;
    QmlWarnings& operator=(const QmlWarnings&) = delete;

    // Stops collecting; the warnings seen, one a line (empty if none).
    QString finish()
    {
        if (m_collecting)
            qInstallMessageHandler(s_previous);
        m_collecting = false;
        return s_warnings.join(u'\n');
    }

private:
    static void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        const bool ours = context.category &&
                          QLatin1String(context.category).startsWith(QLatin1String("stockline."));
        if (type >= QtWarningMsg && type != QtInfoMsg && !ours)
            s_warnings.append(message);
        if (s_previous)
            s_previous(type, context, message);
    }

    bool m_collecting = true;
    static inline QStringList s_warnings;
    static inline QtMessageHandler s_previous = nullptr;
};

// Loads qrc:/qt/qml/Stockline/Qml/`file` in `engine`: its window, or null if it did not load.
inline QQuickWindow* loadScreen(QQmlApplicationEngine& engine, const QString& file)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Stockline/Qml/") + file));
    if (engine.rootObjects().size() != 1)
        return nullptr;
    return qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
}

// The first item under `root` (itself included) that `matches`, by the visual tree: a list's
// delegates and a popup's items have no QObject parent for findChild() to find them by.
template <typename Predicate> QQuickItem* findItemWhere(QQuickItem* root, const Predicate& matches)
{
    if (matches(root))
        return root;
    const QList<QQuickItem*> children = root->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findItemWhere(child, matches))
            return found;
    }
    return nullptr;
}

// The item named `name` under `root`, or null if there is none.
inline QQuickItem* findItem(QQuickItem* root, const QString& name)
{
    return findItemWhere(root, [&name](QQuickItem* item) { return item->objectName() == name; });
}

// The visible item under `root` showing `text`, or null (an item in a hidden parent is not).
inline QQuickItem* findItemShowing(QQuickItem* root, const QString& text)
{
    return findItemWhere(root, [&text](QQuickItem* item) {
        return item->isVisible() && item->property("text").toString() == text;
    });
}

} // namespace stockline::fixtures
