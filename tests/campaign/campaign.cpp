#include "campaign.h"

#include "campaignstore.h"
#include "product.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>

using namespace stockline;
using namespace stockline::sync;

namespace campaign {

namespace {

// Terminal stores on tmpfs when there is one: hundreds of synchronous=FULL files.
QString scratchParent()
{
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                     : QDir::tempPath();
}

QString roleOf(int t)
{
    if (t % 8 == 3)
        return QStringLiteral("receiving");
    if (t % 8 == 6)
        return QStringLiteral("manager");
    return QStringLiteral("pos");
}

} // namespace

QString kindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::KillNode:
        return QStringLiteral("kill -9 node");
    case FaultKind::KillWorker:
        return QStringLiteral("kill -9 terminals");
    case FaultKind::ClockJump:
        return QStringLiteral("terminal clock jump");
    case FaultKind::FailOver:
        return QStringLiteral("kill -9 database primary (failover)");
    case FaultKind::PartitionTerminals:
        return QStringLiteral("partition node | terminals");
    case FaultKind::PartitionDatabase:
        return QStringLiteral("partition node | database");
    case FaultKind::DiskFull:
        return QStringLiteral("disk full under terminals");
    }
    return {};
}

Campaign::Campaign(Config config, QTextStream& out)
    : m_config(std::move(config)), m_out(out), m_rng(m_config.seed),
      m_dir(scratchParent() + QStringLiteral("/stockline-campaign-XXXXXX"))
{
}

Campaign::~Campaign()
{
    for (WorkerProcess& w : m_workers)
        if (w.process) {
            w.process->kill();
            w.process->waitForFinished(5'000);
        }
    m_check.reset();
    m_nodes.clear();
}

int Campaign::run()
{
    m_clock.start();
    m_out << "campaign: seed " << m_config.seed << ", " << m_config.terminals << " terminals in "
          << m_config.workers << " processes, " << m_config.nodes << " node(s) on "
          << (!m_config.haScript.isEmpty()
                  ? QStringLiteral("the PostgreSQL pair of ") + m_config.haScript
              : TestDatabase::postgres() ? QStringLiteral("PostgreSQL")
                                         : QStringLiteral("SQLite"))
          << ", " << m_config.rounds << " rounds of " << m_config.roundSeconds << " s"
          << (m_config.breakSwitch.isEmpty()
                  ? QString()
                  : QStringLiteral(", STOCKLINE_FAULT=") + m_config.breakSwitch)
          << Qt::endl;
    plan();
    if (!setUp()) {
        report();
        return 2;
    }
    for (int round = 0; round < m_config.rounds && m_violations.isEmpty(); ++round)
        if (!runRound(round))
            break;
    const bool stopped = stopWorkers();
    Q_UNUSED(stopped)
    report();
    if (m_config.expectViolation)
        return m_violations.isEmpty() ? 1 : 0;
    return m_violations.isEmpty() ? 0 : 1;
}

// The whole schedule, drawn from the seed before anything runs: printed, and the same for the
// same seed and options.
void Campaign::plan()
{
    const auto below = [this](qint64 n) {
        return static_cast<qint64>(m_rng() % static_cast<quint64>(n));
    };
    const qint64 roundMs = m_config.roundSeconds * 1000LL;
    for (int round = 0; round < m_config.rounds; ++round) {
        QList<Fault> faults;
        for (int i = 0; i < m_config.faultsPerRound; ++i) {
            Fault f;
            f.round = round;
            f.atMs = 500 + below(std::max<qint64>(1, roundMs - 1'000));
            // With partitions, a quarter of the faults cut a node off for 1–8 s, and with full
            // disks a sixth fill one; without either, the draws are what they were, so an
            // older seed replays the same schedule.
            const qint64 partitionsEnd = m_config.partitions ? 133 : 100;
            const qint64 pick = below(partitionsEnd + (m_config.diskFull ? 20 : 0));
            if (pick >= partitionsEnd) {
                f.kind = FaultKind::DiskFull;
                f.target = static_cast<int>(below(m_config.workers));
                f.value = 2'000 + below(6'000);
            } else if (pick >= 100) {
                f.kind = TestDatabase::postgres() && pick >= 117 ? FaultKind::PartitionDatabase
                                                                 : FaultKind::PartitionTerminals;
                f.target = static_cast<int>(below(m_config.nodes));
                f.value = 1'000 + below(7'000);
            } else if (pick < 45) {
                f.kind = FaultKind::KillNode;
                f.target = static_cast<int>(below(m_config.nodes));
                f.value = 100 + below(2'500);
            } else if (pick < 85) {
                f.kind = FaultKind::KillWorker;
                f.target = static_cast<int>(below(m_config.workers));
                f.value = 100 + below(2'000);
            } else {
                f.kind = FaultKind::ClockJump;
                f.target = static_cast<int>(below(m_config.workers));
                f.value = (below(2) == 0 ? -1 : 1) * (60'000 + below(7 * 86'400'000LL));
            }
            faults.append(f);
        }
        if (!m_config.haScript.isEmpty()) {
            // One per round: Patroni needs seconds to promote and more to bring the old
            // primary back as the standby.
            faults.append(Fault{round, 500 + below(std::max<qint64>(1, roundMs / 3)),
                                FaultKind::FailOver, 0, 1'000 + below(4'000)});
        }
        std::sort(faults.begin(), faults.end(),
                  [](const Fault& a, const Fault& b) { return a.atMs < b.atMs; });
        m_schedule += faults;
    }
}

bool Campaign::setUp()
{
    if (!m_dir.isValid()) {
        violate(QStringLiteral("set-up"), QStringLiteral("no scratch folder"));
        return false;
    }
    if (m_config.haScript.isEmpty()) {
        m_database = std::make_shared<TestDatabase>(m_dir.filePath(QStringLiteral("server.db")));
    } else {
        ha(QStringLiteral("fresh-db"));
        m_database = TestDatabase::existing(QString::fromUtf8(ha(QStringLiteral("url")).trimmed()));
    }
    if (m_database->url().isEmpty()) {
        violate(QStringLiteral("set-up"), QStringLiteral("the database could not be made"));
        return false;
    }
    {
        auto opened = AdminStore::open(m_database->url());
        if (!opened) {
            violate(QStringLiteral("set-up"), opened.error().toString());
            return false;
        }
        AdminStore& admin = *opened.value();
        QList<Product> products;
        QList<StockMovement> stock;
        for (qsizetype i = 0; i < hotSkus.size(); ++i) {
            Product p;
            p.sku = hotSkus[i];
            p.name = QStringLiteral("Campaign item %1").arg(i + 1);
            p.price = Money::fromMinor(199 + 100 * i);
            p.taxRate = TaxRate::fromMilliPercent(8875);
            products.append(p);
            stock.append(StockMovement{p.sku, storeFloor, openingStock});
            stock.append(StockMovement{p.sku, backroom, openingStock});
        }
        Status done = admin.addLocation(Location{storeFloor, QStringLiteral("Store floor")});
        if (done)
            done = admin.addLocation(Location{backroom, QStringLiteral("Back room")});
        if (done)
            done = admin.importCatalog(products);
        if (done)
            done = admin.importStock(stock);
        for (int t = 0; done && t < m_config.terminals; ++t) {
            Terminal term;
            term.id = QStringLiteral("T%1").arg(t, 4, 10, QLatin1Char('0'));
            term.role = roleOf(t);
            term.path = m_dir.filePath(term.id + QStringLiteral(".db"));
            const Result<QString> token =
                admin.addTerminal(term.id, roleFromName(term.role).value());
            if (!token) {
                done = token.error();
                break;
            }
            term.token = token.value();
            m_terminals.push_back(term);
        }
        if (!done) {
            violate(QStringLiteral("set-up"), done.error().toString());
            return false;
        }
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STOCKLINE_SERVER_CONFIG"),
                       QStringLiteral("/nonexistent/stockline-server.conf"));
    if (!m_config.breakSwitch.isEmpty())
        environment.insert(QStringLiteral("STOCKLINE_FAULT"), m_config.breakSwitch);
    if (m_config.partitions && !setUpNetworks())
        return false;
    for (int n = 0; n < m_config.nodes; ++n) {
        auto node = std::make_unique<ServerProcess>(m_database);
        if (m_networks) {
            // Inside its namespace the node reaches the database only across the veth pair.
            if (TestDatabase::postgres())
                node = std::make_unique<ServerProcess>(TestDatabase::existing(
                    QString(m_database->url())
                        .replace(QStringLiteral("@localhost:"),
                                 u'@' + m_networks->databaseAddress(n) + u':')));
            node->setLauncher(m_networks->launcher(n));
            node->setListenHost(m_networks->nodeAddress(n));
        }
        node->setEnvironment(environment);
        node->setLogFile(m_dir.filePath(QStringLiteral("node-%1.log").arg(n)));
        if (!node->start()) {
            violate(QStringLiteral("set-up"), QStringLiteral("node %1 did not start").arg(n));
            return false;
        }
        m_ports.push_back(node->port());
        m_nodes.push_back(std::move(node));
    }
    auto check = SqlServerStore::open(m_database->url());
    if (!check) {
        violate(QStringLiteral("set-up"), check.error().toString());
        return false;
    }
    m_check = std::move(check).value();
    m_workers.resize(static_cast<size_t>(m_config.workers));
    if (m_config.diskFull) {
        m_disks = std::make_unique<TerminalDisks>();
        // Room for what the stores need when nothing is filling it: a terminal's WAL grows
        // to 4 MB between checkpoints. Smaller, and the disk stays full for good once filled.
        const int perWorker = (m_config.terminals + m_config.workers - 1) / m_config.workers;
        if (!m_disks->mount(m_config.workers, m_dir.path(), 16 + 6 * perWorker)) {
            violate(QStringLiteral("set-up"), m_disks->error());
            return false;
        }
    }
    for (int t = 0; t < m_config.terminals; ++t) {
        const int w = t % m_config.workers;
        Terminal& term = m_terminals[static_cast<size_t>(t)];
        term.node = w % m_config.nodes;
        if (m_disks)
            term.path = QDir(m_disks->folder(w)).filePath(term.id + QStringLiteral(".db"));
        m_workers[static_cast<size_t>(w)].terminals.append(t);
    }
    for (int w = 0; w < m_config.workers; ++w)
        if (!startWorker(w))
            return false;
    return true;
}

bool Campaign::startWorker(int w)
{
    WorkerProcess& worker = m_workers[static_cast<size_t>(w)];
    const QString specPath = m_dir.filePath(QStringLiteral("worker-%1.tsv").arg(w));
    QFile spec(specPath);
    if (!spec.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        violate(QStringLiteral("set-up"), specPath + QStringLiteral(": cannot write"));
        return false;
    }
    for (int t : std::as_const(worker.terminals)) {
        const Terminal& term = m_terminals[static_cast<size_t>(t)];
        const QString host =
            m_networks ? m_networks->nodeAddress(term.node) : QStringLiteral("127.0.0.1");
        const QString url =
            QStringLiteral("ws://%1:%2/").arg(host).arg(m_ports[static_cast<size_t>(term.node)]);
        spec.write(
            QStringList{term.id, term.token, term.role, url, term.path}.join(u'\t').toUtf8() +
            '\n');
    }
    spec.close();
    worker.process = std::make_unique<QProcess>();
    worker.buffer.clear();
    worker.drained = false;
    worker.converged = false;
    ++worker.generation;
    worker.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("stockline.*=false"));
    worker.process->setProcessEnvironment(environment);
    QObject::connect(worker.process.get(), &QProcess::readyReadStandardOutput,
                     [this, w] { onWorkerOutput(w); });
    const quint64 seed = m_config.seed * 1'000'003ULL + static_cast<quint64>(w) * 101ULL +
                         static_cast<quint64>(worker.generation);
    worker.process->start(m_config.self, {QStringLiteral("--worker"), specPath,
                                          QStringLiteral("--seed"), QString::number(seed)});
    if (!worker.process->waitForStarted(10'000)) {
        violate(QStringLiteral("set-up"), QStringLiteral("worker %1 did not start").arg(w));
        return false;
    }
    return true;
}

void Campaign::onWorkerOutput(int w)
{
    WorkerProcess& worker = m_workers[static_cast<size_t>(w)];
    if (!worker.process)
        return;
    worker.buffer += worker.process->readAllStandardOutput();
    qsizetype end = 0;
    while ((end = worker.buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(worker.buffer.left(end));
        worker.buffer.remove(0, end + 1);
        onLine(w, line);
    }
}

void Campaign::onLine(int w, const QString& line)
{
    const QString word = line.section(u' ', 0, 0);
    if (word == QLatin1String("made")) {
        m_made[line.section(u' ', 1, 1)].insert(line.section(u' ', 2, 2));
    } else if (word == QLatin1String("sale")) {
        m_sold[line.section(u' ', 1, 1)].append(line.section(u' ', 2, 2));
    } else if (word == QLatin1String("ans") || word == QLatin1String("had")) {
        ++m_answerLines;
        if (word == QLatin1String("ans"))
            noteAnswerAfterFailover(line.section(u' ', 4));
        const QString key = line.section(u' ', 1, 1) + u'/' + line.section(u' ', 3, 3);
        const Answer answer{line.section(u' ', 2, 2).toLongLong(),
                            normalised(line.section(u' ', 4).toUtf8())};
        const auto it = m_answers.constFind(key);
        if (it == m_answers.cend())
            m_answers.insert(key, answer);
        else if (it->seq != answer.seq || it->result != answer.result)
            violate(QStringLiteral("a result never changes"),
                    QStringLiteral("%1 was answered %2 (seq %3), later %4 (seq %5)")
                        .arg(key, QString::fromUtf8(it->result))
                        .arg(it->seq)
                        .arg(QString::fromUtf8(answer.result))
                        .arg(answer.seq));
    } else if (word == QLatin1String("unwritten")) {
        if (line.contains(QLatin1String("full")))
            ++m_refusedByFullDisk;
    } else if (word == QLatin1String("drained")) {
        m_workers[static_cast<size_t>(w)].drained = true;
    } else if (word == QLatin1String("converged")) {
        m_workers[static_cast<size_t>(w)].converged = true;
    } else if (word == QLatin1String("stuck")) {
        violate(QStringLiteral("every mutation gets its result after healing"), line.mid(6));
    } else if (word == QLatin1String("diverged")) {
        violate(QStringLiteral("every replica equals the server's levels"), line.mid(9));
    } else if (word == QLatin1String("halted")) {
        violate(QStringLiteral("every terminal keeps syncing by itself"), line.mid(7));
    } else if (word == QLatin1String("error")) {
        violate(QStringLiteral("a terminal's store reopens"), line);
    }
}

void Campaign::tell(int w, const QByteArray& command)
{
    WorkerProcess& worker = m_workers[static_cast<size_t>(w)];
    if (worker.process && worker.process->state() == QProcess::Running)
        worker.process->write(command + '\n');
}

bool Campaign::waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void Campaign::inject(const Fault& fault)
{
    m_injected[kindName(fault.kind)] += 1;
    switch (fault.kind) {
    case FaultKind::KillNode: {
        ServerProcess& node = *m_nodes[static_cast<size_t>(fault.target)];
        node.kill();
        break;
    }
    case FaultKind::KillWorker: {
        WorkerProcess& worker = m_workers[static_cast<size_t>(fault.target)];
        if (worker.process) {
            worker.process->kill();
            worker.process->waitForFinished(10'000);
            onWorkerOutput(fault.target); // what it said before it died
            worker.process.reset();
        }
        break;
    }
    case FaultKind::ClockJump:
        tell(fault.target, "jump " + QByteArray::number(fault.value));
        break;
    case FaultKind::FailOver:
        ha(QStringLiteral("kill-primary"));
        m_failedOverAt = m_clock.elapsed();
        break;
    case FaultKind::PartitionTerminals:
    case FaultKind::PartitionDatabase:
        partition(fault, true);
        break;
    case FaultKind::DiskFull:
        fillDisk(fault.target, true);
        break;
    }
}

// One round: the load runs while the round's faults strike at their times, each node or
// worker brought back after its down time; then everything heals and the checks run.
bool Campaign::runRound(int round)
{
    struct Due
    {
        qint64 at;
        std::function<void()> run;
    };
    QList<Due> due;
    for (const Fault& f : std::as_const(m_schedule)) {
        if (f.round != round)
            continue;
        due.append({f.atMs, [this, f] { inject(f); }});
        if (f.kind == FaultKind::KillNode)
            due.append({f.atMs + f.value, [this, f] { bringBack(f.target); }});
        if (f.kind == FaultKind::PartitionTerminals || f.kind == FaultKind::PartitionDatabase)
            due.append({f.atMs + f.value, [this, f] { partition(f, false); }});
        if (f.kind == FaultKind::DiskFull)
            due.append({f.atMs + f.value, [this, f] { fillDisk(f.target, false); }});
        if (f.kind == FaultKind::FailOver)
            due.append({f.atMs + f.value, [this] {
                            // The old primary comes back as the standby, in the background.
                            m_revive = std::make_unique<QProcess>();
                            m_revive->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                            m_revive->start(m_config.haScript, {QStringLiteral("revive")});
                        }});
        if (f.kind == FaultKind::KillWorker)
            due.append({f.atMs + f.value, [this, f] {
                            // On a full disk its stores cannot open: it starts once there is
                            // room again, as a till someone switches on later.
                            if (!m_workers[static_cast<size_t>(f.target)].process &&
                                !m_fullDisks.contains(f.target) && !startWorker(f.target))
                                violate(QStringLiteral("terminals restart"),
                                        QStringLiteral("worker %1").arg(f.target));
                        }});
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const Due& a, const Due& b) { return a.at < b.at; });
    QElapsedTimer roundClock;
    roundClock.start();
    const qint64 roundMs = m_config.roundSeconds * 1000LL;
    for (const Due& d : std::as_const(due)) {
        const bool reached = waitFor([&] { return roundClock.elapsed() >= d.at; }, 1 << 30);
        Q_UNUSED(reached)
        d.run();
    }
    const bool ended = waitFor([&] { return roundClock.elapsed() >= roundMs; }, 1 << 30);
    Q_UNUSED(ended)
    return heal(round) && checkServer(round) && checkTerminals(round);
}

// Everything back up, the load stopped; then the time until every terminal's outbox is
// answered and every replica equals the server's levels.
bool Campaign::heal(int round)
{
    if (m_revive) {
        m_revive->waitForFinished(180'000);
        m_revive.reset();
    }
    if (!m_config.haScript.isEmpty())
        ha(QStringLiteral("wait"));
    const QSet<QPair<int, int>> cuts = m_cuts;
    for (const QPair<int, int>& cut : cuts)
        partition(
            Fault{round, 0,
                  cut.second == 0 ? FaultKind::PartitionTerminals : FaultKind::PartitionDatabase,
                  cut.first, 0},
            false);
    const QSet<int> full = m_fullDisks;
    for (int w : full)
        fillDisk(w, false);
    for (size_t n = 0; n < m_nodes.size(); ++n) {
        ServerProcess& node = *m_nodes[n];
        if (!waitFor([&] { return node.isRunning() || node.start(m_ports[n]); }, 60'000)) {
            violate(QStringLiteral("a node restarts"), QStringLiteral("node %1").arg(n));
            return false;
        }
    }
    if (!m_config.haScript.isEmpty()) {
        // The check connection may have been to the primary that died.
        auto check = SqlServerStore::open(m_database->url());
        if (!check) {
            violate(QStringLiteral("the database pair"), check.error().toString());
            return false;
        }
        m_check = std::move(check).value();
    }
    for (int w = 0; w < m_config.workers; ++w)
        if (!m_workers[static_cast<size_t>(w)].process && !startWorker(w))
            return false;
    QElapsedTimer healing;
    healing.start();
    for (int w = 0; w < m_config.workers; ++w)
        tell(w, "drain");
    const auto all = [this](bool WorkerProcess::*flag) {
        return std::all_of(m_workers.begin(), m_workers.end(),
                           [flag](const WorkerProcess& w) { return w.*flag; });
    };
    if (!waitFor([&] { return all(&WorkerProcess::drained); }, 90'000)) {
        violate(QStringLiteral("convergence"),
                QStringLiteral("round %1: outboxes still not answered 90 s after healing")
                    .arg(round + 1));
        return false;
    }
    const QJsonArray levels = serverLevels();
    QFile file(m_dir.filePath(QStringLiteral("levels.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(levels).toJson()) < 0) {
        violate(QStringLiteral("set-up"), file.fileName() + QStringLiteral(": cannot write"));
        return false;
    }
    file.close();
    for (int w = 0; w < m_config.workers; ++w)
        tell(w, "expect " + file.fileName().toUtf8());
    if (!waitFor([&] { return all(&WorkerProcess::converged); }, 75'000)) {
        violate(
            QStringLiteral("every replica equals the server's levels"),
            QStringLiteral("round %1: not 75 s after every outbox was answered").arg(round + 1));
        return false;
    }
    if (!m_violations.isEmpty())
        return false;
    m_convergeMs.append(healing.elapsed());
    m_out << "round " << round + 1 << ": healed and converged in " << healing.elapsed() << " ms; "
          << m_answers.size() << " mutations answered so far" << Qt::endl;
    return stopWorkers();
}

// A node killed earlier starts again; while the database cannot be reached `serve` exits (as
// under systemd, which starts it again), so it is tried every second.
void Campaign::bringBack(int n)
{
    ServerProcess& node = *m_nodes[static_cast<size_t>(n)];
    if (node.isRunning() || node.start(m_ports[static_cast<size_t>(n)]))
        return;
    QTimer::singleShot(1'000, [this, n] { bringBack(n); });
}

// scripts/ha-postgres.sh COMMAND, waited for; its output.
QByteArray Campaign::ha(const QString& command)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(m_config.haScript, {command});
    if (!p.waitForFinished(180'000) || p.exitCode() != 0)
        violate(QStringLiteral("the database pair"),
                QStringLiteral("%1 %2 failed").arg(m_config.haScript, command));
    return p.readAllStandardOutput();
}

// Failover time as a till sees it: from the primary's kill -9 to the first answer that is not
// a replay. Answers of commits made before the kill arrive within a few milliseconds; 300 ms
// on, only the new primary can have made one.
void Campaign::noteAnswerAfterFailover(const QString& result)
{
    if (m_failedOverAt < 0 || result.contains(QLatin1String("\"replay\":true")) ||
        !result.contains(QLatin1String("\"status\":\"applied\"")))
        return;
    const qint64 since = m_clock.elapsed() - m_failedOverAt;
    if (since < 300)
        return;
    m_out << "failover: first new answer " << since << " ms after the primary's death: " << result
          << Qt::endl;
    m_failoverMs.append(since);
    m_failedOverAt = -1;
}

bool Campaign::stopWorkers()
{
    bool clean = true;
    for (int w = 0; w < m_config.workers; ++w) {
        WorkerProcess& worker = m_workers[static_cast<size_t>(w)];
        if (!worker.process)
            continue;
        tell(w, "quit");
        if (!worker.process->waitForFinished(15'000)) {
            worker.process->kill();
            worker.process->waitForFinished(5'000);
            clean = false;
        }
        onWorkerOutput(w);
        worker.process.reset();
    }
    return clean;
}

} // namespace campaign

namespace campaign {

bool Campaign::setUpNetworks()
{
    m_networks = std::make_unique<NodeNetworks>();
    if (!m_networks->create(m_config.nodes)) {
        violate(QStringLiteral("set-up"), m_networks->error());
        return false;
    }
    return !TestDatabase::postgres() || allowNamespacesOnDatabase();
}

// The nodes reach PostgreSQL from their namespaces' addresses: it must listen beyond localhost
// (set when the cluster is made: pg-test.sh -o listen_addresses=*) and let them in.
bool Campaign::allowNamespacesOnDatabase()
{
    QSqlDatabase db = TestDatabase::openRaw(m_database->url(), QStringLiteral("campaign-hba"));
    QSqlQuery q(db);
    QString problem;
    if (!q.exec(QStringLiteral("SHOW listen_addresses")) || !q.next())
        problem = q.lastError().text();
    else if (q.value(0).toString() != QLatin1String("*"))
        problem = QStringLiteral("PostgreSQL listens on %1 only: start it with "
                                 "listen_addresses=* (pg-test.sh -o listen_addresses=*)")
                      .arg(q.value(0).toString());
    else if (!q.exec(QStringLiteral("SHOW hba_file")) || !q.next())
        problem = q.lastError().text();
    if (problem.isEmpty()) {
        QFile hba(q.value(0).toString());
        if (!hba.open(QIODevice::Append) ||
            hba.write(QStringLiteral("host all all %1 scram-sha-256\n")
                          .arg(m_networks->subnet())
                          .toUtf8()) < 0)
            problem = hba.fileName() + QStringLiteral(": cannot append to it");
        hba.close();
    }
    if (problem.isEmpty() && !q.exec(QStringLiteral("SELECT pg_reload_conf()")))
        problem = q.lastError().text();
    q.finish();
    db.close();
    if (!problem.isEmpty())
        violate(QStringLiteral("set-up"), problem);
    return problem.isEmpty();
}

// Cuts a node from one side, or heals the cut; the campaign's own checks never cross a cut.
void Campaign::partition(const Fault& fault, bool cut)
{
    const auto side = fault.kind == FaultKind::PartitionTerminals ? NodeNetworks::Side::Terminals
                                                                  : NodeNetworks::Side::Database;
    const QPair<int, int> key{fault.target, side == NodeNetworks::Side::Terminals ? 0 : 1};
    if (cut == m_cuts.contains(key))
        return; // two faults on one cut overlap: the first heal ends both
    if (cut ? !m_networks->cut(fault.target, side) : !m_networks->heal(fault.target, side)) {
        violate(QStringLiteral("the campaign's own network"), m_networks->error());
        return;
    }
    if (cut)
        m_cuts.insert(key);
    else
        m_cuts.remove(key);
    // The cut is real: across it a connection gets no answer at all, not even a refusal (the
    // node may be down); healed, it gets one.
    if (side == NodeNetworks::Side::Terminals &&
        answers(m_networks->nodeAddress(fault.target),
                m_ports[static_cast<size_t>(fault.target)]) == cut)
        violate(QStringLiteral("the campaign's own network"),
                QStringLiteral("node %1 %2 across its cut")
                    .arg(fault.target)
                    .arg(cut ? QStringLiteral("still answers") : QStringLiteral("is silent")));
}

// A TCP connection to host:port is accepted or refused within a second.
bool Campaign::answers(const QString& host, quint16 port)
{
    QTcpSocket probe;
    probe.connectToHost(host, port);
    const bool connected = probe.waitForConnected(1'000);
    return connected || probe.error() == QAbstractSocket::ConnectionRefusedError;
}

// Fills a worker's disk, or empties it and starts the worker again if it was killed meanwhile.
void Campaign::fillDisk(int w, bool full)
{
    if (full == m_fullDisks.contains(w))
        return; // two faults on one disk overlap: the first end frees it
    if (full ? !m_disks->fill(w) : !m_disks->free(w)) {
        violate(QStringLiteral("the campaign's own disks"), m_disks->error());
        return;
    }
    if (full) {
        m_fullDisks.insert(w);
        return;
    }
    m_fullDisks.remove(w);
    if (!m_workers[static_cast<size_t>(w)].process && !startWorker(w))
        violate(QStringLiteral("terminals restart"), QStringLiteral("worker %1").arg(w));
}

} // namespace campaign
