#include "systemdnotify.h"

#include "serverlogging.h"

#include <systemd/sd-daemon.h>

namespace {

// STATUS= is refreshed this often even without a watchdog, so `systemctl status` stays current.
constexpr int statusIntervalMs = 10'000;

} // namespace

SystemdNotify::SystemdNotify(std::function<bool()> alive, std::function<QString()> status,
                             QObject* parent)
    : QObject(parent), m_alive(std::move(alive)), m_status(std::move(status))
{
    connect(&m_timer, &QTimer::timeout, this, &SystemdNotify::tick);
}

void SystemdNotify::send(const QString& state)
{
    // 0 when NOTIFY_SOCKET is unset; a failure to reach systemd is no reason to stop serving.
    sd_notify(0, state.toUtf8().constData());
}

void SystemdNotify::ready()
{
    if (qEnvironmentVariableIsEmpty("NOTIFY_SOCKET"))
        return;
    send(QStringLiteral("READY=1\nSTATUS=") + m_status());
    uint64_t watchdogUs = 0;
    const int interval = sd_watchdog_enabled(0, &watchdogUs) > 0
                             ? static_cast<int>(std::max<uint64_t>(watchdogUs / 2000, 1))
                             : statusIntervalMs;
    m_timer.start(std::min(interval, statusIntervalMs));
}

void SystemdNotify::stopping()
{
    m_timer.stop();
    if (!qEnvironmentVariableIsEmpty("NOTIFY_SOCKET"))
        send(QStringLiteral("STOPPING=1\nSTATUS=stopping"));
}

void SystemdNotify::tick()
{
    const bool alive = m_alive();
    if (alive != m_wasAlive) {
        if (alive)
            qCInfo(stockline::sync::lcServer) << "storage thread answers again: watchdog pings "
                                                 "resume";
        else
            qCCritical(stockline::sync::lcServer) << "storage thread stuck: watchdog pings stop, "
                                                     "systemd will restart the service";
        m_wasAlive = alive;
    }
    const QString status = QStringLiteral("STATUS=") + m_status();
    send(alive ? QStringLiteral("WATCHDOG=1\n") + status : status);
}
