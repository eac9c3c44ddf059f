// stockline-bench: the benchmark program. Not a test: run by hand, prints figures.
#include "corebench.h"
#include "rawsqlite.h"
#include "syncbench.h"
#include "tillbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

// The option's value, else its default, else `fallback` (for defaults that differ per scenario).
int intOption(const QCommandLineParser& parser, const QString& name, int fallback = 0)
{
    const QString value = parser.value(name);
    return value.isEmpty() ? fallback : value.toInt();
}

QList<QCommandLineOption> options()
{
    const auto number = [](const char* name, const char* help, const char* fallback = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QStringLiteral("N"));
        if (fallback)
            o.setDefaultValue(QString::fromLatin1(fallback));
        return o;
    };
    return {
        number("products", "search: catalog size.", "100000"),
        number("words", "search: names typed.", "2000"),
        number("durable", "outbox: durable appends.", "2000"),
        number("batched", "outbox: batched appends.", "200000"),
        number("batch-size", "outbox: appends, raw-sqlite: decrements per transaction.", "1000"),
        number("buyers", "race: buyers, each reserving 1 unit (10000)."),
        number("units", "race: units of the SKU (1000)."),
        number("connections", "race (1000), throughput (100): terminals connected."),
        number("per-push", "race: a connection's buyers per push; 0 = all in one (0)."),
        number("rounds", "race: races, each on a fresh SKU (3)."),
        number("seconds", "throughput: how long (10); raw-sqlite: per mode (4)."),
        number("batch", "throughput: mutations per push (50)."),
        number("window", "throughput: pushes in flight per connection (2)."),
        number("skus", "throughput, raw-sqlite: catalog size (5000)."),
        number("sale-lines", "throughput: only sales, of N lines each (0: the store's mix)."),
        {QStringLiteral("with-receipts"), QStringLiteral("throughput: sales carry their receipt.")},
        number("receipts", "receipt-lookup: receipts stored (1000000); day-report: receipts of "
                           "the day (40000)."),
        number("lookups", "receipt-lookup: receipt requests, one at a time (2000)."),
        number("tills", "day-report, reports (20), price-push (200): tills."),
        number("lines", "reports: receipt lines over a year (1000000)."),
        number("requests", "reports: requests of each report, one at a time (20)."),
        number("reports", "day-report: day requests, one at a time (20)."),
        number("terminals", "fanout: terminals watching (1000)."),
        number("commits", "fanout: single receives committed one at a time (500)."),
        number("streams", "web-checkout: level streams (200)."),
        number("stream-sales", "web-checkout: till sales timed to the last stream (200)."),
        number("changes", "price-push: price changes, one after another (50)."),
        number("runs", "till: cold starts.", "7"),
        number("scans", "till: barcodes scanned.", "500"),
        {QStringLiteral("server"),
         QStringLiteral("race/throughput/fanout: the stockline-server binary "
                        "(default ../server/stockline-server next to this program)."),
         QStringLiteral("PATH")},
        {QStringLiteral("keep"), QStringLiteral("Keep the server's temporary database.")},
        {QStringLiteral("db"),
         QStringLiteral("race/throughput/fanout: the server's database instead of a temporary "
                        "SQLite file, e.g. an empty postgres://USER@HOST:PORT/DBNAME."),
         QStringLiteral("URL")},
    };
}

syncbench::ServerOptions serverOptions(const QCommandLineParser& parser)
{
    return {parser.value(QStringLiteral("server")), parser.isSet(QStringLiteral("keep")),
            parser.value(QStringLiteral("db"))};
}

int runSync(const QString& scenario, const QCommandLineParser& p, QTextStream& out)
{
    if (scenario == QLatin1String("race")) {
        syncbench::RaceOptions o;
        o.server = serverOptions(p);
        o.buyers = intOption(p, QStringLiteral("buyers"), o.buyers);
        o.units = intOption(p, QStringLiteral("units"), o.units);
        o.connections = intOption(p, QStringLiteral("connections"), o.connections);
        o.perPush = intOption(p, QStringLiteral("per-push"), o.perPush);
        o.rounds = intOption(p, QStringLiteral("rounds"), o.rounds);
        return syncbench::race(o, out);
    }
    if (scenario == QLatin1String("throughput")) {
        syncbench::ThroughputOptions o;
        o.server = serverOptions(p);
        o.connections = intOption(p, QStringLiteral("connections"), o.connections);
        o.seconds = intOption(p, QStringLiteral("seconds"), o.seconds);
        o.batch = intOption(p, QStringLiteral("batch"), o.batch);
        o.window = intOption(p, QStringLiteral("window"), o.window);
        o.skus = intOption(p, QStringLiteral("skus"), o.skus);
        o.saleLines = intOption(p, QStringLiteral("sale-lines"), o.saleLines);
        o.receipts = p.isSet(QStringLiteral("with-receipts"));
        return syncbench::throughput(o, out);
    }
    if (scenario == QLatin1String("web-checkout")) {
        syncbench::WebCheckoutOptions o;
        o.server = serverOptions(p);
        o.buyers = intOption(p, QStringLiteral("buyers"), o.buyers);
        o.units = intOption(p, QStringLiteral("units"), o.units);
        o.connections = intOption(p, QStringLiteral("connections"), o.connections);
        o.streams = intOption(p, QStringLiteral("streams"), o.streams);
        o.streamSales = intOption(p, QStringLiteral("stream-sales"), o.streamSales);
        return syncbench::webCheckout(o, out);
    }
    if (scenario == QLatin1String("refund-race")) {
        syncbench::RefundRaceOptions o;
        o.server = serverOptions(p);
        o.connections = intOption(p, QStringLiteral("connections"), o.connections);
        o.units = intOption(p, QStringLiteral("units"), o.units);
        return syncbench::refundRace(o, out);
    }
    if (scenario == QLatin1String("receipt-lookup")) {
        syncbench::ReceiptLookupOptions o;
        o.server = serverOptions(p);
        o.receipts = intOption(p, QStringLiteral("receipts"), o.receipts);
        o.lookups = intOption(p, QStringLiteral("lookups"), o.lookups);
        return syncbench::receiptLookup(o, out);
    }
    if (scenario == QLatin1String("day-report")) {
        syncbench::DayReportOptions o;
        o.server = serverOptions(p);
        o.tills = intOption(p, QStringLiteral("tills"), o.tills);
        o.receipts = intOption(p, QStringLiteral("receipts"), o.receipts);
        o.reports = intOption(p, QStringLiteral("reports"), o.reports);
        return syncbench::dayReport(o, out);
    }
    if (scenario == QLatin1String("reports")) {
        syncbench::ReportsOptions o;
        o.server = serverOptions(p);
        o.tills = intOption(p, QStringLiteral("tills"), o.tills);
        o.lines = intOption(p, QStringLiteral("lines"), int(o.lines));
        o.requests = intOption(p, QStringLiteral("requests"), o.requests);
        return syncbench::reports(o, out);
    }
    if (scenario == QLatin1String("price-push")) {
        syncbench::PricePushOptions o;
        o.server = serverOptions(p);
        o.tills = intOption(p, QStringLiteral("tills"), o.tills);
        o.changes = intOption(p, QStringLiteral("changes"), o.changes);
        return syncbench::pricePush(o, out);
    }
    syncbench::FanoutOptions o;
    o.server = serverOptions(p);
    o.terminals = intOption(p, QStringLiteral("terminals"), o.terminals);
    o.commits = intOption(p, QStringLiteral("commits"), o.commits);
    return syncbench::fanout(o, out);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1");
    // A thousand terminals are a thousand open sockets.
    syncbench::raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stockline-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stockline's benchmarks. Scenarios:\n"
        "  search      catalog search per keystroke over --products products\n"
        "  outbox      durable and batched outbox appends\n"
        "  race        --buyers reserve 1 unit each of --units, over --connections, at once\n"
        "  throughput  --connections keep pushes of --batch mixed mutations in flight\n"
        "  fanout      --terminals watch --commits single receives arrive\n"
        "  refund-race --connections tills refund 1 unit each of one sale line of --units\n"
        "  web-checkout --buyers check out (hold, order) --units over --connections keep-alive\n"
        "              HTTP connections, then over WebSockets; --streams level streams\n"
        "  receipt-lookup  --lookups receipt requests among --receipts stored\n"
        "  day-report  --reports day requests over --tills and --receipts of the day\n"
        "  reports     every back-office report over a year of --lines receipt lines\n"
        "  price-push  a manager changes a price --changes times; --tills (sync::Client each)\n"
        "              must show each in their replica\n"
        "  till        the stockline app over --products: cold start, scan to line, memory\n"
        "  raw-sqlite  conditional decrements straight on SQLite for --seconds each, one per\n"
        "              transaction and --batch-size per transaction, over --skus\n"
        "race, throughput and fanout start the real server on a fresh SQLite file (or the\n"
        "empty database --db names) and speak to it over WebSockets on 127.0.0.1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("What to measure."));
    parser.addOptions(options());
    parser.process(app);
    QTextStream out(stdout);
    out << "command: " << QCoreApplication::arguments().join(u' ') << Qt::endl;
    const QString scenario = parser.positionalArguments().value(0);
    if (scenario == QLatin1String("search"))
        return corebench::search({intOption(parser, QStringLiteral("products")),
                                  intOption(parser, QStringLiteral("words"))},
                                 out);
    if (scenario == QLatin1String("outbox"))
        return corebench::outbox({intOption(parser, QStringLiteral("durable")),
                                  intOption(parser, QStringLiteral("batched")),
                                  intOption(parser, QStringLiteral("batch-size"))},
                                 out);
    if (scenario == QLatin1String("race") || scenario == QLatin1String("throughput") ||
        scenario == QLatin1String("fanout") || scenario == QLatin1String("refund-race") ||
        scenario == QLatin1String("receipt-lookup") || scenario == QLatin1String("day-report") ||
        scenario == QLatin1String("web-checkout") || scenario == QLatin1String("reports") ||
        scenario == QLatin1String("price-push"))
        return runSync(scenario, parser, out);
    if (scenario == QLatin1String("raw-sqlite")) {
        rawsqlite::Options o;
        o.seconds = intOption(parser, QStringLiteral("seconds"), o.seconds);
        o.skus = intOption(parser, QStringLiteral("skus"), o.skus);
        o.batch = intOption(parser, QStringLiteral("batch-size"), o.batch);
        return rawsqlite::run(o, out);
    }
    if (scenario == QLatin1String("till"))
        return tillbench::till({intOption(parser, QStringLiteral("products")),
                                intOption(parser, QStringLiteral("runs")),
                                intOption(parser, QStringLiteral("scans")), QString()},
                               out);
    QTextStream(stderr) << "stockline-bench: unknown scenario '" << scenario << "'; see --help"
                        << Qt::endl;
    return 2;
}
