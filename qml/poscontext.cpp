#include "poscontext.h"

#include "approvallog.h"
#include "approvals.h"
#include "backofficeview.h"
#include "cashsession.h"
#include "catalog.h"
#include "client.h"
#include "deliverybook.h"
#include "dock.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "fingerprint.h"
#include "localstore.h"
#include "outbox.h"
#include "parkedsales.h"
#include "qmllogging.h"
#include "receiptnumbers.h"
#include "receiptprinter.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "singletons.h"
#include "staffdirectory.h"
#include "staffsession.h"
#include "stockreplica.h"
#include "stockviews.h"
#include "storecsv.h"
#include "storesettings.h"
#include "tillsync.h"
#include "transport.h"

#include <QFileInfo>

namespace stockline::qml {

Result<std::unique_ptr<PosContext>> PosContext::open(const PosOptions& options)
{
    std::unique_ptr<PosContext> context(new PosContext);
    if (const Status built = context->build(options); !built)
        return built.error();
    return context;
}

PosContext::~PosContext()
{
    // The client and its wiring go first: they point at the till and the store.
    if (OfficeForeign::instance == m_backOffice.get())
        OfficeForeign::instance = nullptr;
    m_backOffice.reset();
    m_stock.reset();
    m_tillSync.reset();
    m_client.reset();
    if (DockForeign::instance == m_dock.get())
        DockForeign::instance = nullptr;
    // Singletons point here: clear them so a later engine fails loudly, not on freed memory.
    if (TillForeign::instance == m_till.get()) {
        TillForeign::instance = nullptr;
        NoticesForeign::instance = nullptr;
        CashDrawerForeign::instance = nullptr;
        SyncForeign::instance = nullptr;
        StockForeign::instance = nullptr;
    }
}

Status PosContext::build(const PosOptions& options)
{
    m_options = options;
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(options.storePath);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    if (!options.importFolder.isEmpty()) {
        const Result<StoreData> imported = StoreCsv::importFolder(*m_store, options.importFolder);
        if (!imported)
            return imported.error();
        qCInfo(lcQml) << "imported" << imported->products.size() << "products from"
                      << options.importFolder;
    }
    m_catalog = std::make_unique<Catalog>(*m_store);
    m_replica = std::make_unique<StockReplica>(*m_store);
    m_outbox = std::make_unique<Outbox>(*m_store);
    // A till with a server sells only under numbers the server proved unused; without one
    // (demo, training) there is nothing to prove them against.
    const QString proofKey = options.server.isEmpty()
                                 ? QString()
                                 : ReceiptNumbers::proofKeyOf(options.terminal, options.token);
    Result<ReceiptNumbers> numbers = ReceiptNumbers::create(*m_store, options.terminal, proofKey);
    if (!numbers)
        return numbers.error();
    m_numbers = std::make_unique<ReceiptNumbers>(std::move(numbers).value());
    m_journal = std::make_unique<SaleJournal>(*m_store, *m_outbox, *m_numbers);
    m_returns = std::make_unique<ReturnJournal>(*m_store, *m_outbox, options.terminal, proofKey);
    m_parked = std::make_unique<ParkedSales>(*m_store);
    Result<StoreSettings> settings = StoreSettings::load(*m_store);
    if (!settings)
        return settings.error();
    if (options.storeSettings) {
        settings = *options.storeSettings;
        if (const Status kept = settings->save(*m_store); !kept)
            return kept.error();
    }
    Currency::setCurrent(settings->currency);
    m_cash = std::make_unique<CashSession>(*m_store, settings->drawerDenominations());
    m_cash->sendTo(*m_outbox, options.terminal);
    m_notices = std::make_unique<Notices>();
    m_sync = std::make_unique<SyncStatus>();
    m_printer = std::make_unique<print::ReceiptPrinter>(options.printer);
    m_directory = std::make_unique<StaffDirectory>(*m_store);
    m_approvalLog = std::make_unique<ApprovalLog>(*m_store, *m_outbox);
    m_staff = std::make_unique<StaffSession>(*m_directory);
    m_approvals = std::make_unique<Approvals>(
        Approvals::Services{*m_directory, *m_approvalLog, *m_staff, *m_notices});

    const Result<QString> location = chooseLocation(options.location);
    if (!location)
        return location.error();
    const QString receipts =
        options.receiptFolder.isEmpty()
            ? QFileInfo(options.storePath).absolutePath() + QStringLiteral("/receipts")
            : options.receiptFolder;
    m_till = std::make_unique<Till>(
        Till::Services{*m_catalog, *m_replica, *m_journal, *m_outbox, *m_parked, *m_returns,
                       *m_cash, *m_printer, *m_sync, *m_notices, *m_staff, *m_approvals},
        Till::Settings{options.storeName, options.terminal, *location, receipts,
                       options.holdSeconds, options.discountLimitPercent, options.setupChangeable});
    m_drawer = std::make_unique<CashDrawer>(CashDrawer::Services{*m_cash, *m_printer, *m_notices},
                                            receipts);
    // Who is signed in opens, pays in or out and closes the drawer.
    QObject::connect(m_staff.get(), &StaffSession::signedInChanged, m_drawer.get(),
                     [this] { m_drawer->setStaff(m_staff->name()); });
    m_drawer->setStaff(m_staff->name());
    m_till->setStoreSettings(*settings);
    m_sync->setStoreSettings(*settings);
    buildDock(*location);
    if (!options.server.isEmpty())
        buildSync();
    m_stock = std::make_unique<StockViews>(
        StockViews::Services{*m_store, *m_catalog, *m_replica, *m_outbox, m_client.get(),
                             *m_approvals, *m_staff, *m_notices});
    m_backOffice = std::make_unique<BackOfficeView>(m_client.get(), *location);
    return success();
}

sync::ClientOptions PosContext::clientOptions(const PosOptions& options)
{
    sync::ClientOptions client;
    client.url = options.server;
    client.terminal = options.terminal;
    client.token = options.token;
    client.certificateSha256 =
        parseSha256Fingerprint(options.certificateSha256).value_or(QByteArray());
    return client;
}

void PosContext::buildSync()
{
    m_client = std::make_unique<sync::Client>(*m_store, nullptr, clientOptions(m_options));
    QObject::connect(m_client.get(), &sync::Client::staffChanged, m_staff.get(),
                     &StaffSession::reload);
    QObject::connect(m_client.get(), &sync::Client::storeSettingsChanged, m_till.get(),
                     [this](const StoreSettings& settings) { adoptStoreSettings(settings); });
    m_tillSync = std::make_unique<TillSync>(
        TillSync::Services{*m_client, *m_till, *m_journal, *m_catalog, *m_sync, *m_notices},
        m_options.terminal);
    m_dock->connectClient(*m_client);
    m_till->returns()->setServer(m_client.get());
    m_drawer->day()->setServer(m_client.get());
}

void PosContext::adoptStoreSettings(const StoreSettings& settings)
{
    m_till->setStoreSettings(settings);
    m_sync->setStoreSettings(settings);
    m_cash->setDenominations(settings.drawerDenominations());
    m_drawer->denominations()->setDenominations(m_cash->denominations());
}

void PosContext::buildDock(const QString& location)
{
    m_deliveries = std::make_unique<DeliveryBook>(*m_store);
    m_dockJournal = std::make_unique<DockJournal>(*m_store, *m_outbox, m_options.terminal);
    m_dockAnswers = std::make_unique<DockAnswers>(*m_outbox);
    m_dock =
        std::make_unique<Dock>(dock::Services{*m_catalog, *m_replica, *m_deliveries, *m_dockJournal,
                                              *m_staff, *m_approvals, *m_notices, *m_dockAnswers},
                               Dock::Settings{location, m_options.overTolerancePercent});
}

QString PosContext::mainQml() const
{
    return m_options.mode == TerminalConfig::Mode::Receiving ? QStringLiteral("DockMain.qml")
                                                             : QStringLiteral("Main.qml");
}

void PosContext::startSync()
{
    if (m_client)
        m_client->start();
}

Result<QString> PosContext::chooseLocation(const QString& wanted) const
{
    const Result<QList<Location>> locations = m_replica->locations();
    if (!locations)
        return locations.error();
    QStringList known;
    for (const Location& location : *locations) {
        if (wanted.isEmpty() || location.id == wanted)
            return location.id;
        known.append(location.id);
    }
    // The server knows the store's locations, and refuses what names an unknown one: a
    // terminal it serves sells from the location it is told, known here or not yet.
    if (!m_options.server.isEmpty() && !wanted.isEmpty())
        return wanted;
    if (!m_options.server.isEmpty())
        return Error{QStringLiteral("location"),
                     QStringLiteral("give the location this till sells from with --location ID "
                                    "(such as store-1)")};
    if (known.isEmpty())
        return Error{QStringLiteral("location"),
                     QStringLiteral("the store has no locations yet: connect to the server or "
                                    "import the store's data files first")};
    return Error{QStringLiteral("location"), QStringLiteral("'%1' is not a location of this "
                                                            "store; it has %2")
                                                 .arg(wanted, known.join(QStringLiteral(", ")))};
}

void PosContext::exposeToQml()
{
    TillForeign::instance = m_till.get();
    NoticesForeign::instance = m_notices.get();
    CashDrawerForeign::instance = m_drawer.get();
    SyncForeign::instance = m_sync.get();
    StockForeign::instance = m_stock.get();
    DockForeign::instance = m_dock.get();
    OfficeForeign::instance = m_backOffice.get();
}

} // namespace stockline::qml
