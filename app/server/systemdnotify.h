#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

// Tells systemd how the service is doing (Type=notify, sd_notify(3)): READY=1 once it listens,
// WATCHDOG=1 at half the unit's WatchdogSec while `alive` says so (the storage thread answers:
// when it is stuck the pings stop and systemd restarts the service), STATUS= with what
// `status` says, STOPPING=1 on the way out. Does nothing when NOTIFY_SOCKET is unset (not run
// by systemd).
class SystemdNotify : public QObject
{
    Q_OBJECT

public:
    SystemdNotify(std::function<bool()> alive, std::function<QString()> status,
                  QObject* parent = nullptr);

    void ready();
    void stopping();

private:
    void tick();
    static void send(const QString& state);

    std::function<bool()> m_alive;
    std::function<QString()> m_status;
    QTimer m_timer;
    bool m_wasAlive = true;
};
