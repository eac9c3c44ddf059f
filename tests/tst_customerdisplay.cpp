// The customer-facing display (issue 23), offscreen: the real CustomerDisplay.qml over a real
// till shows the total while the sale is rung up and the change once it is paid.

#include "cartmodel.h"
#include "posfixture.h"
#include "posscreen.h"
#include "till.h"

#include <QQuickItem>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

using namespace stockline;
using namespace stockline::qml;

class tst_CustomerDisplay : public QObject, private fixtures::PosScreenTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void init()
    {
        startScreenTest();
        QVERIFY(m_pos->open());
        QVERIFY(m_pos->openDrawer());
        QVERIFY(showScreen(QStringLiteral("CustomerDisplay.qml")));
    }
    void cleanup()
    {
        const QString warnings = finishScreenTest();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    }

    void showsTheTotalThenTheChange()
    {
        Till& till = m_pos->context().till();
        QCOMPARE(text("customerCaption"), QStringLiteral("Welcome"));
        QCOMPARE(text("customerAmount"), QString());

        till.submit(fixtures::milkBarcode, 13);
        till.submit(fixtures::colaBarcode, 12);
        const Money total = till.cart()->totals().total;
        QTRY_COMPARE(text("customerCaption"), QStringLiteral("Total"));
        QCOMPARE(text("customerAmount"), total.toLocaleString());

        QVERIFY(till.startPayment());
        QVERIFY(till.tenderCash(QStringLiteral("20")));
        QTRY_COMPARE(text("customerCaption"), QStringLiteral("Your change"));
        QCOMPARE(text("customerAmount"), (Money::fromMinor(2000) - total).toLocaleString());
        QVERIFY(text("customerPaidTotal").contains(total.toLocaleString()));

        // The next customer's first item replaces the change with the new total.
        till.submit(fixtures::milkBarcode, 13);
        QTRY_COMPARE(text("customerCaption"), QStringLiteral("Total"));
        QCOMPARE(text("customerAmount"), Money::fromMinor(449).toLocaleString());
    }

private:
    QString text(const char* name) const
    {
        const QQuickItem* item = fixtures::findItem(m_window->contentItem(), QLatin1String(name));
        return item ? item->property("text").toString() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
};

QTEST_MAIN(tst_CustomerDisplay)
#include "tst_customerdisplay.moc"
