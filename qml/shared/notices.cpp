#include "notices.h"

#include "uilogging.h"

namespace stockline::ui {

Notices::Notices(QObject* parent) : QObject(parent) {}

void Notices::report(const QString& message)
{
    // Logged too: what a clerk was told is the first thing IT asks about. Info, not a
    // warning: the program works as it should when it tells a clerk a barcode is unknown.
    qCInfo(lcUi).noquote() << message;
    m_last = message;
    Q_EMIT problem(message);
}

} // namespace stockline::ui
