#include "lingeringclose.h"

#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace stockline::sync {

namespace {

bool hasUnreadBytes(QTcpSocket& socket, int descriptor)
{
    int queued = 0;
    return socket.bytesAvailable() > 0 ||
           (::ioctl(descriptor, FIONREAD, &queued) == 0 && queued > 0);
}

} // namespace

LingeringClose::LingeringClose(int deadlineMs, int maxHeld, QObject* parent)
    : QObject(parent), m_deadlineMs(deadlineMs), m_maxHeld(maxHeld)
{
}

void LingeringClose::adopt(QTcpSocket& socket)
{
    const auto descriptor = static_cast<int>(socket.socketDescriptor());
    if (descriptor < 0 || m_held >= m_maxHeld || !hasUnreadBytes(socket, descriptor))
        return;
    socket.flush();
    // Qt closes its descriptor right after; the connection lives on while this one is open.
    const int kept = ::dup(descriptor);
    if (kept < 0)
        return;
    ::shutdown(kept, SHUT_WR);
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
    QTimer::singleShot(m_deadlineMs, notifier, finish);
}

} // namespace stockline::sync
