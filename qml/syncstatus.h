#pragma once

#include <QObject>
#include <QString>

namespace stockline::ui {

// What the screens know about the connection to the sync server. Nothing drives it yet but
// the app's wiring: the terminal's sync client will set it as it connects, pushes and gets
// levels. Offline (the default) is the honest state of a till with no client: sales are
// recorded and queued, marked offline, and sent when a client runs.
class SyncStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ online WRITE setOnline NOTIFY changed)
    Q_PROPERTY(qint64 pending READ pending WRITE setPending NOTIFY changed)
    Q_PROPERTY(QString message READ message WRITE setMessage NOTIFY changed)

public:
    explicit SyncStatus(QObject* parent = nullptr);

    [[nodiscard]] bool online() const { return m_online; }
    void setOnline(bool online);
    // Outbox entries the server has not answered yet.
    [[nodiscard]] qint64 pending() const { return m_pending; }
    void setPending(qint64 pending);
    // What the status bar says about the connection, e.g. "server unreachable since 10:02".
    [[nodiscard]] QString message() const { return m_message; }
    void setMessage(const QString& message);

Q_SIGNALS:
    void changed();

private:
    bool m_online = false;
    qint64 m_pending = 0;
    QString m_message;
};

} // namespace stockline::ui
