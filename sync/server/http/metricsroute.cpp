#include "metricsroute.h"

#include "httpserver.h"
#include "servermetrics.h"

namespace stockline::sync {

void MetricsRoute::add(HttpServer& http, const ServerMetrics& metrics,
                       std::function<void()> beforeScrape)
{
    http.addRoute(QStringLiteral("/metrics"), [&metrics, refresh = std::move(beforeScrape)](
                                                  const QHttpServerRequest&) {
        if (refresh)
            refresh();
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   metrics.registry().exposition());
    });
}

} // namespace stockline::sync
