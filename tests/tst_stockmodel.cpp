// The live stock view's models over the sample store: the stock list (search, location, low
// stock, live changes that flash), the history's chart points, and the shortage exceptions.

#include "client.h"
#include "exceptionsmodel.h"
#include "historymodel.h"
#include "localstore.h"
#include "posfixture.h"
#include "stockmodel.h"
#include "stockreplica.h"
#include "stockviews.h"
#include "transport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>

using namespace stockline;
using namespace stockline::qml;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<stockline::sync::HistoryEntry>)

namespace {

constexpr int filterTimeoutMs = 10'000;

sync::HistoryEntry entry(qint64 id, const QString& location, qint64 delta, qint64 after,
                         qint64 secs)
{
    sync::HistoryEntry e;
    e.id = id;
    e.location = location;
    e.onHandDelta = delta;
    e.onHand = after;
    e.at = QDateTime::fromSecsSinceEpoch(1'800'000'000 + secs, Qt::UTC);
    e.kind = u"adjust"_s;
    return e;
}

} // namespace

class tst_StockModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open());
        m_model = m_pos->context().stock().levels();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering() && m_model->count() > 0, filterTimeoutMs);
    }
    void cleanup()
    {
        m_tester.reset();
        m_pos.reset();
    }

    void everyProductAtEveryLocation()
    {
        // 880 products of the sample store at its two locations.
        QCOMPARE(m_model->totalCount(), 880 * 2);
        QCOMPARE(m_model->count(), m_model->totalCount());
        QCOMPARE(m_model->locations(), QStringList({u"backroom-1"_s, u"store-1"_s}));
        const int row = m_model->rowOf(u"DAI-0001"_s, u"store-1"_s);
        QVERIFY(row >= 0);
        const QModelIndex milk = m_model->index(row);
        QCOMPARE(milk.data(StockModel::OnHandRole).toLongLong(), 24);
        QCOMPARE(milk.data(StockModel::AvailableRole).toLongLong(), 24);
        QCOMPARE(milk.data(StockModel::ReservedRole).toLongLong(), 0);
    }

    void searchMatchesEveryWordOfSkuOrName_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("a word of the name") << u"milk"_s << u"milk"_s;
        QTest::newRow("upper case, two words") << u"WHOLE MILK"_s << u"whole milk"_s;
        QTest::newRow("a SKU") << u"dai-0001"_s << u"dai-0001"_s;
    }
    void searchMatchesEveryWordOfSkuOrName()
    {
        QFETCH(QString, typed);
        QFETCH(QString, mustContain);
        m_model->setSearchText(typed);
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        QVERIFY(m_model->count() > 0);
        QVERIFY(m_model->count() < m_model->totalCount());
        for (int row = 0; row < m_model->count(); ++row) {
            const QModelIndex i = m_model->index(row);
            const QString text = (i.data(StockModel::SkuRole).toString() + u' ' +
                                  i.data(StockModel::NameRole).toString())
                                     .toLower();
            for (const QString& word : mustContain.split(u' '))
                QVERIFY2(text.contains(word), qPrintable(text));
        }
    }

    void locationAndLowStockFilters()
    {
        m_model->setLocation(u"store-1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        QCOMPARE(m_model->count(), 880);
        for (int row = 0; row < m_model->count(); row += 97)
            QCOMPARE(m_model->index(row).data(StockModel::LocationRole).toString(), u"store-1"_s);

        // Milk (24 on the floor) reorders at 30: low. The sample store's own reorder points
        // (12 for every third packaged line) make others low too.
        QSqlQuery q = m_pos->context().store().prepare(
            u"UPDATE products SET reorder_point = ? WHERE sku = ?"_s);
        q.addBindValue(30);
        q.addBindValue(u"DAI-0001"_s);
        QVERIFY(q.exec());
        m_model->reload();
        m_model->setLowOnly(true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        QVERIFY(m_model->count() > 0 && m_model->count() < 880);
        for (int row = 0; row < m_model->count(); ++row) {
            const QModelIndex low = m_model->index(row);
            QVERIFY(low.data(StockModel::LowRole).toBool());
            QVERIFY(low.data(StockModel::AvailableRole).toLongLong() <=
                    low.data(StockModel::ReorderPointRole).toLongLong());
        }
        const int milk = m_model->rowOf(u"DAI-0001"_s, u"store-1"_s);
        QVERIFY(milk >= 0);
        QCOMPARE(m_model->index(milk).data(StockModel::ReorderPointRole).toLongLong(), 30);
        QCOMPARE(m_model->rowOf(u"DAI-0002"_s, u"store-1"_s), -1); // no reorder point
        m_model->setLocation(u"nowhere"_s);
        QTRY_COMPARE(m_model->count(), 0);
    }

    // Bananas are sold by the kg: their levels are grams, shown as kg with three decimals;
    // milk is sold each and shows whole units.
    void weighedProductsShowKg()
    {
        const QModelIndex bananas = m_model->index(m_model->rowOf(u"PRD-0001"_s, u"store-1"_s));
        QCOMPARE(bananas.data(StockModel::OnHandRole).toLongLong(), 24'000);
        QCOMPARE(bananas.data(StockModel::OnHandTextRole).toString(), u"24.000 kg"_s);
        const StockLevel held{u"PRD-0001"_s, u"store-1"_s, 24'000, 532, 2};
        QVERIFY(m_pos->context().replica().upsertLevels({held}));
        m_model->applyLevels({held});
        QCOMPARE(bananas.data(StockModel::ReservedTextRole).toString(), u"0.532 kg"_s);
        QCOMPARE(bananas.data(StockModel::AvailableTextRole).toString(), u"23.468 kg"_s);
        const QModelIndex milk = m_model->index(m_model->rowOf(u"DAI-0001"_s, u"store-1"_s));
        QCOMPARE(milk.data(StockModel::OnHandTextRole).toString(), u"24"_s);

        // The history of a weighed SKU shows its movements in kg too.
        HistoryModel& history = *m_pos->context().stock().history();
        sync::HistoryReply reply;
        reply.sku = u"PRD-0001"_s;
        const sync::HistoryEntry sold = entry(1, u"store-1"_s, -532, 23'468, 0);
        reply.entries = {sold};
        history.showReply(reply);
        QCOMPARE(history.index(0).data(HistoryModel::DeltaTextRole).toString(), u"-0.532 kg"_s);
        QCOMPARE(history.index(0).data(HistoryModel::OnHandTextRole).toString(), u"23.468 kg"_s);
    }

    void aPushedLevelChangesItsRowAndFlashesBriefly()
    {
        const int row = m_model->rowOf(u"DAI-0001"_s, u"store-1"_s);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        const StockLevel level{u"DAI-0001"_s, u"store-1"_s, 20, 3, 7};
        QVERIFY(m_pos->context().replica().upsertLevels({level}));
        m_model->applyLevels({level});
        QCOMPARE(changed.count(), 1);
        const QModelIndex milk = m_model->index(row);
        QCOMPARE(milk.data(StockModel::OnHandRole).toLongLong(), 20);
        QCOMPARE(milk.data(StockModel::ReservedRole).toLongLong(), 3);
        QCOMPARE(milk.data(StockModel::AvailableRole).toLongLong(), 17);
        QVERIFY(milk.data(StockModel::FlashingRole).toBool());
        const int other = m_model->rowOf(u"DAI-0001"_s, u"backroom-1"_s);
        QVERIFY(!m_model->index(other).data(StockModel::FlashingRole).toBool());
        // The flash ends by itself, and says so.
        QTRY_VERIFY_WITH_TIMEOUT(!milk.data(StockModel::FlashingRole).toBool(),
                                 StockModel::flashMs * 3);
        QTRY_VERIFY(changed.count() >= 2);
    }

    // The rows are read on a worker: a level pushed meanwhile must not be lost under what the
    // reader read before it (here the store never has it, as when the reader's read came first).
    void aLevelPushedWhileReadingIsKept()
    {
        m_model->reload();
        QVERIFY(m_model->loading());
        QVERIFY(m_model->filtering());
        const StockLevel pushed{u"DAI-0001"_s, u"store-1"_s, 41, 1, 99};
        m_model->applyLevels({pushed});
        m_model->reload(); // asked again while reading: read once more, still keeping the push
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        QVERIFY(!m_model->loading());
        const QModelIndex milk = m_model->index(m_model->rowOf(u"DAI-0001"_s, u"store-1"_s));
        QCOMPARE(milk.data(StockModel::OnHandRole).toLongLong(), 41);
        QCOMPARE(milk.data(StockModel::AvailableRole).toLongLong(), 40);
        QCOMPARE(milk.data(StockModel::VersionRole).toLongLong(), 99);
        const QModelIndex back = m_model->index(m_model->rowOf(u"DAI-0001"_s, u"backroom-1"_s));
        QVERIFY(back.data(StockModel::VersionRole).toLongLong() != 99);
        QCOMPARE(m_model->totalCount(), 880 * 2);
    }

    // The bench's size: reading and typing filter 200,000 rows off the UI thread, and the UI
    // thread is never held for long while they do.
    void filtersAHundredThousandProductsOffTheUiThread()
    {
        {
            Transaction tx(m_pos->context().store());
            QSqlQuery q = m_pos->context().store().prepare(
                u"INSERT INTO products (sku, barcode, name, price, tax_rate, active, department)"
                " VALUES (?, '', ?, 100, 0, 1, 'Bench')"_s);
            for (int i = 0; i < 100'000; ++i) {
                q.bindValue(0, u"BEN-%1"_s.arg(i, 6, 10, QLatin1Char('0')));
                q.bindValue(1, u"Bench item %1 blue"_s.arg(i));
                QVERIFY(q.exec());
            }
            QVERIFY(tx.commit());
        }
        // The longest the UI thread's event loop went without turning while the rows loaded.
        // The model tester walks every row after a reset: it would be measured, not the model.
        m_tester.reset();
        QElapsedTimer sinceTick;
        qint64 longestStallMs = 0;
        QTimer ticker;
        ticker.setInterval(1);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestStallMs = std::max(longestStallMs, sinceTick.restart()); });
        QElapsedTimer timer;
        timer.start();
        sinceTick.start();
        ticker.start();
        m_model->reload();
        const qint64 loadMs = timer.elapsed(); // the UI thread's part
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        ticker.stop();
        const qint64 loadedMs = timer.elapsed();
        QCOMPARE(m_model->totalCount(), (100'000 + 880) * 2);
        timer.restart();
        m_model->setSearchText(u"item 4242"_s);
        const qint64 keystrokeMs = timer.elapsed(); // the UI thread's part
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->filtering(), filterTimeoutMs);
        const qint64 filterMs = timer.elapsed();
        // SKUs BEN-0d4242 and BEN-04242d hold "4242": 20 products, at both locations.
        QCOMPARE(m_model->count(), 20 * 2);
        qInfo() << "stock view, 200,000 rows: reload" << loadMs << "ms on the UI thread, shown in"
                << loadedMs << "ms, the UI thread stalled at most" << longestStallMs
                << "ms meanwhile; keystroke" << keystrokeMs << "ms on the UI thread; filtered in"
                << filterMs << "ms";
        QVERIFY2(loadMs < 50, qPrintable(QString::number(loadMs)));
        QVERIFY2(keystrokeMs < 50, qPrintable(QString::number(keystrokeMs)));
    }

    void chartPointsFollowTheLevelOverTime_data()
    {
        QTest::addColumn<QList<sync::HistoryEntry>>("newestFirst");
        QTest::addColumn<QList<qint64>>("levels");
        QTest::newRow("none") << QList<sync::HistoryEntry>{} << QList<qint64>{};
        QTest::newRow("one location")
            << QList<sync::HistoryEntry>{entry(3, u"s"_s, -2, 8, 30), entry(2, u"s"_s, 5, 10, 20),
                                         entry(1, u"s"_s, 5, 5, 10)}
            << QList<qint64>{5, 10, 8};
        // The back room held 20 before its first entry here: it counts from then on.
        QTest::newRow("two locations summed")
            << QList<sync::HistoryEntry>{entry(3, u"b"_s, -4, 16, 30), entry(2, u"s"_s, 4, 11, 20),
                                         entry(1, u"s"_s, -3, 7, 10)}
            << QList<qint64>{27, 31, 27};
    }
    void chartPointsFollowTheLevelOverTime()
    {
        QFETCH(QList<sync::HistoryEntry>, newestFirst);
        QFETCH(QList<qint64>, levels);
        const QVariantList points = HistoryModel::chartPoints(newestFirst);
        QList<qint64> values;
        qint64 lastTime = 0;
        for (const QVariant& p : points) {
            const QVariantMap point = p.toMap();
            values.append(point.value(u"v"_s).toLongLong());
            QVERIFY(point.value(u"t"_s).toLongLong() > lastTime); // oldest first
            lastTime = point.value(u"t"_s).toLongLong();
        }
        QCOMPARE(values, levels);
    }

    void historyWithoutAServerSaysItNeedsOne()
    {
        HistoryModel* history = m_pos->context().stock().history();
        QAbstractItemModelTester tester(history,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        history->load(u"DAI-0001"_s, u"store-1"_s);
        QVERIFY(!history->loading());
        QVERIFY(history->errorString().contains(u"needs the server"_s));
        QCOMPARE(history->count(), 0);
        QCOMPARE(history->sku(), u"DAI-0001"_s);
    }

    void exceptionsWithoutAServerAreEmptyAndCannotBeResolved()
    {
        ExceptionsModel* exceptions = m_pos->context().stock().exceptions();
        QAbstractItemModelTester tester(exceptions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(exceptions->count(), 0);
        QVERIFY(!exceptions->canResolve());
        QVERIFY(!exceptions->resolveLoss(0));
    }

private:
    std::unique_ptr<fixtures::PosFixture> m_pos;
    StockModel* m_model = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_StockModel)
#include "tst_stockmodel.moc"
