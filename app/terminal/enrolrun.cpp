#include "enrolrun.h"

#include "closequit.h"
#include "enrolment.h"
#include "qmlwindow.h"
#include "singletons.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QUrl>

namespace stockline::app {

std::optional<TerminalConfig> runEnrolment(const QString& configPath,
                                           const std::optional<TerminalConfig>& current)
{
    qml::Enrolment enrolment(configPath, current);
    qml::EnrolmentForeign::instance = &enrolment;
    bool enrolled = false;
    {
        QQmlApplicationEngine engine;
        auto* window = loadWindow(engine, QStringLiteral("EnrolWindow.qml"));
        if (window) {
            QObject::connect(&enrolment, &qml::Enrolment::enrolled, qApp, [&enrolled] {
                enrolled = true;
                QCoreApplication::quit();
            });
            QObject::connect(&enrolment, &qml::Enrolment::cancelled, qApp, &QCoreApplication::quit);
            QObject::connect(&enrolment, &qml::Enrolment::languageChanged, &engine,
                             &QQmlEngine::retranslate);
            quitWhenClosed(*window);
            QGuiApplication::exec();
        }
    }
    qml::EnrolmentForeign::instance = nullptr;
    return enrolled ? std::optional<TerminalConfig>(enrolment.config()) : std::nullopt;
}

QString defaultStorePath(const QString& terminal)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return QDir(folder).filePath(QStringLiteral("terminal-%1.db").arg(terminal));
}

} // namespace stockline::app
