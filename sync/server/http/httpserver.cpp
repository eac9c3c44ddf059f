#include "httpserver.h"

#include "serverlogging.h"
#include "tlslistener.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace stockline::sync {

HttpServer::HttpServer(Limits limits, QObject* parent)
    : QObject(parent), m_limits(limits), m_listener(new TlsListener(&m_http))
{
    m_listener->setAdmission([this](QTcpSocket* socket) { return admit(socket); });
    connect(m_listener, &TlsListener::handshakeFailed, this, &HttpServer::tlsHandshakeFailed);
}

HttpServer::~HttpServer() = default;

void HttpServer::useTls(const QSslConfiguration& configuration, int handshakeTimeoutMs)
{
    m_listener->useTls(configuration, handshakeTimeoutMs);
}

bool HttpServer::isSecure() const
{
    return m_listener->isSecure();
}

void HttpServer::addRoute(const QString& path, Handler handler)
{
    m_http.route(path, [handler = std::move(handler)](const QHttpServerRequest& request) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            QHttpServerResponse refused(QByteArrayLiteral("text/plain"),
                                        QByteArrayLiteral("only GET\n"),
                                        QHttpServerResponse::StatusCode::MethodNotAllowed);
            refused.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
            return refused;
        }
        if (!request.body().isEmpty())
            return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                       QByteArrayLiteral("a GET carries no body\n"),
                                       QHttpServerResponse::StatusCode::PayloadTooLarge);
        return handler(request);
    });
}

void HttpServer::setFallback(AsyncHandler handler)
{
    m_http.setMissingHandler(std::move(handler));
}

namespace {
const char* const idleTimerName = "stockline-idle";
} // namespace

void HttpServer::keepOpen(QTcpSocket* socket)
{
    if (auto* timer = socket->findChild<QTimer*>(QLatin1String(idleTimerName)))
        timer->stop();
}

Status HttpServer::listen(const QHostAddress& address, quint16 port)
{
    if (!m_listener->listen(address, port))
        return Error{QStringLiteral("--http-listen"), QStringLiteral("cannot listen on %1:%2: %3")
                                                          .arg(address.toString())
                                                          .arg(port)
                                                          .arg(m_listener->errorString())};
    m_http.bind(m_listener);
    return success();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_listener->serverAddress();
}

quint16 HttpServer::port() const
{
    return m_listener->serverPort();
}

// Connected before Qt HTTP Server takes the socket, so this sees every byte before Qt buffers
// it: a connection over its budget is cut before a large body or an endless header is kept.
bool HttpServer::admit(QTcpSocket* socket)
{
    if (m_open >= m_limits.maxConnections) {
        qCWarning(lcServer).noquote()
            << "HTTP port: refused a connection from" << socket->peerAddress().toString() << "over"
            << m_limits.maxConnections << "at once";
        return false;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    if (m_limits.bytesPerSecond > 0) {
        admitKeepAlive(socket);
        return true;
    }
    auto received = std::make_shared<qint64>(0);
    connect(socket, &QIODevice::readyRead, this, [this, socket, received] {
        *received += socket->bytesAvailable();
        if (*received > m_limits.maxBytesPerConnection)
            socket->abort();
    });
    QTimer::singleShot(m_limits.connectionLifetimeMs, socket, [socket] { socket->abort(); });
    return true;
}

} // namespace stockline::sync

namespace stockline::sync {

// A token bucket of bytes, and a timer that cuts the connection after so long without a byte.
// bytesAvailable() counts what is buffered, not what arrived: so a byte is counted once, the
// bucket is charged only for what grew since the last look.
void HttpServer::admitKeepAlive(QTcpSocket* socket)
{
    auto* idle = new QTimer(socket);
    idle->setObjectName(QLatin1String(idleTimerName));
    idle->setSingleShot(true);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start(m_limits.connectionLifetimeMs);
    struct Budget
    {
        double tokens;
        QElapsedTimer since;
    };
    auto budget = std::make_shared<Budget>(
        Budget{static_cast<double>(m_limits.maxBytesPerConnection), QElapsedTimer()});
    budget->since.start();
    connect(socket, &QIODevice::readyRead, this, [this, socket, idle, budget] {
        if (idle->isActive())
            idle->start(m_limits.connectionLifetimeMs);
        const double refill = static_cast<double>(budget->since.restart()) *
                              static_cast<double>(m_limits.bytesPerSecond) / 1000.0;
        budget->tokens =
            std::min(static_cast<double>(m_limits.maxBytesPerConnection), budget->tokens + refill);
        // Qt reads the whole request into its own buffer: what is still in the socket is new.
        budget->tokens -= static_cast<double>(socket->bytesAvailable());
        if (budget->tokens < 0)
            socket->abort();
    });
}

} // namespace stockline::sync
