#pragma once

#include "storesettings.h"

#include <QObject>
#include <QString>

namespace stockline::qml {

class SyncProblemsModel;

// What the screens know about the connection to the sync server, for the always-visible sync
// bar: online or not, what waits to be sent and for how long, and the problems to act on. The
// sync client drives it through TillSync; a till with no server configured stays offline,
// the honest state: sales are recorded and queued, marked offline, sent when a client runs.
class SyncStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool configured READ configured WRITE setConfigured NOTIFY changed)
    Q_PROPERTY(bool online READ online WRITE setOnline NOTIFY changed)
    Q_PROPERTY(qint64 pending READ pending WRITE setPending NOTIFY changed)
    Q_PROPERTY(
        qint64 oldestPendingAge READ oldestPendingAge WRITE setOldestPendingAge NOTIFY changed)
    Q_PROPERTY(bool allSent READ allSent NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString pendingText READ pendingText NOTIFY changed)
    Q_PROPERTY(QString message READ message WRITE setMessage NOTIFY changed)
    Q_PROPERTY(QString storeText READ storeText NOTIFY changed)
    Q_PROPERTY(stockline::qml::SyncProblemsModel* problems READ problems CONSTANT)

public:
    explicit SyncStatus(QObject* parent = nullptr);

    // A sync server is set up for this till (else it runs on its own, every sale offline).
    [[nodiscard]] bool configured() const { return m_configured; }
    void setConfigured(bool configured);
    [[nodiscard]] bool online() const { return m_online; }
    void setOnline(bool online);
    // Outbox entries the server has not answered yet.
    [[nodiscard]] qint64 pending() const { return m_pending; }
    void setPending(qint64 pending);
    [[nodiscard]] bool allSent() const { return m_pending <= 0; }
    // Seconds since the oldest of them was made; 0 when none.
    [[nodiscard]] qint64 oldestPendingAge() const { return m_oldestAge; }
    void setOldestPendingAge(qint64 seconds);
    // "Online", "Offline", "No server".
    [[nodiscard]] QString stateText() const;
    // "All sent", "3 to send · oldest 2 min".
    [[nodiscard]] QString pendingText() const;
    // Why it is offline, from the sync client, e.g. "Not connected to the sync server (…)".
    [[nodiscard]] QString message() const { return m_message; }
    void setMessage(const QString& message);
    [[nodiscard]] SyncProblemsModel* problems() const { return m_problems; }
    // The store's settings this terminal works with (from the server, or kept from its last
    // welcome): "CHF · prices include tax".
    void setStoreSettings(const StoreSettings& settings);
    [[nodiscard]] QString storeText() const;

    // "45 s", "3 min", "2 h 5 min".
    [[nodiscard]] static QString ageText(qint64 seconds);

Q_SIGNALS:
    void changed();

private:
    template <typename T> void set(T& member, const T& value);

    bool m_configured = false;
    bool m_online = false;
    qint64 m_pending = 0;
    qint64 m_oldestAge = 0;
    QString m_message;
    StoreSettings m_store;
    SyncProblemsModel* m_problems;
};

} // namespace stockline::qml
