// stockline: the POS terminal, or the receiving dock (--mode receiving, or a terminal enrolled
// in receiving mode). Builds the services over the terminal's SQLite file, hands them to QML
// and shows the counter or the dock. Everything else lives in the libraries.

#include "closequit.h"
#include "enrolrun.h"
#include "fingerprint.h"
#include "language.h"
#include "measure.h"
#include "poscontext.h"
#include "qmlwindow.h"
#include "resendrun.h"
#include "screenshots.h"
#include "selftest.h"
#include "storesettings.h"
#include "till.h"
#include "tokenfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

namespace {

// The till asks main() to show the enrolment again (a manager changes the setup).
constexpr int changeSetupExitCode = 64;

// The sample store installed with the executable (/usr/bin/../share/stockline/sample-store);
// the build copies it to the same place relative to the built one.
QString sampleStoreFolder()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                           QStringLiteral(STOCKLINE_SAMPLE_STORE));
}

struct Options
{
    QCommandLineOption config{QStringLiteral("config"),
                              QStringLiteral("The terminal's setup (server, terminal id, token, "
                                             "mode, location), written owner-only when it is "
                                             "enrolled. This is how a till normally runs: with "
                                             "none of --demo, --store and --server, the default "
                                             "file is used, and a first run shows the enrolment "
                                             "screen."),
                              QStringLiteral("path"), stockline::TerminalConfig::defaultPath()};
    QCommandLineOption store{QStringLiteral("store"),
                             QStringLiteral("The terminal's store file (SQLite), created when "
                                            "missing."),
                             QStringLiteral("path")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QStringLiteral("Run on a fresh temporary store loaded with the "
                                           "sample store: no server needed.")};
    QCommandLineOption data{QStringLiteral("data"),
                            QStringLiteral("The store data files --demo loads (products.csv, "
                                           "locations.csv, stock.csv)."),
                            QStringLiteral("folder"), sampleStoreFolder()};
    QCommandLineOption terminal{QStringLiteral("terminal"),
                                QStringLiteral("This terminal's id, printed in every receipt "
                                               "number (default POS-01, DOCK-01 with --mode "
                                               "receiving)."),
                                QStringLiteral("id"), QStringLiteral("POS-01")};
    QCommandLineOption location{QStringLiteral("location"),
                                QStringLiteral("The location this till sells from (default: "
                                               "the store's first)."),
                                QStringLiteral("id")};
    QCommandLineOption mode{QStringLiteral("mode"),
                            QStringLiteral("What this terminal is with --demo or --store: pos (the "
                                           "counter, the default) or receiving (the dock: "
                                           "deliveries, counts, transfers). A configured "
                                           "terminal takes its mode from --config."),
                            QStringLiteral("mode"), QStringLiteral("pos")};
    QCommandLineOption overTolerance{QStringLiteral("over-tolerance"),
                                     QStringLiteral("Receiving with --demo or --store: how far "
                                                    "past what a delivery expects the dock "
                                                    "books without a manager, in percent of "
                                                    "each line (default 0; a configured "
                                                    "terminal reads overTolerancePercent from "
                                                    "--config)."),
                                     QStringLiteral("percent"), QStringLiteral("0")};
    QCommandLineOption storeName{QStringLiteral("store-name"),
                                 QStringLiteral("The shop's name on screen and receipts."),
                                 QStringLiteral("name"), QStringLiteral("Stockline")};
    QCommandLineOption printer{QStringLiteral("printer"),
                               QStringLiteral("ESC/POS receipt printer: a device file such as "
                                              "/dev/usb/lp0, or host:9100."),
                               QStringLiteral("target")};
    QCommandLineOption receipts{QStringLiteral("receipts"),
                                QStringLiteral("Folder for PDF receipts (default: receipts/ "
                                               "next to the store file)."),
                                QStringLiteral("folder")};
    QCommandLineOption server{QStringLiteral("server"),
                              QStringLiteral("The sync server, such as ws://10.0.0.5:8765/: stock "
                                             "is held live and sales are sent as they happen. "
                                             "Needs --token-file."),
                              QStringLiteral("url")};
    QCommandLineOption serverCertificate{
        QStringLiteral("server-certificate"),
        QStringLiteral("With a wss:// --server: the SHA-256 fingerprint of the server's own "
                       "certificate (as `stockline-server tls fingerprint` prints it), trusted "
                       "instead of the system's certificate authorities."),
        QStringLiteral("sha256")};
    QCommandLineOption tokenFile{QStringLiteral("token-file"),
                                 QStringLiteral("The file holding this terminal's token (from "
                                                "`stockline-server terminal add`), readable by "
                                                "its owner only (chmod 600). Never give the "
                                                "token itself on the command line."),
                                 QStringLiteral("path")};
    QCommandLineOption storeSettings{
        QStringLiteral("store-settings"),
        QStringLiteral("With --demo, --store or --screenshots: the store's settings from a "
                       "store.conf (currency, VAT-inclusive prices, cash rounding; README, "
                       "\"Store settings\"), kept in the store. A terminal with a server takes "
                       "them from the server."),
        QStringLiteral("store.conf")};
    QCommandLineOption customerDisplay{
        QStringLiteral("customer-display"),
        QStringLiteral("Open the customer-facing display too: a second window (on the last "
                       "screen) with the total during the sale and the change after it. A "
                       "configured terminal also opens it with \"customerDisplay\": true in "
                       "--config.")};
    QCommandLineOption measureStartup{QStringLiteral("measure-startup"),
                                      QStringLiteral("Exit as soon as the sale screen is drawn, "
                                                     "printing the time it took and the peak "
                                                     "memory (for stockline-bench).")};
    QCommandLineOption measureScans{QStringLiteral("measure-scans"),
                                    QStringLiteral("Once the sale screen is drawn, scan N "
                                                   "barcodes of the catalog by key events, print "
                                                   "the time from each scan to its line on "
                                                   "screen, and exit (for stockline-bench)."),
                                    QStringLiteral("N")};
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                QStringLiteral("Load every screen offscreen and exit non-zero on "
                                               "any QML error or warning (implies --demo).")};
    QCommandLineOption resendAfterRestore{
        QStringLiteral("resend-after-restore"),
        QStringLiteral("After the server was restored from an older backup: send it again, "
                       "without a window, everything it confirmed to this terminal and no "
                       "longer has, wait until it is all answered, and exit. Close the till "
                       "first.")};
    QCommandLineOption language{QStringLiteral("language"),
                                QStringLiteral("The language of the screens: de, es, en, or any "
                                               "language code (ar lays them out right to left). "
                                               "Overrides the setup's language; without either, "
                                               "the system's locale."),
                                QStringLiteral("code")};
    QCommandLineOption screenshots{QStringLiteral("screenshots"),
                                   QStringLiteral("Render every screen, rung up with the sample "
                                                  "store, to PNG files (implies --demo)."),
                                   QStringLiteral("folder")};

    void addTo(QCommandLineParser& parser) const
    {
        for (const QCommandLineOption* option : {&config,
                                                 &store,
                                                 &demo,
                                                 &data,
                                                 &terminal,
                                                 &location,
                                                 &mode,
                                                 &overTolerance,
                                                 &storeName,
                                                 &printer,
                                                 &receipts,
                                                 &server,
                                                 &serverCertificate,
                                                 &tokenFile,
                                                 &storeSettings,
                                                 &customerDisplay,
                                                 &measureStartup,
                                                 &measureScans,
                                                 &selfTest,
                                                 &screenshots,
                                                 &resendAfterRestore})
            parser.addOption(*option);
        parser.addOption(language);
    }
};

int fail(const QString& message)
{
    std::fprintf(stderr, "stockline: %s\n", qPrintable(message));
    return 2;
}

// The server and the token, both or neither; the token only from an owner-only file.
stockline::Status configureServer(const QCommandLineParser& parser, const Options& options,
                                  stockline::qml::PosOptions& pos)
{
    const bool server = parser.isSet(options.server);
    if (!server && !parser.isSet(options.tokenFile))
        return stockline::success();
    if (!server)
        return stockline::Error{QString(), QStringLiteral("--token-file needs --server URL")};
    const QUrl url(parser.value(options.server), QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return stockline::Error{QStringLiteral("--server"),
                                QStringLiteral("'%1' is not a ws:// or wss:// address")
                                    .arg(parser.value(options.server))};
    if (!parser.isSet(options.tokenFile))
        return stockline::Error{QStringLiteral("--server"),
                                QStringLiteral("give this terminal's token with --token-file "
                                               "PATH (a file only you can read)")};
    const QString pin = parser.value(options.serverCertificate);
    if (!pin.isEmpty() && !stockline::parseSha256Fingerprint(pin))
        return stockline::Error{QStringLiteral("--server-certificate"),
                                QStringLiteral("'%1' is not a SHA-256 fingerprint (64 hex digits, "
                                               "in pairs separated by colons)")
                                    .arg(pin)};
    if (!pin.isEmpty() && url.scheme() != QLatin1String("wss"))
        return stockline::Error{QStringLiteral("--server-certificate"),
                                QStringLiteral("needs a wss:// --server")};
    const stockline::Result<QString> token =
        stockline::app::readTokenFile(parser.value(options.tokenFile));
    if (!token)
        return token.error();
    pos.server = url;
    pos.certificateSha256 = pin;
    pos.token = *token;
    return stockline::success();
}

// --mode and --over-tolerance, for a terminal run with --demo or --store.
stockline::Status chooseMode(const QCommandLineParser& parser, const Options& options,
                             stockline::qml::PosOptions& pos)
{
    const std::optional<stockline::TerminalConfig::Mode> mode =
        stockline::TerminalConfig::modeFromName(parser.value(options.mode));
    if (!mode)
        return stockline::Error{
            QStringLiteral("--mode"),
            QStringLiteral("'%1' is neither pos nor receiving").arg(parser.value(options.mode))};
    bool ok = false;
    const int percent = parser.value(options.overTolerance).toInt(&ok);
    if (!ok || percent < 0 || percent > stockline::TerminalConfig::maxOverTolerancePercent)
        return stockline::Error{QStringLiteral("--over-tolerance"),
                                QStringLiteral("'%1' is not a percentage from 0 to %2")
                                    .arg(parser.value(options.overTolerance))
                                    .arg(stockline::TerminalConfig::maxOverTolerancePercent)};
    pos.mode = *mode;
    pos.overTolerancePercent = percent;
    if (*mode == stockline::TerminalConfig::Mode::Receiving && !parser.isSet(options.terminal))
        pos.terminal = QStringLiteral("DOCK-01");
    return stockline::success();
}

// The screens' language: --language, else the setup's, else the system's locale. Before any
// QML engine loads.
void applyLanguage(const QCommandLineParser& parser, const Options& options,
                   const QString& configured)
{
    stockline::qml::Language::apply(parser.isSet(options.language) ? parser.value(options.language)
                                                                   : configured);
}

// Builds the till over `pos`, shows it and runs until it closes; the exit code.
int runTill(const stockline::qml::PosOptions& pos, const QCommandLineParser& parser,
            const Options& options, const QElapsedTimer& started)
{
    auto context = stockline::qml::PosContext::open(pos);
    if (!context)
        return fail(context.error().toString());
    (*context)->exposeToQml();

    QQmlApplicationEngine engine;
    if (parser.isSet(options.selfTest))
        return stockline::app::runSelfTest(engine);
    if (parser.isSet(options.screenshots))
        return stockline::app::takeScreenshots(engine, **context,
                                               parser.value(options.screenshots));

    auto* window = stockline::app::loadWindow(engine, (*context)->mainQml());
    if (!window)
        return 1;
    stockline::app::quitWhenClosed(*window);
    if (pos.customerDisplay || parser.isSet(options.customerDisplay)) {
        const qsizetype windows = engine.rootObjects().size();
        (void)stockline::app::loadWindow(engine, QStringLiteral("CustomerDisplay.qml"));
        if (engine.rootObjects().size() == windows)
            return 1;
    }
    if (parser.isSet(options.measureStartup)) {
        stockline::app::exitWhenDrawn(*window, started);
        return QGuiApplication::exec();
    }
    if (parser.isSet(options.measureScans)) {
        stockline::app::measureScans(*window, **context,
                                     parser.value(options.measureScans).toInt());
        return QGuiApplication::exec();
    }
    QObject::connect(&(*context)->till(), &stockline::qml::Till::setupChangeRequested, qApp,
                     [] { QCoreApplication::exit(changeSetupExitCode); });
    // After the screen is up: connecting never delays the first sale.
    (*context)->startSync();
    if (!pos.server.isEmpty()) {
        std::printf("stockline: terminal %s connecting to %s\n", qPrintable(pos.terminal),
                    qPrintable(pos.server.toString()));
        std::fflush(stdout);
    }
    return QGuiApplication::exec();
}

stockline::Result<stockline::StoreSettings> readStoreSettings(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return stockline::Error{QStringLiteral("store-settings"),
                                QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    stockline::Result<stockline::StoreSettings> settings =
        stockline::StoreSettings::fromConf(QString::fromUtf8(file.readAll()));
    if (!settings)
        return stockline::Error{path + QLatin1Char(':') + settings.error().field,
                                settings.error().message};
    return settings;
}

// How long --resend-after-restore waits for the server to answer everything.
constexpr int resendTimeoutSeconds = 120;

void takeConfig(stockline::qml::PosOptions& pos, const stockline::TerminalConfig& config,
                const QCommandLineParser& parser, const Options& options)
{
    pos.terminal = config.terminal;
    pos.location = config.location;
    pos.server = config.serverUrl;
    pos.token = config.token;
    pos.mode = config.mode;
    pos.overTolerancePercent = config.overTolerancePercent;
    pos.certificateSha256 = config.certificateSha256;
    pos.customerDisplay = config.customerDisplay;
    pos.setupChangeable = true;
    pos.storePath = parser.isSet(options.store) ? parser.value(options.store)
                                                : stockline::app::defaultStorePath(config.terminal);
}

// A till on its configuration file: enrolment first when there is none, and again whenever a
// manager changes the setup from the till.
int runConfigured(stockline::qml::PosOptions pos, const QCommandLineParser& parser,
                  const Options& options, const QElapsedTimer& started)
{
    const QString path = parser.value(options.config);
    std::optional<stockline::TerminalConfig> config;
    if (QFileInfo::exists(path)) {
        stockline::Result<stockline::TerminalConfig> loaded = stockline::TerminalConfig::load(path);
        if (!loaded)
            return fail(QStringLiteral("%1: %2 (set the terminal up again by moving the file "
                                       "away)")
                            .arg(path, loaded.error().toString()));
        config = std::move(loaded).value();
    }
    if (parser.isSet(options.resendAfterRestore)) {
        if (!config)
            return fail(QStringLiteral("--resend-after-restore: this terminal is not set up "
                                       "(no %1)")
                            .arg(path));
        takeConfig(pos, *config, parser, options);
        return stockline::app::runResendAfterRestore(pos, resendTimeoutSeconds);
    }
    bool enrol = !config;
    for (;;) {
        applyLanguage(parser, options, config ? config->language : QString());
        if (enrol) {
            std::optional<stockline::TerminalConfig> saved =
                stockline::app::runEnrolment(path, config);
            if (!saved && !config)
                return 0; // closed before it was set up
            if (saved)
                config = std::move(saved);
            applyLanguage(parser, options, config->language);
        }
        takeConfig(pos, *config, parser, options);
        const int code = runTill(pos, parser, options, started);
        if (code != changeSetupExitCode)
            return code;
        enrol = true;
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer started;
    started.start();
    // A QApplication, not a QGuiApplication: the back office's charts (Qt Charts) draw with
    // the widgets' graphics view.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("stockline"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STOCKLINE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Stockline POS"));
    QGuiApplication::setQuitOnLastWindowClosed(false); // see closequit.h
    // One look on every machine, drawn by us: the platform styles differ in size and colour.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Stockline point of sale terminal, or receiving dock (--mode receiving)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    options.addTo(parser);
    parser.process(app);
    if (parser.isSet(options.language)) {
        if (const auto problem =
                stockline::TerminalConfig::checkLanguage(parser.value(options.language)))
            return fail(QStringLiteral("--language: ") + problem->message);
    }

    const bool selfTest = parser.isSet(options.selfTest);
    const bool screenshots = parser.isSet(options.screenshots);
    const bool demo =
        parser.isSet(options.demo) || ((selfTest || screenshots) && !parser.isSet(options.store));
    const bool configured = parser.isSet(options.config) ||
                            (!demo && !parser.isSet(options.store) &&
                             !parser.isSet(options.server) && !parser.isSet(options.tokenFile));

    stockline::qml::PosOptions pos;
    pos.terminal = parser.value(options.terminal);
    pos.location = parser.value(options.location);
    pos.storeName = parser.value(options.storeName);
    pos.printer = parser.value(options.printer);
    pos.receiptFolder = parser.value(options.receipts);
    if (const stockline::Status chosen = chooseMode(parser, options, pos); !chosen)
        return fail(chosen.error().toString());
    if (parser.isSet(options.storeSettings)) {
        const stockline::Result<stockline::StoreSettings> settings =
            readStoreSettings(parser.value(options.storeSettings));
        if (!settings)
            return fail(settings.error().toString());
        pos.storeSettings = *settings;
    }
    if (configured)
        return runConfigured(pos, parser, options, started);
    applyLanguage(parser, options, QString());

    std::unique_ptr<QTemporaryDir> demoDir;
    if (demo && parser.isSet(options.resendAfterRestore))
        return fail(QStringLiteral("--resend-after-restore: a demo store has no server"));
    if (demo) {
        demoDir = std::make_unique<QTemporaryDir>();
        if (!demoDir->isValid())
            return fail(QStringLiteral("cannot create a temporary folder for the demo store"));
        pos.storePath = demoDir->filePath(QStringLiteral("demo-store.db"));
        pos.importFolder = parser.value(options.data);
        if (!parser.isSet(options.storeName))
            pos.storeName = QStringLiteral("Stockline Sample Store");
        if (!parser.isSet(options.location))
            pos.location = QStringLiteral("store-1");
        std::printf("stockline: demo store %s\n",
                    qPrintable(QDir::toNativeSeparators(pos.storePath)));
        std::fflush(stdout);
    } else if (!parser.isSet(options.store)) {
        return fail(QStringLiteral("give the terminal's store file with --store PATH, or try "
                                   "it out with --demo"));
    } else {
        pos.storePath = parser.value(options.store);
    }
    if (const stockline::Status configuredServer = configureServer(parser, options, pos);
        !configuredServer)
        return fail(configuredServer.error().toString());
    if (parser.isSet(options.resendAfterRestore))
        return stockline::app::runResendAfterRestore(pos, resendTimeoutSeconds);
    return runTill(pos, parser, options, started);
}
