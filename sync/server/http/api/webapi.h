#pragma once

#include "clock.h"
#include "ratelimit.h"
#include "serverstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <functional>
#include <memory>
#include <unordered_map>

namespace stockline::sync {

class HttpServer;
class LevelStream;
class StockArbiter;

// The web shop's HTTP API (issue 22, sync/PROTOCOL.md "HTTP API"), on the HTTP port. A channel
// terminal's token is its bearer token; every write becomes one mutation that the arbiter
// decides like a terminal's push, at the terminal's next seq, with its answer stored under the
// request's Idempotency-Key in the same transaction. Lives on the socket thread; never touches
// storage itself.
class WebApi : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        // The WebSocket side's bounds (serve's options): requests per connection as its
        // messages, bad tokens per address as its failed hellos.
        int requestsPerSecond = 1'000;
        int requestBurst = 2'000;
        FailedHellos::Limits failedTokens;
        qint64 authCacheMs = 1'000; // a revoked token is refused within this
    };

    WebApi(HttpServer& http, StockArbiter& arbiter, const Clock& clock, Limits limits,
           QObject* parent = nullptr);
    ~WebApi() override;

    // One request being answered; its responder outlives the route handler.
    struct Call
    {
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QHttpServerRequest::Method method{};
        QStringList path; // after /api/v1/
        QByteArray query;
        QByteArray body;
        QString idempotencyKey;
        QByteArray lastEventId;
        QString address;
        TerminalInfo terminal;

        void reply(int status, const QByteArray& json) const;
    };
    using CallPtr = std::shared_ptr<Call>;

private:
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void authenticate(const CallPtr& call, const QString& token);
    void authenticated(const CallPtr& call, const std::optional<TerminalInfo>& terminal);
    void dispatch(const CallPtr& call);
    void write(const CallPtr& call);
    void submit(const CallPtr& call, Mutation mutation, ApiCall api);
    void getLevels(const CallPtr& call);
    void onPushesDone(const QList<stockline::sync::PushOutcome>& outcomes);
    [[nodiscard]] qint64 nowMs() const { return m_monotonic.elapsed(); }

    HttpServer& m_http;
    StockArbiter& m_arbiter;
    const Clock& m_clock;
    Limits m_limits;
    QElapsedTimer m_monotonic;
    LevelStream* m_stream;
    struct Known
    {
        TerminalInfo terminal;
        qint64 atMs = 0;
    };
    QHash<QString, Known> m_tokens;                    // by token; refreshed after authCacheMs
    QHash<const QTcpSocket*, MessageBucket> m_buckets; // by connection
    FailedHellos m_failedTokens;                       // by address
    std::unordered_map<quint64, CallPtr> m_pending;
    quint64 m_nextConnection = 1ULL << 62; // apart from the WebSocket sessions' numbers
    // Tests only (STOCKLINE_TEST_WEBAPI_DROP_ANSWERS=1): a write's connection is cut after its
    // commit instead of answered, as if the server died between the two.
    bool m_dropAnswers = false;
};

} // namespace stockline::sync
