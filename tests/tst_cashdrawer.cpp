// The cash drawer's view model over the real till: the drawer gates payments and refunds,
// and the X and Z reports add up what the till rang up.

#include "cartmodel.h"
#include "cashdrawer.h"
#include "cashsession.h"
#include "denominationmodel.h"
#include "moneytext.h"
#include "notices.h"
#include "posfixture.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "till.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;
using namespace stockline::print;

namespace {

// Rows of the US drawer, largest first.
constexpr int hundreds = 0;
constexpr int ones = 5;
constexpr int quarters = 6;
constexpr int pennies = 9;

const QByteArray drawerKick("\x1bp\x00\x19\xfa", 5);

} // namespace

class tst_CashDrawer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open(m_printer.isValid() ? m_printer.filePath(QStringLiteral("lp0"))
                                                : QString()));
        drawer().setStaff(QStringLiteral("Alice"));
        m_tester = std::make_unique<QAbstractItemModelTester>(
            drawer().denominations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_problems = std::make_unique<QSignalSpy>(&m_pos->context().notices(), &Notices::problem);
    }
    void cleanup()
    {
        m_problems.reset();
        m_tester.reset();
        m_pos.reset();
        QFile::remove(m_printer.filePath(QStringLiteral("lp0")));
    }

    void open_withATypedFloat()
    {
        QVERIFY(!drawer().isOpen());
        QSignalSpy changed(&drawer(), &CashDrawer::sessionChanged);
        QVERIFY(drawer().openDrawer(QStringLiteral("150.5")));
        QVERIFY(drawer().isOpen());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(drawer().openedBy(), QStringLiteral("Alice"));
        QCOMPARE(drawer().openingFloatText(), moneyText(Money::fromMinor(150'50)));
        QVERIFY(!drawer().openedAtText().isEmpty());
        QCOMPARE(m_problems->count(), 0);
        // The float goes in: the drawer wired to the printer opens (ESC p).
        QCOMPARE(printed(), drawerKick);
        // Still open after a restart: the session is in the store.
        QVERIFY(m_pos->reopen());
        QVERIFY(m_pos->context().drawer().isOpen());
        QCOMPARE(m_pos->context().drawer().openingFloatText(), moneyText(Money::fromMinor(150'50)));
    }

    void till_refusesPaymentWhileTheDrawerIsClosed()
    {
        till().submit(fixtures::milkBarcode, 13);
        QVERIFY(!till().startPayment());
        QVERIFY(!till().paying());
        QCOMPARE(m_problems->count(), 1);
        QVERIFY2(m_problems->at(0).at(0).toString().contains(QLatin1String("drawer is closed")),
                 qPrintable(m_problems->at(0).at(0).toString()));
        QCOMPARE(m_pos->context().journal().count().value(), 0);
        QCOMPARE(till().cart()->count(), 1); // the sale waits for the drawer
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCash(QString()));
        QCOMPARE(m_pos->context().journal().count().value(), 1);
    }

    // The drawer opens by itself when cash changes hands, and only then: a sale paid in cash
    // (ESC p, then the receipt), paying in or out, a refund in cash; not a sale paid by card.
    void drawerKick_whenCashChangesHands_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<bool>("kicks");
        QTest::newRow("sale in cash") << QStringLiteral("cash") << true;
        QTest::newRow("sale by card") << QStringLiteral("card") << false;
        QTest::newRow("paid out") << QStringLiteral("payout") << true;
        QTest::newRow("refund in cash") << QStringLiteral("refund") << true;
    }
    void drawerKick_whenCashChangesHands()
    {
        QFETCH(QString, event);
        QFETCH(bool, kicks);
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        const QString sold = event == u"refund" ? sell(fixtures::colaBarcode) : QString();
        QFile::remove(m_printer.filePath(QStringLiteral("lp0")));
        if (event == u"cash" || event == u"card") {
            till().submit(fixtures::colaBarcode, 12);
            QVERIFY(till().startPayment());
            QVERIFY(event == u"cash" ? till().tenderCash(QString())
                                     : till().tenderCard(QString(), QStringLiteral("AUTH 5")));
        } else if (event == u"payout") {
            QVERIFY(drawer().payOut(QStringLiteral("20"), QStringLiteral("Window cleaner")));
        } else {
            QVERIFY(till().returns()->load(sold));
            till().returns()->setChosen(0, 1);
            QVERIFY(till().returns()->refund(false));
        }
        QCOMPARE(printed().startsWith(drawerKick), kicks);
        QCOMPARE(printed().count(drawerKick), kicks ? 1 : 0);
    }

    void refund_refusedWhileTheDrawerIsClosed()
    {
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        const QString receipt = sell(fixtures::colaBarcode);
        QVERIFY(!receipt.isEmpty());
        countExactly();
        QVERIFY(drawer().closeDrawer());
        m_problems->clear();

        ReturnsModel& returns = *till().returns();
        QVERIFY(returns.load(receipt));
        returns.toggle(0);
        QVERIFY(!returns.refund(false));
        QCOMPARE(m_problems->count(), 1);
        QVERIFY(m_problems->at(0).at(0).toString().contains(QLatin1String("drawer is closed")));
        QCOMPARE(m_pos->context().returns().count().value(), 0);
        QVERIFY(returns.anyChosen()); // still there for when the drawer is open
        // The till asks before a manager is called over for the refund.
        QVERIFY(!till().refund(false));
        QVERIFY(!m_pos->context().approvals().pending());
        QCOMPARE(m_problems->count(), 2);
    }

    void badInput_isReportedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("named"); // a word of the message
        QTest::newRow("float not a number") << "open"
                                            << "abc"
                                            << ""
                                            << "abc";
        QTest::newRow("float negative") << "open"
                                        << "-5"
                                        << ""
                                        << "-5";
        QTest::newRow("float too large") << "open"
                                         << "99999999999"
                                         << ""
                                         << "too large";
        QTest::newRow("float three decimals") << "open"
                                              << "1.005"
                                              << ""
                                              << "1.005";
        QTest::newRow("paid out, no reason") << "out"
                                             << "5"
                                             << " "
                                             << "reason";
        QTest::newRow("paid out, not a number") << "out"
                                                << "five"
                                                << "Milkman"
                                                << "five";
        QTest::newRow("paid in, zero") << "in"
                                       << "0"
                                       << "Top-up"
                                       << "more than zero";
        QTest::newRow("paid out, more than the drawer") << "out"
                                                        << "500"
                                                        << "Rent"
                                                        << "500.00";
        QTest::newRow("count negative") << "count"
                                        << "-1"
                                        << ""
                                        << "-1";
        QTest::newRow("count not a number") << "count"
                                            << "ten"
                                            << ""
                                            << "ten";
        QTest::newRow("count a fraction") << "count"
                                          << "2.5"
                                          << ""
                                          << "2.5";
        QTest::newRow("count too large") << "count"
                                         << "1000001"
                                         << ""
                                         << "1000001";
    }
    void badInput_isReportedAndChangesNothing()
    {
        QFETCH(QString, action);
        QFETCH(QString, amount);
        QFETCH(QString, reason);
        QFETCH(QString, named);
        if (action != QLatin1String("open"))
            QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        QVERIFY(drawer().denominations()->setCount(ones, QStringLiteral("7")));
        m_problems->clear();
        const bool wasOpen = drawer().isOpen();

        bool done = true;
        if (action == QLatin1String("open"))
            done = drawer().openDrawer(amount);
        else if (action == QLatin1String("in"))
            done = drawer().payIn(amount, reason);
        else if (action == QLatin1String("out"))
            done = drawer().payOut(amount, reason);
        else
            done = drawer().denominations()->setCount(ones, amount);
        QVERIFY(!done);
        QCOMPARE(m_problems->count(), 1);
        const QString message = m_problems->at(0).at(0).toString();
        QVERIFY2(message.contains(named), qPrintable(message));

        QCOMPARE(drawer().isOpen(), wasOpen);
        QCOMPARE(drawer().denominations()->total(), Money::fromMinor(7'00));
        if (wasOpen) {
            const Result<CashReport> x = m_pos->context().cash().xReport();
            QVERIFY(x);
            QVERIFY(x->movements.isEmpty());
            QCOMPARE(x->expectedCash, Money::fromMinor(100'00));
        }
    }

    void closedDrawer_refusesEverythingButOpening()
    {
        QVERIFY(!drawer().payIn(QStringLiteral("5"), QStringLiteral("Top-up")));
        QVERIFY(!drawer().payOut(QStringLiteral("5"), QStringLiteral("Milkman")));
        QVERIFY(!drawer().makeXReport());
        QVERIFY(!drawer().closeDrawer());
        QVERIFY(!drawer().reprintLast());
        QCOMPARE(m_problems->count(), 5);
        for (const QList<QVariant>& problem : *m_problems)
            QVERIFY2(problem.at(0).toString().contains(QLatin1String("closed")) ||
                         problem.at(0).toString().contains(QLatin1String("no cash report")),
                     qPrintable(problem.at(0).toString()));
        QVERIFY(!drawer().hasReport());
        QVERIFY(!drawer().isOpen());
    }

    void staff_isWhoIsSignedIn()
    {
        m_pos->context().staff().signOut();
        QCOMPARE(drawer().staff(), QString());
        QVERIFY(!drawer().openDrawer(QStringLiteral("100")));
        QCOMPARE(m_problems->count(), 1);
        QVERIFY(m_problems->at(0).at(0).toString().contains(QLatin1String("signed in")));
        QVERIFY(!drawer().isOpen());
        QVERIFY(fixtures::signIn(m_pos->context()));
        QCOMPARE(drawer().staff(), fixtures::cashier);
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        QCOMPARE(drawer().openedBy(), fixtures::cashier);
    }

    // Sales in cash and by card, a refund in cash, cash paid out and in: the X report and
    // then the Z report of the count add up exactly what the till recorded.
    void xAndZ_addUpTheSalesOfTheTill()
    {
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        const QString cashSale =
            sell(fixtures::milkBarcode, QStringLiteral("3*") + fixtures::colaBarcode);
        QVERIFY(!cashSale.isEmpty());
        const Money cashTotal = m_pos->context().journal().find(cashSale)->totals.total;
        till().submit(fixtures::colaBarcode, 12);
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCard(QString(), QStringLiteral("AUTH 5")));
        const auto cardSale = m_pos->context().journal().find(till().lastReceipt());
        QVERIFY(cardSale);
        const Money cardTotal = cardSale->totals.total;
        QVERIFY(drawer().payOut(QStringLiteral("20"), QStringLiteral("Window cleaner")));
        QVERIFY(drawer().payIn(QStringLiteral("5.25"), QStringLiteral("Change from the bank")));
        ReturnsModel& returns = *till().returns();
        QVERIFY(returns.load(cashSale));
        returns.setChosen(1, 1); // one cola back, in cash
        const Money refunded = returns.refundTotal();
        QVERIFY(returns.refund(false));

        QSignalSpy reported(&drawer(), &CashDrawer::reportChanged);
        QVERIFY(drawer().makeXReport());
        QCOMPARE(reported.count(), 1);
        const CashReport& x = *drawer().lastReport();
        QCOMPARE(x.kind, CashReport::Kind::X);
        QCOMPARE(x.salesCount, 2);
        QCOMPARE(x.salesTotal, cashTotal + cardTotal);
        QCOMPARE(x.refundsCount, 1);
        QCOMPARE(x.refundsTotal, refunded);
        QCOMPARE(x.tender(QStringLiteral("cash")).sales, cashTotal);
        QCOMPARE(x.tender(QStringLiteral("card")).sales, cardTotal);
        const Money expected = Money::fromMinor(100'00) + cashTotal - refunded -
                               Money::fromMinor(20'00) + Money::fromMinor(5'25);
        QCOMPARE(x.expectedCash, expected);
        QVERIFY(!drawer().reportIsZ());
        QVERIFY(drawer().overShortText().isEmpty());
        QVERIFY(!drawer().balanced());
        QVERIFY(drawer().reportText().contains(QLatin1String("X REPORT")));
        QVERIFY(drawer().reportText().contains(QLatin1String("Window cleaner")));
        QCOMPARE(drawer().reportLines().size(), drawer().reportText().count(u'\n'));

        // Counted a quarter more than expected: over by 0.25.
        DenominationModel& counts = *drawer().denominations();
        QVERIFY(counts.setCount(ones, QString::number(expected.minor() / 100)));
        QVERIFY(counts.setCount(pennies, QString::number(expected.minor() % 100)));
        QVERIFY(counts.setCount(quarters, QStringLiteral("1")));
        QCOMPARE(counts.total(), expected + Money::fromMinor(25));
        QVERIFY(drawer().closeDrawer());
        QVERIFY(!drawer().isOpen());
        QVERIFY(drawer().reportIsZ());
        const CashReport& z = *drawer().lastReport();
        QCOMPARE(z.kind, CashReport::Kind::Z);
        QCOMPARE(z.closedBy, QStringLiteral("Alice"));
        QCOMPARE(z.expectedCash, expected);
        QCOMPARE(z.countedCash, expected + Money::fromMinor(25));
        QCOMPARE(z.overShort(), Money::fromMinor(25));
        QCOMPARE(z.tender(QStringLiteral("card")).net(), cardTotal);
        QCOMPARE(z.tender(QStringLiteral("cash")).net(), cashTotal - refunded);
        const QString text = drawer().reportText();
        QVERIFY(text.contains(QLatin1String("Z REPORT")));
        QVERIFY(text.contains(QLatin1String("Expected in drawer")));
        QVERIFY(text.contains(QLatin1String("Counted in drawer")));
        QVERIFY(text.contains(QLatin1String("Over")));
        QCOMPARE(drawer().expectedText(), moneyText(expected));
        QCOMPARE(drawer().countedText(), moneyText(expected + Money::fromMinor(25)));
        QCOMPARE(drawer().overShortText(),
                 QStringLiteral("Over %1").arg(moneyText(Money::fromMinor(25))));
        QCOMPARE(counts.total(), Money()); // cleared for the next close
        QCOMPARE(m_problems->count(), 0);

        // The next customer needs the next drawer.
        till().submit(fixtures::milkBarcode, 13);
        QVERIFY(!till().startPayment());
    }

    void report_printedSavedAndReprinted()
    {
        QVERIFY(drawer().printerConfigured());
        QVERIFY(drawer().openDrawer(QStringLiteral("100")));
        QVERIFY(drawer().makeXReport());
        drawer().printReport();
        QVERIFY(printed().contains("X REPORT"));
        const QString x = drawer().saveReportPdf();
        QVERIFY(!x.isEmpty());
        QFile pdf(x);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));

        countExactly();
        QVERIFY(drawer().closeDrawer());
        QVERIFY(drawer().balanced());
        QCOMPARE(drawer().overShortText(), QStringLiteral("Exact"));
        // The Z prints by itself, as a receipt does.
        QVERIFY(printed().contains("Z REPORT"));
        const QString z = drawer().saveReportPdf();
        QVERIFY(z.endsWith(QLatin1String("Z-1.pdf")));
        QVERIFY(QFile::exists(z));
        QFile::remove(m_printer.filePath(QStringLiteral("lp0")));
        QVERIFY(drawer().reprintLast());
        QVERIFY(drawer().reportIsZ());
        QVERIFY(printed().contains("Z REPORT"));
        QCOMPARE(m_problems->count(), 0);
    }

    void denominations_areTheDrawersForCounting()
    {
        DenominationModel& counts = *drawer().denominations();
        QCOMPARE(counts.rowCount(), 10);
        QCOMPARE(
            counts.data(counts.index(hundreds), DenominationModel::DenominationRole).toString(),
            moneyText(Money::fromMinor(100'00)));
        QVERIFY(!counts.data(counts.index(hundreds), DenominationModel::CoinRole).toBool());
        QVERIFY(counts.data(counts.index(pennies), DenominationModel::CoinRole).toBool());
        QCOMPARE(counts.roleNames().value(DenominationModel::SubtotalRole), QByteArray("subtotal"));
        QCOMPARE(static_cast<int>(DenominationModel::DenominationRole), Qt::UserRole + 1);

        QSignalSpy changed(&counts, &QAbstractItemModel::dataChanged);
        QSignalSpy total(&counts, &DenominationModel::totalChanged);
        QVERIFY(counts.setCount(hundreds, QStringLiteral(" 3 ")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(total.count(), 1);
        QCOMPARE(counts.data(counts.index(hundreds), DenominationModel::CountRole).toLongLong(), 3);
        QCOMPARE(counts.data(counts.index(hundreds), DenominationModel::SubtotalRole).toString(),
                 moneyText(Money::fromMinor(300'00)));
        QVERIFY(counts.setCount(quarters, QStringLiteral("4")));
        QCOMPARE(counts.totalText(), moneyText(Money::fromMinor(301'00)));
        QVERIFY(counts.setCount(quarters, QString())); // an empty field: none
        QCOMPARE(counts.total(), Money::fromMinor(300'00));
        QVERIFY(!counts.setCount(42, QStringLiteral("1")));
        counts.clear();
        QCOMPARE(counts.total(), Money());
        QCOMPARE(counts.counts().size(), 10);
    }

private:
    // Rings up the codes and takes exact cash: the receipt, or "".
    QString sell(const QString& code, const QString& more = {})
    {
        till().submit(code, 13);
        if (!more.isEmpty())
            till().submit(more, 12);
        if (!till().startPayment() || !till().tenderCash(QStringLiteral("50")))
            return {};
        return till().lastReceipt();
    }
    // Counts exactly what the drawer should hold, in ones and pennies.
    void countExactly()
    {
        const Result<CashReport> x = m_pos->context().cash().xReport();
        QVERIFY(x);
        QVERIFY(drawer().denominations()->setCount(ones,
                                                   QString::number(x->expectedCash.minor() / 100)));
        QVERIFY(drawer().denominations()->setCount(pennies,
                                                   QString::number(x->expectedCash.minor() % 100)));
    }
    QByteArray printed() const
    {
        QFile file(m_printer.filePath(QStringLiteral("lp0")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    CashDrawer& drawer() { return m_pos->context().drawer(); }
    Till& till() { return m_pos->context().till(); }

    QTemporaryDir m_printer;
    std::unique_ptr<fixtures::PosFixture> m_pos;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_problems;
};

QTEST_MAIN(tst_CashDrawer)
#include "tst_cashdrawer.moc"
