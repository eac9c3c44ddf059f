// stockline-sim: seeded worlds of terminals, faults and crashes around the real server logic.
// See README.md, "Simulation".

#include "simdispatcher.h"
#include "simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <cstdio>

using namespace stockline::sim;

namespace {

void print(FILE* to, const QString& line)
{
    std::fputs(line.toUtf8().constData(), to);
    std::fputc('\n', to);
}

} // namespace

int main(int argc, char* argv[])
{
    // Every QTimer of the process runs on the simulation's clock.
    auto* dispatcher = new SimDispatcher;
    QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stockline-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs seeded simulations of a store: the real server logic on a real SQLite file and "
        "real terminal sync clients, on a simulated clock and network with faults and crashes. "
        "Checks the invariants at every step and convergence at the end. The same seed always "
        "gives the same trace (its hash is printed). Exit code 1 on the first violation."));
    parser.addHelpOption();
    const QCommandLineOption seedsOption(
        QStringLiteral("seeds"), QStringLiteral("How many seeds to run."), QStringLiteral("N"));
    const QCommandLineOption firstOption(QStringLiteral("first"),
                                         QStringLiteral("The first seed (default 1)."),
                                         QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("Print every step of every seed."));
    // For the test that shows the checks bite: a deliberately broken server store.
    QCommandLineOption breakOption(QStringLiteral("break"),
                                   QStringLiteral("Break the server on purpose: replay-twice."),
                                   QStringLiteral("FAULT"));
    breakOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({seedsOption, firstOption, traceOption, breakOption});
    parser.process(app);

    bool ok = false;
    const qulonglong seeds = parser.value(seedsOption).toULongLong(&ok);
    if (!ok || seeds == 0) {
        print(stderr, QStringLiteral("stockline-sim: --seeds N is required (N >= 1)"));
        return 2;
    }
    const qulonglong first = parser.value(firstOption).toULongLong(&ok);
    if (!ok) {
        print(stderr, QStringLiteral("stockline-sim: --first must be a seed number"));
        return 2;
    }
    Breakage breakage = Breakage::None;
    QString breakArgument;
    if (parser.isSet(breakOption)) {
        if (parser.value(breakOption) != QLatin1String("replay-twice")) {
            print(stderr, QStringLiteral("stockline-sim: --break knows only replay-twice"));
            return 2;
        }
        breakage = Breakage::ReplayTwice;
        breakArgument = QStringLiteral(" --break replay-twice");
    }
    const bool trace = parser.isSet(traceOption);
    // The clients log every reconnect; the trace says what happened.
    if (!trace)
        QLoggingCategory::setFilterRules(QStringLiteral("stockline.*=false"));

    const std::function<void(const QString&)> out = [](const QString& line) {
        print(stdout, line);
    };
    QCryptographicHash overall(QCryptographicHash::Sha256);
    QElapsedTimer timer;
    timer.start();
    qulonglong run = 0;
    qint64 mutations = 0;
    for (qulonglong seed = first; seed < first + seeds; ++seed) {
        const SeedReport report = runSeed(SimConfig{seed, trace, breakage}, *dispatcher, out);
        ++run;
        mutations += report.mutations;
        overall.addData(report.traceHash);
        if (!report.ok) {
            print(stdout, QStringLiteral("seed %1: VIOLATED %2").arg(seed).arg(report.invariant));
            print(stdout, QStringLiteral("  %1").arg(report.detail));
            print(stdout, QStringLiteral("  last steps:"));
            for (const QString& line : report.lastSteps)
                print(stdout, QStringLiteral("    %1").arg(line));
            print(stdout, QStringLiteral("  trace hash %1").arg(QLatin1String(report.traceHash)));
            print(stdout, QStringLiteral("  replay: stockline-sim --seeds 1 --first %1 --trace%2")
                              .arg(seed)
                              .arg(breakArgument));
            std::fflush(stdout);
            return 1;
        }
        print(stdout, QStringLiteral("seed %1 ok %2 (%3 steps, %4 mutations)")
                          .arg(seed)
                          .arg(QLatin1String(report.traceHash.left(16)))
                          .arg(report.steps)
                          .arg(report.mutations));
    }
    print(stdout, QStringLiteral("%1 seeds, 0 violations, %2 mutations, overall hash %3")
                      .arg(run)
                      .arg(mutations)
                      .arg(QLatin1String(overall.result().toHex().left(16))));
    // Not part of the deterministic output: stderr.
    const double seconds = static_cast<double>(std::max<qint64>(1, timer.elapsed())) / 1000.0;
    print(stderr, QStringLiteral("%1 seeds in %2 s: %3 seeds/s")
                      .arg(run)
                      .arg(seconds, 0, 'f', 1)
                      .arg(static_cast<double>(run) / seconds, 0, 'f', 1));
    return 0;
}
