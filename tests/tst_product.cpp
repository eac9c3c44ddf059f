#include "product.h"

#include <QTest>

using namespace stockline;

namespace {

Product validProduct()
{
    Product p;
    p.sku = QStringLiteral("GRO-00042");
    p.barcode = QStringLiteral("4006381333931");
    p.name = QStringLiteral("Rolled oats 500 g");
    p.price = Money::fromMinor(349);
    p.taxRate = TaxRate::fromMilliPercent(0);
    p.department = QStringLiteral("Grocery");
    return p;
}

} // namespace

class TestProduct : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidProduct()
    {
        QCOMPARE(validProduct().validate(), std::nullopt);
        Product noBarcode = validProduct();
        noBarcode.barcode.clear();
        QCOMPARE(noBarcode.validate(), std::nullopt);
        Product embedded = validProduct();
        embedded.barcode = QStringLiteral("2012345000001");
        QCOMPARE(embedded.validate(), std::nullopt);
    }

    void namesTheBadField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("sku empty") << QStringLiteral("sku") << QString() << QStringLiteral("sku");
        QTest::newRow("sku with space")
            << QStringLiteral("sku") << QStringLiteral("GRO 42") << QStringLiteral("sku");
        QTest::newRow("sku too long")
            << QStringLiteral("sku") << QString(65, u'A') << QStringLiteral("sku");
        QTest::newRow("barcode wrong check")
            << QStringLiteral("barcode") << QStringLiteral("4006381333932")
            << QStringLiteral("barcode");
        QTest::newRow("barcode with value")
            << QStringLiteral("barcode") << QStringLiteral("2012345014992")
            << QStringLiteral("barcode");
        QTest::newRow("name blank")
            << QStringLiteral("name") << QStringLiteral("   ") << QStringLiteral("name");
        QTest::newRow("name too long")
            << QStringLiteral("name") << QString(201, u'x') << QStringLiteral("name");
        QTest::newRow("price negative")
            << QStringLiteral("price") << QStringLiteral("-1") << QStringLiteral("price");
        QTest::newRow("price too large")
            << QStringLiteral("price") << QStringLiteral("100000000001") << QStringLiteral("price");
        QTest::newRow("tax rate over 100")
            << QStringLiteral("taxRate") << QStringLiteral("100001") << QStringLiteral("taxRate");
        QTest::newRow("department too long")
            << QStringLiteral("department") << QString(201, u'd') << QStringLiteral("department");
    }
    void namesTheBadField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        Product p = validProduct();
        if (field == QLatin1String("sku"))
            p.sku = value;
        else if (field == QLatin1String("barcode"))
            p.barcode = value;
        else if (field == QLatin1String("name"))
            p.name = value;
        else if (field == QLatin1String("price"))
            p.price = Money::fromMinor(value.toLongLong());
        else if (field == QLatin1String("taxRate"))
            p.taxRate = TaxRate::fromMilliPercent(value.toInt());
        else
            p.department = value;
        const std::optional<Error> error = p.validate();
        QVERIFY(error.has_value());
        QCOMPARE(error->field, expectedField);
        QVERIFY(!error->message.isEmpty());
    }

    void rejectsEmbeddedCodeWithValueAndNamesLookupCode()
    {
        Product p = validProduct();
        p.barcode = QStringLiteral("2012345014992");
        const std::optional<Error> error = p.validate();
        QVERIFY(error.has_value());
        QVERIFY2(error->message.contains(QStringLiteral("2012345000001")),
                 qPrintable(error->message));
    }

    void validatesLocations()
    {
        QCOMPARE((Location{QStringLiteral("store-1"), QStringLiteral("Store floor")}.validate()),
                 std::nullopt);
        QCOMPARE(
            (Location{QStringLiteral("store 1"), QStringLiteral("Store floor")}.validate()->field),
            QStringLiteral("id"));
        QCOMPARE((Location{QStringLiteral("store-1"), QString()}.validate()->field),
                 QStringLiteral("name"));
    }

    void stockLevelKeepsReservedWithinOnHand_data()
    {
        QTest::addColumn<qint64>("onHand");
        QTest::addColumn<qint64>("reserved");
        QTest::addColumn<QString>("badField");
        QTest::newRow("fine") << qint64(5) << qint64(2) << QString();
        QTest::newRow("all reserved") << qint64(5) << qint64(5) << QString();
        QTest::newRow("empty") << qint64(0) << qint64(0) << QString();
        QTest::newRow("over-reserved") << qint64(5) << qint64(6) << QStringLiteral("reserved");
        QTest::newRow("negative reserved") << qint64(5) << qint64(-1) << QStringLiteral("reserved");
        QTest::newRow("negative on hand") << qint64(-1) << qint64(0) << QStringLiteral("onHand");
    }
    void stockLevelKeepsReservedWithinOnHand()
    {
        QFETCH(qint64, onHand);
        QFETCH(qint64, reserved);
        QFETCH(QString, badField);
        const StockLevel level{QStringLiteral("A1"), QStringLiteral("store-1"), onHand, reserved,
                               3};
        const std::optional<Error> error = level.validate();
        QCOMPARE(error.has_value(), !badField.isEmpty());
        if (error)
            QCOMPARE(error->field, badField);
        QCOMPARE(level.available(), onHand - reserved);
    }
};

QTEST_GUILESS_MAIN(TestProduct)
#include "tst_product.moc"
