#include "cartmodel.h"
#include "notices.h"
#include "outbox.h"
#include "parkedmodel.h"
#include "posfixture.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "searchmodel.h"
#include "till.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;

// The returns, search and parked-sales models, each under QAbstractItemModelTester.
class tst_ReturnsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open());
        QVERIFY(m_pos->openDrawer());
        for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
                 till().returns(), till().search(), till().parked()})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        m_problems = std::make_unique<QSignalSpy>(&m_pos->context().notices(), &Notices::problem);
    }
    void cleanup()
    {
        m_problems.reset();
        m_testers.clear();
        m_pos.reset();
    }

    void refund_chosenLinesToTheOriginalTender()
    {
        const QString receipt = sellMilkAndColaByCard();
        ReturnsModel& returns = *till().returns();
        QVERIFY(returns.load(receipt));
        QCOMPARE(returns.rowCount(), 2);
        QVERIFY(!returns.anyChosen());
        returns.toggle(1); // all 3 colas
        QCOMPARE(returns.data(returns.index(1), ReturnsModel::ChosenRole).toLongLong(), 3);
        returns.setChosen(1, 2);
        returns.setChosen(0, 99); // clamped to what was sold
        QCOMPARE(returns.data(returns.index(0), ReturnsModel::ChosenRole).toLongLong(), 1);

        QSignalSpy refunded(&returns, &ReturnsModel::refunded);
        QVERIFY(returns.refund(true));
        QCOMPARE(refunded.count(), 1);
        QVERIFY(!returns.loaded());
        QVERIFY(till().lastWasRefund());
        QCOMPARE(m_pos->context().returns().count().value(), 1);

        // What is left: one cola.
        QVERIFY(returns.load(receipt));
        QCOMPARE(returns.data(returns.index(0), ReturnsModel::ReturnableRole).toLongLong(), 0);
        QCOMPARE(returns.data(returns.index(1), ReturnsModel::ReturnableRole).toLongLong(), 1);
        const auto sale = m_pos->context().returns().returnable(receipt);
        QVERIFY(sale);
        QCOMPARE(sale->refundPayments.size(), 1);
        QCOMPARE(sale->refundPayments.at(0).method, QStringLiteral("card"));
        QCOMPARE(sale->refundPayments.at(0).reference, QStringLiteral("AUTH 9"));
        QCOMPARE(m_problems->count(), 0);
    }

    // A weighed line is refunded in grams, worth its share of what was paid, and shown in kg.
    void refund_weighedLineInGrams()
    {
        till().submit(fixtures::embedded(fixtures::bananaLookup, 532), 13); // 2.28
        till().submit(fixtures::milkBarcode, 13);
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCard(QString(), QStringLiteral("AUTH 7")));
        const QString receipt = till().lastReceipt();
        ReturnsModel& returns = *till().returns();
        QVERIFY(returns.load(receipt));
        const QModelIndex bananas = returns.index(0);
        QCOMPARE(returns.data(bananas, ReturnsModel::SoldRole).toLongLong(), 532);
        QCOMPARE(returns.data(bananas, ReturnsModel::SoldTextRole).toString(),
                 QStringLiteral("0.532 kg"));
        QVERIFY(returns.data(bananas, ReturnsModel::MeasuredRole).toBool());
        QVERIFY(!returns.data(returns.index(1), ReturnsModel::MeasuredRole).toBool());
        returns.toggle(0);
        QCOMPARE(returns.data(bananas, ReturnsModel::ChosenRole).toLongLong(), 532);
        QCOMPARE(returns.data(bananas, ReturnsModel::ChosenTextRole).toString(),
                 QStringLiteral("0.532 kg"));
        QVERIFY(returns.refund(true));
        const auto sale = m_pos->context().returns().returnable(receipt);
        QVERIFY(sale);
        QCOMPARE(sale->lines.at(0).returned, 532);
        QCOMPARE(sale->lines.at(0).sold.unit, Unit::Kilogram);
        QCOMPARE(sale->refundPayments.at(0).amount, Money::fromMinor(228));
        QCOMPARE(m_problems->count(), 0);
    }

    void load_unknownReceiptIsReported()
    {
        QVERIFY(!till().returns()->load(QStringLiteral("POS-01-424242")));
        QCOMPARE(m_problems->count(), 1);
        QVERIFY(!till().returns()->refund(false));
    }

    // Another till's receipt without the server: refused in words, never refunded blind.
    void load_anotherTillsReceiptNeedsTheServer()
    {
        QVERIFY(!till().returns()->load(QStringLiteral("POS-02-000007")));
        QVERIFY(!till().returns()->loaded());
        QVERIFY(!till().returns()->fetching());
        QCOMPARE(m_problems->count(), 1);
        QVERIFY2(m_problems->at(0).at(0).toString().contains(
                     QStringLiteral("this receipt is from another till and the server cannot be "
                                    "reached; refunds of other tills' receipts need the server.")),
                 qPrintable(m_problems->at(0).at(0).toString()));
    }

    void search_findsAndClears()
    {
        SearchModel& search = *till().search();
        search.setQuery(QStringLiteral("milk"));
        QVERIFY(search.rowCount() > 0);
        QVERIFY(search.rowCount() <= SearchModel::maxResults);
        QVERIFY(search.data(search.index(0), SearchModel::NameRole)
                    .toString()
                    .contains(QStringLiteral("milk"), Qt::CaseInsensitive));
        search.setQuery(QStringLiteral("milk 2"));
        search.clear();
        QCOMPARE(search.rowCount(), 0);
    }

    void parked_listsAndResumes()
    {
        till().submit(fixtures::milkBarcode, 13);
        QVERIFY(till().park(QString()));
        till().submit(fixtures::colaBarcode, 12);
        QVERIFY(till().park(QStringLiteral("Mrs. Smith")));
        ParkedModel& parked = *till().parked();
        QCOMPARE(parked.rowCount(), 2);
        QCOMPARE(parked.data(parked.index(1), ParkedModel::LabelRole).toString(),
                 QStringLiteral("Mrs. Smith"));
        const qint64 id = parked.data(parked.index(1), ParkedModel::IdRole).toLongLong();
        QVERIFY(till().resume(id));
        QCOMPARE(parked.rowCount(), 1);
        QCOMPARE(till().cart()->line(0).receipt.sku, QStringLiteral("BEV-0001"));
        // One sale at a time: resuming onto a full cart is refused.
        const qint64 other = parked.data(parked.index(0), ParkedModel::IdRole).toLongLong();
        QVERIFY(!till().resume(other));
        QCOMPARE(parked.rowCount(), 1);
    }

private:
    QString sellMilkAndColaByCard()
    {
        till().submit(fixtures::milkBarcode, 13);
        till().submit(QStringLiteral("3*") + fixtures::colaBarcode, 12);
        if (!till().startPayment() || !till().tenderCard(QString(), QStringLiteral("AUTH 9")))
            return {};
        return till().lastReceipt();
    }
    Till& till() { return m_pos->context().till(); }

    std::unique_ptr<fixtures::PosFixture> m_pos;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    std::unique_ptr<QSignalSpy> m_problems;
};

QTEST_MAIN(tst_ReturnsModel)
#include "tst_returnsmodel.moc"
