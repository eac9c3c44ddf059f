#pragma once

#include <QSslConfiguration>
#include <QTcpServer>
#include <optional>

namespace stockline::sync {

// The server's listening socket. Plain TCP by default; given a certificate and key (useTls),
// every connection first completes a TLS handshake as the server, and only an encrypted
// connection becomes pending (ready()). A handshake that fails, or is not done within
// `handshakeTimeoutMs`, is dropped without a word: the peer never reached the WebSocket layer.
class TlsListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit TlsListener(QObject* parent = nullptr) : QTcpServer(parent) {}

    void useTls(const QSslConfiguration& configuration, int handshakeTimeoutMs);
    [[nodiscard]] bool isSecure() const { return m_tls.has_value(); }

Q_SIGNALS:
    // A connection can be taken with nextPendingConnection() (with TLS: an encrypted one).
    void ready();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::optional<QSslConfiguration> m_tls;
    int m_handshakeTimeoutMs = 10'000;
};

} // namespace stockline::sync
