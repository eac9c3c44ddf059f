#include "syncbench.h"

#include "catalog.h"
#include "client.h"
#include "localstore.h"
#include "pinhash.h"
#include "protocol.h"
#include "reportschema.h"
#include "serverstore.h"
#include "sqlserverstore.h"
#include "stats.h"
#include "transport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <deque>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace stockline;
using namespace stockline::sync;

namespace syncbench {

namespace {

const QString storeFloor = QStringLiteral("store-1");

// One clock for every timestamp of a run, so sends and arrivals compare directly.
QElapsedTimer& clock()
{
    static QElapsedTimer timer;
    if (!timer.isValid())
        timer.start();
    return timer;
}

qint64 nowNs()
{
    return clock().nsecsElapsed();
}

double ms(qint64 ns)
{
    return static_cast<double>(ns) / 1e6;
}

// Runs the event loop until done() or the timeout; a tick wakes it to check the deadline.
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Every mutation of a run carries the same `at`: it is informational only.
const QDateTime& benchNow()
{
    static const QDateTime now = QDateTime::currentDateTimeUtc();
    return now;
}

// ---------------------------------------------------------------- the server process

// CPU time a process has used, per thread: the figure that contention on a shared machine
// disturbs least. From /proc (Linux), in seconds.
struct CpuTimes
{
    double mainThread = 0;   // the server's socket thread
    double otherThreads = 0; // the storage thread, mostly
    double bench = 0;        // this process: every terminal's side

    [[nodiscard]] double total() const { return mainThread + otherThreads; }
    CpuTimes operator-(const CpuTimes& before) const
    {
        return {mainThread - before.mainThread, otherThreads - before.otherThreads,
                bench - before.bench};
    }
};

double threadCpuSeconds(const QString& statPath)
{
    QFile file(statPath);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // After "pid (comm)": state is field 3, utime 14 and stime 15.
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    static const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<double>(fields[11].toLongLong() + fields[12].toLongLong()) / ticks;
}

CpuTimes cpuTimes(qint64 pid)
{
    CpuTimes times;
    const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList threads = QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& tid : threads) {
        const double seconds = threadCpuSeconds(tasks + u'/' + tid + QStringLiteral("/stat"));
        (tid.toLongLong() == pid ? times.mainThread : times.otherThreads) += seconds;
    }
    rusage self{};
    if (getrusage(RUSAGE_SELF, &self) == 0)
        times.bench = static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                      static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
    return times;
}

// "server CPU 1.23 s (socket thread 0.40 s, other threads 0.83 s) = 41.0 us per mutation;
// bench CPU 0.50 s"
QString cpuSummary(const CpuTimes& used, double count, const QString& per)
{
    return QStringLiteral("server CPU %1 s (socket thread %2 s, other threads %3 s) = %4 us per "
                          "%5; bench CPU %6 s")
        .arg(used.total(), 0, 'f', 2)
        .arg(used.mainThread, 0, 'f', 2)
        .arg(used.otherThreads, 0, 'f', 2)
        .arg(count > 0 ? used.total() * 1e6 / count : 0.0, 0, 'f', 1)
        .arg(per)
        .arg(used.bench, 0, 'f', 2);
}

// A fresh SQLite file in a temporary folder (or the empty database --db names), filled in-process
// through AdminStore, then served by the real `stockline-server serve` on 127.0.0.1 with a free
// port.
class ServerRun
{
public:
    ServerRun(const ServerOptions& options, QTextStream& out) : m_out(out)
    {
        m_binary = options.binary.isEmpty()
                       ? QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                         QStringLiteral("/../server/stockline-server"))
                       : options.binary;
        m_dir.setAutoRemove(!options.keep);
        m_database = options.database.isEmpty()
                         ? QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"))
                         : options.database;
        if (options.keep)
            m_out << "server database kept: " << m_database << Qt::endl;
    }
    ~ServerRun() { stop(); }
    ServerRun(const ServerRun&) = delete;
    ServerRun& operator=(const ServerRun&) = delete;

    [[nodiscard]] QString database() const { return m_database; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] CpuTimes cpu() const { return cpuTimes(m_process.processId()); }

    [[nodiscard]] bool setUp(const std::function<Status(AdminStore&)>& fill)
    {
        if (!QFileInfo(m_binary).isExecutable()) {
            m_out << "no server at " << m_binary << ": build it, or pass --server PATH" << Qt::endl;
            return false;
        }
        if (!m_dir.isValid()) {
            m_out << "cannot make a temporary folder: " << m_dir.errorString() << Qt::endl;
            return false;
        }
        const qint64 started = nowNs();
        // A line per enrolled terminal says nothing here.
        QLoggingCategory::setFilterRules(QStringLiteral("stockline.*.info=false"));
        auto store = AdminStore::open(database());
        if (!store) {
            m_out << "cannot open the database: " << store.error().toString() << Qt::endl;
            return false;
        }
        if (Status s = fill(*store.value()); !s) {
            m_out << "cannot set up the store: " << s.error().toString() << Qt::endl;
            return false;
        }
        m_out << "store set up in " << qRound(ms(nowNs() - started)) << " ms" << Qt::endl;
        return true;
    }

    [[nodiscard]] QUrl httpUrl() const { return m_httpUrl; }

    // `extra`: more options for serve, say --http-listen (then httpUrl() is its port).
    [[nodiscard]] bool start(const QStringList& extra = {})
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(m_binary,
                        QStringList{QStringLiteral("serve"), QStringLiteral("--db"), database(),
                                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                            extra);
        if (!m_process.waitForStarted(10'000)) {
            m_out << "cannot start " << m_binary << ": " << m_process.errorString() << Qt::endl;
            return false;
        }
        static const QRegularExpression listening(QStringLiteral("listening on (ws://[^/\\s]+/)"));
        QByteArray said;
        const QDeadlineTimer deadline(30'000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            said += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(said));
            static const QRegularExpression http(QStringLiteral("metrics on (https?://\\S+/)"));
            if (const QRegularExpressionMatch h = http.match(QString::fromUtf8(said)); h.hasMatch())
                m_httpUrl = QUrl(h.captured(1));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                m_out << "server pid " << m_process.processId() << " on " << m_url.toString()
                      << Qt::endl;
                return true;
            }
        }
        m_out << "the server did not start listening: " << said << Qt::endl;
        return false;
    }

    // SIGTERM, as a service manager stops it; its exit code (-1 if it had to be killed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(30'000)) {
            m_out << "the server did not stop on SIGTERM: killed" << Qt::endl;
            m_process.kill();
            m_process.waitForFinished(5'000);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // `stockline-server verify` on the database: the ledger replays to the levels.
    [[nodiscard]] bool verify()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_binary, {QStringLiteral("verify"), QStringLiteral("--db"), database()});
        if (!p.waitForFinished(300'000)) {
            m_out << "verify did not finish" << Qt::endl;
            return false;
        }
        const QList<QByteArray> lines = p.readAll().trimmed().split('\n');
        for (const QByteArray& line : lines)
            m_out << "  " << line << Qt::endl;
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private:
    QTextStream& m_out;
    QString m_binary;
    QTemporaryDir m_dir;
    QString m_database;
    QProcess m_process;
    QUrl m_url;
    QUrl m_httpUrl;
};

// ---------------------------------------------------------------- terminals on the wire

class Fleet;

// One terminal's connection: raw JSON over a QWebSocket. It says hello as soon as it is
// connected and is ready once the welcome and the first levels and catalog are in; every
// message after that goes to the scenario's handler.
class Peer : public QObject
{
public:
    // `type` is the message's type; `text` the whole message.
    using Handler = std::function<void(Peer&, const QString& type, const QString& text)>;

    Peer(Fleet& fleet, int index, QString terminal, QString token);

    void open(const QUrl& url) { m_socket.open(url); }
    void abort()
    {
        m_aborting = true;
        m_socket.abort();
    }
    void send(const QByteArray& json) { m_socket.sendTextMessage(QString::fromLatin1(json)); }

    [[nodiscard]] int index() const { return m_index; }
    [[nodiscard]] const QString& terminal() const { return m_terminal; }
    // The next seq this terminal numbers a mutation with.
    qint64 nextSeq = 1;
    Handler handler;

private:
    void onMessage(const QString& text);
    void onReadyMessage(const QString& type, const QString& text);

    Fleet& m_fleet;
    int m_index;
    QString m_terminal;
    QString m_token;
    QWebSocket m_socket;
    bool m_welcomed = false, m_levels = false, m_catalog = false, m_ready = false;
    bool m_aborting = false;
};

// The type of a server message. JsonWriter puts "type" first, which is sniffed without a
// parse; anything else (QJsonDocument sorts keys) is parsed.
QString messageType(const QString& text)
{
    static const QLatin1StringView prefix("{\"type\":\"");
    if (text.startsWith(prefix)) {
        const qsizetype end = text.indexOf(u'"', prefix.size());
        if (end > 0)
            return text.mid(prefix.size(), end - prefix.size());
    }
    // An `answer` has its keys sorted, `type` last: `…,"type":"answer"}` ends the whole text
    // only as the outer object's member. Parsing a report of thousands of rows here would time
    // the bench's own parser, not the server.
    static const QLatin1StringView key(",\"type\":\"");
    if (text.endsWith(QLatin1StringView("\"}"))) {
        const qsizetype at = text.lastIndexOf(key);
        const qsizetype start = at + key.size();
        if (at > 0 && text.indexOf(u'"', start) == text.size() - 2)
            return text.mid(start, text.size() - 2 - start);
    }
    return QJsonDocument::fromJson(text.toUtf8()).object().value(QLatin1String("type")).toString();
}

QJsonObject parse(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Every terminal of a scenario, with the counts its waits need (kept up to date, so a wait
// never scans a thousand peers).
class Fleet
{
public:
    explicit Fleet(QTextStream& out) : m_out(out) {}
    ~Fleet() { abortAll(); }
    Fleet(const Fleet&) = delete;
    Fleet& operator=(const Fleet&) = delete;

    Peer& add(const QString& terminal, const QString& token)
    {
        m_peers.push_back(
            std::make_unique<Peer>(*this, static_cast<int>(m_peers.size()), terminal, token));
        return *m_peers.back();
    }
    [[nodiscard]] int size() const { return static_cast<int>(m_peers.size()); }
    Peer& at(int i) { return *m_peers[static_cast<std::size_t>(i)]; }

    // Opens every connection at once and waits until each is welcomed and caught up.
    [[nodiscard]] bool connectAll(const QUrl& url, int timeoutMs)
    {
        const qint64 started = nowNs();
        for (auto& peer : m_peers)
            peer->open(url);
        const bool settled =
            waitUntil([this] { return ready == size() || lost > 0 || errors > 0; }, timeoutMs);
        if (!settled || ready != size()) {
            m_out << "only " << ready << " of " << size() << " terminals ready (" << lost
                  << " connections lost, " << errors << " errors)" << Qt::endl;
            return false;
        }
        m_out << size() << " terminals connected, welcomed and caught up in "
              << qRound(ms(nowNs() - started)) << " ms" << Qt::endl;
        return true;
    }

    void abortAll()
    {
        for (auto& peer : m_peers)
            peer->abort();
    }

    // A problem worth telling, told for the first few only.
    void report(const QString& what)
    {
        if (++m_reported <= 5)
            m_out << "  " << what << Qt::endl;
    }

    int ready = 0;
    int lost = 0;   // connections that closed while the scenario ran
    int errors = 0; // `error` messages
    qint64 bytesIn = 0;
    qint64 levelsIn = 0; // levels messages received, all terminals together

private:
    QTextStream& m_out;
    std::vector<std::unique_ptr<Peer>> m_peers;
    int m_reported = 0;
};

Peer::Peer(Fleet& fleet, int index, QString terminal, QString token)
    : m_fleet(fleet), m_index(index), m_terminal(std::move(terminal)), m_token(std::move(token))
{
    m_socket.setMaxAllowedIncomingMessageSize(256 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        send(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                                       {QStringLiteral("protocol"), 1},
                                       {QStringLiteral("terminal"), m_terminal},
                                       {QStringLiteral("token"), m_token},
                                       {QStringLiteral("cursor"), 0}})
                 .toJson(QJsonDocument::Compact));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString& text) { onMessage(text); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_aborting)
            return;
        ++m_fleet.lost;
        m_fleet.report(QStringLiteral("%1 lost its connection: %2 %3 %4")
                           .arg(m_terminal)
                           .arg(m_socket.closeCode())
                           .arg(m_socket.closeReason(), m_socket.errorString()));
    });
}

void Peer::onMessage(const QString& text)
{
    m_fleet.bytesIn += text.size();
    const QString type = messageType(text);
    if (type == QLatin1String("levels"))
        ++m_fleet.levelsIn;
    if (type == QLatin1String("error")) {
        ++m_fleet.errors;
        m_fleet.report(m_terminal + QStringLiteral(" got ") + text.left(300));
        return;
    }
    if (m_ready) {
        if (handler)
            handler(*this, type, text);
        return;
    }
    onReadyMessage(type, text);
}

void Peer::onReadyMessage(const QString& type, const QString& text)
{
    if (type == QLatin1String("welcome")) {
        m_welcomed = true;
        nextSeq = parse(text).value(QLatin1String("lastSeq")).toInteger() + 1;
    } else if (type == QLatin1String("levels")) {
        m_levels = true;
    } else if (type == QLatin1String("catalog")) {
        m_catalog = true;
    }
    if (m_welcomed && m_levels && m_catalog) {
        m_ready = true;
        ++m_fleet.ready;
    }
}

// ---------------------------------------------------------------- mutations as JSON text

// One mutation of `peer` as wire bytes, written by the protocol's own serializer.
QByteArray wire(const Peer& peer, qint64 seq, MutationBody body)
{
    Mutation m;
    m.seq = seq;
    m.id = peer.terminal() + u'.' + QString::number(seq);
    m.at = benchNow();
    m.body = std::move(body);
    return m.toJsonBytes();
}

QByteArray reserveJson(Peer& peer, const QString& reservation, const QString& sku, qint64 qty)
{
    const qint64 seq = peer.nextSeq++;
    return wire(peer, seq, ReserveMutation{reservation, sku, storeFloor, qty, 600});
}

QByteArray releaseJson(Peer& peer, const QString& reservation)
{
    const qint64 seq = peer.nextSeq++;
    return wire(peer, seq, ReleaseMutation{reservation});
}

struct Line
{
    QString sku;
    qint64 qty = 0;
    QString reservation;
};

QByteArray receiveJson(Peer& peer, const QList<Line>& lines)
{
    const qint64 seq = peer.nextSeq++;
    ReceiveMutation receive;
    receive.receipt = QStringLiteral("R-%1").arg(seq);
    receive.location = storeFloor;
    for (const Line& line : lines)
        receive.lines.append(ItemLine{line.sku, line.qty});
    return wire(peer, seq, std::move(receive));
}

// The receipt a till sends with a sale: each line at unitPrice, 8.875 % tax.
ReceiptContent receiptOf(const QList<Line>& lines, qint64 unitPrice)
{
    const TaxRate rate = TaxRate::fromMilliPercent(8875);
    ReceiptContent receipt;
    for (const Line& line : lines) {
        ReceiptEntry e;
        e.sku = line.sku;
        e.name = QStringLiteral("Product ") + line.sku;
        e.qty = line.qty;
        e.unitPrice = Money::fromMinor(unitPrice);
        e.taxRate = rate;
        const Money net = e.unitPrice * line.qty;
        e.tax = rate.taxOn(net);
        e.total = net + e.tax;
        receipt.net += net;
        receipt.tax += e.tax;
        receipt.total += e.total;
        receipt.lines.append(e);
    }
    return receipt;
}

// Numbered as a till numbers its receipts ("POS-0001-000042"), so every terminal's are its own.
QByteArray saleJson(Peer& peer, const QList<Line>& lines, qint64 unitPrice, bool withReceipt)
{
    const qint64 seq = peer.nextSeq++;
    SaleMutation sale;
    sale.sale = QStringLiteral("%1-%2").arg(peer.terminal()).arg(seq, 6, 10, QLatin1Char('0'));
    sale.location = storeFloor;
    qint64 total = 0;
    for (const Line& line : lines) {
        sale.lines.append(
            SaleLine{line.sku, line.qty, Money::fromMinor(unitPrice), line.reservation});
        total += line.qty * unitPrice;
    }
    if (withReceipt) {
        sale.receipt = receiptOf(lines, unitPrice);
        total = sale.receipt->total.minor();
    }
    sale.payments.append(Payment{QStringLiteral("card"), Money::fromMinor(total), QString()});
    return wire(peer, seq, std::move(sale));
}

// ---------------------------------------------------------------- set-up helpers

Product product(const QString& sku, int i)
{
    Product p;
    p.sku = sku;
    p.name = QStringLiteral("Bench item %1").arg(i);
    p.price = Money::fromMinor(199 + i % 500);
    return p;
}

// Enrols `count` terminals "PREFIX-0000…" with `role`; their tokens, in order.
Status enrol(AdminStore& store, const QString& prefix, int count, Role role, QStringList& tokens)
{
    for (int i = 0; i < count; ++i) {
        const Result<QString> token = store.addTerminal(
            QStringLiteral("%1-%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0')), role);
        if (!token)
            return token.error();
        tokens.append(token.value());
    }
    return success();
}

void addPeers(Fleet& fleet, const QString& prefix, const QStringList& tokens)
{
    for (int i = 0; i < tokens.size(); ++i)
        fleet.add(QStringLiteral("%1-%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0')), tokens[i]);
}

const char* verdict(bool met)
{
    return met ? "met" : "MISSED";
}

// Each result of a `results` message, in order.
template <typename F> void forEachResult(const QString& text, F&& f)
{
    const QJsonArray results = parse(text).value(QLatin1String("results")).toArray();
    for (const QJsonValue& value : results)
        f(value.toObject());
}

bool isApplied(const QJsonObject& result)
{
    return result.value(QLatin1String("status")).toString() == QLatin1String("applied");
}

QString rejection(const QJsonObject& result)
{
    return result.value(QLatin1String("code")).toString();
}

} // namespace

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// ---------------------------------------------------------------- race

namespace {

struct RaceRound
{
    QString sku;
    int applied = 0;
    int insufficient = 0;
    int other = 0;
    int answered = 0;
    qint64 startedNs = 0;
    qint64 settledNs = 0;
    Stats resultMs; // first send → this buyer's result
};

// The pushes of one round, built before the clock starts: buyer i is on connection i % C.
QList<std::pair<Peer*, QByteArray>> racePushes(Fleet& fleet, const RaceOptions& o, int round,
                                               const QString& sku)
{
    QList<std::pair<Peer*, QByteArray>> pushes;
    for (int c = 0; c < fleet.size(); ++c) {
        Peer& peer = fleet.at(c);
        QList<QByteArray> mutations;
        for (int buyer = c; buyer < o.buyers; buyer += o.connections) {
            mutations.append(
                reserveJson(peer, QStringLiteral("b%1-%2").arg(round).arg(buyer), sku, 1));
            if (o.perPush > 0 && mutations.size() == o.perPush)
                pushes.append({&peer, sync::encodePush(std::exchange(mutations, {}))});
        }
        if (!mutations.isEmpty())
            pushes.append({&peer, sync::encodePush(mutations)});
    }
    return pushes;
}

bool runRaceRound(Fleet& fleet, const RaceOptions& o, int round, RaceRound& r, QTextStream& out)
{
    const auto pushes = racePushes(fleet, o, round, r.sku);
    for (int c = 0; c < fleet.size(); ++c) {
        fleet.at(c).handler = [&r, &o](Peer&, const QString& type, const QString& text) {
            if (type != QLatin1String("results"))
                return;
            const qint64 now = nowNs();
            forEachResult(text, [&](const QJsonObject& result) {
                if (isApplied(result))
                    ++r.applied;
                else if (rejection(result) == QLatin1String("insufficient_stock"))
                    ++r.insufficient;
                else
                    ++r.other;
                r.resultMs.add(ms(now - r.startedNs));
            });
            r.answered = r.applied + r.insufficient + r.other;
            if (r.answered == o.buyers)
                r.settledNs = now - r.startedNs;
        };
    }
    r.resultMs.reserve(o.buyers);
    r.startedNs = nowNs();
    for (const auto& [peer, json] : pushes)
        peer->send(json);
    const bool settled = waitUntil(
        [&] { return r.answered == o.buyers || fleet.lost > 0 || fleet.errors > 0; }, 120'000);
    if (!settled || r.answered != o.buyers) {
        out << "round " << round << ": only " << r.answered << " of " << o.buyers
            << " buyers answered" << Qt::endl;
        return false;
    }
    for (int c = 0; c < fleet.size(); ++c)
        fleet.at(c).handler = nullptr;
    out << "round " << round << " (" << r.sku << ", " << pushes.size() << " pushes): settled in "
        << ms(r.settledNs) << " ms; applied " << r.applied << ", insufficient_stock "
        << r.insufficient << ", other " << r.other << "; result after first send "
        << r.resultMs.summary(QStringLiteral("ms")) << Qt::endl;
    return true;
}

// What a round must show: exactly min(units, buyers) reserved, never more.
bool raceHeld(const RaceRound& r, const RaceOptions& o, QTextStream& out)
{
    const int expected = std::min(o.units, o.buyers);
    if (r.applied > o.units)
        out << "!!!!!!!! OVERSOLD: " << r.applied << " reserves applied on " << o.units
            << " units of " << r.sku << " !!!!!!!!" << Qt::endl;
    else if (r.applied != expected)
        out << "!!!!!!!! UNDERSOLD: " << r.applied << " applied where " << expected
            << " units could be had !!!!!!!!" << Qt::endl;
    if (r.other > 0)
        out << "!!!!!!!! " << r.other << " results neither applied nor insufficient_stock"
            << Qt::endl;
    return r.applied == expected && r.other == 0 && r.insufficient == o.buyers - expected;
}

// After the server stopped: the levels in the file agree with what the buyers were told.
bool raceLevelsAgree(const QString& database, const QList<RaceRound>& rounds, const RaceOptions& o,
                     QTextStream& out)
{
    auto store = AdminStore::open(database);
    if (!store)
        return false;
    bool agree = true;
    for (const RaceRound& r : rounds) {
        const auto levels = store.value()->levels(r.sku);
        if (!levels || levels->size() != 1 || levels->first().onHand != o.units ||
            levels->first().reserved != r.applied) {
            out << "!!!!!!!! " << r.sku << ": the stored level does not hold " << r.applied
                << " reserved of " << o.units << Qt::endl;
            agree = false;
        }
    }
    return agree;
}

} // namespace

int race(const RaceOptions& o, QTextStream& out)
{
    if (o.buyers < 1 || o.units < 0 || o.connections < 1 || o.rounds < 1 || o.perPush < 0) {
        out << "race: --buyers, --connections and --rounds must be positive" << Qt::endl;
        return 2;
    }
    out << "race: " << o.buyers << " buyers of 1 unit each over " << o.connections
        << " connections for " << o.units << " units, "
        << (o.perPush ? QStringLiteral("%1 per push").arg(o.perPush)
                      : QStringLiteral("one push per connection"))
        << ", " << o.rounds << " rounds" << Qt::endl;
    QList<RaceRound> rounds(o.rounds);
    ServerRun server(o.server, out);
    QStringList tokens;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        QList<Product> products;
        QList<StockMovement> stock;
        for (int i = 0; i < o.rounds; ++i) {
            rounds[i].sku = QStringLiteral("RACE-%1").arg(i + 1);
            products.append(product(rounds[i].sku, i));
            stock.append(StockMovement{rounds[i].sku, storeFloor, o.units});
        }
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = store.importCatalog(products); !s)
            return s;
        if (Status s = store.importStock(stock); !s)
            return s;
        return enrol(store, QStringLiteral("B"), o.connections, Role::Pos, tokens);
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("B"), tokens);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;

    bool held = true;
    Stats settle;
    // Stock decisions (applied or insufficient_stock) per second from the first send until the
    // last result: what pgbench's tps on the plain conditional update compares with.
    Stats decisions;
    const CpuTimes before = server.cpu();
    for (int i = 0; i < o.rounds; ++i) {
        if (!runRaceRound(fleet, o, i + 1, rounds[i], out))
            return 1;
        held = raceHeld(rounds[i], o, out) && held;
        settle.add(ms(rounds[i].settledNs));
        decisions.add(o.buyers / (ms(rounds[i].settledNs) / 1000.0));
    }
    out << "race settle time over " << o.rounds
        << " rounds: " << settle.summary(QStringLiteral("ms")) << Qt::endl;
    out << "race decisions/s over " << o.rounds
        << " rounds: " << decisions.summary(QStringLiteral("/s")) << Qt::endl;
    out << cpuSummary(server.cpu() - before, double(o.buyers) * o.rounds, QStringLiteral("buyer"))
        << Qt::endl;
    if (o.buyers == 10'000 && o.connections == 1'000)
        out << "target: 10,000 buyers over 1,000 connections settled <= 2,000 ms (every round): "
            << verdict(settle.max() <= 2'000) << Qt::endl;
    out << "levels messages received: " << fleet.levelsIn << Qt::endl;

    fleet.abortAll();
    const int code = server.stop();
    out << "server exit code " << code << "; verify:" << Qt::endl;
    const bool verified = server.verify();
    const bool agree = raceLevelsAgree(server.database(), rounds, o, out);
    out << "race: " << (held && verified && agree ? "zero oversell, verify ok" : "FAILED")
        << Qt::endl;
    return held && verified && agree ? 0 : 1;
}

// ---------------------------------------------------------------- throughput

namespace {

struct Hold
{
    QString sku;
    QString id;
    qint64 qty = 0;
};

// A terminal's share of the mix: what it holds, what it has in flight.
struct Till
{
    std::vector<Hold> holds;
    std::deque<qint64> inFlight; // send time of each unanswered push, oldest first
    QRandomGenerator random;
};

struct ThroughputRun
{
    explicit ThroughputRun(const ThroughputOptions& options) : o(options) {}

    const ThroughputOptions& o;
    QStringList skus;
    std::vector<Till> tills;
    qint64 started = 0;
    qint64 endsAt = 0;
    qint64 results = 0; // in the measured window
    qint64 applied = 0;
    qint64 drained = 0;            // answered after the window
    std::vector<qint64> perSecond; // answered in each second of the window
    QHash<QString, qint64> rejected;
    QHash<QByteArray, qint64> kinds;
    Stats latencyMs;
    int pushesInFlight = 0;
};

QString randomSku(ThroughputRun& run, Till& till)
{
    return run.skus[static_cast<qsizetype>(till.random.bounded(static_cast<int>(run.skus.size())))];
}

// The mix of a store: sales (some taking a held reservation), reserves, releases, receipts.
QByteArray mixedMutation(ThroughputRun& run, Peer& peer, Till& till)
{
    if (run.o.saleLines > 0) {
        QList<Line> lines;
        for (int n = 0; n < run.o.saleLines; ++n)
            lines.append({randomSku(run, till), 1 + till.random.bounded(2), QString()});
        ++run.kinds["sale"];
        return saleJson(peer, lines, 250, run.o.receipts);
    }
    const int dice = static_cast<int>(till.random.bounded(100));
    if (dice < 20) {
        QList<Line> lines;
        for (int n = 1 + static_cast<int>(till.random.bounded(3)); n > 0; --n)
            lines.append({randomSku(run, till), 10 + till.random.bounded(40), QString()});
        ++run.kinds["receive"];
        return receiveJson(peer, lines);
    }
    if (dice < 45 || (dice < 60 && till.holds.empty())) {
        Hold hold{randomSku(run, till), QStringLiteral("h%1").arg(peer.nextSeq),
                  1 + till.random.bounded(2)};
        till.holds.push_back(hold);
        ++run.kinds["reserve"];
        return reserveJson(peer, hold.id, hold.sku, hold.qty);
    }
    if (dice < 60) {
        const Hold hold = till.holds.back();
        till.holds.pop_back();
        ++run.kinds["release"];
        return releaseJson(peer, hold.id);
    }
    QList<Line> lines;
    if (!till.holds.empty() && till.random.bounded(2) == 0) {
        const Hold hold = till.holds.back();
        till.holds.pop_back();
        lines.append({hold.sku, hold.qty, hold.id});
    }
    for (int n = 1 + static_cast<int>(till.random.bounded(3)); n > 0; --n)
        lines.append({randomSku(run, till), 1 + till.random.bounded(2), QString()});
    ++run.kinds["sale"];
    return saleJson(peer, lines, 250, run.o.receipts);
}

void sendPush(ThroughputRun& run, Peer& peer)
{
    Till& till = run.tills[static_cast<std::size_t>(peer.index())];
    QList<QByteArray> mutations;
    mutations.reserve(run.o.batch);
    for (int i = 0; i < run.o.batch; ++i)
        mutations.append(mixedMutation(run, peer, till));
    const QByteArray json = sync::encodePush(mutations);
    till.inFlight.push_back(nowNs());
    ++run.pushesInFlight;
    peer.send(json);
}

void onThroughputResults(ThroughputRun& run, Peer& peer, const QString& text)
{
    const qint64 now = nowNs();
    Till& till = run.tills[static_cast<std::size_t>(peer.index())];
    if (till.inFlight.empty())
        return;
    const qint64 sent = till.inFlight.front();
    till.inFlight.pop_front();
    --run.pushesInFlight;
    const bool inWindow = now <= run.endsAt;
    forEachResult(text, [&](const QJsonObject& result) {
        if (!inWindow) {
            ++run.drained;
            return;
        }
        ++run.results;
        ++run.perSecond[static_cast<std::size_t>((now - run.started) / 1'000'000'000)];
        if (isApplied(result))
            ++run.applied;
        else
            ++run.rejected[rejection(result)];
    });
    if (!inWindow)
        return;
    run.latencyMs.add(ms(now - sent));
    sendPush(run, peer);
}

} // namespace

int throughput(const ThroughputOptions& o, QTextStream& out)
{
    if (o.connections < 1 || o.seconds < 1 || o.batch < 1 || o.batch > 1000 || o.window < 1 ||
        o.skus < 1) {
        out << "throughput: options must be positive, --batch at most 1000" << Qt::endl;
        return 2;
    }
    out << "throughput: " << o.connections << " connections x " << o.window
        << " pushes in flight x " << o.batch << " mutations, " << o.skus << " SKUs, " << o.seconds
        << " s" << Qt::endl;
    ThroughputRun run(o);
    ServerRun server(o.server, out);
    QStringList tokens;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        QList<Product> products;
        QList<StockMovement> stock;
        for (int i = 0; i < o.skus; ++i) {
            run.skus.append(QStringLiteral("SKU-%1").arg(i, 5, 10, QLatin1Char('0')));
            products.append(product(run.skus.last(), i));
            stock.append(StockMovement{run.skus.last(), storeFloor, 100'000});
        }
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = store.importCatalog(products); !s)
            return s;
        if (Status s = store.importStock(stock); !s)
            return s;
        return enrol(store, QStringLiteral("M"), o.connections, Role::Manager, tokens);
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("M"), tokens);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;

    run.tills.resize(static_cast<std::size_t>(o.connections));
    for (int c = 0; c < o.connections; ++c) {
        run.tills[static_cast<std::size_t>(c)].random.seed(static_cast<quint32>(1000 + c));
        fleet.at(c).handler = [&run](Peer& peer, const QString& type, const QString& text) {
            if (type == QLatin1String("results"))
                onThroughputResults(run, peer, text);
        };
    }
    const qint64 levelsBefore = fleet.levelsIn;
    const qint64 bytesBefore = fleet.bytesIn;
    const CpuTimes cpuBefore = server.cpu();
    run.perSecond.assign(static_cast<std::size_t>(o.seconds) + 1, 0);
    run.started = nowNs();
    run.endsAt = run.started + qint64{o.seconds} * 1'000'000'000;
    for (int w = 0; w < o.window; ++w)
        for (int c = 0; c < o.connections; ++c)
            sendPush(run, fleet.at(c));
    waitUntil([&] { return nowNs() > run.endsAt || fleet.lost > 0 || fleet.errors > 0; },
              o.seconds * 1000 + 5'000);
    const CpuTimes cpuUsed = server.cpu() - cpuBefore;
    const qint64 levels = fleet.levelsIn - levelsBefore;
    const qint64 bytes = fleet.bytesIn - bytesBefore;
    const bool drained =
        waitUntil([&] { return run.pushesInFlight == 0 || fleet.lost > 0; }, 60'000);

    const double seconds = o.seconds;
    out << "mutations answered: " << run.results << " in " << o.seconds
        << " s = " << qRound64(static_cast<double>(run.results) / seconds) << "/s (applied "
        << qRound64(static_cast<double>(run.applied) / seconds) << "/s)  target >= 20,000/s: "
        << verdict(static_cast<double>(run.results) / seconds >= 20'000) << Qt::endl;
    Stats rate;
    for (int second = 0; second < o.seconds; ++second)
        rate.add(static_cast<double>(run.perSecond[static_cast<std::size_t>(second)]));
    out << "mutations answered per second: " << rate.summary(QStringLiteral("/s")) << Qt::endl;
    out << "result latency per push (send -> results): "
        << run.latencyMs.summary(QStringLiteral("ms")) << Qt::endl;
    out << cpuSummary(cpuUsed, static_cast<double>(run.results), QStringLiteral("mutation"))
        << Qt::endl;
    out << "sent by kind:";
    for (auto it = run.kinds.cbegin(); it != run.kinds.cend(); ++it)
        out << ' ' << it.key() << ' ' << it.value();
    out << "; rejected:";
    for (auto it = run.rejected.cbegin(); it != run.rejected.cend(); ++it)
        out << ' ' << it.key() << ' ' << it.value();
    out << Qt::endl;
    out << "broadcast received: " << qRound64(static_cast<double>(levels) / seconds)
        << " levels messages/s, " << qRound64(static_cast<double>(bytes) / seconds / 1e6)
        << " MB/s (all terminals); " << run.drained << " answered after the window"
        << (drained ? "" : " (NOT all drained)") << Qt::endl;
    if (fleet.lost > 0 || fleet.errors > 0)
        return 1;

    fleet.abortAll();
    out << "server exit code " << server.stop() << "; verify:" << Qt::endl;
    return server.verify() ? 0 : 1;
}

// ---------------------------------------------------------------- fanout

namespace {

const QString fanoutSku = QStringLiteral("FAN-1");

struct FanoutRun
{
    int commits = 0;
    int watchers = 0;
    std::vector<qint64> sentNs;   // per commit k (index k-1)
    std::vector<qint64> resultNs; // the writer's result
    std::vector<int> reached;     // watchers holding commit k's level
    std::vector<qint64> everyoneNs;
    std::vector<qint64> seen; // per watcher: the highest on-hand of FAN-1 it holds
    int complete = 0;         // commits every watcher holds
    int answered = 0;
    bool failed = false;
};

// Commit k takes FAN-1 from k-1 to k units: a watcher holding k units has every commit ≤ k.
void onWatcherLevels(FanoutRun& run, Peer& peer, const QString& text)
{
    const qint64 now = nowNs();
    const QJsonArray levels = parse(text).value(QLatin1String("levels")).toArray();
    for (const QJsonValue& value : levels) {
        const QJsonObject level = value.toObject();
        if (level.value(QLatin1String("sku")).toString() != fanoutSku)
            continue;
        const qint64 onHand =
            std::min<qint64>(level.value(QLatin1String("onHand")).toInteger(), run.commits);
        qint64& seen = run.seen[static_cast<std::size_t>(peer.index())];
        for (qint64 k = seen + 1; k <= onHand; ++k) {
            const auto i = static_cast<std::size_t>(k - 1);
            if (++run.reached[i] == run.watchers) {
                run.everyoneNs[i] = now;
                ++run.complete;
            }
        }
        seen = std::max(seen, onHand);
    }
}

void sendCommit(FanoutRun& run, Peer& writer)
{
    const auto k = static_cast<std::size_t>(run.answered);
    run.sentNs[k] = nowNs();
    writer.send(sync::encodePush({receiveJson(writer, {Line{fanoutSku, 1, QString()}})}));
}

void onWriterResults(FanoutRun& run, Peer& writer, const QString& text)
{
    const qint64 now = nowNs();
    forEachResult(text, [&](const QJsonObject& result) {
        if (!isApplied(result))
            run.failed = true;
    });
    run.resultNs[static_cast<std::size_t>(run.answered)] = now;
    if (++run.answered < run.commits && !run.failed)
        sendCommit(run, writer);
}

} // namespace

int fanout(const FanoutOptions& o, QTextStream& out)
{
    if (o.terminals < 1 || o.commits < 1) {
        out << "fanout: --terminals and --commits must be positive" << Qt::endl;
        return 2;
    }
    out << "fanout: " << o.terminals << " terminals watch " << o.commits
        << " single receives by one writer, each sent when the last one's result is in" << Qt::endl;
    ServerRun server(o.server, out);
    QStringList tokens;
    QStringList writerToken;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = store.importCatalog({product(fanoutSku, 0)}); !s)
            return s;
        if (Status s = store.importStock({StockMovement{fanoutSku, storeFloor, 0}}); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("W"), o.terminals, Role::Pos, tokens); !s)
            return s;
        return enrol(store, QStringLiteral("DOCK"), 1, Role::Receiving, writerToken);
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("W"), tokens);
    addPeers(fleet, QStringLiteral("DOCK"), writerToken);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;

    FanoutRun run;
    run.commits = o.commits;
    run.watchers = o.terminals;
    const auto k = static_cast<std::size_t>(o.commits);
    run.sentNs.assign(k, 0);
    run.resultNs.assign(k, 0);
    run.reached.assign(k, 0);
    run.everyoneNs.assign(k, 0);
    run.seen.assign(static_cast<std::size_t>(o.terminals), 0);
    for (int c = 0; c < o.terminals; ++c)
        fleet.at(c).handler = [&run](Peer& peer, const QString& type, const QString& text) {
            if (type == QLatin1String("levels"))
                onWatcherLevels(run, peer, text);
        };
    Peer& writer = fleet.at(o.terminals);
    writer.handler = [&run](Peer& peer, const QString& type, const QString& text) {
        if (type == QLatin1String("results"))
            onWriterResults(run, peer, text);
    };
    const CpuTimes cpuBefore = server.cpu();
    const qint64 started = nowNs();
    sendCommit(run, writer);
    const bool done = waitUntil(
        [&] {
            // The writer's last result can come in after every watcher has the last level.
            return (run.complete == o.commits && run.answered == o.commits) || run.failed ||
                   fleet.lost > 0 || fleet.errors > 0;
        },
        60'000 + o.commits * 100);
    const qint64 elapsed = nowNs() - started;
    const CpuTimes cpuUsed = server.cpu() - cpuBefore;
    if (!done || run.complete != o.commits || run.answered != o.commits) {
        out << "fanout: only " << run.complete << " of " << o.commits
            << " commits reached every terminal (" << run.answered << " answered"
            << (run.failed ? ", one NOT applied" : "") << ")" << Qt::endl;
        return 1;
    }
    Stats everyone;
    Stats result;
    for (std::size_t i = 0; i < k; ++i) {
        everyone.add(ms(run.everyoneNs[i] - run.sentNs[i]));
        result.add(ms(run.resultNs[i] - run.sentNs[i]));
    }
    out << "writer's result (send -> result): " << result.summary(QStringLiteral("ms")) << Qt::endl;
    out << "send -> every terminal holds the change: " << everyone.summary(QStringLiteral("ms"))
        << Qt::endl;
    out << "target p99 <= 50 ms at 1,000 terminals: " << verdict(everyone.percentile(99) <= 50)
        << (o.terminals == 1'000 ? "" : " (run at another size)") << Qt::endl;
    out << o.commits << " commits in " << qRound(ms(elapsed))
        << " ms = " << qRound(o.commits / (ms(elapsed) / 1000.0)) << " commits/s, "
        << qRound64(static_cast<double>(o.commits) * o.terminals / (ms(elapsed) / 1000.0))
        << " level deliveries/s" << Qt::endl;

    out << cpuSummary(cpuUsed, double(o.commits) * o.terminals, QStringLiteral("level delivery"))
        << Qt::endl;

    fleet.abortAll();
    out << "server exit code " << server.stop() << "; verify:" << Qt::endl;
    return server.verify() ? 0 : 1;
}

// ---------------------------------------------------------------- receipts (issue 18)

namespace {

const QString receiptSku = QStringLiteral("RCPT-1");

// Rows as SQL literals: the bench's own IDs are plain ASCII, never quoted text.
QString literal(const QString& text)
{
    return u'\'' + text + u'\'';
}

// Stores `count` sale receipts of `terminals` (round robin; two lines and one payment each,
// stamped with the till's drawer "TERMINAL-C000001") straight into the tables in multi-row
// INSERTs: minutes of pushes saved, and the server reads them as its own. Their till times are
// spread evenly over [fromMs, fromMs + spanMs). Returns the numbers, in order.
Result<QStringList> fillReceipts(const QString& url, int count, const QStringList& terminals,
                                 qint64 fromMs, qint64 spanMs)
{
    const Result<SqlStoreConfig> config = SqlStoreConfig::fromUrl(url);
    if (!config)
        return config.error();
    QStringList numbers;
    numbers.reserve(count);
    {
        QSqlDatabase db = config->addConnection(QStringLiteral("bench-fill"));
        if (!db.open())
            return Error{QString(), db.lastError().text()};
        QSqlQuery q(db);
        const auto exec = [&q](const QString& sql) -> Status {
            if (q.exec(sql))
                return success();
            return Error{QString(), q.lastError().text() + QStringLiteral(" in ") + sql.left(200)};
        };
        if (auto s = exec(QStringLiteral("BEGIN")); !s)
            return s.error();
        for (const QString& terminal : terminals) {
            if (auto s =
                    exec(QStringLiteral("INSERT INTO cash_sessions (id, terminal, opened_by, "
                                        "opened_at, float) VALUES (%1, %2, 'Ana', %3, 10000)")
                             .arg(literal(terminal + QStringLiteral("-C000001")), literal(terminal))
                             .arg(fromMs));
                !s)
                return s.error();
        }
        constexpr int chunk = 500;
        for (int first = 0; first < count; first += chunk) {
            QStringList heads, lines, payments;
            for (int i = first; i < std::min(count, first + chunk); ++i) {
                const QString& terminal = terminals.at(i % terminals.size());
                const QString number = QStringLiteral("%1-%2").arg(terminal).arg(
                    i / terminals.size() + 1, 6, 10, QLatin1Char('0'));
                numbers.append(number);
                const qint64 at = fromMs + spanMs * i / count;
                const QString n = literal(number);
                // Two lines: 2 × 1.00 and 1 × 2.50, 8.875 % tax: net 450, tax 40, total 490.
                heads.append(QStringLiteral("(%1, 'sale', %2, %3, 'store-1', 'Ana', %4, '', 0, "
                                            "%5, %5, 450, 40, 490, 'bench')")
                                 .arg(n, literal(terminal))
                                 .arg(i / terminals.size() + 1)
                                 .arg(literal(terminal + QStringLiteral("-C000001")))
                                 .arg(at));
                lines.append(QStringLiteral("(%1, 1, %2, 'Bench item', 2, 'each', 100, 0, 8875, "
                                            "18, 218), (%1, 2, %2, 'Bench item', 1, 'each', 250, "
                                            "0, 8875, 22, 272)")
                                 .arg(n, literal(receiptSku)));
                payments.append(QStringLiteral("(%1, 1, %2, 490)")
                                    .arg(n, literal(i % 3 == 0 ? QStringLiteral("cash")
                                                               : QStringLiteral("card"))));
            }
            const QString sep = QStringLiteral(", ");
            if (auto s =
                    exec(QStringLiteral("INSERT INTO receipts (number, kind, terminal, seq, "
                                        "location, staff, cash_session, sale, offline, at, "
                                        "recorded_at, net, tax, total, content_hash) VALUES ") +
                         heads.join(sep));
                !s)
                return s.error();
            if (auto s = exec(QStringLiteral("INSERT INTO receipt_lines (receipt, line, sku, name, "
                                             "qty, unit, unit_price, discount, tax_rate, tax, "
                                             "total) VALUES ") +
                              lines.join(sep));
                !s)
                return s.error();
            if (auto s = exec(QStringLiteral("INSERT INTO receipt_payments (receipt, n, method, "
                                             "amount) VALUES ") +
                              payments.join(sep));
                !s)
                return s.error();
        }
        if (auto s = exec(QStringLiteral("COMMIT")); !s)
            return s.error();
        // A store's WAL is checkpointed as it goes; one this size would slow every read.
        if (config->dialect.backend == SqlDialect::Backend::Sqlite)
            (void)exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-fill"));
    return numbers;
}

// Sends `request` for each of `count` requests, one at a time, each when the previous reply
// (of type `type`) is in; the round trips in ms.
bool timeRequests(Peer& peer, const QString& type, int count,
                  const std::function<QByteArray(int)>& request,
                  const std::function<bool(const QJsonObject&)>& good, Stats& latency,
                  QTextStream& out)
{
    int sent = 0;
    int bad = 0;
    qint64 sentAt = 0;
    const auto next = [&] {
        sentAt = nowNs();
        peer.send(request(sent++));
    };
    peer.handler = [&](Peer&, const QString& t, const QString& text) {
        if (t != type)
            return;
        latency.add(ms(nowNs() - sentAt));
        if (!good(parse(text)) && ++bad <= 3)
            out << "  unexpected reply: " << text.left(300) << Qt::endl;
        if (sent < count)
            next();
    };
    next();
    const bool done = waitUntil([&] { return latency.count() >= count; }, 600'000);
    peer.handler = nullptr;
    return done && bad == 0;
}

QByteArray refundJson(Peer& peer, const QString& sale, qint64 amount)
{
    const qint64 seq = peer.nextSeq++;
    ReturnMutation back;
    back.returnId = QStringLiteral("%1-R%2").arg(peer.terminal()).arg(seq, 6, 10, QLatin1Char('0'));
    back.location = storeFloor;
    back.sale = sale;
    back.lines.append(ItemLine{receiptSku, 1});
    RefundContent refund;
    refund.staff = QStringLiteral("Ana");
    refund.lines.append(RefundEntry{1, receiptSku, 1, Money::fromMinor(amount), Money()});
    refund.payments.append(Payment{QStringLiteral("card"), Money::fromMinor(amount), QString()});
    refund.total = Money::fromMinor(amount);
    back.refund = refund;
    return wire(peer, seq, std::move(back));
}

} // namespace

int refundRace(const RefundRaceOptions& o, QTextStream& out)
{
    if (o.connections < 1 || o.units < 1) {
        out << "refund-race: --connections and --units must be positive" << Qt::endl;
        return 2;
    }
    out << "refund-race: " << o.connections << " tills each refund 1 unit of one sale line of "
        << o.units << " units, all at once" << Qt::endl;
    ServerRun server(o.server, out);
    QStringList tokens;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = store.importCatalog({product(receiptSku, 1)}); !s)
            return s;
        if (Status s = store.importStock({StockMovement{receiptSku, storeFloor, o.units}}); !s)
            return s;
        return enrol(store, QStringLiteral("R"), o.connections + 1, Role::Pos, tokens);
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("R"), tokens);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;
    // The sale, from the first till: one line of o.units.
    Peer& seller = fleet.at(0);
    const QByteArray sold = saleJson(seller, {{receiptSku, o.units, QString()}}, 250, true);
    const QString saleNumber =
        QStringLiteral("%1-%2").arg(seller.terminal()).arg(1, 6, 10, QLatin1Char('0'));
    const qint64 saleTotal = receiptOf({{receiptSku, o.units, QString()}}, 250).total.minor();
    bool saleApplied = false;
    int results = 0, applied = 0;
    QHash<QString, int> refused;
    seller.handler = [&](Peer&, const QString& type, const QString& text) {
        if (type == QLatin1String("results"))
            forEachResult(text, [&](const QJsonObject& r) { saleApplied = isApplied(r); });
    };
    seller.send(sync::encodePush({sold}));
    if (!waitUntil([&] { return saleApplied; }, 30'000)) {
        out << "the sale was not applied" << Qt::endl;
        return 1;
    }
    seller.handler = nullptr;
    QList<QByteArray> pushes;
    for (int i = 1; i <= o.connections; ++i) {
        Peer& till = fleet.at(i);
        till.handler = [&](Peer&, const QString& type, const QString& text) {
            if (type != QLatin1String("results"))
                return;
            forEachResult(text, [&](const QJsonObject& r) {
                ++results;
                if (isApplied(r))
                    ++applied;
                else
                    ++refused[rejection(r)];
            });
        };
        pushes.append(sync::encodePush({refundJson(till, saleNumber, saleTotal / o.units)}));
    }
    const CpuTimes before = server.cpu();
    const qint64 started = nowNs();
    for (int i = 1; i <= o.connections; ++i)
        fleet.at(i).send(pushes.at(i - 1));
    const bool settled = waitUntil([&] { return results == o.connections; }, 120'000);
    const double settleMs = ms(nowNs() - started);
    out << "refunds settled in " << qRound(settleMs) << " ms: " << applied << " applied, ";
    for (auto it = refused.cbegin(); it != refused.cend(); ++it)
        out << it.value() << ' ' << it.key() << ' ';
    out << Qt::endl
        << cpuSummary(server.cpu() - before, o.connections, QStringLiteral("refund")) << Qt::endl;
    const bool exact = settled && applied == std::min(o.units, o.connections);
    if (!exact)
        out << "!!!!!!!! refunded " << applied << " units of a line of " << o.units << Qt::endl;
    fleet.abortAll();
    out << "server exit code " << server.stop() << "; verify:" << Qt::endl;
    const bool verified = server.verify();
    out << "refund-race: "
        << (exact && verified ? "exactly the sold quantity refunded, verify ok" : "FAILED")
        << Qt::endl;
    return exact && verified ? 0 : 1;
}

int receiptLookup(const ReceiptLookupOptions& o, QTextStream& out)
{
    if (o.receipts < 1 || o.lookups < 1) {
        out << "receipt-lookup: --receipts and --lookups must be positive" << Qt::endl;
        return 2;
    }
    ServerRun server(o.server, out);
    QStringList tokens;
    QStringList numbers;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("L"), 20, Role::Pos, tokens); !s)
            return s;
        QStringList tills;
        for (int i = 0; i < 20; ++i)
            tills.append(QStringLiteral("L-%1").arg(i, 4, 10, QLatin1Char('0')));
        const qint64 started = nowNs();
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - 365LL * 86'400'000;
        Result<QStringList> filled =
            fillReceipts(server.database(), o.receipts, tills, from, 365LL * 86'400'000);
        if (!filled)
            return filled.error();
        numbers = std::move(filled).value();
        out << o.receipts << " receipts stored in " << qRound(ms(nowNs() - started)) << " ms"
            << Qt::endl;
        return success();
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("L"), tokens.mid(0, 1));
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;
    QRandomGenerator random(18);
    Stats latency;
    const CpuTimes before = server.cpu();
    const bool ok = timeRequests(
        fleet.at(0), QStringLiteral("receipt"), o.lookups,
        [&](int i) {
            const QString number = numbers.at(
                static_cast<qsizetype>(random.bounded(static_cast<int>(numbers.size()))));
            return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("receipt")},
                                             {QStringLiteral("request"), QString::number(i)},
                                             {QStringLiteral("number"), number}})
                .toJson(QJsonDocument::Compact);
        },
        [](const QJsonObject& reply) { return reply.contains(QLatin1String("receipt")); }, latency,
        out);
    out << "receipt lookups among " << o.receipts << ": " << latency.summary(QStringLiteral("ms"))
        << Qt::endl
        << cpuSummary(server.cpu() - before, o.lookups, QStringLiteral("lookup")) << Qt::endl;
    if (o.receipts >= 1'000'000)
        out << "target: p99 <= 20 ms with 1,000,000 receipts: "
            << verdict(latency.percentile(99) <= 20) << Qt::endl;
    fleet.abortAll();
    server.stop();
    return ok ? 0 : 1;
}

int dayReport(const DayReportOptions& o, QTextStream& out)
{
    if (o.tills < 1 || o.receipts < 1 || o.reports < 1) {
        out << "day-report: --tills, --receipts and --reports must be positive" << Qt::endl;
        return 2;
    }
    ServerRun server(o.server, out);
    QStringList tokens;
    const QDate date = QDate::currentDate();
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("M"), 1, Role::Manager, tokens); !s)
            return s;
        QStringList tillTokens;
        if (Status s = enrol(store, QStringLiteral("T"), o.tills, Role::Pos, tillTokens); !s)
            return s;
        QStringList tills;
        for (int i = 0; i < o.tills; ++i)
            tills.append(QStringLiteral("T-%1").arg(i, 4, 10, QLatin1Char('0')));
        const qint64 from = QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch();
        const qint64 to = QDateTime(date.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
        // The day before and after hold as many: the report must pick its day out of more.
        for (const qint64 start : {from - (to - from), from, to}) {
            QStringList shifted;
            for (const QString& t : tills)
                shifted.append(start == from ? t : t + QString::number(start % 7));
            if (Result<QStringList> filled =
                    fillReceipts(server.database(), o.receipts, shifted, start, to - from);
                !filled)
                return filled.error();
        }
        // As in a store, the other days' drawers were closed at the end of their day.
        const Result<SqlStoreConfig> config = SqlStoreConfig::fromUrl(server.database());
        if (!config)
            return config.error();
        {
            QSqlDatabase db = config->addConnection(QStringLiteral("bench-close"));
            QSqlQuery q(db);
            if (!db.open() ||
                !q.exec(QStringLiteral("UPDATE cash_sessions SET closed_at = opened_at + 1, "
                                       "counted = float WHERE opened_at <> %1")
                            .arg(from)))
                return Error{QString(), q.lastError().text()};
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bench-close"));
        return success();
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("M"), tokens);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;
    Stats latency;
    qint64 salesCounted = 0;
    const bool ok = timeRequests(
        fleet.at(0), QStringLiteral("day"), o.reports,
        [&](int i) {
            return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("day")},
                                             {QStringLiteral("request"), QString::number(i)},
                                             {QStringLiteral("date"), date.toString(Qt::ISODate)}})
                .toJson(QJsonDocument::Compact);
        },
        [&](const QJsonObject& reply) {
            salesCounted = reply.value(QLatin1String("report"))
                               .toObject()
                               .value(QLatin1String("sales"))
                               .toObject()
                               .value(QLatin1String("count"))
                               .toInteger();
            return salesCounted == o.receipts;
        },
        latency, out);
    out << "day report of " << o.tills << " tills and " << salesCounted
        << " receipts (of 3 days stored): " << latency.summary(QStringLiteral("ms")) << Qt::endl;
    out << "target: <= 500 ms: " << verdict(latency.percentile(99) <= 500) << Qt::endl;
    fleet.abortAll();
    server.stop();
    return ok ? 0 : 1;
}

// ---------------------------------------------------------------- web checkout (issue 22)

namespace {

// One keep-alive HTTP/1.1 connection to the web API, one request at a time (the API does not
// take pipelining). Plain QTcpSocket and a few lines of parsing: the bench's own client.
class HttpPeer : public QObject
{
public:
    using Reply = std::function<void(int status, const QByteArray& body)>;

    HttpPeer(const QUrl& base, const QString& token)
        : m_base(base), m_auth("Authorization: Bearer " + token.toLatin1() + "\r\n")
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { ++disconnects; });
    }
    void open() { m_socket.connectToHost(m_base.host(), static_cast<quint16>(m_base.port())); }
    [[nodiscard]] bool isConnected() const
    {
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    void request(const QByteArray& method, const QByteArray& path, const QByteArray& key,
                 const QByteArray& body, Reply reply)
    {
        m_reply = std::move(reply);
        QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: " + m_base.host().toLatin1() +
                          "\r\n" + m_auth;
        if (!key.isEmpty())
            head += "Idempotency-Key: " + key + "\r\n";
        if (!body.isEmpty())
            head += "Content-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n";
        m_socket.write(head + "\r\n" + body);
    }
    int disconnects = 0;

private:
    void onReadyRead()
    {
        m_in += m_socket.readAll();
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0 || !m_reply)
            return;
        const QByteArray head = m_in.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        if (m_in.size() < end + 4 + length)
            return;
        const int status = m_in.mid(9, 3).toInt();
        const QByteArray body = m_in.mid(end + 4, length);
        m_in.remove(0, end + 4 + length);
        std::exchange(m_reply, nullptr)(status, body);
    }

    QUrl m_base;
    QByteArray m_auth;
    QTcpSocket m_socket;
    QByteArray m_in;
    Reply m_reply;
};

// One level stream (GET /api/v1/levels/stream?sku=…): counts the live events after the first.
class StreamPeer : public QObject
{
public:
    StreamPeer(const QUrl& base, const QString& token, const QString& sku)
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this, base, token, sku] {
            m_socket.write("GET /api/v1/levels/stream?sku=" + sku.toLatin1() +
                           " HTTP/1.1\r\nHost: " + base.host().toLatin1() +
                           "\r\nAuthorization: Bearer " + token.toLatin1() + "\r\n\r\n");
        });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_in += m_socket.readAll();
            qsizetype at = 0;
            while ((at = m_in.indexOf("\nid: ", at)) >= 0) {
                ++events;
                at += 5;
            }
            m_in = m_in.right(4);
            if (onEvent)
                onEvent();
        });
        m_socket.connectToHost(base.host(), static_cast<quint16>(base.port()));
    }
    int events = 0; // the snapshot first, then one per commit
    std::function<void()> onEvent;

private:
    QTcpSocket m_socket;
    QByteArray m_in = "\n";
};

struct CheckoutTally
{
    int holds = 0;
    int holdRefused = 0;
    int orders = 0;
    int orderRefused = 0;
    int other = 0;
    int done = 0;
    qint64 settledNs = 0;
    Stats checkoutMs; // hold sent → order answered (or hold refused)

    void report(const char* side, const CpuTimes& cpu, int buyers, QTextStream& out)
    {
        out << side << ' ' << line(buyers) << Qt::endl
            << "           checkout " << checkoutMs.summary(QStringLiteral("ms")) << Qt::endl
            << "           " << cpuSummary(cpu, buyers, QStringLiteral("checkout")) << Qt::endl;
    }

    [[nodiscard]] QString line(int buyers) const
    {
        return QStringLiteral("holds %1 (refused %2), orders %3 (refused %4), other %5; settled "
                              "in %6 ms, %7 orders/s, %8 checkouts/s")
            .arg(holds)
            .arg(holdRefused)
            .arg(orders)
            .arg(orderRefused)
            .arg(other)
            .arg(ms(settledNs), 0, 'f', 0)
            .arg(orders / (static_cast<double>(settledNs) / 1e9), 0, 'f', 0)
            .arg(buyers / (static_cast<double>(settledNs) / 1e9), 0, 'f', 0);
    }
};

QByteArray holdJson(const QString& sku)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("sku"), sku},
                                     {QStringLiteral("location"), storeFloor},
                                     {QStringLiteral("qty"), 1},
                                     {QStringLiteral("ttl"), 600}})
        .toJson(QJsonDocument::Compact);
}

QByteArray orderJson(const QString& reference, const QString& sku, const QString& hold)
{
    const QJsonObject line{{QStringLiteral("sku"), sku},
                           {QStringLiteral("qty"), 1},
                           {QStringLiteral("price"), 199},
                           {QStringLiteral("hold"), hold}};
    return QJsonDocument(QJsonObject{{QStringLiteral("reference"), reference},
                                     {QStringLiteral("location"), storeFloor},
                                     {QStringLiteral("lines"), QJsonArray{line}},
                                     {QStringLiteral("payments"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("method"), QStringLiteral("card")},
                                          {QStringLiteral("amount"), 199}}}}})
        .toJson(QJsonDocument::Compact);
}

// Buyer `buyer` on connection `peer`: hold 1, order it; then the connection's next buyer.
void httpCheckout(std::vector<std::unique_ptr<HttpPeer>>& peers, int c, int buyer,
                  const WebCheckoutOptions& o, const QString& sku, CheckoutTally& t,
                  qint64 startedNs)
{
    if (buyer >= o.buyers)
        return;
    HttpPeer& peer = *peers[static_cast<std::size_t>(c)];
    const qint64 began = nowNs();
    const auto next = [&peers, c, buyer, &o, sku, &t, startedNs, began] {
        t.checkoutMs.add(ms(nowNs() - began));
        if (++t.done == o.buyers)
            t.settledNs = nowNs() - startedNs;
        httpCheckout(peers, c, buyer + o.connections, o, sku, t, startedNs);
    };
    const QByteArray id = QByteArray::number(buyer);
    peer.request(
        "POST", "/api/v1/holds", "h-" + id, holdJson(sku),
        [&peer, &t, sku, id, next](int status, const QByteArray& body) {
            if (status != 201) {
                (status == 409 ? t.holdRefused : t.other) += 1;
                next();
                return;
            }
            ++t.holds;
            const QString hold =
                QJsonDocument::fromJson(body).object().value(QLatin1String("hold")).toString();
            peer.request("POST", "/api/v1/orders", "o-" + id,
                         orderJson(QStringLiteral("W-") + QString::fromLatin1(id), sku, hold),
                         [&t, next](int orderStatus, const QByteArray&) {
                             if (orderStatus == 201)
                                 ++t.orders;
                             else
                                 (orderStatus == 409 ? t.orderRefused : t.other) += 1;
                             next();
                         });
        });
}

// The same checkout over the WebSocket protocol: reserve 1, then a sale naming the reservation.
void wsCheckout(Fleet& fleet, int c, int buyer, const WebCheckoutOptions& o, const QString& sku,
                CheckoutTally& t, qint64 startedNs)
{
    if (buyer >= o.buyers)
        return;
    Peer& peer = fleet.at(c);
    const qint64 began = nowNs();
    const QString reservation = QStringLiteral("ws-%1").arg(buyer);
    auto finish = [&fleet, c, buyer, &o, sku, &t, startedNs, began] {
        t.checkoutMs.add(ms(nowNs() - began));
        if (++t.done == o.buyers)
            t.settledNs = nowNs() - startedNs;
        wsCheckout(fleet, c, buyer + o.connections, o, sku, t, startedNs);
    };
    peer.handler = [&t, sku, reservation, finish, stage = 0](Peer& p, const QString& type,
                                                             const QString& text) mutable {
        if (type != QLatin1String("results"))
            return;
        forEachResult(text, [&](const QJsonObject& result) {
            if (stage == 0) {
                if (!isApplied(result)) {
                    (rejection(result) == QLatin1String("insufficient_stock") ? t.holdRefused
                                                                              : t.other) += 1;
                    finish();
                    return;
                }
                ++t.holds;
                stage = 1;
                p.send(sync::encodePush({saleJson(p, {Line{sku, 1, reservation}}, 199, false)}));
            } else {
                (isApplied(result)                                          ? t.orders
                 : rejection(result) == QLatin1String("insufficient_stock") ? t.orderRefused
                                                                            : t.other) += 1;
                finish();
            }
        });
    };
    peer.send(sync::encodePush({reserveJson(peer, reservation, sku, 1)}));
}

bool checkoutHeld(const CheckoutTally& t, const WebCheckoutOptions& o, const char* side,
                  QTextStream& out)
{
    const int expected = std::min(o.units, o.buyers);
    const bool ok = t.orders == expected && t.other == 0 && t.orderRefused == 0;
    if (!ok)
        out << "!!!!!!!! " << side << ": " << t.orders << " orders where exactly " << expected
            << " units could be sold !!!!!!!!" << Qt::endl;
    return ok;
}

// 200 streams watching one SKU; a till sells it one unit at a time, each sale sent once the
// last one's result is in and every stream has its event. Per sale, the time from the till's
// send until the last stream holds it (the commit included).
bool streamLatency(ServerRun& server, const QString& channelToken, const QString& posToken,
                   const WebCheckoutOptions& o, QTextStream& out)
{
    const QString sku = QStringLiteral("STREAM-1");
    std::vector<std::unique_ptr<StreamPeer>> streams;
    for (int i = 0; i < o.streams; ++i)
        streams.push_back(std::make_unique<StreamPeer>(server.httpUrl(), channelToken, sku));
    const auto all = [&streams](int events) {
        return std::all_of(streams.begin(), streams.end(),
                           [events](const auto& s) { return s->events >= events; });
    };
    if (!waitUntil([&] { return all(1); }, 60'000)) {
        out << "not every stream started" << Qt::endl;
        return false;
    }
    Fleet fleet(out);
    fleet.add(QStringLiteral("TILL-0000"), posToken);
    if (!fleet.connectAll(server.url(), 30'000))
        return false;
    Stats latency;     // the till's send → the last stream
    Stats sinceCommit; // the till's result (sent after the commit) → the last stream
    Peer& till = fleet.at(0);
    for (int i = 0; i < o.streamSales; ++i) {
        qint64 resultAt = 0;
        till.handler = [&resultAt](Peer&, const QString& type, const QString&) {
            if (type == QLatin1String("results") && resultAt == 0)
                resultAt = nowNs();
        };
        const qint64 sent = nowNs();
        qint64 lastArrival = 0;
        for (auto& s : streams)
            s->onEvent = [&lastArrival, &s, i] {
                if (s->events == i + 2)
                    lastArrival = std::max(lastArrival, nowNs());
            };
        till.send(sync::encodePush({saleJson(till, {Line{sku, 1, QString()}}, 199, false)}));
        if (!waitUntil([&] { return resultAt > 0 && all(i + 2); }, 30'000)) {
            out << "sale " << i << " did not reach every stream" << Qt::endl;
            return false;
        }
        latency.add(ms(lastArrival - sent));
        sinceCommit.add(std::max(0.0, ms(lastArrival - resultAt)));
    }
    const double p99 = sinceCommit.percentile(99);
    out << "level stream, a till's sale to the last of " << o.streams << " streams:" << Qt::endl
        << "  from the till's send (commit included): " << latency.summary(QStringLiteral("ms"))
        << Qt::endl
        << "  from the till's result (the commit):   " << sinceCommit.summary(QStringLiteral("ms"))
        << "; target p99 ≤ 50 ms " << verdict(p99 <= 50) << Qt::endl;
    return true;
}

} // namespace

int webCheckout(const WebCheckoutOptions& o, QTextStream& out)
{
    if (o.buyers < 1 || o.units < 0 || o.connections < 1 || o.streams < 0) {
        out << "web-checkout: --buyers, --connections must be positive" << Qt::endl;
        return 2;
    }
    out << "web-checkout: " << o.buyers << " checkouts (hold 1, then order it) over "
        << o.connections << " keep-alive connections for " << o.units
        << " units, over HTTP and then over WebSockets; then " << o.streams << " level streams and "
        << o.streamSales << " till sales" << Qt::endl;
    ServerRun server(o.server, out);
    QStringList web;
    QStringList ws;
    QStringList tills;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        const QStringList skus{QStringLiteral("WEB-1"), QStringLiteral("WS-1"),
                               QStringLiteral("STREAM-1")};
        QList<Product> products;
        for (int i = 0; i < skus.size(); ++i)
            products.append(product(skus[i], i));
        if (Status s = store.importCatalog(products); !s)
            return s;
        if (Status s = store.importStock({StockMovement{skus[0], storeFloor, o.units},
                                          StockMovement{skus[1], storeFloor, o.units},
                                          StockMovement{skus[2], storeFloor, 1'000'000}});
            !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("SHOP"), 1, Role::Channel, web); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("TILL"), 1, Role::Pos, tills); !s)
            return s;
        return enrol(store, QStringLiteral("WSC"), o.connections, Role::Channel, ws);
    });
    if (!set || !server.start({QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0")}) ||
        !server.httpUrl().isValid())
        return 1;

    // HTTP: one shop token over every connection, as a web shop's servers would.
    std::vector<std::unique_ptr<HttpPeer>> peers;
    for (int c = 0; c < o.connections; ++c) {
        peers.push_back(std::make_unique<HttpPeer>(server.httpUrl(), web.first()));
        peers.back()->open();
    }
    if (!waitUntil(
            [&] {
                return std::all_of(peers.begin(), peers.end(),
                                   [](const auto& p) { return p->isConnected(); });
            },
            60'000)) {
        out << "not every HTTP connection opened" << Qt::endl;
        return 1;
    }
    CheckoutTally http;
    CpuTimes before = server.cpu();
    qint64 started = nowNs();
    for (int c = 0; c < o.connections; ++c)
        httpCheckout(peers, c, c, o, QStringLiteral("WEB-1"), http, started);
    if (!waitUntil([&] { return http.done == o.buyers; }, 300'000)) {
        out << "HTTP: only " << http.done << " of " << o.buyers << " checkouts answered"
            << Qt::endl;
        return 1;
    }
    http.report("HTTP:     ", server.cpu() - before, o.buyers, out);
    int reconnects = 0;
    for (const auto& p : peers)
        reconnects += p->disconnects;
    peers.clear();

    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("WSC"), ws);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;
    CheckoutTally wsTally;
    before = server.cpu();
    started = nowNs();
    for (int c = 0; c < o.connections; ++c)
        wsCheckout(fleet, c, c, o, QStringLiteral("WS-1"), wsTally, started);
    if (!waitUntil([&] { return wsTally.done == o.buyers || fleet.lost > 0; }, 300'000) ||
        wsTally.done != o.buyers) {
        out << "WebSocket: only " << wsTally.done << " of " << o.buyers << " checkouts answered"
            << Qt::endl;
        return 1;
    }
    wsTally.report("WebSocket:", server.cpu() - before, o.buyers, out);
    fleet.abortAll();
    bool ok = checkoutHeld(http, o, "HTTP", out) && checkoutHeld(wsTally, o, "WebSocket", out);
    if (reconnects > 0) {
        out << "!!!!!!!! " << reconnects << " HTTP connections closed during the run" << Qt::endl;
        ok = false;
    }
    if (o.streams > 0)
        ok = streamLatency(server, web.first(), tills.first(), o, out) && ok;
    server.stop();
    ok = server.verify() && ok;
    return ok ? 0 : 1;
}

namespace {

// A year of a busy store in plain SQL (one statement per table, numbers from a recursive CTE,
// "random" spreads from arithmetic on the row number), then the rollups filled by the same
// backfill the migration runs (reportschema.h): what a store upgrading with that history gets.
// Receipts are spread evenly over the year, day and night: more hours in the rollups than a
// real store's opening hours give.
Status fillYear(const QString& url, const ReportsOptions& o, qint64 fromMs)
{
    const Result<SqlStoreConfig> config = SqlStoreConfig::fromUrl(url);
    if (!config)
        return config.error();
    const qint64 receipts = o.lines / 4;
    const qint64 step = 365LL * 86'400'000 / receipts;
    const auto numbers = [](qint64 count) {
        return QStringLiteral("WITH RECURSIVE n(i) AS (SELECT CAST(0 AS BIGINT) UNION ALL SELECT "
                              "i + 1 FROM n "
                              "WHERE i < %1) ")
            .arg(count - 1);
    };
    // Line k of receipt i: product p, its price 1.00–9.99, tax 0 / 7 / 19 %, every 20th line
    // 0.10 off, every 100th sold below its list price with M-0000's approval.
    const QString lines =
        numbers(receipts) +
        QStringLiteral(
            "INSERT INTO receipt_lines (receipt, line, sku, name, qty, unit, unit_price, discount, "
            "tax_rate, tax, total, list_price, approved_by, cost) SELECT 'B' || i, k, 'P' || p, "
            "'Item', q, 'each', 100 + p %% 900, d, r, (q * (100 + p %% 900) - d) * r / 100000, "
            "(q * (100 + p %% 900) - d) + (q * (100 + p %% 900) - d) * r / 100000, CASE WHEN "
            "(i + k) %% 100 = 0 THEN 150 + p %% 900 ELSE NULL END, CASE WHEN (i + k) %% 100 = 0 "
            "THEN 'M-0000' ELSE '' END, (100 + p %% 900) * 6 / 10 FROM (SELECT i, k, (i * 4 + k) "
            "* 7919 %% %1 AS p, 1 + (i + k) %% 3 AS q, CASE WHEN (i + k) %% 20 = 0 THEN 10 ELSE "
            "0 END AS d, CASE (i * 4 + k) * 7919 %% %1 %% 3 WHEN 0 THEN 0 WHEN 1 THEN 7000 ELSE "
            "19000 END AS r FROM n, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
            "ALL SELECT 4) l) x")
            .arg(o.products)
            .replace(QStringLiteral("%%"), QStringLiteral("%"));
    // Every 100th receipt refunds the one before it.
    const QString heads =
        QStringLiteral(
            "INSERT INTO receipts (number, kind, terminal, seq, location, staff, cash_session, "
            "sale, offline, at, recorded_at, net, tax, total, content_hash) SELECT number, CASE "
            "WHEN i %% 100 = 99 THEN 'refund' ELSE 'sale' END, 'T-' || (i %% %1), i, CASE WHEN "
            "i %% %1 < %1 / 2 THEN 'store-1' ELSE 'store-2' END, 'S' || (i %% %1 + %1 * (i * %2 / "
            "43200000 %% 2)), CASE WHEN i "
            "%% 3 = 0 THEN 'T-' || (i %% %1) || '-D' || (i * %2 / 86400000) ELSE '' END, CASE "
            "WHEN i %% 100 = 99 THEN 'B' || (i - 1) ELSE '' END, 0, %3 + i * %2, %3 + i * %2, "
            "net, tax, total, 'bench' FROM (SELECT receipt AS number, CAST(substr(receipt, 2) AS "
            "BIGINT) AS i, SUM(total - tax) AS net, SUM(tax) AS tax, SUM(total) AS total FROM "
            "receipt_lines GROUP BY receipt) s")
            .arg(o.tills)
            .arg(step)
            .arg(fromMs)
            .replace(QStringLiteral("%%"), QStringLiteral("%"));
    const QString statements[] = {
        lines,
        heads,
        QStringLiteral("INSERT INTO receipt_payments (receipt, n, method, amount) SELECT number, "
                       "1, CASE WHEN cash_session <> '' THEN 'cash' ELSE 'card' END, total FROM "
                       "receipts"),
        // A drawer per till and day, closed with what was expected plus or minus a little.
        numbers(365LL * o.tills) +
            QStringLiteral("INSERT INTO cash_sessions (id, terminal, opened_by, opened_at, float, "
                           "closed_at, closed_by, counted) SELECT 'T-' || (i % %1) || '-D' || "
                           "(i / %1), 'T-' || (i % %1), 'Ana', %2 + (i / %1) * 86400000, 10000, "
                           "%2 + (i / %1) * 86400000 + 1, 'Ana', 10000 + i % 7 - 3 FROM n")
                .arg(o.tills)
                .arg(fromMs),
        // The ledger: a sale row per line, and a count or an adjustment every 2 hours.
        QStringLiteral("INSERT INTO ledger (at, terminal, seq, mutation_id, kind, sku, location, "
                       "on_hand_delta, reserved_delta, detail) SELECT r.at, r.terminal, r.seq, '', "
                       "'sale', l.sku, r.location, -l.qty, 0, '{}' FROM receipt_lines l JOIN "
                       "receipts r ON r.number = l.receipt"),
        numbers(365 * 12) +
            QStringLiteral("INSERT INTO ledger (at, terminal, seq, mutation_id, kind, sku, "
                           "location, on_hand_delta, reserved_delta, detail) SELECT %1 + i * "
                           "7200000, 'DOCK', i, '', CASE WHEN i % 2 = 0 THEN 'count' ELSE "
                           "'adjust' END, 'P' || (i * 31 % %2), 'store-1', -(1 + i % 3), 0, '{}' "
                           "FROM n")
                .arg(fromMs)
                .arg(o.products),
        numbers(5000) + QStringLiteral("INSERT INTO approvals (terminal, seq, mutation_id, at, "
                                       "recorded_at, action, staff, approver, detail) SELECT 'T-' "
                                       "|| (i % %1), i, '', %2 + i * 6307200, %2 + i * 6307200, "
                                       "'price_override', 'S' || (i % 40), 'M-0000', 'bench' "
                                       "FROM n")
                            .arg(o.tills)
                            .arg(fromMs),
    };
    Status status = success();
    {
        QSqlDatabase db = config->addConnection(QStringLiteral("bench-year"));
        QSqlQuery q(db);
        const auto exec = [&q](const QString& sql) -> Status {
            if (q.exec(sql))
                return success();
            return Error{QString(), q.lastError().text() + QStringLiteral(" in ") + sql.left(300)};
        };
        if (!db.open())
            return Error{QString(), db.lastError().text()};
        status = exec(QStringLiteral("BEGIN"));
        for (const QString& sql : statements) {
            if (status)
                status = exec(sql);
        }
        for (const RollupTable& t : reportRollups(config->dialect)) {
            if (status)
                status = exec(QStringLiteral("INSERT INTO %1 (%2, %3) %4")
                                  .arg(t.name, t.keys, t.sums, t.select));
        }
        if (status)
            status = exec(QStringLiteral("COMMIT"));
        if (status)
            status = exec(QStringLiteral("ANALYZE"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-year"));
    return status;
}

QList<QJsonObject> reportRequests()
{
    QList<QJsonObject> r;
    for (const char* by :
         {"hour", "day", "week", "department", "product", "staff", "till", "method"})
        r.append(QJsonObject{{QStringLiteral("report"), QStringLiteral("sales")},
                             {QStringLiteral("by"), QLatin1String(by)}});
    for (const char* report :
         {"tax", "refunds", "discounts", "overrides", "approvals", "cash", "shrinkage", "today"})
        r.append(QJsonObject{{QStringLiteral("report"), QLatin1String(report)}});
    for (const char* by : {"product", "department"})
        r.append(QJsonObject{{QStringLiteral("report"), QStringLiteral("margins")},
                             {QStringLiteral("by"), QLatin1String(by)}});
    return r;
}

} // namespace

int reports(const ReportsOptions& o, QTextStream& out)
{
    if (o.lines < 4 || o.tills < 2 || o.products < 1 || o.requests < 1) {
        out << "reports: --lines ≥ 4, --tills ≥ 2, --products and --requests ≥ 1" << Qt::endl;
        return 2;
    }
    ServerRun server(o.server, out);
    QStringList tokens;
    const QDate to = QDate::currentDate();
    const QDate from = to.addDays(-364);
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        for (const char* id : {"store-1", "store-2"}) {
            if (Status s = store.addLocation(Location{QLatin1String(id), QLatin1String(id)}); !s)
                return s;
        }
        QList<Product> products;
        QList<StockMovement> stock;
        for (int i = 0; i < o.products; ++i) {
            Product p = product(QStringLiteral("P%1").arg(i), i);
            p.department = QStringLiteral("Department %1").arg(i % 12);
            p.cost = Money::fromMinor((100 + i % 900) * 6 / 10);
            products.append(p);
            stock.append(StockMovement{p.sku, storeFloor, 1000});
        }
        if (Status s = store.importCatalog(products); !s)
            return s;
        if (Status s = store.importStock(stock); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("M"), 1, Role::Manager, tokens); !s)
            return s;
        const qint64 started = nowNs();
        if (Status s =
                fillYear(server.database(), o, QDateTime(from, QTime(0, 0)).toMSecsSinceEpoch());
            !s)
            return s;
        out << o.lines << " receipt lines over 365 days and " << o.tills
            << " tills stored and summed in " << qRound(ms(nowNs() - started)) << " ms" << Qt::endl;
        return success();
    });
    if (!set || !server.start())
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("M"), tokens);
    if (!fleet.connectAll(server.url(), 120'000))
        return 1;
    double worst = 0;
    bool ok = true;
    for (QJsonObject request : reportRequests()) {
        request.insert(QStringLiteral("type"), QStringLiteral("report"));
        request.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
        request.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
        Stats latency;
        qint64 rows = 0;
        const CpuTimes before = server.cpu();
        ok = timeRequests(
                 fleet.at(0), QStringLiteral("answer"), o.requests,
                 [&](int i) {
                     request.insert(QStringLiteral("request"), QString::number(i));
                     return QJsonDocument(request).toJson(QJsonDocument::Compact);
                 },
                 [&](const QJsonObject& answer) {
                     rows = answer.value(QLatin1String("rows")).toArray().size();
                     return answer.value(QLatin1String("ok")).toBool();
                 },
                 latency, out) &&
             ok;
        const CpuTimes used = server.cpu() - before;
        worst = std::max(worst, latency.percentile(95));
        out << request.value(QLatin1String("report")).toString() << ' '
            << request.value(QLatin1String("by")).toString() << " (" << rows << " rows): p50 "
            << QString::number(latency.percentile(50), 'f', 1) << " ms, p95 "
            << QString::number(latency.percentile(95), 'f', 1) << " ms, max "
            << QString::number(latency.max(), 'f', 1) << " ms; server CPU "
            << QString::number(used.total() * 1e3 / o.requests, 'f', 1) << " ms a request"
            << Qt::endl;
    }
    out << "every report over a year: p95 <= 300 ms: " << verdict(worst <= 300) << " (worst p95 "
        << QString::number(worst, 'f', 1) << " ms)" << Qt::endl;
    fleet.abortAll();
    server.stop();
    return ok ? 0 : 1;
}

} // namespace syncbench

// ---------------------------------------------------------------- price-push (issue 20)

namespace syncbench {

namespace {

const QString pushedSku = QStringLiteral("PP-0000");

// One till: the terminal's own sync client and store, as the app runs them; it notes when its
// replica first shows the price the manager is changing to.
struct PushTill
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Client> client;
    std::unique_ptr<Catalog> catalog;
    qint64 shownNs = 0;
};

struct PricePushRun
{
    qint64 target = 0; // the price being pushed
    qint64 sentNs = 0;
    qint64 answeredNs = 0;
    int shown = 0;
    QString refused;
};

[[nodiscard]] qint64 replicaPrice(const PushTill& till)
{
    const auto product = till.catalog->bySku(pushedSku);
    return product && product->has_value() ? (*product)->price.minor() : -1;
}

bool openTills(std::vector<PushTill>& tills, const QString& folder, const QUrl& url,
               const QStringList& tokens, PricePushRun& run, QTextStream& out)
{
    for (int i = 0; i < tokens.size(); ++i) {
        PushTill till;
        auto store = LocalStore::open(folder + QStringLiteral("/till-%1.db").arg(i));
        if (!store) {
            out << "cannot open a till's store: " << store.error().toString() << Qt::endl;
            return false;
        }
        till.store = std::move(store).value();
        ClientOptions options;
        options.url = url;
        options.terminal = QStringLiteral("T-%1").arg(i, 4, 10, QLatin1Char('0'));
        options.token = tokens.at(i);
        till.client = std::make_unique<Client>(*till.store, nullptr, options);
        till.catalog = std::make_unique<Catalog>(*till.store);
        tills.push_back(std::move(till));
    }
    for (PushTill& till : tills) {
        PushTill* t = &till;
        QObject::connect(t->client.get(), &Client::catalogChanged, t->client.get(), [t, &run] {
            if (t->shownNs == 0 && run.target > 0 && replicaPrice(*t) == run.target) {
                t->shownNs = nowNs();
                ++run.shown;
            }
        });
        t->client->start();
    }
    const qint64 started = nowNs();
    const bool synced = waitUntil(
        [&] {
            return std::all_of(tills.begin(), tills.end(), [](const PushTill& t) {
                return t.client->isConnected() && replicaPrice(t) > 0;
            });
        },
        120'000);
    out << tills.size() << " tills (sync::Client + LocalStore each) "
        << (synced ? "connected with the catalog in " : "NOT all synced after ")
        << qRound(ms(nowNs() - started)) << " ms" << Qt::endl;
    return synced;
}

QByteArray managerRequest(const QJsonObject& request)
{
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

} // namespace

int pricePush(const PricePushOptions& o, QTextStream& out)
{
    if (o.tills < 1 || o.changes < 1) {
        out << "price-push: --tills and --changes must be positive" << Qt::endl;
        return 2;
    }
    out << "price-push: " << o.tills << " tills; a manager changes one price " << o.changes
        << " times, each after every till shows the last" << Qt::endl;
    ServerRun server(o.server, out);
    QStringList tokens;
    QStringList managerToken;
    const bool set = server.setUp([&](AdminStore& store) -> Status {
        if (Status s = store.addLocation(Location{storeFloor, QStringLiteral("Store floor")}); !s)
            return s;
        QList<Product> products;
        for (int i = 0; i < o.products; ++i)
            products.append(product(QStringLiteral("PP-%1").arg(i, 4, 10, QLatin1Char('0')), i));
        if (Status s = store.importCatalog(products); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("T"), o.tills, Role::Pos, tokens); !s)
            return s;
        if (Status s = enrol(store, QStringLiteral("MGR"), 1, Role::Manager, managerToken); !s)
            return s;
        return store.putStaff(StaffMember{QStringLiteral("Max"), StaffRole::Manager,
                                          PinHash::make(u"2468").value(), true});
    });
    if (!set || !server.start())
        return 1;
    // The tills' files on a RAM disk when there is one: in a store each till syncs its own disk
    // in parallel; here one thread would otherwise wait for 200 fsyncs one after the other.
    QTemporaryDir folder(QDir(QStringLiteral("/dev/shm")).exists()
                             ? QStringLiteral("/dev/shm/stockline-price-push-XXXXXX")
                             : QDir::tempPath() + QStringLiteral("/stockline-price-push-XXXXXX"));
    out << "tills' stores in " << folder.path() << Qt::endl;
    PricePushRun run;
    std::vector<PushTill> tills;
    if (!openTills(tills, folder.path(), server.url(), tokens, run, out))
        return 1;
    Fleet fleet(out);
    addPeers(fleet, QStringLiteral("MGR"), managerToken);
    if (!fleet.connectAll(server.url(), 30'000))
        return 1;
    Peer& manager = fleet.at(0);
    bool elevated = false;
    manager.handler = [&](Peer&, const QString& type, const QString& text) {
        if (type == QLatin1String("elevated")) {
            elevated = true;
        } else if (type == QLatin1String("answer")) {
            run.answeredNs = nowNs();
            const QJsonObject answer = parse(text);
            if (!answer.value(QLatin1String("ok")).toBool())
                run.refused = text;
        }
    };
    manager.send(managerRequest({{QStringLiteral("type"), QStringLiteral("elevate")},
                                 {QStringLiteral("request"), QStringLiteral("e-1")},
                                 {QStringLiteral("staff"), QStringLiteral("Max")},
                                 {QStringLiteral("pin"), QStringLiteral("2468")}}));
    if (!waitUntil([&] { return elevated; }, 10'000)) {
        out << "the manager could not sign in" << Qt::endl;
        return 1;
    }
    Stats fromEnter;
    Stats fromAnswer;
    Stats answerTime;
    const CpuTimes cpuBefore = server.cpu();
    qint64 version = 1;
    for (int c = 0; c < o.changes; ++c) {
        run.target = replicaPrice(tills.front()) + 1;
        run.shown = 0;
        run.answeredNs = 0;
        for (PushTill& t : tills)
            t.shownNs = 0;
        run.sentNs = nowNs();
        manager.send(managerRequest(
            {{QStringLiteral("type"), QStringLiteral("price")},
             {QStringLiteral("request"), QStringLiteral("c-%1").arg(c)},
             {QStringLiteral("id"), QStringLiteral("price-push-%1").arg(c)},
             {QStringLiteral("changes"),
              QJsonArray{QJsonObject{{QStringLiteral("sku"), pushedSku},
                                     {QStringLiteral("price"), run.target},
                                     {QStringLiteral("expectedVersion"), version}}}}}));
        const bool done = waitUntil(
            [&] { return (run.shown == o.tills && run.answeredNs > 0) || !run.refused.isEmpty(); },
            30'000);
        if (!done || !run.refused.isEmpty()) {
            out << "change " << c << ": " << run.shown << " of " << o.tills
                << " tills show it; answer "
                << (run.refused.isEmpty() ? QStringLiteral("ok") : run.refused) << Qt::endl;
            return 1;
        }
        ++version;
        answerTime.add(ms(run.answeredNs - run.sentNs));
        for (const PushTill& t : tills) {
            fromEnter.add(ms(t.shownNs - run.sentNs));
            // A till can apply the broadcast before the manager's socket reads the answer.
            fromAnswer.add(std::max(0.0, ms(t.shownNs - run.answeredNs)));
        }
    }
    const CpuTimes cpuUsed = server.cpu() - cpuBefore;
    out << "manager's Enter -> answer: " << answerTime.summary(QStringLiteral("ms")) << Qt::endl;
    out << "answer -> a till's replica shows it: " << fromAnswer.summary(QStringLiteral("ms"))
        << Qt::endl;
    out << "manager's Enter -> a till's replica shows it: "
        << fromEnter.summary(QStringLiteral("ms")) << Qt::endl;
    out << "target p99 <= 1000 ms at 200 tills: " << verdict(fromEnter.percentile(99) <= 1000)
        << (o.tills == 200 ? "" : " (run at another size)") << Qt::endl;
    out << cpuSummary(cpuUsed, double(o.changes), QStringLiteral("price change")) << Qt::endl;
    for (PushTill& t : tills)
        t.client->stop();
    fleet.abortAll();
    out << "server exit code " << server.stop() << Qt::endl;
    return 0;
}

} // namespace syncbench
