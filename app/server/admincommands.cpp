#include "commandsupport.h"
#include "servercommands.h"
#include "serverstore.h"
#include "storecsv.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>
#include <termios.h>
#include <unistd.h>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;

int ServerCommands::addLocation(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const QStringList args = parser.positionalArguments();
    if (Status s = store.value()->addLocation(Location{args[0], args[1]}); !s)
        return fail(s.error());
    return 0;
}

int ServerCommands::addTerminal(const QCommandLineParser& parser)
{
    const std::optional<Role> role = roleFromName(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(QStringLiteral("--role: '%1' is not pos, receiving, channel or manager")
                        .arg(parser.value(QStringLiteral("role"))));
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const QString id = parser.positionalArguments()[0];
    const Result<QString> token = store.value()->addTerminal(id, *role);
    if (!token)
        return fail(token.error());
    // The token is never shown: pairing replaces it with one only the device sees.
    if (parser.isSet(QStringLiteral("pairing")))
        return printPairingCode(*store.value(), id);
    out() << token.value() << Qt::endl;
    return 0;
}

int ServerCommands::pairTerminal(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    return printPairingCode(*store.value(), parser.positionalArguments()[0]);
}

// The code alone on stdout, for scripts; what to do with it on stderr, for people.
int ServerCommands::printPairingCode(AdminStore& store, const QString& id)
{
    // This machine's clock is the server's: the server checks expiry by the same clock.
    const Result<PairingCode> code =
        store.createPairingCode(id, QDateTime::currentDateTimeUtc(), pairingCodeValidSeconds);
    if (!code)
        return fail(code.error());
    out() << code->code << Qt::endl;
    err() << "stockline-server: enter this code on the device to pair it as " << id
          << "; it works once, until "
          << code->expiresAt.toLocalTime().toString(QStringLiteral("HH:mm")) << " ("
          << pairingCodeValidSeconds / 60 << " minutes)" << Qt::endl;
    return 0;
}

int ServerCommands::revokeTerminal(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    if (Status s = store.value()->revokeTerminal(parser.positionalArguments()[0]); !s)
        return fail(s.error());
    return 0;
}

int ServerCommands::importCatalog(const QCommandLineParser& parser)
{
    QFile file(parser.positionalArguments()[0]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    // Opened first: prices are read with the store's currency's minor digits.
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto products = StoreCsv::readProducts(file, QFileInfo(file).fileName());
    if (!products)
        return fail(products.error());
    if (Status s = store.value()->importCatalog(products.value()); !s)
        return fail(s.error());
    err() << "stockline-server: imported " << products->size() << " products" << Qt::endl;
    return 0;
}

int ServerCommands::setStore(const QCommandLineParser& parser)
{
    QFile file(parser.positionalArguments()[0]);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const Result<StoreSettings> settings =
        StoreSettings::fromConf(QString::fromUtf8(file.readAll()));
    if (!settings)
        return fail(Error{QFileInfo(file).fileName() + QLatin1Char(':') + settings.error().field,
                          settings.error().message});
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    if (Status s = store.value()->setStoreSettings(*settings); !s)
        return fail(s.error());
    err() << "stockline-server: store settings set (" << settings->currency.isoCode()
          << (settings->tax.pricesIncludeTax ? ", prices include tax" : ", prices exclude tax")
          << "); terminals take them when they next connect" << Qt::endl;
    return 0;
}

int ServerCommands::showStore(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const Result<StoreSettings> settings = store.value()->storeSettings();
    if (!settings)
        return fail(settings.error());
    out() << settings->toConf();
    return 0;
}

int ServerCommands::importStock(const QCommandLineParser& parser)
{
    QFile file(parser.positionalArguments()[0]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    // Rows must name SKUs and locations the server knows.
    StoreData known;
    const auto catalog = store.value()->catalogSince(0);
    const auto locations = store.value()->locations();
    if (!catalog || !locations)
        return fail(!catalog ? catalog.error() : locations.error());
    known.products = catalog->products;
    known.locations = locations.value();
    const auto rows = StoreCsv::readStock(file, QFileInfo(file).fileName(), known);
    if (!rows)
        return fail(rows.error());
    QList<StockMovement> stock;
    stock.reserve(rows->size());
    for (const StockLevel& row : rows.value())
        stock.append(StockMovement{row.sku, row.location, row.onHand});
    if (Status s = store.value()->importStock(stock); !s)
        return fail(s.error());
    err() << "stockline-server: booked opening stock for " << stock.size() << " levels" << Qt::endl;
    return 0;
}

int ServerCommands::importDeliveries(const QCommandLineParser& parser)
{
    QFile file(parser.positionalArguments()[0]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const auto deliveries = StoreCsv::readDeliveries(file, QFileInfo(file).fileName());
    if (!deliveries)
        return fail(deliveries.error());
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    if (Status s = store.value()->importDeliveries(deliveries.value()); !s)
        return fail(s.error());
    qsizetype lines = 0;
    for (const Delivery& d : deliveries.value())
        lines += d.lines.size();
    err() << "stockline-server: imported " << deliveries->size() << " deliveries (" << lines
          << " lines)" << Qt::endl;
    return 0;
}

int ServerCommands::closeDelivery(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto closed = store.value()->closeDelivery(parser.positionalArguments()[0]);
    if (!closed)
        return fail(closed.error());
    out() << "closed " << closed->id << " from " << closed->supplier << " at " << closed->location
          << '\n'
          << padded(QStringLiteral("sku"), 16) << "expected  received  rejected  short\n";
    for (const DeliveryLine& l : closed->lines)
        out() << padded(l.sku, 16) << padded(QString::number(l.expected), 10)
              << padded(QString::number(l.received), 10) << padded(QString::number(l.rejected), 10)
              << std::max<qint64>(0, l.expected - l.received) << '\n';
    out().flush();
    return 0;
}

int ServerCommands::resolveShortage(const QCommandLineParser& parser)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments()[0].toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("ID: '%1' is not a shortage number")
                        .arg(parser.positionalArguments()[0]));
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    if (Status s = store.value()->resolveShortage(id, QStringLiteral("cli")); !s)
        return fail(s.error());
    return 0;
}

namespace {

// One line from stdin; on a terminal, asked for without echo so no one reads the PIN off the
// screen.
QString readSecretLine(const QString& prompt)
{
    const bool interactive = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (interactive) {
        err() << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (interactive) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line.trimmed();
}

} // namespace

int ServerCommands::addStaff(const QCommandLineParser& parser)
{
    const std::optional<StaffRole> role = staffRoleFromName(parser.value(QStringLiteral("role")));
    if (!role)
        return fail(QStringLiteral("--role: '%1' is not cashier or manager")
                        .arg(parser.value(QStringLiteral("role"))));
    const Result<PinHash> pin = PinHash::make(readSecretLine(QStringLiteral("PIN: ")));
    if (!pin)
        return fail(pin.error());
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const StaffMember member{parser.positionalArguments()[0], *role, pin.value(), true};
    if (Status s = store.value()->putStaff(member); !s)
        return fail(s.error());
    err() << "stockline-server: " << member.name << " can sign in as " << staffRoleName(*role)
          << Qt::endl;
    return 0;
}

int ServerCommands::removeStaff(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    if (Status s = store.value()->removeStaff(parser.positionalArguments()[0]); !s)
        return fail(s.error());
    return 0;
}

int ServerCommands::verify(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto report = store.value()->verify();
    if (!report)
        return fail(report.error());
    return reportVerify(*report);
}

int ServerCommands::reportVerify(const VerifyReport& report)
{
    for (const QString& problem : report.problems)
        out() << "MISMATCH " << problem << '\n';
    out() << (report.ok ? "verify: ok" : "verify: FAILED") << " — " << report.levelsChecked
          << " levels, " << report.ledgerEvents << " ledger events, " << report.problems.size()
          << " problems" << Qt::endl;
    return report.ok ? 0 : 1;
}
