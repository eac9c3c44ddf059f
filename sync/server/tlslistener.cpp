#include "tlslistener.h"

#include "serverlogging.h"

#include <QSslSocket>
#include <QTimer>

namespace stockline::sync {

void TlsListener::useTls(const QSslConfiguration& configuration, int handshakeTimeoutMs)
{
    m_tls = configuration;
    m_handshakeTimeoutMs = handshakeTimeoutMs;
}

void TlsListener::queue(QTcpSocket* socket)
{
    if (m_admit && !m_admit(socket)) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    addPendingConnection(socket);
    Q_EMIT ready();
}

void TlsListener::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            socket->deleteLater();
            return;
        }
        queue(socket);
        return;
    }
    auto* socket = new QSslSocket(this);
    socket->setSslConfiguration(*m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        socket->disconnect(this);
        queue(socket);
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        qCDebug(lcServer) << "TLS handshake failed from" << socket->peerAddress().toString() << ':'
                          << socket->errorString();
        Q_EMIT handshakeFailed(socket->peerAddress().toString(), socket->errorString());
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    });
    // A peer that starts a handshake and never finishes it must not hold a socket for ever.
    QTimer::singleShot(m_handshakeTimeoutMs, socket, [this, socket] {
        if (socket->isEncrypted())
            return;
        Q_EMIT handshakeFailed(socket->peerAddress().toString(), QStringLiteral("timed out"));
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

} // namespace stockline::sync
