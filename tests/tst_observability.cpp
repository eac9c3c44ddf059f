// What the store's IT person watches, from outside a real `stockline-server serve`: the HTTP
// port (--http-listen: /healthz, /readyz, /metrics scraped with curl and checked by promtool
// while terminals sell), systemd's notifications on a NOTIFY_SOCKET, the log's priorities and
// its lines for failed hellos, bans and revocations, and the fail2ban filter run over them.
#include "serverfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace conformance;

namespace {

struct Reply
{
    int status = 0; // 0: no HTTP answer (connection cut or refused)
    QByteArray body;
};

// curl, as a monitoring system or an administrator would ask: the status and the body.
Reply curl(const QUrl& url, const QStringList& extra = {})
{
    QProcess p;
    p.start(QStringLiteral("curl"),
            QStringList{QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("10"),
                        QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} +
                extra + QStringList{url.toString()});
    if (!p.waitForFinished(15'000))
        return {};
    QByteArray out = p.readAllStandardOutput();
    const qsizetype cut = out.lastIndexOf('\n');
    return {out.mid(cut + 1).toInt(), out.left(cut)};
}

// promtool's verdict on a scrape: empty when it has nothing to say.
QString promtoolProblems(const QByteArray& scrape)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    p.write(scrape);
    p.closeWriteChannel();
    if (!p.waitForFinished(15'000))
        return QStringLiteral("promtool did not finish");
    const QString said = QString::fromUtf8(p.readAll()).trimmed();
    if (p.exitCode() != 0 || !said.isEmpty())
        return QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(said);
    return {};
}

// One sample's value in a scrape, -1 when it is not there.
double sample(const QByteArray& scrape, const QString& series)
{
    for (const QByteArray& line : scrape.split('\n'))
        if (line.startsWith(series.toUtf8() + ' '))
            return line.mid(series.toUtf8().size() + 1).toDouble();
    return -1;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A datagram socket standing in for systemd's notification socket.
class NotifySocket
{
public:
    explicit NotifySocket(const QString& path) : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray bytes = QFile::encodeName(path);
        std::memcpy(
            address.sun_path, bytes.constData(),
            std::min<size_t>(static_cast<size_t>(bytes.size()), sizeof(address.sun_path) - 1));
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    [[nodiscard]] bool ok() const { return m_fd >= 0; }
    // What systemd gives a service with WatchdogSec=1s whose notifications go here.
    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NOTIFY_SOCKET"), m_path);
        environment.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("1000000"));
        return environment;
    }
    // Every message received so far, in order.
    QStringList messages()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
            if (n <= 0)
                break;
            m_messages.append(QString::fromUtf8(buffer, n));
        }
        return m_messages;
    }
    // Waits for a message containing `text`.
    bool waitFor(const QString& text, int timeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                const QStringList all = messages();
                return std::any_of(all.cbegin(), all.cend(),
                                   [&](const QString& m) { return m.contains(text); });
            },
            timeoutMs);
    }

private:
    QString m_path;
    int m_fd = -1;
    QStringList m_messages;
};

} // namespace

class TestObservability : public QObject
{
    Q_OBJECT

private:
    // A seeded store whose server serves the HTTP port too.
    [[nodiscard]] static bool startWithHttp(Store& store, const QStringList& more = {})
    {
        store.server().setServeArguments(
            QStringList{QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0")} + more);
        return store.create() && store.start() && store.server().httpUrl().isValid();
    }

    static QUrl at(Store& store, const QString& path)
    {
        return store.server().httpUrl().resolved(QUrl(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* tool : {"curl", "promtool", "fail2ban-regex"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 is missing: run scripts/setup-debian.sh")
                                     .arg(QLatin1String(tool))));
    }

    // Prometheus scrapes while three tills sell and a dock looks on: every scrape passes
    // promtool, and the last shows what happened (applied and refused sales, terminals by role).
    void metricsScrapedWhileTerminalsSell()
    {
        Store store;
        QVERIFY(startWithHttp(store));
        const QUrl metrics = at(store, QStringLiteral("metrics"));
        std::vector<Session> tills;
        for (const QString& id :
             {QStringLiteral("POS-01"), QStringLiteral("POS-02"), QStringLiteral("OBS-01")}) {
            tills.push_back(store.connect(id));
            QVERIFY(tills.back().ok());
        }
        const Session dock = store.connect(QStringLiteral("DOCK-01"));
        QVERIFY(dock.ok());
        // 3 × 6 sales of one B2 each: 5 in stock, so most are refused (insufficient_stock).
        int scrapes = 0;
        for (int round = 1; round <= 6; ++round) {
            // Each till says what is still waiting in its outbox, as sync::Client does.
            for (size_t t = 0; t < tills.size(); ++t)
                tills[t]->send({{QStringLiteral("type"), QStringLiteral("push")},
                                {QStringLiteral("mutations"),
                                 QJsonArray{sale(round, QStringLiteral("S-%1-%2").arg(t).arg(round),
                                                 {line(QStringLiteral("B2"), 1)})}},
                                {QStringLiteral("backlog"), 6 - round + static_cast<int>(t)}});
            const Reply scrape = curl(metrics); // while those pushes are being decided
            QCOMPARE(scrape.status, 200);
            const QString problems = promtoolProblems(scrape.body);
            QVERIFY2(problems.isEmpty(), qPrintable(problems));
            ++scrapes;
            for (Session& till : tills)
                QCOMPARE(till->takeResults(1, 15'000).size(), 1);
        }
        const Reply last = curl(metrics);
        QCOMPARE(last.status, 200);
        QVERIFY2(promtoolProblems(last.body).isEmpty(), qPrintable(promtoolProblems(last.body)));
        QCOMPARE(
            sample(last.body, QStringLiteral("stockline_mutations_applied_total{kind=\"sale\"}")),
            5.0);
        QCOMPARE(sample(last.body, QStringLiteral("stockline_mutations_rejected_total{kind="
                                                  "\"sale\",reason=\"insufficient_stock\"}")),
                 13.0);
        QCOMPARE(sample(last.body, QStringLiteral("stockline_terminals_connected{role=\"pos\"}")),
                 3.0);
        QCOMPARE(
            sample(last.body, QStringLiteral("stockline_terminals_connected{role=\"receiving\"}")),
            1.0);
        QVERIFY(sample(last.body, QStringLiteral("stockline_batch_mutations_count")) >= 1);
        QCOMPARE(sample(last.body, QStringLiteral("stockline_batch_mutations_sum")), 18.0);
        QVERIFY(sample(last.body, QStringLiteral("stockline_commit_to_broadcast_seconds_count")) >=
                1);
        QCOMPARE(sample(last.body, QStringLiteral("stockline_storage_up")), 1.0);
        QCOMPARE(sample(last.body,
                        QStringLiteral("stockline_terminal_outbox_backlog{terminal=\"POS-02\"}")),
                 1.0);
        QCOMPARE(sample(last.body,
                        QStringLiteral("stockline_terminal_outbox_backlog{terminal=\"DOCK-01\"}")),
                 -1.0); // it never pushed
        qInfo().noquote() << scrapes << "scrapes while selling passed promtool; the last:\n"
                          << last.body.left(1200);
    }

    // A hold and a shortage show as open.
    void holdsAndShortagesOpen()
    {
        Store store;
        QVERIFY(startWithHttp(store));
        Session till = store.connect(QStringLiteral("POS-01"));
        QVERIFY(till.ok());
        QCOMPARE(text(pushOne(till, reserve(1, QStringLiteral("R-1"), QStringLiteral("A1"), 2)),
                      "status"),
                 QStringLiteral("applied"));
        // An offline sale beyond stock leaves a shortage exception.
        QCOMPARE(text(pushOne(till, sale(2, QStringLiteral("S-1"), {line(QStringLiteral("C3"), 5)},
                                         true)),
                      "status"),
                 QStringLiteral("applied"));
        const QUrl metrics = at(store, QStringLiteral("metrics"));
        // Sampled every 2 s by the storage thread.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QByteArray body = curl(metrics).body;
                return sample(body, QStringLiteral("stockline_holds_open")) == 1 &&
                       sample(body, QStringLiteral("stockline_shortages_open")) == 1;
            },
            6'000));
    }

    // The port answers GET of its three paths, nothing else, and no request body.
    void httpPortTakesOnlySmallGets()
    {
        Store store;
        QVERIFY(startWithHttp(store));
        const Reply health = curl(at(store, QStringLiteral("healthz")));
        QCOMPARE(health.status, 200);
        const Reply ready = curl(at(store, QStringLiteral("readyz")));
        QCOMPARE(ready.status, 200);
        QVERIFY2(ready.body.contains("database: ok"), ready.body.constData());
        QCOMPARE(curl(at(store, QStringLiteral("nothing-here"))).status, 404);
        QCOMPARE(curl(at(store, QStringLiteral("metrics")),
                      {QStringLiteral("-X"), QStringLiteral("POST")})
                     .status,
                 405);
        QCOMPARE(curl(at(store, QStringLiteral("healthz")),
                      {QStringLiteral("-X"), QStringLiteral("GET"), QStringLiteral("-d"),
                       QStringLiteral("x=1")})
                     .status,
                 413);
        // A body beyond the port's byte budget (the web API's: 256 KiB at once) is cut off
        // before Qt buffers it: no answer at all.
        QTemporaryDir dir;
        QFile big(dir.filePath(QStringLiteral("big")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(2'000'000, 'a'));
        big.close();
        QCOMPARE(curl(at(store, QStringLiteral("healthz")),
                      {QStringLiteral("-X"), QStringLiteral("GET"), QStringLiteral("--data-binary"),
                       u'@' + big.fileName()})
                     .status,
                 0);
        // And the port still serves.
        QCOMPARE(curl(at(store, QStringLiteral("healthz"))).status, 200);
    }

    // With --tls-cert the port speaks HTTPS with the same certificate; a plain request to it is
    // a failed TLS handshake, and counted.
    void httpPortUsesTheServersCertificate()
    {
        QTemporaryDir dir;
        Certificate certificate;
        QVERIFY(makeCertificate(dir.path(), QStringLiteral("server"), certificate));
        Store store;
        QVERIFY(startWithHttp(store, {QStringLiteral("--tls-cert"), certificate.cert,
                                      QStringLiteral("--tls-key"), certificate.key}));
        const QUrl health = at(store, QStringLiteral("healthz"));
        QCOMPARE(health.scheme(), QStringLiteral("https"));
        QCOMPARE(curl(health, {QStringLiteral("--cacert"), certificate.cert}).status, 200);
        QUrl plain = health;
        plain.setScheme(QStringLiteral("http"));
        QCOMPARE(curl(plain).status, 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return sample(curl(at(store, QStringLiteral("metrics")),
                                   {QStringLiteral("--cacert"), certificate.cert})
                                  .body,
                              QStringLiteral("stockline_tls_handshake_failures_total")) == 1;
            },
            5'000));
    }

    // A bad --http-listen is refused with a message naming it, before anything starts.
    void badHttpListenIsRefused()
    {
        Store store;
        QVERIFY(store.create());
        store.server().setServeArguments({QStringLiteral("--http-listen"), QStringLiteral("nope")});
        QTemporaryDir dir;
        store.server().setLogFile(dir.filePath(QStringLiteral("log")));
        QVERIFY(!store.start());
        const QByteArray said = readFile(dir.filePath(QStringLiteral("log")));
        QVERIFY2(said.contains("--http-listen: 'nope' is not HOST:PORT"), said.constData());
    }

    // PostgreSQL stops: /readyz turns 503 within 2 s and says why; it starts again: 200.
    void readyzRedWithinTwoSecondsOfDatabaseOutage()
    {
        if (!TestDatabase::postgres())
            QSKIP("PostgreSQL only (tst_observability_pg): a SQLite file does not go away");
        Store store;
        QVERIFY(startWithHttp(store));
        const QUrl readyz = at(store, QStringLiteral("readyz"));
        QCOMPARE(curl(readyz).status, 200);
        QVERIFY(TestDatabase::stopCluster());
        QElapsedTimer sinceStop;
        sinceStop.start();
        Reply reply;
        QVERIFY(QTest::qWaitFor(
            [&] {
                reply = curl(readyz);
                return reply.status == 503;
            },
            10'000));
        const qint64 ms = sinceStop.elapsed();
        qInfo() << "/readyz went 503" << ms << "ms after the cluster stopped:" << reply.body;
        QVERIFY2(ms <= 2'000, qPrintable(QString::number(ms)));
        QVERIFY2(reply.body.contains("database: not answering"), reply.body.constData());
        QCOMPARE(curl(at(store, QStringLiteral("healthz"))).status, 200); // the process serves
        QCOMPARE(sample(curl(at(store, QStringLiteral("metrics"))).body,
                        QStringLiteral("stockline_storage_up")),
                 0.0);
        QVERIFY(TestDatabase::startCluster());
        QVERIFY(QTest::qWaitFor([&] { return curl(readyz).status == 200; }, 15'000));
    }

    // A session of someone else's holds a lock the storage thread waits on, for good: after
    // 10 s /readyz says the thread is stuck and the watchdog pings stop (systemd would restart
    // the service); once the lock goes, the pings come back.
    void stuckStorageThreadStopsTheWatchdog()
    {
        if (!TestDatabase::postgres())
            QSKIP("PostgreSQL only (tst_observability_pg): SQLite waits 5 s for a lock at most");
        QTemporaryDir dir;
        NotifySocket notify(dir.filePath(QStringLiteral("notify")));
        QVERIFY(notify.ok());
        Store store;
        store.server().setEnvironment(notify.environment());
        QVERIFY(startWithHttp(store));
        QVERIFY(notify.waitFor(QStringLiteral("WATCHDOG=1"), 3'000));
        {
            QSqlDatabase db =
                TestDatabase::openRaw(store.server().database(), QStringLiteral("locker"));
            QVERIFY(db.isOpen());
            QVERIFY(db.transaction());
            QSqlQuery lock(db);
            QVERIFY(lock.exec(QStringLiteral("LOCK TABLE meta IN ACCESS EXCLUSIVE MODE")));
            Reply reply;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    // Drained as systemd would: a full socket would block the server's sd_notify.
                    notify.messages();
                    reply = curl(at(store, QStringLiteral("readyz")));
                    return reply.status == 503 && reply.body.contains("storage thread: stuck for");
                },
                15'000));
            // Not read for 5 s made it 503 already; the thread counts as stuck after 10 s.
            QVERIFY2(reply.body.contains("database: not read for"), reply.body.constData());
            const qsizetype seen = notify.messages().size();
            QTest::qWait(1'500); // three watchdog intervals, fewer datagrams than the socket holds
            const QStringList since = notify.messages().mid(seen);
            QVERIFY2(!since.join(u'|').contains(QStringLiteral("WATCHDOG=1")),
                     qPrintable(since.join(u'|')));
            QVERIFY2(since.join(u'|').contains(QStringLiteral("not ready: storage thread: stuck")),
                     qPrintable(since.join(u'|')));
            QVERIFY(db.rollback());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        const qsizetype seen = notify.messages().size();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return notify.messages().mid(seen).join(u'|').contains(
                    QStringLiteral("WATCHDOG=1"));
            },
            5'000));
        QCOMPARE(curl(at(store, QStringLiteral("readyz"))).status, 200);
    }

    // systemd's side: READY=1 once listening, WATCHDOG=1 at half WATCHDOG_USEC, STATUS= with
    // the terminals connected, STOPPING=1 on SIGTERM.
    void systemdNotifications()
    {
        QTemporaryDir dir;
        NotifySocket notify(dir.filePath(QStringLiteral("notify")));
        QVERIFY(notify.ok());
        Store store;
        store.server().setEnvironment(notify.environment());
        QVERIFY(store.create() && store.start());
        QVERIFY(notify.waitFor(QStringLiteral("READY=1"), 5'000));
        QVERIFY(notify.waitFor(QStringLiteral("WATCHDOG=1"), 3'000));
        Session till = store.connect(QStringLiteral("POS-01"));
        QVERIFY(till.ok());
        QVERIFY2(
            notify.waitFor(QStringLiteral("STATUS=1 terminals connected (pos 1); ready"), 3'000),
            qPrintable(notify.messages().join(u'|')));
        QCOMPARE(store.server().terminate(), 0);
        QVERIFY(notify.waitFor(QStringLiteral("STOPPING=1"), 1'000));
    }

    // Failed hellos, the ban that follows and a revocation each make one warning line with the
    // address and the reason; fail2ban's filter matches the failures and the refusals, and
    // nothing else.
    void failedHelloBanAndRevocationLines()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("server.log"));
        Store store;
        store.server().setLogFile(log);
        store.server().setServeArguments(
            {QStringLiteral("--failed-hellos-slow"), QStringLiteral("10"),
             QStringLiteral("--failed-hellos-refuse"), QStringLiteral("3")});
        QVERIFY(store.create() && store.start());
        Session revoked = store.connect(QStringLiteral("POS-02"));
        QVERIFY(revoked.ok());
        for (int i = 0; i < 3; ++i) {
            WireClient guess;
            QVERIFY(guess.open(store.server().url()));
            QVERIFY(guess.hello(QStringLiteral("POS-01"), QStringLiteral("wrong-token")).isEmpty());
        }
        WireClient banned;
        QVERIFY(banned.open(store.server().url()));
        QVERIFY(banned.hello(QStringLiteral("POS-01"), store.token(QStringLiteral("POS-01")))
                    .isEmpty());
        QCOMPARE(store.server()
                     .admin({QStringLiteral("terminal"), QStringLiteral("revoke"),
                             QStringLiteral("POS-02")})
                     .exitCode,
                 0);
        QCOMPARE(revoked->waitClosed(), 4403);
        QCOMPARE(store.server().terminate(), 0);

        const QString lines = QString::fromUtf8(readFile(log));
        const auto count = [&lines](const QString& pattern) {
            return lines.count(QRegularExpression(pattern, QRegularExpression::MultilineOption));
        };
        const QString time =
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ");
        QCOMPARE(count(time + QStringLiteral("warning stockline\\.sync\\.server: failed hello from "
                                             "127\\.0\\.0\\.1: unauthorized \\(unknown terminal or "
                                             "wrong token\\) terminal \"POS-01\"$")),
                 3);
        QCOMPARE(count(time + QStringLiteral("warning stockline\\.sync\\.server: banned 127\\.0\\.0"
                                             "\\.1 for 300 s after 3 failed hellos$")),
                 1);
        QCOMPARE(count(time + QStringLiteral("warning stockline\\.sync\\.server: refused hello "
                                             "from 127\\.0\\.0\\.1: banned for \\d+ s more$")),
                 1);
        QCOMPARE(count(time + QStringLiteral("warning stockline\\.sync\\.server: revoked terminal "
                                             "POS-02 cut off: its connection from 127\\.0\\.0\\.1 "
                                             "closed \\(4403\\)$")),
                 1);

        QProcess regex;
        regex.setProcessChannelMode(QProcess::MergedChannels);
        regex.start(QStringLiteral("fail2ban-regex"),
                    {log, QStringLiteral(STOCKLINE_SOURCE_DIR
                                         "/resources/fail2ban/filter.d/stockline-server.conf")});
        QVERIFY(regex.waitForFinished(60'000));
        const QString report = QString::fromUtf8(regex.readAll());
        QCOMPARE(regex.exitCode(), 0);
        const QRegularExpressionMatch summary =
            QRegularExpression(QStringLiteral("Lines: (\\d+) lines, 0 ignored, (\\d+) matched"))
                .match(report);
        QVERIFY2(summary.hasMatch(), qPrintable(report));
        QCOMPARE(summary.captured(2).toInt(), 4); // 3 failed, 1 refused while banned
        QVERIFY2(report.contains(QStringLiteral("127.0.0.1")), qPrintable(report));
    }

    // With stderr on the journal (JOURNAL_STREAM names it), lines carry sd-daemon priorities
    // instead of a time and a level word.
    void journalPriorities()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("journal"));
        QVERIFY(QFile(log).open(QIODevice::WriteOnly));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(log).constData(), &st), 0);
        Store store;
        store.server().setLogFile(log);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JOURNAL_STREAM"),
                           QStringLiteral("%1:%2").arg(st.st_dev).arg(st.st_ino));
        store.server().setEnvironment(environment);
        QVERIFY(store.create() && store.start());
        WireClient guess;
        QVERIFY(guess.open(store.server().url()));
        QVERIFY(guess.hello(QStringLiteral("POS-01"), QStringLiteral("wrong-token")).isEmpty());
        QCOMPARE(store.server().terminate(), 0);
        const QByteArray lines = readFile(log);
        QVERIFY2(lines.contains("\n<4>stockline.sync.server: failed hello from 127.0.0.1: ") ||
                     lines.startsWith("<4>stockline.sync.server: failed hello from 127.0.0.1: "),
                 lines.constData());
        for (const QByteArray& line : lines.trimmed().split('\n'))
            QVERIFY2(QRegularExpression(QStringLiteral("^<[0-7]>"))
                         .match(QString::fromUtf8(line))
                         .hasMatch(),
                     line.constData());
    }
};

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"
