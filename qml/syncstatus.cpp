#include "syncstatus.h"

namespace stockline::ui {

SyncStatus::SyncStatus(QObject* parent) : QObject(parent) {}

void SyncStatus::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT changed();
}

void SyncStatus::setPending(qint64 pending)
{
    if (pending == m_pending)
        return;
    m_pending = pending;
    Q_EMIT changed();
}

void SyncStatus::setMessage(const QString& message)
{
    if (message == m_message)
        return;
    m_message = message;
    Q_EMIT changed();
}

} // namespace stockline::ui
