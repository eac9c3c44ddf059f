#include "observability.h"

#include "healthroutes.h"
#include "httpserver.h"
#include "metricsroute.h"
#include "stockarbiter.h"
#include "syncserver.h"
#include "webapi.h"

using namespace stockline;
using namespace stockline::sync;

namespace {

// The web API is bounded as the WebSocket side is, by serve's same options.
WebApi::Limits apiLimitsLike(const ServerLimits& socketSide)
{
    WebApi::Limits limits;
    limits.requestsPerSecond = socketSide.messagesPerSecond;
    limits.requestBurst = socketSide.messageBurst;
    limits.failedTokens = socketSide.failedHellos;
    return limits;
}

} // namespace

Observability::Observability(StockArbiter& arbiter, SyncServer& server)
    : m_arbiter(arbiter), m_server(server),
      m_notify([this] { return m_arbiter.health().threadAnswers(); }, [this] { return status(); })
{
}

Observability::~Observability() = default;

Status Observability::listenHttp(const QHostAddress& host, quint16 port,
                                 const std::optional<QSslConfiguration>& tls,
                                 int handshakeTimeoutMs, const Clock& clock)
{
    m_http = std::make_unique<HttpServer>(HttpServer::apiLimits());
    if (tls)
        m_http->useTls(*tls, handshakeTimeoutMs);
    HealthRoutes::add(*m_http, m_arbiter);
    MetricsRoute::add(*m_http, m_arbiter.metrics(), [this] { refreshGauges(); });
    m_api = std::make_unique<WebApi>(*m_http, m_arbiter, clock, apiLimitsLike(m_server.limits()));
    QObject::connect(m_http.get(), &HttpServer::tlsHandshakeFailed, m_http.get(),
                     [this] { m_arbiter.metrics().tlsHandshakeFailed(); });
    return m_http->listen(host, port);
}

QString Observability::httpUrl() const
{
    if (!m_http)
        return {};
    const QHostAddress host = m_http->serverAddress();
    return QStringLiteral("%1://%2:%3/")
        .arg(m_http->isSecure() ? QStringLiteral("https") : QStringLiteral("http"),
             host.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host.toString() + u']'
                                                              : host.toString())
        .arg(m_http->port());
}

void Observability::refreshGauges()
{
    ServerMetrics& metrics = m_arbiter.metrics();
    metrics.setTerminalsConnected(m_server.terminalsByRole());
    metrics.setConnectionsOpen(m_server.connectionCount());
    metrics.setOutboxBacklogs(m_server.outboxBacklogs());
    metrics.setStorageUp(m_arbiter.health().ready());
}

QString Observability::status() const
{
    const QMap<Role, int> byRole = m_server.terminalsByRole();
    int terminals = 0;
    QStringList parts;
    for (auto it = byRole.cbegin(); it != byRole.cend(); ++it) {
        terminals += it.value();
        parts.append(QStringLiteral("%1 %2").arg(roleName(it.key())).arg(it.value()));
    }
    const StockArbiter::Health health = m_arbiter.health();
    return QStringLiteral("%1 terminals connected%2; %3")
        .arg(terminals)
        .arg(parts.isEmpty() ? QString()
                             : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + u')')
        .arg(health.ready() ? QStringLiteral("ready")
                            : QStringLiteral("not ready: ") +
                                  health.report().trimmed().replace(u'\n', QStringLiteral("; ")));
}
