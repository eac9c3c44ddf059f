#include "cashsession.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "returnjournal.h"
#include "salefixtures.h"
#include "salejournal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using fixtures::line;

namespace {

enum Product { Milk, Bread, Coffee, Soap, Battery };

Money cents(qint64 minor)
{
    return Money::fromMinor(minor);
}

Payment pay(const char* method, qint64 minor, const char* reference = "")
{
    return Payment{QLatin1String(method), cents(minor), QLatin1String(reference)};
}

CashCount counted(qint64 denomination, qint64 count)
{
    return CashCount{cents(denomination), count};
}

} // namespace

class tst_CashSession : public QObject
{
    Q_OBJECT

private:
    [[nodiscard]] CashSession
    drawer(QList<Denomination> denominations = CashSession::usDenominations())
    {
        return CashSession(*m_store, std::move(denominations), [this] { return m_now; });
    }
    [[nodiscard]] Result<RecordedSale> sell(QList<ReceiptLine> lines, QList<Payment> payments)
    {
        CompletedSale sale;
        sale.location = QStringLiteral("store-1");
        sale.staff = QStringLiteral("Bob");
        sale.lines = std::move(lines);
        sale.payments = std::move(payments);
        return m_sales->record(sale);
    }
    [[nodiscard]] Result<RecordedReturn> refund(const QString& sale, int saleLine, qint64 qty,
                                                QList<Payment> payments)
    {
        CompletedReturn request;
        request.sale = sale;
        request.staff = QStringLiteral("Bob");
        request.lines = {ReturnRequestLine{saleLine, qty}};
        request.payments = std::move(payments);
        return m_returns->record(request);
    }
    [[nodiscard]] static CashMovement movement(CashMovement::Kind kind, qint64 minor,
                                               const char* reason)
    {
        return CashMovement{kind, cents(minor), QLatin1String(reason), QStringLiteral("Alice"), {}};
    }
    // The day of checkScriptedDay: four sales, three refunds, split tenders, change, paid
    // in and out. Every figure below is worked out by hand in the comments.
    void ringUpTheDay(CashSession& cash)
    {
        // 2 milk: net 2.38, tax 7 % 0.1666 → 0.17, total 2.55; 20.00 cash, 17.45 change.
        const auto s1 = sell({line(Milk, 2)}, {pay("cash", 2000), pay("cash", -1745)});
        QVERIFY(s1);
        // Coffee 8.99 + tax 1.71 = 10.70, 2 soap 5.00 + tax 0.95 = 5.95: 16.65, paid 10.00 card
        // and 6.65 cash.
        const auto s2 =
            sell({line(Coffee, 1), line(Soap, 2)}, {pay("card", 1000, "slip-1"), pay("cash", 665)});
        QVERIFY(s2);
        // 3 batteries less 0.10: net 14.87, tax 2.8253 → 2.83, total 17.70, all card.
        const auto s3 = sell({line(Battery, 3, 10)}, {pay("card", 1770, "slip-2")});
        QVERIFY(s3);
        QVERIFY(cash.record(movement(CashMovement::Kind::Out, 2500, "Window cleaner")));
        // Bread 3.49 + tax 0.2443 → 0.24 = 3.73; 5.00 cash, 1.27 change.
        QVERIFY(sell({line(Bread, 1)}, {pay("cash", 500), pay("cash", -127)}));
        QVERIFY(cash.record(movement(CashMovement::Kind::In, 5000, "Float top-up")));
        // 1 of 2 soap: half of 5.95 is 2.975 → 2.98 (half-even); tax half of 0.95 → 0.48.
        QVERIFY(refund(s2->receipt, 2, 1, {pay("cash", 298)}));
        // 2 of 3 batteries: 17.70 × 2/3 = 11.80; tax 2.83 × 2/3 = 1.8867 → 1.89.
        QVERIFY(refund(s3->receipt, 1, 2, {pay("card", 1180, "slip-2")}));
        // The last battery: 17.70 − 11.80 = 5.90; tax 2.83 − 1.89 = 0.94. Paid back in cash.
        QVERIFY(refund(s3->receipt, 1, 1, {pay("cash", 590)}));
        QVERIFY(cash.record(movement(CashMovement::Kind::Out, 10000, "Drop to safe")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The printed report shows local times: make them the same on every machine.
        qputenv("TZ", "UTC");
    }
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_files));
        m_now = QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
        auto opened = LocalStore::open(m_path);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        QVERIFY(fixtures::seedProducts(*m_store));
        m_outbox = std::make_unique<Outbox>(*m_store);
        auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        QVERIFY(numbers);
        m_numbers = std::make_unique<ReceiptNumbers>(std::move(numbers).value());
        m_sales = std::make_unique<SaleJournal>(*m_store, *m_outbox, *m_numbers);
        m_returns = std::make_unique<ReturnJournal>(*m_store, *m_outbox, QStringLiteral("POS-01"));
    }
    void cleanup()
    {
        m_returns.reset();
        m_sales.reset();
        m_numbers.reset();
        m_outbox.reset();
        m_store.reset();
    }

    // Every drawer change reaches the server through the outbox, in its own transaction:
    // the float, each paid in and out with its reason, and the close with counted and
    // expected cash as the Z shows them.
    void drawerChangesAreQueuedForTheServer()
    {
        CashSession cash = drawer();
        cash.sendTo(*m_outbox, QStringLiteral("POS-01"));
        const auto opened = cash.open(QStringLiteral("Alice"), cents(10000));
        QVERIFY(opened);
        QVERIFY(cash.record(movement(CashMovement::Kind::In, 2000, "Float top-up")));
        QVERIFY(cash.record(movement(CashMovement::Kind::Out, 1500, "Milk man")));
        // Refused: more than the drawer holds. Nothing is queued for it.
        QVERIFY(!cash.record(movement(CashMovement::Kind::Out, 99999, "Slip")));
        const auto z = cash.close({counted(5000, 2)}, QStringLiteral("Bob"));
        QVERIFY(z);

        const auto pending = m_outbox->pending(10);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 4);
        QList<CashMutation> sent;
        for (const OutboxEntry& entry : *pending) {
            const auto mutation = Mutation::fromJson(entry.payload);
            QVERIFY2(mutation, mutation ? "" : qPrintable(mutation.error().toString()));
            sent.append(std::get<CashMutation>(mutation->body));
        }
        const QString session =
            QStringLiteral("POS-01-C%1").arg(opened->id, 6, 10, QLatin1Char('0'));
        QCOMPARE(sent.at(0), (CashMutation{session,
                                           CashMutation::Event::Open,
                                           QStringLiteral("Alice"),
                                           cents(10000),
                                           {},
                                           {}}));
        QCOMPARE(sent.at(1), (CashMutation{session,
                                           CashMutation::Event::PaidIn,
                                           QStringLiteral("Alice"),
                                           cents(2000),
                                           {},
                                           QStringLiteral("Float top-up")}));
        QCOMPARE(sent.at(2), (CashMutation{session,
                                           CashMutation::Event::PaidOut,
                                           QStringLiteral("Alice"),
                                           cents(1500),
                                           {},
                                           QStringLiteral("Milk man")}));
        QCOMPARE(sent.at(3), (CashMutation{session,
                                           CashMutation::Event::Close,
                                           QStringLiteral("Bob"),
                                           cents(10000),
                                           cents(10500),
                                           {}}));
        QCOMPARE(z->expectedCash, cents(10500));
    }

    void scriptedDayXThenZExactToTheCent()
    {
        CashSession cash = drawer();
        const auto opened = cash.open(QStringLiteral("Alice"), cents(20000));
        QVERIFY(opened);
        QCOMPARE(opened->openedAt, m_now);
        ringUpTheDay(cash);

        m_now = m_now.addSecs(9 * 3600);
        const auto x = cash.xReport();
        QVERIFY2(x, qPrintable(x ? QString() : x.error().toString()));
        QCOMPARE(x->kind, CashReport::Kind::X);
        QCOMPARE(x->session.openedBy, QStringLiteral("Alice"));
        QCOMPARE(x->session.openingFloat, cents(20000));
        QCOMPARE(x->salesCount, 4);
        QCOMPARE(x->salesNet, cents(238 + 1399 + 1487 + 349));
        QCOMPARE(x->salesTax, cents(17 + 266 + 283 + 24));
        QCOMPARE(x->salesTotal, cents(4063));
        QCOMPARE(x->refundsCount, 3);
        QCOMPARE(x->refundsTotal, cents(298 + 1180 + 590));
        QCOMPARE(x->refundsTax, cents(48 + 189 + 94));
        QCOMPARE(x->netTotal(), cents(4063 - 2068));
        QCOMPARE(x->netTax(), cents(590 - 331));
        QCOMPARE(x->tenders.size(), 2);
        // Cash first: 2.55 + 6.65 + 3.73 taken (change deducted), 2.98 + 5.90 paid back.
        QCOMPARE(x->tenders.at(0), (TenderTotals{QStringLiteral("cash"), cents(1293), cents(888)}));
        QCOMPARE(x->tenders.at(1),
                 (TenderTotals{QStringLiteral("card"), cents(2770), cents(1180)}));
        QCOMPARE(x->paidIn, cents(5000));
        QCOMPARE(x->paidOut, cents(12500));
        QCOMPARE(x->movements.size(), 3);
        QCOMPARE(x->movements.at(2).reason, QStringLiteral("Drop to safe"));
        // 200.00 + 12.93 − 8.88 + 50.00 − 125.00
        QCOMPARE(x->expectedCash, cents(12905));

        m_now = m_now.addSecs(600);
        const auto z = cash.close({counted(10000, 1), counted(2000, 1), counted(500, 1),
                                   counted(100, 3), counted(25, 3), counted(10, 2), counted(1, 4)},
                                  QStringLiteral("Carol"));
        QVERIFY2(z, qPrintable(z ? QString() : z.error().toString()));
        QCOMPARE(z->kind, CashReport::Kind::Z);
        QCOMPARE(z->at, m_now);
        QCOMPARE(z->closedBy, QStringLiteral("Carol"));
        QCOMPARE(z->expectedCash, cents(12905));
        QCOMPARE(z->countedCash, cents(12899));
        QCOMPARE(z->overShort(), cents(-6));
        QCOMPARE(z->salesTotal, x->salesTotal);
        QCOMPARE(z->tenders, x->tenders);
        QCOMPARE(z->counted.size(), CashSession::usDenominations().size());
        QCOMPARE(z->counted.first(), counted(10000, 1));
        QCOMPARE(z->counted.at(1), counted(5000, 0));

        // Closed for good; the Z reads the same later, whatever is sold after it.
        QVERIFY(!cash.current().value());
        QVERIFY(!cash.xReport());
        QVERIFY(!cash.close({}, QStringLiteral("Carol")));
        QVERIFY(cash.open(QStringLiteral("Dave"), cents(10000)));
        QVERIFY(sell({line(Milk, 1)}, {pay("cash", 127)}));
        const auto again = cash.report(z->session.id);
        QVERIFY(again);
        QCOMPARE(again->kind, CashReport::Kind::Z);
        QCOMPARE(again->salesCount, 4);
        QCOMPARE(again->expectedCash, z->expectedCash);
        QCOMPARE(again->countedCash, z->countedCash);
        QCOMPARE(again->closedBy, QStringLiteral("Carol"));
        QCOMPARE(again->at, z->at);
        QCOMPARE(again->counted, z->counted);
        QCOMPARE(again->lines(), z->lines());
        const auto next = cash.xReport();
        QCOMPARE(next->salesCount, 1);
        QCOMPARE(next->expectedCash, cents(10127));
    }

    void overShort_data()
    {
        QTest::addColumn<QList<CashCount>>("count");
        QTest::addColumn<qint64>("overShort");
        QTest::addColumn<QString>("label");
        // Float 50.00 plus a cash sale of 2.55: 52.55 expected.
        QTest::newRow("even") << QList<CashCount>{counted(2000, 2), counted(1000, 1),
                                                  counted(100, 2), counted(25, 2), counted(5, 1)}
                              << qint64(0) << "Over/short";
        QTest::newRow("over") << QList<CashCount>{counted(5000, 1), counted(500, 1)} << qint64(245)
                              << "Over";
        QTest::newRow("short") << QList<CashCount>{counted(5000, 1), counted(100, 2),
                                                   counted(25, 2)}
                               << qint64(-5) << "Short";
        QTest::newRow("empty drawer") << QList<CashCount>{} << qint64(-5255) << "Short";
    }
    void overShort()
    {
        QFETCH(QList<CashCount>, count);
        QFETCH(qint64, overShort);
        QFETCH(QString, label);
        CashSession cash = drawer();
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(5000)));
        QVERIFY(sell({line(Milk, 2)}, {pay("cash", 255)}));
        const auto z = cash.close(count, QStringLiteral("Alice"));
        QVERIFY(z);
        QCOMPARE(z->expectedCash, cents(5255));
        QCOMPARE(z->overShort(), cents(overShort));
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        const QStringList lines = z->lines(us);
        const QString amount = cents(std::abs(overShort)).toLocaleString(us);
        const QString expected = label.leftJustified(42 - amount.size(), u' ') + amount;
        QVERIFY2(lines.contains(expected), qPrintable(lines.join(u'\n')));
    }

    void secondOpenSessionIsRefused()
    {
        CashSession cash = drawer();
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(10000)));
        const auto second = cash.open(QStringLiteral("Bob"), cents(5000));
        QVERIFY(!second);
        QCOMPARE(second.error().field, QStringLiteral("cashSession"));
        QVERIFY(second.error().message.contains(QLatin1String("Alice")));
        QCOMPARE(cash.current().value()->openedBy, QStringLiteral("Alice"));
    }

    // Once this till has opened a drawer, nothing is sold or refunded without an open one.
    void salesAndRefundsNeedAnOpenSession()
    {
        CashSession cash = drawer();
        // Before the first session: as before schema 3, and in no report.
        const auto before = sell({line(Milk, 1)}, {pay("cash", 127)});
        QVERIFY(before);
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(0)));
        QCOMPARE(cash.xReport()->salesCount, 0);
        QVERIFY(cash.close({}, QStringLiteral("Alice")));

        const Status closed = cash.checkOpen();
        QVERIFY(!closed);
        QCOMPARE(closed.error().field, QStringLiteral("cashSession"));
        const qint64 sales = m_sales->count().value();
        const qint64 queued = m_outbox->lastSeq().value();
        const auto refused = sell({line(Milk, 1)}, {pay("cash", 127)});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("no cash session is open")),
                 qPrintable(refused.error().message));
        const auto noRefund = refund(before->receipt, 1, 1, {pay("cash", 127)});
        QVERIFY(!noRefund);
        QVERIFY(noRefund.error().message.contains(QLatin1String("no cash session is open")));
        // Nothing of either was kept or queued.
        QCOMPARE(m_sales->count().value(), sales);
        QCOMPARE(m_returns->count().value(), 0);
        QCOMPARE(m_outbox->lastSeq().value(), queued);

        QVERIFY(cash.open(QStringLiteral("Bob"), cents(0)));
        QVERIFY(cash.checkOpen());
        QVERIFY(sell({line(Milk, 1)}, {pay("cash", 127)}));
        // A refund of a sale from an earlier session counts in the session that paid it back.
        QVERIFY(refund(before->receipt, 1, 1, {pay("cash", 127)}));
        const auto x = cash.xReport();
        QCOMPARE(x->salesCount, 1);
        QCOMPARE(x->refundsCount, 1);
        QCOMPARE(x->expectedCash, cents(0));
    }

    void badMovementNamesTheField_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("field");
        const int in = int(CashMovement::Kind::In);
        const int out = int(CashMovement::Kind::Out);
        QTest::newRow("zero") << in << qint64(0) << "Top-up"
                              << "Alice"
                              << "amount";
        QTest::newRow("negative") << out << qint64(-100) << "Supplier"
                                  << "Alice"
                                  << "amount";
        QTest::newRow("no reason") << out << qint64(100) << "  "
                                   << "Alice"
                                   << "reason";
        QTest::newRow("nobody") << out << qint64(100) << "Supplier"
                                << ""
                                << "staff";
        // The drawer holds the float of 100.00: 500.00 out is a slip of the finger.
        QTest::newRow("more than the drawer") << out << qint64(50000) << "Supplier"
                                              << "Alice"
                                              << "amount";
    }
    void badMovementNamesTheField()
    {
        QFETCH(int, kind);
        QFETCH(qint64, amount);
        QFETCH(QString, reason);
        QFETCH(QString, staff);
        QFETCH(QString, field);
        CashSession cash = drawer();
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(10000)));
        const auto recorded =
            cash.record(CashMovement{CashMovement::Kind(kind), cents(amount), reason, staff, {}});
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().field, field);
        QCOMPARE(cash.xReport()->movements.size(), 0);
    }

    void movementNeedsAnOpenSession()
    {
        CashSession cash = drawer();
        const auto recorded = cash.record(movement(CashMovement::Kind::In, 100, "Top-up"));
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().field, QStringLiteral("cashSession"));
    }

    void badCountNamesTheField_data()
    {
        QTest::addColumn<QList<CashCount>>("count");
        QTest::addColumn<QString>("field");
        QTest::newRow("not a denomination")
            << QList<CashCount>{counted(2000, 1), counted(200, 1)} << "counted[1].denomination";
        QTest::newRow("twice") << QList<CashCount>{counted(2000, 1), counted(2000, 2)}
                               << "counted[1].denomination";
        QTest::newRow("negative") << QList<CashCount>{counted(25, -1)} << "counted[0].count";
    }
    void badCountNamesTheField()
    {
        QFETCH(QList<CashCount>, count);
        QFETCH(QString, field);
        CashSession cash = drawer();
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(10000)));
        const auto z = cash.close(count, QStringLiteral("Alice"));
        QVERIFY(!z);
        QCOMPARE(z.error().field, field);
        QVERIFY(cash.current().value()); // still open
    }

    void otherDenominations()
    {
        // Euros: notes from 5, coins from 2 euros down to 1 cent (here only a few).
        const QList<Denomination> euro = {{cents(200), true},
                                          {cents(1000), false},
                                          {cents(500), false},
                                          {cents(2000), false},
                                          {cents(50), true}};
        CashSession cash = drawer(euro);
        QCOMPARE(cash.denominations().first().value, cents(2000)); // largest first
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(3000)));
        const auto z = cash.close({counted(2000, 1), counted(200, 4), counted(50, 3)},
                                  QStringLiteral("Alice"));
        QVERIFY(z);
        QCOMPARE(z->countedCash, cents(2950));
        QCOMPARE(z->overShort(), cents(-50));
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(0)));
        const auto dollars = cash.close({counted(10000, 1)}, QStringLiteral("Alice"));
        QVERIFY(!dollars);
        QCOMPARE(dollars.error().field, QStringLiteral("counted[0].denomination"));
    }

    // The whole printed Z of a short session, as a receipt printer gets it.
    void zReportText()
    {
        CashSession cash = drawer();
        QVERIFY(cash.open(QStringLiteral("Alice"), cents(10000)));
        QVERIFY(sell({line(Coffee, 1)}, {pay("cash", 2000), pay("cash", -930)}));
        QVERIFY(sell({line(Milk, 2)}, {pay("card", 255, "slip-9")}));
        QVERIFY(cash.record(movement(CashMovement::Kind::Out, 1250,
                                     "Milk delivery, paid to the driver at the back door")));
        m_now = m_now.addSecs(10 * 3600 + 5 * 60);
        const auto z = cash.close(
            {counted(5000, 1), counted(2000, 2), counted(500, 1), counted(100, 1), counted(25, 1)},
            QStringLiteral("Carol"));
        QVERIFY(z);
        const QString text = z->text(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString expected = QStringLiteral("                 Z REPORT\n"
                                                "          Cash session 1, closed\n"
                                                "------------------------------------------\n"
                                                "Opened                    11/22/26 8:00 AM\n"
                                                "  by                                 Alice\n"
                                                "Closed                    11/22/26 6:05 PM\n"
                                                "  by                                 Carol\n"
                                                "------------------------------------------\n"
                                                "Sales (2)                           $13.25\n"
                                                "  net                               $11.37\n"
                                                "  tax                                $1.88\n"
                                                "  tax 19 % on $8.99                  $1.71\n"
                                                "  tax 7 % on $2.38                   $0.17\n"
                                                "Refunds (0)                          $0.00\n"
                                                "  tax                                $0.00\n"
                                                "Net takings                         $13.25\n"
                                                "Net tax                              $1.88\n"
                                                "------------------------------------------\n"
                                                "By payment method\n"
                                                "Cash                                $10.70\n"
                                                "  taken                             $10.70\n"
                                                "  paid back                          $0.00\n"
                                                "Card                                 $2.55\n"
                                                "  taken                              $2.55\n"
                                                "  paid back                          $0.00\n"
                                                "------------------------------------------\n"
                                                "Cash drawer\n"
                                                "Opening float                      $100.00\n"
                                                "Cash taken                          $10.70\n"
                                                "Cash paid back                       $0.00\n"
                                                "Paid out: Milk delivery, paid to  ($12.50)\n"
                                                "Expected in drawer                  $98.20\n"
                                                "------------------------------------------\n"
                                                "Counted\n"
                                                "  1 x $50.00                        $50.00\n"
                                                "  2 x $20.00                        $40.00\n"
                                                "  1 x $5.00                          $5.00\n"
                                                "  1 x $1.00                          $1.00\n"
                                                "  1 x $0.25                          $0.25\n"
                                                "Counted in drawer                   $96.25\n"
                                                "Short                                $1.95\n"
                                                "------------------------------------------\n");
        QCOMPARE(text, expected);
        for (const QString& l : z->lines())
            QVERIFY(l.size() <= 42);
    }

    void reportsSurviveARestart()
    {
        {
            CashSession cash = drawer();
            QVERIFY(cash.open(QStringLiteral("Alice"), cents(10000)));
            QVERIFY(sell({line(Milk, 2)}, {pay("cash", 255)}));
        }
        cleanup();
        auto reopened = LocalStore::open(m_path);
        QVERIFY(reopened);
        m_store = std::move(reopened).value();
        CashSession cash = drawer();
        const auto x = cash.xReport();
        QVERIFY(x);
        QCOMPARE(x->expectedCash, cents(10255));
        QVERIFY(!cash.open(QStringLiteral("Bob"), cents(0)));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_files = 0;
    QDateTime m_now;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ReceiptNumbers> m_numbers;
    std::unique_ptr<SaleJournal> m_sales;
    std::unique_ptr<ReturnJournal> m_returns;
};

QTEST_GUILESS_MAIN(tst_CashSession)
#include "tst_cashsession.moc"
