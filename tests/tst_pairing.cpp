// Pairing a device with a one-time code (sync/PROTOCOL.md, `pair`), against the real server
// process: the wire as any client sees it, the command line, and sync::Pairing writing the
// terminal's configuration.
#include "client.h"
#include "localstore.h"
#include "pairing.h"
#include "protocol.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "terminalconfig.h"
#include "transport.h"
#include "wireclient.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using namespace stockline::sync;

namespace {

QJsonObject pairMessage(const QString& code)
{
    return {{QStringLiteral("type"), QStringLiteral("pair")}, {QStringLiteral("code"), code}};
}

QString typeOf(const QJsonObject& message)
{
    return message.value(QStringLiteral("type")).toString();
}

} // namespace

class tst_Pairing : public QObject
{
    Q_OBJECT

private:
    // `terminal add … --pairing` or `terminal pair …`: the code printed alone on stdout.
    [[nodiscard]] QString code(const QStringList& args) const
    {
        const ServerProcess::Run run = m_server->admin(args);
        if (run.exitCode != 0)
            return {};
        return QString::fromUtf8(run.out).trimmed();
    }
    [[nodiscard]] QString enrolForPairing(const QString& id) const
    {
        return code({QStringLiteral("terminal"), QStringLiteral("add"), id,
                     QStringLiteral("--role"), QStringLiteral("pos"), QStringLiteral("--pairing")});
    }
    // Sends `pair`; the answer (`paired` or `error`) and the close code.
    struct Answer
    {
        QJsonObject message;
        int closeCode = -1;
    };
    [[nodiscard]] Answer pair(const QString& pairingCode) const
    {
        WireClient client;
        if (!client.open(m_server->url()))
            return {};
        client.send(pairMessage(pairingCode));
        Answer answer;
        const int closed = client.waitClosed();
        for (const QJsonObject& m : client.untaken()) {
            if (typeOf(m) == QLatin1String("paired") || typeOf(m) == QLatin1String("error"))
                answer.message = m;
        }
        answer.closeCode = closed;
        return answer;
    }
    // A hello: "welcome", or the error code.
    [[nodiscard]] QString hello(const QString& terminal, const QString& token) const
    {
        WireClient client;
        if (!client.open(m_server->url()))
            return QStringLiteral("no connection");
        client.send({{QStringLiteral("type"), QStringLiteral("hello")},
                     {QStringLiteral("protocol"), 1},
                     {QStringLiteral("terminal"), terminal},
                     {QStringLiteral("token"), token}});
        QString answer = QStringLiteral("no answer");
        (void)QTest::qWaitFor(
            [&] {
                for (const QJsonObject& m : client.untaken()) {
                    if (typeOf(m) == QLatin1String("welcome"))
                        answer = typeOf(m);
                    else if (typeOf(m) == QLatin1String("error"))
                        answer = m.value(QStringLiteral("code")).toString();
                }
                return answer != QLatin1String("no answer");
            },
            10'000);
        return answer;
    }
    static void expectRefused(const Answer& answer)
    {
        QCOMPARE(typeOf(answer.message), QStringLiteral("error"));
        QCOMPARE(answer.message.value(QStringLiteral("code")).toString(),
                 QStringLiteral("unauthorized"));
        QCOMPARE(answer.closeCode, 4401);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("server-%1.db").arg(++m_runs));
        m_server = std::make_unique<ServerProcess>(m_db);
        QVERIFY(m_server
                    ->admin({QStringLiteral("location"), QStringLiteral("add"),
                             QStringLiteral("store-1"), QStringLiteral("Store floor")})
                    .exitCode == 0);
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void commandPrintsACodeNotAToken()
    {
        const ServerProcess::Run run = m_server->admin(
            {QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("POS-02"),
             QStringLiteral("--role"), QStringLiteral("pos"), QStringLiteral("--pairing")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{4}\\n$"))
                     .match(QString::fromUtf8(run.out))
                     .hasMatch(),
                 run.out.constData());
        QVERIFY2(run.err.contains("15 minutes"), run.err.constData());
        // An unknown or revoked terminal gets no code.
        QVERIFY(code({QStringLiteral("terminal"), QStringLiteral("pair"), QStringLiteral("NOPE")})
                    .isEmpty());
        QCOMPARE(m_server
                     ->admin({QStringLiteral("terminal"), QStringLiteral("revoke"),
                              QStringLiteral("POS-02")})
                     .exitCode,
                 0);
        QVERIFY(code({QStringLiteral("terminal"), QStringLiteral("pair"), QStringLiteral("POS-02")})
                    .isEmpty());
    }

    void happyPath()
    {
        const QString pairingCode = enrolForPairing(QStringLiteral("POS-02"));
        QVERIFY(!pairingCode.isEmpty());
        const Answer answer = pair(pairingCode);
        QCOMPARE(typeOf(answer.message), QStringLiteral("paired"));
        QCOMPARE(answer.message.value(QStringLiteral("terminal")).toString(),
                 QStringLiteral("POS-02"));
        const QString token = answer.message.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 32);
        QCOMPARE(answer.closeCode, 1000);
        QCOMPARE(hello(QStringLiteral("POS-02"), token), QStringLiteral("welcome"));
    }

    // Re-pairing an enrolled terminal (a reinstalled device) rotates its token.
    void pairedTokenReplacesTheOldOne()
    {
        const QString oldToken =
            m_server->addTerminal(QStringLiteral("POS-03"), QStringLiteral("pos"));
        QVERIFY(!oldToken.isEmpty());
        QCOMPARE(hello(QStringLiteral("POS-03"), oldToken), QStringLiteral("welcome"));
        const QString pairingCode =
            code({QStringLiteral("terminal"), QStringLiteral("pair"), QStringLiteral("POS-03")});
        QVERIFY(!pairingCode.isEmpty());
        // The old token works until the code is used.
        QCOMPARE(hello(QStringLiteral("POS-03"), oldToken), QStringLiteral("welcome"));
        const Answer answer = pair(pairingCode);
        const QString newToken = answer.message.value(QStringLiteral("token")).toString();
        QVERIFY(!newToken.isEmpty());
        QVERIFY(newToken != oldToken);
        QCOMPARE(hello(QStringLiteral("POS-03"), oldToken), QStringLiteral("unauthorized"));
        QCOMPARE(hello(QStringLiteral("POS-03"), newToken), QStringLiteral("welcome"));
    }

    void wrongCodeIsRefusedAndTheRightOneStillWorks()
    {
        const QString pairingCode = enrolForPairing(QStringLiteral("POS-02"));
        const QString wrong = pairingCode == QLatin1String("1234-5678")
                                  ? QStringLiteral("8765-4321")
                                  : QStringLiteral("1234-5678");
        expectRefused(pair(wrong));
        QCOMPARE(typeOf(pair(pairingCode).message), QStringLiteral("paired"));
    }

    void usedCodeIsRefused()
    {
        const QString pairingCode = enrolForPairing(QStringLiteral("POS-02"));
        const Answer first = pair(pairingCode);
        QCOMPARE(typeOf(first.message), QStringLiteral("paired"));
        expectRefused(pair(pairingCode));
        // The token the first pairing gave is untouched by the second attempt.
        QCOMPARE(hello(QStringLiteral("POS-02"),
                       first.message.value(QStringLiteral("token")).toString()),
                 QStringLiteral("welcome"));
    }

    // Expiry is decided by the server's clock: a code made "an hour ago" for 15 minutes.
    void expiredCodeIsRefused()
    {
        QVERIFY(!m_server->addTerminal(QStringLiteral("POS-04"), QStringLiteral("pos")).isEmpty());
        QString expired;
        {
            auto store = AdminStore::open(m_server->database());
            QVERIFY(store);
            const auto made = store.value()->createPairingCode(
                QStringLiteral("POS-04"), QDateTime::currentDateTimeUtc().addSecs(-3600),
                pairingCodeValidSeconds);
            QVERIFY(made);
            QVERIFY(made->expiresAt < QDateTime::currentDateTimeUtc());
            expired = made->code;
        }
        expectRefused(pair(expired));
    }

    // A newer code for the same terminal withdraws the earlier one.
    void onlyTheLatestCodeOfATerminalWorks()
    {
        const QString first = enrolForPairing(QStringLiteral("POS-02"));
        const QString second =
            code({QStringLiteral("terminal"), QStringLiteral("pair"), QStringLiteral("POS-02")});
        QVERIFY(!second.isEmpty());
        if (first != second)
            expectRefused(pair(first));
        QCOMPARE(typeOf(pair(second).message), QStringLiteral("paired"));
    }

    // A wrong code cannot tell which code it aimed at, so it counts against every live one;
    // after ten, the code is withdrawn and a guesser has had ten chances in a hundred million.
    void guessingWithdrawsTheCode()
    {
        const QString pairingCode = enrolForPairing(QStringLiteral("POS-02"));
        const QString digits = *pairingCodeDigitsOf(pairingCode);
        int tried = 0;
        for (int guess = 0; tried < maxPairingFailures; ++guess) {
            const QString wrong = QStringLiteral("%1").arg(guess, 8, 10, QLatin1Char('0'));
            if (wrong == digits)
                continue;
            expectRefused(pair(wrong));
            ++tried;
        }
        expectRefused(pair(pairingCode));
    }

    void malformedCodeIsAnInvalidMessage_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("too short") << "1234";
        QTest::newRow("too long") << "1234-56789";
        QTest::newRow("letters") << "abcd-efgh";
        QTest::newRow("empty") << "";
    }
    void malformedCodeIsAnInvalidMessage()
    {
        QFETCH(QString, typed);
        WireClient client;
        QVERIFY(client.open(m_server->url()));
        client.send(pairMessage(typed));
        const QJsonObject error = client.take(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_message"));
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("code"));
        QCOMPARE(client.waitClosed(), 4408);
    }

    // Only as the first message: a terminal that said hello is who it is already.
    void pairAfterHelloIsAnInvalidMessage()
    {
        const QString token =
            m_server->addTerminal(QStringLiteral("POS-05"), QStringLiteral("pos"));
        const QString pairingCode =
            code({QStringLiteral("terminal"), QStringLiteral("pair"), QStringLiteral("POS-05")});
        WireClient client;
        QVERIFY(client.open(m_server->url()));
        QVERIFY(!client.hello(QStringLiteral("POS-05"), token).isEmpty());
        client.send(pairMessage(pairingCode));
        const QJsonObject error = client.take(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_message"));
        QVERIFY(client.isOpen());
        client.close();
        // Not used up by it.
        QCOMPARE(typeOf(pair(pairingCode).message), QStringLiteral("paired"));
    }

    // The device's side: sync::Pairing writes the configuration, and the terminal's client
    // then connects with it.
    void devicePairsAndConnects()
    {
        const QString pairingCode = enrolForPairing(QStringLiteral("POS-02"));
        const QString configPath = m_dir.filePath(QStringLiteral("device-%1.json").arg(m_runs));
        TerminalConfig config;
        config.serverUrl = m_server->url();
        config.location = QStringLiteral("store-1");
        Pairing pairing;
        QSignalSpy succeeded(&pairing, &Pairing::succeeded);
        QSignalSpy failed(&pairing, &Pairing::failed);
        pairing.start(config, configPath, pairingCode.left(4) + u' ' + pairingCode.mid(5));
        QVERIFY(succeeded.wait(Pairing::timeoutMs));
        QCOMPARE(failed.size(), 0);
        const Result<TerminalConfig> written = TerminalConfig::load(configPath);
        QVERIFY(written);
        QCOMPARE(written->terminal, QStringLiteral("POS-02"));
        QCOMPARE(written->location, QStringLiteral("store-1"));
        QCOMPARE(QFile::permissions(configPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("device-%1.db").arg(m_runs)));
        QVERIFY(store);
        ClientOptions options;
        options.url = written->serverUrl;
        options.terminal = written->terminal;
        options.token = written->token;
        Client client(*store.value(), nullptr, options);
        QSignalSpy connected(&client, &Client::connectedChanged);
        client.start();
        QVERIFY(connected.wait(10'000));
        QVERIFY(client.isConnected());
        QCOMPARE(client.role(), QStringLiteral("pos"));
        client.stop();
    }

    void deviceWithAWrongCodeWritesNothing_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("says");
        QTest::newRow("wrong") << "0000-0001"
                               << "did not accept this code";
        QTest::newRow("malformed") << "12-34"
                                   << "8 digits";
    }
    void deviceWithAWrongCodeWritesNothing()
    {
        QFETCH(QString, typed);
        QFETCH(QString, says);
        QVERIFY(!enrolForPairing(QStringLiteral("POS-02")).isEmpty());
        const QString configPath = m_dir.filePath(QStringLiteral("nothing-%1.json").arg(m_runs));
        TerminalConfig config;
        config.serverUrl = m_server->url();
        config.location = QStringLiteral("store-1");
        Pairing pairing;
        QSignalSpy failed(&pairing, &Pairing::failed);
        pairing.start(config, configPath, typed);
        QVERIFY(failed.wait(Pairing::timeoutMs));
        QVERIFY2(failed.first().first().toString().contains(says),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(configPath));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<ServerProcess> m_server;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(tst_Pairing)
#include "tst_pairing.moc"
