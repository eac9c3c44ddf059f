#include "unit.h"

#include <QTest>

using namespace stockline;
using namespace Qt::StringLiterals;

// Goods sold by measure: the quantity's text, typed quantities, and the grams a price label
// stands for.
class TestUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        for (Unit unit : {Unit::Each, Unit::Kilogram, Unit::Litre, Unit::Metre})
            QCOMPARE(unitFromName(QString(unitName(unit))), unit);
        QCOMPARE(unitFromName(u"g"), std::nullopt);
        QCOMPARE(unitFromName(u""), std::nullopt);
    }

    void quantityText_data()
    {
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("german");
        QTest::newRow("units") << qint64{3} << Unit::Each << u"3"_s << u"3"_s;
        QTest::newRow("a label") << qint64{532} << Unit::Kilogram << u"0.532 kg"_s << u"0,532 kg"_s;
        QTest::newRow("whole kg") << qint64{12'500} << Unit::Kilogram << u"12.500 kg"_s
                                  << u"12,500 kg"_s;
        QTest::newRow("one gram") << qint64{1} << Unit::Kilogram << u"0.001 kg"_s << u"0,001 kg"_s;
        QTest::newRow("litres") << qint64{1'000} << Unit::Litre << u"1.000 l"_s << u"1,000 l"_s;
        QTest::newRow("taken off") << qint64{-532} << Unit::Metre << u"-0.532 m"_s << u"-0,532 m"_s;
    }
    void quantityText()
    {
        QFETCH(qint64, qty);
        QFETCH(Unit, unit);
        QFETCH(QString, english);
        QFETCH(QString, german);
        QCOMPARE(stockline::quantityText(qty, unit, QLocale(QLocale::English)), english);
        QCOMPARE(stockline::quantityText(qty, unit, QLocale(QLocale::German)), german);
    }

    void parsesTypedQuantities_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<qint64>("qty");
        QTest::newRow("kg with three decimals") << u"1.250"_s << Unit::Kilogram << qint64{1250};
        QTest::newRow("kg with one") << u"0.5"_s << Unit::Kilogram << qint64{500};
        QTest::newRow("whole kg") << u"2"_s << Unit::Kilogram << qint64{2000};
        QTest::newRow("leading point") << u".532"_s << Unit::Kilogram << qint64{532};
        QTest::newRow("spaces") << u" 0.532 "_s << Unit::Kilogram << qint64{532};
        QTest::newRow("units") << u"12"_s << Unit::Each << qint64{12};
    }
    void parsesTypedQuantities()
    {
        QFETCH(QString, typed);
        QFETCH(Unit, unit);
        QFETCH(qint64, qty);
        const Result<qint64> parsed = parseQuantity(typed, unit, QLocale(QLocale::English));
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, qty);
    }

    void germanCommaIsTheDecimalPoint()
    {
        QCOMPARE(*parseQuantity(u"1,25"_s, Unit::Kilogram, QLocale(QLocale::German)), 1250);
        // A keypad sends '.' whatever the locale.
        QCOMPARE(*parseQuantity(u"1.25"_s, Unit::Kilogram, QLocale(QLocale::German)), 1250);
    }

    void refusesBadQuantities_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<QString>("message");
        QTest::newRow("four decimals")
            << u"1.2345"_s << Unit::Kilogram << u"'1.2345' has more than three decimals"_s;
        QTest::newRow("letters") << u"1.2a"_s << Unit::Kilogram
                                 << u"'1.2a' is not a quantity in kg like 1.250"_s;
        QTest::newRow("negative") << u"-1"_s << Unit::Kilogram << u"is not a quantity in kg"_s;
        QTest::newRow("empty") << u""_s << Unit::Kilogram << u"is not a quantity in kg"_s;
        QTest::newRow("point alone") << u"."_s << Unit::Kilogram << u"is not a quantity"_s;
        QTest::newRow("units with decimals")
            << u"1.5"_s << Unit::Each << u"'1.5' is not a whole number"_s;
        QTest::newRow("two points") << u"1.2.3"_s << Unit::Kilogram << u"is not a quantity"_s;
    }
    void refusesBadQuantities()
    {
        QFETCH(QString, typed);
        QFETCH(Unit, unit);
        QFETCH(QString, message);
        const Result<qint64> parsed = parseQuantity(typed, unit, QLocale(QLocale::English));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, u"qty"_s);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }

    // A price label of a product sold per kg: the grams that cost exactly the label's price.
    void quantityForPrice_data()
    {
        QTest::addColumn<qint64>("label");
        QTest::addColumn<qint64>("perKg");
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("discount");
        // 1.59 at 2.99/kg: 531.77 g, and 532 g cost 1.59 (1.59068).
        QTest::newRow("estimate exact") << qint64{159} << qint64{299} << qint64{532} << qint64{0};
        // 12.34 at 39.99/kg: 308.58 → 309 g cost 12.36; 308 g cost 12.32: no gram costs
        // 12.34, so 309 g and 0.02 off.
        QTest::newRow("dear: cents off")
            << qint64{1234} << qint64{3999} << qint64{309} << qint64{2};
        QTest::newRow("nothing") << qint64{0} << qint64{299} << qint64{0} << qint64{0};
    }
    void quantityForPrice()
    {
        QFETCH(qint64, label);
        QFETCH(qint64, perKg);
        QFETCH(qint64, qty);
        QFETCH(qint64, discount);
        const auto fit =
            stockline::quantityForPrice(Money::fromMinor(label), Money::fromMinor(perKg));
        QVERIFY(fit);
        QCOMPARE(fit->qty, qty);
        QCOMPARE(fit->discount.minor(), discount);
        QCOMPARE(priceOf(Money::fromMinor(perKg), fit->qty, Unit::Kilogram) - fit->discount,
                 Money::fromMinor(label));
    }

    void everyCentIsReachedAtUpToTenPerKg()
    {
        for (qint64 label = 1; label <= 5000; label += 7) {
            const auto fit =
                stockline::quantityForPrice(Money::fromMinor(label), Money::fromMinor(999));
            QVERIFY(fit);
            QCOMPARE(fit->discount, Money());
        }
        QCOMPARE(stockline::quantityForPrice(Money::fromMinor(100), Money()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestUnit)
#include "tst_unit.moc"
