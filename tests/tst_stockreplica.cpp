#include "localstore.h"
#include "stockreplica.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

StockLevel level(const char* sku, const char* location, qint64 onHand, qint64 reserved,
                 qint64 version)
{
    return StockLevel{QString::fromLatin1(sku), QString::fromLatin1(location), onHand, reserved,
                      version};
}

} // namespace

class TestStockReplica : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;

private Q_SLOTS:
    void init()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("replica.db")));
        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("replica.db")));
        QVERIFY(store.ok());
        m_store = std::move(store).value();
    }
    void cleanup() { m_store.reset(); }

    void storesAndReplacesLocations()
    {
        StockReplica replica(*m_store);
        QVERIFY(
            replica
                .upsertLocations({Location{QStringLiteral("store-1"), QStringLiteral("Floor")},
                                  Location{QStringLiteral("backroom-1"), QStringLiteral("Back")}})
                .ok());
        QVERIFY(replica
                    .upsertLocations(
                        {Location{QStringLiteral("store-1"), QStringLiteral("Store floor")}})
                    .ok());
        const QList<Location> all = replica.locations().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0], (Location{QStringLiteral("backroom-1"), QStringLiteral("Back")}));
        QCOMPARE(all[1], (Location{QStringLiteral("store-1"), QStringLiteral("Store floor")}));
    }

    void storesAndReplacesLevels()
    {
        StockReplica replica(*m_store);
        QVERIFY(
            replica
                .upsertLevels({level("A1", "store-1", 5, 2, 3), level("A1", "backroom-1", 9, 0, 1)})
                .ok());
        QVERIFY(replica.upsertLevels({level("A1", "store-1", 4, 0, 4)}).ok());
        QCOMPARE(replica.level(u"A1", u"store-1").value(), level("A1", "store-1", 4, 0, 4));
        QCOMPARE(replica.levelsOf(u"A1").value(),
                 (QList<StockLevel>{level("A1", "backroom-1", 9, 0, 1),
                                    level("A1", "store-1", 4, 0, 4)}));
        QVERIFY(!replica.level(u"A1", u"attic").value());
        QVERIFY(replica.levelsOf(u"B2").value().isEmpty());
    }

    void invalidItemsAreNamedAndNothingIsWritten_data()
    {
        QTest::addColumn<QList<StockLevel>>("levels");
        QTest::addColumn<QString>("field");
        QTest::newRow("reserved above on hand")
            << QList<StockLevel>{level("A1", "store-1", 1, 0, 1),
                                 level("A1", "backroom-1", 1, 2, 1)}
            << QStringLiteral("levels[1].reserved");
        QTest::newRow("negative on hand") << QList<StockLevel>{level("A1", "store-1", -1, 0, 1)}
                                          << QStringLiteral("levels[0].onHand");
        QTest::newRow("bad location id") << QList<StockLevel>{level("A1", "store 1", 1, 0, 1)}
                                         << QStringLiteral("levels[0].location");
    }
    void invalidItemsAreNamedAndNothingIsWritten()
    {
        QFETCH(QList<StockLevel>, levels);
        QFETCH(QString, field);
        StockReplica replica(*m_store);
        const Status status = replica.upsertLevels(levels);
        QVERIFY(!status);
        QCOMPARE(status.error().field, field);
        QVERIFY(replica.levelsOf(u"A1").value().isEmpty());

        const Status location = replica.upsertLocations({Location{QStringLiteral("x"), QString()}});
        QVERIFY(!location);
        QCOMPARE(location.error().field, QStringLiteral("locations[0].name"));
    }
};

QTEST_GUILESS_MAIN(TestStockReplica)
#include "tst_stockreplica.moc"
