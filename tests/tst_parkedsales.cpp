#include "localstore.h"
#include "parkedsales.h"
#include "salefixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

class tst_ParkedSales : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_files));
        auto opened = LocalStore::open(m_path);
        QVERIFY(opened);
        m_store = std::move(opened).value();
    }
    void cleanup() { m_store.reset(); }

    // A parked sale survives closing the store (a restart of the till) and comes back whole.
    void parkAndTake_roundTripAcrossARestart()
    {
        ParkedSale sale;
        sale.label = QStringLiteral("Mrs. Smith");
        sale.orderDiscount = Money::fromMinor(50);
        sale.total = Money::fromMinor(1234);
        sale.lines = {ParkedLine{fixtures::line(0, 2, 10), QString()},
                      ParkedLine{fixtures::line(3, 1), QStringLiteral("0.532 kg"),
                                 LineApproval{Money::fromMinor(129), QStringLiteral("Ben")}}};
        {
            ParkedSales parked(*m_store);
            QVERIFY(parked.park(sale));
        }
        m_store.reset();
        m_store = LocalStore::open(m_path).value();
        ParkedSales parked(*m_store);
        const auto listed = parked.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->at(0).label, sale.label);
        QCOMPARE(listed->at(0).total, sale.total);

        const auto taken = parked.take(listed->at(0).id);
        QVERIFY(taken);
        QCOMPARE(taken->orderDiscount, sale.orderDiscount);
        QCOMPARE(taken->lines.size(), 2);
        QCOMPARE(taken->lines.at(0).line.sku, sale.lines.at(0).line.sku);
        QCOMPARE(taken->lines.at(0).line.qty, 2);
        QCOMPARE(taken->lines.at(0).line.discount, Money::fromMinor(10));
        QCOMPARE(taken->lines.at(0).line.taxRate, sale.lines.at(0).line.taxRate);
        QCOMPARE(taken->lines.at(1).note, QStringLiteral("0.532 kg"));
        // Who approved an overridden price comes back with the line, for the sale's receipt.
        QCOMPARE(taken->lines.at(1).approval.approvedBy, QStringLiteral("Ben"));
        QCOMPARE(taken->lines.at(1).approval.listPrice, Money::fromMinor(129));
        QCOMPARE(taken->lines.at(0).approval.approvedBy, QString());
        QVERIFY(!taken->lines.at(0).approval.listPrice);
        QCOMPARE(parked.list()->size(), 0);
        // Taken once: a second till resuming the same sale gets an error, not a copy.
        QVERIFY(!parked.take(listed->at(0).id));
    }

    void current_savedTakenAndCleared()
    {
        ParkedSales parked(*m_store);
        QVERIFY(!parked.takeCurrent().value().has_value());
        ParkedSale sale;
        sale.lines = {ParkedLine{fixtures::line(1, 3), QString()}};
        sale.total = Money::fromMinor(42);
        QVERIFY(parked.saveCurrent(sale));
        sale.lines.append(ParkedLine{fixtures::line(2, 1), QString()});
        QVERIFY(parked.saveCurrent(sale)); // replaces
        const auto taken = parked.takeCurrent();
        QVERIFY(taken && taken->has_value());
        QCOMPARE((*taken)->sale.lines.size(), 2);
        QCOMPARE((*taken)->sale.total, Money::fromMinor(42));
        QVERIFY(!(*taken)->recordedSince);
        QVERIFY(!parked.takeCurrent().value().has_value());
        QVERIFY(parked.saveCurrent(sale));
        QVERIFY(parked.saveCurrent(ParkedSale())); // an empty cart clears it
        QVERIFY(!parked.takeCurrent().value().has_value());
        QVERIFY(parked.list()->isEmpty());
    }

    void park_refusesAnEmptySale()
    {
        ParkedSales parked(*m_store);
        QVERIFY(!parked.park(ParkedSale()));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(tst_ParkedSales)
#include "tst_parkedsales.moc"
