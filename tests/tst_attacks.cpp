// One test per attack on the sync server (issue 6), each against the real stockline-server
// process over real sockets on 127.0.0.1: the attack gets its close code or error, nothing of
// it reaches the ledger, and a well-behaved terminal connected alongside keeps working
// throughout (it sells and gets its result, and receives the levels that follow).

#include "fingerprint.h"
#include "serverfixture.h"
#include "websockettransport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace conformance;
using stockline::sync::WebSocketTransport;

namespace {

// The fingerprint as openssl itself computes it: "AB:CD:…".
QString opensslFingerprint(const QString& cert)
{
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"x509"_s, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s, u"-in"_s, cert});
    openssl.waitForFinished(30'000);
    return QString::fromLatin1(openssl.readAllStandardOutput()).section(u'=', 1).trimmed();
}

// The terminal's own transport (sync/client/websockettransport.h) speaking raw JSON: how a till
// reaches a wss:// server, with its certificate check.
class TlsTerminal
{
public:
    explicit TlsTerminal(const QByteArray& pin)
        : m_transport(pin), m_opened(&m_transport, &WebSocketTransport::opened),
          m_closed(&m_transport, &WebSocketTransport::closed)
    {
        QObject::connect(&m_transport, &WebSocketTransport::received, &m_transport,
                         [this](const QByteArray& message) {
                             m_inbox.append(QJsonDocument::fromJson(message).object());
                         });
    }

    // Opened, or the reason it closed.
    bool open(const QUrl& url)
    {
        m_transport.open(url);
        return QTest::qWaitFor([this] { return !m_opened.isEmpty() || !m_closed.isEmpty(); },
                               20'000) &&
               !m_opened.isEmpty();
    }
    [[nodiscard]] QString closeReason() const
    {
        return m_closed.isEmpty() ? QString() : m_closed.first().at(1).toString();
    }
    void send(const QJsonObject& message)
    {
        m_transport.send(QJsonDocument(message).toJson(QJsonDocument::Compact));
    }
    QJsonObject take(const QString& type)
    {
        QJsonObject found;
        [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_inbox.size(); ++i)
                    if (text(m_inbox[i], "type") == type) {
                        found = m_inbox.takeAt(i);
                        return true;
                    }
                return !m_closed.isEmpty();
            },
            20'000);
        return found;
    }

private:
    WebSocketTransport m_transport;
    QSignalSpy m_opened;
    QSignalSpy m_closed;
    QList<QJsonObject> m_inbox;
};

QJsonObject helloMessage(const QString& terminal, const QString& token)
{
    return {{u"type"_s, u"hello"_s},
            {u"protocol"_s, 1},
            {u"terminal"_s, terminal},
            {u"token"_s, token},
            {u"cursor"_s, 0}};
}

// A WebSocket written by hand, to send what QWebSocket never would (invalid UTF-8 in a text
// frame). Returns the close code the server sends, or -1.
int sendRawTextFrame(quint16 port, const QByteArray& payload)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return -1;
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray received;
    while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(10'000))
        received += socket.readAll();
    if (!received.startsWith("HTTP/1.1 101"))
        return -1;
    received = received.mid(received.indexOf("\r\n\r\n") + 4);
    QByteArray frame;
    frame.append(char(0x81));                  // final text frame
    frame.append(char(0x80 | payload.size())); // masked, short length
    frame.append(QByteArray(4, '\0'));         // mask key 0: payload as is
    frame.append(payload);
    socket.write(frame);
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10'000) {
        // Server frames are unmasked: find the close frame (opcode 8) and its code.
        for (qsizetype i = 0; i + 3 < received.size();) {
            const auto opcode = quint8(received[i]) & 0x0f;
            const int length = quint8(received[i + 1]) & 0x7f;
            if (opcode == 0x8 && length >= 2)
                return (quint8(received[i + 2]) << 8) | quint8(received[i + 3]);
            i += 2 + length;
        }
        if (!socket.waitForReadyRead(1'000) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        received += socket.readAll();
    }
    return -1;
}

} // namespace

class TestAttacks : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store> m_store;
    Session m_bystander;
    qint64 m_bystanderSeq = 0;

    // A server with these serve options and POS-01 connected to it as the bystander.
    bool startServer(const QStringList& options = {})
    {
        m_store->server().setServeArguments(options);
        if (!m_store->start())
            return false;
        m_bystander = m_store->connect(u"POS-01"_s);
        return m_bystander.ok();
    }

    // The bystander sells one A1 and gets its result and the levels that follow.
    bool bystanderSells()
    {
        const qint64 seq = ++m_bystanderSeq;
        const QJsonObject result =
            pushOne(m_bystander, sale(seq, u"BYSTANDER-%1"_s.arg(seq), {line(u"A1"_s, 1)}));
        if (text(result, "status") != u"applied"_s) {
            qWarning().noquote() << "bystander's sale:" << compact(result);
            return false;
        }
        const QJsonObject levels = m_bystander->take(u"levels"_s, 20'000);
        return summary(levelsByKey(levels).value(u"A1@store-1"_s)) == u"%1/0/%1"_s.arg(10 - seq);
    }

    // Nothing of the attack reached the ledger: POS-02 applied nothing, B2 and C3 are as
    // seeded, and the ledger replays to the levels.
    void verifyNothingApplied()
    {
        const QHash<QString, QJsonObject> levels = m_store->levelsNow();
        QCOMPARE(summary(levels.value(u"B2@store-1"_s)), u"5/0/5"_s);
        QCOMPARE(summary(levels.value(u"C3@store-1"_s)), u"3/0/3"_s);
        QCOMPARE(m_store->lastSeqNow(u"POS-02"_s), 0);
        const auto verify = m_store->server().admin({u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }

    // A sale of B2 by POS-02: what an attack would like to get applied.
    static QJsonObject attackersSale(qint64 seq)
    {
        return sale(seq, u"EVIL-%1"_s.arg(seq), {line(u"B2"_s, 1)});
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        m_bystanderSeq = 0;
        QVERIFY(m_store->create());
    }

    void cleanup()
    {
        m_bystander = {};
        m_store.reset();
    }

    // ---- TLS

    void tlsWithThePinnedCertificateSyncs()
    {
        Certificate certificate;
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"server"_s, certificate));
        m_store->server().setServeArguments(
            {u"--tls-cert"_s, certificate.cert, u"--tls-key"_s, certificate.key});
        QVERIFY(m_store->start());
        QCOMPARE(m_store->server().url().scheme(), u"wss"_s);
        const QString expected = opensslFingerprint(certificate.cert);
        QVERIFY(!expected.isEmpty());
        QVERIFY2(m_store->server().output().contains(expected.toLatin1()),
                 m_store->server().output().constData());
        QProcess printed;
        printed.start(ServerProcess::binary(),
                      {u"tls"_s, u"fingerprint"_s, u"--tls-cert"_s, certificate.cert});
        QVERIFY(printed.waitForFinished(30'000));
        QCOMPARE(QString::fromLatin1(printed.readAllStandardOutput()).trimmed(), expected);

        TlsTerminal till(*stockline::parseSha256Fingerprint(expected));
        QVERIFY2(till.open(m_store->server().url()), qPrintable(till.closeReason()));
        till.send(helloMessage(u"POS-01"_s, m_store->token(u"POS-01"_s)));
        QCOMPARE(text(till.take(u"welcome"_s), "terminal"), u"POS-01"_s);
        QVERIFY(!till.take(u"levels"_s).isEmpty());
        till.send({{u"type"_s, u"push"_s},
                   {u"mutations"_s, QJsonArray{sale(1, u"S-TLS"_s, {line(u"A1"_s, 1)})}}});
        const QJsonObject results = till.take(u"results"_s);
        QCOMPARE(text(results.value(u"results"_s).toArray().first().toObject(), "status"),
                 u"applied"_s);
    }

    void tlsWithAnotherPinnedCertificateIsRefused()
    {
        Certificate real;
        Certificate other;
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"server"_s, real));
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"other"_s, other));
        m_store->server().setServeArguments({u"--tls-cert"_s, real.cert, u"--tls-key"_s, real.key});
        QVERIFY(m_store->start());
        const QString pinned = opensslFingerprint(other.cert);
        TlsTerminal till(*stockline::parseSha256Fingerprint(pinned));
        QVERIFY(!till.open(m_store->server().url()));
        const QString reason = till.closeReason();
        QVERIFY2(reason.contains(u"is not the pinned one"_s), qPrintable(reason));
        QVERIFY2(reason.contains(pinned), qPrintable(reason));
        QVERIFY2(reason.contains(opensslFingerprint(real.cert)), qPrintable(reason));
    }

    void tlsSelfSignedWithoutAPinIsRefused()
    {
        Certificate certificate;
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"server"_s, certificate));
        m_store->server().setServeArguments(
            {u"--tls-cert"_s, certificate.cert, u"--tls-key"_s, certificate.key});
        QVERIFY(m_store->start());
        TlsTerminal till({});
        QVERIFY(!till.open(m_store->server().url()));
        QVERIFY2(till.closeReason().contains(u"certificate is not trusted"_s),
                 qPrintable(till.closeReason()));
    }

    void plainWebSocketToTheTlsServerFails()
    {
        Certificate certificate;
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"server"_s, certificate));
        m_store->server().setServeArguments(
            {u"--tls-cert"_s, certificate.cert, u"--tls-key"_s, certificate.key});
        QVERIFY(m_store->start());
        TlsTerminal bystander(
            *stockline::parseSha256Fingerprint(opensslFingerprint(certificate.cert)));
        QVERIFY(bystander.open(m_store->server().url()));
        bystander.send(helloMessage(u"POS-01"_s, m_store->token(u"POS-01"_s)));
        QVERIFY(!bystander.take(u"welcome"_s).isEmpty());

        WireClient plain;
        QUrl url = m_store->server().url();
        url.setScheme(u"ws"_s);
        QVERIFY(!plain.open(url, 5'000) ||
                plain.hello(u"POS-02"_s, m_store->token(u"POS-02"_s)).isEmpty());

        bystander.send({{u"type"_s, u"push"_s},
                        {u"mutations"_s, QJsonArray{sale(1, u"S-1"_s, {line(u"A1"_s, 1)})}}});
        QVERIFY(!bystander.take(u"results"_s).isEmpty());
        QCOMPARE(m_store->server().terminate(), 0);
    }

    void tlsFilesThatAreWrongAreNamed()
    {
        Certificate one;
        Certificate two;
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"one"_s, one));
        QVERIFY(makeCertificate(m_store->path(u"."_s), u"two"_s, two));
        const QString missing = m_store->path(u"missing.pem"_s);
        const auto serve = [this](const QStringList& tls) {
            return m_store->server().admin(
                QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s} + tls);
        };
        auto run = serve({u"--tls-cert"_s, missing, u"--tls-key"_s, one.key});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());
        run = serve({u"--tls-cert"_s, one.key, u"--tls-key"_s, one.key});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("holds no PEM certificate"), run.err.constData());
        run = serve({u"--tls-cert"_s, one.cert, u"--tls-key"_s, one.cert});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("holds no unencrypted PEM private key"), run.err.constData());
        run = serve({u"--tls-cert"_s, one.cert, u"--tls-key"_s, two.key});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("does not belong to the certificate") &&
                     run.err.contains(two.key.toUtf8()) && run.err.contains(one.cert.toUtf8()),
                 run.err.constData());
        run = serve({u"--tls-cert"_s, one.cert});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--tls-key"), run.err.constData());
    }

    // ---- brute force and floods

    void serveHelpDocumentsEveryLimit()
    {
        const auto help = m_store->server().admin({u"serve"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char* option :
             {"--tls-cert", "--tls-key", "--max-connections", "--max-connections-per-address",
              "--max-messages-per-second", "--handshake-timeout-ms", "--failed-hellos-slow",
              "--failed-hellos-refuse", "--refuse-seconds"})
            QVERIFY2(help.out.contains(option), option);
        const auto bad = m_store->server().admin(
            {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--max-connections"_s, u"none"_s});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("--max-connections"), bad.err.constData());
    }

    void failedHellosAreSlowedThenRefusedForAWhile()
    {
        QVERIFY(startServer({u"--failed-hellos-slow"_s, u"2"_s, u"--failed-hellos-refuse"_s, u"5"_s,
                             u"--refuse-seconds"_s, u"4"_s}));
        const auto guess = [this](const QString& token) {
            WireClient client;
            QElapsedTimer answered;
            answered.start();
            if (!client.open(m_store->server().url()))
                return std::pair<int, qint64>{-2, 0};
            client.send(helloMessage(u"POS-02"_s, token));
            const int code = client.waitClosed(20'000);
            return std::pair<int, qint64>{code, answered.elapsed()};
        };
        // Two wrong tokens answered at once, the next ones later and later.
        for (int i = 0; i < 2; ++i) {
            const auto [code, ms] = guess(u"wrong-%1"_s.arg(i));
            QCOMPARE(code, 4401);
            QVERIFY2(ms < 900, qPrintable(QString::number(ms)));
        }
        const auto third = guess(u"wrong-3"_s);
        QCOMPARE(third.first, 4401);
        QVERIFY2(third.second >= 900, qPrintable(QString::number(third.second)));
        const auto fourth = guess(u"wrong-4"_s);
        QCOMPARE(fourth.first, 4401);
        QVERIFY2(fourth.second >= 1'900, qPrintable(QString::number(fourth.second)));
        QVERIFY(bystanderSells());
        // A wrong pairing code counts too: the fifth failure refuses the address.
        WireClient pairing;
        QVERIFY(pairing.open(m_store->server().url()));
        pairing.send({{u"type"_s, u"pair"_s}, {u"code"_s, u"12345678"_s}});
        QCOMPARE(pairing.waitClosed(20'000), 4401);

        // Refused now, even with the right token: the answer must not tell a right guess.
        WireClient refused;
        QVERIFY(refused.open(m_store->server().url()));
        QVERIFY(refused.hello(u"POS-02"_s, m_store->token(u"POS-02"_s)).isEmpty());
        const QJsonObject error = refused.take(u"error"_s);
        QCOMPARE(text(error, "code"), u"rate_limited"_s);
        QVERIFY2(text(error, "message").contains(u"too many failed hellos"_s),
                 qPrintable(compact(error)));
        QCOMPARE(refused.waitClosed(), 4429);
        QVERIFY(bystanderSells()); // already connected: never refused

        // The refusal ends after --refuse-seconds.
        QTest::qWait(4'500);
        WireClient later;
        QVERIFY(later.open(m_store->server().url()));
        QVERIFY(!later.hello(u"POS-02"_s, m_store->token(u"POS-02"_s)).isEmpty());
        later.close();
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }

    void messageFloodIsClosed4429()
    {
        QVERIFY(startServer({u"--max-messages-per-second"_s, u"5"_s}));
        WireClient flood;
        QVERIFY(flood.open(m_store->server().url()));
        QVERIFY(!flood.hello(u"POS-02"_s, m_store->token(u"POS-02"_s)).isEmpty());
        // Pushes beyond a gap: never applied, and not bad messages, so only the rate limit
        // can end them. Sent at once: far beyond 10 at once.
        for (int i = 0; i < 200; ++i)
            flood.push(QJsonArray{attackersSale(1000 + i)});
        flood.flush();
        const QJsonObject error = flood.take(u"error"_s);
        QVERIFY(flood.waitClosed() == 4429);
        bool rateLimited = false;
        for (const QJsonObject& m : flood.untaken() + QList<QJsonObject>{error})
            rateLimited = rateLimited || text(m, "code") == u"rate_limited"_s;
        QVERIFY(rateLimited);
        QVERIFY(bystanderSells());
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }

    void connectionsFromOneAddressAreCapped4503()
    {
        QVERIFY(startServer({u"--max-connections-per-address"_s, u"3"_s}));
        WireClient second;
        WireClient third;
        QVERIFY(second.open(m_store->server().url()));
        QVERIFY(third.open(m_store->server().url()));
        WireClient fourth;
        fourth.open(m_store->server().url());
        QCOMPARE(fourth.waitClosed(), 4503);
        QVERIFY(bystanderSells());
        // A place freed is a place taken again.
        second.close();
        QVERIFY(QTest::qWaitFor(
            [&] {
                WireClient again;
                return again.open(m_store->server().url()) && again.waitClosed(300) == -1;
            },
            10'000));
        QVERIFY(bystanderSells());
        third.close(); // room for the checks' own connections
        QTest::qWait(500);
        verifyNothingApplied();
    }

    void connectionsInTotalAreCapped4503()
    {
        QVERIFY(startServer({u"--max-connections"_s, u"2"_s}));
        WireClient second;
        QVERIFY(second.open(m_store->server().url()));
        WireClient third;
        third.open(m_store->server().url());
        QCOMPARE(third.waitClosed(), 4503);
        QVERIFY(bystanderSells());
        second.close();
        QVERIFY(QTest::qWaitFor([this] { return m_store->connect(u"POS-02"_s).ok(); }, 10'000));
        QVERIFY(bystanderSells());
    }

    // Sockets that connect and never finish the WebSocket upgrade (a slowloris) are dropped once
    // the handshake time is up, on the server's monotonic clock; a terminal already connected
    // is not touched.
    void stalledHandshakesAreDropped()
    {
        QVERIFY(startServer({u"--handshake-timeout-ms"_s, u"600"_s}));
        const QUrl url(m_store->server().url());
        QTcpSocket silent;
        QTcpSocket halfUpgrade;
        QElapsedTimer connected;
        connected.start();
        for (QTcpSocket* socket : {&silent, &halfUpgrade}) {
            socket->connectToHost(url.host(), quint16(url.port()));
            QVERIFY(socket->waitForConnected(5'000));
        }
        halfUpgrade.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QAbstractSocket::UnconnectedState &&
                                     halfUpgrade.state() == QAbstractSocket::UnconnectedState,
                                 10'000);
        QVERIFY2(connected.elapsed() >= 500, qPrintable(QString::number(connected.elapsed())));
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }

    void revokeClosesTheTerminalAtOnce()
    {
        QVERIFY(startServer());
        Session doomed = m_store->connect(u"POS-02"_s);
        QVERIFY(doomed.ok());
        const auto revoke = m_store->server().admin({u"terminal"_s, u"revoke"_s, u"POS-02"_s});
        QCOMPARE(revoke.exitCode, 0);
        QElapsedTimer since;
        since.start();
        QCOMPARE(doomed->waitClosed(5'000), 4403);
        // SECURITY.md: a revoked terminal's connections close within a second.
        QVERIFY2(since.elapsed() < 1'000, qPrintable(QString::number(since.elapsed())));
        QVERIFY(bystanderSells());
    }

    // ---- input bounds

    void deepJsonNestingIsInvalidJson()
    {
        QVERIFY(startServer());
        Session attacker = m_store->connect(u"POS-02"_s);
        QVERIFY(attacker.ok());
        QByteArray deep = "{\"type\":\"push\",\"mutations\":";
        deep += QByteArray(100'000, '[') + QByteArray(100'000, ']') + '}';
        attacker->sendText(deep);
        QCOMPARE(text(attacker->take(u"error"_s), "code"), u"invalid_json"_s);
        QVERIFY(attacker->isOpen());
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }

    void invalidUtf8InATextFrameIsClosed1007()
    {
        QVERIFY(startServer());
        QCOMPARE(sendRawTextFrame(m_store->server().port(), QByteArray("{\"type\":\"\xff\xfe\"}")),
                 1007);
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }

    void outOfBoundsFieldsAreRejectedAlone_data()
    {
        QTest::addColumn<QJsonObject>("mutation");
        QTest::addColumn<QString>("field");
        const QJsonObject base = attackersSale(1);
        const auto with = [&](const QString& key, const QJsonValue& value) {
            QJsonObject m = base;
            m.insert(key, value);
            return m;
        };
        const auto oneLine = [&](const QJsonObject& l) { return with(u"lines"_s, QJsonArray{l}); };
        QTest::newRow("a sale's total beyond the money range")
            << with(u"lines"_s, QJsonArray{WireClient::saleLine(u"B2"_s, 2, 100'000'000'000),
                                           WireClient::saleLine(u"B2"_s, 1, 1)})
            << u"lines"_s;
        QTest::newRow("a price beyond the money range")
            << oneLine(WireClient::saleLine(u"B2"_s, 1, 100'000'000'001)) << u"lines[0].price"_s;
        QTest::newRow("a quantity beyond a million")
            << oneLine(WireClient::saleLine(u"B2"_s, 1'000'001, 1)) << u"lines[0].qty"_s;
        QTest::newRow("an ID with a slash")
            << oneLine(WireClient::saleLine(u"B2/../x"_s, 1, 1)) << u"lines[0].sku"_s;
        QTest::newRow("an ID of 65 characters") << with(u"sale"_s, QString(65, u'S')) << u"sale"_s;
        QTest::newRow("a staff name of 201 characters")
            << with(u"staff"_s, QString(201, u'x')) << u"staff"_s;
        QTest::newRow("501 lines") << with(u"lines"_s, [] {
            QJsonArray lines;
            for (int i = 0; i < 501; ++i)
                lines.append(WireClient::saleLine(u"B2"_s, 1, 1));
            return lines;
        }()) << u"lines"_s;
    }

    void outOfBoundsFieldsAreRejectedAlone()
    {
        QFETCH(QJsonObject, mutation);
        QFETCH(QString, field);
        QVERIFY(startServer());
        Session attacker = m_store->connect(u"POS-02"_s);
        QVERIFY(attacker.ok());
        const QJsonObject result = pushOne(attacker, mutation);
        QCOMPARE(text(result, "status"), u"rejected"_s);
        QCOMPARE(text(result, "code"), u"invalid"_s);
        QVERIFY2(text(result, "message").contains(field), qPrintable(compact(result)));
        QVERIFY(bystanderSells());
        const QHash<QString, QJsonObject> levels = m_store->levelsNow();
        QCOMPARE(summary(levels.value(u"B2@store-1"_s)), u"5/0/5"_s);
    }

    // ---- manager approvals in the server's records

    void approvalsAreRecordedOnceAndOnlyFromTills()
    {
        QVERIFY(startServer());
        const auto approval = [](qint64 seq, const QString& action, const QString& detail) {
            return WireClient::mutation(seq, u"approval"_s,
                                        {{u"action"_s, action},
                                         {u"staff"_s, u"Ana"_s},
                                         {u"approver"_s, u"Ben"_s},
                                         {u"detail"_s, detail}});
        };
        Session till = m_store->connect(u"POS-02"_s);
        QVERIFY(till.ok());
        const QJsonObject refund = approval(1, u"refund"_s, u"Refund of R-1 (4.49)"_s);
        QCOMPARE(text(pushOne(till, refund), "status"), u"applied"_s);
        const QJsonObject again = pushOne(till, refund); // lost result: sent again
        QCOMPARE(text(again, "status"), u"applied"_s);
        QVERIFY(again.value(u"replay"_s).toBool());
        const QJsonObject unknown = pushOne(till, approval(2, u"free_lunch"_s, u"x"_s));
        QCOMPARE(text(unknown, "code"), u"invalid"_s);
        QVERIFY2(text(unknown, "message").contains(u"action"_s), qPrintable(compact(unknown)));

        Session web = m_store->connect(u"WEB-01"_s);
        QVERIFY(web.ok());
        QCOMPARE(text(pushOne(web, approval(1, u"discount"_s, u"by WEB-01"_s)), "code"),
                 u"forbidden"_s);
        Session dock = m_store->connect(u"DOCK-01"_s);
        QVERIFY(dock.ok());
        QCOMPARE(text(pushOne(dock, approval(1, u"over_expected"_s, u"PO-1 milk: 12 of 10"_s)),
                      "status"),
                 u"applied"_s);
        Session manager = m_store->connect(u"MGR-01"_s);
        QVERIFY(manager.ok());
        QCOMPARE(text(pushOne(manager, approval(1, u"terminal_setup"_s, u"MGR setup"_s)), "status"),
                 u"applied"_s);
        QVERIFY(bystanderSells());

        const auto listed = m_store->server().admin({u"approvals"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        const QStringList rows = QString::fromUtf8(listed.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4); // the header, the refund once, the dock's, the manager's setup
        QVERIFY2(rows[1].contains(u"POS-02"_s) && rows[1].contains(u"refund"_s) &&
                     rows[1].contains(u"Ana"_s) && rows[1].contains(u"Ben"_s) &&
                     rows[1].contains(u"Refund of R-1 (4.49)"_s),
                 qPrintable(rows[1]));
        QVERIFY2(rows[2].contains(u"DOCK-01"_s) && rows[2].contains(u"over_expected"_s),
                 qPrintable(rows[2]));
        QVERIFY2(rows[3].contains(u"MGR-01"_s) && rows[3].contains(u"terminal_setup"_s),
                 qPrintable(rows[3]));
        const auto verify = m_store->server().admin({u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }

    void batchBeyondAThousandIsRefusedWhole()
    {
        QVERIFY(startServer());
        Session attacker = m_store->connect(u"POS-02"_s);
        QVERIFY(attacker.ok());
        QJsonArray mutations;
        for (int i = 1; i <= 1001; ++i)
            mutations.append(attackersSale(i));
        attacker->push(mutations);
        QCOMPARE(text(attacker->take(u"error"_s), "code"), u"batch_too_large"_s);
        QVERIFY(bystanderSells());
        verifyNothingApplied();
    }
};

QTEST_GUILESS_MAIN(TestAttacks)
#include "tst_attacks.moc"
