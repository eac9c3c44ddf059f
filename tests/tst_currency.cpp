#include "currency.h"

#include <QTest>

using namespace stockline;
using namespace Qt::StringLiterals;

// Runs with LC_ALL=C and LANG=C (tests/CMakeLists.txt): the machine's locale unset.
class TestCurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Currency::setCurrent(Currency()); }

    void formatsInTheStoresCurrencyAndTheLocalesStyle_data()
    {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("text");
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        const QLocale ja(QLocale::Japanese, QLocale::Japan);
        const QString nbsp(QChar(0xA0));
        QTest::newRow("USD en_US") << "USD" << 2 << us << qint64(123456) << "$1,234.56";
        QTest::newRow("USD negative") << "USD" << 2 << us << qint64(-5) << "($0.05)";
        QTest::newRow("EUR de_DE")
            << "EUR" << 2 << de << qint64(123456) << u"1.234,56"_s + nbsp + u"€"_s;
        QTest::newRow("EUR de_DE cents")
            << "EUR" << 2 << de << qint64(7) << u"0,07"_s + nbsp + u"€"_s;
        QTest::newRow("EUR en_US") << "EUR" << 2 << us << qint64(2105) << "€21.05";
        QTest::newRow("JPY ja_JP") << "JPY" << 0 << ja << qint64(500) << "￥500";
        QTest::newRow("JPY in English")
            << "JPY" << 0 << us << qint64(12000) << u"JPY"_s + nbsp + u"12,000"_s;
        QTest::newRow("KWD three digits")
            << "KWD" << 3 << us << qint64(1250) << u"KWD"_s + nbsp + u"1.250"_s;
        QTest::newRow("CHF de_CH") << "CHF" << 2 << QLocale(QLocale::German, QLocale::Switzerland)
                                   << qint64(1995) << u"19.95"_s + nbsp + u"CHF"_s;
        QTest::newRow("C locale") << "USD" << 2 << QLocale::c() << qint64(2105) << "$21.05";
        QTest::newRow("EUR C locale") << "EUR" << 2 << QLocale::c() << qint64(2105) << "€21.05";
    }
    void formatsInTheStoresCurrencyAndTheLocalesStyle()
    {
        QFETCH(QString, iso);
        QFETCH(int, digits);
        QFETCH(QLocale, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, text);
        QCOMPARE(Currency(iso, digits).format(Money::fromMinor(minor), locale), text);
    }

    // "Pay 21.05" with no currency was what a till showed with the machine's locale unset.
    void theMachinesLocaleUnsetStillShowsTheCurrency()
    {
        QCOMPARE(QLocale::system().language(), QLocale::C);
        QCOMPARE(Money::fromMinor(2105).toLocaleString(), QStringLiteral("$21.05"));
        Currency::setCurrent(Currency(QStringLiteral("EUR"), 2));
        QCOMPARE(Money::fromMinor(2105).toLocaleString(), QStringLiteral("€21.05"));
    }

    void parsesWithTheCurrencysMinorDigits_data()
    {
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("JPY whole") << 0 << "500" << qint64(500);
        QTest::newRow("KWD three") << 3 << "1.250" << qint64(1250);
        QTest::newRow("KWD one") << 3 << "1.2" << qint64(1200);
        QTest::newRow("USD") << 2 << "4.99" << qint64(499);
    }
    void parsesWithTheCurrencysMinorDigits()
    {
        QFETCH(int, digits);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        Currency::setCurrent(Currency(QStringLiteral("XXX"), digits));
        const Result<Money> parsed = Money::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->minor(), minor);
        QCOMPARE(Money::parse(Money::fromMinor(minor).toString())->minor(), minor);
    }

    void refusesMoreDecimalsThanTheCurrencyHas()
    {
        QVERIFY(!Money::parse(QStringLiteral("4.5"), 0).ok());
        QVERIFY(!Money::parse(QStringLiteral("1.2505"), 3).ok());
        QCOMPARE(Money::fromMinor(500).toString(0), QStringLiteral("500"));
        QCOMPARE(Money::fromMinor(-1250).toString(3), QStringLiteral("-1.250"));
    }
};

QTEST_GUILESS_MAIN(TestCurrency)
#include "tst_currency.moc"
