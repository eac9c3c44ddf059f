#pragma once

#include "error.h"
#include "storesettings.h"
#include "terminalconfig.h"

#include <QString>
#include <QUrl>
#include <memory>

namespace stockline {
class ApprovalLog;
class CashSession;
class Catalog;
class DeliveryBook;
class DockJournal;
class LocalStore;
class Outbox;
class ParkedSales;
class ReceiptNumbers;
class ReturnJournal;
class SaleJournal;
class StaffDirectory;
class StockReplica;
} // namespace stockline

namespace stockline::sync {
class Client;
struct ClientOptions;
} // namespace stockline::sync

namespace stockline::print {
class ReceiptPrinter;
}

namespace stockline::qml {

class Approvals;
class BackOfficeView;
class CashDrawer;
class Dock;
class DockAnswers;
class Notices;
class StaffSession;
class StockViews;
class SyncStatus;
class Till;
class TillSync;

struct PosOptions
{
    QString storePath;    // the terminal's SQLite file
    QString importFolder; // store data files to import first (the demo's sample store)
    QString terminal = QStringLiteral("POS-01");
    QString location; // empty: the first location of the replica
    QString storeName = QStringLiteral("Stockline");
    int discountLimitPercent = 10; // above it, a discount needs a manager
    bool setupChangeable = false;  // runs on its configuration file (Till::Settings)
    QString printer;               // ReceiptPrinter's target; empty: none
    QString receiptFolder;         // empty: "receipts" next to the store file
    QUrl server;   // the sync server, ws://host:port/; empty: none, every sale offline
    QString token; // this terminal's token for the server
    // The server certificate's pinned SHA-256 fingerprint ("AB:12:…"); empty: system CAs.
    QString certificateSha256;
    qint64 holdSeconds = 15 * 60; // how long the server holds a line's units unsold
    // The screen it shows: the POS counter, or the receiving dock (DockMain.qml).
    TerminalConfig::Mode mode = TerminalConfig::Mode::Pos;
    int overTolerancePercent = 0; // receiving: TerminalConfig::overTolerancePercent
    // The store's settings to use and keep (a demo, screenshots); empty: the ones the server
    // last sent, kept in the store (USD, tax-exclusive before the first welcome).
    std::optional<StoreSettings> storeSettings = std::nullopt;
    bool customerDisplay = false; // a second window for the customer (CustomerDisplay.qml)
};

// Everything a terminal runs on, built in dependency order and torn down in reverse: the
// store, the catalog and stock replicas, the journals, the till and the receiving dock over
// them and, when a server is configured, the sync client joined to both. The app's main() and
// the offscreen tests build the same thing. The dock shell reuses the till's staff, approvals,
// notices and sync status; which window shows is the terminal's mode (mainQml()).
class PosContext
{
public:
    [[nodiscard]] static Result<std::unique_ptr<PosContext>> open(const PosOptions& options);
    // How the sync client reaches the server these options name.
    [[nodiscard]] static sync::ClientOptions clientOptions(const PosOptions& options);
    ~PosContext();
    PosContext(const PosContext&) = delete;
    PosContext& operator=(const PosContext&) = delete;

    // Hands the till, the notices and the sync status to QML as singletons. Call before
    // loading Main.qml; the context must outlive every engine that loaded it.
    void exposeToQml();
    // Connects to the server, if one is configured; everything after is asynchronous.
    void startSync();
    // The window for the terminal's mode: "Main.qml" (POS) or "DockMain.qml" (receiving).
    [[nodiscard]] QString mainQml() const;

    [[nodiscard]] Till& till() { return *m_till; }
    [[nodiscard]] Dock& dock() { return *m_dock; }
    [[nodiscard]] DockJournal& dockJournal() { return *m_dockJournal; }
    [[nodiscard]] DeliveryBook& deliveries() { return *m_deliveries; }
    [[nodiscard]] DockAnswers& dockAnswers() { return *m_dockAnswers; }
    [[nodiscard]] Notices& notices() { return *m_notices; }
    [[nodiscard]] CashDrawer& drawer() { return *m_drawer; }
    [[nodiscard]] CashSession& cash() { return *m_cash; }
    [[nodiscard]] StaffSession& staff() { return *m_staff; }
    [[nodiscard]] Approvals& approvals() { return *m_approvals; }
    [[nodiscard]] ApprovalLog& approvalLog() { return *m_approvalLog; }
    [[nodiscard]] SyncStatus& sync() { return *m_sync; }
    [[nodiscard]] LocalStore& store() { return *m_store; }
    [[nodiscard]] Outbox& outbox() { return *m_outbox; }
    [[nodiscard]] SaleJournal& journal() { return *m_journal; }
    [[nodiscard]] ReturnJournal& returns() { return *m_returns; }
    [[nodiscard]] StockReplica& replica() { return *m_replica; }
    [[nodiscard]] StockViews& stock() { return *m_stock; }
    [[nodiscard]] BackOfficeView& backOffice() { return *m_backOffice; }
    [[nodiscard]] const PosOptions& options() const { return m_options; }
    // The sync client, or nullptr when no server is configured.
    [[nodiscard]] sync::Client* client() { return m_client.get(); }

private:
    PosContext() = default;
    [[nodiscard]] Status build(const PosOptions& options);
    [[nodiscard]] Result<QString> chooseLocation(const QString& wanted) const;
    void buildSync();
    void buildDock(const QString& location);
    void adoptStoreSettings(const StoreSettings& settings);

    PosOptions m_options;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<StockReplica> m_replica;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ReceiptNumbers> m_numbers;
    std::unique_ptr<SaleJournal> m_journal;
    std::unique_ptr<ReturnJournal> m_returns;
    std::unique_ptr<ParkedSales> m_parked;
    std::unique_ptr<CashSession> m_cash;
    std::unique_ptr<Notices> m_notices;
    std::unique_ptr<SyncStatus> m_sync;
    std::unique_ptr<print::ReceiptPrinter> m_printer;
    std::unique_ptr<StaffDirectory> m_directory;
    std::unique_ptr<ApprovalLog> m_approvalLog;
    std::unique_ptr<StaffSession> m_staff;
    std::unique_ptr<Approvals> m_approvals;
    std::unique_ptr<Till> m_till;
    std::unique_ptr<CashDrawer> m_drawer;
    std::unique_ptr<DeliveryBook> m_deliveries;
    std::unique_ptr<DockJournal> m_dockJournal;
    std::unique_ptr<DockAnswers> m_dockAnswers;
    std::unique_ptr<Dock> m_dock;
    std::unique_ptr<sync::Client> m_client;
    std::unique_ptr<TillSync> m_tillSync;
    std::unique_ptr<StockViews> m_stock;
    std::unique_ptr<BackOfficeView> m_backOffice;
};

} // namespace stockline::qml
