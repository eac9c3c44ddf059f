#include "levelstream.h"

#include "apirequests.h"
#include "httpserver.h"
#include "stockarbiter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace stockline::sync {

LevelStream::LevelStream(StockArbiter& arbiter, QObject* parent)
    : QObject(parent), m_arbiter(arbiter)
{
    connect(&m_arbiter, &StockArbiter::committed, this, &LevelStream::onCommitted);
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &LevelStream::heartbeat);
    m_heartbeat.start();
}

void LevelStream::open(const WebApi::CallPtr& call)
{
    if (m_clients.size() >= maxClients) {
        call->reply(503,
                    webapi::errorBody(
                        QStringLiteral("unavailable"),
                        QStringLiteral("%1 streams are open; try again later").arg(maxClients)));
        return;
    }
    bool numeric = false;
    const qint64 since = call->lastEventId.isEmpty() ? 0 : call->lastEventId.toLongLong(&numeric);
    if (!call->lastEventId.isEmpty() && (!numeric || since < 0)) {
        call->reply(400, webapi::errorBody(QStringLiteral("invalid"),
                                           QStringLiteral("must be a levels cursor, an integer"),
                                           QStringLiteral("Last-Event-ID")));
        return;
    }
    const QUrlQuery query(QString::fromUtf8(call->query));
    const QString sku = query.queryItemValue(QStringLiteral("sku"));
    const QString location = query.queryItemValue(QStringLiteral("location"));
    QPointer<LevelStream> self(this);
    // Read on the storage thread, answered through this thread's queue: a commit after the
    // read is announced after this answer, one before it is in the read.
    m_arbiter.submitRead([self, call, since, sku, location](ArbiterStore& store) {
        Result<Levels> levels = store.levelsSince(since);
        QMetaObject::invokeMethod(
            self.data(),
            [self, call, sku, location, levels = std::move(levels)] {
                if (!levels) {
                    call->reply(503, webapi::errorBody(QStringLiteral("unavailable"),
                                                       levels.error().toString()));
                    return;
                }
                if (self)
                    self->started(call, sku, location, *levels);
            },
            Qt::QueuedConnection);
    });
}

void LevelStream::started(const WebApi::CallPtr& call, const QString& sku, const QString& location,
                          const Levels& levels)
{
    if (!call->socket || call->socket->state() != QAbstractSocket::ConnectedState)
        return;
    HttpServer::keepOpen(call->socket);
    QHttpServerResponder& r = *call->responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    r.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream"));
    r.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    r.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    // Ask EventSource to come back after a second: it resumes from Last-Event-ID.
    r.writeBody(QByteArrayLiteral("retry: 1000\n\n"));
    Client client{call, levels.cursor, sku, location};
    if (send(client, event(levels.cursor, levels.levels, levels.full, sku, location)))
        m_clients.push_back(std::move(client));
}

QByteArray LevelStream::event(qint64 cursor, const QList<StockLevel>& levels, bool full,
                              const QString& sku, const QString& location)
{
    QJsonArray out;
    for (const StockLevel& level : levels) {
        if ((sku.isEmpty() || level.sku == sku) &&
            (location.isEmpty() || level.location == location))
            out.append(webapi::levelJson(level));
    }
    if (out.isEmpty() && !full)
        return {};
    const QJsonObject data{{QStringLiteral("cursor"), cursor},
                           {QStringLiteral("full"), full},
                           {QStringLiteral("levels"), out}};
    return QByteArrayLiteral("id: ") + QByteArray::number(cursor) +
           QByteArrayLiteral("\nevent: levels\ndata: ") +
           QJsonDocument(data).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

bool LevelStream::send(Client& client, const QByteArray& event)
{
    QTcpSocket* socket = client.call->socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return false;
    // A client that stopped reading is cut rather than buffered for without end; it comes
    // back with Last-Event-ID and gets what it missed in one event.
    if (socket->bytesToWrite() > maxBacklogBytes) {
        socket->abort();
        return false;
    }
    if (!event.isEmpty())
        client.call->responder->writeBody(event);
    return true;
}

void LevelStream::onCommitted(const CommitEffects& effects)
{
    if (effects.levels.isEmpty())
        return;
    // Built once for every client without a filter: the same bytes to all of them.
    const QByteArray everything = event(effects.cursor, effects.levels, false, {}, {});
    for (auto it = m_clients.begin(); it != m_clients.end();) {
        if (effects.cursor <= it->cursor) {
            ++it;
            continue;
        }
        const bool filtered = !it->sku.isEmpty() || !it->location.isEmpty();
        if (!send(*it, filtered
                           ? event(effects.cursor, effects.levels, false, it->sku, it->location)
                           : everything)) {
            it = m_clients.erase(it);
            continue;
        }
        it->cursor = effects.cursor;
        ++it;
    }
}

void LevelStream::heartbeat()
{
    static const QByteArray comment = QByteArrayLiteral(": keep-alive\n\n");
    for (auto it = m_clients.begin(); it != m_clients.end();)
        it = send(*it, comment) ? std::next(it) : m_clients.erase(it);
}

} // namespace stockline::sync
