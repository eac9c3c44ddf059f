#include "screenshots.h"

#include "approvals.h"
#include "backofficesamples.h"
#include "backofficeview.h"
#include "barcode.h"
#include "cartmodel.h"
#include "cashdrawer.h"
#include "cashsession.h"
#include "client.h"
#include "countmodel.h"
#include "cyclecount.h"
#include "deliverybook.h"
#include "dock.h"
#include "exceptionsmodel.h"
#include "historymodel.h"
#include "paymentmodel.h"
#include "poscontext.h"
#include "qmlwindow.h"
#include "receiptmodel.h"
#include "receiptpdf.h"
#include "receiving.h"
#include "returnsmodel.h"
#include "selftest.h"
#include "staffsession.h"
#include "stockmodel.h"
#include "stockmoves.h"
#include "stockviews.h"
#include "syncproblemsmodel.h"
#include "syncstatus.h"
#include "till.h"
#include "transport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QUrl>
#include <cstdio>

namespace stockline::app {

namespace {

// A refused mutation as the client words it from the server's code and fields.
sync::Rejection refusal(qint64 seq, const QString& kind, const QString& code,
                        const QList<sync::LineAvailability>& lines)
{
    sync::MutationResult result;
    result.seq = seq;
    result.status = sync::MutationResult::Status::Rejected;
    result.code = code;
    result.lines = lines;
    return sync::Rejection{seq, kind, code, sync::Client::describe(result)};
}

// The sync bar's words when the server refuses the connection, as a real till has them: the
// client's text around Qt's own socket error, both in the till's language.
QString refusedMessage()
{
    return sync::Client::tr("Not connected to the sync server (%1); trying again in %2 s.")
        .arg(QCoreApplication::translate("QNativeSocketEngine", "Connection refused"))
        .arg(8);
}

class Shooter
{
public:
    Shooter(QQuickWindow& window, QString folder) : m_window(window), m_folder(std::move(folder)) {}

    bool shoot(const QString& name)
    {
        settle(150);
        const QString path = QDir(m_folder).filePath(name + QStringLiteral(".png"));
        const QImage image = m_window.grabWindow();
        if (image.isNull() || !image.save(path)) {
            std::fprintf(stderr, "screenshots: could not write %s\n", qPrintable(path));
            return false;
        }
        std::printf("%s\n", qPrintable(path));
        return true;
    }

    void setScanText(const QString& text)
    {
        if (auto* field = m_window.findChild<QObject*>(QStringLiteral("scanField")))
            field->setProperty("text", text);
    }

    void dismissProblem()
    {
        if (auto* banner = m_window.findChild<QObject*>(QStringLiteral("problemBanner")))
            banner->setProperty("message", QString());
    }

    void show(const char* screen) { m_window.setProperty("screen", QString::fromLatin1(screen)); }

    // The cash screen's own functions, as its buttons call them.
    void onCashScreen(const char* function)
    {
        if (auto* screen = m_window.findChild<QObject*>(QStringLiteral("cashScreen")))
            QMetaObject::invokeMethod(screen, function);
    }

private:
    QQuickWindow& m_window;
    QString m_folder;
};

// A code as the deli scale prints it: the catalog's lookup code with a value filled in.
QString embedded(const QString& lookupCode, int value)
{
    return Barcode::withCheckDigit(lookupCode.left(7) +
                                   QStringLiteral("%1").arg(value, 5, 10, QLatin1Char('0')));
}

// The demo's first person signs in with their PIN from the demo's staff.csv.
bool signInDemoClerk(qml::PosContext& context)
{
    QFile file(QDir(context.options().importFolder).filePath(QStringLiteral("staff.csv")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    file.readLine(); // name,role,pin
    const QStringList cells = QString::fromUtf8(file.readLine().trimmed()).split(u',');
    qml::StaffSession& staff = context.staff();
    if (cells.size() != 3 || !staff.signIn(cells.at(0), cells.at(2)))
        return false;
    QEventLoop checked;
    QObject::connect(&staff, &qml::StaffSession::busyChanged, &checked, &QEventLoop::quit);
    if (staff.busy())
        checked.exec();
    return staff.signedIn();
}

void ringUp(qml::Till& till)
{
    // Two scans of the same milk make one line of 2; "3*" and a scan make a line of 3.
    (void)till.submit(QStringLiteral("5051866038503"), 13);
    (void)till.submit(QStringLiteral("5051866038503"), 13);
    (void)till.submit(QStringLiteral("3*696894892502"), 12);
    (void)till.submit(embedded(QStringLiteral("2601001000006"), 532), 13);  // 0.532 kg bananas
    (void)till.submit(embedded(QStringLiteral("2101001000001"), 1349), 13); // a loaf at 13.49
    till.addSku(QStringLiteral("HOU-0001"));
    (void)till.setLineDiscount(till.cart()->count() - 1, QStringLiteral("10%"));
    till.addSku(QStringLiteral("SNK-0001"));
    (void)till.submit(QStringLiteral("4006381333931"), 13); // not in the sample store
}

// The sync bar and its panel as a till connected to a server shows them: the demo has no
// server, so the status is set by hand, the way TillSync sets it from the client.
bool shootSync(Shooter& shooter, QQuickWindow& window, qml::PosContext& context)
{
    qml::Till& till = context.till();
    qml::SyncStatus& sync = context.sync();
    shooter.show("sell");
    till.addSku(QStringLiteral("DAI-0001"));
    (void)till.submit(QStringLiteral("2*696894892502"), 12);
    sync.setConfigured(true);
    sync.setPending(0);
    sync.setOnline(true);
    QCoreApplication::processEvents(); // the holds asked for, as a connected till does
    using State = qml::CartModel::Reservation::State;
    qml::CartModel& cart = *till.cart();
    for (int row = 0; row < cart.count(); ++row) {
        qml::CartModel::Reservation hold = cart.line(row).reservation;
        hold.state = row == 0 ? State::Held : State::Refused;
        hold.available = row == 0 ? -1 : 1;
        cart.setReservation(row, hold);
    }
    bool ok = shooter.shoot(QStringLiteral("09-sync-online"));

    sync.setOnline(false);
    sync.setPending(3);
    sync.setOldestPendingAge(125);
    sync.setMessage(refusedMessage());
    ok = shooter.shoot(QStringLiteral("10-sync-offline")) && ok;

    sync::Shortage shortage;
    shortage.sku = QStringLiteral("DAI-0025");
    shortage.location = QStringLiteral("store-1");
    shortage.qty = 1;
    shortage.terminal = QStringLiteral("POS-02");
    shortage.sale = QStringLiteral("POS-02-000041");
    shortage.at = QDateTime::currentDateTimeUtc().addSecs(-600);
    sync.problems()->setProblems(
        {qml::SyncProblemsModel::describe(
             refusal(57, QStringLiteral("sale"), QStringLiteral("insufficient_stock"),
                     {sync::LineAvailability{QStringLiteral("DAI-0025"), 0}})),
         qml::SyncProblemsModel::describe(
             refusal(61, QStringLiteral("return"), QStringLiteral("unknown_sku"), {})),
         qml::SyncProblemsModel::describe(shortage, QStringLiteral("Meadow Gold Oat drink 1 l"),
                                          till.terminal())});
    if (auto* panel = window.findChild<QObject*>(QStringLiteral("syncPanel")))
        QMetaObject::invokeMethod(panel, "open");
    ok = shooter.shoot(QStringLiteral("11-sync-problems")) && ok;
    if (auto* panel = window.findChild<QObject*>(QStringLiteral("syncPanel")))
        QMetaObject::invokeMethod(panel, "close");
    return ok;
}

// A ledger as the server would answer for milk on the store floor: opening stock, a delivery,
// a week of sales and a count, newest first, each with the level after it.
sync::HistoryReply milkHistory()
{
    struct Step
    {
        const char* kind;
        qint64 delta;
        int hoursAgo;
        const char* terminal;
        QJsonObject detail;
    };
    const QList<Step> steps = {
        {"receive", 24, 170, "", {{QStringLiteral("import"), true}}},
        {"sale", -6, 150, "POS-01", {{QStringLiteral("sale"), QStringLiteral("POS-01-000118")}}},
        {"sale", -9, 120, "POS-02", {{QStringLiteral("sale"), QStringLiteral("POS-02-000087")}}},
        {"receive",
         36,
         96,
         "DOCK-01",
         {{QStringLiteral("receipt"), QStringLiteral("DOCK-01-R-4")}}},
        {"sale", -14, 70, "POS-01", {{QStringLiteral("sale"), QStringLiteral("POS-01-000164")}}},
        {"count", -2, 48, "DOCK-01", {{QStringLiteral("counted"), 29}}},
        {"sale", -11, 20, "POS-02", {{QStringLiteral("sale"), QStringLiteral("POS-02-000131")}}},
        {"sale", -5, 2, "POS-01", {{QStringLiteral("sale"), QStringLiteral("POS-01-000212")}}},
    };
    sync::HistoryReply reply;
    reply.sku = QStringLiteral("DAI-0001");
    reply.location = QStringLiteral("store-1");
    qint64 level = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step& s = steps.at(i);
        level += s.delta;
        sync::HistoryEntry e;
        e.id = i + 1;
        e.at = now.addSecs(-3600LL * s.hoursAgo);
        e.kind = QLatin1String(s.kind);
        e.location = reply.location;
        e.onHandDelta = s.delta;
        e.onHand = level;
        e.terminal = QLatin1String(s.terminal);
        e.detail = s.detail;
        reply.entries.prepend(e);
    }
    return reply;
}

// The live stock view searched for milk, a level just pushed flashing, and a SKU's history;
// then the shortage exceptions a manager resolves. The demo has no server: the pushed level,
// the history and the shortages are what a server would send.
bool shootStock(Shooter& shooter, QQuickWindow& window, qml::PosContext& context)
{
    qml::StockViews& stock = context.stock();
    shooter.show("stock");
    if (auto* search = window.findChild<QObject*>(QStringLiteral("stockSearch")))
        search->setProperty("text", QStringLiteral("milk"));
    QEventLoop filtered;
    QObject::connect(stock.levels(), &qml::StockModel::filteringChanged, &filtered, [&] {
        if (!stock.levels()->filtering())
            filtered.quit();
    });
    if (stock.levels()->filtering())
        filtered.exec();
    stock.levels()->applyLevels(
        {StockLevel{QStringLiteral("DAI-0002"), QStringLiteral("store-1"), 22, 2, 9}});
    stock.history()->showReply(milkHistory());
    bool ok = shooter.shoot(QStringLiteral("20-stock"));

    QList<sync::Shortage> shortages;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    shortages.append(sync::Shortage{41, QStringLiteral("DAI-0025"), QStringLiteral("store-1"), 2,
                                    QStringLiteral("POS-02"), QStringLiteral("POS-02-000041"),
                                    now.addSecs(-5400), false});
    shortages.append(sync::Shortage{44, QStringLiteral("BEV-0003"), QStringLiteral("store-1"), 1,
                                    QStringLiteral("POS-01"), QStringLiteral("POS-01-000230"),
                                    now.addSecs(-600), false});
    stock.exceptions()->setShortages(shortages);
    shooter.show("exceptions");
    ok = shooter.shoot(QStringLiteral("21-shortages")) && ok;
    shooter.show("sell");
    return ok;
}

// The start of the day: the float typed into the cash screen's dialog.
void openDrawer(Shooter& shooter, QQuickWindow& window)
{
    shooter.show("cash");
    shooter.onCashScreen("askFloat");
    if (auto* dialog = window.findChild<QObject*>(QStringLiteral("floatDialog"))) {
        dialog->setProperty("text", QStringLiteral("150"));
        QMetaObject::invokeMethod(dialog, "accept");
    }
    shooter.show("sell");
}

// The end of the day: a paid-out and an X report, the blind count (ten cents short) and the
// Z report.
bool shootCash(Shooter& shooter, qml::PosContext& context)
{
    qml::CashDrawer& drawer = context.drawer();
    shooter.show("cash");
    (void)drawer.payOut(QStringLiteral("40"), QStringLiteral("Window cleaner"));
    (void)drawer.makeXReport();
    bool ok = shooter.shoot(QStringLiteral("13-cash-drawer"));

    shooter.onCashScreen("startCount");
    const Result<CashReport> x = context.cash().xReport();
    qint64 left = x ? x->expectedCash.minor() - 10 : 0;
    const QList<Denomination>& denominations = context.cash().denominations();
    for (int row = 0; row < denominations.size(); ++row) {
        const qint64 count = left / denominations.at(row).value.minor();
        left -= count * denominations.at(row).value.minor();
        (void)drawer.denominations()->setCount(row, QString::number(count));
    }
    ok = shooter.shoot(QStringLiteral("14-cash-count")) && ok;
    shooter.onCashScreen("finishCount");
    ok = shooter.shoot(QStringLiteral("15-cash-z-report")) && ok;
    return drawer.reportIsZ() && ok;
}

// The expected deliveries a dock shows, as the sync client stores them (the demo has no server
// to send them): one under way, one not started, one complete and one done with refusals.
QList<Delivery> dockDeliveries()
{
    const QString floor = QStringLiteral("store-1");
    const QString back = QStringLiteral("backroom-1");
    return {{QStringLiteral("PO-2026-0042"),
             QStringLiteral("Meadow Gold Dairy"),
             back,
             {{QStringLiteral("DAI-0001"), 48, 12, 0},
              {QStringLiteral("DAI-0002"), 24, 0, 0},
              {QStringLiteral("DAI-0003"), 12, 0, 0}},
             false},
            {QStringLiteral("ASN-7781"),
             QStringLiteral("Harbour Bakery"),
             floor,
             {{QStringLiteral("BAK-0002"), 30, 0, 0}},
             false},
            {QStringLiteral("ASN-55120"),
             QStringLiteral("Fizz Beverages"),
             back,
             {{QStringLiteral("BEV-0001"), 96, 96, 0}, {QStringLiteral("BEV-0002"), 40, 40, 0}},
             false},
            {QStringLiteral("PO-2026-0039"),
             QStringLiteral("Crunch Co"),
             back,
             {{QStringLiteral("SNK-0001"), 24, 21, 3}},
             false}};
}

// The receiving dock as a terminal of its own (DOCK-01, a store file beside the till's), with
// the sample deliveries; a transfer booked, one delivery being received with a short and an
// over line, a shelf counted with a line to count again, and the moves screen. Offline, as a
// dock whose server is down shows it.
bool shootDock(const qml::PosContext& till, const QString& folder)
{
    qml::PosOptions options = till.options();
    options.terminal = QStringLiteral("DOCK-01");
    options.mode = TerminalConfig::Mode::Receiving;
    options.location = QStringLiteral("backroom-1");
    options.storePath = QFileInfo(options.storePath).dir().filePath(QStringLiteral("dock.db"));
    auto opened = qml::PosContext::open(options);
    if (!opened) {
        std::fprintf(stderr, "screenshots: the dock: %s\n", qPrintable(opened.error().toString()));
        return false;
    }
    qml::PosContext& context = **opened;
    if (!signInDemoClerk(context) || !context.deliveries().replace(dockDeliveries()))
        return false;
    qml::Dock& dock = context.dock();
    dock.refresh();
    (void)dock.moves()->transfer(QStringLiteral("DAI-0001"), QStringLiteral("backroom-1"),
                                 QStringLiteral("store-1"), QStringLiteral("24"));
    qml::SyncStatus& sync = context.sync();
    sync.setConfigured(true);
    sync.setOnline(false);
    sync.setPending(2);
    sync.setOldestPendingAge(95);
    sync.setMessage(refusedMessage());
    context.exposeToQml();
    QQmlApplicationEngine engine;
    auto* window = loadWindow(engine, QStringLiteral("DockMain.qml"));
    if (!window)
        return false;
    window->resize(1280, 800);
    Shooter shooter(*window, folder);
    shooter.dismissProblem();
    bool ok = shooter.shoot(QStringLiteral("16-dock-deliveries"));

    qml::Receiving& receiving = *dock.receiving();
    (void)receiving.start(QStringLiteral("PO-2026-0042"));
    (void)receiving.setCounted(0, QStringLiteral("30"));
    (void)receiving.setRejected(0, QStringLiteral("2"));
    (void)receiving.setCounted(1, QStringLiteral("26"));
    receiving.setNote(QStringLiteral("Two crates crushed on the pallet"));
    shooter.show("receive");
    ok = shooter.shoot(QStringLiteral("17-dock-receive")) && ok;
    receiving.cancel();

    qml::CycleCount& count = *dock.count();
    (void)count.load(QStringLiteral("backroom-1"), QStringLiteral("DAI-00"));
    (void)count.setCounted(0, QStringLiteral("159"));
    (void)count.setCounted(1, QStringLiteral("96"));
    count.lines()->setRecount(2, 131, 9,
                              qml::CycleCount::tr("Stock moved while you counted: the server now "
                                                  "has 131. Count this line again."));
    shooter.show("count");
    ok = shooter.shoot(QStringLiteral("18-dock-count")) && ok;
    shooter.show("moves");
    ok = shooter.shoot(QStringLiteral("19-dock-moves")) && ok;
    return ok;
}

// Purchasing: the reorder suggestions of one supplier, then the orders with the first chosen.
bool shootPurchasing(Shooter& shooter, QQuickWindow& window, qml::BackOfficeView& view)
{
    auto* office = window.findChild<QObject*>(QStringLiteral("backOffice"));
    auto* page = window.findChild<QObject*>(QStringLiteral("purchasingPage"));
    if (!office || !page)
        return false;
    view.showSuppliers(sampleSuppliers());
    view.showSuggestions(sampleSuggestions());
    office->setProperty("page", 4);
    page->setProperty("section", 1);
    bool ok = shooter.shoot(QStringLiteral("32-backoffice-reorder"));
    view.showOrders(samplePurchaseOrders());
    view.chooseOrder(0);
    page->setProperty("section", 2);
    ok = shooter.shoot(QStringLiteral("33-backoffice-purchase-orders")) && ok;
    view.showSuggestions({});
    return ok;
}

// The manager's back office, as a server would fill it: the PIN, then every page.
bool shootBackOffice(Shooter& shooter, QQuickWindow& window, qml::PosContext& context)
{
    auto* office = window.findChild<QObject*>(QStringLiteral("backOffice"));
    if (!office)
        return false;
    shooter.show("backoffice");
    bool ok = shooter.shoot(QStringLiteral("22-backoffice-offline"));
    qml::BackOfficeView& view = context.backOffice();
    view.preview(QString()); // online, nobody signed in yet: the PIN
    ok = shooter.shoot(QStringLiteral("23-backoffice-sign-in")) && ok;
    view.preview(QStringLiteral("Morgan"));
    view.showReport(sampleTodayReport(), qml::BackOfficeView::tr("Today"));
    ok = shooter.shoot(QStringLiteral("24-backoffice-today")) && ok;
    office->setProperty("page", 1); // first: the report's row count is this page's status
    view.showReport(sampleSalesByDay(), qml::BackOfficeView::reportTitle(QStringLiteral("sales"),
                                                                         QStringLiteral("day")));
    ok = shooter.shoot(QStringLiteral("25-backoffice-reports")) && ok;
    view.showCatalog(sampleCatalog());
    office->setProperty("page", 2);
    ok = shooter.shoot(QStringLiteral("26-backoffice-catalog")) && ok;
    view.showScheduled(sampleScheduledPrices());
    office->setProperty("page", 3);
    ok = shooter.shoot(QStringLiteral("27-backoffice-prices")) && ok;
    ok = shootPurchasing(shooter, window, view) && ok;
    office->setProperty("page", 5);
    ok = shooter.shoot(QStringLiteral("28-backoffice-staff")) && ok;
    view.showTerminals(sampleTerminals());
    office->setProperty("page", 6);
    ok = shooter.shoot(QStringLiteral("29-backoffice-terminals")) && ok;
    view.endPreview();
    shooter.show("sell");
    return ok;
}

} // namespace

int takeScreenshots(QQmlApplicationEngine& engine, qml::PosContext& context, const QString& folder)
{
    if (!QDir().mkpath(folder)) {
        std::fprintf(stderr, "screenshots: cannot create %s\n", qPrintable(folder));
        return 1;
    }
    // Pictures for people: with no locale set (the C locale of a build machine) dates and
    // numbers read as in the US. Amounts are in the store's currency either way
    // (--store-settings: a German till with EUR and VAT-inclusive prices, a Japanese store).
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QmlProblems problems;
    auto* window = loadWindow(engine, QStringLiteral("Main.qml"));
    if (!window)
        return 1;
    window->resize(1280, 800);
    Shooter shooter(*window, folder);
    qml::Till& till = context.till();

    bool ok = shooter.shoot(QStringLiteral("00-sign-in"));
    if (!signInDemoClerk(context)) {
        std::fprintf(stderr, "screenshots: the demo's clerk could not sign in\n");
        return 1;
    }
    openDrawer(shooter, *window);
    ok = shooter.shoot(QStringLiteral("01-sell-empty")) && ok;
    ringUp(till);
    ok = shooter.shoot(QStringLiteral("02-sell-cart")) && ok; // with the unknown code's notice
    shooter.dismissProblem();
    shooter.setScanText(QStringLiteral("choc"));
    ok = shooter.shoot(QStringLiteral("03-sell-search")) && ok;
    shooter.setScanText(QString());

    (void)till.startPayment();
    (void)till.tenderCard(QStringLiteral("20"), QStringLiteral("AUTH 481516"));
    ok = shooter.shoot(QStringLiteral("04-pay")) && ok;
    if (const QList<Money> notes = till.payment()->quickAmounts(till.payment()->remaining());
        !notes.isEmpty())
        (void)till.tenderCashMinor(notes.last().minor());
    ok = shooter.shoot(QStringLiteral("05-sell-change-due")) && ok;

    QMetaObject::invokeMethod(window, "openReceipt");
    ok = shooter.shoot(QStringLiteral("06-receipt")) && ok;
    if (till.lastReceiptDocument()) {
        const QString pdf = QDir(folder).filePath(QStringLiteral("06-receipt.pdf"));
        const Status written = print::ReceiptPdf::write(*till.lastReceiptDocument(), pdf);
        std::printf("%s\n", qPrintable(pdf));
        ok = bool(written) && ok;
    }
    if (auto* preview = window->findChild<QObject*>(QStringLiteral("receiptPreview")))
        QMetaObject::invokeMethod(preview, "close");

    const QString sold = till.lastReceipt();
    shooter.show("returns");
    till.returns()->load(sold);
    till.returns()->toggle(1);
    till.returns()->setChosen(2, 1);
    ok = shooter.shoot(QStringLiteral("07-returns")) && ok;
    till.returns()->clear();

    shooter.show("sell");
    till.addSku(QStringLiteral("SNK-0002"));
    (void)till.park(QStringLiteral("Customer fetching wallet"));
    till.addSku(QStringLiteral("BEV-0003"));
    till.addSku(QStringLiteral("HOU-0003"));
    (void)till.park(QString());
    shooter.show("parked");
    ok = shooter.shoot(QStringLiteral("08-parked")) && ok;
    ok = shootCash(shooter, context) && ok;
    ok = shootSync(shooter, *window, context) && ok;
    ok = shootStock(shooter, *window, context) && ok;

    // A cashier overrides a price: the manager approves in place.
    (void)till.overridePrice(0, QStringLiteral("3.99"));
    ok = shooter.shoot(QStringLiteral("12-approval")) && ok;
    context.approvals().cancel();
    ok = shootBackOffice(shooter, *window, context) && ok;
    ok = shootDock(context, folder) && ok;

    for (const QString& problem : problems.problems())
        std::fprintf(stderr, "screenshots: %s\n", qPrintable(problem));
    return ok && problems.problems().isEmpty() ? 0 : 1;
}

} // namespace stockline::app
