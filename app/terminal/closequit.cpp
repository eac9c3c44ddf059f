#include "closequit.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWindow>

namespace stockline::app {

namespace {

class CloseQuits : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Close)
            QCoreApplication::quit();
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void quitWhenClosed(QWindow& window)
{
    window.installEventFilter(new CloseQuits(&window));
}

} // namespace stockline::app
