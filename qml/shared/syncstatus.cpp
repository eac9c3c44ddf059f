#include "syncstatus.h"

#include "syncproblemsmodel.h"

namespace stockline::qml {

SyncStatus::SyncStatus(QObject* parent) : QObject(parent), m_problems(new SyncProblemsModel(this))
{
}

template <typename T> void SyncStatus::set(T& member, const T& value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT changed();
}

void SyncStatus::setConfigured(bool configured)
{
    set(m_configured, configured);
}

void SyncStatus::setOnline(bool online)
{
    set(m_online, online);
}

void SyncStatus::setPending(qint64 pending)
{
    set(m_pending, pending);
}

void SyncStatus::setOldestPendingAge(qint64 seconds)
{
    set(m_oldestAge, seconds);
}

void SyncStatus::setMessage(const QString& message)
{
    set(m_message, message);
}

QString SyncStatus::stateText() const
{
    if (m_online)
        return tr("Online");
    return m_configured ? tr("Offline") : tr("No server");
}

void SyncStatus::setStoreSettings(const StoreSettings& settings)
{
    set(m_store, settings);
}

QString SyncStatus::storeText() const
{
    return m_store.tax.pricesIncludeTax
               ? tr("%1 · prices include tax").arg(m_store.currency.isoCode())
               : tr("%1 · prices exclude tax").arg(m_store.currency.isoCode());
}

QString SyncStatus::pendingText() const
{
    if (m_pending <= 0)
        return tr("All sent");
    const QString waiting = tr("%n to send", nullptr, static_cast<int>(m_pending));
    return m_oldestAge > 0 ? tr("%1 · oldest %2").arg(waiting, ageText(m_oldestAge)) : waiting;
}

QString SyncStatus::ageText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

} // namespace stockline::qml
