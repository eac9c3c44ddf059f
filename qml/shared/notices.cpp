#include "notices.h"

#include "qmllogging.h"

namespace stockline::qml {

Notices::Notices(QObject* parent) : QObject(parent) {}

void Notices::report(const QString& message)
{
    // Logged too: what a clerk was told is the first thing IT asks about. Info, not a
    // warning: the program works as it should when it tells a clerk a barcode is unknown.
    qCInfo(lcQml).noquote() << message;
    m_last = message;
    Q_EMIT problem(message);
}

} // namespace stockline::qml
