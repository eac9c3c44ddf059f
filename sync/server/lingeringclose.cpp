#include "lingeringclose.h"

#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace stockline::sync {

LingeringClose::LingeringClose(int deadlineMs, int maxHeld, QObject* parent)
    : QObject(parent), m_deadlineMs(deadlineMs), m_maxHeld(maxHeld)
{
}

void LingeringClose::adopt(QTcpSocket& socket)
{
    const auto descriptor = static_cast<int>(socket.socketDescriptor());
    if (descriptor < 0 || m_held >= m_maxHeld)
        return;
    socket.flush();
    // Qt closes its descriptor right after; the connection lives on while this one is open.
    const int kept = ::dup(descriptor);
    if (kept < 0)
        return;
    ++m_held;
    drain(kept);
}

void LingeringClose::drain(int descriptor)
{
    auto* notifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    auto finish = [this, notifier, descriptor] {
        if (!notifier->isEnabled())
            return;
        notifier->setEnabled(false);
        notifier->deleteLater();
        ::close(descriptor);
        --m_held;
    };
    connect(notifier, &QSocketNotifier::activated, this, [descriptor, finish] {
        char discarded[64 * 1024];
        const ssize_t got = ::recv(descriptor, discarded, sizeof discarded, MSG_DONTWAIT);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR))
            finish();
    });
    // Our direction ends once Qt has closed its side (a TLS socket still writes its own close):
    // the FIN tells the client that nothing more comes.
    QTimer::singleShot(0, notifier, [notifier, descriptor] {
        if (notifier->isEnabled())
            ::shutdown(descriptor, SHUT_WR);
    });
    QTimer::singleShot(m_deadlineMs, notifier, finish);
}

} // namespace stockline::sync
