#include "cartmodel.h"
#include "moneytext.h"
#include "mutation.h"
#include "notices.h"
#include "posfixture.h"
#include "searchmodel.h"
#include "syncstatus.h"
#include "till.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;
using fixtures::embedded;

namespace {

CartModel::Line plainLine(const QString& sku, qint64 qty, qint64 price, int taxMilliPercent)
{
    CartModel::Line line;
    line.receipt = ReceiptLine{sku,      sku,
                               qty,      Money::fromMinor(price),
                               Money(),  TaxRate::fromMilliPercent(taxMilliPercent),
                               QString()};
    return line;
}

Money sumOfLines(const CartModel& cart)
{
    Money total;
    for (const ReceiptLine& line : cart.receiptLines())
        total += line.total();
    return total;
}

} // namespace

class tst_CartModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            cart(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_problems = std::make_unique<QSignalSpy>(&m_pos->context().notices(), &Notices::problem);
    }
    void cleanup()
    {
        m_problems.reset();
        m_tester.reset();
        m_pos.reset();
    }

    void scan_addsTheItem()
    {
        QCOMPARE(till().submit(fixtures::milkBarcode, 13), QString());
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.sku, QStringLiteral("DAI-0001"));
        QCOMPARE(cart()->line(0).receipt.qty, 1);
        QCOMPARE(cart()->line(0).receipt.unitPrice, Money::fromMinor(449));
        QVERIFY(cart()->line(0).available >= 0);
        QCOMPARE(m_problems->count(), 0);
    }

    void scan_sameItemTwiceMakesOneLineOfTwo()
    {
        till().submit(fixtures::milkBarcode, 13);
        till().submit(fixtures::milkBarcode, 13);
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.qty, 2);
    }

    void quantityPrefix_givesTheQuantityAndNeverMerges()
    {
        // "3*" then the scanner's burst in one field, as a clerk does it.
        QCOMPARE(till().submit(QStringLiteral("3*") + fixtures::colaBarcode, 12), QString());
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.qty, 3);
        till().submit(fixtures::colaBarcode, 12);
        QCOMPARE(cart()->count(), 2);
        QCOMPARE(cart()->line(0).receipt.qty, 3);
        QCOMPARE(cart()->line(1).receipt.qty, 1);
        // Typed by hand, and "3*" alone then the next item.
        till().submit(QStringLiteral("2*") + fixtures::colaBarcode);
        QCOMPARE(cart()->line(2).receipt.qty, 2);
        QCOMPARE(till().submit(QStringLiteral("4*")), QString());
        QCOMPARE(till().pendingQuantity(), 4);
        till().submit(fixtures::milkBarcode, 13);
        QCOMPARE(cart()->line(3).receipt.qty, 4);
        QCOMPARE(till().pendingQuantity(), 0);
        QCOMPARE(m_problems->count(), 0);
    }

    void scanDuringTypedSearch_keepsTheTypedText()
    {
        QCOMPARE(till().submit(QStringLiteral("choc") + fixtures::milkBarcode, 13),
                 QStringLiteral("choc"));
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.sku, QStringLiteral("DAI-0001"));
    }

    void typedSku_andPickedSearchResult()
    {
        QCOMPARE(till().submit(QStringLiteral("hou-0001")), QString());
        QCOMPARE(cart()->line(0).receipt.sku, QStringLiteral("HOU-0001"));
        till().search()->setQuery(QStringLiteral("bananas"));
        QVERIFY(till().search()->count() > 0);
        // Bananas are sold by the kg: picked without a weight they are refused, with one taken.
        till().submit(QStringLiteral("bananas"), 0, 0);
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(till().submit(QStringLiteral("0.5*bananas"), 0, 0), QString());
        QCOMPARE(cart()->count(), 2);
        QVERIFY(cart()->line(1).receipt.name.contains(QStringLiteral("ananas")));
        QCOMPARE(cart()->line(1).receipt.qty, 500);
    }

    void unknownCode_isReportedAndKept()
    {
        QCOMPARE(till().submit(QStringLiteral("4006381333931"), 13), QString());
        QCOMPARE(m_problems->count(), 1);
        QCOMPARE(till().submit(QStringLiteral("no such thing")), QStringLiteral("no such thing"));
        QCOMPARE(m_problems->count(), 2);
        QCOMPARE(cart()->count(), 0);
    }

    void embeddedCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("unitPrice");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<QString>("quantityText");
        QTest::newRow("price on the label") << embedded(fixtures::loafLookup, 1349) << qint64{1}
                                            << qint64{1349} << qint64{1349} << QStringLiteral("1");
        // Bananas are sold by the kg at 4.29: the line is the label's grams at the price per
        // kg. 532 g is 2.28228, 500 g is 2.145 (half to even: 2.14), 1500 g 6.435 (6.44).
        QTest::newRow("weight 532 g") << embedded(fixtures::bananaLookup, 532) << qint64{532}
                                      << qint64{429} << qint64{228} << QStringLiteral("0.532 kg");
        QTest::newRow("weight 500 g, half to even")
            << embedded(fixtures::bananaLookup, 500) << qint64{500} << qint64{429} << qint64{214}
            << QStringLiteral("0.500 kg");
        QTest::newRow("weight 1500 g, half to even")
            << embedded(fixtures::bananaLookup, 1500) << qint64{1500} << qint64{429} << qint64{644}
            << QStringLiteral("1.500 kg");
    }
    void embeddedCodes()
    {
        QFETCH(QString, code);
        QFETCH(qint64, qty);
        QFETCH(qint64, unitPrice);
        QFETCH(qint64, net);
        QFETCH(QString, quantityText);
        till().submit(code, 13);
        QCOMPARE(m_problems->count(), 0);
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.qty, qty);
        QCOMPARE(cart()->line(0).receipt.unitPrice, Money::fromMinor(unitPrice));
        QCOMPARE(cart()->line(0).receipt.net(), Money::fromMinor(net));
        QCOMPARE(cart()->data(cart()->index(0), CartModel::QuantityTextRole).toString(),
                 quantityText);
        // Two labels are two lines, even of the same item.
        till().submit(code, 13);
        QCOMPARE(cart()->count(), 2);
        QCOMPARE(cart()->itemCount(), 2); // a weighed line is one item, not 532
    }

    // A product sold by the kg without a label: the clerk types its weight in kg first.
    void weighedItem_keyedInKg()
    {
        till().submit(QStringLiteral("PRD-0001"));
        QCOMPARE(cart()->count(), 0);
        QCOMPARE(m_problems->count(), 1); // "sold by kg: scan its label, or type the weight"
        QCOMPARE(till().submit(QStringLiteral("0.75*PRD-0001")), QString());
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.qty, 750);
        QCOMPARE(cart()->line(0).receipt.unit, Unit::Kilogram);
        QCOMPARE(cart()->line(0).receipt.net(), Money::fromMinor(322)); // 3.2175
        // A weighed line is typed again in kg; more than three decimals is refused.
        QVERIFY(till().setQuantity(0, QStringLiteral("1.25")));
        QCOMPARE(cart()->line(0).receipt.qty, 1250);
        QVERIFY(!till().setQuantity(0, QStringLiteral("1.2505")));
        QCOMPARE(cart()->line(0).receipt.qty, 1250);
        // A product sold each takes no decimals.
        QCOMPARE(till().submit(QStringLiteral("1.5*") + fixtures::milkBarcode, 13), QString());
        QCOMPARE(cart()->count(), 1);
    }

    void lineDiscount_andTaxHalfEvenPerLine()
    {
        till().submit(fixtures::colaBarcode, 12);
        // 5.29 less 3.29 is 2.00; 8.25 % of it is 0.165: half to even, 0.16. Over 10 %, so a
        // manager approves it.
        QVERIFY(!till().setLineDiscount(0, QStringLiteral("3.29")));
        QCOMPARE(cart()->line(0).receipt.discount, Money());
        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(cart()->line(0).receipt.net(), Money::fromMinor(200));
        QCOMPARE(cart()->line(0).receipt.tax(), Money::fromMinor(16));
        QCOMPARE(cart()->totals().total, Money::fromMinor(216));
        QVERIFY(till().setLineDiscount(0, QStringLiteral("10%")));
        QCOMPARE(cart()->line(0).receipt.discount, Money::fromMinor(53));
        QVERIFY(!till().setLineDiscount(0, QStringLiteral("6.00")));
        QCOMPARE(m_problems->count(), 1);
    }

    // A store whose shelf prices include VAT: the line shows what the customer pays for it (the
    // shelf price), not its net; a store without shows the net, the tax coming on top.
    void lineAmount_isTheShelfPrice()
    {
        till().submit(QStringLiteral("3*") + fixtures::colaBarcode, 12);
        const QModelIndex line = cart()->index(0);
        QCOMPARE(line.data(CartModel::AmountRole).toString(), line.data(CartModel::NetRole));
        cart()->setTaxRule(TaxRule{true, TaxRounding::Line});
        // 3 × 5.29 = 15.87 with 8.25 % VAT inside: 1.21 of it is tax, 14.66 net.
        QCOMPARE(line.data(CartModel::AmountRole).toString(),
                 print::moneyText(Money::fromMinor(1587)));
        QCOMPARE(line.data(CartModel::NetRole).toString(),
                 print::moneyText(Money::fromMinor(1466)));
        QCOMPARE(cart()->totals().total, Money::fromMinor(1587));
    }

    void orderDiscount_isSharedSoTotalsAreTheSumOfLines()
    {
        CartModel& model = *cart();
        model.add(plainLine(QStringLiteral("A"), 1, 333, 8250));
        model.add(plainLine(QStringLiteral("B"), 2, 250, 0));
        model.add(plainLine(QStringLiteral("C"), 1, 1999, 19000));
        QVERIFY(model.setOrderDiscount(Money::fromMinor(100)));
        Money shared;
        for (const CartModel::Line& line : model.lines())
            shared += line.receipt.discount;
        QCOMPARE(shared, Money::fromMinor(100));
        QCOMPARE(model.totals().total, sumOfLines(model));
        QCOMPARE(model.totals().net, Money::fromMinor(333 + 500 + 1999 - 100));
        // Voiding a line keeps the order discount within what is left.
        QVERIFY(model.removeLine(2));
        QCOMPARE(model.totals().total, sumOfLines(model));
        QVERIFY(!model.setOrderDiscount(Money::fromMinor(10'000)));
    }

    void totals_equalTheSumOfLines()
    {
        till().submit(fixtures::milkBarcode, 13);
        till().submit(QStringLiteral("3*") + fixtures::colaBarcode, 12);
        till().submit(embedded(fixtures::bananaLookup, 777), 13);
        QVERIFY(till().setLineDiscount(1, QStringLiteral("0.50")));
        QVERIFY(till().setOrderDiscount(QStringLiteral("5%")));
        const ReceiptTotals totals = cart()->totals();
        QCOMPARE(totals.total, sumOfLines(*cart()));
        QCOMPARE(totals.total, totals.net + totals.tax);
    }

    // The lines may add up to what a sale may total on the wire, and no more: nothing the till
    // adds up can overflow, and the server never refuses the sale for it.
    void linesStayWithinTheMoneyRange()
    {
        CartModel model;
        model.add(plainLine(QStringLiteral("A"), 1, maxMoneyMinor / 2, 0));
        model.add(plainLine(QStringLiteral("B"), 1, maxMoneyMinor / 2, 0));
        QVERIFY(model.fits(Money(), maxQuantity));
        QVERIFY(!model.fits(Money::fromMinor(1), 1));
        const Status doubled = model.setQuantity(0, 2);
        QVERIFY(!doubled);
        QCOMPARE(doubled.error().field, QStringLiteral("qty"));
        QCOMPARE(model.line(0).receipt.qty, 1);
        QVERIFY(model.setQuantity(0, 1));
        QVERIFY(!model.fits(Money::fromMinor(maxMoneyMinor), maxQuantity));
        const Status overridden = model.setUnitPrice(1, Money::fromMinor(maxMoneyMinor), QString());
        QVERIFY(!overridden);
        QCOMPARE(model.line(1).receipt.unitPrice, Money::fromMinor(maxMoneyMinor / 2));
    }

    void setQuantity_andVoid()
    {
        till().submit(fixtures::milkBarcode, 13);
        till().submit(fixtures::colaBarcode, 12);
        QVERIFY(till().setQuantity(0, QStringLiteral("5")));
        QCOMPARE(cart()->line(0).receipt.qty, 5);
        QVERIFY(!till().setQuantity(0, QStringLiteral("0")));
        QVERIFY(!till().setQuantity(0, QStringLiteral("two")));
        QVERIFY(till().voidLine(0));
        QCOMPARE(cart()->count(), 1);
        QCOMPARE(cart()->line(0).receipt.sku, QStringLiteral("BEV-0001"));
        QVERIFY(!till().voidLine(3));
    }

    void holds_followLevelsAndTheConnection()
    {
        till().submit(QStringLiteral("3*") + fixtures::milkBarcode, 13);
        QCOMPARE(cart()->hold(0), CartModel::Hold::Offline);
        QSignalSpy changed(cart(), &QAbstractItemModel::dataChanged);
        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("store-1"), 5, 3, 9}});
        QCOMPARE(cart()->line(0).available, 2);
        QCOMPARE(cart()->hold(0), CartModel::Hold::Short);
        QCOMPARE(cart()->data(cart()->index(0), CartModel::HoldTextRole).toString(),
                 QStringLiteral("only 2 left"));
        QVERIFY(changed.count() > 0);
        // Another location's level is not this till's business.
        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("backroom-1"), 100, 0, 1}});
        QCOMPARE(cart()->line(0).available, 2);

        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("store-1"), 50, 0, 10}});
        m_pos->context().sync().setOnline(true);
        QCOMPARE(cart()->hold(0), CartModel::Hold::Unconfirmed);
        using State = CartModel::Reservation::State;
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(900);
        cart()->setReservation(0, {QStringLiteral("res-1"), 3, State::Pending, -1, later});
        QCOMPARE(cart()->hold(0), CartModel::Hold::Unconfirmed);
        cart()->setReservation(0, {QStringLiteral("res-1"), 3, State::Held, -1, later});
        QCOMPARE(cart()->hold(0), CartModel::Hold::Held);
        QCOMPARE(cart()->data(cart()->index(0), CartModel::HoldTextRole).toString(),
                 QStringLiteral("held"));
        // A hold of 3 does not cover a line of 4.
        QVERIFY(till().setQuantity(0, QStringLiteral("4")));
        QCOMPARE(cart()->hold(0), CartModel::Hold::Unconfirmed);
        // Refused for stock: the server's count shows until the next levels.
        cart()->setReservation(0, {QStringLiteral("res-2"), 4, State::Refused, 1, later});
        QCOMPARE(cart()->hold(0), CartModel::Hold::Short);
        QCOMPARE(cart()->data(cart()->index(0), CartModel::HoldTextRole).toString(),
                 QStringLiteral("only 1 left"));
        m_pos->context().sync().setOnline(false);
        cart()->setReservation(0, {QStringLiteral("res-3"), 4, State::Pending, -1, later});
        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("store-1"), 50, 0, 11}});
        QCOMPARE(cart()->data(cart()->index(0), CartModel::HoldTextRole).toString(),
                 QStringLiteral("offline — not confirmed"));
    }

    // Held lines' units are already out of the replica's available: only the unheld lines of
    // the same SKU need it.
    void holds_heldUnitsAreNotCountedTwice()
    {
        using State = CartModel::Reservation::State;
        m_pos->context().sync().setOnline(true);
        till().submit(QStringLiteral("2*") + fixtures::milkBarcode, 13);
        till().submit(QStringLiteral("1*") + fixtures::milkBarcode, 13);
        QCOMPARE(cart()->count(), 2);
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(900);
        cart()->setReservation(0, {QStringLiteral("a"), 2, State::Held, -1, later});
        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("store-1"), 3, 2, 5}});
        QCOMPARE(cart()->hold(0), CartModel::Hold::Held);
        QCOMPARE(cart()->hold(1), CartModel::Hold::Unconfirmed);
        cart()->applyLevels(
            {StockLevel{QStringLiteral("DAI-0001"), QStringLiteral("store-1"), 2, 2, 6}});
        QCOMPARE(cart()->hold(1), CartModel::Hold::Short);
        QCOMPARE(cart()->data(cart()->index(1), CartModel::HoldTextRole).toString(),
                 QStringLiteral("only 0 left"));
    }

    void roles_startAfterUserRole()
    {
        const QHash<int, QByteArray> roles = cart()->roleNames();
        for (auto it = roles.cbegin(); it != roles.cend(); ++it)
            QVERIFY(it.key() > Qt::UserRole);
    }

private:
    Till& till() { return m_pos->context().till(); }
    CartModel* cart() { return till().cart(); }

    std::unique_ptr<fixtures::PosFixture> m_pos;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_problems;
};

QTEST_MAIN(tst_CartModel)
#include "tst_cartmodel.moc"
