// Drives the real DockMain.qml offscreen with key events, as a receiving clerk with a
// keyboard-wedge scanner does: a delivery picked and received, a shelf counted, a transfer, the
// live stock and the shortages.
// What the screens wrote is read back from the terminal's outbox.

#include "deliverybook.h"
#include "dock.h"
#include "notices.h"
#include "outbox.h"
#include "posfixture.h"
#include "posscreen.h"
#include "receiving.h"
#include "stockmodel.h"
#include "stockmoves.h"
#include "stockviews.h"
#include "syncstatus.h"

#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>
#include <optional>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

using namespace stockline;
using namespace stockline::qml;

class tst_DockScreen : public QObject, private fixtures::PosScreenTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        startScreenTest();
        QVERIFY(m_pos->openDock());
        QVERIFY(m_pos->context().deliveries().replace({Delivery{
            QStringLiteral("PO-1"),
            QStringLiteral("Meadow Gold Dairy"),
            QStringLiteral("store-1"),
            {{QStringLiteral("DAI-0001"), 6, 0, 0}, {QStringLiteral("DAI-0002"), 4, 0, 0}},
            false}}));
        m_pos->context().dock().refresh();
        QVERIFY(showScreen(QStringLiteral("DockMain.qml")));
        QTRY_VERIFY(child("deliveryView")->hasActiveFocus());
    }
    void cleanup()
    {
        const QString warnings = finishScreenTest();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    void navigationListsEveryDockScreen()
    {
        const QVariantList screens = m_window->property("screens").toList();
        QStringList names;
        for (const QVariant& screen : screens)
            names.append(screen.toMap().value(QStringLiteral("name")).toString());
        QCOMPARE(names, (QStringList{QStringLiteral("deliveries"), QStringLiteral("receive"),
                                     QStringLiteral("count"), QStringLiteral("moves"),
                                     QStringLiteral("stock"), QStringLiteral("shortages")}));
        for (const auto& [key, name] :
             {std::pair{Qt::Key_F3, "count"}, std::pair{Qt::Key_F4, "moves"},
              std::pair{Qt::Key_F2, "receive"}, std::pair{Qt::Key_F1, "deliveries"}}) {
            QTest::keyClick(m_window, key);
            QTRY_COMPARE(m_window->property("screen").toString(), QString::fromLatin1(name));
        }
    }

    // The header names the dock and what it booked last, never a till's receipt; offline, the
    // sync bar says the dock's work is kept, not sales.
    void headerAndSyncBarSpeakForTheDock()
    {
        QVERIFY(child("terminalText")->property("text").toString().contains(u"DOCK-01"));
        QCOMPARE(child("lastText")->property("text").toString(), QString());
        Dock& dock = m_pos->context().dock();
        QVERIFY(dock.moves()->transfer(QStringLiteral("DAI-0001"), QStringLiteral("backroom-1"),
                                       QStringLiteral("store-1"), QStringLiteral("2")));
        QTRY_COMPARE(child("lastText")->property("text").toString(),
                     QStringLiteral("Last booked: transfer DOCK-01-T000001"));
        QVERIFY(dock.receiving()->start(QStringLiteral("PO-1")));
        QVERIFY(dock.receiving()->setCounted(0, QStringLiteral("6")));
        QVERIFY(dock.receiving()->confirm());
        QTRY_COMPARE(child("lastText")->property("text").toString(),
                     QStringLiteral("Last booked: receipt DOCK-01-G000001"));

        SyncStatus& sync = m_pos->context().sync();
        const auto barText = [&] { return child("syncText")->property("text").toString(); };
        QVERIFY(barText().contains(u"kept on this dock"));
        sync.setConfigured(true);
        sync.setMessage(
            QStringLiteral("Not connected to the sync server (connection refused); trying "
                           "again in 8 s."));
        QTRY_VERIFY2(barText().contains(u"connection refused") &&
                         barText().contains(QStringLiteral("Receipts, counts and moves are kept "
                                                           "on this dock")),
                     qPrintable(barText()));
        QVERIFY(!barText().contains(u"Sales"));
        // All of it shows, on two lines if need be: cut off, the half that tells staff to carry
        // on would be the half hidden.
        QTRY_VERIFY(child("syncText")->property("lineCount").toInt() == 2);
        QVERIFY(!child("syncText")->property("truncated").toBool());
        QCOMPARE(m_problems->count(), 0);
    }

    void receiveADeliveryByKeys()
    {
        QTest::keyClick(m_window, Qt::Key_Return); // the first delivery
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("receive"));
        QTRY_VERIFY(child("receiveScan")->hasActiveFocus());
        scan(fixtures::milkBarcode);
        type(QStringLiteral("4*"), 80);
        QTest::qWait(150);
        scan(fixtures::milkBarcode); // 5 of 6
        QTRY_COMPARE(m_pos->context().dock().receiving()->lines()->line(0).counted, 5);
        QTest::keyClick(m_window, Qt::Key_F6); // one refused
        QTRY_VERIFY(m_window->findChild<QObject*>(QStringLiteral("receiveScreen"))
                        ->property("dialogOpen")
                        .toBool());
        type(QStringLiteral("1"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_pos->context().dock().receiving()->lines()->line(0).rejected, 1);
        QTRY_VERIFY(child("receiveScan")->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_F9); // confirm
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("deliveries"));

        const QList<OutboxEntry> queued = m_pos->context().outbox().pending(10).value();
        QCOMPARE(queued.size(), 1);
        const QJsonObject receive = queued.first().payload;
        QCOMPARE(receive.value(QLatin1String("delivery")).toString(), QStringLiteral("PO-1"));
        QCOMPARE(receive.value(QLatin1String("lines"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("qty"))
                     .toInteger(),
                 5);
        QCOMPARE(receive.value(QLatin1String("rejected")).toArray().size(), 1);
        QCOMPARE(m_problems->count(), 0);
    }

    // Beyond the tolerance the line and the confirm row say a manager approves, in full: on one
    // line in their columns, the end (who approves) was the part cut off.
    void overToleranceSaysWhoApprovesInFull()
    {
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(child("receiveScan")->hasActiveFocus());
        type(QStringLiteral("8*"), 80);
        QTest::qWait(150);
        scan(fixtures::milkBarcode); // 8 of 6, and the tolerance is 0 %
        QTRY_VERIFY(m_pos->context().dock().receiving()->property("needsManager").toBool());
        QObject* lineState =
            fixtures::findItem(m_window->contentItem(), QStringLiteral("lineState"));
        QVERIFY(lineState);
        QObject* tolerance = child("toleranceText");
        QVERIFY(tolerance);
        QTRY_VERIFY(lineState->property("text").toString().endsWith(u"a manager approves"));
        QTRY_VERIFY(tolerance->property("text").toString().endsWith(u"a manager approves"));
        QTRY_VERIFY(!lineState->property("truncated").toBool());
        QTRY_VERIFY(!tolerance->property("truncated").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("deliveries"));
        QCOMPARE(m_problems->count(), 0);
    }

    // The till's stock screens, with the till's keys: F2 and F3 filter the stock there instead
    // of opening the dock's screens.
    void liveStockAndShortagesByKeys()
    {
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("stock"));
        QTRY_VERIFY(child("stockSearch")->hasActiveFocus());
        StockModel& levels = *m_pos->context().stock().levels();
        QTRY_VERIFY(!levels.filtering() && levels.count() > 0);
        type(QStringLiteral("DAI-0001"));
        QTRY_VERIFY(!levels.filtering() && levels.searchText() == QStringLiteral("DAI-0001"));
        QTRY_COMPARE(child("stockView")->property("count").toInt(), 2); // two locations
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_COMPARE(levels.location(), QStringLiteral("backroom-1"));
        QTRY_COMPARE(child("stockView")->property("count").toInt(), 1);
        QTest::keyClick(m_window, Qt::Key_F3);
        QTRY_VERIFY(levels.lowOnly());
        QCOMPARE(m_window->property("screen").toString(), QStringLiteral("stock"));

        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("shortages"));
        QTRY_VERIFY(child("exceptionView")->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_F3); // nothing to resolve: it stays
        QCOMPARE(m_window->property("screen").toString(), QStringLiteral("shortages"));
        QTest::keyClick(m_window, Qt::Key_F4);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("moves"));
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("stock"));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("deliveries"));
        QTRY_VERIFY(child("deliveryView")->hasActiveFocus());
        QCOMPARE(m_problems->count(), 0);
    }

    void countAShelfByKeys()
    {
        QTest::keyClick(m_window, Qt::Key_F3);
        QTRY_VERIFY(child("countPrefix")->hasActiveFocus());
        type(QStringLiteral("DAI-000"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(child("countField")->hasActiveFocus());
        QVERIFY(m_pos->context().dock().count()->lines()->count() > 1);
        type(QStringLiteral("20"));
        QTest::keyClick(m_window, Qt::Key_Return);
        type(QStringLiteral("3"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTest::keyClick(m_window, Qt::Key_F9);
        const auto queued = [&] { return m_pos->context().outbox().pending(10).value(); };
        QTRY_COMPARE(queued().size(), 2);
        QCOMPARE(queued().at(0).payload.value(QLatin1String("counted")).toInteger(), 20);
        QCOMPARE(queued().at(1).payload.value(QLatin1String("counted")).toInteger(), 3);
    }

    void transferByKeys()
    {
        QTest::keyClick(m_window, Qt::Key_F4);
        QTRY_VERIFY(child("transferCode")->hasActiveFocus());
        type(QStringLiteral("DAI-0001"));
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(child("transferQty")->hasActiveFocus());
        type(QStringLiteral("12"));
        QTest::keyClick(m_window, Qt::Key_Return);
        const auto queued = [&] { return m_pos->context().outbox().pending(10).value(); };
        QTRY_COMPARE(queued().size(), 1);
        const QJsonObject transfer = queued().first().payload;
        QCOMPARE(transfer.value(QLatin1String("qty")).toInteger(), 12);
        QCOMPARE(transfer.value(QLatin1String("to")).toString(), QStringLiteral("store-1"));
        QCOMPARE(transfer.value(QLatin1String("from")).toString(), QStringLiteral("backroom-1"));
        QCOMPARE(m_problems->count(), 0);
    }

private:
    void type(const QString& text, int delay = 0)
    {
        for (const QChar c : text) {
            if (delay > 0)
                QTest::qWait(delay);
            QTest::keyClick(m_window, c.toLatin1());
        }
    }
    void scan(const QString& code)
    {
        type(code);
        QTest::keyClick(m_window, Qt::Key_Return);
    }
    QQuickItem* child(const char* name)
    {
        return m_window->findChild<QQuickItem*>(QLatin1String(name));
    }
};

QTEST_MAIN(tst_DockScreen)
#include "tst_dockscreen.moc"
