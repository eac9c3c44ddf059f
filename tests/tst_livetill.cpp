// The till against a real stockline-server process over real sockets on 127.0.0.1: the
// real Main.qml driven by key events offscreen, as a clerk with a scanner drives it, and the
// server's stock, ledger and verify checked from outside with its own command line.

#include "cartmodel.h"
#include "cashdrawer.h"
#include "catalog.h"
#include "client.h"
#include "dayview.h"
#include "notices.h"
#include "poscontext.h"
#include "posfixture.h"
#include "qmlscreen.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "serverprocess.h"
#include "staffmodel.h"
#include "staffsession.h"
#include "stockholds.h"
#include "stockreplica.h"
#include "syncproblemsmodel.h"
#include "syncstatus.h"
#include "till.h"
#include "transport.h"
#include "wireclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

using namespace stockline;
using namespace stockline::qml;

namespace {

QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const QString milkBarcode = QStringLiteral("5051866038503"); // DAI-0001, 24 on the store floor
const QString milk = QStringLiteral("DAI-0001");
const QString oatDrink = QStringLiteral("DAI-0025"); // 1 on the store floor: the last unit
const QString floorLocation = QStringLiteral("store-1");
constexpr int syncTimeoutMs = 20'000;

struct Level
{
    qint64 onHand = -1;
    qint64 reserved = -1;
    qint64 version = -1;
};

// A till on its own store file, connected to the server as `terminal`.
class LiveTill
{
public:
    [[nodiscard]] bool open(const QUrl& server, const QString& terminal, const QString& token)
    {
        if (!m_dir.isValid())
            return false;
        PosOptions options;
        options.storePath = m_dir.filePath(QStringLiteral("till.db"));
        options.terminal = terminal;
        options.location = floorLocation;
        options.storeName = QStringLiteral("Live Store");
        options.printer = printerFile();
        options.receiptFolder = m_dir.filePath(QStringLiteral("receipts"));
        options.server = server;
        options.token = token;
        auto context = PosContext::open(options);
        if (!context) {
            qWarning() << context.error().toString();
            return false;
        }
        m_context = std::move(context).value();
        return true;
    }

    // Online, with the catalog and the floorLocation's levels in the replica.
    [[nodiscard]] bool waitUntilSynced()
    {
        Catalog catalog(m_context->store());
        return QTest::qWaitFor(
            [&] {
                const auto product = catalog.bySku(oatDrink);
                const auto level = m_context->replica().level(oatDrink, floorLocation);
                return m_context->sync().online() && product && product->has_value() && level &&
                       level->has_value();
            },
            syncTimeoutMs);
    }

    [[nodiscard]] bool waitUntilAllSent()
    {
        return QTest::qWaitFor([this] { return m_context->client()->pendingCount() == 0; },
                               syncTimeoutMs);
    }

    // A till takes payments from an open drawer.
    [[nodiscard]] bool openDrawer()
    {
        return m_context->drawer().openDrawer(QStringLiteral("100"));
    }

    [[nodiscard]] QString printerFile() const { return m_dir.filePath(QStringLiteral("lp0")); }
    [[nodiscard]] PosContext& context() { return *m_context; }
    [[nodiscard]] Till& till() { return m_context->till(); }
    [[nodiscard]] CartModel& cart() { return *m_context->till().cart(); }
    [[nodiscard]] QString holdText(int row)
    {
        return cart().data(cart().index(row), CartModel::HoldTextRole).toString();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PosContext> m_context;
};

} // namespace

class tst_LiveTill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        m_warnings.emplace();
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(
            m_dir.filePath(QStringLiteral("server-%1.db").arg(++m_runs)));
        QVERIFY(m_server->loadSampleStore());
        QVERIFY(m_server->addSampleStaff());
        m_tokens.clear();
        for (const QString& id : {QStringLiteral("POS-01"), QStringLiteral("POS-02")}) {
            m_tokens.append(m_server->addTerminal(id, QStringLiteral("pos")));
            QVERIFY(!m_tokens.last().isEmpty());
        }
        m_managerToken = m_server->addTerminal(QStringLiteral("MGR-01"), QStringLiteral("manager"));
        QVERIFY(!m_managerToken.isEmpty());
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_engine.reset();
        m_tills.clear();
        m_server.reset();
        const QString warnings = m_warnings->finish();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    // Scan, see the line held by the server, pay cash, print: the server's stock goes down by
    // exactly the sale, its ledger replays, and the sale went as confirmed with its hold.
    void endToEnd_scanHeldPayCashPrinted()
    {
        LiveTill& till = startTillOnScreen(0);
        openDrawerOnScreen(till);
        const Level before = stock(milk);
        QCOMPARE(before.onHand, 24);

        scan(milkBarcode);
        QTRY_COMPARE(till.cart().count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(lineShown(0), QStringLiteral("held"), syncTimeoutMs);
        QCOMPARE(stock(milk).reserved, 1); // the server holds it for this till

        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till.till().paying());
        QTest::keyClick(m_window, Qt::Key_F1); // exact cash
        QTRY_COMPARE(till.context().journal().count().value(), 1);
        const QString receipt = till.till().lastReceipt();
        QVERIFY(till.waitUntilAllSent());

        const auto sale = till.context().journal().find(receipt);
        QVERIFY(sale);
        QVERIFY(!sale->offline);
        QCOMPARE(sale->syncStatus, OutboxEntry::Status::Applied);
        const QJsonObject payload = till.context().outbox().entry(sale->seq)->payload;
        QCOMPARE(payload.value(QLatin1String("offline")).toBool(), false);
        QVERIFY(!payload.value(QLatin1String("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("reservation"))
                     .toString()
                     .isEmpty());

        const Level after = stock(milk);
        QCOMPARE(after.onHand, before.onHand - 1);
        QCOMPARE(after.reserved, 0);
        QCOMPARE(ledgerRowsFor(receipt), 1);
        QVERIFY(verified());
        QTRY_VERIFY(printed(till).contains(receipt.toLatin1()));
        QVERIFY(printed(till).contains("Served by Alex")); // who signed in on the screen
        QCOMPARE(sale->staff, fixtures::cashier);
    }

    // A scale's label of 0.532 kg of bananas (sold by the kg): the server holds 532 g while
    // it is in the cart and takes 532 g off its stock when it is paid; the ledger replays, and
    // the receipt says what was weighed.
    void weighedLabel_takesItsGramsOffTheServer()
    {
        LiveTill& till = startTillOnScreen(0);
        openDrawerOnScreen(till);
        const QString bananas = QStringLiteral("PRD-0001");
        const Level before = stock(bananas);
        QCOMPARE(before.onHand, 24'000); // 24 kg in grams

        scan(fixtures::embedded(fixtures::bananaLookup, 532));
        QTRY_COMPARE(till.cart().count(), 1);
        QCOMPARE(till.cart().line(0).receipt.qty, 532);
        QTRY_COMPARE_WITH_TIMEOUT(lineShown(0), QStringLiteral("held"), syncTimeoutMs);
        QCOMPARE(stock(bananas).reserved, 532);

        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till.till().paying());
        QTest::keyClick(m_window, Qt::Key_F1); // exact cash
        QTRY_COMPARE(till.context().journal().count().value(), 1);
        const QString receipt = till.till().lastReceipt();
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(till.context().journal().find(receipt)->syncStatus, OutboxEntry::Status::Applied);

        const Level after = stock(bananas);
        QCOMPARE(after.onHand, before.onHand - 532);
        QCOMPARE(after.reserved, 0);
        QCOMPARE(ledgerRowsFor(receipt), 1);
        QVERIFY(verified());
        QTRY_VERIFY(printed(till).contains("0.532 kg x "));
        QVERIFY(printed(till).contains("/kg"));
    }

    // The server dies (SIGKILL, as a power cut): the till sells on, the line says so, and the
    // sale reaches the restarted server exactly once.
    void offline_saleArrivesOnceWhenTheServerIsBack()
    {
        LiveTill& till = startTillOnScreen(0);
        openDrawerOnScreen(till);
        const Level before = stock(milk);
        const quint16 port = m_server->port();
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!till.context().sync().online(), syncTimeoutMs);

        scan(milkBarcode);
        QTRY_COMPARE(till.cart().count(), 1);
        QTRY_COMPARE(lineShown(0), QStringLiteral("offline — not confirmed"));
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till.till().paying());
        QTest::keyClick(m_window, Qt::Key_F1);
        QTRY_COMPARE(till.context().journal().count().value(), 1);
        const QString receipt = till.till().lastReceipt();
        QVERIFY(till.context().journal().find(receipt)->offline);
        QCOMPARE(till.context().sync().pending(), 1);

        QVERIFY(m_server->start(port));
        QTRY_VERIFY_WITH_TIMEOUT(till.context().sync().online(), 40'000);
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(till.context().journal().find(receipt)->syncStatus, OutboxEntry::Status::Applied);
        // Restart the server once more: the till's hello resends nothing new.
        QCOMPARE(m_server->terminate(), 0);
        QVERIFY(m_server->start(port));
        QTRY_VERIFY_WITH_TIMEOUT(till.context().sync().online(), 40'000);

        const Level after = stock(milk);
        QCOMPARE(after.onHand, before.onHand - 1);
        QCOMPARE(after.reserved, 0);
        QCOMPARE(ledgerRowsFor(receipt), 1);
        QVERIFY(verified());
    }

    // Receipt numbers never repeat (issue 18): a till sells (the last one offline), syncs, and
    // is reinstalled with a fresh store. Before the server's welcome it refuses to number a
    // sale; after it, it continues after the highest number the server holds.
    void receiptNumbers_reinstalledTillContinuesAfterTheServer()
    {
        {
            LiveTill& first = startTill(0);
            QVERIFY(sellMilk(first.context(), false));
            QVERIFY(sellMilk(first.context(), true));
            QVERIFY(first.waitUntilAllSent());
            m_tills.clear(); // the old till is gone with its store
        }
        LiveTill reinstalled;
        QVERIFY(reinstalled.open(m_server->url(), QStringLiteral("POS-01"), m_tokens.at(0)));
        const Result<RecordedSale> refused = sale(reinstalled.context(), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("receipt"));
        QVERIFY(refused.error().message.startsWith(
            QStringLiteral("This till has not reached the server since it was set up")));
        QCOMPARE(reinstalled.context().journal().count().value(), 0);

        reinstalled.context().startSync();
        QVERIFY(reinstalled.waitUntilSynced());
        const Result<RecordedSale> again = sale(reinstalled.context(), false);
        QVERIFY2(again, again ? "" : qPrintable(again.error().toString()));
        QCOMPARE(again->receipt, QStringLiteral("POS-01-000003"));
        QVERIFY(reinstalled.waitUntilAllSent());
        QCOMPARE(reinstalled.context().journal().find(again->receipt)->syncStatus,
                 OutboxEntry::Status::Applied);
    }

    // Refunds at any till (issue 18): a receipt of till 1 is fetched from the server at till
    // 2, shown with what is still refundable, and refunded there; the server takes the milk
    // back, and the receipt then shows one left to refund.
    void refundAtAnotherTill_fetchesTheReceiptFromTheServer()
    {
        LiveTill& first = startTill(0);
        QVERIFY(first.openDrawer());
        const Level before = stock(milk);
        const Result<RecordedSale> sold = sale(first.context(), false, 2);
        QVERIFY2(sold, sold ? "" : qPrintable(sold.error().toString()));
        QVERIFY(first.waitUntilAllSent());

        LiveTill& second = startTill(1);
        QVERIFY(second.openDrawer());
        ReturnsModel& returns = *second.till().returns();
        QVERIFY(returns.load(sold->receipt));
        QVERIFY(returns.fetching());
        QTRY_VERIFY_WITH_TIMEOUT(returns.loaded(), syncTimeoutMs);
        QCOMPARE(returns.rowCount(), 1);
        QCOMPARE(returns.data(returns.index(0), ReturnsModel::ReturnableRole).toLongLong(), 2);
        returns.setChosen(0, 1);
        QVERIFY(returns.refund(true, fixtures::manager, false));
        QVERIFY(second.waitUntilAllSent());
        QCOMPARE(second.context().returns().count().value(), 1);
        QCOMPARE(stock(milk).onHand, before.onHand - 1);

        QVERIFY(returns.load(sold->receipt));
        QTRY_VERIFY_WITH_TIMEOUT(returns.loaded(), syncTimeoutMs);
        QCOMPARE(returns.data(returns.index(0), ReturnsModel::ReturnedRole).toLongLong(), 1);
        QCOMPARE(returns.data(returns.index(0), ReturnsModel::ReturnableRole).toLongLong(), 1);
        QCOMPARE(second.context().sync().problems()->rowCount(), 0);
    }

    // Two tills refund the same unit: till 2 shows the receipt while till 1 refunds it from
    // its own journal. The server takes the first refund and refuses the second for what was
    // left; till 2's problems panel says so in words. Never refunded twice on the server.
    // Made offline (the money already went back), the second is kept as a refund exception,
    // and the panel says that instead.
    void refundRace_theSecondIsRefusedWithWhatWasLeft_data()
    {
        QTest::addColumn<bool>("offline");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("detail");
        QTest::newRow("online") << false
                                << QStringLiteral("A refund was more than was left to refund")
                                << QStringLiteral("line 1 (%1): 0 left").arg(milk);
        QTest::newRow("offline") << true
                                 << QStringLiteral(
                                        "An offline refund went beyond what was left to refund")
                                 << QStringLiteral("line 1: 1 beyond what was left");
    }
    void refundRace_theSecondIsRefusedWithWhatWasLeft()
    {
        QFETCH(bool, offline);
        QFETCH(QString, title);
        QFETCH(QString, detail);
        LiveTill& first = startTill(0);
        QVERIFY(first.openDrawer());
        const Result<RecordedSale> sold = sale(first.context(), false, 1);
        QVERIFY(sold);
        QVERIFY(first.waitUntilAllSent());
        const Level afterSale = stock(milk);

        LiveTill& second = startTill(1);
        QVERIFY(second.openDrawer());
        ReturnsModel& atSecond = *second.till().returns();
        QVERIFY(atSecond.load(sold->receipt));
        QTRY_VERIFY_WITH_TIMEOUT(atSecond.loaded(), syncTimeoutMs);
        atSecond.setChosen(0, 1);

        ReturnsModel& atFirst = *first.till().returns();
        QVERIFY(atFirst.load(sold->receipt));
        atFirst.setChosen(0, 1);
        QVERIFY(atFirst.refund(true, fixtures::manager, false));
        QVERIFY(first.waitUntilAllSent());

        QVERIFY(atSecond.refund(true, fixtures::manager, offline));
        QVERIFY(second.waitUntilAllSent());
        SyncProblemsModel& problems = *second.context().sync().problems();
        QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 1, syncTimeoutMs);
        QCOMPARE(problems.problems().at(0).title, title);
        QVERIFY2(problems.problems().at(0).detail.contains(detail),
                 qPrintable(problems.problems().at(0).detail));
        if (!offline)
            QCOMPARE(stock(milk).onHand, afterSale.onHand + 1); // back once, not twice
        QCOMPARE(first.context().sync().problems()->count(), 0);
    }

    // The manager's day (issue 18): a till sells; the manager's terminal asks the server for
    // the store's day and shows that till's takings, the cash taken and its open drawer.
    void managersDay_showsTheTillsTakingsAndOpenDrawer()
    {
        LiveTill& first = startTill(0);
        QVERIFY(first.openDrawer());
        QVERIFY(sellMilk(first.context(), false));
        QVERIFY(first.waitUntilAllSent());

        LiveTill manager;
        QVERIFY(manager.open(m_server->url(), QStringLiteral("MGR-01"), m_managerToken));
        manager.context().startSync();
        QTRY_VERIFY_WITH_TIMEOUT(manager.context().sync().online(), syncTimeoutMs);
        DayView& day = *manager.context().drawer().day();
        QVERIFY(day.load());
        QTRY_VERIFY_WITH_TIMEOUT(!day.loading(), syncTimeoutMs);
        QCOMPARE(day.error(), QString());
        QVERIFY2(day.summaryText().startsWith(QStringLiteral("1 sales")),
                 qPrintable(day.summaryText()));
        DayRows& tills = *day.tills();
        bool found = false;
        for (int row = 0; row < tills.rowCount(); ++row) {
            if (tills.data(tills.index(row), DayRows::LabelRole).toString() ==
                QStringLiteral("POS-01")) {
                found = true;
                QVERIFY(tills.data(tills.index(row), DayRows::FirstRole)
                            .toString()
                            .startsWith(QStringLiteral("1 sales")));
            }
        }
        QVERIFY(found);
        QVERIFY(day.tenders()->rowCount() >= 1);
        QCOMPARE(day.openDrawers(), QStringList{QStringLiteral("POS-01-C000001")});
    }

    // Two tills on two stores want the last unit: the first holds it and sells it; the
    // second is told before it takes payment.
    void twoTills_lastUnit_oneHoldsItTheOtherSeesOnlyZeroLeft()
    {
        LiveTill& first = startTill(0);
        LiveTill& second = startTill(1);
        QVERIFY(first.openDrawer());
        QCOMPARE(stock(oatDrink).onHand, 1);

        QVERIFY(first.till().addSku(oatDrink));
        QTRY_COMPARE_WITH_TIMEOUT(first.holdText(0), QStringLiteral("held"), syncTimeoutMs);
        QVERIFY(second.till().addSku(oatDrink));
        QTRY_COMPARE_WITH_TIMEOUT(second.holdText(0), QStringLiteral("only 0 left"), syncTimeoutMs);
        QCOMPARE(second.cart().hold(0), CartModel::Hold::Short);
        QVERIFY(!second.till().holds().allConfirmed());

        QVERIFY(first.till().startPayment());
        QVERIFY(first.till().tenderCash(QString()));
        QVERIFY(first.waitUntilAllSent());
        second.till().cancelSale();
        QVERIFY(second.waitUntilAllSent());

        const Level after = stock(oatDrink);
        QCOMPARE(after.onHand, 0);
        QCOMPARE(after.reserved, 0);
        QVERIFY(verified());
    }

    // Every change of the cart moves the server's holds: a quantity change re-reserves, a void
    // and a cancelled sale release at once.
    void holds_followQuantityVoidAndCancel()
    {
        LiveTill& till = startTill(0);
        QVERIFY(till.till().addSku(milk));
        QTRY_COMPARE_WITH_TIMEOUT(till.holdText(0), QStringLiteral("held"), syncTimeoutMs);
        QCOMPARE(stock(milk).reserved, 1);
        QVERIFY(till.till().setQuantity(0, QStringLiteral("3")));
        QTRY_COMPARE_WITH_TIMEOUT(till.holdText(0), QStringLiteral("held"), syncTimeoutMs);
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(stock(milk).reserved, 3);
        QVERIFY(till.till().setQuantity(0, QStringLiteral("30"))); // 24 on the floor
        QTRY_COMPARE_WITH_TIMEOUT(till.holdText(0), QStringLiteral("only 24 left"), syncTimeoutMs);
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(stock(milk).reserved, 0); // the old hold went with the change

        QVERIFY(till.till().voidLine(0));
        QVERIFY(till.till().addSku(milk));
        QVERIFY(till.till().addSku(oatDrink));
        QTRY_COMPARE_WITH_TIMEOUT(till.holdText(1), QStringLiteral("held"), syncTimeoutMs);
        QTRY_COMPARE(till.holdText(0), QStringLiteral("held"));
        QVERIFY(till.till().voidLine(1));
        QTRY_COMPARE(till.till().holds().liveCount(), 1); // the release is written
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(stock(oatDrink).reserved, 0);
        QCOMPARE(stock(milk).reserved, 1);
        till.till().cancelSale();
        QTRY_COMPARE(till.till().holds().liveCount(), 0);
        QVERIFY(till.waitUntilAllSent());
        QCOMPARE(stock(milk).reserved, 0);
        QVERIFY(verified());
    }

    // A sale sent as confirmed whose hold the server cut (a count below it) is refused for
    // stock; the till sends it again as an offline sale, which lands as a shortage, and tells
    // the clerk in the problems panel. A paid sale is never bounced.
    void confirmedSaleRefused_isSentAgainAsOfflineAndLands()
    {
        LiveTill& till = startTill(0);
        QVERIFY(till.openDrawer());
        QVERIFY(till.till().addSku(oatDrink));
        QTRY_COMPARE_WITH_TIMEOUT(till.holdText(0), QStringLiteral("held"), syncTimeoutMs);

        WireClient manager;
        QVERIFY(manager.open(m_server->url()));
        QCOMPARE(manager.hello(QStringLiteral("MGR-01"), m_managerToken)
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("welcome"));
        manager.push(
            {WireClient::mutation(1, QStringLiteral("count"),
                                  {{QStringLiteral("sku"), oatDrink},
                                   {QStringLiteral("location"), floorLocation},
                                   {QStringLiteral("counted"), 0},
                                   {QStringLiteral("expectedVersion"), stock(oatDrink).version}})});
        const QList<QJsonObject> counted = manager.takeResults(1);
        QCOMPARE(counted.size(), 1);
        QCOMPARE(counted.at(0).value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        QTRY_COMPARE_WITH_TIMEOUT(till.cart().line(0).available, 0, syncTimeoutMs);
        QVERIFY(till.till().holds().allConfirmed()); // the till cannot know its hold was cut

        QVERIFY(till.till().startPayment());
        QVERIFY(till.till().tenderCash(QString()));
        const QString receipt = till.till().lastReceipt();
        const qint64 firstSeq = till.context().journal().find(receipt)->seq;
        QVERIFY(!till.context().journal().find(receipt)->offline);
        QVERIFY(till.waitUntilAllSent());

        const auto sale = till.context().journal().find(receipt);
        QVERIFY(sale->offline);
        QVERIFY(sale->seq > firstSeq);
        QCOMPARE(sale->syncStatus, OutboxEntry::Status::Applied);
        QCOMPARE(till.context().outbox().entry(firstSeq)->status, OutboxEntry::Status::Rejected);
        SyncProblemsModel& problems = *till.context().sync().problems();
        QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 2, syncTimeoutMs);
        QCOMPARE(problems.problems().at(0).title,
                 QStringLiteral("A sale was sent again as an offline sale"));
        QCOMPARE(problems.problems().at(1).kind, SyncProblem::Kind::Shortage);
        QVERIFY(problems.problems().at(1).detail.contains(receipt));

        const Level after = stock(oatDrink);
        QCOMPARE(after.onHand, 0);
        QCOMPARE(after.reserved, 0);
        QVERIFY(m_server
                    ->admin({QStringLiteral("stock"), QStringLiteral("show"),
                             QStringLiteral("--sku"), oatDrink})
                    .out.contains("open shortage exceptions: 1"));
        QVERIFY(verified());
    }

    // The token never on the command line, and only from a file its owner alone can read.
    void tokenFile_onlyOwnerOnly()
    {
        const QString token = m_dir.filePath(QStringLiteral("pos-01.token"));
        QFile file(token);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_tokens.at(0).toUtf8() + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                    QFile::ReadOther));
        const QStringList args{
            QStringLiteral("--store"),          m_dir.filePath(QStringLiteral("t.db")),
            QStringLiteral("--location"),       floorLocation,
            QStringLiteral("--server"),         m_server->url().toString(),
            QStringLiteral("--measure-startup")};
        auto run = [&](const QStringList& more) {
            QProcess till;
            till.start(QStringLiteral(STOCKLINE_BINARY_DIR "/app/terminal/stockline"), args + more);
            if (!till.waitForFinished(30'000))
                return qMakePair(-1, QString());
            return qMakePair(till.exitCode(), QString::fromUtf8(till.readAllStandardError() +
                                                                till.readAllStandardOutput()));
        };
        auto [code, output] = run({QStringLiteral("--token-file"), token});
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(QLatin1String("chmod 600")), qPrintable(output));
        std::tie(code, output) = run({});
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(QLatin1String("--token-file")), qPrintable(output));
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        std::tie(code, output) = run({QStringLiteral("--token-file"), token});
        QCOMPARE(code, 0);
        QVERIFY2(output.contains(QLatin1String("sale screen ready")), qPrintable(output));
    }

    // A manager changes the milk's price in the back office while a clerk has milk in the
    // cart: the till has the new price within a second, the line already rung up keeps the
    // price it was scanned at, the next scan takes the new one, and a sale paid before the
    // change keeps its own, on the till and on the server.
    void priceChange_appliesFromTheNextScanNeverToAPaidSale()
    {
        LiveTill& till = startTill(0);
        QVERIFY(till.openDrawer());
        Catalog catalog(till.context().store());
        const Money before = catalog.bySku(milk).value()->price;
        QVERIFY(!till.till().submit(milkBarcode, int(milkBarcode.size())).size());
        QVERIFY(till.till().startPayment());
        QVERIFY(till.till().tenderCash(QString()));
        const QString paid = till.till().lastReceipt();
        QVERIFY(!paid.isEmpty());
        QVERIFY(!till.till().submit(milkBarcode, int(milkBarcode.size())).size());
        QCOMPARE(till.cart().count(), 1);

        WireClient manager;
        QVERIFY(signInManager(manager));
        manager.send({{QStringLiteral("type"), QStringLiteral("products")},
                      {QStringLiteral("request"), QStringLiteral("p-1")},
                      {QStringLiteral("query"), milk}});
        const QJsonObject listed = manager.take(QStringLiteral("answer"))
                                       .value(QLatin1String("rows"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(listed.value(QLatin1String("price")).toInteger(), before.minor());
        const qint64 after = before.minor() + 50;
        manager.send({{QStringLiteral("type"), QStringLiteral("price")},
                      {QStringLiteral("request"), QStringLiteral("c-1")},
                      {QStringLiteral("id"), QStringLiteral("0a1b2c3d-price-change-1")},
                      {QStringLiteral("changes"),
                       QJsonArray{QJsonObject{{QStringLiteral("sku"), milk},
                                              {QStringLiteral("price"), after},
                                              {QStringLiteral("expectedVersion"),
                                               listed.value(QLatin1String("version"))}}}}});
        const QJsonObject answer = manager.take(QStringLiteral("answer"));
        QVERIFY2(answer.value(QLatin1String("ok")).toBool(), qPrintable(compactJson(answer)));
        QElapsedTimer sinceAnswer;
        sinceAnswer.start();
        QTRY_COMPARE_WITH_TIMEOUT(catalog.bySku(milk).value()->price.minor(), after, 1'000);
        qInfo() << "the till had the new price" << sinceAnswer.elapsed() << "ms after the answer";

        QCOMPARE(till.cart().line(0).receipt.unitPrice, before); // scanned before the change
        QVERIFY(!till.till().submit(milkBarcode, int(milkBarcode.size())).size());
        QCOMPARE(till.cart().count(), 2); // not merged: another price
        QCOMPARE(till.cart().line(1).receipt.unitPrice.minor(), after);
        QVERIFY(till.till().startPayment());
        QVERIFY(till.till().tenderCash(QString()));
        const QString second = till.till().lastReceipt();
        const auto sold = till.context().journal().find(second);
        QVERIFY(sold);
        QCOMPARE(sold->lines.at(0).unitPrice, before);
        QCOMPARE(sold->lines.at(1).unitPrice.minor(), after);
        QCOMPARE(till.context().journal().find(paid)->lines.at(0).unitPrice, before);
        QVERIFY(till.waitUntilAllSent());
        const ServerProcess::Run shown = m_server->admin(
            {QStringLiteral("receipt"), QStringLiteral("show"), paid, QStringLiteral("--json")});
        const QJsonObject stored = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(stored.value(QLatin1String("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("unitPrice"))
                     .toInteger(),
                 before.minor());
    }

    // The manager gives milk a second barcode: within a second the till on screen scans it
    // to milk; the manager takes it away again: the same scan is an unknown barcode.
    void extraBarcode_scansAtTheTillUntilTheManagerRemovesIt()
    {
        LiveTill& till = startTillOnScreen(0);
        openDrawerOnScreen(till);
        const QString second = QStringLiteral("4006381333931");
        Catalog catalog(till.context().store());
        QVERIFY(!catalog.byBarcode(second).value());

        WireClient manager;
        QVERIFY(signInManager(manager));
        const auto setBarcodes = [&](const QStringList& codes, const QString& id) {
            manager.send({{QStringLiteral("type"), QStringLiteral("products")},
                          {QStringLiteral("request"), QStringLiteral("l-") + id},
                          {QStringLiteral("query"), milk}});
            QJsonObject product = manager.take(QStringLiteral("answer"))
                                      .value(QLatin1String("rows"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
            const qint64 version = product.take(QLatin1String("version")).toInteger();
            product.insert(QStringLiteral("barcodes"), QJsonArray::fromStringList(codes));
            manager.send({{QStringLiteral("type"), QStringLiteral("product")},
                          {QStringLiteral("request"), QStringLiteral("p-") + id},
                          {QStringLiteral("id"), QStringLiteral("0a1b2c3d-barcodes-") + id},
                          {QStringLiteral("expectedVersion"), version},
                          {QStringLiteral("product"), product}});
            const QJsonObject answer = manager.take(QStringLiteral("answer"));
            return answer.value(QLatin1String("ok")).toBool() ? QString() : compactJson(answer);
        };

        QCOMPARE(setBarcodes({milkBarcode, second}, QStringLiteral("1")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(catalog.byBarcode(second).value(), 1'000);
        scan(second);
        QTRY_COMPARE(till.cart().count(), 1);
        QCOMPARE(till.cart().line(0).receipt.sku, milk);
        scan(milkBarcode);
        QTRY_COMPARE(till.cart().line(0).receipt.qty, 2); // the same product, either code

        QCOMPARE(setBarcodes({milkBarcode}, QStringLiteral("2")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!catalog.byBarcode(second).value(), 1'000);
        scan(second);
        QTRY_VERIFY(till.context().notices().last().contains(
            QStringLiteral("Unknown barcode %1").arg(second)));
        QCOMPARE(till.cart().line(0).receipt.qty, 2);
    }

private:
    std::optional<fixtures::QmlWarnings> m_warnings;

    // One milk, paid exactly in cash, straight through the till's journal.
    static Result<RecordedSale> sale(PosContext& context, bool offline, qint64 qty = 1)
    {
        // A fresh store has no catalog before its first sync: the line is then made up (the
        // sale is refused before the catalog is looked at).
        const auto product = Catalog(context.store()).bySku(milk);
        const bool known = product && product->has_value();
        CompletedSale sale;
        sale.location = floorLocation;
        sale.staff = QStringLiteral("Alex");
        sale.lines = {ReceiptLine{milk, known ? (*product)->name : QStringLiteral("Milk"), qty,
                                  known ? (*product)->price : Money::fromMinor(100), Money(),
                                  known ? (*product)->taxRate : TaxRate(), QString()}};
        sale.payments = {Payment{QStringLiteral("cash"), totalsOf(sale.lines).total, QString()}};
        sale.offline = offline;
        return context.journal().record(sale);
    }
    static bool sellMilk(PosContext& context, bool offline)
    {
        const Result<RecordedSale> recorded = sale(context, offline);
        if (!recorded)
            qWarning() << recorded.error().toString();
        return bool(recorded);
    }

    // The manager terminal's back office, Morgan signed in with the PIN.
    [[nodiscard]] bool signInManager(WireClient& manager) const
    {
        if (!manager.open(m_server->url()) ||
            manager.hello(QStringLiteral("MGR-01"), m_managerToken).isEmpty())
            return false;
        manager.send({{QStringLiteral("type"), QStringLiteral("elevate")},
                      {QStringLiteral("request"), QStringLiteral("e-1")},
                      {QStringLiteral("staff"), fixtures::manager},
                      {QStringLiteral("pin"), fixtures::managerPin}});
        return manager.take(QStringLiteral("elevated")).value(QLatin1String("staff")).toString() ==
               fixtures::manager;
    }

    LiveTill& startTill(int terminal)
    {
        auto till = std::make_unique<LiveTill>();
        const QString id = QStringLiteral("POS-0%1").arg(terminal + 1);
        if (!till->open(m_server->url(), id, m_tokens.at(terminal)))
            qFatal("the till did not open");
        till->context().startSync();
        if (!till->waitUntilSynced())
            qFatal("the till did not sync with the server");
        if (!fixtures::signIn(till->context()))
            qFatal("the cashier could not sign in with the staff list from the server");
        m_tills.push_back(std::move(till));
        return *m_tills.back();
    }

    // The till with Main.qml loaded offscreen; one per process (the QML singletons).
    LiveTill& startTillOnScreen(int terminal)
    {
        auto till = std::make_unique<LiveTill>();
        if (!till->open(m_server->url(), QStringLiteral("POS-0%1").arg(terminal + 1),
                        m_tokens.at(terminal)))
            qFatal("the till did not open");
        till->context().exposeToQml();
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = fixtures::loadScreen(*m_engine, QStringLiteral("Main.qml"));
        if (!m_window)
            qFatal("Main.qml did not load");
        m_window->requestActivate();
        if (!QTest::qWaitForWindowExposed(m_window))
            qFatal("the window was not exposed");
        till->context().startSync();
        if (!till->waitUntilSynced())
            qFatal("the till did not sync with the server");
        signInOnScreen(till->context().staff());
        m_tills.push_back(std::move(till));
        return *m_tills.back();
    }

    // The staff list arrives from the server; the first name (Alex) is chosen; the clerk types
    // the PIN and Enter on the sign-in screen that covers the till.
    void signInOnScreen(StaffSession& staff)
    {
        if (!QTest::qWaitFor([&] { return staff.people()->count() > 0; }, syncTimeoutMs))
            qFatal("the staff list did not arrive from the server");
        for (const QChar c : fixtures::cashierPin)
            QTest::keyClick(m_window, c.toLatin1());
        QTest::keyClick(m_window, Qt::Key_Return);
        if (!QTest::qWaitFor([&] { return staff.signedIn(); }, syncTimeoutMs))
            qFatal("%s", qPrintable(QStringLiteral("could not sign in on screen: ") +
                                    staff.errorString()));
    }

    // A scanner's burst and Enter. keyClick's delay does not reach a QWindow in Qt 6.4.
    void scan(const QString& code)
    {
        for (const QChar c : code)
            QTest::keyClick(m_window, c.toLatin1());
        QTest::keyClick(m_window, Qt::Key_Return);
    }

    // As the clerk starts the day: Ctrl+D, F2, the float and Enter, then Esc back to the sale.
    void openDrawerOnScreen(LiveTill& till)
    {
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("cash"));
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_VERIFY(m_window->findChild<QObject*>(QStringLiteral("floatDialog"))
                        ->property("opened")
                        .toBool());
        for (const QChar c : QStringLiteral("100"))
            QTest::keyClick(m_window, c.toLatin1());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(till.context().drawer().isOpen());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("sell"));
        QTRY_VERIFY(
            m_window->findChild<QQuickItem*>(QStringLiteral("scanField"))->hasActiveFocus());
    }

    // What the cart line's delegate on screen says about its stock.
    QString lineShown(int row) const
    {
        auto* view = m_window->findChild<QQuickItem*>(QStringLiteral("cartView"));
        if (!view)
            return {};
        auto* content = view->property("contentItem").value<QQuickItem*>();
        const QList<QQuickItem*> items = content ? content->childItems() : QList<QQuickItem*>();
        for (QQuickItem* item : items) {
            if (item->property("index").toInt() == row && item->property("holdText").isValid())
                return item->property("holdText").toString();
        }
        return {};
    }

    // The server's level at the store floorLocation, from `stockline-server stock show --sku`.
    Level stock(const QString& sku) const
    {
        const ServerProcess::Run run = m_server->admin(
            {QStringLiteral("stock"), QStringLiteral("show"), QStringLiteral("--sku"), sku});
        // A product sold by the kg shows "24.000 kg": read back as grams.
        const QString figure = QStringLiteral("(\\d+(?:\\.\\d{3} kg)?)");
        const QRegularExpression row(
            QStringLiteral("^%1\\s+%2\\s+%3\\s+%3\\s+%3\\s+(\\d+)")
                .arg(QRegularExpression::escape(sku), floorLocation, figure),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = row.match(QString::fromUtf8(run.out));
        if (run.exitCode != 0 || !match.hasMatch()) {
            qWarning().noquote() << "stock show:" << run.exitCode << run.out << run.err;
            return {};
        }
        const auto number = [&match](int i) {
            return match.captured(i).remove(QStringLiteral(" kg")).remove(u'.').toLongLong();
        };
        return Level{number(1), number(2), number(4)};
    }

    [[nodiscard]] bool verified() const
    {
        const ServerProcess::Run run = m_server->admin({QStringLiteral("verify")});
        if (run.exitCode != 0)
            qWarning().noquote() << "verify:" << run.out << run.err;
        return run.exitCode == 0;
    }

    // Ledger rows of the server that name the sale and take stock (not its audit rows).
    int ledgerRowsFor(const QString& receipt) const
    {
        QSqlDatabase db =
            TestDatabase::openRaw(m_server->database(), QStringLiteral("ledger-check"));
        int rows = -1;
        {
            if (db.isOpen()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM ledger WHERE detail LIKE ? AND "
                                         "on_hand_delta <> 0"));
                q.addBindValue(QStringLiteral("%\"sale\":\"%1\"%").arg(receipt));
                if (q.exec() && q.next())
                    rows = q.value(0).toInt();
                else
                    qWarning() << q.lastError().text();
            }
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("ledger-check"));
        return rows;
    }

    QByteArray printed(LiveTill& till) const
    {
        QFile file(till.printerFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    int m_runs = 0;
    std::unique_ptr<ServerProcess> m_server;
    QStringList m_tokens;
    QString m_managerToken;
    std::vector<std::unique_ptr<LiveTill>> m_tills;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

QTEST_MAIN(tst_LiveTill)
#include "tst_livetill.moc"
