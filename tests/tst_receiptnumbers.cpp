#include "ids.h"
#include "localstore.h"
#include "receiptnumbers.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

class tst_ReceiptNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = LocalStore::open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_files)));
        QVERIFY(opened);
        m_store = std::move(opened).value();
    }
    void cleanup() { m_store.reset(); }

    void format_data()
    {
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<qint64>("number");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first") << QStringLiteral("POS-01") << qint64{1}
                               << QStringLiteral("POS-01-000001");
        QTest::newRow("padded") << QStringLiteral("POS-01") << qint64{42}
                                << QStringLiteral("POS-01-000042");
        QTest::newRow("six digits")
            << QStringLiteral("POS-01") << qint64{999999} << QStringLiteral("POS-01-999999");
        QTest::newRow("grows beyond six")
            << QStringLiteral("POS-01") << qint64{1234567} << QStringLiteral("POS-01-1234567");
        QTest::newRow("longest terminal")
            << QString(ReceiptNumbers::maxTerminalLength, u'T') << qint64{7}
            << QString(ReceiptNumbers::maxTerminalLength, u'T') + QStringLiteral("-000007");
    }
    void format()
    {
        QFETCH(QString, terminal);
        QFETCH(qint64, number);
        QFETCH(QString, expected);
        const auto receipt = ReceiptNumbers::format(terminal, number);
        QVERIFY(receipt);
        QCOMPARE(*receipt, expected);
        QVERIFY(isValidId(*receipt));
    }

    void format_refusesNumbersBelowOne()
    {
        QVERIFY(!ReceiptNumbers::format(QStringLiteral("POS-01"), 0));
    }

    void format_refusesANumberThatWouldMakeTheIdTooLong()
    {
        const QString terminal(ReceiptNumbers::maxTerminalLength, u'T');
        // The id keeps room for a refund's R, so a receipt may use one digit more.
        QVERIFY(ReceiptNumbers::format(terminal, 9'999'999));
        const auto receipt = ReceiptNumbers::format(terminal, 10'000'000);
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().field, QStringLiteral("receipt"));
    }

    void create_refusesTerminalIdsTooLongForReceiptNumbers()
    {
        const QString terminal(ReceiptNumbers::maxTerminalLength + 1, u'T');
        const auto numbers = ReceiptNumbers::create(*m_store, terminal);
        QVERIFY(!numbers);
        QCOMPARE(numbers.error().field, QStringLiteral("terminal"));
        QVERIFY2(
            numbers.error().message.contains(QString::number(ReceiptNumbers::maxTerminalLength)),
            qPrintable(numbers.error().message));
    }

    void create_refusesTerminalIdsThatAreNoIds()
    {
        QVERIFY(!ReceiptNumbers::create(*m_store, QString()));
        QVERIFY(!ReceiptNumbers::create(*m_store, QStringLiteral("POS 01")));
        QVERIFY(!ReceiptNumbers::create(*m_store, QStringLiteral("KASSE-Ü")));
    }

    void next_countsUpFromOnePerStore()
    {
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        QVERIFY(numbers);
        QCOMPARE(numbers->last().value(), 0);
        Transaction tx(*m_store);
        QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000001"));
        QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000002"));
        QVERIFY(tx.commit());
        QCOMPARE(numbers->last().value(), 2);
    }

    // A till with a server never numbers a receipt before the server proved its counters:
    // a reinstalled till would otherwise start again at 1.
    void next_refusesUntilTheServerProvedTheCounters()
    {
        const QString key =
            ReceiptNumbers::proofKeyOf(QStringLiteral("POS-01"), QStringLiteral("t1"));
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"), key);
        QVERIFY(numbers);
        {
            Transaction tx(*m_store);
            const auto refused = numbers->next(tx);
            QVERIFY(!refused);
            QCOMPARE(refused.error().field, QStringLiteral("receipt"));
            QVERIFY(refused.error().message.contains(
                QStringLiteral("cannot be proven unused. Connect it to the server once.")));
        }
        QCOMPARE(numbers->last().value(), 0);

        // The server holds up to 41 for this terminal, and refund 3.
        QVERIFY(ReceiptNumbers::adoptServerCounters(*m_store, 41, 3, key));
        {
            Transaction tx(*m_store);
            QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000042"));
            QVERIFY(tx.commit());
        }
        QCOMPARE(m_store->counter(QString(ReceiptNumbers::refundCounterName)).value(), 3);
        // A welcome behind the till's own counter never moves it back.
        QVERIFY(ReceiptNumbers::adoptServerCounters(*m_store, 7, 1, key));
        QCOMPARE(numbers->last().value(), 42);
        QCOMPARE(m_store->counter(QString(ReceiptNumbers::refundCounterName)).value(), 3);
    }

    // Paired anew (a new token): the old proof does not count.
    void next_refusesAfterPairingAnewUntilTheNextWelcome()
    {
        const QString before =
            ReceiptNumbers::proofKeyOf(QStringLiteral("POS-01"), QStringLiteral("t1"));
        const QString after =
            ReceiptNumbers::proofKeyOf(QStringLiteral("POS-01"), QStringLiteral("t2"));
        QVERIFY(ReceiptNumbers::adoptServerCounters(*m_store, 5, 0, before));
        QVERIFY(ReceiptNumbers::checkProven(*m_store, before));
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"), after);
        QVERIFY(numbers);
        Transaction tx(*m_store);
        QVERIFY(!numbers->next(tx));
        QVERIFY(!ReceiptNumbers::checkProven(*m_store, after));
    }

    // Without a server (demo, training) there is nothing to prove against.
    void next_needsNoProofWithoutAServer()
    {
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        QVERIFY(numbers);
        Transaction tx(*m_store);
        QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000001"));
    }

    void next_givesTheNumberBackOnRollback()
    {
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        {
            Transaction tx(*m_store);
            QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000001"));
        }
        Transaction tx(*m_store);
        QCOMPARE(numbers->next(tx).value(), QStringLiteral("POS-01-000001"));
    }

    void next_differsBetweenTerminalsWithTheSameCounter()
    {
        auto other = LocalStore::open(m_dir.filePath(QStringLiteral("other.db")));
        QVERIFY(other);
        const auto a = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        const auto b = ReceiptNumbers::create(*other.value(), QStringLiteral("POS-02"));
        Transaction txA(*m_store);
        Transaction txB(*other.value());
        QVERIFY(a->next(txA).value() != b->next(txB).value());
    }

    void next_needsAnOpenTransactionOfItsStore()
    {
        const auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        Transaction tx(*m_store);
        QVERIFY(tx.commit());
        QVERIFY(!numbers->next(tx));
        QCOMPARE(numbers->last().value(), 0);
    }

    void next_leavesNothingTakenWhenNumbersRunOut()
    {
        const QString terminal(ReceiptNumbers::maxTerminalLength, u'T');
        const auto numbers = ReceiptNumbers::create(*m_store, terminal);
        QVERIFY(numbers);
        Transaction tx(*m_store);
        QVERIFY(m_store->setCounter(tx, QString(ReceiptNumbers::counterName), 9'999'999));
        const auto receipt = numbers->next(tx);
        QVERIFY(!receipt);
        QVERIFY(tx.commit());
        QCOMPARE(numbers->last().value(), 9'999'999);
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(tst_ReceiptNumbers)
#include "tst_receiptnumbers.moc"
