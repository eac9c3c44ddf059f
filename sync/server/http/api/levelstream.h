#pragma once

#include "serverstore.h"
#include "webapi.h"

#include <QObject>
#include <QTimer>
#include <list>

namespace stockline::sync {

class StockArbiter;

// GET /api/v1/levels/stream: Server-Sent Events of level changes. Each event's id is the levels
// cursor after it, so a client that reconnects with Last-Event-ID gets what it missed (every
// level changed since, or all of them if the cursor is unknown) and then the live changes.
// Qt 6.4's QHttpServerResponder writes a status line, headers and then body bytes whenever it
// is asked, so the responder is kept and written to after each commit: the response has no
// Content-Length and ends when the connection does.
class LevelStream : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxClients = 1'000;
    static constexpr int heartbeatMs = 15'000; // a comment line: proxies keep the stream open
    static constexpr qint64 maxBacklogBytes = 8 * 1024 * 1024; // unread by a client: cut

    explicit LevelStream(StockArbiter& arbiter, QObject* parent = nullptr);

    // Starts the stream: the catch-up event, then every commit.
    void open(const WebApi::CallPtr& call);

private:
    struct Client
    {
        WebApi::CallPtr call;
        qint64 cursor = 0; // the last event sent
        QString sku;       // optional filters
        QString location;
    };
    void onCommitted(const stockline::sync::CommitEffects& effects);
    void started(const WebApi::CallPtr& call, const QString& sku, const QString& location,
                 const Levels& levels);
    // The SSE event of the levels that pass the filters; empty if none does and not `full`.
    [[nodiscard]] static QByteArray event(qint64 cursor, const QList<StockLevel>& levels, bool full,
                                          const QString& sku, const QString& location);
    // Writes the event (nothing if empty); false if the client is gone or was cut.
    [[nodiscard]] static bool send(Client& client, const QByteArray& event);
    void heartbeat();

    StockArbiter& m_arbiter;
    std::list<Client> m_clients;
    QTimer m_heartbeat;
};

} // namespace stockline::sync
