#include "healthroutes.h"

#include "httpserver.h"
#include "stockarbiter.h"

namespace stockline::sync {

void HealthRoutes::add(HttpServer& http, const StockArbiter& arbiter)
{
    http.addRoute(QStringLiteral("/healthz"), [](const QHttpServerRequest&) {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    http.addRoute(QStringLiteral("/readyz"), [&arbiter](const QHttpServerRequest&) {
        const StockArbiter::Health health = arbiter.health();
        const bool ready = health.ready();
        return QHttpServerResponse(
            QByteArrayLiteral("text/plain"),
            (ready ? QStringLiteral("ready\n") : QStringLiteral("not ready\n")).toUtf8() +
                health.report().toUtf8(),
            ready ? QHttpServerResponse::StatusCode::Ok
                  : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
}

} // namespace stockline::sync
