#pragma once

#include "transport.h"

#include <QWebSocket>

namespace stockline::sync {

// A WebSocket to the server. For wss:// the server's certificate is checked: by the system's
// certificate authorities, or — given a pinned SHA-256 fingerprint — by that fingerprint alone
// (the usual case on a store's LAN: a self-signed certificate). A certificate that fails the
// check ends the connection before anything is sent, and closed() says why, naming both
// fingerprints on a mismatch.
class WebSocketTransport final : public Transport
{
    Q_OBJECT

public:
    // `pinnedSha256`: 32 bytes (core/fingerprint.h), or empty for the system's authorities.
    explicit WebSocketTransport(QByteArray pinnedSha256 = {}, QObject* parent = nullptr);

    void open(const QUrl& url) override;
    void close() override;
    void send(const QByteArray& message) override;
    [[nodiscard]] bool isOpen() const override;
    [[nodiscard]] qint64 bytesPending() const override;

private:
    void reportClosed();
    void onSslErrors(const QList<QSslError>& errors);

    QWebSocket m_socket;
    QByteArray m_pin;
    QString m_tlsProblem; // why the last handshake was refused; empty if it was not
    bool m_connecting = false;
    bool m_connected = false;
};

} // namespace stockline::sync
