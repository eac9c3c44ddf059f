#include "barcode.h"

#include <QTest>

using namespace stockline;

Q_DECLARE_METATYPE(stockline::Symbology)
Q_DECLARE_METATYPE(stockline::ScannedCode::Kind)

class TestBarcode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<Symbology>("symbology");
        QTest::newRow("EAN-13") << QStringLiteral("4006381333931") << Symbology::Ean13;
        QTest::newRow("EAN-13 other") << QStringLiteral("5901234123457") << Symbology::Ean13;
        QTest::newRow("EAN-8") << QStringLiteral("96385074") << Symbology::Ean8;
        QTest::newRow("UPC-A") << QStringLiteral("036000291452") << Symbology::UpcA;
        QTest::newRow("UPC-A zeros") << QStringLiteral("012345678905") << Symbology::UpcA;
    }
    void acceptsValidCodes()
    {
        QFETCH(QString, code);
        QFETCH(Symbology, symbology);
        const Result<ScannedCode> scanned = Barcode::parse(code);
        QVERIFY2(scanned.ok(), qPrintable(scanned.ok() ? QString() : scanned.error().toString()));
        QCOMPARE(scanned->symbology, symbology);
        QCOMPARE(scanned->kind, ScannedCode::Kind::Plain);
        QCOMPARE(scanned->lookupCode, code);
    }

    void rejectsBarcodeWithWrongCheckDigit_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("EAN-13") << QStringLiteral("4006381333932");
        QTest::newRow("EAN-8") << QStringLiteral("96385075");
        QTest::newRow("UPC-A") << QStringLiteral("036000291453");
        QTest::newRow("price-embedded") << QStringLiteral("2012345014993");
    }
    void rejectsBarcodeWithWrongCheckDigit()
    {
        QFETCH(QString, code);
        const Result<ScannedCode> scanned = Barcode::parse(code);
        QVERIFY(!scanned.ok());
        QCOMPARE(scanned.error().field, QStringLiteral("barcode"));
        QVERIFY2(scanned.error().message.contains(QStringLiteral("check digit")),
                 qPrintable(scanned.error().message));
    }

    void rejectsCodesOfWrongShape_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("digits");
        QTest::newRow("letters") << QStringLiteral("40063813339A1") << QStringLiteral("digits");
        QTest::newRow("eleven digits")
            << QStringLiteral("40063813339") << QStringLiteral("11 digits");
        QTest::newRow("fourteen digits")
            << QStringLiteral("40063813339310") << QStringLiteral("14 digits");
        QTest::newRow("spaces") << QStringLiteral(" 4006381333931") << QStringLiteral("digits");
    }
    void rejectsCodesOfWrongShape()
    {
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Result<ScannedCode> scanned = Barcode::parse(code);
        QVERIFY(!scanned.ok());
        QVERIFY2(scanned.error().message.contains(mentions), qPrintable(scanned.error().message));
    }

    void computesCheckDigits_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("check");
        QTest::newRow("EAN-13") << QStringLiteral("400638133393") << 1;
        QTest::newRow("EAN-8") << QStringLiteral("9638507") << 4;
        QTest::newRow("UPC-A") << QStringLiteral("03600029145") << 2;
        QTest::newRow("zero check") << QStringLiteral("590123412345") << 7;
    }
    void computesCheckDigits()
    {
        QFETCH(QString, body);
        QFETCH(int, check);
        QCOMPARE(Barcode::checkDigit(body), check);
        QVERIFY(Barcode::hasValidCheckDigit(Barcode::withCheckDigit(body)));
    }

    void decodesEmbeddedValues_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<ScannedCode::Kind>("kind");
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<qint64>("priceMinor");
        QTest::addColumn<qint64>("grams");
        QTest::newRow("price prefix 20")
            << QStringLiteral("2012345014992") << ScannedCode::Kind::PriceEmbedded
            << QStringLiteral("2012345000001") << qint64(1499) << qint64(0);
        QTest::newRow("price prefix 02")
            << QStringLiteral("0212345003992") << ScannedCode::Kind::PriceEmbedded
            << QStringLiteral("0212345000007") << qint64(399) << qint64(0);
        QTest::newRow("price prefix 24 at maximum")
            << QStringLiteral("2412345999990") << ScannedCode::Kind::PriceEmbedded
            << QStringLiteral("2412345000009") << qint64(99999) << qint64(0);
        QTest::newRow("weight prefix 29")
            << QStringLiteral("2911111027504") << ScannedCode::Kind::WeightEmbedded
            << QStringLiteral("2911111000002") << qint64(0) << qint64(2750);
        QTest::newRow("weight prefix 25 zero")
            << QStringLiteral("2500000000003") << ScannedCode::Kind::WeightEmbedded
            << QStringLiteral("2500000000003") << qint64(0) << qint64(0);
        QTest::newRow("UPC-A number system 2 is EAN-13 02")
            << QStringLiteral("212345003992") << ScannedCode::Kind::PriceEmbedded
            << QStringLiteral("0212345000007") << qint64(399) << qint64(0);
    }
    void decodesEmbeddedValues()
    {
        QFETCH(QString, code);
        QFETCH(ScannedCode::Kind, kind);
        QFETCH(QString, lookup);
        QFETCH(qint64, priceMinor);
        QFETCH(qint64, grams);
        const Result<ScannedCode> scanned = Barcode::parse(code);
        QVERIFY2(scanned.ok(), qPrintable(scanned.ok() ? QString() : scanned.error().toString()));
        QCOMPARE(scanned->kind, kind);
        QCOMPARE(scanned->lookupCode, lookup);
        QCOMPARE(scanned->price.minor(), priceMinor);
        QCOMPARE(scanned->grams, grams);
        QCOMPARE(scanned->digits, code);
    }

    void ordinaryPrefixesAreNotEmbedded()
    {
        const Result<ScannedCode> scanned = Barcode::parse(QStringLiteral("0360002914522"));
        QVERIFY(scanned.ok());
        QCOMPARE(scanned->kind, ScannedCode::Kind::Plain);
    }
};

QTEST_GUILESS_MAIN(TestBarcode)
#include "tst_barcode.moc"
