#include "notices.h"

#include "qmllogging.h"

namespace stockline::qml {

Notices::Notices(QObject* parent) : QObject(parent) {}

void Notices::report(const QString& message)
{
    reportAbout(Topic::None, message);
}

void Notices::reportAbout(Topic topic, const QString& message)
{
    // Logged too: what a clerk was told is the first thing IT asks about. Info, not a
    // warning: the program works as it should when it tells a clerk a barcode is unknown.
    qCInfo(lcQml).noquote() << message;
    m_last = message;
    m_topic = topic;
    Q_EMIT problem(message);
}

void Notices::resolve(Topic topic)
{
    if (topic == Topic::None || topic != m_topic)
        return;
    m_last.clear();
    m_topic = Topic::None;
    Q_EMIT cleared();
}

} // namespace stockline::qml
