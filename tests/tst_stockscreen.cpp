// The stock and shortage screens of the real Main.qml, offscreen, driven by keys, on a till
// connected as a manager terminal to a real stockline-server process with the sample store:
// search and filters, a change pushed by another terminal flashing, a SKU's history with its
// chart, and a shortage from another till's offline sale resolved with a manager's PIN.

#include "exceptionsmodel.h"
#include "historymodel.h"
#include "poscontext.h"
#include "posfixture.h"
#include "qmlscreen.h"
#include "serverprocess.h"
#include "stockmodel.h"
#include "stockreplica.h"
#include "stockviews.h"
#include "syncstatus.h"
#include "wireclient.h"

#include <QJsonArray>
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
const QString milk = u"DAI-0001"_s;     // 24 on the store floor
const QString oatDrink = u"DAI-0025"_s; // 1 on the store floor
} // namespace

class tst_StockScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        m_warnings.emplace();
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server-%1.db"_s.arg(++m_runs)));
        QVERIFY(m_server->loadSampleStore());
        QVERIFY(m_server->addSampleStaff());
        m_posToken = m_server->addTerminal(u"POS-01"_s, u"pos"_s);
        const QString managerToken = m_server->addTerminal(u"MGR-01"_s, u"manager"_s);
        QVERIFY(!m_posToken.isEmpty() && !managerToken.isEmpty());
        QVERIFY(m_server->start());

        PosOptions options;
        options.storePath = m_dir.filePath(u"till-%1.db"_s.arg(m_runs));
        options.terminal = u"MGR-01"_s;
        options.location = u"store-1"_s;
        options.receiptFolder = m_dir.filePath(u"receipts"_s);
        options.server = m_server->url();
        options.token = managerToken;
        auto context = PosContext::open(options);
        QVERIFY2(context, qPrintable(context ? QString() : context.error().toString()));
        m_context = std::move(context).value();
        m_context->startSync();
        QTRY_VERIFY_WITH_TIMEOUT(m_context->sync().online(), syncTimeoutMs);
        QVERIFY(fixtures::signIn(*m_context)); // Alex, a cashier: resolving needs approval

        m_context->exposeToQml();
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = fixtures::loadScreen(*m_engine, QStringLiteral("Main.qml"));
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // A manager terminal opens on the back office (issue 20): Ctrl+Q leaves it.
        QTRY_COMPARE(screen(), u"backoffice"_s);
        QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(item("scanField") && item("scanField")->hasActiveFocus());
    }

    void cleanup()
    {
        m_engine.reset();
        m_context.reset();
        m_server.reset();
        const QString warnings = m_warnings->finish();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    void searchAndFilterByKeys()
    {
        openStock();
        StockModel& levels = *m_context->stock().levels();
        type(u"whole milk"_s);
        QTRY_VERIFY(!levels.filtering() && levels.searchText() == u"whole milk"_s);
        QVERIFY(levels.count() > 0 && levels.count() < levels.totalCount());
        QTRY_COMPARE(item("stockView")->property("count").toInt(), levels.count());
        const int bothLocations = levels.count();

        QTest::keyClick(m_window, Qt::Key_F2); // the first location
        QTRY_COMPARE(levels.location(), u"backroom-1"_s);
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_COMPARE(levels.location(), u"store-1"_s);
        QTRY_COMPARE(item("stockView")->property("count").toInt(), bothLocations / 2);

        QTest::keyClick(m_window, Qt::Key_F3); // low stock only
        QTRY_VERIFY(levels.lowOnly() && !levels.filtering());
        QVERIFY(levels.count() < bothLocations / 2);
        for (int row = 0; row < levels.count(); ++row)
            QVERIFY(levels.index(row).data(StockModel::LowRole).toBool());
        QTRY_COMPARE(item("stockView")->property("count").toInt(), levels.count());
        QTest::keyClick(m_window, Qt::Key_F3);
        QTRY_COMPARE(item("stockView")->property("count").toInt(), bothLocations / 2);

        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(screen(), u"sell"_s);
    }

    void aSaleElsewhereFlashesItsRow()
    {
        openStock();
        type(milk);
        StockModel& levels = *m_context->stock().levels();
        QTRY_VERIFY(!levels.filtering() && levels.rowOf(milk, u"store-1"_s) >= 0);
        const int row = levels.rowOf(milk, u"store-1"_s);

        WireClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.hello(u"POS-01"_s, m_posToken).isEmpty());
        other.push(QJsonArray{WireClient::sale(1, u"S-ELSEWHERE"_s, u"store-1"_s,
                                               QJsonArray{WireClient::saleLine(milk, 2, 449)})});
        QCOMPARE(other.takeResults(1).value(0).value(u"status"_s).toString(), u"applied"_s);

        QTRY_COMPARE_WITH_TIMEOUT(levels.index(row).data(StockModel::OnHandRole).toLongLong(), 22,
                                  syncTimeoutMs);
        QQuickItem* shown = delegateAt(row);
        QVERIFY(shown);
        QVERIFY(shown->property("flashing").toBool());
        QCOMPARE(shown->property("onHand").toLongLong(), 22);
        QTRY_VERIFY_WITH_TIMEOUT(!shown->property("flashing").toBool(), StockModel::flashMs * 3);
    }

    void enterShowsTheHistoryWithItsChart()
    {
        WireClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.hello(u"POS-01"_s, m_posToken).isEmpty());
        other.push(QJsonArray{WireClient::sale(1, u"S-H1"_s, u"store-1"_s,
                                               QJsonArray{WireClient::saleLine(milk, 1, 449)}),
                              WireClient::sale(2, u"S-H2"_s, u"store-1"_s,
                                               QJsonArray{WireClient::saleLine(milk, 3, 449)})});
        QCOMPARE(other.takeResults(2).size(), 2);

        openStock();
        type(milk);
        StockModel& levels = *m_context->stock().levels();
        QTRY_VERIFY(!levels.filtering() && levels.count() == 2);
        QTest::keyClick(m_window, Qt::Key_F2); // backroom-1
        QTest::keyClick(m_window, Qt::Key_F2); // store-1
        QTRY_VERIFY(!levels.filtering() && levels.count() == 1 &&
                    levels.location() == u"store-1"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        HistoryModel& history = *m_context->stock().history();
        QTRY_VERIFY_WITH_TIMEOUT(!history.loading() && history.count() == 3, syncTimeoutMs);
        QVERIFY(history.errorString().isEmpty());
        // Newest first: the two sales, then the opening stock.
        QCOMPARE(history.index(0).data(HistoryModel::OnHandRole).toLongLong(), 20);
        QCOMPARE(history.index(1).data(HistoryModel::OnHandRole).toLongLong(), 23);
        QCOMPARE(history.index(2).data(HistoryModel::OnHandRole).toLongLong(), 24);
        QTRY_COMPARE(item("levelChart")->property("drawnPoints").toInt(), 3);
        QTRY_COMPARE(item("historyView")->property("count").toInt(), 3);
    }

    void historyOfflineSaysItNeedsTheServer()
    {
        openStock();
        type(milk);
        QTRY_VERIFY(!m_context->stock().levels()->filtering());
        m_server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!m_context->sync().online(), syncTimeoutMs);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(
            item("historyError")->property("text").toString().contains(u"needs the server"_s));
        QVERIFY(item("historyError")->isVisible());
    }

    void aManagerResolvesAShortageWithThePin()
    {
        // POS-01 sold 3 oat drinks offline; there was 1.
        WireClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.hello(u"POS-01"_s, m_posToken).isEmpty());
        other.push(
            QJsonArray{WireClient::sale(1, u"S-OFF"_s, u"store-1"_s,
                                        QJsonArray{WireClient::saleLine(oatDrink, 3, 199)}, true)});
        QCOMPARE(other.takeResults(1).size(), 1);
        ExceptionsModel& exceptions = *m_context->stock().exceptions();
        QTRY_COMPARE_WITH_TIMEOUT(exceptions.count(), 1, syncTimeoutMs);

        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"exceptions"_s);
        QTRY_COMPARE(item("exceptionView")->property("count").toInt(), 1);
        QVERIFY(exceptions.canResolve());
        QTest::keyClick(m_window, Qt::Key_F3); // accept the loss: a manager must approve
        QTRY_VERIFY(opened("approvalDialog"));
        type(fixtures::managerPin);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(!opened("approvalDialog"));
        // Sent, and gone from the list once the server pushes the new one.
        QTRY_COMPARE_WITH_TIMEOUT(exceptions.count(), 0, syncTimeoutMs);
        QTRY_COMPARE(item("exceptionView")->property("count").toInt(), 0);
        const auto shown = m_server->admin({u"stock"_s, u"show"_s, u"--sku"_s, oatDrink});
        QVERIFY(shown.out.contains("open shortage exceptions: 0"));
        // The manager's approval reached the server too, as every approval does.
        const auto approvals = m_server->admin({u"approvals"_s, u"list"_s});
        QVERIFY2(approvals.out.contains("MGR-01") && approvals.out.contains("shortage_resolution"),
                 approvals.out.constData());
        QCOMPARE(m_server->admin({u"verify"_s}).exitCode, 0);
    }

    void aRecountResolvesAShortageAndSetsTheLevel()
    {
        WireClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.hello(u"POS-01"_s, m_posToken).isEmpty());
        other.push(
            QJsonArray{WireClient::sale(1, u"S-OFF"_s, u"store-1"_s,
                                        QJsonArray{WireClient::saleLine(oatDrink, 3, 199)}, true)});
        QCOMPARE(other.takeResults(1).size(), 1);
        ExceptionsModel& exceptions = *m_context->stock().exceptions();
        QTRY_COMPARE_WITH_TIMEOUT(exceptions.count(), 1, syncTimeoutMs);
        // The recount is made against the level the till holds: the sale's, version 2.
        QTRY_COMPARE_WITH_TIMEOUT(exceptions.levelVersion(0), 2, syncTimeoutMs);

        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"exceptions"_s);
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_VERIFY(opened("countDialog"));
        type(u"5"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(opened("approvalDialog"));
        type(fixtures::managerPin);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(exceptions.count(), 0, syncTimeoutMs);
        const auto shown = m_server->admin({u"stock"_s, u"show"_s, u"--sku"_s, oatDrink});
        QVERIFY2(shown.out.contains("store-1"), shown.out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_context->replica().level(oatDrink, u"store-1"_s)->value().onHand, 5, syncTimeoutMs);
        QCOMPARE(m_server->admin({u"verify"_s}).exitCode, 0);
    }

private:
    void openStock()
    {
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"stock"_s);
        QTRY_VERIFY(item("stockSearch")->hasActiveFocus());
        QTRY_VERIFY(!m_context->stock().levels()->filtering() &&
                    m_context->stock().levels()->count() > 0);
    }
    void type(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    QQuickItem* item(const char* name)
    {
        return fixtures::findItem(m_window->contentItem(), QString::fromLatin1(name));
    }
    QQuickItem* delegateAt(int row)
    {
        QQuickItem* shown = nullptr;
        QMetaObject::invokeMethod(item("stockView"), "itemAtIndex",
                                  Q_RETURN_ARG(QQuickItem*, shown), Q_ARG(int, row));
        return shown;
    }
    bool opened(const char* popup)
    {
        const auto* found = m_window->findChild<QObject*>(QString::fromLatin1(popup));
        return found && found->property("opened").toBool();
    }
    QString screen() const { return m_window->property("screen").toString(); }

    std::optional<fixtures::QmlWarnings> m_warnings;
    QTemporaryDir m_dir;
    int m_runs = 0;
    std::unique_ptr<ServerProcess> m_server;
    QString m_posToken;
    std::unique_ptr<PosContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

QTEST_MAIN(tst_StockScreen)
#include "tst_stockscreen.moc"
