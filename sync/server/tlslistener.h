#pragma once

#include <QSslConfiguration>
#include <QTcpServer>
#include <functional>
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
    // Asked about every connection before it is queued (with TLS: once encrypted); one it
    // refuses is aborted. The HTTP port bounds its connections and their bytes here, before
    // Qt HTTP Server reads anything of them.
    void setAdmission(std::function<bool(QTcpSocket*)> admit) { m_admit = std::move(admit); }
    [[nodiscard]] bool isSecure() const { return m_tls.has_value(); }

Q_SIGNALS:
    // A connection can be taken with nextPendingConnection() (with TLS: an encrypted one).
    void ready();
    // A TLS handshake failed or did not finish in time.
    void handshakeFailed(const QString& address, const QString& reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void queue(QTcpSocket* socket);

    std::optional<QSslConfiguration> m_tls;
    std::function<bool(QTcpSocket*)> m_admit;
    int m_handshakeTimeoutMs = 10'000;
};

} // namespace stockline::sync
