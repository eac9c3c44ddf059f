// stockline-campaign: the fault campaign (tests/campaign/README.md). Started with --worker it
// is one of the campaign's terminal processes instead.

#include "campaign.h"
#include "campaignworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <unistd.h>

namespace {

int runWorker(const QString& specPath, quint64 seed)
{
    QTextStream out(stdout);
    QFile spec(specPath);
    if (!spec.open(QIODevice::ReadOnly | QIODevice::Text)) {
        out << "error worker: cannot read " << specPath << Qt::endl;
        return 2;
    }
    QList<campaign::TerminalSpec> terminals;
    while (!spec.atEnd()) {
        const QStringList cells = QString::fromUtf8(spec.readLine()).trimmed().split(u'\t');
        if (cells.size() == 5)
            terminals.append({cells[0], cells[1], cells[2], cells[3], cells[4]});
    }
    campaign::Worker worker(terminals, seed, out);
    if (!worker.start())
        return 2;
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    // Hundreds of sockets in one process (DESIGN.md, "Speed by design").
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("stockline.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The fault campaign: real stockline-server nodes and hundreds of real terminals, "
        "kill -9 and clock jumps at points drawn from a seed, and the checks after each round. "
        "Runs on SQLite, or on the PostgreSQL that the PG* variables name with "
        "STOCKLINE_TEST_DB=postgres."));
    parser.addHelpOption();
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("The seed (default: random)."), QStringLiteral("N"));
    const QCommandLineOption terminals(QStringLiteral("terminals"),
                                       QStringLiteral("Headless terminals (120)."),
                                       QStringLiteral("N"), QStringLiteral("120"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Processes the terminals live in (4)."),
                                     QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption nodes(QStringLiteral("nodes"),
                                   QStringLiteral("Server nodes (1; more only on PostgreSQL)."),
                                   QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Rounds of load, faults, healing, checks (3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption seconds(QStringLiteral("round-seconds"),
                                     QStringLiteral("Seconds of load per round (15)."),
                                     QStringLiteral("S"), QStringLiteral("15"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Faults per round (8)."), QStringLiteral("N"),
                                    QStringLiteral("8"));
    const QCommandLineOption breaks(
        QStringLiteral("break"),
        QStringLiteral("Start the servers with STOCKLINE_FAULT=SWITCH (proof that it bites)."),
        QStringLiteral("SWITCH"));
    const QCommandLineOption ha(
        QStringLiteral("ha"),
        QStringLiteral("Run on the primary/standby pair of SCRIPT (scripts/ha-postgres.sh, "
                       "started; PGPASSWORD set), killing its primary once a round."),
        QStringLiteral("SCRIPT"));
    const QCommandLineOption partitions(
        QStringLiteral("partitions"),
        QStringLiteral("Put each node in a network namespace of its own and cut it from its "
                       "terminals, and on PostgreSQL from the database, for a few seconds at a "
                       "time (root; PostgreSQL listening beyond localhost: pg-test.sh -o "
                       "listen_addresses=*). Not with --ha. Exits 77 when not root."));
    const QCommandLineOption diskFull(
        QStringLiteral("disk-full"),
        QStringLiteral(
            "Put each worker's terminal stores on a tmpfs of its own (6 MB a "
            "terminal) and fill it for 2–8 s at a time (root). Exits 77 when not root."));
    const QCommandLineOption expect(QStringLiteral("expect-violation"),
                                    QStringLiteral("Succeed only if a check fails."));
    const QCommandLineOption worker(QStringLiteral("worker"),
                                    QStringLiteral("(internal) Be a terminal process."),
                                    QStringLiteral("SPEC"));
    parser.addOptions({seed, terminals, workers, nodes, rounds, seconds, faults, breaks, ha,
                       partitions, diskFull, expect, worker});
    parser.process(app);

    const quint64 chosen = parser.isSet(seed) ? parser.value(seed).toULongLong()
                                              : QRandomGenerator::global()->bounded(1u << 30);
    if (parser.isSet(worker))
        return runWorker(parser.value(worker), chosen);

    campaign::Config config;
    config.seed = chosen;
    const auto positive = [&parser](const QCommandLineOption& option, int& into) {
        bool ok = false;
        into = parser.value(option).toInt(&ok);
        if (!ok || into < 1) {
            QTextStream(stderr) << "--" << option.names().first()
                                << ": not a positive number: " << parser.value(option) << Qt::endl;
            return false;
        }
        return true;
    };
    if (!positive(terminals, config.terminals) || !positive(workers, config.workers) ||
        !positive(nodes, config.nodes) || !positive(rounds, config.rounds) ||
        !positive(seconds, config.roundSeconds) || !positive(faults, config.faultsPerRound))
        return 2;
    config.workers = std::min(config.workers, config.terminals);
    config.breakSwitch = parser.value(breaks);
    config.haScript = parser.value(ha);
    config.partitions = parser.isSet(partitions);
    if (config.partitions && !config.haScript.isEmpty()) {
        QTextStream(stderr) << "--partitions: not with --ha (its pair listens on localhost only)"
                            << Qt::endl;
        return 2;
    }
    config.diskFull = parser.isSet(diskFull);
    if ((config.partitions || config.diskFull) && geteuid() != 0) {
        QTextStream(stderr) << (config.partitions ? "--partitions: network namespaces"
                                                  : "--disk-full: mounting a tmpfs")
                            << " needs root; skipped" << Qt::endl;
        return 77;
    }
    config.expectViolation = parser.isSet(expect);
    config.self = QCoreApplication::applicationFilePath();
    config.arguments = QCoreApplication::arguments().mid(1);
    if (!parser.isSet(seed))
        config.arguments << QStringLiteral("--seed") << QString::number(chosen);
    QTextStream out(stdout);
    campaign::Campaign run(config, out);
    return run.run();
}
