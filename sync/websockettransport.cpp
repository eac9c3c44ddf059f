#include "websockettransport.h"

#include "protocol.h"

namespace stockline::sync {

WebSocketTransport::WebSocketTransport(QObject* parent) : Transport(parent)
{
    // The server's answers are bounded too: a full catalog of 100,000 products fits.
    m_socket.setMaxAllowedIncomingMessageSize(256 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_connecting = false;
        m_connected = true;
        Q_EMIT opened();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { reportClosed(); });
    // Qt 6.4 has no errorOccurred on QWebSocket; a failed connect may report only here.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    reportClosed();
            });
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString& message) { Q_EMIT received(message.toUtf8()); });
}

void WebSocketTransport::open(const QUrl& url)
{
    m_connecting = true;
    m_socket.open(url);
}

// Exactly one closed() per open(), however Qt orders error() and disconnected().
void WebSocketTransport::reportClosed()
{
    if (m_connected) {
        m_connected = false;
        Q_EMIT closed(m_socket.closeCode(), m_socket.closeReason());
    } else if (m_connecting) {
        m_connecting = false;
        Q_EMIT closed(0, m_socket.errorString());
    }
}

void WebSocketTransport::close()
{
    m_socket.close();
}

void WebSocketTransport::send(const QByteArray& message)
{
    m_socket.sendTextMessage(QString::fromUtf8(message));
}

bool WebSocketTransport::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

qint64 WebSocketTransport::bytesPending() const
{
    return m_socket.bytesToWrite();
}

} // namespace stockline::sync
