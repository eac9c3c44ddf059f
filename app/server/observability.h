#pragma once

#include "error.h"
#include "systemdnotify.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <memory>
#include <optional>

namespace stockline::sync {
class Clock;
class HttpServer;
class StockArbiter;
class SyncServer;
class WebApi;
} // namespace stockline::sync

// What `serve` shows of itself to those who watch it: the HTTP port (--http-listen: /healthz,
// /readyz, /metrics, and the web shop's API under /api/v1/) and systemd's readiness, watchdog
// and status.
class Observability
{
public:
    Observability(stockline::sync::StockArbiter& arbiter, stockline::sync::SyncServer& server);
    ~Observability();

    // With `tls`, the port serves HTTPS with the WebSocket port's certificate.
    [[nodiscard]] stockline::Status listenHttp(const QHostAddress& host, quint16 port,
                                               const std::optional<QSslConfiguration>& tls,
                                               int handshakeTimeoutMs,
                                               const stockline::sync::Clock& clock);
    // "http://127.0.0.1:9464/", empty when the port is off.
    [[nodiscard]] QString httpUrl() const;
    void ready() { m_notify.ready(); }
    void stopping() { m_notify.stopping(); }

private:
    [[nodiscard]] QString status() const;
    void refreshGauges();

    stockline::sync::StockArbiter& m_arbiter;
    stockline::sync::SyncServer& m_server;
    std::unique_ptr<stockline::sync::HttpServer> m_http;
    std::unique_ptr<stockline::sync::WebApi> m_api;
    SystemdNotify m_notify;
};
