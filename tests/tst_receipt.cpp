#include "receipt.h"

#include <QTest>

using namespace stockline;

Q_DECLARE_METATYPE(QList<stockline::ReceiptLine>)

namespace {

ReceiptLine line(qint64 qty, qint64 unitMinor, int milliPercent, qint64 discountMinor = 0)
{
    ReceiptLine l;
    l.sku = QStringLiteral("SKU");
    l.qty = qty;
    l.unitPrice = Money::fromMinor(unitMinor);
    l.taxRate = TaxRate::fromMilliPercent(milliPercent);
    l.discount = Money::fromMinor(discountMinor);
    return l;
}

} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computesLineNetTaxAndTotal_data()
    {
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("unit");
        QTest::addColumn<int>("rate");
        QTest::addColumn<qint64>("discount");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");
        QTest::newRow("single taxed") << qint64(1) << qint64(499) << 8250 << qint64(0)
                                      << qint64(499) << qint64(41) << qint64(540);
        QTest::newRow("three units") << qint64(3) << qint64(199) << 8250 << qint64(0) << qint64(597)
                                     << qint64(49) << qint64(646);
        QTest::newRow("discounted line") << qint64(2) << qint64(1000) << 8250 << qint64(500)
                                         << qint64(1500) << qint64(124) << qint64(1624);
        QTest::newRow("untaxed grocery") << qint64(4) << qint64(125) << 0 << qint64(0)
                                         << qint64(500) << qint64(0) << qint64(500);
    }
    void computesLineNetTaxAndTotal()
    {
        QFETCH(qint64, qty);
        QFETCH(qint64, unit);
        QFETCH(int, rate);
        QFETCH(qint64, discount);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        const ReceiptLine l = line(qty, unit, rate, discount);
        QCOMPARE(l.net().minor(), net);
        QCOMPARE(l.tax().minor(), tax);
        QCOMPARE(l.total().minor(), total);
    }

    void roundsTaxPerLineSoTotalIsSumOfLines()
    {
        // Three lines of 0.165 tax each: per-line rounding gives 0.16 × 3 = 0.48, where
        // taxing the sum (6.00 × 8.25 % = 0.495 → 0.50) would not match the printed lines.
        const QList<ReceiptLine> lines{line(1, 200, 8250), line(1, 200, 8250), line(1, 200, 8250)};
        const ReceiptTotals totals = totalsOf(lines);
        QCOMPARE(totals.net.minor(), 600);
        QCOMPARE(totals.tax.minor(), 48);
        QCOMPARE(totals.total.minor(), 648);
        Money sumOfLines;
        for (const ReceiptLine& l : lines)
            sumOfLines += l.total();
        QCOMPARE(totals.total, sumOfLines);
    }

    void mixesTaxRatesPerLine()
    {
        const QList<ReceiptLine> lines{line(1, 499, 8250), line(2, 350, 0), line(1, 1299, 2250)};
        const ReceiptTotals totals = totalsOf(lines);
        QCOMPARE(totals.net.minor(), 499 + 700 + 1299);
        QCOMPARE(totals.tax.minor(), 41 + 0 + 29); // 12.99 × 2.25 % = 0.292275 → 0.29
        QCOMPARE(totals.total, totals.net + totals.tax);
    }

    // VAT-inclusive shelf prices (issue 23): the price is what the customer pays; the VAT in
    // it is amount × rate / (100 % + rate), rounded half-even per line.
    void takesVatOutOfInclusivePrices_data()
    {
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("unit");
        QTest::addColumn<int>("rate");
        QTest::addColumn<qint64>("discount");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");
        // Germany 19 %: 11.90 is 10.00 + 1.90.
        QTest::newRow("DE 19 % round") << qint64(1) << qint64(1190) << 19000 << qint64(0)
                                       << qint64(1000) << qint64(190) << qint64(1190);
        // 0.99 × 19/119 = 0.15807 → 0.16.
        QTest::newRow("DE 19 % 0.99") << qint64(1) << qint64(99) << 19000 << qint64(0) << qint64(83)
                                      << qint64(16) << qint64(99);
        // Germany 7 % (food): 2 × 1.19 = 2.38; 2.38 × 7/107 = 0.15570 → 0.16.
        QTest::newRow("DE 7 % two units") << qint64(2) << qint64(119) << 7000 << qint64(0)
                                          << qint64(222) << qint64(16) << qint64(238);
        // A discount comes off the amount the customer pays, before the VAT is taken out:
        // 3 × 4.99 − 1.50 = 13.47; 13.47 × 19/119 = 2.15066 → 2.15.
        QTest::newRow("DE 19 % discounted") << qint64(3) << qint64(499) << 19000 << qint64(150)
                                            << qint64(1132) << qint64(215) << qint64(1347);
        // Discounted to nothing: no VAT.
        QTest::newRow("free after discount") << qint64(1) << qint64(500) << 19000 << qint64(500)
                                             << qint64(0) << qint64(0) << qint64(0);
        // Switzerland 8.1 %: 19.95 × 8.1/108.1 = 1.49487 → 1.49.
        QTest::newRow("CH 8.1 %") << qint64(1) << qint64(1995) << 8100 << qint64(0) << qint64(1846)
                                  << qint64(149) << qint64(1995);
        // UK 20 %: 5.00 × 20/120 = 0.8333 → 0.83.
        QTest::newRow("UK 20 %") << qint64(1) << qint64(500) << 20000 << qint64(0) << qint64(417)
                                 << qint64(83) << qint64(500);
        // Exact halves go to the even cent: 0.09 × 20/120 = 0.015 → 0.02; 0.03 → 0.005 → 0.00.
        QTest::newRow("half to even up")
            << qint64(1) << qint64(9) << 20000 << qint64(0) << qint64(7) << qint64(2) << qint64(9);
        QTest::newRow("half to even down")
            << qint64(1) << qint64(3) << 20000 << qint64(0) << qint64(3) << qint64(0) << qint64(3);
        // Japan 10 % (no minor unit): 498 yen × 10/110 = 45.27 → 45 yen.
        QTest::newRow("JP 10 %") << qint64(1) << qint64(498) << 10000 << qint64(0) << qint64(453)
                                 << qint64(45) << qint64(498);
        // Zero-rated.
        QTest::newRow("0 %") << qint64(4) << qint64(250) << 0 << qint64(0) << qint64(1000)
                             << qint64(0) << qint64(1000);
    }
    void takesVatOutOfInclusivePrices()
    {
        QFETCH(qint64, qty);
        QFETCH(qint64, unit);
        QFETCH(int, rate);
        QFETCH(qint64, discount);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        ReceiptLine l = line(qty, unit, rate, discount);
        l.taxIncluded = true;
        QCOMPARE(l.net().minor(), net);
        QCOMPARE(l.tax().minor(), tax);
        QCOMPARE(l.total().minor(), total);
        QCOMPARE(l.net() + l.tax(), l.total());
    }

    void weighedVatInclusiveLine()
    {
        // 0.532 kg at 2.99/kg = 1.59068 → 1.59; 7 % in it: 1.59 × 7/107 = 0.10402 → 0.10.
        ReceiptLine l = line(532, 299, 7000);
        l.unit = Unit::Kilogram;
        l.taxIncluded = true;
        QCOMPARE(l.total().minor(), 159);
        QCOMPARE(l.tax().minor(), 10);
    }

    // Rounding per receipt: per rate, the tax of the rate's summed amounts is rounded once and
    // shared out to its lines (floors, then one unit each to the largest remainders, earlier
    // lines first on a tie), so the lines still add up to the receipt.
    void roundsTaxPerReceipt_data()
    {
        QTest::addColumn<bool>("included");
        QTest::addColumn<QList<ReceiptLine>>("lines");
        QTest::addColumn<QList<qint64>>("lineTaxes");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");
        // 3 × 0.99 at 19 % in: per line 0.16 each (0.48); per receipt 2.97 × 19/119 = 0.4742
        // → 0.47, shared 0.16, 0.16, 0.15.
        QTest::newRow("DE three 0.99")
            << true
            << QList<ReceiptLine>{line(1, 99, 19000), line(1, 99, 19000), line(1, 99, 19000)}
            << QList<qint64>{16, 16, 15} << qint64(47) << qint64(297);
        // Two rates, each rounded once: 19 % on 1.98 → 0.31613 → 0.32; 7 % on 1.19 → 0.0779 → 0.08.
        QTest::newRow("DE two rates")
            << true
            << QList<ReceiptLine>{line(1, 99, 19000), line(1, 119, 7000), line(1, 99, 19000)}
            << QList<qint64>{16, 8, 16} << qint64(40) << qint64(317);
        // The largest remainder gets the unit, wherever its line is: 0.60 (9.580) and 0.99
        // (15.807) at 19 %: 1.59 × 19/119 = 0.2539 → 0.25; floors 0.09 + 0.15, the 0.99 line's
        // 0.807 beats 0.580. (Per line it would be 0.10 + 0.16.)
        QTest::newRow("largest remainder")
            << true << QList<ReceiptLine>{line(1, 60, 19000), line(1, 99, 19000)}
            << QList<qint64>{9, 16} << qint64(25) << qint64(159);
        // A discounted VAT-inclusive line shares too: 2 × 4.99 − 1.00 = 8.98 and 0.99, 19 %:
        // 9.97 × 19/119 = 1.59185 → 1.59; floors 1.43 (0.378) + 0.15 (0.807) → 0.99 line +1.
        QTest::newRow("with a discount")
            << true << QList<ReceiptLine>{line(2, 499, 19000, 100), line(1, 99, 19000)}
            << QList<qint64>{143, 16} << qint64(159) << qint64(997);
        // Tax-exclusive, per receipt (8.875 %): 3 × 1.29 = 3.87 → 0.34346 → 0.34 (per line
        // it would be 3 × 0.11 = 0.33).
        QTest::newRow("exclusive")
            << false
            << QList<ReceiptLine>{line(1, 129, 8875), line(1, 129, 8875), line(1, 129, 8875)}
            << QList<qint64>{12, 11, 11} << qint64(34) << qint64(421);
    }
    void roundsTaxPerReceipt()
    {
        QFETCH(bool, included);
        QFETCH(QList<ReceiptLine>, lines);
        QFETCH(QList<qint64>, lineTaxes);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        const QList<ReceiptLine> priced =
            withTaxRule(lines, TaxRule{included, TaxRounding::Receipt});
        QList<qint64> taxes;
        for (const ReceiptLine& l : priced)
            taxes.append(l.tax().minor());
        QCOMPARE(taxes, lineTaxes);
        const ReceiptTotals totals = totalsOf(priced);
        QCOMPARE(totals.tax.minor(), tax);
        QCOMPARE(totals.total.minor(), total);
        QCOMPARE(totals.net + totals.tax, totals.total);
    }

    void totalsPerRateForTheVatSummary()
    {
        const QList<ReceiptLine> priced = withTaxRule(
            {line(1, 1190, 19000), line(2, 119, 7000), line(1, 595, 19000)}, TaxRule{true});
        const ReceiptTotals totals = totalsOf(priced);
        QCOMPARE(totals.rates.size(), 2);
        QCOMPARE(totals.rates.at(0).rate, TaxRate::fromMilliPercent(19000));
        QCOMPARE(totals.rates.at(0).tax.minor(), 190 + 95);
        QCOMPARE(totals.rates.at(0).net.minor(), 1000 + 500);
        QCOMPARE(totals.rates.at(1).tax.minor(), 16);
        QCOMPARE(totals.rates.at(1).net.minor(), 222);
    }

    void emptyReceiptTotalsZero()
    {
        const ReceiptTotals totals = totalsOf({});
        QCOMPARE(totals.total.minor(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
