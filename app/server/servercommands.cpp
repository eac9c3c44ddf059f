#include "servercommands.h"

#include "commandsupport.h"
#include "fingerprint.h"
#include "observability.h"
#include "serverconfig.h"
#include "serverstore.h"
#include "signalwatcher.h"
#include "stockarbiter.h"
#include "storecsv.h"
#include "syncserver.h"
#include "tlsfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QUrl>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;

namespace {

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

Result<ListenAddress> parseListen(const QString& value,
                                  const QString& option = QStringLiteral("listen"))
{
    const QUrl url(QStringLiteral("ws://") + value);
    const QHostAddress host(url.host());
    if (!url.isValid() || host.isNull() || url.port() < 0 || !url.path().isEmpty())
        return Error{QStringLiteral("--") + option,
                     QStringLiteral("'%1' is not HOST:PORT, e.g. 127.0.0.1:8765").arg(value)};
    return ListenAddress{host, static_cast<quint16>(url.port())};
}

// The serve options that bound what clients may do, with their defaults from ServerLimits.
struct LimitOption
{
    const char* name;
    const char* description;
    int ServerLimits::*field;
};

const QList<LimitOption>& limitOptions()
{
    static const QList<LimitOption> options{
        {"max-connections", "Open connections in total; beyond: closed 4503 (default %1).",
         &ServerLimits::maxConnections},
        {"max-connections-per-address",
         "Open connections from one IP address; beyond: closed 4503 (default %1; tills behind "
         "one NAT router share its address).",
         &ServerLimits::maxConnectionsPerAddress},
        {"max-messages-per-second",
         "Messages a second one connection may send on average (twice as many at once); "
         "beyond: rate_limited, closed 4429 (default %1).",
         &ServerLimits::messagesPerSecond},
        {"handshake-timeout-ms",
         "Milliseconds from a TCP connection to its WebSocket (and TLS) handshake done; beyond: "
         "dropped without a word (default %1).",
         &ServerLimits::handshakeTimeoutMs},
    };
    return options;
}

const QList<QCommandLineOption>& failedHelloOptions()
{
    const FailedHellos::Limits defaults;
    static const QList<QCommandLineOption> options{
        {QStringLiteral("failed-hellos-slow"),
         QStringLiteral("Failed hellos or pairing codes from one address before each further "
                        "answer is delayed, 1 s more each time up to 5 s (default %1).")
             .arg(defaults.delayAfter),
         QStringLiteral("N")},
        {QStringLiteral("failed-hellos-refuse"),
         QStringLiteral("Failed hellos from one address that get it refused (rate_limited, "
                        "closed 4429) for --refuse-seconds (default %1).")
             .arg(defaults.refuseAfter),
         QStringLiteral("N")},
        {QStringLiteral("refuse-seconds"),
         QStringLiteral("How long such an address is refused; it is forgotten after as long "
                        "without a failure (default %1).")
             .arg(defaults.refuseMs / 1000),
         QStringLiteral("S")},
    };
    return options;
}

Result<int> positiveInt(const QCommandLineParser& parser, const QString& name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1)
        return Error{
            QStringLiteral("--") + name,
            QStringLiteral("'%1' is not a whole number from 1 up").arg(parser.value(name))};
    return value;
}

Result<ServerLimits> serveLimits(const QCommandLineParser& parser)
{
    ServerLimits limits;
    for (const LimitOption& o : limitOptions()) {
        const Result<int> value = positiveInt(parser, QLatin1String(o.name), limits.*(o.field));
        if (!value)
            return value.error();
        limits.*(o.field) = *value;
    }
    limits.messageBurst = limits.messagesPerSecond * 2;
    FailedHellos::Limits& hellos = limits.failedHellos;
    const Result<int> slow =
        positiveInt(parser, QStringLiteral("failed-hellos-slow"), hellos.delayAfter);
    const Result<int> refuse =
        positiveInt(parser, QStringLiteral("failed-hellos-refuse"), hellos.refuseAfter);
    const Result<int> seconds = positiveInt(parser, QStringLiteral("refuse-seconds"),
                                            static_cast<int>(hellos.refuseMs / 1000));
    for (const Result<int>* r : {&slow, &refuse, &seconds})
        if (!*r)
            return r->error();
    hellos.delayAfter = *slow;
    hellos.refuseAfter = *refuse;
    hellos.refuseMs = qint64{*seconds} * 1000;
    return limits;
}

} // namespace

QList<ServerCommands::Command> ServerCommands::commands() const
{
    const auto withDb = [](QCommandLineParser& p) { p.addOption(dbOption()); };
    const auto listing = [](QCommandLineParser& p) {
        p.addOption(dbOption());
        p.addOption(jsonOption());
    };
    return {
        {QStringLiteral("serve"), QString(),
         QStringLiteral("Run the sync server until SIGTERM or SIGINT."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("listen"),
                          QStringLiteral("Address and port to listen on (default 127.0.0.1:8765; "
                                         "port 0 picks a free one)."),
                          QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8765")});
             p.addOption({QStringLiteral("tls-cert"),
                          QStringLiteral("Serve wss:// with this PEM certificate (its chain may "
                                         "follow it in the file); needs --tls-key."),
                          QStringLiteral("FILE")});
             p.addOption({QStringLiteral("tls-key"),
                          QStringLiteral("The certificate's unencrypted PEM private key."),
                          QStringLiteral("FILE")});
             const ServerLimits defaults;
             for (const LimitOption& o : limitOptions())
                 p.addOption({QLatin1String(o.name),
                              QString::fromLatin1(o.description).arg(defaults.*(o.field)),
                              QStringLiteral("N")});
             p.addOptions(failedHelloOptions());
             // Health, readiness and metrics (README "Health, metrics and logs").
             p.addOption({QStringLiteral("http-listen"),
                          QStringLiteral("Serve /healthz, /readyz and /metrics over HTTP on this "
                                         "address and port (HTTPS with --tls-cert); default off."),
                          QStringLiteral("HOST:PORT")});
         },
         &ServerCommands::serve},
        {QStringLiteral("tls fingerprint"), QString(),
         QStringLiteral("Print the SHA-256 fingerprint of the certificate in --tls-cert, to pin "
                        "at the terminals when enrolling them."),
         [](QCommandLineParser& p) {
             p.addOption({QStringLiteral("tls-cert"), QStringLiteral("The PEM certificate."),
                          QStringLiteral("FILE")});
         },
         &ServerCommands::printFingerprint},
        {QStringLiteral("location add"), QStringLiteral("ID NAME"),
         QStringLiteral("Add a stock location (a store floor, a back room, a warehouse)."), withDb,
         &ServerCommands::addLocation},
        {QStringLiteral("terminal add"), QStringLiteral("ID"),
         QStringLiteral("Enrol a terminal; prints its token alone on stdout (with --pairing, a "
                        "one-time pairing code instead)."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("role"),
                          QStringLiteral("pos, receiving, channel or manager."),
                          QStringLiteral("ROLE")});
             p.addOption({QStringLiteral("pairing"),
                          QStringLiteral("Print a code the device enters to pair itself (valid "
                                         "15 minutes, once) instead of the token.")});
         },
         &ServerCommands::addTerminal},
        {QStringLiteral("terminal pair"), QStringLiteral("ID"),
         QStringLiteral("Print a new one-time pairing code for an enrolled terminal (a "
                        "reinstalled device); pairing replaces its token."),
         withDb, &ServerCommands::pairTerminal},
        {QStringLiteral("terminal revoke"), QStringLiteral("ID"),
         QStringLiteral("Revoke a terminal's token; a connected terminal is cut off (4403)."),
         withDb, &ServerCommands::revokeTerminal},
        {QStringLiteral("terminal list"), QString(),
         QStringLiteral("List the enrolled terminals: role, where each last booked stock, when it "
                        "was last heard from and the last seq applied."),
         listing, &ServerCommands::listTerminals},
        {QStringLiteral("location list"), QString(), QStringLiteral("List the stock locations."),
         listing, &ServerCommands::listLocations},
        {QStringLiteral("store set"), QStringLiteral("store.conf"),
         QStringLiteral("Set the store's currency, tax-inclusive prices, tax and cash rounding "
                        "and denominations from a setup file (README, \"Store settings\"). "
                        "Terminals take them when they next connect."),
         withDb, &ServerCommands::setStore},
        {QStringLiteral("store show"), QString(),
         QStringLiteral("Print the store's settings in the form `store set` reads."), withDb,
         &ServerCommands::showStore},
        {QStringLiteral("catalog export"), QString(),
         QStringLiteral("Print the catalog as CSV in the form `catalog import` reads (every "
                        "column, inactive products too)."),
         withDb, &ServerCommands::exportCatalog},
        {QStringLiteral("catalog import"), QStringLiteral("FILE.csv"),
         QStringLiteral("Import products (header sku,barcode,name,price,tax_rate). "
                        "A bad row imports nothing."),
         withDb, &ServerCommands::importCatalog},
        {QStringLiteral("stock import"), QStringLiteral("FILE.csv"),
         QStringLiteral("Book opening stock (header sku,location,qty) as receipts."), withDb,
         &ServerCommands::importStock},
        {QStringLiteral("delivery import"), QStringLiteral("FILE.csv"),
         QStringLiteral("Import expected deliveries (header supplier,reference,location,sku,"
                        "expected; a row per line). A bad row imports nothing."),
         withDb, &ServerCommands::importDeliveries},
        {QStringLiteral("delivery list"), QString(),
         QStringLiteral("List open deliveries: expected and received per line."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("all"), QStringLiteral("Closed deliveries too.")});
             p.addOption(jsonOption());
         },
         &ServerCommands::listDeliveries},
        {QStringLiteral("delivery close"), QStringLiteral("REFERENCE"),
         QStringLiteral("Close an open delivery whose missing goods will not come: docks stop "
                        "listing it and refuse receives against it. Prints what was short."),
         withDb, &ServerCommands::closeDelivery},
        {QStringLiteral("stock show"), QString(),
         QStringLiteral("Show stock levels and open shortage exceptions."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption(
                 {QStringLiteral("sku"), QStringLiteral("Only this SKU."), QStringLiteral("SKU")});
             p.addOption(jsonOption());
         },
         &ServerCommands::showStock},
        {QStringLiteral("staff add"), QStringLiteral("NAME"),
         QStringLiteral("Add a person who signs in at terminals, or change their role and PIN; "
                        "the PIN (4-12 digits) is read from stdin."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("role"), QStringLiteral("cashier or manager."),
                          QStringLiteral("ROLE")});
         },
         &ServerCommands::addStaff},
        {QStringLiteral("staff remove"), QStringLiteral("NAME"),
         QStringLiteral("Stop a person signing in, on every terminal."), withDb,
         &ServerCommands::removeStaff},
        {QStringLiteral("staff list"), QString(), QStringLiteral("List the active staff."), listing,
         &ServerCommands::listStaff},
        {QStringLiteral("approvals list"), QString(),
         QStringLiteral("List the manager approvals tills sent: when, which terminal and seq, "
                        "what, who asked and who approved."),
         listing, &ServerCommands::listApprovals},
        {QStringLiteral("shortage resolve"), QStringLiteral("ID"),
         QStringLiteral("Mark a shortage exception as resolved."), withDb,
         &ServerCommands::resolveShortage},
        {QStringLiteral("verify"), QString(),
         QStringLiteral("Replay the ledger and check it equals the levels and the invariants; "
                        "exit 1 with a report on any mismatch."),
         withDb, &ServerCommands::verify},
        {QStringLiteral("backup"), QString(),
         QStringLiteral("Copy the database while the server runs (SQLite: the online backup "
                        "API, then verify on the copy; PostgreSQL: pg_dump)."),
         &ServerCommands::declareBackup, &ServerCommands::backup},
        {QStringLiteral("restore"), QString(),
         QStringLiteral("Put a backup in place of the database, with the server stopped; names "
                        "the tills that must then run `stockline --resend-after-restore`."),
         &ServerCommands::declareRestore, &ServerCommands::restore},
        {QStringLiteral("receipt show"), QStringLiteral("NUMBER"),
         QStringLiteral("Show a stored sale or refund receipt: lines, what was refunded of "
                        "each, payments and refunds."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption(
                 {QStringLiteral("json"), QStringLiteral("As the `receipt` reply's JSON.")});
         },
         &ServerCommands::showReceipt},
        {QStringLiteral("purchase-order show"), QStringLiteral("REFERENCE"),
         QStringLiteral("A purchase order as its supplier gets it: lines, unit costs, totals, "
                        "what was received so far."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("csv"), QStringLiteral("As CSV (RFC 4180).")});
         },
         &ServerCommands::showPurchaseOrder},
        {QStringLiteral("day report"), QString(),
         QStringLiteral("The store's day by the tills' time in this server's time zone: sales, "
                        "refunds, tills, tenders, tax, drawers, tills not heard from."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("date"), QStringLiteral("The day, YYYY-MM-DD."),
                          QStringLiteral("DATE")});
             p.addOption({QStringLiteral("json"), QStringLiteral("As the `day` reply's JSON.")});
         },
         &ServerCommands::dayReport},
        {QStringLiteral("report"), QString(),
         QStringLiteral("A back-office report over local dates in this server's time zone: "
                        "sales, tax, refunds, discounts, overrides, approvals, cash, margins, "
                        "shrinkage, today."),
         [](QCommandLineParser& p) {
             p.addOption(dbOption());
             p.addOption({QStringLiteral("report"), QStringLiteral("Which report."),
                          QStringLiteral("REPORT")});
             p.addOption({QStringLiteral("by"),
                          QStringLiteral("sales: hour, day, week, department, product, staff, "
                                         "till or method; margins: product or department."),
                          QStringLiteral("BY")});
             p.addOption({QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD."),
                          QStringLiteral("DATE")});
             p.addOption({QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD."),
                          QStringLiteral("DATE")});
             p.addOption({QStringLiteral("location"),
                          QStringLiteral("One location (default: the whole store)."),
                          QStringLiteral("ID")});
             p.addOption({QStringLiteral("limit"),
                          QStringLiteral("Event lists: at most this many rows, newest first "
                                         "(default 1000)."),
                          QStringLiteral("N")});
             p.addOption({QStringLiteral("json"), QStringLiteral("As the `answer`'s JSON.")});
             p.addOption({QStringLiteral("csv"), QStringLiteral("As CSV (RFC 4180).")});
         },
         &ServerCommands::report},
    };
}

int ServerCommands::usage(const QList<Command>& commands, const QString& problem) const
{
    QTextStream& stream = problem.isEmpty() ? out() : err();
    if (!problem.isEmpty())
        stream << "stockline-server: " << problem << "\n\n";
    stream << "Usage: stockline-server COMMAND [options]\n\nCommands:\n";
    for (const Command& c : commands)
        stream << "  " << padded(c.name + u' ' + c.synopsis, 28) << c.description << '\n';
    stream << "\n'stockline-server COMMAND --help' shows a command's options. Options also come "
              "from\n"
           << ServerConfig::defaultPath()
           << " when it exists, or the file --config names: lines `key = value`,\na key being "
              "an option's long name; the command line wins.\n";
    stream.flush();
    return problem.isEmpty() ? 0 : 2;
}

void ServerCommands::declare(QCommandLineParser& parser, const Command& command)
{
    parser.setApplicationDescription(command.description);
    parser.addHelpOption();
    parser.addPositionalArgument(command.name, QString(), command.name);
    for (const QString& p : command.synopsis.split(u' ', Qt::SkipEmptyParts))
        parser.addPositionalArgument(p, QString());
    command.declare(parser);
    parser.addOption(ServerConfig::option());
}

// The arguments with the configuration file's values added: the file --config names, else the
// default one when it exists (none: the arguments as they are).
Result<QStringList> ServerCommands::withConfiguration(const QCommandLineParser& given,
                                                      const QStringList& arguments,
                                                      const Command& command,
                                                      const QList<Command>& all)
{
    const bool named = given.isSet(ServerConfig::option());
    const QString path = named ? given.value(ServerConfig::option()) : ServerConfig::defaultPath();
    if (!named && !QFileInfo::exists(path))
        return arguments;
    QList<DeclareOptions> everyCommand;
    for (const Command& c : all)
        everyCommand.append(c.declare);
    const Result<ServerConfig> config = ServerConfig::read(path, everyCommand);
    if (!config)
        return config.error();
    return config->apply(arguments, command.declare);
}

int ServerCommands::run(const QStringList& arguments)
{
    const QList<Command> all = commands();
    const QStringList words = arguments.mid(1);
    if (words.isEmpty() || words.first() == QLatin1String("--help") ||
        words.first() == QLatin1String("-h"))
        return usage(all, words.isEmpty() ? QStringLiteral("no command given") : QString());
    if (words.first() == QLatin1String("--version")) {
        out() << "stockline-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    for (const Command& command : all) {
        const QStringList nameWords = command.name.split(u' ');
        if (words.mid(0, nameWords.size()) != nameWords)
            continue;
        QStringList rest = words.mid(nameWords.size());
        rest.prepend(arguments.first() + u' ' + command.name);
        QCommandLineParser given;
        declare(given, command);
        if (!given.parse(rest))
            return usage(all, given.errorText());
        if (given.isSet(QStringLiteral("help"))) {
            out() << given.helpText();
            out().flush();
            return 0;
        }
        const Result<QStringList> configured = withConfiguration(given, rest, command, all);
        if (!configured)
            return fail(configured.error());
        QCommandLineParser parser;
        declare(parser, command);
        if (!parser.parse(*configured))
            return usage(all, parser.errorText());
        if (Status s = requirePositional(
                parser, static_cast<int>(command.synopsis.split(u' ', Qt::SkipEmptyParts).size()),
                command.name + u' ' + command.synopsis);
            !s)
            return usage(all, s.error().message);
        return command.execute(parser);
    }
    return usage(all, QStringLiteral("unknown command '%1'").arg(words.join(u' ')));
}

int ServerCommands::serve(const QCommandLineParser& parser)
{
    const Result<ListenAddress> listen = parseListen(parser.value(QStringLiteral("listen")));
    if (!listen)
        return fail(listen.error());
    const QString url = parser.value(dbOption());
    if (Status owned = checkDatabaseOwner(url); !owned)
        return fail(owned.error());
    if (url.startsWith(QLatin1String("sqlite:")))
        QDir().mkpath(QFileInfo(url.mid(7)).absolutePath());
    const Result<ServerLimits> limits = serveLimits(parser);
    if (!limits)
        return fail(limits.error());
    std::optional<ListenAddress> httpListen;
    if (parser.isSet(QStringLiteral("http-listen"))) {
        const Result<ListenAddress> http =
            parseListen(parser.value(QStringLiteral("http-listen")), QStringLiteral("http-listen"));
        if (!http)
            return fail(http.error());
        httpListen = *http;
    }
    const QString certPath = parser.value(QStringLiteral("tls-cert"));
    const QString keyPath = parser.value(QStringLiteral("tls-key"));
    if (certPath.isEmpty() != keyPath.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together: give both or neither"));
    std::optional<QSslConfiguration> tls;
    if (!certPath.isEmpty()) {
        Result<QSslConfiguration> loaded = tlsfiles::serverConfiguration(certPath, keyPath);
        if (!loaded)
            return fail(loaded.error());
        tls = std::move(loaded).value();
    }
    SystemClock clock;
    StockArbiter arbiter(url, clock);
    if (Status s = arbiter.start(); !s)
        return fail(s.error());
    SyncServer server(arbiter, clock, *limits);
    if (tls) {
        server.useTls(*tls);
        out() << "stockline-server: certificate SHA-256 fingerprint "
              << sha256FingerprintText(tls->localCertificate().digest(QCryptographicHash::Sha256))
              << Qt::endl;
    }
    if (Status s = server.listen(listen->host, listen->port); !s)
        return fail(s.error());
    Observability observability(arbiter, server);
    if (httpListen)
        if (Status s = observability.listenHttp(httpListen->host, httpListen->port, tls,
                                                limits->handshakeTimeoutMs, clock);
            !s)
            return fail(s.error());
    if (httpListen)
        out() << "stockline-server: health and metrics on " << observability.httpUrl() << Qt::endl;
    // Before the line that says it listens: whoever waits for that line (a service manager, a
    // test) may send SIGTERM at once, and must get a graceful stop rather than the default kill.
    SignalWatcher signals;
    out() << "stockline-server: listening on " << (tls ? "wss://" : "ws://")
          << listen->host.toString() << ':' << server.port() << "/ with " << url << Qt::endl;
    observability.ready();
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &server,
                     [&server, &observability] {
                         observability.stopping();
                         server.shutdown();
                     });
    QObject::connect(&server, &SyncServer::drained, &server, [&arbiter] {
        arbiter.stop();
        QCoreApplication::exit(0);
    });
    const int code = QCoreApplication::exec();
    out() << "stockline-server: stopped" << Qt::endl;
    return code;
}

int ServerCommands::printFingerprint(const QCommandLineParser& parser)
{
    const QString path = parser.value(QStringLiteral("tls-cert"));
    if (path.isEmpty())
        return fail(QStringLiteral("--tls-cert: give the server's PEM certificate"));
    const Result<QSslCertificate> certificate = tlsfiles::readCertificate(path);
    if (!certificate)
        return fail(certificate.error());
    out() << sha256FingerprintText(certificate->digest(QCryptographicHash::Sha256)) << Qt::endl;
    return 0;
}
