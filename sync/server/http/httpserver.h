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
// (HealthRoutes, MetricsRoute, WebApi) add their paths. Health and metrics routes take only
// GET without a body; the web API (setFallback) reads bodies and answers later. Everything is
// bounded before Qt reads a byte (Qt 6.4's server has no limits of its own): so many
// connections at once, so many bytes per connection (or per second, with bytesPerSecond), so
// long a connection (or so long idle). Plain HTTP, or HTTPS with the WebSocket port's
// certificate when it has one.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxConnections = 16;
        qint64 maxBytesPerConnection = 16 * 1024; // a GET is a few hundred bytes
        int connectionLifetimeMs = 10'000;        // a scraper reconnects; a slow one is cut
        // 0: maxBytesPerConnection is the connection's whole budget and connectionLifetimeMs its
        // whole life. Else a token bucket (maxBytesPerConnection at once, refilled this much a
        // second) and connectionLifetimeMs counts from the last byte received (keep-alive).
        qint64 bytesPerSecond = 0;
    };
    // The web API's: keep-alive connections of many requests, bodies up to 64 KiB, streams.
    [[nodiscard]] static Limits apiLimits() { return {2'048, 256 * 1024, 30'000, 256 * 1024}; }
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest&)>;
    // Answers through the responder, now or later (any method, any body).
    using AsyncHandler = std::function<void(const QHttpServerRequest&, QHttpServerResponder&&)>;

    explicit HttpServer(QObject* parent = nullptr) : HttpServer(Limits{}, parent) {}
    explicit HttpServer(Limits limits, QObject* parent = nullptr);
    ~HttpServer() override;

    // Before listen(): HTTPS with this certificate and key.
    void useTls(const QSslConfiguration& configuration, int handshakeTimeoutMs);
    // `path` answers GET with `handler`; any other method 405, a body 413.
    void addRoute(const QString& path, Handler handler);
    // Every request no route takes (else 404).
    void setFallback(AsyncHandler handler);
    // The connection stays open while it receives nothing (a stream it is sent).
    static void keepOpen(QTcpSocket* socket);
    [[nodiscard]] Status listen(const QHostAddress& address, quint16 port);
    [[nodiscard]] QHostAddress serverAddress() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] bool isSecure() const;

Q_SIGNALS:
    void tlsHandshakeFailed();

private:
    [[nodiscard]] bool admit(QTcpSocket* socket);
    void admitKeepAlive(QTcpSocket* socket);

    Limits m_limits;
    int m_open = 0; // before m_http: its sockets count down as it destroys them
    QHttpServer m_http;
    TlsListener* m_listener; // a child of m_http
};

} // namespace stockline::sync
