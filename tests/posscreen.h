#pragma once

// What the offscreen tests of the terminal's own screens hold, from init() to cleanup(): the
// warnings collected, the terminal (PosFixture), its problem notices, and the screen's window.

#include "notices.h"
#include "posfixture.h"
#include "qmlscreen.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

namespace stockline::fixtures {

class PosScreenTest
{
protected:
    // First in init(): warnings are collected from here on, and the terminal is made (not
    // opened: the test opens it as a till or a dock).
    void startScreenTest()
    {
        m_warnings.emplace();
        m_pos = std::make_unique<PosFixture>();
    }

    // Once the terminal is open: exposes it to QML and shows `file` in its window. False if
    // the screen did not load or its window was never exposed.
    [[nodiscard]] bool showScreen(const QString& file)
    {
        m_pos->context().exposeToQml();
        m_problems =
            std::make_unique<QSignalSpy>(&m_pos->context().notices(), &qml::Notices::problem);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = loadScreen(*m_engine, file);
        if (!m_window)
            return false;
        m_window->requestActivate();
        return QTest::qWaitForWindowExposed(m_window);
    }

    // In cleanup(): the warnings seen while the screen ran (empty if none); the screen and the
    // terminal are gone after it.
    [[nodiscard]] QString finishScreenTest()
    {
        const QString warnings = m_warnings->finish();
        m_engine.reset();
        m_problems.reset();
        m_pos.reset();
        m_window = nullptr;
        return warnings;
    }

    std::optional<QmlWarnings> m_warnings;
    std::unique_ptr<PosFixture> m_pos;
    std::unique_ptr<QSignalSpy> m_problems;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

} // namespace stockline::fixtures
