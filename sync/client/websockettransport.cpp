#include "websockettransport.h"

#include "fingerprint.h"
#include "protocol.h"

#include <QSslConfiguration>

namespace stockline::sync {

namespace {

// The server's own certificate among the errors of a failed verification: a self-signed one
// is reported as such, and a name mismatch always concerns the server's certificate.
QSslCertificate serverCertificate(const QList<QSslError>& errors)
{
    for (const QSslError& e : errors)
        if (e.error() == QSslError::SelfSignedCertificate ||
            e.error() == QSslError::HostNameMismatch)
            return e.certificate();
    return QSslCertificate();
}

QString errorList(const QList<QSslError>& errors)
{
    QStringList texts;
    for (const QSslError& e : errors)
        texts.append(e.errorString());
    texts.removeDuplicates();
    return texts.join(QStringLiteral("; "));
}

} // namespace

WebSocketTransport::WebSocketTransport(QByteArray pinnedSha256, QObject* parent)
    : Transport(parent), m_pin(std::move(pinnedSha256))
{
    if (!m_pin.isEmpty()) {
        // Pinned: the fingerprint decides, not whichever authority signed the certificate, so
        // a certificate some authority issued to someone else is still refused.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({});
        m_socket.setSslConfiguration(tls);
    }
    connect(&m_socket, &QWebSocket::sslErrors, this,
            [this](const QList<QSslError>& errors) { onSslErrors(errors); });
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

void WebSocketTransport::onSslErrors(const QList<QSslError>& errors)
{
    if (m_pin.isEmpty()) {
        m_tlsProblem = tr("the server's certificate is not trusted (%1): pin its "
                          "fingerprint when enrolling this terminal, or give the "
                          "server a certificate from a trusted authority")
                           .arg(errorList(errors));
        return; // not ignored: Qt ends the handshake
    }
    const QSslCertificate certificate = serverCertificate(errors);
    if (certificate.isNull()) {
        m_tlsProblem = tr("the server's certificate cannot be checked against the "
                          "pinned fingerprint (%1)")
                           .arg(errorList(errors));
        return;
    }
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    if (digest != m_pin) {
        m_tlsProblem = tr("the server's certificate (SHA-256 %1) is not the pinned one (SHA-256 "
                          "%2): refusing to connect. If the server's certificate was replaced, "
                          "enrol this terminal again with the new fingerprint; if not, someone "
                          "may be posing as the server")
                           .arg(sha256FingerprintText(digest), sha256FingerprintText(m_pin));
        return;
    }
    m_socket.ignoreSslErrors(errors);
}

void WebSocketTransport::open(const QUrl& url)
{
    m_tlsProblem.clear();
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
        Q_EMIT closed(0, m_tlsProblem.isEmpty() ? m_socket.errorString() : m_tlsProblem);
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
