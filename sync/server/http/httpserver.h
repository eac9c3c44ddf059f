#pragma once

#include "error.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QObject>
#include <QSslConfiguration>
#include <functional>

namespace stockline::sync {

class TlsListener;

// The server's HTTP port (--http-listen): one Qt HTTP Server, to which small route classes
// (HealthRoutes, MetricsRoute; later the web API) add their paths. Read-only and small by
// design: only GET, no request body, and bounded before Qt reads a byte (Qt 6.4's server has
// no limits of its own): so many connections at once, so many bytes per connection, so long a
// connection. Plain HTTP, or HTTPS with the WebSocket port's certificate when it has one.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxConnections = 16;
        qint64 maxBytesPerConnection = 16 * 1024; // a GET is a few hundred bytes
        int connectionLifetimeMs = 10'000;        // a scraper reconnects; a slow one is cut
    };
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest&)>;

    explicit HttpServer(QObject* parent = nullptr) : HttpServer(Limits{}, parent) {}
    explicit HttpServer(Limits limits, QObject* parent = nullptr);
    ~HttpServer() override;

    // Before listen(): HTTPS with this certificate and key.
    void useTls(const QSslConfiguration& configuration, int handshakeTimeoutMs);
    // `path` answers GET with `handler`; any other method 405, a body 413.
    void addRoute(const QString& path, Handler handler);
    [[nodiscard]] Status listen(const QHostAddress& address, quint16 port);
    [[nodiscard]] QHostAddress serverAddress() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] bool isSecure() const;

Q_SIGNALS:
    void tlsHandshakeFailed();

private:
    [[nodiscard]] bool admit(QTcpSocket* socket);

    Limits m_limits;
    int m_open = 0; // before m_http: its sockets count down as it destroys them
    QHttpServer m_http;
    TlsListener* m_listener; // a child of m_http
};

} // namespace stockline::sync
