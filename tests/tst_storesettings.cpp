#include "localstore.h"
#include "storesettings.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using namespace Qt::StringLiterals;

class TestStoreSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFieldsAreTodaysBehaviour()
    {
        const Result<StoreSettings> s = StoreSettings::fromJson({});
        QVERIFY(s.ok());
        QCOMPARE(s->currency, Currency(u"USD"_s, 2));
        QCOMPARE(s->tax, TaxRule());
        QCOMPARE(s->cashRounding, 1);
        QCOMPARE(s->denominations,
                 (QList<qint64>{10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1}));
    }

    void aSwissStoreRoundsCashToFiveRappen()
    {
        const Result<StoreSettings> s = StoreSettings::fromConf(u"# Zürich\n"
                                                                "currency = CHF\n"
                                                                "pricesIncludeTax = true\n"
                                                                "taxRounding = receipt\n"_s);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(s->cashRounding, 5);
        QVERIFY(s->tax.pricesIncludeTax);
        QCOMPARE(s->tax.rounding, TaxRounding::Receipt);
        QCOMPARE(s->denominations.last(), 5);
        QCOMPARE(s->cashTotal(Money::fromMinor(1997)), Money::fromMinor(1995));
        QCOMPARE(s->cashTotal(Money::fromMinor(1998)), Money::fromMinor(2000));
        QCOMPARE(s->cashTotal(Money::fromMinor(1992)), Money::fromMinor(1990));
        QCOMPARE(s->cashTotal(Money::fromMinor(1993)), Money::fromMinor(1995));
        const QList<Denomination> drawer = s->drawerDenominations();
        QCOMPARE(drawer.first().value, Money::fromMinor(100000));
        QVERIFY(!drawer.first().coin);
        QVERIFY(drawer.at(drawer.size() - 7).coin); // 5 francs is a coin
        QVERIFY(!drawer.at(drawer.size() - 8).coin);
    }

    void shipsDenominationsPerCurrency_data()
    {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<qint64>("largest");
        QTest::addColumn<qint64>("smallest");
        QTest::newRow("USD") << u"USD"_s << qint64(10000) << qint64(1);
        QTest::newRow("EUR") << u"EUR"_s << qint64(20000) << qint64(1);
        QTest::newRow("GBP") << u"GBP"_s << qint64(5000) << qint64(1);
        QTest::newRow("JPY") << u"JPY"_s << qint64(10000) << qint64(1);
        QTest::newRow("CHF") << u"CHF"_s << qint64(100000) << qint64(5);
    }
    void shipsDenominationsPerCurrency()
    {
        QFETCH(QString, iso);
        QFETCH(qint64, largest);
        QFETCH(qint64, smallest);
        const QList<qint64> d = StoreSettings::defaultDenominations(iso);
        QCOMPARE(d.first(), largest);
        QCOMPARE(d.last(), smallest);
    }

    void readsAmountsInTheConfInMajorUnits()
    {
        const Result<StoreSettings> s = StoreSettings::fromConf(
            u"currency = KWD\nminorDigits = 3\ncashRounding = 0.005\n"
            "denominations = 20 10 5 1 0.5 0.25 0.1 0.05 0.02 0.01 0.005\n"_s);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(s->cashRounding, 5);
        QCOMPARE(s->denominations.first(), 20000);
        QCOMPARE(s->denominations.last(), 5);
        const Result<StoreSettings> again = StoreSettings::fromConf(s->toConf());
        QVERIFY(again.ok());
        QCOMPARE(*again, *s);
        const Result<StoreSettings> fromWire = StoreSettings::fromJson(s->toJson());
        QVERIFY(fromWire.ok());
        QCOMPARE(*fromWire, *s);
    }

    void badSettingsNameWhatIsWrong_data()
    {
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("field");
        QTest::newRow("lower-case code") << u"currency = eur"_s << u"currency"_s;
        QTest::newRow("one digit") << u"minorDigits = 1"_s << u"minorDigits"_s;
        QTest::newRow("digits not a number") << u"minorDigits = two"_s << u"line 1"_s;
        QTest::newRow("rounding") << u"taxRounding = invoice"_s << u"taxRounding"_s;
        QTest::newRow("yes") << u"pricesIncludeTax = yes"_s << u"line 1"_s;
        QTest::newRow("unknown key") << u"\ncolour = red"_s << u"line 2"_s;
        QTest::newRow("no equals") << u"currency EUR"_s << u"line 1"_s;
        QTest::newRow("JPY cents")
            << u"currency = JPY\nminorDigits = 0\ndenominations = 0.5"_s << u"denominations"_s;
        QTest::newRow("twice") << u"denominations = 1 1"_s << u"denominations"_s;
        QTest::newRow("zero rounding") << u"cashRounding = 0"_s << u"cashRounding"_s;
    }
    void badSettingsNameWhatIsWrong()
    {
        QFETCH(QString, conf);
        QFETCH(QString, field);
        const Result<StoreSettings> s = StoreSettings::fromConf(conf);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
    }

    void theTerminalKeepsThemForAnOfflineStart()
    {
        QTemporaryDir dir;
        const StoreSettings swiss = *StoreSettings::fromConf(u"currency = CHF"_s);
        {
            auto store = LocalStore::open(dir.filePath(u"t.db"_s));
            QVERIFY(store.ok());
            QCOMPARE(*StoreSettings::load(**store), StoreSettings());
            QVERIFY(swiss.save(**store).ok());
        }
        auto reopened = LocalStore::open(dir.filePath(u"t.db"_s));
        QCOMPARE(*StoreSettings::load(**reopened), swiss);
    }
};

QTEST_GUILESS_MAIN(TestStoreSettings)
#include "tst_storesettings.moc"
