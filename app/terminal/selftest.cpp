#include "selftest.h"

#include "enrolment.h"
#include "qmlwindow.h"
#include "singletons.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QUrl>
#include <cstdio>

namespace stockline::app {

namespace {

QStringList g_problems;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        // Our own categories report the clerk's problems (an unknown barcode in a test
        // drive); only Qt's and QML's count against the build.
        const QLatin1String category(context.category ? context.category : "");
        if (!category.startsWith(QLatin1String("stockline.")))
            g_problems.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

QmlProblems::QmlProblems()
{
    g_problems.clear();
    g_previous = qInstallMessageHandler(collect);
}

QmlProblems::~QmlProblems()
{
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
}

const QStringList& QmlProblems::problems() const
{
    return g_problems;
}

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

namespace {

// The enrolment window, as a first run shows it (nothing is written).
bool loadsEnrolment()
{
    const QTemporaryDir dir;
    qml::Enrolment enrolment(dir.filePath(QStringLiteral("terminal.json")), std::nullopt);
    qml::EnrolmentForeign::instance = &enrolment;
    QQmlApplicationEngine engine;
    auto* window = loadWindow(engine, QStringLiteral("EnrolWindow.qml"));
    settle(100);
    const bool rendered = window && !window->grabWindow().isNull();
    qml::EnrolmentForeign::instance = nullptr;
    if (!rendered)
        std::fprintf(stderr, "self-test: EnrolWindow.qml did not render\n");
    return rendered;
}

// The receiving dock's window and each of its screens, on the same services.
bool loadsDock()
{
    QQmlApplicationEngine engine;
    auto* window = loadWindow(engine, QStringLiteral("DockMain.qml"));
    if (!window) {
        std::fprintf(stderr, "self-test: DockMain.qml did not load a window\n");
        return false;
    }
    settle(100);
    bool rendered = true;
    for (const char* screen : {"receive", "count", "moves", "deliveries"}) {
        window->setProperty("screen", QString::fromLatin1(screen));
        settle(100);
        if (window->grabWindow().isNull()) {
            std::fprintf(stderr, "self-test: dock screen %s did not render\n", screen);
            rendered = false;
        }
    }
    return rendered;
}

} // namespace

int runSelfTest(QQmlApplicationEngine& engine)
{
    const QmlProblems problems;
    auto* window = loadWindow(engine, QStringLiteral("Main.qml"));
    if (!window) {
        std::fprintf(stderr, "self-test: Main.qml did not load a window\n");
        return 1;
    }
    settle(200);
    bool rendered = true;
    for (const char* screen : {"returns", "parked", "cash", "stock", "exceptions", "sell"}) {
        window->setProperty("screen", QString::fromLatin1(screen));
        settle(100);
        if (window->grabWindow().isNull()) {
            std::fprintf(stderr, "self-test: screen %s did not render\n", screen);
            rendered = false;
        }
    }
    QMetaObject::invokeMethod(window, "openReceipt");
    settle(100);
    rendered = loadsEnrolment() && rendered;
    rendered = loadsDock() && rendered;
    for (const QString& problem : problems.problems())
        std::fprintf(stderr, "self-test: %s\n", qPrintable(problem));
    if (!problems.problems().isEmpty() || !rendered)
        return 1;
    std::printf("self-test: Main.qml, DockMain.qml, their screens and the enrolment loaded "
                "without a warning\n");
    return 0;
}

} // namespace stockline::app
