#include "money.h"

#include <QTest>

using namespace stockline;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAmountsInMajorUnits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cents") << QStringLiteral("4.99") << qint64(499);
        QTest::newRow("whole") << QStringLiteral("12") << qint64(1200);
        QTest::newRow("one decimal") << QStringLiteral("0.5") << qint64(50);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-3.10") << qint64(-310);
        QTest::newRow("large") << QStringLiteral("99999999999.99") << qint64(9999999999999);
    }
    void parsesAmountsInMajorUnits()
    {
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        const Result<Money> money = Money::parse(text);
        QVERIFY2(money.ok(), qPrintable(money.ok() ? QString() : money.error().toString()));
        QCOMPARE(money->minor(), minor);
    }

    void rejectsMalformedAmounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("comma decimal") << QStringLiteral("4,99");
        QTest::newRow("three decimals") << QStringLiteral("4.999");
        QTest::newRow("empty") << QString();
        QTest::newRow("trailing dot") << QStringLiteral("4.");
        QTest::newRow("leading dot") << QStringLiteral(".5");
        QTest::newRow("plus sign") << QStringLiteral("+4");
        QTest::newRow("exponent") << QStringLiteral("1e3");
        QTest::newRow("currency sign") << QStringLiteral("$4.99");
        QTest::newRow("space") << QStringLiteral("4 .99");
        QTest::newRow("too large") << QStringLiteral("123456789012.00");
        QTest::newRow("minus only") << QStringLiteral("-");
    }
    void rejectsMalformedAmounts()
    {
        QFETCH(QString, text);
        const Result<Money> money = Money::parse(text);
        QVERIFY(!money.ok());
        QCOMPARE(money.error().field, QStringLiteral("amount"));
        QVERIFY(!money.error().message.isEmpty());
    }

    void formatsLocaleIndependently_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << qint64(499) << QStringLiteral("4.99");
        QTest::newRow("small") << qint64(5) << QStringLiteral("0.05");
        QTest::newRow("negative small") << qint64(-5) << QStringLiteral("-0.05");
        QTest::newRow("whole") << qint64(1200) << QStringLiteral("12.00");
    }
    void formatsLocaleIndependently()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, text);
        QCOMPARE(Money::fromMinor(minor).toString(), text);
        QCOMPARE(Money::parse(text)->minor(), minor);
    }

    void formatsForTheLocale()
    {
        QCOMPARE(Money::fromMinor(123456).toLocaleString(
                     QLocale(QLocale::English, QLocale::UnitedStates)),
                 QStringLiteral("$1,234.56"));
        const QString german =
            Money::fromMinor(123456).toLocaleString(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(german.contains(QStringLiteral("1.234,56")), qPrintable(german));
    }

    void roundsHalfToEven_data()
    {
        QTest::addColumn<qint64>("numerator");
        QTest::addColumn<qint64>("divisor");
        QTest::addColumn<qint64>("quotient");
        QTest::newRow("half down to even") << qint64(25) << qint64(10) << qint64(2);
        QTest::newRow("half up to even") << qint64(35) << qint64(10) << qint64(4);
        QTest::newRow("below half") << qint64(24) << qint64(10) << qint64(2);
        QTest::newRow("above half") << qint64(26) << qint64(10) << qint64(3);
        QTest::newRow("exact") << qint64(30) << qint64(10) << qint64(3);
        QTest::newRow("negative half to even") << qint64(-25) << qint64(10) << qint64(-2);
        QTest::newRow("negative above half") << qint64(-26) << qint64(10) << qint64(-3);
        QTest::newRow("zero") << qint64(0) << qint64(7) << qint64(0);
    }
    void roundsHalfToEven()
    {
        QFETCH(qint64, numerator);
        QFETCH(qint64, divisor);
        QFETCH(qint64, quotient);
        QCOMPARE(divideHalfEven(numerator, divisor), quotient);
    }

    void parsesTaxRatesInPercent_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("milliPercent");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("texas") << QStringLiteral("8.25") << 8250 << QStringLiteral("8.25");
        QTest::newRow("new york city")
            << QStringLiteral("8.875") << 8875 << QStringLiteral("8.875");
        QTest::newRow("zero") << QStringLiteral("0") << 0 << QStringLiteral("0");
        QTest::newRow("whole") << QStringLiteral("19") << 19000 << QStringLiteral("19");
        QTest::newRow("trailing zero") << QStringLiteral("7.50") << 7500 << QStringLiteral("7.5");
        QTest::newRow("hundred") << QStringLiteral("100") << 100000 << QStringLiteral("100");
    }
    void parsesTaxRatesInPercent()
    {
        QFETCH(QString, text);
        QFETCH(int, milliPercent);
        QFETCH(QString, canonical);
        const Result<TaxRate> rate = TaxRate::parse(text);
        QVERIFY(rate.ok());
        QCOMPARE(rate->milliPercent(), milliPercent);
        QCOMPARE(rate->toString(), canonical);
    }

    void rejectsTaxRatesOutsideZeroToHundred_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("over hundred") << QStringLiteral("100.001");
        QTest::newRow("four decimals") << QStringLiteral("8.2525");
        QTest::newRow("percent sign") << QStringLiteral("8.25%");
        QTest::newRow("comma") << QStringLiteral("8,25");
    }
    void rejectsTaxRatesOutsideZeroToHundred()
    {
        QFETCH(QString, text);
        const Result<TaxRate> rate = TaxRate::parse(text);
        QVERIFY(!rate.ok());
        QCOMPARE(rate.error().field, QStringLiteral("taxRate"));
    }

    void computesTaxRoundedHalfEven_data()
    {
        QTest::addColumn<qint64>("net");
        QTest::addColumn<int>("milliPercent");
        QTest::addColumn<qint64>("tax");
        // 8.25 % of 4.99 = 0.411675 → 0.41
        QTest::newRow("rounds down") << qint64(499) << 8250 << qint64(41);
        // 8.25 % of 2.00 = 0.165 exactly → half to even 0.16
        QTest::newRow("half to even down") << qint64(200) << 8250 << qint64(16);
        // 5 % of 0.30 = 0.015 → half to even 0.02
        QTest::newRow("half to even up") << qint64(30) << 5000 << qint64(2);
        // 8.875 % of 10.00 = 0.8875 → 0.89
        QTest::newRow("three decimal rate") << qint64(1000) << 8875 << qint64(89);
        QTest::newRow("zero rate") << qint64(1999) << 0 << qint64(0);
        // refunds mirror sales: -2.00 at 8.25 % is -0.16
        QTest::newRow("negative net") << qint64(-200) << 8250 << qint64(-16);
    }
    void computesTaxRoundedHalfEven()
    {
        QFETCH(qint64, net);
        QFETCH(int, milliPercent);
        QFETCH(qint64, tax);
        QCOMPARE(TaxRate::fromMilliPercent(milliPercent).taxOn(Money::fromMinor(net)).minor(), tax);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
