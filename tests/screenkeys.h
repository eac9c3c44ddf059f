#pragma once

// Driving a screen of the real Main.qml by keys, as a person would, and asking the server as
// another terminal would: the helpers the back office's tests share (tst_backoffice*.cpp).

#include "qmlscreen.h"
#include "wireclient.h"

#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

namespace stockline::fixtures {

class ScreenKeys
{
protected:
    [[nodiscard]] QQuickItem* item(const char* name) const
    {
        return findItem(m_window->contentItem(), QLatin1String(name));
    }
    [[nodiscard]] QString screen() const { return m_window->property("screen").toString(); }
    void type(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_window, k, modifiers);
    }
    // Types `text` into the field named `name`, replacing what it had.
    void fill(const char* name, const QString& text)
    {
        QQuickItem* field = item(name);
        QVERIFY(field);
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        key(Qt::Key_A, Qt::ControlModifier);
        key(Qt::Key_Backspace);
        type(text);
    }
    // A back-office request of another terminal's socket (elevated), and its answer.
    static QJsonObject ask(WireClient& wire, QJsonObject request,
                           const QString& answer = QStringLiteral("answer"))
    {
        request.insert(QStringLiteral("request"), QStringLiteral("r-%1").arg(++s_requests));
        wire.send(request);
        return wire.take(answer);
    }

    QQuickWindow* m_window = nullptr;

private:
    static inline int s_requests = 0;
};

} // namespace stockline::fixtures
