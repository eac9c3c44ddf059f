#include "cartmodel.h"
#include "cashsession.h"
#include "localstore.h"
#include "notices.h"
#include "outbox.h"
#include "parkedmodel.h"
#include "parkedsales.h"
#include "paymentmodel.h"
#include "posfixture.h"
#include "returnjournal.h"
#include "salejournal.h"
#include "storesettings.h"
#include "till.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;

Q_DECLARE_METATYPE(QList<qint64>)

class tst_Payment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_payment = std::make_unique<PaymentModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_payment.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_payment.reset();
    }

    void quickAmounts_data()
    {
        QTest::addColumn<qint64>("due");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("45.90") << qint64{4590} << QList<qint64>{4590, 4600, 5000, 6000, 10000};
        QTest::newRow("46.00, whole") << qint64{4600} << QList<qint64>{4600, 5000, 6000, 10000};
        QTest::newRow("3.20") << qint64{320} << QList<qint64>{320, 400, 500, 1000, 2000};
        QTest::newRow("nothing due") << qint64{0} << QList<qint64>{};
    }
    void quickAmounts()
    {
        QFETCH(qint64, due);
        QFETCH(QList<qint64>, expected);
        QList<qint64> amounts;
        for (const Money amount : PaymentModel::quickAmounts(Money::fromMinor(due)))
            amounts.append(amount.minor());
        QCOMPARE(amounts, expected);
    }

    void cash_givesChangeAsANegativeCashPayment()
    {
        m_payment->start(Money::fromMinor(4590));
        QVERIFY(m_payment->addCash(Money::fromMinor(5000)));
        QVERIFY(m_payment->settled());
        QCOMPARE(m_payment->change(), Money::fromMinor(410));
        const QList<Payment> payments = m_payment->payments();
        QCOMPARE(payments.size(), 2);
        QCOMPARE(payments.at(0), (Payment{QStringLiteral("cash"), Money::fromMinor(5000), {}}));
        QCOMPARE(payments.at(1), (Payment{QStringLiteral("cash"), Money::fromMinor(-410), {}}));
        QVERIFY(!m_payment->addCash(Money::fromMinor(100))); // already paid
    }

    void split_cardThenCash()
    {
        m_payment->start(Money::fromMinor(4590));
        QVERIFY(!m_payment->addCard(Money::fromMinor(5000), QStringLiteral("A1"))); // no change
        QVERIFY(!m_payment->addCard(Money::fromMinor(2000), QStringLiteral("  "))); // reference
        QVERIFY(m_payment->addCard(Money::fromMinor(2000), QStringLiteral("AUTH 1")));
        QCOMPARE(m_payment->remaining(), Money::fromMinor(2590));
        QVERIFY(!m_payment->settled());
        QVERIFY(m_payment->addCash(Money::fromMinor(3000)));
        QCOMPARE(m_payment->change(), Money::fromMinor(410));
        Money sum;
        for (const Payment& payment : m_payment->payments())
            sum += payment.amount;
        QCOMPARE(sum, m_payment->due());
        QCOMPARE(m_payment->payments().at(0).reference, QStringLiteral("AUTH 1"));
        QVERIFY(m_payment->removeTender(1));
        QVERIFY(!m_payment->settled());
    }

    // Through the till: the sale lands in the journal with its outbox entry, and the next
    // customer starts with an empty cart.
    void till_completesTheSaleIntoTheJournal()
    {
        fixtures::PosFixture pos;
        QVERIFY(pos.open());
        QVERIFY(pos.openDrawer());
        Till& till = pos.context().till();
        QSignalSpy completed(&till, &Till::saleCompleted);
        QSignalSpy problems(&pos.context().notices(), &Notices::problem);
        till.submit(fixtures::milkBarcode, 13);
        till.submit(QStringLiteral("3*") + fixtures::colaBarcode, 12);
        const Money total = till.cart()->totals().total;
        QVERIFY(till.startPayment());
        QVERIFY(till.paying());
        QVERIFY(till.tenderCard(QStringLiteral("10"), QStringLiteral("AUTH 77")));
        QVERIFY(till.paying());
        QVERIFY(till.tenderCash(QStringLiteral("50")));
        QCOMPARE(problems.count(), 0);
        QCOMPARE(completed.count(), 1);
        QVERIFY(!till.paying());
        QCOMPARE(till.cart()->count(), 0);

        const QString receipt = completed.at(0).at(0).toString();
        QCOMPARE(receipt, QStringLiteral("POS-01-000001"));
        QCOMPARE(till.lastReceipt(), receipt);
        const auto stored = pos.context().journal().find(receipt);
        QVERIFY(stored);
        QCOMPARE(stored->totals.total, total);
        QCOMPARE(stored->lines.size(), 2);
        QCOMPARE(stored->lines.at(1).qty, 3);
        QCOMPARE(stored->offline, true); // no sync client: rung up offline
        QCOMPARE(stored->payments.size(), 3);
        QCOMPARE(stored->payments.at(0).method, QStringLiteral("card"));
        QCOMPARE(stored->payments.at(2).amount, total - Money::fromMinor(6000));
        // The drawer's opening and the sale.
        QCOMPARE(pos.context().outbox().pendingCount().value(), 2);
        QVERIFY(till.lastReceiptText().contains(receipt));
        QCOMPARE(till.lastChangeText(), moneyFor(Money::fromMinor(6000) - total));
    }

    void till_exactCashAndParking()
    {
        fixtures::PosFixture pos;
        QVERIFY(pos.open());
        QVERIFY(pos.openDrawer());
        Till& till = pos.context().till();
        QVERIFY(!till.startPayment()); // nothing to pay for
        till.submit(fixtures::milkBarcode, 13);
        QVERIFY(till.park(QStringLiteral("Mr. B")));
        QCOMPARE(till.cart()->count(), 0);
        QCOMPARE(till.parked()->rowCount(), 1);
        till.submit(fixtures::colaBarcode, 12);
        QVERIFY(till.startPayment());
        QVERIFY(till.tenderCash(QString())); // exact
        QCOMPARE(pos.context().journal().count().value(), 1);
        const qint64 id =
            till.parked()->data(till.parked()->index(0), Qt::UserRole + 1).toLongLong();
        QVERIFY(till.resume(id));
        QCOMPARE(till.cart()->count(), 1);
        QCOMPARE(till.cart()->line(0).receipt.sku, QStringLiteral("DAI-0001"));
        QCOMPARE(till.parked()->rowCount(), 0);
    }

    void saleInProgress_survivesARestart()
    {
        fixtures::PosFixture pos;
        QVERIFY(pos.open());
        QVERIFY(pos.openDrawer());
        pos.context().till().submit(fixtures::milkBarcode, 13);
        pos.context().till().submit(QStringLiteral("2*") + fixtures::colaBarcode, 12);
        QVERIFY(pos.context().till().setOrderDiscount(QStringLiteral("1.00")));
        const Money total = pos.context().till().cart()->totals().total;
        QVERIFY(pos.reopen());
        Till& till = pos.context().till();
        QCOMPARE(till.cart()->count(), 2);
        QCOMPARE(till.cart()->line(1).receipt.qty, 2);
        QCOMPARE(till.cart()->totals().total, total);
        QVERIFY(!pos.context().notices().last().isEmpty());
        // Sold: nothing comes back after the next restart.
        QVERIFY(till.startPayment());
        QVERIFY(till.tenderCash(QString()));
        QVERIFY(pos.reopen());
        QCOMPARE(pos.context().till().cart()->count(), 0);
        QCOMPARE(pos.context().till().parked()->rowCount(), 0);
    }

    // Saved, then a sale was recorded before the till stopped (the save of the emptied cart
    // never happened): it may be the same sale, so it is parked, never rung up twice.
    void saleInProgress_recordedSinceIsParked()
    {
        fixtures::PosFixture pos;
        QVERIFY(pos.open());
        pos.context().till().submit(fixtures::milkBarcode, 13);
        {
            ParkedSales parked(pos.context().store());
            const auto saved = parked.takeCurrent();
            QVERIFY(saved && saved->has_value());
            QVERIFY(!(*saved)->recordedSince);
            QVERIFY(parked.saveCurrent((*saved)->sale));
            CompletedSale sale;
            sale.location = QStringLiteral("store-1");
            sale.lines = pos.context().till().cart()->receiptLines();
            sale.payments = {Payment{QStringLiteral("cash"), totalsOf(sale.lines).total, {}}};
            QVERIFY(pos.context().journal().record(sale));
        }
        QVERIFY(pos.reopen());
        QCOMPARE(pos.context().till().cart()->count(), 0);
        QCOMPARE(pos.context().till().parked()->rowCount(), 1);
    }

    // Issue 23: a Swiss store. Shelf prices include VAT; cash is rounded to 5 Rappen and the
    // difference is a "rounding" payment, so the receipt still adds up and the Z shows it.
    void till_swissStoreRoundsCashAndShowsVatIncluded()
    {
        fixtures::PosFixture pos;
        qml::PosOptions swiss;
        swiss.storeSettings =
            *StoreSettings::fromConf(QStringLiteral("currency = CHF\npricesIncludeTax = true\n"));
        QVERIFY(pos.open({}, swiss));
        QVERIFY(pos.openDrawer());
        Till& till = pos.context().till();
        till.submit(fixtures::milkBarcode, 13); // 4.49, 0 %
        till.submit(fixtures::colaBarcode, 12); // 5.29 with 8.25 % VAT in it
        const ReceiptTotals totals = till.cart()->totals();
        QCOMPARE(totals.total, Money::fromMinor(449 + 529)); // the shelf prices, nothing added
        QCOMPARE(totals.tax, Money::fromMinor(40));          // 5.29 × 8.25/108.25 = 0.403
        QVERIFY(till.startPayment());
        QCOMPARE(till.payment()->remaining(), Money::fromMinor(980)); // 9.78 → 9.80
        QVERIFY(till.tenderCash(QStringLiteral("20")));
        QCOMPARE(till.lastChangeText(), Money::fromMinor(1020).toLocaleString());
        const auto stored = pos.context().journal().find(till.lastReceipt());
        QVERIFY(stored);
        QCOMPARE(stored->totals.total, Money::fromMinor(978));
        Money sum;
        for (const Payment& p : stored->payments)
            sum += p.amount;
        QCOMPARE(sum, stored->totals.total);
        QCOMPARE(stored->payments.last().method, QStringLiteral("rounding"));
        QCOMPARE(stored->payments.last().amount, Money::fromMinor(-2));
        QVERIFY2(till.lastReceiptText().contains(QStringLiteral("Cash rounding")),
                 qPrintable(till.lastReceiptText()));
        QVERIFY2(till.lastReceiptText().contains(QStringLiteral("VAT 8.25% on")),
                 qPrintable(till.lastReceiptText()));
        QVERIFY(till.lastReceiptText().contains(QStringLiteral("CHF")));
        // A return pays back what the customer paid for the cola, VAT included, not more.
        const Result<ReturnableSale> back = pos.context().returns().returnable(till.lastReceipt());
        QVERIFY(back);
        QCOMPARE(ReturnJournal::refundFor(back->lines.at(1).sold, 0, 1), Money::fromMinor(529));
        QCOMPARE(ReturnJournal::refundTaxFor(back->lines.at(1).sold, 0, 1), Money::fromMinor(40));
        // The X report: the tax per rate, and the rounding by itself.
        const Result<CashReport> x = pos.context().cash().xReport();
        QVERIFY(x);
        QCOMPARE(x->salesByRate.size(), 2);
        QCOMPARE(x->salesByRate.at(0).tax, Money::fromMinor(40));
        QCOMPARE(x->salesByRate.at(0).net, Money::fromMinor(489));
        QCOMPARE(x->tender(QStringLiteral("rounding")).sales, Money::fromMinor(-2));
        const QString xText = x->lines().join(u'\n');
        QVERIFY2(xText.contains(QStringLiteral("tax 8.25 % on")), qPrintable(xText));
        QVERIFY2(xText.contains(QStringLiteral("Rounding")), qPrintable(xText));
        // The drawer counts Swiss notes and coins: 1000 francs down to 5 Rappen.
        QCOMPARE(pos.context().cash().denominations().first().value, Money::fromMinor(100000));
        QCOMPARE(pos.context().cash().denominations().last().value, Money::fromMinor(5));
        Currency::setCurrent(Currency());
    }

    // A Japanese store (no minor unit): "10%" off a ¥1,489 line is ¥149, not ¥1 (the percentage
    // was read with the currency's digits, so "10" meant 0.1 %); a ¥15,000 float opens the drawer
    // and a ¥10,000 note pays.
    void till_japaneseStoreTakesPercentagesAndWholeYen()
    {
        fixtures::PosFixture pos;
        qml::PosOptions japan;
        japan.storeSettings = *StoreSettings::fromConf(
            QStringLiteral("currency = JPY\nminorDigits = 0\npricesIncludeTax = true\n"));
        QVERIFY(pos.open({}, japan));
        Till& till = pos.context().till();
        QVERIFY(pos.openDrawer(QStringLiteral("15000")));
        till.submit(fixtures::colaBarcode, 12);
        QVERIFY(till.setLineDiscount(0, QStringLiteral("10%")));
        QCOMPARE(till.cart()->line(0).receipt.discount, Money::fromMinor(53)); // 10 % of ¥529
        QVERIFY(till.startPayment());
        QVERIFY(till.tenderCash(QStringLiteral("10000")));
        QCOMPARE(till.lastChangeText(), Money::fromMinor(10000 - 476).toLocaleString());
        Currency::setCurrent(Currency());
    }

    // A card pays to the cent: no rounding when it covers the rest.
    void payment_cardIsNotRounded()
    {
        m_payment->setCashRounding(5);
        m_payment->start(Money::fromMinor(978));
        QCOMPARE(m_payment->remaining(), Money::fromMinor(980));
        QVERIFY(m_payment->addCard(Money::fromMinor(978), QStringLiteral("AUTH 9")));
        QVERIFY(m_payment->settled());
        QCOMPARE(m_payment->payments().size(), 1);
    }

private:
    static QString moneyFor(Money amount) { return amount.toLocaleString(); }

    std::unique_ptr<PaymentModel> m_payment;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_Payment)
#include "tst_payment.moc"
