// stockline: the POS terminal. Builds the services over the terminal's SQLite file, hands
// them to QML and shows the counter. Everything else lives in the libraries.

#include "poscontext.h"
#include "screenshots.h"
#include "selftest.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(Stockline_PosPlugin)

namespace {

struct Options
{
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
                            QStringLiteral("folder"), QStringLiteral(STOCKLINE_SAMPLE_STORE)};
    QCommandLineOption terminal{QStringLiteral("terminal"),
                                QStringLiteral("This terminal's id, printed in every receipt "
                                               "number."),
                                QStringLiteral("id"), QStringLiteral("POS-01")};
    QCommandLineOption location{QStringLiteral("location"),
                                QStringLiteral("The location this till sells from (default: "
                                               "the store's first)."),
                                QStringLiteral("id")};
    QCommandLineOption storeName{QStringLiteral("store-name"),
                                 QStringLiteral("The shop's name on screen and receipts."),
                                 QStringLiteral("name"), QStringLiteral("Stockline")};
    QCommandLineOption staff{QStringLiteral("staff"),
                             QStringLiteral("Who is at the till, recorded with every sale."),
                             QStringLiteral("name")};
    QCommandLineOption printer{QStringLiteral("printer"),
                               QStringLiteral("ESC/POS receipt printer: a device file such as "
                                              "/dev/usb/lp0, or host:9100."),
                               QStringLiteral("target")};
    QCommandLineOption receipts{QStringLiteral("receipts"),
                                QStringLiteral("Folder for PDF receipts (default: receipts/ "
                                               "next to the store file)."),
                                QStringLiteral("folder")};
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                QStringLiteral("Load every screen offscreen and exit non-zero on "
                                               "any QML error or warning (implies --demo).")};
    QCommandLineOption screenshots{QStringLiteral("screenshots"),
                                   QStringLiteral("Render every screen, rung up with the sample "
                                                  "store, to PNG files (implies --demo)."),
                                   QStringLiteral("folder")};

    void addTo(QCommandLineParser& parser) const
    {
        for (const QCommandLineOption* option :
             {&store, &demo, &data, &terminal, &location, &storeName, &staff, &printer, &receipts,
              &selfTest, &screenshots})
            parser.addOption(*option);
    }
};

int fail(const QString& message)
{
    std::fprintf(stderr, "stockline: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("stockline"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STOCKLINE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Stockline POS"));
    // One look on every machine, drawn by us: the platform styles differ in size and colour.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stockline point of sale terminal."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    options.addTo(parser);
    parser.process(app);

    const bool selfTest = parser.isSet(options.selfTest);
    const bool screenshots = parser.isSet(options.screenshots);
    const bool demo =
        parser.isSet(options.demo) || ((selfTest || screenshots) && !parser.isSet(options.store));
    if (!demo && !parser.isSet(options.store))
        return fail(QStringLiteral("give the terminal's store file with --store PATH, or try "
                                   "it out with --demo"));

    stockline::ui::PosOptions pos;
    pos.terminal = parser.value(options.terminal);
    pos.location = parser.value(options.location);
    pos.storeName = parser.value(options.storeName);
    pos.staff = parser.value(options.staff);
    pos.printer = parser.value(options.printer);
    pos.receiptFolder = parser.value(options.receipts);
    std::unique_ptr<QTemporaryDir> demoDir;
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
    } else {
        pos.storePath = parser.value(options.store);
    }

    auto context = stockline::ui::PosContext::open(pos);
    if (!context)
        return fail(context.error().toString());
    (*context)->exposeToQml();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    if (selfTest)
        return stockline::app::runSelfTest(engine);
    if (screenshots)
        return stockline::app::takeScreenshots(engine, **context,
                                               parser.value(options.screenshots));

    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Stockline/Pos/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (demo)
        std::printf("stockline: demo store %s\n",
                    qPrintable(QDir::toNativeSeparators(pos.storePath)));
    return QGuiApplication::exec();
}
