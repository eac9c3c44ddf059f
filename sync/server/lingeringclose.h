#pragma once

#include <QObject>
#include <QTcpSocket>

namespace stockline::sync {

// Closing a TCP socket that still holds unread bytes makes the kernel answer with a reset and
// drop what was queued to send, the close frame just written among it: a client in the middle
// of sending an oversized message never learns its close code (it sees 1006, not 1009 or 4413).
// Before Qt closes such a socket, adopt() keeps the connection open under a duplicate
// descriptor, ends our direction after the close frame, and reads and discards what the peer
// still sends until it closes too or the deadline passes. The deadline and the count of
// connections held this way are bounded, so a peer cannot use it to keep sockets open.
class LingeringClose : public QObject
{
    Q_OBJECT

public:
    explicit LingeringClose(int deadlineMs, int maxHeld, QObject* parent = nullptr);

    // Call while the socket is still open and its close frame written (QWebSocket::aboutToClose).
    // Every close goes this way, not only those with bytes unread at that moment: a client in
    // the middle of a message may send more an instant later. A client that closed first has
    // nothing more to send, and its connection ends at once.
    void adopt(QTcpSocket& socket);
    [[nodiscard]] int held() const { return m_held; }

private:
    void drain(int descriptor);

    int m_deadlineMs;
    int m_maxHeld;
    int m_held = 0;
};

} // namespace stockline::sync
