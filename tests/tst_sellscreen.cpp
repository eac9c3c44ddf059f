// Drives the real Main.qml offscreen with key events, as a clerk with a keyboard-wedge
// scanner does, and checks what the local journal and outbox hold afterwards.

#include "cartmodel.h"
#include "notices.h"
#include "outbox.h"
#include "posfixture.h"
#include "posscreen.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "searchmodel.h"
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

class tst_SellScreen : public QObject, private fixtures::PosScreenTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        // Any warning from Qt or QML while the screens run is a bug (checked in cleanup).
        startScreenTest();
        QVERIFY(m_pos->open());
        QVERIFY(showScreen(QStringLiteral("Main.qml")));
        QTRY_VERIFY(scanField()->hasActiveFocus());
    }
    void cleanup()
    {
        const QString warnings = finishScreenTest();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    // A scanner types a whole code in a few milliseconds and ends it with Enter.
    void scan_typeBarcodeAndEnter()
    {
        scan(fixtures::milkBarcode);
        QTRY_COMPARE(till().cart()->count(), 1);
        QCOMPARE(till().cart()->line(0).receipt.sku, QStringLiteral("DAI-0001"));
        QCOMPARE(scanField()->property("text").toString(), QString());
    }

    void sale_scanQuantityPayCashComplete()
    {
        openDrawer();
        scan(fixtures::milkBarcode);
        // The clerk types "3*" by hand, then scans.
        type(QStringLiteral("3*"), 120);
        QTest::qWait(150);
        scan(fixtures::colaBarcode);
        QTRY_COMPARE(till().cart()->count(), 2);
        QCOMPARE(till().cart()->line(1).receipt.qty, 3);
        // Typed by hand: an SKU and Enter.
        type(QStringLiteral("hou-0001"), 60);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(till().cart()->count(), 3);
        const Money total = till().cart()->totals().total;

        QTest::keyClick(m_window, Qt::Key_F12); // pay
        QTRY_VERIFY(till().paying());
        QTest::keyClick(m_window, Qt::Key_F1); // exact cash: paid, recorded, next customer
        QTRY_COMPARE(m_pos->context().journal().count().value(), 1);
        QVERIFY(!till().paying());
        QCOMPARE(till().cart()->count(), 0);
        QCOMPARE(m_problems->count(), 0);

        const auto sale = m_pos->context().journal().find(till().lastReceipt());
        QVERIFY(sale);
        QCOMPARE(sale->lines.size(), 3);
        QCOMPARE(sale->lines.at(1).qty, 3);
        QCOMPARE(sale->totals.total, total);
        QCOMPARE(sale->payments.size(), 1);
        QCOMPARE(sale->payments.at(0).amount, total);
        const auto pending = m_pos->context().outbox().pending(10);
        QVERIFY(pending);
        // The drawer's opening (sent to the server too), then the sale.
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->at(0).kind, QStringLiteral("cash"));
        QCOMPARE(pending->at(1).kind, QStringLiteral("sale"));
        QCOMPARE(pending->at(1).payload.value(QLatin1String("sale")).toString(), sale->receipt);
        // The scan field has the keyboard again for the next customer.
        QTRY_VERIFY(scanField()->hasActiveFocus());
    }

    void pay_cashTypedWithChange()
    {
        openDrawer();
        scan(fixtures::colaBarcode);
        QTRY_COMPARE(till().cart()->count(), 1);
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till().paying());
        type(QStringLiteral("20"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_pos->context().journal().count().value(), 1);
        const auto sale = m_pos->context().journal().find(till().lastReceipt());
        QVERIFY(sale);
        QCOMPARE(sale->payments.size(), 2);
        QCOMPARE(sale->payments.at(0).amount, Money::fromMinor(2000));
        QCOMPARE(sale->payments.at(1).amount, sale->totals.total - Money::fromMinor(2000));
    }

    void escape_leavesPaymentAndKeepsTheCart()
    {
        openDrawer();
        scan(fixtures::milkBarcode);
        QTRY_COMPARE(till().cart()->count(), 1);
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till().paying());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!till().paying());
        QCOMPARE(till().cart()->count(), 1);
        QTRY_VERIFY(scanField()->hasActiveFocus());
    }

    void search_arrowAndEnterPicksAResult()
    {
        type(QStringLiteral("paper towels"), 50);
        // Typed keys may reach the field a moment later (the scanner detector holds a burst):
        // pick from the results of the whole query, not of a prefix of it.
        QTRY_COMPARE(till().search()->query(), QStringLiteral("paper towels"));
        QTRY_VERIFY(till().search()->rowCount() > 1);
        QTest::keyClick(m_window, Qt::Key_Down);
        const QString second =
            till().search()->data(till().search()->index(1), Qt::DisplayRole).toString();
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(till().cart()->count(), 1);
        QCOMPARE(till().cart()->line(0).receipt.name, second);
    }

    void returns_scanTheReceiptAndRefund()
    {
        openDrawer();
        scan(fixtures::milkBarcode);
        scan(fixtures::colaBarcode);
        QTRY_COMPARE(till().cart()->count(), 2);
        QTest::keyClick(m_window, Qt::Key_F12);
        QTRY_VERIFY(till().paying());
        QTest::keyClick(m_window, Qt::Key_F1);
        QTRY_COMPARE(m_pos->context().journal().count().value(), 1);
        const QString receipt = till().lastReceipt();

        QTest::keyClick(m_window, Qt::Key_F8); // returns
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("returns"));
        scan(receipt);
        QTRY_VERIFY(till().returns()->loaded());
        QTest::keyClick(m_window, Qt::Key_Down); // the cola
        QTest::keyClick(m_window, Qt::Key_F2);   // choose it
        QTRY_VERIFY(till().returns()->anyChosen());
        QTest::keyClick(m_window, Qt::Key_F11); // refund in cash
        // A refund needs a manager: the prompt comes up in place, the manager types the PIN.
        QTRY_VERIFY(m_pos->context().approvals().pending());
        QCOMPARE(m_pos->context().returns().count().value(), 0);
        for (const QChar c : fixtures::managerPin)
            QTest::keyClick(m_window, c.toLatin1());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_pos->context().returns().count().value(), 1);
        const auto approvals = m_pos->context().approvalLog().all();
        QVERIFY(approvals);
        QCOMPARE(approvals->size(), 1);
        QCOMPARE(approvals->at(0).kind, Approval::Kind::Refund);
        QCOMPARE(approvals->at(0).requestedBy, fixtures::cashier);
        QCOMPARE(approvals->at(0).approvedBy, fixtures::manager);
        QCOMPARE(m_problems->count(), 0);
        const auto pending = m_pos->context().outbox().pending(10);
        QVERIFY(pending);
        // The drawer's opening, the sale, the return, and the manager's approval of it (sent
        // to the server too).
        QCOMPARE(pending->size(), 4);
        QCOMPARE(pending->at(2).kind, QStringLiteral("return"));
        QCOMPARE(pending->at(2).payload.value(QLatin1String("sale")).toString(), receipt);
        // The refund's receipt names the manager who approved it.
        QCOMPARE(pending->at(2)
                     .payload.value(QLatin1String("refund"))
                     .toObject()
                     .value(QLatin1String("approvedBy"))
                     .toString(),
                 fixtures::manager);
        QCOMPARE(pending->at(3).kind, QStringLiteral("approval"));
        QCOMPARE(pending->at(3).payload.value(QLatin1String("action")).toString(),
                 QStringLiteral("refund"));
        QCOMPARE(pending->at(3).payload.value(QLatin1String("approver")).toString(),
                 fixtures::manager);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("sell"));
        QVERIFY(till().lastWasRefund());
    }

private:
    // QTest::keyClicks has no QWindow overload in Qt 6.4, and keyClick's delay does not reach
    // a QWindow's events: wait `delay` ms before each key for real, as a person would.
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
        type(code); // no delay: a scanner's burst
        QTest::keyClick(m_window, Qt::Key_Return);
    }
    // As the clerk starts the day: Ctrl+D, F2, the float and Enter, then Esc back to the sale.
    void openDrawer()
    {
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("cash"));
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_VERIFY(m_window->findChild<QObject*>(QStringLiteral("floatDialog"))
                        ->property("opened")
                        .toBool());
        type(QStringLiteral("100"));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(m_pos->context().drawer().isOpen());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(m_window->property("screen").toString(), QStringLiteral("sell"));
        QTRY_VERIFY(scanField()->hasActiveFocus());
    }
    QQuickItem* scanField()
    {
        return m_window->findChild<QQuickItem*>(QStringLiteral("scanField"));
    }
    Till& till() { return m_pos->context().till(); }
};

QTEST_MAIN(tst_SellScreen)
#include "tst_sellscreen.moc"
