// The manager's back office (issue 20) in the real Main.qml, offscreen, driven by keys, against
// a real stockline-server process with the sample store: F10 and a manager's PIN on a till,
// "needs the server" offline, and on a manager terminal staff, the catalog with a second
// manager's change in between, prices now, later and in bulk, and terminals. The generic
// report table is checked against an S3 answer under QAbstractItemModelTester, with its CSV.

#include "backoffice.h"
#include "backofficeview.h"
#include "poscontext.h"
#include "posfixture.h"
#include "qmlscreen.h"
#include "reportmodel.h"
#include "screenkeys.h"
#include "serverprocess.h"
#include "syncstatus.h"
#include "wireclient.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

using namespace stockline;
using namespace stockline::qml;
using namespace Qt::StringLiterals;

namespace {
constexpr int syncTimeoutMs = 20'000;
const QString milk = u"DAI-0001"_s; // 4.49, department Dairy
} // namespace

class tst_BackOffice : public QObject, private fixtures::ScreenKeys
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void init();
    void cleanup();

    void reportTableShowsAnyAnswer();
    void aTillOpensItWithF10AndAManagersPin();
    void offlineItNeedsTheServer();
    void twoManagersEditOneProduct();
    void pricesNowLaterAndInBulk();
    void terminalsListRevokeAndPair();

private:
    // Starts the server with the sample store, its staff and two terminals.
    bool startServer();
    // Opens the app as `terminal` on `server` with `person` signed in, showing Main.qml.
    bool openApp(const QString& terminal, const QString& token, const QUrl& server,
                 const QString& person, const QString& pin);
    // On a manager terminal: signs Morgan in to the back office with the PIN typed.
    bool elevateOnManagerTerminal();
    [[nodiscard]] BackOfficeView& office() { return m_context->backOffice(); }

    std::optional<fixtures::QmlWarnings> m_warnings;
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_posToken;
    QString m_managerToken;
    std::unique_ptr<PosContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    int m_runs = 0;
};

void tst_BackOffice::init()
{
    m_warnings.emplace();
    QVERIFY(m_dir.isValid());
}

void tst_BackOffice::cleanup()
{
    m_engine.reset();
    m_context.reset();
    m_server.reset();
    m_window = nullptr;
    const QString warnings = m_warnings->finish();
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
}

bool tst_BackOffice::startServer()
{
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server-%1.db"_s.arg(++m_runs)));
    if (!m_server->loadSampleStore() || !m_server->addSampleStaff())
        return false;
    m_posToken = m_server->addTerminal(u"POS-01"_s, u"pos"_s);
    m_managerToken = m_server->addTerminal(u"MGR-01"_s, u"manager"_s);
    return !m_posToken.isEmpty() && !m_managerToken.isEmpty() && m_server->start();
}

bool tst_BackOffice::openApp(const QString& terminal, const QString& token, const QUrl& server,
                             const QString& person, const QString& pin)
{
    PosOptions options;
    options.storePath = m_dir.filePath(u"%1-%2.db"_s.arg(terminal).arg(m_runs));
    options.terminal = terminal;
    options.location = u"store-1"_s;
    options.receiptFolder = m_dir.filePath(u"receipts"_s);
    options.server = server;
    options.token = token;
    if (!m_server)
        options.importFolder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store");
    auto context = PosContext::open(options);
    if (!context)
        return false;
    m_context = std::move(context).value();
    m_context->startSync();
    // This branch's server does not answer `report` (Today asks for it): fail it sooner.
    if (sync::BackOffice* backOffice = m_context->backOffice().backOffice())
        backOffice->setAnswerTimeoutMs(4'000);
    if (m_server && !QTest::qWaitFor([&] { return m_context->sync().online(); }, syncTimeoutMs))
        return false;
    if (!fixtures::signIn(*m_context, person, pin))
        return false;
    m_context->exposeToQml();
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_window = fixtures::loadScreen(*m_engine, QStringLiteral("Main.qml"));
    if (!m_window)
        return false;
    m_window->requestActivate();
    return QTest::qWaitForWindowExposed(m_window);
}

bool tst_BackOffice::elevateOnManagerTerminal()
{
    // The manager terminal opens on the back office, Morgan's name filled in.
    if (!QTest::qWaitFor([&] { return screen() == u"backoffice"_s; }, syncTimeoutMs))
        return false;
    QQuickItem* pin = item("elevatePinField");
    if (!QTest::qWaitFor([&] { return pin->hasActiveFocus(); }, 5'000))
        return false;
    type(fixtures::managerPin);
    key(Qt::Key_Return);
    return QTest::qWaitFor([&] { return office().elevated(); }, syncTimeoutMs) &&
           office().manager() == fixtures::manager;
}

void tst_BackOffice::reportTableShowsAnyAnswer()
{
    ReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonObject answer = QJsonDocument::fromJson(R"({
        "ok": true, "report": "sales", "by": "department", "from": "2026-12-01",
        "to": "2026-12-07", "timeZone": "Europe/Berlin",
        "columns": [{"key": "department", "label": "Department", "type": "text"},
                    {"key": "receipts", "label": "Receipts", "type": "int"},
                    {"key": "net", "label": "Net", "type": "money"},
                    {"key": "share", "label": "Share", "type": "percent"}],
        "rows": [{"department": "Dairy", "receipts": 12, "net": 5388, "share": 60.5},
                 {"department": "Bakery, fresh", "receipts": 7, "net": 3517, "share": 39.5}],
        "totals": {"receipts": 19, "net": 8905, "share": 100}})")
                                   .object();
    QVERIFY(model.setAnswer(answer, u"Sales by department"_s));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.labels(), (QStringList{u"Department"_s, u"Receipts"_s, u"Net"_s, u"Share"_s}));
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(), u"Net"_s);
    QCOMPARE(model.chartColumn(), 2); // money before any other figure
    QCOMPARE(model.chartValue(0), 53.88);
    QCOMPARE(model.rowLabel(1), u"Bakery, fresh"_s);
    QVERIFY(model.text(0, 2).contains(u"53.88"_s));
    QCOMPARE(model.index(0, 1).data(ReportModel::NumericRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(ReportModel::NumericRole).toBool(), false);
    QCOMPARE(model.totals().value(0), u"Total"_s);
    QCOMPARE(model.subtitle(), u"2026-12-01 to 2026-12-07"_s);

    // RFC 4180: figures as plain digits, the comma's field quoted, CRLF, totals last.
    QCOMPARE(model.document(true).csv(), QByteArray("Department,Receipts,Net,Share\r\n"
                                                    "Dairy,12,53.88,60.5\r\n"
                                                    "\"Bakery, fresh\",7,35.17,39.5\r\n"
                                                    "Total,19,89.05,100\r\n"));
    QVERIFY(model.exportCsv(m_dir.filePath(u"sales.csv"_s)));
    QVERIFY(model.exportPdf(m_dir.filePath(u"sales.pdf"_s)));
    QFile pdf(m_dir.filePath(u"sales.pdf"_s));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!model.exportCsv(m_dir.filePath(u"no-such-folder/sales.csv"_s)));
    QVERIFY(model.lastError().contains(u"no-such-folder"_s));

    // An answer without columns is refused, and shows nothing.
    QVERIFY(!model.setAnswer(QJsonObject{{u"rows"_s, QJsonArray{}}}, u"x"_s));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void tst_BackOffice::aTillOpensItWithF10AndAManagersPin()
{
    QVERIFY(startServer());
    QVERIFY(
        openApp(u"POS-01"_s, m_posToken, m_server->url(), fixtures::cashier, fixtures::cashierPin));
    QTRY_VERIFY(item("scanField") && item("scanField")->hasActiveFocus());
    QVERIFY(!office().managerTerminal());

    key(Qt::Key_F10);
    QTRY_COMPARE(screen(), u"backoffice"_s);
    QTRY_VERIFY(item("elevatePanel")->isVisible());
    QTRY_VERIFY(item("elevatePinField")->hasActiveFocus()); // Alex's name is filled in
    type(fixtures::cashierPin);
    key(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(item("elevateMessage")->property("text").toString(),
                              u"Only an active manager can open the back office"_s, syncTimeoutMs);
    QVERIFY(!office().elevated());

    fill("elevateStaffField", fixtures::manager);
    key(Qt::Key_Return); // on to the PIN
    QTRY_VERIFY(item("elevatePinField")->hasActiveFocus());
    type(u"0000"_s);
    key(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(item("elevateMessage")->property("text").toString(), u"Wrong PIN"_s,
                              syncTimeoutMs);
    type(fixtures::managerPin);
    key(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(office().elevated(), syncTimeoutMs);
    QCOMPARE(office().manager(), fixtures::manager);
    QTRY_VERIFY(item("backOfficeTabs")->isVisible());
    QVERIFY(!item("elevatePanel")->isVisible());

    // Leaving signs the manager out: the next F10 asks for the PIN again.
    key(Qt::Key_Q, Qt::ControlModifier);
    QTRY_COMPARE(screen(), u"sell"_s);
    QVERIFY(!office().elevated());
    QTRY_VERIFY(item("scanField")->hasActiveFocus());
    key(Qt::Key_F10);
    QTRY_COMPARE(screen(), u"backoffice"_s);
    QTRY_VERIFY(item("elevatePanel")->isVisible());
}

void tst_BackOffice::offlineItNeedsTheServer()
{
    // A server that is not there: the till sells on, the back office does nothing.
    QVERIFY(openApp(u"POS-01"_s, u"token"_s, QUrl(u"ws://127.0.0.1:28999/"_s), fixtures::cashier,
                    fixtures::cashierPin));
    QTRY_VERIFY(item("scanField") && item("scanField")->hasActiveFocus());
    key(Qt::Key_F10);
    QTRY_COMPARE(screen(), u"backoffice"_s);
    QVERIFY(item("backOfficeOffline")->isVisible());
    QCOMPARE(item("backOfficeOffline")->property("text").toString(),
             u"The back office needs the server"_s);
    QVERIFY(!item("elevatePanel")->isVisible());
    QVERIFY(!item("backOfficeTabs")->isVisible());
    office().loadCatalog();
    QTRY_COMPARE(office().message(), u"The back office needs the server"_s);
    QVERIFY(office().failed());
    key(Qt::Key_Q, Qt::ControlModifier);
    QTRY_COMPARE(screen(), u"sell"_s);
}

void tst_BackOffice::twoManagersEditOneProduct()
{
    QVERIFY(startServer());
    QVERIFY(openApp(u"MGR-01"_s, m_managerToken, m_server->url(), fixtures::manager,
                    fixtures::managerPin));
    QVERIFY(elevateOnManagerTerminal());
    // Today's report counts its rows on the status line; another page does not show them.
    const auto statusLine = [this] {
        return item("backOfficeMessage")->property("text").toString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().contains(u" row"_s), syncTimeoutMs);

    // Staff (Ctrl+6): Morgan adds Robin, a second manager.
    key(Qt::Key_6, Qt::ControlModifier);
    QTRY_VERIFY(item("staffName")->hasActiveFocus());
    QCOMPARE(statusLine(), QString());
    type(u"Robin"_s);
    key(Qt::Key_Tab);
    key(Qt::Key_Down); // Manager
    key(Qt::Key_Tab);
    QTRY_VERIFY(item("staffPin")->hasActiveFocus());
    type(u"97531"_s);
    key(Qt::Key_F2);
    QTRY_COMPARE_WITH_TIMEOUT(office().message(), u"Robin can sign in now"_s, syncTimeoutMs);

    // Catalog (Ctrl+3): Morgan opens the milk to change its price.
    key(Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(item("catalogSearch")->hasActiveFocus());
    QTRY_VERIFY(!office().busy());
    QCOMPARE(statusLine(), QString());
    type(milk);
    key(Qt::Key_Return);
    ReportModel& catalog = *office().catalog();
    QTRY_VERIFY_WITH_TIMEOUT(catalog.count() == 1 && !office().busy(), syncTimeoutMs);
    const QJsonObject seen = catalog.rowObject(0);
    QCOMPARE(seen.value(u"price"_s).toInteger(), 449);
    key(Qt::Key_Down);
    key(Qt::Key_Return);
    QTRY_VERIFY(item("productEditor")->isVisible());
    QTRY_VERIFY(item("productName")->hasActiveFocus());
    fill("productPrice", u"4.79"_s);

    // Meanwhile Robin, at a till, changes the same product.
    WireClient robin;
    QVERIFY(robin.open(m_server->url()));
    QVERIFY(!robin.hello(u"POS-01"_s, m_posToken).isEmpty());
    QCOMPARE(ask(robin,
                 {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Robin"_s}, {u"pin"_s, u"97531"_s}},
                 u"elevated"_s)
                 .value(u"staff"_s)
                 .toString(),
             u"Robin"_s);
    QJsonObject theirs = seen;
    theirs.remove(u"version"_s);
    theirs.insert(u"price"_s, 499);
    const QJsonObject robinSaved = ask(robin, {{u"type"_s, u"product"_s},
                                               {u"id"_s, u"01939a5e-0000-7000-8000-000000000001"_s},
                                               {u"product"_s, theirs},
                                               {u"expectedVersion"_s, seen.value(u"version"_s)}});
    QVERIFY2(robinSaved.value(u"ok"_s).toBool(), QJsonDocument(robinSaved).toJson().constData());

    // Morgan saves: nothing is overwritten, and Morgan sees who changed what.
    key(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(item("catalogConflict")->isVisible(), syncTimeoutMs);
    const QString conflict = item("catalogConflictText")->property("text").toString();
    QVERIFY2(conflict.startsWith(u"Robin changed DAI-0001 at "_s), qPrintable(conflict));
    QVERIFY2(conflict.contains(u"price"_s) && conflict.contains(u"4.49"_s) &&
                 conflict.contains(u"4.99"_s),
             qPrintable(conflict));
    QCOMPARE(office().conflictCurrent().value(u"price"_s).toLongLong(), 499);
    QTRY_COMPARE_WITH_TIMEOUT(catalog.rowObject(0).value(u"price"_s).toInteger(), 499,
                              syncTimeoutMs);

    // F4 takes theirs into the editor; Morgan's price goes on top of Robin's version.
    key(Qt::Key_F4);
    QTRY_COMPARE(item("productPrice")->property("text").toString(), u"4.99"_s);
    fill("productPrice", u"4.79"_s);
    key(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!item("productEditor")->isVisible(), syncTimeoutMs);
    QVERIFY2(office().message().startsWith(u"DAI-0001 saved (version "_s),
             qPrintable(office().message()));
    QVERIFY(!item("catalogConflict")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(catalog.rowObject(0).value(u"price"_s).toInteger(), 479,
                              syncTimeoutMs);
    const QJsonObject listed =
        ask(robin,
            {{u"type"_s, u"products"_s}, {u"query"_s, milk}, {u"offset"_s, 0}, {u"limit"_s, 10}});
    QCOMPARE(listed.value(u"rows"_s).toArray().at(0).toObject().value(u"price"_s).toInteger(), 479);
}

void tst_BackOffice::pricesNowLaterAndInBulk()
{
    QVERIFY(startServer());
    QVERIFY(openApp(u"MGR-01"_s, m_managerToken, m_server->url(), fixtures::manager,
                    fixtures::managerPin));
    QVERIFY(elevateOnManagerTerminal());
    key(Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(item("priceSku")->hasActiveFocus());
    ReportModel& catalog = *office().catalog();
    QTRY_VERIFY_WITH_TIMEOUT(catalog.count() > 100 && !office().busy(), syncTimeoutMs);

    type(milk);
    key(Qt::Key_Tab);
    type(u"5.25"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(office().message().startsWith(u"DAI-0001 costs "_s),
                              qPrintable(office().message()), syncTimeoutMs);
    QVERIFY(office().message().endsWith(u" now"_s));
    QTRY_COMPARE_WITH_TIMEOUT(
        catalog.rowObject(catalog.find(u"sku"_s, milk)).value(u"price"_s).toInteger(), 525,
        syncTimeoutMs);

    // From a later time: listed as scheduled, the price stays until then; Delete cancels it.
    fill("priceNew", u"5.50"_s);
    fill("priceWhen", u"2030-01-01 06:00"_s);
    key(Qt::Key_Return);
    ReportModel& scheduled = *office().scheduled();
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 1, syncTimeoutMs);
    QCOMPARE(scheduled.rowObject(0).value(u"price"_s).toInteger(), 550);
    QCOMPARE(scheduled.rowObject(0).value(u"createdBy"_s).toString(), fixtures::manager);
    QTRY_COMPARE(catalog.rowObject(catalog.find(u"sku"_s, milk)).value(u"price"_s).toInteger(),
                 525);
    item("scheduledTable")->forceActiveFocus();
    key(Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 0, syncTimeoutMs);

    // Bad input is named and nothing is sent.
    fill("bulkGroup", u"Dairy"_s);
    fill("bulkPercent", u"ten"_s);
    key(Qt::Key_F3);
    QTRY_COMPARE(office().message(), u"Percent: a number such as 5 or -2.5"_s);
    fill("bulkPercent", u"10"_s);
    key(Qt::Key_F3);
    QTRY_VERIFY_WITH_TIMEOUT(office().message().endsWith(u"price(s) changed"_s) ||
                                 office().message().endsWith(u"prices changed"_s),
                             syncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        catalog.rowObject(catalog.find(u"sku"_s, milk)).value(u"price"_s).toInteger(), 578,
        syncTimeoutMs); // 5.25 + 10 % = 5.775, rounded half-even by the server
}

void tst_BackOffice::terminalsListRevokeAndPair()
{
    QVERIFY(startServer());
    QVERIFY(openApp(u"MGR-01"_s, m_managerToken, m_server->url(), fixtures::manager,
                    fixtures::managerPin));
    QVERIFY(elevateOnManagerTerminal());
    key(Qt::Key_7, Qt::ControlModifier);
    ReportModel& terminals = *office().terminals();
    QTRY_VERIFY_WITH_TIMEOUT(terminals.count() == 2 && !office().busy(), syncTimeoutMs);
    const int manager = terminals.find(u"terminal"_s, u"MGR-01"_s);
    const int till = terminals.find(u"terminal"_s, u"POS-01"_s);
    QVERIFY(manager >= 0 && till >= 0);
    QCOMPARE(terminals.rowObject(manager).value(u"online"_s).toBool(), true);
    QCOMPARE(terminals.rowObject(manager).value(u"role"_s).toString(), u"manager"_s);
    QCOMPARE(terminals.rowObject(till).value(u"online"_s).toBool(), false);

    // Revoke POS-01: F4 asks, F4 again does it.
    QQuickItem* table = item("terminalsTable");
    table->setProperty("currentRow", till);
    key(Qt::Key_F4);
    QTest::qWait(100);
    QCOMPARE(terminals.rowObject(till).value(u"revoked"_s).toBool(), false);
    key(Qt::Key_F4);
    QTRY_VERIFY_WITH_TIMEOUT(terminals.rowObject(terminals.find(u"terminal"_s, u"POS-01"_s))
                                 .value(u"revoked"_s)
                                 .toBool(),
                             syncTimeoutMs);
    WireClient revoked;
    QVERIFY(revoked.open(m_server->url()));
    QVERIFY(revoked.hello(u"POS-01"_s, m_posToken).isEmpty());

    fill("pairTerminal", u"POS-07"_s);
    key(Qt::Key_F3);
    QTRY_VERIFY_WITH_TIMEOUT(!office().pairingCode().isEmpty(), syncTimeoutMs);
    QCOMPARE(item("pairingCode")->property("text").toString(), office().pairingCode());
    QVERIFY2(office().message().startsWith(u"Pair POS-07 with code "_s),
             qPrintable(office().message()));
}

QTEST_MAIN(tst_BackOffice)
#include "tst_backoffice.moc"
