#include "webapi.h"

#include "apirequests.h"
#include "httpserver.h"
#include "levelstream.h"
#include "serverlogging.h"
#include "stockarbiter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace stockline::sync {

namespace {

using Method = QHttpServerRequest::Method;

const QString apiPrefix = QStringLiteral("/api/v1/");

QByteArray requestHash(const WebApi::Call& call)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(static_cast<int>(call.method)));
    hash.addData(call.path.join(u'/').toUtf8());
    hash.addData(QByteArrayLiteral("\n"));
    hash.addData(call.body);
    return hash.result().toHex();
}

// An Idempotency-Key: 1–200 visible ASCII characters, as a client's UUID or order number is.
bool validKey(const QString& key)
{
    return !key.isEmpty() && key.size() <= 200 &&
           std::all_of(key.begin(), key.end(), [](QChar c) { return c > u' ' && c < u'\x7f'; });
}

} // namespace

void WebApi::Call::reply(int status, const QByteArray& json) const
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client went away; a retry with its key gets the stored answer
    responder->write(json,
                     {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                     static_cast<QHttpServerResponder::StatusCode>(status));
}

WebApi::WebApi(HttpServer& http, StockArbiter& arbiter, const Clock& clock, Limits limits,
               QObject* parent)
    : QObject(parent), m_http(http), m_arbiter(arbiter), m_clock(clock), m_limits(limits),
      m_stream(new LevelStream(arbiter, this)), m_failedTokens(limits.failedTokens)
{
    m_monotonic.start();
    m_dropAnswers = qEnvironmentVariableIntValue("STOCKLINE_TEST_WEBAPI_DROP_ANSWERS") == 1;
    if (m_dropAnswers)
        qCWarning(lcServer) << "web API: STOCKLINE_TEST_WEBAPI_DROP_ANSWERS is set: writes are "
                               "committed and never answered";
    connect(&m_arbiter, &StockArbiter::pushesDone, this, &WebApi::onPushesDone);
    m_http.setFallback([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handle(request, std::move(responder));
    });
}

WebApi::~WebApi() = default;

// Qt reuses the request object for the connection's next request: everything needed later is
// copied out here.
void WebApi::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    auto call = std::make_shared<Call>();
    call->socket = responder.socket();
    call->responder = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QString path = request.url().path();
    if (!path.startsWith(apiPrefix)) {
        call->reply(404, webapi::errorBody(QStringLiteral("not_found"),
                                           QStringLiteral("no such path: %1").arg(path)));
        return;
    }
    call->method = request.method();
    call->path = path.mid(apiPrefix.size()).split(u'/');
    call->query = request.url().query(QUrl::FullyEncoded).toUtf8();
    call->body = request.body();
    call->idempotencyKey = QString::fromUtf8(request.value(QByteArrayLiteral("idempotency-key")));
    call->lastEventId = request.value(QByteArrayLiteral("last-event-id"));
    call->address = request.remoteAddress().toString();
    const QByteArray authorization = request.value(QByteArrayLiteral("authorization"));
    if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
        call->reply(401, webapi::errorBody(QStringLiteral("unauthorized"),
                                           QStringLiteral("send the channel terminal's token as "
                                                          "Authorization: Bearer TOKEN")));
        return;
    }
    authenticate(call, QString::fromUtf8(authorization.mid(7)).trimmed());
}

void WebApi::authenticate(const CallPtr& call, const QString& token)
{
    if (const qint64 refused = m_failedTokens.refusedFor(call->address, nowMs()); refused > 0) {
        call->reply(429, webapi::errorBody(QStringLiteral("rate_limited"),
                                           QStringLiteral("too many bad tokens from %1; try again "
                                                          "in %2 s")
                                               .arg(call->address)
                                               .arg((refused + 999) / 1000)));
        return;
    }
    const auto known = m_tokens.constFind(token);
    if (known != m_tokens.cend() && nowMs() - known->atMs < m_limits.authCacheMs) {
        authenticated(call, known->terminal);
        return;
    }
    QPointer<WebApi> self(this);
    m_arbiter.submitRead([self, call, token](ArbiterStore& store) {
        Result<std::optional<TerminalInfo>> found = store.authenticateBearer(token);
        QMetaObject::invokeMethod(
            self.data(),
            [self, call, token, found = std::move(found)] {
                if (!self)
                    return;
                if (!found) {
                    call->reply(503, webapi::errorBody(QStringLiteral("unavailable"),
                                                       found.error().toString()));
                    return;
                }
                if (*found)
                    self->m_tokens.insert(token, Known{**found, self->nowMs()});
                else
                    self->m_tokens.remove(token);
                self->authenticated(call, *found);
            },
            Qt::QueuedConnection);
    });
}

void WebApi::authenticated(const CallPtr& call, const std::optional<TerminalInfo>& terminal)
{
    if (!terminal) {
        m_failedTokens.recordFailure(call->address, nowMs());
        call->reply(401, webapi::errorBody(QStringLiteral("unauthorized"),
                                           QStringLiteral("unknown or revoked token")));
        return;
    }
    call->terminal = *terminal;
    const bool reads = call->method == Method::Get;
    if (terminal->role != Role::Channel && !(reads && terminal->role == Role::Manager)) {
        QJsonObject body{{QStringLiteral("error"), QStringLiteral("forbidden")},
                         {QStringLiteral("role"), roleName(terminal->role)},
                         {QStringLiteral("message"),
                          QStringLiteral("a %1 terminal's token may not %2 the web API; use a "
                                         "channel terminal's token")
                              .arg(roleName(terminal->role),
                                   reads ? QStringLiteral("read") : QStringLiteral("write to"))}};
        call->reply(403, QJsonDocument(body).toJson(QJsonDocument::Compact));
        return;
    }
    // Per connection, as a WebSocket's messages are: a shop scales by opening connections,
    // which the port bounds.
    QTcpSocket* socket = call->socket;
    if (!socket)
        return;
    auto bucket = m_buckets.find(socket);
    if (bucket == m_buckets.end()) {
        bucket = m_buckets.insert(
            socket, MessageBucket(m_limits.requestsPerSecond, m_limits.requestBurst, nowMs()));
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buckets.remove(socket); });
    }
    if (!bucket->take(nowMs())) {
        call->reply(429, webapi::errorBody(QStringLiteral("rate_limited"),
                                           QStringLiteral("more than %1 requests a second on "
                                                          "one connection")
                                               .arg(m_limits.requestsPerSecond)));
        return;
    }
    dispatch(call);
}

void WebApi::dispatch(const CallPtr& call)
{
    const QStringList& p = call->path;
    const QString resource = p.value(0);
    const auto only = [&](Method method) {
        if (call->method == method)
            return true;
        call->reply(405,
                    webapi::errorBody(QStringLiteral("method_not_allowed"),
                                      QStringLiteral("%1 takes another method").arg(p.join(u'/'))));
        return false;
    };
    if (resource == QLatin1String("levels") && p.size() == 1) {
        if (only(Method::Get))
            getLevels(call);
    } else if (resource == QLatin1String("levels") && p.size() == 2 &&
               p.at(1) == QLatin1String("stream")) {
        if (only(Method::Get))
            m_stream->open(call);
    } else if ((resource == QLatin1String("holds") && p.size() <= 2) ||
               ((resource == QLatin1String("orders") || resource == QLatin1String("returns")) &&
                p.size() == 1)) {
        if (only(p.size() == 2 ? Method::Delete : Method::Post))
            write(call);
    } else {
        call->reply(
            404, webapi::errorBody(QStringLiteral("not_found"),
                                   QStringLiteral("no such path: /api/v1/%1").arg(p.join(u'/'))));
    }
}

void WebApi::write(const CallPtr& call)
{
    if (!validKey(call->idempotencyKey)) {
        call->reply(400, webapi::errorBody(QStringLiteral("invalid"),
                                           QStringLiteral("every write needs an Idempotency-Key "
                                                          "header of 1-200 visible characters"),
                                           QStringLiteral("Idempotency-Key")));
        return;
    }
    const QString resource = call->path.at(0);
    const QDateTime now = m_clock.now();
    Result<webapi::ApiWrite> made = Error{};
    if (call->path.size() == 2) {
        if (!call->body.isEmpty()) {
            call->reply(400, webapi::errorBody(QStringLiteral("invalid"),
                                               QStringLiteral("a DELETE carries no body"),
                                               QStringLiteral("body")));
            return;
        }
        made = webapi::releaseRequest(call->path.at(1), now);
    } else {
        const Result<QJsonObject> body = webapi::parseBody(call->body);
        if (!body) {
            const bool large = call->body.size() > webapi::maxBodyBytes;
            call->reply(large ? 413 : 400,
                        webapi::errorBody(large ? QStringLiteral("too_large")
                                                : QStringLiteral("invalid_json"),
                                          body.error().toString(), body.error().field));
            return;
        }
        if (resource == QLatin1String("holds"))
            made = webapi::holdRequest(*body, now);
        else if (resource == QLatin1String("orders"))
            made = webapi::orderRequest(*body, now);
        else
            made = webapi::returnRequest(*body, call->terminal.id, now);
    }
    if (!made) {
        call->reply(400, webapi::errorBody(QStringLiteral("invalid"), made.error().toString(),
                                           made.error().field));
        return;
    }
    ApiCall api;
    api.key = call->idempotencyKey;
    api.requestHash = requestHash(*call);
    api.render = std::move(made.value().render);
    submit(call, std::move(made.value().mutation), std::move(api));
}

void WebApi::submit(const CallPtr& call, Mutation mutation, ApiCall api)
{
    const quint64 connection = m_nextConnection++;
    PushEntry entry;
    entry.seq = 0; // the store allocates it
    entry.id = mutation.id;
    entry.mutation = std::move(mutation);
    PushRequest push;
    push.connection = connection;
    push.terminal = call->terminal.id;
    push.entries = {entry};
    push.api = std::make_shared<const ApiCall>(std::move(api));
    m_pending.emplace(connection, call);
    m_arbiter.submitPush(std::move(push));
}

void WebApi::onPushesDone(const QList<PushOutcome>& outcomes)
{
    for (const PushOutcome& outcome : outcomes) {
        if (!outcome.fromApi)
            continue;
        const auto it = m_pending.find(outcome.connection);
        if (it == m_pending.end())
            continue;
        const CallPtr call = it->second;
        m_pending.erase(it);
        if (outcome.revoked)
            m_tokens.clear(); // the next request reads its token again
        if (m_dropAnswers && outcome.answer) {
            if (call->socket)
                call->socket->abort();
            continue;
        }
        if (outcome.answer)
            call->reply(outcome.answer->status, outcome.answer->body);
        else
            call->reply(503, webapi::errorBody(QStringLiteral("unavailable"),
                                               outcome.error ? outcome.error->message
                                                             : QStringLiteral("not applied"),
                                               {}));
    }
}

void WebApi::getLevels(const CallPtr& call)
{
    const QUrlQuery query(QString::fromUtf8(call->query));
    const QString sku = query.queryItemValue(QStringLiteral("sku"));
    const QString location = query.queryItemValue(QStringLiteral("location"));
    QPointer<WebApi> self(this);
    m_arbiter.submitRead([self, call, sku, location](ArbiterStore& store) {
        Result<Levels> levels = store.levelsSince(0);
        QJsonObject body;
        int status = 200;
        if (!levels) {
            status = 503;
            body = QJsonDocument::fromJson(
                       webapi::errorBody(QStringLiteral("unavailable"), levels.error().toString()))
                       .object();
        } else {
            QJsonArray out;
            for (const StockLevel& level : levels->levels) {
                if ((sku.isEmpty() || level.sku == sku) &&
                    (location.isEmpty() || level.location == location))
                    out.append(webapi::levelJson(level));
            }
            body = {{QStringLiteral("cursor"), levels->cursor}, {QStringLiteral("levels"), out}};
        }
        QMetaObject::invokeMethod(
            self.data(),
            [call, status, json = QJsonDocument(body).toJson(QJsonDocument::Compact)] {
                call->reply(status, json);
            },
            Qt::QueuedConnection);
    });
}

} // namespace stockline::sync
