// The web shop's HTTP API (issue 22), from outside the real server process, with curl as the
// client: the checkout, hold expiry on the server's clock, idempotent retries (also across a
// kill -9 between commit and answer), a till and the web racing for the last units, the level
// stream, and every kind of bad request refused with nothing applied. Run on SQLite and, as
// tst_webapi_pg, on PostgreSQL.

#include "serverfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace conformance;

namespace {

struct Reply
{
    int status = 0; // 0: no HTTP answer
    QJsonObject body;
    QByteArray raw;
};

// One request with curl: method, path under /api/v1/, token, Idempotency-Key, JSON body.
class Api
{
public:
    Api(QUrl base, QString token) : m_base(std::move(base)), m_token(std::move(token)) {}

    [[nodiscard]] QStringList arguments(const QString& method, const QString& path,
                                        const QString& key = {}, const QByteArray& body = {},
                                        const QString& token = {}) const
    {
        QStringList args{QStringLiteral("-s"),
                         QStringLiteral("-m"),
                         QStringLiteral("20"),
                         QStringLiteral("-w"),
                         QStringLiteral("\n%{http_code}"),
                         QStringLiteral("-X"),
                         method};
        const QString bearer = token.isNull() ? m_token : token;
        if (!bearer.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Authorization: Bearer ") + bearer;
        if (!key.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Idempotency-Key: ") + key;
        if (!body.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                 << QStringLiteral("--data-binary") << QString::fromUtf8(body);
        args << m_base.resolved(QUrl(QStringLiteral("api/v1/") + path)).toString();
        return args;
    }

    // curl -N on the level stream, as a product page's server would hold it open.
    [[nodiscard]] QStringList streamArguments(const QString& query,
                                              const QByteArray& lastEventId = {}) const
    {
        QStringList args{QStringLiteral("-s"), QStringLiteral("-N"), QStringLiteral("-H"),
                         QStringLiteral("Authorization: Bearer ") + m_token};
        if (!lastEventId.isEmpty())
            args << QStringLiteral("-H")
                 << QStringLiteral("Last-Event-ID: ") + QString::fromLatin1(lastEventId);
        return args
               << m_base.resolved(QUrl(QStringLiteral("api/v1/levels/stream") + query)).toString();
    }

    static Reply parse(QByteArray out)
    {
        const qsizetype cut = out.lastIndexOf('\n');
        Reply reply;
        reply.status = out.mid(cut + 1).toInt();
        reply.raw = out.left(cut);
        reply.body = QJsonDocument::fromJson(reply.raw).object();
        return reply;
    }

    Reply call(const QString& method, const QString& path, const QString& key = {},
               const QByteArray& body = {}, const QString& token = {}) const
    {
        QProcess p;
        p.start(QStringLiteral("curl"), arguments(method, path, key, body, token));
        if (!p.waitForFinished(30'000))
            return {};
        return parse(p.readAllStandardOutput());
    }
    Reply post(const QString& path, const QString& key, const QJsonObject& body) const
    {
        return call(QStringLiteral("POST"), path, key, compact(body).toUtf8());
    }
    Reply get(const QString& path, const QString& token = {}) const
    {
        return call(QStringLiteral("GET"), path, {}, {}, token);
    }
    // "onHand/reserved/available" of one level as the API reads it.
    QString level(const QString& sku, const QString& location = store1) const
    {
        const Reply r = get(QStringLiteral("levels?sku=%1&location=%2").arg(sku, location));
        return summary(r.body.value(QStringLiteral("levels")).toArray().at(0).toObject());
    }

private:
    QUrl m_base;
    QString m_token;
};

QJsonObject holdBody(const QString& sku, qint64 qty, qint64 ttl = 600)
{
    return {{QStringLiteral("sku"), sku},
            {QStringLiteral("location"), store1},
            {QStringLiteral("qty"), qty},
            {QStringLiteral("ttl"), ttl}};
}

QJsonObject orderBody(const QString& reference, const QString& sku, qint64 qty,
                      const QString& hold = {})
{
    QJsonObject line{
        {QStringLiteral("sku"), sku}, {QStringLiteral("qty"), qty}, {QStringLiteral("price"), 399}};
    if (!hold.isEmpty())
        line.insert(QStringLiteral("hold"), hold);
    return {{QStringLiteral("reference"), reference},
            {QStringLiteral("location"), store1},
            {QStringLiteral("lines"), QJsonArray{line}},
            {QStringLiteral("payments"),
             QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("card")},
                                    {QStringLiteral("amount"), 399 * qty}}}}};
}

} // namespace

class TestWebApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> m_store;

    [[nodiscard]] bool
    start(const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        m_store->server().setEnvironment(environment);
        m_store->server().setServeArguments(
            {QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0")});
        return m_store->start() && m_store->server().httpUrl().isValid();
    }
    [[nodiscard]] Api web() const
    {
        return {m_store->server().httpUrl(), m_store->token(QStringLiteral("WEB-01"))};
    }

    // POS-01 sells all 3 C3 while `api` orders them, both sent at once: the till's result and
    // the web's answer.
    std::pair<QJsonObject, Reply> raceForC3(const Api& api, const QString& name)
    {
        Session till = m_store->connect(QStringLiteral("POS-01"));
        if (!till.ok())
            return {};
        QProcess curl;
        curl.start(
            QStringLiteral("curl"),
            api.arguments(
                QStringLiteral("POST"), QStringLiteral("orders"), name,
                compact(orderBody(QStringLiteral("W-") + name, QStringLiteral("C3"), 3)).toUtf8()));
        till->push(QJsonArray{sale(1, QStringLiteral("S-") + name,
                                   {WireClient::saleLine(QStringLiteral("C3"), 3, 399)})});
        const QJsonObject tillResult = till->takeResults(1, 30'000).value(0);
        if (curl.state() != QProcess::NotRunning)
            curl.waitForFinished(30'000);
        return {tillResult, Api::parse(curl.readAllStandardOutput())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QFAIL("curl is missing: run scripts/setup-debian.sh");
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->create());
        QVERIFY(start());
    }
    void cleanup() { m_store.reset(); }

    // Hold on "checkout", pay, order against the hold, refund one unit: stock follows each step.
    void checkoutFlow()
    {
        const Api api = web();
        QCOMPARE(api.level(QStringLiteral("B2")), QStringLiteral("5/0/5"));
        const Reply hold = api.post(QStringLiteral("holds"), QStringLiteral("h-1"),
                                    holdBody(QStringLiteral("B2"), 2));
        QCOMPARE(hold.status, 201);
        const QString holdId = text(hold.body, "hold");
        QVERIFY(!holdId.isEmpty());
        QVERIFY(isUtcTime(text(hold.body, "expiresAt")));
        QCOMPARE(api.level(QStringLiteral("B2")), QStringLiteral("5/2/3"));

        const Reply order =
            api.post(QStringLiteral("orders"), QStringLiteral("o-1"),
                     orderBody(QStringLiteral("W-1001"), QStringLiteral("B2"), 2, holdId));
        QCOMPARE(order.status, 201);
        QCOMPARE(text(order.body, "order"), QStringLiteral("W-1001"));
        QCOMPARE(integer(order.body, "total"), 798);
        QCOMPARE(api.level(QStringLiteral("B2")), QStringLiteral("3/0/3"));

        const QJsonObject refund{
            {QStringLiteral("reference"), QStringLiteral("R-1001")},
            {QStringLiteral("order"), QStringLiteral("W-1001")},
            {QStringLiteral("location"), store1},
            {QStringLiteral("lines"),
             QJsonArray{QJsonObject{{QStringLiteral("line"), 1},
                                    {QStringLiteral("sku"), QStringLiteral("B2")},
                                    {QStringLiteral("qty"), 1},
                                    {QStringLiteral("amount"), 399}}}}};
        const Reply returned = api.post(QStringLiteral("returns"), QStringLiteral("r-1"), refund);
        QCOMPARE(returned.status, 201);
        QCOMPARE(api.level(QStringLiteral("B2")), QStringLiteral("4/0/4"));
        // A second refund of more than is left of the line is refused and changes nothing.
        QJsonObject again = refund;
        again.insert(QStringLiteral("reference"), QStringLiteral("R-1002"));
        QJsonArray lines = again.value(QStringLiteral("lines")).toArray();
        QJsonObject line = lines.at(0).toObject();
        line.insert(QStringLiteral("qty"), 2);
        line.insert(QStringLiteral("amount"), 798);
        again.insert(QStringLiteral("lines"), QJsonArray{line});
        const Reply over = api.post(QStringLiteral("returns"), QStringLiteral("r-2"), again);
        QVERIFY2(over.status == 409 || over.status == 422, over.raw.constData());
        QCOMPARE(api.level(QStringLiteral("B2")), QStringLiteral("4/0/4"));
        // The hold is gone with the order; releasing it again is harmless.
        QCOMPARE(api.call(QStringLiteral("DELETE"), QStringLiteral("holds/") + holdId,
                          QStringLiteral("d-1"))
                     .status,
                 200);
        QCOMPARE(m_store->server().admin({QStringLiteral("verify")}).exitCode, 0);
    }

    // A hold lapses by the server's clock: its units come back without anyone asking, an order
    // naming it is then decided on available stock alone, and a new hold can take them.
    void holdExpiresOnTheServersClock()
    {
        const Api api = web();
        const Reply hold = api.post(QStringLiteral("holds"), QStringLiteral("h-1"),
                                    holdBody(QStringLiteral("C3"), 3, 1));
        QCOMPARE(hold.status, 201);
        QCOMPARE(api.level(QStringLiteral("C3")), QStringLiteral("3/3/0"));
        const Reply refused = api.post(QStringLiteral("holds"), QStringLiteral("h-2"),
                                       holdBody(QStringLiteral("C3"), 1));
        QCOMPARE(refused.status, 409);
        QCOMPARE(integer(refused.body, "available"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(api.level(QStringLiteral("C3")), QStringLiteral("3/0/3"), 5'000);
        const Reply again = api.post(QStringLiteral("holds"), QStringLiteral("h-3"),
                                     holdBody(QStringLiteral("C3"), 2));
        QCOMPARE(again.status, 201);
        const Reply order = api.post(
            QStringLiteral("orders"), QStringLiteral("o-1"),
            orderBody(QStringLiteral("W-1"), QStringLiteral("C3"), 2, text(again.body, "hold")));
        QCOMPARE(order.status, 201);
        QCOMPARE(api.level(QStringLiteral("C3")), QStringLiteral("1/0/1"));
    }

    // The same key and body: the stored answer, applied once. The same key, another body: 422.
    void idempotentRetries()
    {
        const Api api = web();
        const QJsonObject body = holdBody(QStringLiteral("A1"), 4);
        const Reply first = api.post(QStringLiteral("holds"), QStringLiteral("k-1"), body);
        QCOMPARE(first.status, 201);
        const Reply retry = api.post(QStringLiteral("holds"), QStringLiteral("k-1"), body);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.raw, first.raw);
        QCOMPARE(api.level(QStringLiteral("A1")), QStringLiteral("10/4/6"));
        const Reply other = api.post(QStringLiteral("holds"), QStringLiteral("k-1"),
                                     holdBody(QStringLiteral("A1"), 5));
        QCOMPARE(other.status, 422);
        QCOMPARE(text(other.body, "error"), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(api.level(QStringLiteral("A1")), QStringLiteral("10/4/6"));
        // A refusal is an answer too: stored, and the same on a retry even once stock is back.
        const Reply short1 = api.post(QStringLiteral("holds"), QStringLiteral("k-2"),
                                      holdBody(QStringLiteral("A1"), 7));
        QCOMPARE(short1.status, 409);
        QCOMPARE(api.call(QStringLiteral("DELETE"),
                          QStringLiteral("holds/") + text(first.body, "hold"),
                          QStringLiteral("k-3"))
                     .status,
                 200);
        const Reply short2 = api.post(QStringLiteral("holds"), QStringLiteral("k-2"),
                                      holdBody(QStringLiteral("A1"), 7));
        QCOMPARE(short2.status, 409);
        QCOMPARE(short2.raw, short1.raw);
    }

    // The server dies between the commit and the answer: the client saw nothing, retries after
    // the restart with the same key, and gets the answer of the one time it was applied.
    void retryAcrossKillBetweenCommitAndAnswer()
    {
        m_store->server().kill();
        QProcessEnvironment dropping = QProcessEnvironment::systemEnvironment();
        dropping.insert(QStringLiteral("STOCKLINE_TEST_WEBAPI_DROP_ANSWERS"), QStringLiteral("1"));
        QVERIFY(start(dropping));
        const QJsonObject body = orderBody(QStringLiteral("W-77"), QStringLiteral("C3"), 1);
        const Reply lost = web().post(QStringLiteral("orders"), QStringLiteral("o-77"), body);
        QCOMPARE(lost.status, 0);
        m_store->server().kill();
        QVERIFY(start());
        const Api api = web();
        QCOMPARE(api.level(QStringLiteral("C3")), QStringLiteral("2/0/2"));
        const Reply retry = api.post(QStringLiteral("orders"), QStringLiteral("o-77"), body);
        QCOMPARE(retry.status, 201);
        QCOMPARE(text(retry.body, "order"), QStringLiteral("W-77"));
        QCOMPARE(api.level(QStringLiteral("C3")), QStringLiteral("2/0/2"));
        QCOMPARE(m_store->server().admin({QStringLiteral("verify")}).exitCode, 0);
    }

    // Each bad request gets a clear 4xx naming what is wrong, and nothing is applied: no level
    // moves and the channel terminal's seq stays where it was.
    void badRequestsChangeNothing()
    {
        const Api api = web();
        const QByteArray hold = compact(holdBody(QStringLiteral("A1"), 1)).toUtf8();
        const QString post = QStringLiteral("POST");
        struct Case
        {
            const char* what;
            Reply reply;
            int status;
            const char* error;
        };
        const QList<Case> cases{
            {"malformed JSON",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b1"),
                      QByteArrayLiteral("{\"sku\":")),
             400, "invalid_json"},
            {"not an object",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b2"),
                      QByteArrayLiteral("[1,2]")),
             400, "invalid_json"},
            {"too deep",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b3"),
                      QByteArray(20, '[') + QByteArray(20, ']')),
             400, "invalid_json"},
            {"oversize",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b4"),
                      "{\"x\":\"" + QByteArray(70'000, 'a') + "\"}"),
             413, "too_large"},
            {"bad field",
             api.post(QStringLiteral("holds"), QStringLiteral("b5"),
                      holdBody(QStringLiteral("A1"), 0)),
             400, "invalid"},
            {"ttl over 24 h",
             api.post(QStringLiteral("holds"), QStringLiteral("b6"),
                      holdBody(QStringLiteral("A1"), 1, 86'401)),
             400, "invalid"},
            {"no key", api.call(post, QStringLiteral("holds"), {}, hold), 400, "invalid"},
            {"no token",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b7"), hold,
                      QStringLiteral("")),
             401, "unauthorized"},
            {"bad token",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b8"), hold,
                      QStringLiteral("not-a-token")),
             401, "unauthorized"},
            {"pos token",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b9"), hold,
                      m_store->token(QStringLiteral("POS-01"))),
             403, "forbidden"},
            {"manager writes",
             api.call(post, QStringLiteral("holds"), QStringLiteral("b10"), hold,
                      m_store->token(QStringLiteral("MGR-01"))),
             403, "forbidden"},
            {"unknown path", api.get(QStringLiteral("nothing")), 404, "not_found"},
            {"wrong method",
             api.call(QStringLiteral("PUT"), QStringLiteral("orders"), QStringLiteral("b11"), hold),
             405, "method_not_allowed"},
        };
        for (const Case& c : cases) {
            QVERIFY2(c.reply.status == c.status,
                     qPrintable(QStringLiteral("%1: %2 %3")
                                    .arg(QLatin1String(c.what))
                                    .arg(c.reply.status)
                                    .arg(QString::fromUtf8(c.reply.raw))));
            QCOMPARE(text(c.reply.body, "error"), QLatin1String(c.error));
            QVERIFY2(!text(c.reply.body, "message").isEmpty(), c.what);
        }
        const Reply pos = cases.at(9).reply;
        QCOMPARE(text(pos.body, "role"), QStringLiteral("pos"));
        QCOMPARE(text(cases.at(4).reply.body, "field"), QStringLiteral("qty"));
        // A manager's token reads.
        QCOMPARE(api.get(QStringLiteral("levels"), m_store->token(QStringLiteral("MGR-01"))).status,
                 200);
        QCOMPARE(api.level(QStringLiteral("A1")), QStringLiteral("10/0/10"));
        QCOMPARE(m_store->lastSeqNow(QStringLiteral("WEB-01")), 0);
    }

    // A revoked channel token stops working within a second; bad tokens from one address are
    // counted like failed hellos, and after 20 the address is refused whatever its token.
    void revokedAndGuessedTokens()
    {
        const Api api = web();
        QCOMPARE(api.get(QStringLiteral("levels")).status, 200);
        QCOMPARE(m_store->server()
                     .admin({QStringLiteral("terminal"), QStringLiteral("revoke"),
                             QStringLiteral("WEB-01")})
                     .exitCode,
                 0);
        QCOMPARE(api.post(QStringLiteral("holds"), QStringLiteral("after-revoke"),
                          holdBody(QStringLiteral("A1"), 1))
                     .status,
                 401);
        QTRY_COMPARE_WITH_TIMEOUT(api.get(QStringLiteral("levels")).status, 401, 3'000);
        const QString manager = m_store->token(QStringLiteral("MGR-01"));
        QCOMPARE(api.get(QStringLiteral("levels"), manager).status, 200);
        // The revoked token counted already (each time QTRY asked); the 20th failure refuses.
        int guesses = 0;
        while (guesses < 20 &&
               api.get(QStringLiteral("levels"), QStringLiteral("guess-%1").arg(guesses)).status ==
                   401)
            ++guesses;
        QVERIFY2(guesses >= 10 && guesses < 20, qPrintable(QString::number(guesses)));
        const Reply refused = api.get(QStringLiteral("levels"), manager);
        QCOMPARE(refused.status, 429);
        QCOMPARE(text(refused.body, "error"), QStringLiteral("rate_limited"));
        QCOMPARE(m_store->lastSeqNow(QStringLiteral("MGR-01")), 0);
    }

    // serve's bounds hold on the API as on the WebSocket side: --max-messages-per-second per
    // connection (curl keeps one connection for all its URLs) and --failed-hellos-refuse for
    // bad tokens. A refused request applies nothing.
    void servesRateLimitsHoldOnTheApi()
    {
        m_store->server().kill();
        m_store->server().setServeArguments(
            {QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--max-messages-per-second"), QStringLiteral("5"),
             QStringLiteral("--failed-hellos-refuse"), QStringLiteral("3")});
        QVERIFY(m_store->start());
        const Api api = web();
        QStringList oneConnection = api.arguments(QStringLiteral("GET"), QStringLiteral("levels"));
        const QString url = oneConnection.takeLast();
        for (int i = 0; i < 30; ++i)
            oneConnection << url;
        QProcess curl;
        curl.start(QStringLiteral("curl"), oneConnection);
        QVERIFY(curl.waitForFinished(30'000));
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.count("\n200") >= 5 && out.count("\n200") < 20, out.constData());
        QVERIFY2(out.count("\n429") > 10, out.constData());
        QVERIFY2(out.contains("more than 5 requests a second on one connection"), out.constData());
        // A new connection has its own allowance.
        QCOMPARE(api.get(QStringLiteral("levels")).status, 200);

        for (int guess = 0; guess < 3; ++guess)
            QCOMPARE(
                api.get(QStringLiteral("levels"), QStringLiteral("guess-%1").arg(guess)).status,
                401);
        const Reply refused = api.post(QStringLiteral("holds"), QStringLiteral("after-guesses"),
                                       holdBody(QStringLiteral("A1"), 1));
        QCOMPARE(refused.status, 429);
        QCOMPARE(text(refused.body, "error"), QStringLiteral("rate_limited"));
        QCOMPARE(m_store->lastSeqNow(QStringLiteral("WEB-01")), 0);
    }

    // A till and the web shop want the last units at the same instant: exactly one gets them.
    void tillAndWebRaceForTheLastUnits()
    {
        const Api api = web();
        const auto [tillResult, webReply] = raceForC3(api, QStringLiteral("RACE"));
        const bool tillWon = text(tillResult, "status") == QLatin1String("applied");
        const bool webWon = webReply.status == 201;
        QVERIFY2(tillWon != webWon,
                 qPrintable(compact(tillResult) + u' ' + QString::fromUtf8(webReply.raw)));
        if (!webWon) {
            QCOMPARE(webReply.status, 409);
            QCOMPARE(webReply.body.value(QStringLiteral("lines"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("available"))
                         .toInteger(),
                     0);
        }
        QCOMPARE(api.level(QStringLiteral("C3")), QStringLiteral("0/0/0"));
        QCOMPARE(m_store->server().admin({QStringLiteral("verify")}).exitCode, 0);
    }

    // sync/openapi.json says what the server really answers: tests/webapi/check_openapi.py
    // (Python's own HTTP client) walks the checkout and the refusals and checks every answer.
    void openApiDocumentMatchesTheServer()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("python3"),
                {QStringLiteral(STOCKLINE_SOURCE_DIR "/tests/webapi/check_openapi.py"),
                 QStringLiteral(STOCKLINE_SOURCE_DIR "/sync/openapi.json"),
                 m_store->server().httpUrl().toString(), m_store->token(QStringLiteral("WEB-01")),
                 m_store->token(QStringLiteral("POS-01"))});
        QVERIFY(p.waitForFinished(60'000));
        const QByteArray said = p.readAll();
        QVERIFY2(p.exitCode() == 0, said.constData());
        QVERIFY2(said.contains(" 0 problems"), said.constData());
    }

    // With serve's certificate options the API is HTTPS with the same certificate.
    void httpsWithTheServersCertificate()
    {
        m_store->server().kill();
        Certificate certificate;
        QVERIFY(makeCertificate(m_store->path(QString()), QStringLiteral("api"), certificate));
        m_store->server().setServeArguments({QStringLiteral("--http-listen"),
                                             QStringLiteral("127.0.0.1:0"),
                                             QStringLiteral("--tls-cert"), certificate.cert,
                                             QStringLiteral("--tls-key"), certificate.key});
        QVERIFY(m_store->start());
        const QUrl base = m_store->server().httpUrl();
        QCOMPARE(base.scheme(), QStringLiteral("https"));
        const Api api(base, m_store->token(QStringLiteral("WEB-01")));
        QProcess p;
        p.start(QStringLiteral("curl"),
                QStringList{QStringLiteral("--cacert"), certificate.cert} +
                    api.arguments(QStringLiteral("POST"), QStringLiteral("holds"),
                                  QStringLiteral("tls-1"),
                                  compact(holdBody(QStringLiteral("A1"), 1)).toUtf8()));
        QVERIFY(p.waitForFinished(30'000));
        const Reply hold = Api::parse(p.readAllStandardOutput());
        QCOMPARE(hold.status, 201);
        // Plain HTTP to the HTTPS port gets no answer.
        QUrl plain = base;
        plain.setScheme(QStringLiteral("http"));
        QCOMPARE(Api(plain, m_store->token(QStringLiteral("WEB-01")))
                     .get(QStringLiteral("levels"))
                     .status,
                 0);
    }

    // On PostgreSQL with two server nodes: a till on one node and the web shop on the other
    // race for all of a SKU's units, and the same channel token orders on both nodes at once
    // (its seqs are allocated in each node's transaction): exactly one wins each race.
    void racesAcrossNodes()
    {
        if (!TestDatabase::postgres())
            QSKIP("two nodes share one PostgreSQL database: run tst_webapi_pg");
        ServerProcess second(m_store->server().sharedDatabase());
        second.setServeArguments({QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(second.start());
        const Api near = web();
        const Api far(second.httpUrl(), m_store->token(QStringLiteral("WEB-01")));
        const auto [tillResult, webReply] = raceForC3(far, QStringLiteral("FAR"));
        QVERIFY2((text(tillResult, "status") == QLatin1String("applied")) !=
                     (webReply.status == 201),
                 qPrintable(compact(tillResult) + u' ' + QString::fromUtf8(webReply.raw)));

        QProcess a;
        QProcess b;
        a.start(QStringLiteral("curl"),
                near.arguments(
                    QStringLiteral("POST"), QStringLiteral("orders"), QStringLiteral("both-a"),
                    compact(orderBody(QStringLiteral("W-A"), QStringLiteral("B2"), 5)).toUtf8()));
        b.start(QStringLiteral("curl"),
                far.arguments(
                    QStringLiteral("POST"), QStringLiteral("orders"), QStringLiteral("both-b"),
                    compact(orderBody(QStringLiteral("W-B"), QStringLiteral("B2"), 5)).toUtf8()));
        QVERIFY(a.waitForFinished(30'000) || a.state() == QProcess::NotRunning);
        QVERIFY(b.waitForFinished(30'000) || b.state() == QProcess::NotRunning);
        const Reply ra = Api::parse(a.readAllStandardOutput());
        const Reply rb = Api::parse(b.readAllStandardOutput());
        QVERIFY2((ra.status == 201) != (rb.status == 201),
                 qPrintable(QString::fromUtf8(ra.raw + ' ' + rb.raw)));
        QVERIFY2(ra.status == 409 || rb.status == 409,
                 qPrintable(QString::fromUtf8(ra.raw + ' ' + rb.raw)));
        QCOMPARE(near.level(QStringLiteral("B2")), QStringLiteral("0/0/0"));
        QCOMPARE(far.level(QStringLiteral("C3")), QStringLiteral("0/0/0"));
        QCOMPARE(m_store->server().admin({QStringLiteral("verify")}).exitCode, 0);
    }

    // A product page's stream (curl -N) hears of a till's sale within 50 ms of the till hearing
    // its own result; reconnecting with Last-Event-ID gives what it missed.
    void streamHearsATillsSale()
    {
        const Api api = web();
        QProcess stream;
        stream.start(QStringLiteral("curl"), api.streamArguments(QStringLiteral("?sku=B2")));
        QByteArray heard;
        QVERIFY(QTest::qWaitFor(
            [&] {
                heard += stream.readAllStandardOutput();
                return heard.contains("\"full\":true");
            },
            10'000));
        const qint64 firstCursor =
            heard
                .mid(heard.indexOf("id: ") + 4,
                     heard.indexOf('\n', heard.indexOf("id: ")) - heard.indexOf("id: ") - 4)
                .toLongLong();
        QVERIFY(firstCursor > 0);
        heard.clear();
        Session till = m_store->connect(QStringLiteral("POS-01"));
        QVERIFY(till.ok());
        till->push(QJsonArray{
            sale(1, QStringLiteral("S-1"), {WireClient::saleLine(QStringLiteral("B2"), 1, 250)})});
        QCOMPARE(text(till->takeResults(1, 30'000).value(0), "status"), QStringLiteral("applied"));
        QElapsedTimer sinceResult;
        sinceResult.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                stream.waitForReadyRead(1);
                heard += stream.readAllStandardOutput();
                return heard.contains("\"onHand\":4");
            },
            5'000));
        QVERIFY2(sinceResult.elapsed() <= 50,
                 qPrintable(QStringLiteral("%1 ms").arg(sinceResult.elapsed())));
        stream.kill();
        stream.waitForFinished();

        // Resuming from the first event's cursor gives the sale as one event, not a snapshot.
        QProcess resumed;
        resumed.start(QStringLiteral("curl"),
                      api.streamArguments(QString(), QByteArray::number(firstCursor)));
        QByteArray again;
        QVERIFY(QTest::qWaitFor(
            [&] {
                again += resumed.readAllStandardOutput();
                return again.contains("\"onHand\":4");
            },
            10'000));
        QVERIFY2(again.contains("\"full\":false"), again.constData());
        QVERIFY2(!again.contains("\"sku\":\"A1\""), again.constData());
        resumed.kill();
        resumed.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestWebApi)
#include "tst_webapi.moc"
