#pragma once

#include <functional>

namespace stockline::sync {

class HttpServer;
class ServerMetrics;

// /metrics in Prometheus' text format. `beforeScrape` sets the gauges read from live state
// (connections by role, storage up) just before they are rendered.
class MetricsRoute
{
public:
    static void add(HttpServer& http, const ServerMetrics& metrics,
                    std::function<void()> beforeScrape);
};

} // namespace stockline::sync
