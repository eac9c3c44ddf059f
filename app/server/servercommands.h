#pragma once

#include "error.h"

#include <QCommandLineParser>
#include <QStringList>
#include <functional>

namespace stockline::sync {
class AdminStore;
struct VerifyReport;
} // namespace stockline::sync

// The command line of stockline-server: `serve` and the administration commands, each with
// its own --help. Administration commands open the database, do one thing, and exit.
class ServerCommands
{
public:
    // Returns the process exit code: 0 done, 1 failed (with a message on stderr), 2 usage.
    [[nodiscard]] int run(const QStringList& arguments);

private:
    struct Command
    {
        QString name;     // "terminal add"
        QString synopsis; // positional arguments, for the usage line
        QString description;
        std::function<void(QCommandLineParser&)> declare;
        std::function<int(const QCommandLineParser&)> execute;
    };

    [[nodiscard]] QList<Command> commands() const;
    static void declare(QCommandLineParser& parser, const Command& command);
    [[nodiscard]] static stockline::Result<QStringList>
    withConfiguration(const QCommandLineParser& given, const QStringList& arguments,
                      const Command& command, const QList<Command>& all);
    [[nodiscard]] int usage(const QList<Command>& commands, const QString& problem) const;

    [[nodiscard]] static int serve(const QCommandLineParser& parser);
    [[nodiscard]] static int printFingerprint(const QCommandLineParser& parser);
    [[nodiscard]] static int addLocation(const QCommandLineParser& parser);
    [[nodiscard]] static int addTerminal(const QCommandLineParser& parser);
    [[nodiscard]] static int revokeTerminal(const QCommandLineParser& parser);
    [[nodiscard]] static int pairTerminal(const QCommandLineParser& parser);
    [[nodiscard]] static int printPairingCode(stockline::sync::AdminStore& store,
                                              const QString& id);
    [[nodiscard]] static int importCatalog(const QCommandLineParser& parser);
    [[nodiscard]] static int importStock(const QCommandLineParser& parser);
    [[nodiscard]] static int setStore(const QCommandLineParser& parser);
    [[nodiscard]] static int showStore(const QCommandLineParser& parser);
    [[nodiscard]] static int importDeliveries(const QCommandLineParser& parser);
    [[nodiscard]] static int listDeliveries(const QCommandLineParser& parser);
    [[nodiscard]] static int closeDelivery(const QCommandLineParser& parser);
    [[nodiscard]] static int showStock(const QCommandLineParser& parser);
    [[nodiscard]] static int verify(const QCommandLineParser& parser);
    // Prints verify's report; 0 when it is ok, else 1.
    [[nodiscard]] static int reportVerify(const stockline::sync::VerifyReport& report);
    static void declareBackup(QCommandLineParser& parser);
    [[nodiscard]] static int backup(const QCommandLineParser& parser);
    static void declareRestore(QCommandLineParser& parser);
    [[nodiscard]] static int restore(const QCommandLineParser& parser);
    [[nodiscard]] static int showReceipt(const QCommandLineParser& parser);
    [[nodiscard]] static int dayReport(const QCommandLineParser& parser);
    [[nodiscard]] static int report(const QCommandLineParser& parser);
    // purchasecommands.cpp
    [[nodiscard]] static int showPurchaseOrder(const QCommandLineParser& parser);
    [[nodiscard]] static int listApprovals(const QCommandLineParser& parser);
    [[nodiscard]] static int resolveShortage(const QCommandLineParser& parser);
    [[nodiscard]] static int addStaff(const QCommandLineParser& parser);
    [[nodiscard]] static int removeStaff(const QCommandLineParser& parser);
    [[nodiscard]] static int listStaff(const QCommandLineParser& parser);
    // listcommands.cpp
    [[nodiscard]] static int listTerminals(const QCommandLineParser& parser);
    [[nodiscard]] static int listLocations(const QCommandLineParser& parser);
    [[nodiscard]] static int exportCatalog(const QCommandLineParser& parser);
};
