// Drives the cash drawer screen of the real Main.qml offscreen with key events, as a clerk at
// the start and the end of a day does: open with a float, sell, pay out, count, close.

#include "cashdrawer.h"
#include "cashsession.h"
#include "denominationmodel.h"
#include "moneytext.h"
#include "notices.h"
#include "posfixture.h"
#include "posscreen.h"
#include "salejournal.h"
#include "till.h"

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
using namespace stockline::print;

class tst_CashScreen : public QObject, private fixtures::PosScreenTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        startScreenTest();
        QVERIFY(m_pos->open());
        QVERIFY(showScreen(QStringLiteral("Main.qml")));
        QTRY_VERIFY(item("scanField")->hasActiveFocus());
    }
    void cleanup()
    {
        const QString warnings = finishScreenTest();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    // The whole day: open with a float, a sale in cash, a paid-out, then the blind count and
    // the Z report with what was expected against what was counted.
    void day_openSellPayOutCountClose()
    {
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(screen(), QStringLiteral("cash"));
        QCOMPARE(item("drawerState")->property("text").toString(), QStringLiteral("Drawer closed"));
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_VERIFY(opened("floatDialog"));
        type(QStringLiteral("100"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(drawer().isOpen());
        QTRY_COMPARE(item("drawerState")->property("text").toString(),
                     QStringLiteral("Drawer open"));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(screen(), QStringLiteral("sell"));

        // A milk for 4.49 in exact cash.
        QTRY_VERIFY(item("scanField")->hasActiveFocus());
        type(fixtures::milkBarcode);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_pos->context().till().cart()->count(), 1);
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(m_pos->context().till().paying());
        QTest::keyClick(m_window, Qt::Key_F1);
        QTRY_COMPARE(m_pos->context().journal().count().value(), 1);

        // 20.00 paid out to the window cleaner: amount, Enter, reason, Enter.
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(screen(), QStringLiteral("cash"));
        QTest::keyClick(m_window, Qt::Key_F4);
        QTRY_VERIFY(opened("movementDialog"));
        type(QStringLiteral("20"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item("movementReason")->hasActiveFocus());
        type(QStringLiteral("Window cleaner"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(!opened("movementDialog"));
        const Result<CashReport> x = m_pos->context().cash().xReport();
        QVERIFY(x);
        QCOMPARE(x->paidOut, Money::fromMinor(20'00));
        QCOMPARE(x->expectedCash, Money::fromMinor(84'49));

        // The count: 84.48 in the drawer, one cent short. The report stays hidden meanwhile.
        QTest::keyClick(m_window, Qt::Key_F5); // an X report first
        QTRY_VERIFY(item("cashReportText")
                        ->property("text")
                        .toString()
                        .contains(QLatin1String("X REPORT")));
        QTest::keyClick(m_window, Qt::Key_F6);
        QTRY_VERIFY(item("count0") && item("count0")->hasActiveFocus());
        QVERIFY(!item("cashReportText")->isVisible());
        // $100, $50, $20, $10, $5, $1, 25¢, 10¢, 5¢, 1¢
        const QStringList counts{QString(),           QString(),           QStringLiteral("4"),
                                 QString(),           QString(),           QStringLiteral("4"),
                                 QStringLiteral("1"), QStringLiteral("2"), QString(),
                                 QStringLiteral("3")};
        for (int row = 0; row < counts.size(); ++row) {
            QTRY_VERIFY2(item(QStringLiteral("count%1").arg(row)) &&
                             item(QStringLiteral("count%1").arg(row))->hasActiveFocus(),
                         qPrintable(QStringLiteral("row %1").arg(row)));
            if (row == 2) {
                // A slip: refused with its words, and the field keeps the focus.
                type(QStringLiteral("x"));
                QTest::keyClick(m_window, Qt::Key_Return);
                QTRY_COMPARE(m_problems->count(), 1);
                QVERIFY(item("count2")->hasActiveFocus());
            }
            type(counts.at(row));
            QTest::keyClick(m_window, Qt::Key_Return);
        }
        QTRY_COMPARE(drawer().denominations()->total(), Money::fromMinor(84'48));
        QCOMPARE(item("countedTotal")->property("text").toString(),
                 QStringLiteral("Counted %1").arg(moneyText(Money::fromMinor(84'48))));
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(!drawer().isOpen());
        QTRY_VERIFY(item("cashReportText")->isVisible());

        const QString z = item("cashReportText")->property("text").toString();
        QVERIFY2(z.contains(QLatin1String("Z REPORT")), qPrintable(z));
        QVERIFY(z.contains(QLatin1String("Expected in drawer")));
        QVERIFY(z.contains(moneyText(Money::fromMinor(84'49))));
        QVERIFY(z.contains(QLatin1String("Counted in drawer")));
        QVERIFY(z.contains(moneyText(Money::fromMinor(84'48))));
        QVERIFY(z.contains(QLatin1String("Short")));
        QVERIFY(z.contains(QLatin1String("Paid out: Window cleaner")));
        QCOMPARE(drawer().lastReport()->overShort(), Money::fromMinor(-1));
        QCOMPARE(item("overShort")->property("text").toString(),
                 QStringLiteral("Short %1").arg(moneyText(Money::fromMinor(1))));
        QCOMPARE(m_problems->count(), 1);

        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(screen(), QStringLiteral("sell"));
        QTRY_VERIFY(item("scanField")->hasActiveFocus());
    }

    void count_escapeCancelsAndKeepsTheDrawerOpen()
    {
        QVERIFY(m_pos->openDrawer());
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(screen(), QStringLiteral("cash"));
        QTest::keyClick(m_window, Qt::Key_F6);
        QTRY_VERIFY(item("count0") && item("count0")->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(item("cashReportText")->isVisible());
        QVERIFY(drawer().isOpen());
        QCOMPARE(m_problems->count(), 0);
    }

    // The store's day lives on the server: without one the view says so, Esc goes back.
    void storesDay_needsTheServer()
    {
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(screen(), QStringLiteral("cash"));
        QTest::keyClick(m_window, Qt::Key_F8);
        QTRY_VERIFY(item("daySummary") && item("daySummary")->isVisible());
        QCOMPARE(item("daySummary")->property("text").toString(),
                 QStringLiteral("The store's day is kept by the server, which cannot be reached "
                                "now."));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!item("daySummary")->isVisible());
        QCOMPARE(screen(), QStringLiteral("cash"));
    }

private:
    // A person typing; keyClick has no QWindow overload for text in Qt 6.4.
    void type(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    QQuickItem* item(const QString& name)
    {
        return fixtures::findItem(m_window->contentItem(), name);
    }
    QQuickItem* item(const char* name) { return item(QString::fromLatin1(name)); }
    bool opened(const char* popup)
    {
        const auto* found = m_window->findChild<QObject*>(QString::fromLatin1(popup));
        return found && found->property("opened").toBool();
    }
    QString screen() const { return m_window->property("screen").toString(); }
    CashDrawer& drawer() { return m_pos->context().drawer(); }
};

QTEST_MAIN(tst_CashScreen)
#include "tst_cashscreen.moc"
