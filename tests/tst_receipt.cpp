#include "receipt.h"

#include <QTest>

using namespace stockline;

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

    void emptyReceiptTotalsZero()
    {
        const ReceiptTotals totals = totalsOf({});
        QCOMPARE(totals.total.minor(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
