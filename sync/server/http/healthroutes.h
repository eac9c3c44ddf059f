#pragma once

namespace stockline::sync {

class HttpServer;
class StockArbiter;

// /healthz: the process serves (its event loop answered). /readyz: 200 while the arbiter is
// ready (StockArbiter::Health), else 503; the body says what was checked, a line each.
class HealthRoutes
{
public:
    static void add(HttpServer& http, const StockArbiter& arbiter);
};

} // namespace stockline::sync
