#include "barcode.h"
#include "catalog.h"
#include "localstore.h"
#include "stockreplica.h"
#include "storecsv.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

const QByteArray productsHeader = "sku,barcode,name,price,tax_rate,department\n";
const QByteArray goodProducts = productsHeader +
                                "GRO-0001,4006381333931,Rolled oats 500 g,3.49,0,Grocery\n"
                                "DAI-0001,5012345678900,\"Milk, whole 1 l\",1.19,0,Dairy\n"
                                "HOU-0001,,Dish soap,2.99,8.25,Household\n";
const QByteArray goodLocations = "id,name\nstore-1,Store floor\nbackroom-1,Back room\n";
const QByteArray goodStock = "sku,location,qty\n"
                             "GRO-0001,store-1,12\n"
                             "GRO-0001,backroom-1,0\n"
                             "DAI-0001,store-1,30\n";

Result<QList<Product>> readProducts(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return StoreCsv::readProducts(buffer, QStringLiteral("products.csv"));
}

Result<QList<Location>> readLocations(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return StoreCsv::readLocations(buffer, QStringLiteral("locations.csv"));
}

StoreData knownStore()
{
    StoreData known;
    known.products = readProducts(goodProducts).value();
    known.locations = readLocations(goodLocations).value();
    return known;
}

Result<QList<StockLevel>> readStock(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return StoreCsv::readStock(buffer, QStringLiteral("stock.csv"), knownStore());
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Writes the three files into a new folder inside dir; an empty content leaves a file out.
QString writeStoreFolder(const QTemporaryDir& dir, const QString& name, const QByteArray& products,
                         const QByteArray& locations, const QByteArray& stock)
{
    const QString folder = dir.filePath(name);
    QDir().mkpath(folder);
    if (!products.isEmpty())
        writeFile(folder + QStringLiteral("/products.csv"), products);
    if (!locations.isEmpty())
        writeFile(folder + QStringLiteral("/locations.csv"), locations);
    if (!stock.isEmpty())
        writeFile(folder + QStringLiteral("/stock.csv"), stock);
    return folder;
}

struct Snapshot
{
    qint64 products = 0;
    QList<Location> locations;
    QList<std::optional<Product>> items;
    QList<QList<StockLevel>> levels;

    friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshotOf(const LocalStore& store)
{
    const Catalog catalog(store);
    const StockReplica stock(store);
    Snapshot s;
    s.products = catalog.count().value();
    s.locations = stock.locations().value();
    for (const char* sku : {"GRO-0001", "DAI-0001", "HOU-0001"}) {
        s.items.append(catalog.bySku(QString::fromLatin1(sku)).value());
        s.levels.append(stock.levelsOf(QString::fromLatin1(sku)).value());
    }
    return s;
}

} // namespace

class TestStoreCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsProducts()
    {
        // Columns in any order, extra columns ignored, cells trimmed, quoted commas.
        const Result<QList<Product>> products =
            readProducts("name,Price,extra,sku,tax_rate,barcode,active\r\n"
                         "\"Tomatoes, cherry 250 g\",2.49,x, PRD-0001 ,0,4006381333931,\r\n"
                         "Pizza 12\" Margherita,8.99,y,DEL-0001,2.25,,no\r\n");
        QVERIFY2(products.ok(), qPrintable(products ? QString() : products.error().toString()));
        QCOMPARE(products->size(), 2);
        const Product& tomatoes = products->at(0);
        QCOMPARE(tomatoes.sku, QStringLiteral("PRD-0001"));
        QCOMPARE(tomatoes.name, QStringLiteral("Tomatoes, cherry 250 g"));
        QCOMPARE(tomatoes.barcode, QStringLiteral("4006381333931"));
        QCOMPARE(tomatoes.price, Money::fromMinor(249));
        QCOMPARE(tomatoes.taxRate, TaxRate::fromMilliPercent(0));
        QVERIFY(tomatoes.active);
        QCOMPARE(tomatoes.department, QString());
        const Product& pizza = products->at(1);
        QCOMPARE(pizza.name, QStringLiteral("Pizza 12\" Margherita"));
        QCOMPARE(pizza.taxRate, TaxRate::fromMilliPercent(2250));
        QVERIFY(!pizza.active);
    }

    void readsReorderPoints()
    {
        const Result<QList<Product>> products =
            readProducts("sku,barcode,name,price,tax_rate,reorder_point\n"
                         "A-1,,Tea,1.00,0,12\n"
                         "A-2,,Milk,1.00,0,\n");
        QVERIFY2(products.ok(), qPrintable(products ? QString() : products.error().toString()));
        QCOMPARE(products->at(0).reorderPoint, 12);
        QCOMPARE(products->at(1).reorderPoint, 0); // empty: none
    }

    void badReorderPointNamesTheColumn_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number") << QByteArray("twelve") << QStringLiteral("'twelve'");
        QTest::newRow("a fraction") << QByteArray("1.5") << QStringLiteral("whole number");
        QTest::newRow("negative") << QByteArray("-1") << QStringLiteral("0 to 1000000");
    }
    void badReorderPointNamesTheColumn()
    {
        QFETCH(QByteArray, cell);
        QFETCH(QString, message);
        const Result<QList<Product>> products = readProducts(
            "sku,barcode,name,price,tax_rate,reorder_point\nA-1,,Tea,1.00,0," + cell + "\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, QStringLiteral("products.csv line 2, reorder_point"));
        QVERIFY2(products.error().message.contains(message),
                 qPrintable(products.error().toString()));
    }

    void readsUnits()
    {
        const Result<QList<Product>> products =
            readProducts("sku,barcode,name,price,tax_rate,unit\n"
                         "A-1,,Bananas (per kg),2.99,0,kg\n"
                         "A-2,,Milk,1.00,0,\n"
                         "A-3,,Olive oil (per l),9.00,0,l\n"
                         "A-4,,Rope (per m),1.50,0,m\n"
                         "A-5,,Tea,1.00,0,each\n"
                         "A-6,,Apples (per kg),2.59,0,KG\n");
        QVERIFY2(products.ok(), qPrintable(products ? QString() : products.error().toString()));
        QCOMPARE(products->at(0).unit, Unit::Kilogram);
        QCOMPARE(products->at(1).unit, Unit::Each); // empty: each
        QCOMPARE(products->at(2).unit, Unit::Litre);
        QCOMPARE(products->at(3).unit, Unit::Metre);
        QCOMPARE(products->at(4).unit, Unit::Each);
        QCOMPARE(products->at(5).unit, Unit::Kilogram); // a spreadsheet's capitals
        // Without the column every product is sold each, as before units existed.
        QCOMPARE(readProducts("sku,barcode,name,price,tax_rate\nA-1,,Tea,1.00,0\n")->at(0).unit,
                 Unit::Each);
    }

    void badUnitNamesLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::newRow("unknown") << QByteArray("lb");
        QTest::newRow("grams are not a unit to sell by") << QByteArray("g");
        QTest::newRow("a weight") << QByteArray("1 kg");
    }
    void badUnitNamesLineAndColumn()
    {
        QFETCH(QByteArray, cell);
        const Result<QList<Product>> products =
            readProducts("sku,barcode,name,price,tax_rate,unit\nA-1,,Tea,1.00,0,kg\n"
                         "A-2,,Tea,1.00,0," +
                         cell + "\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, QStringLiteral("products.csv line 3, unit"));
        QCOMPARE(
            products.error().message,
            QStringLiteral("'%1' is not one of each, kg, l, m").arg(QString::fromLatin1(cell)));
    }

    void badProductRowNamesLineAndField_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        // The bad row is line 4: header, two good rows before it.
        const QString line = QStringLiteral("products.csv line 4, ");
        QTest::newRow("decimal comma")
            << QByteArray("X-1,,Tea,\"4,99\",0,Grocery") << line + QStringLiteral("price")
            << QStringLiteral("'4,99' is not a number like 4.99");
        QTest::newRow("price empty")
            << QByteArray("X-1,,Tea,,0,Grocery") << line + QStringLiteral("price")
            << QStringLiteral("is not a number");
        QTest::newRow("price with currency")
            << QByteArray("X-1,,Tea,$4.99,0,Grocery") << line + QStringLiteral("price")
            << QStringLiteral("'$4.99'");
        QTest::newRow("price three decimals")
            << QByteArray("X-1,,Tea,4.999,0,Grocery") << line + QStringLiteral("price")
            << QStringLiteral("decimals");
        QTest::newRow("price negative")
            << QByteArray("X-1,,Tea,-1,0,Grocery") << line + QStringLiteral("price")
            << QStringLiteral("outside");
        QTest::newRow("tax with percent sign")
            << QByteArray("X-1,,Tea,1.00,8.25%,Grocery") << line + QStringLiteral("tax_rate")
            << QStringLiteral("'8.25%'");
        QTest::newRow("tax over 100")
            << QByteArray("X-1,,Tea,1.00,101,Grocery") << line + QStringLiteral("tax_rate")
            << QStringLiteral("0 to 100");
        QTest::newRow("sku with space") << QByteArray("X 1,,Tea,1.00,0,Grocery")
                                        << line + QStringLiteral("sku") << QStringLiteral("'X 1'");
        QTest::newRow("sku empty")
            << QByteArray(",,Tea,1.00,0,Grocery") << line + QStringLiteral("sku")
            << QStringLiteral("is not 1–64 characters");
        QTest::newRow("barcode check digit")
            << QByteArray("X-1,4006381333932,Tea,1.00,0,Grocery")
            << line + QStringLiteral("barcode") << QStringLiteral("check digit");
        QTest::newRow("barcode length")
            << QByteArray("X-1,12345,Tea,1.00,0,Grocery") << line + QStringLiteral("barcode")
            << QStringLiteral("5 digits");
        QTest::newRow("barcode with embedded value")
            << QByteArray("X-1,2012345014992,Tea,1.00,0,Grocery")
            << line + QStringLiteral("barcode") << QStringLiteral("list the item as 2012345000001");
        QTest::newRow("name empty")
            << QByteArray("X-1,,  ,1.00,0,Grocery") << line + QStringLiteral("name")
            << QStringLiteral("must not be blank");
        QTest::newRow("too few fields")
            << QByteArray("X-1,,Tea,1.00,0") << QStringLiteral("products.csv line 4")
            << QStringLiteral("5 fields where the header has 6");
        QTest::newRow("quote not closed")
            << QByteArray("X-1,,\"Tea,1.00,0,Grocery\n") << QStringLiteral("products.csv line 4")
            << QStringLiteral("not closed");
    }
    void badProductRowNamesLineAndField()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const Result<QList<Product>> products =
            readProducts(goodProducts.left(goodProducts.lastIndexOf("HOU")) + row + "\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, field);
        QVERIFY2(products.error().message.contains(message),
                 qPrintable(products.error().toString()));
    }

    void errorReadsWellAsOneSentence()
    {
        QByteArray csv = productsHeader;
        for (int i = 2; i <= 16; ++i)
            csv += "GRO-" + QByteArray::number(i) + ",,Tea,1.00,0,Grocery\n";
        csv += "GRO-17,,Tea,\"4,99\",0,Grocery\n";
        const Result<QList<Product>> products = readProducts(csv);
        QVERIFY(!products);
        QCOMPARE(products.error().toString(),
                 QStringLiteral("products.csv line 17, price: '4,99' is not a number like 4.99"));
    }

    void lineNumbersCountLinesInsideQuotedFields()
    {
        const Result<QList<Product>> products =
            readProducts(productsHeader + "GRO-1,,\"Tea\nof the\nday\",1.00,0,Grocery\n"
                                          "GRO-2,,Coffee,1.0.0,0,Grocery\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, QStringLiteral("products.csv line 5, price"));
    }

    void activeColumnAcceptsCommonWords_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("active");
        for (const char* yes : {"", "1", "true", "TRUE", "yes", "Yes"})
            QTest::newRow(yes) << QByteArray(yes) << true;
        for (const char* no : {"0", "false", "False", "no", "NO"})
            QTest::newRow(no) << QByteArray(no) << false;
    }
    void activeColumnAcceptsCommonWords()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, active);
        const Result<QList<Product>> products =
            readProducts("sku,barcode,name,price,tax_rate,active\nX-1,,Tea,1.00,0," + value + "\n");
        QVERIFY(products.ok());
        QCOMPARE(products->at(0).active, active);
    }

    void badActiveValueNamesTheColumn()
    {
        const Result<QList<Product>> products =
            readProducts("sku,barcode,name,price,tax_rate,active\nX-1,,Tea,1.00,0,maybe\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, QStringLiteral("products.csv line 2, active"));
    }

    void missingColumnIsNamed_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("column");
        QTest::newRow("price") << QByteArray("sku,barcode,name,tax_rate")
                               << QStringLiteral("price");
        QTest::newRow("barcode") << QByteArray("sku,name,price,tax_rate")
                                 << QStringLiteral("barcode");
        QTest::newRow("tax_rate misspelt")
            << QByteArray("sku,barcode,name,price,tax rate") << QStringLiteral("tax_rate");
    }
    void missingColumnIsNamed()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, column);
        const Result<QList<Product>> products = readProducts(header + "\n");
        QVERIFY(!products);
        QCOMPARE(products.error().field, QStringLiteral("products.csv line 1"));
        QVERIFY2(products.error().message.contains(u'\'' + column + u'\''),
                 qPrintable(products.error().message));
    }

    void duplicateSkuNamesBothLines()
    {
        const Result<QList<Product>> products =
            readProducts(goodProducts + "DAI-0001,,Other milk,1.00,0,Dairy\n");
        QVERIFY(!products);
        QCOMPARE(products.error().toString(),
                 QStringLiteral("products.csv line 5, sku: 'DAI-0001' is already on line 3"));
    }

    void duplicateBarcodeNamesBothLinesAndTheOtherSku()
    {
        const Result<QList<Product>> products =
            readProducts(goodProducts + "GRO-0002,4006381333931,Oats again,1.00,0,Grocery\n");
        QVERIFY(!products);
        QCOMPARE(products.error().toString(),
                 QStringLiteral("products.csv line 5, barcode: '4006381333931' is already the "
                                "barcode of GRO-0001 on line 2"));
    }

    void productsWithoutBarcodeAreNoDuplicates()
    {
        const Result<QList<Product>> products =
            readProducts(goodProducts + "HOU-0002,,Sponges,1.00,8.25,Household\n");
        QVERIFY(products.ok());
        QCOMPARE(products->size(), 4);
    }

    void badLocationRowNamesLineAndField_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad id") << QByteArray("id,name\nstore 1,Store floor\n")
                                << QStringLiteral("locations.csv line 2, id: 'store 1' is not "
                                                  "1–64 characters from A-Z a-z 0-9 . _ : -");
        QTest::newRow("no name") << QByteArray("id,name\nstore-1,Floor\nback,\n")
                                 << QStringLiteral("locations.csv line 3, name: must not be blank");
        QTest::newRow("duplicate")
            << QByteArray("id,name\nstore-1,Floor\nback,Back\nstore-1,Again\n")
            << QStringLiteral("locations.csv line 4, id: 'store-1' is "
                              "already on line 2");
        QTest::newRow("missing column") << QByteArray("id\nstore-1\n")
                                        << QStringLiteral("locations.csv line 1: the header has no "
                                                          "column 'name' (it needs id,name)");
    }
    void badLocationRowNamesLineAndField()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        const Result<QList<Location>> locations = readLocations(csv);
        QVERIFY(!locations);
        QCOMPARE(locations.error().toString(), error);
    }

    void readsStock()
    {
        const Result<QList<StockLevel>> levels = readStock(goodStock);
        QVERIFY(levels.ok());
        QCOMPARE(levels->size(), 3);
        QCOMPARE(levels->at(0),
                 (StockLevel{QStringLiteral("GRO-0001"), QStringLiteral("store-1"), 12, 0, 0}));
        QCOMPARE(levels->at(1).onHand, 0);
    }

    void badStockRowNamesLineAndField_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown sku") << QByteArray("GRO-9999,store-1,1")
                                     << QStringLiteral("stock.csv line 5, sku: 'GRO-9999' is not "
                                                       "in products.csv");
        QTest::newRow("unknown location")
            << QByteArray("GRO-0001,attic,1")
            << QStringLiteral("stock.csv line 5, location: 'attic' is not in locations.csv");
        QTest::newRow("negative qty") << QByteArray("HOU-0001,store-1,-3")
                                      << QStringLiteral("stock.csv line 5, qty: '-3' is not a "
                                                        "whole number from 0 to 1000000000");
        QTest::newRow("fractional qty") << QByteArray("HOU-0001,store-1,1.5")
                                        << QStringLiteral("stock.csv line 5, qty: '1.5' is not a "
                                                          "whole number from 0 to 1000000000");
        QTest::newRow("empty qty") << QByteArray("HOU-0001,store-1,")
                                   << QStringLiteral("stock.csv line 5, qty: '' is not a whole "
                                                     "number from 0 to 1000000000");
        QTest::newRow("huge qty") << QByteArray("HOU-0001,store-1,99999999999")
                                  << QStringLiteral("stock.csv line 5, qty: '99999999999' is not "
                                                    "a whole number from 0 to 1000000000");
        QTest::newRow("duplicate level")
            << QByteArray("GRO-0001,backroom-1,5")
            << QStringLiteral("stock.csv line 5, sku: 'GRO-0001' at 'backroom-1' is already on "
                              "line 3");
    }
    void badStockRowNamesLineAndField()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, error);
        const Result<QList<StockLevel>> levels = readStock(goodStock + row + "\n");
        QVERIFY(!levels);
        QCOMPARE(levels.error().toString(), error);
    }

    void importsAFolderInOneGo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder =
            writeStoreFolder(dir, QStringLiteral("store"), goodProducts, goodLocations, goodStock);
        auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
        QVERIFY(store.ok());
        const Result<StoreData> imported = StoreCsv::importFolder(**store, folder);
        QVERIFY2(imported.ok(), qPrintable(imported ? QString() : imported.error().toString()));
        QCOMPARE(imported->products.size(), 3);

        const Catalog catalog(**store);
        QCOMPARE(catalog.count().value(), qint64(3));
        QCOMPARE(catalog.bySku(u"DAI-0001").value()->name, QStringLiteral("Milk, whole 1 l"));
        const StockReplica stock(**store);
        QCOMPARE(stock.locations().value().size(), 2);
        const std::optional<StockLevel> level = stock.level(u"DAI-0001", u"store-1").value();
        QVERIFY(level);
        QCOMPARE(level->onHand, 30);
        QCOMPARE(level->reserved, 0);
        QVERIFY(!stock.level(u"HOU-0001", u"store-1").value());
    }

    void stockFileIsOptional()
    {
        QTemporaryDir dir;
        const QString folder =
            writeStoreFolder(dir, QStringLiteral("store"), goodProducts, goodLocations, {});
        const Result<StoreData> data = StoreCsv::readFolder(folder);
        QVERIFY(data.ok());
        QVERIFY(data->levels.isEmpty());
    }

    void missingProductsFileNamesThePath()
    {
        QTemporaryDir dir;
        const QString folder =
            writeStoreFolder(dir, QStringLiteral("store"), {}, goodLocations, {});
        const Result<StoreData> data = StoreCsv::readFolder(folder);
        QVERIFY(!data);
        QCOMPARE(data.error().field,
                 QDir::toNativeSeparators(folder + QStringLiteral("/products.csv")));
        QVERIFY(data.error().message.startsWith(QStringLiteral("cannot be opened")));
    }

    void badFileLeavesTheStoreUnchanged_data()
    {
        QTest::addColumn<QByteArray>("products");
        QTest::addColumn<QByteArray>("locations");
        QTest::addColumn<QByteArray>("stock");
        QTest::addColumn<QString>("field");
        // Each changes what is already there and then has one error in its last row.
        const QByteArray changed = productsHeader +
                                   "GRO-0001,4006381333931,Renamed oats,9.99,0,Grocery\n"
                                   "DAI-0001,5012345678900,Milk,1.19,0,Dairy\n"
                                   "NEW-0001,,New thing,1.00,0,Grocery\n";
        const QByteArray moreStock = goodStock + "NEW-0001,store-1,4\n";
        QTest::newRow("bad last product")
            << changed + "NEW-0002,,Bad,oops,0,Grocery\n"
            << goodLocations << moreStock << QStringLiteral("products.csv line 5, price");
        QTest::newRow("bad last location")
            << changed << goodLocations + "attic,\n"
            << moreStock << QStringLiteral("locations.csv line 4, name");
        QTest::newRow("bad last stock row")
            << changed << goodLocations << moreStock + "NEW-0001,backroom-1,x\n"
            << QStringLiteral("stock.csv line 6, qty");
        // The folder describes the whole store: stock may not name a SKU only the store has.
        QTest::newRow("stock names a product only in the store")
            << changed << goodLocations << moreStock + "HOU-0001,store-1,1\n"
            << QStringLiteral("stock.csv line 6, sku");
    }
    void badFileLeavesTheStoreUnchanged()
    {
        QFETCH(QByteArray, products);
        QFETCH(QByteArray, locations);
        QFETCH(QByteArray, stock);
        QFETCH(QString, field);
        QTemporaryDir dir;
        auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
        QVERIFY(store.ok());
        const QString good =
            writeStoreFolder(dir, QStringLiteral("good"), goodProducts, goodLocations, goodStock);
        QVERIFY(StoreCsv::importFolder(**store, good).ok());
        const Snapshot before = snapshotOf(**store);

        const QString bad =
            writeStoreFolder(dir, QStringLiteral("bad"), products, locations, stock);
        const Result<StoreData> imported = StoreCsv::importFolder(**store, bad);
        QVERIFY(!imported);
        QCOMPARE(imported.error().field, field);
        QVERIFY(snapshotOf(**store) == before);
        QVERIFY(!Catalog(**store).bySku(u"NEW-0001").value());
    }

    void importWritesNothingWhenALaterTableFails()
    {
        // Products are written first; an invalid level afterwards must roll them back.
        QTemporaryDir dir;
        auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
        QVERIFY(store.ok());
        StoreData data = knownStore();
        data.levels.append(
            StockLevel{QStringLiteral("GRO-0001"), QStringLiteral("store-1"), 1, 5, 0});
        const Status imported = StoreCsv::import(**store, data);
        QVERIFY(!imported);
        QCOMPARE(imported.error().field, QStringLiteral("levels[0].reserved"));
        QCOMPARE(Catalog(**store).count().value(), qint64(0));
        QVERIFY(StockReplica(**store).locations().value().isEmpty());
    }

    void readsStaffAndHashesTheirPins()
    {
        QBuffer buffer;
        buffer.setData("name,role,pin\nAlex,cashier,1234\nMorgan,manager,246810\n");
        buffer.open(QIODevice::ReadOnly);
        const Result<QList<StaffMember>> staff =
            StoreCsv::readStaff(buffer, QStringLiteral("staff.csv"));
        QVERIFY(staff);
        QCOMPARE(staff->size(), 2);
        QCOMPARE(staff->at(1).name, QStringLiteral("Morgan"));
        QCOMPARE(staff->at(1).role, StaffRole::Manager);
        QVERIFY(staff->at(1).pin.matches(u"246810"));
        QVERIFY(!staff->at(1).pin.hash.contains("246810"));
    }

    void badStaffRowNamesLineAndField_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad role") << QByteArray("name,role,pin\nAlex,boss,1234\n")
                                  << QStringLiteral("staff.csv line 2, role: 'boss' is not "
                                                    "cashier or manager");
        QTest::newRow("bad PIN") << QByteArray("name,role,pin\nAlex,cashier,12a4\n")
                                 << QStringLiteral(
                                        "staff.csv line 2, pin: a PIN is 4 to 12 digits");
        QTest::newRow("duplicate")
            << QByteArray("name,role,pin\nAlex,cashier,1234\nAlex,manager,5678\n")
            << QStringLiteral("staff.csv line 3, name: 'Alex' is already on line 2");
    }
    void badStaffRowNamesLineAndField()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        QBuffer buffer;
        buffer.setData(csv);
        buffer.open(QIODevice::ReadOnly);
        const Result<QList<StaffMember>> staff =
            StoreCsv::readStaff(buffer, QStringLiteral("staff.csv"));
        QVERIFY(!staff);
        QCOMPARE(staff.error().toString(), error);
    }

    void shippedSampleStoreLoadsCompletely()
    {
        const QString folder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store");
        const Result<StoreData> data = StoreCsv::readFolder(folder);
        QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error().toString()));
        QVERIFY(data->products.size() >= 500);
        QCOMPARE(data->locations.size(), 2);
        QCOMPARE(data->locations[0].id, QStringLiteral("store-1"));
        QCOMPARE(data->locations[1].id, QStringLiteral("backroom-1"));
        QCOMPARE(data->levels.size(), 2 * data->products.size());
        QCOMPARE(data->staff.size(), 2); // the demo's cashier and manager

        int priceEmbedded = 0;
        int weightEmbedded = 0;
        QSet<int> lengths;
        QSet<QString> departments;
        QSet<int> taxRates;
        for (const Product& p : data->products) {
            departments.insert(p.department);
            taxRates.insert(p.taxRate.milliPercent());
            if (p.barcode.isEmpty())
                continue;
            const Result<ScannedCode> code = Barcode::parse(p.barcode);
            QVERIFY2(code.ok(), qPrintable(p.sku + u' ' + p.barcode));
            QCOMPARE(code->lookupCode, p.barcode);
            lengths.insert(int(p.barcode.size()));
            priceEmbedded += code->kind == ScannedCode::Kind::PriceEmbedded;
            weightEmbedded += code->kind == ScannedCode::Kind::WeightEmbedded;
        }
        QVERIFY(priceEmbedded >= 10);
        QVERIFY(weightEmbedded >= 10);
        QCOMPARE(lengths, (QSet<int>{8, 12, 13}));
        QVERIFY(departments.size() >= 8);
        QVERIFY(taxRates.size() >= 3);
        int outOfStock = 0;
        for (const StockLevel& level : data->levels)
            outOfStock += level.onHand == 0;
        QVERIFY(outOfStock > 0);

        QTemporaryDir dir;
        auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
        QVERIFY(store.ok());
        QVERIFY(StoreCsv::import(**store, *data).ok());
        const Catalog catalog(**store);
        QCOMPARE(catalog.count().value(), qint64(data->products.size()));
        const Result<QList<Product>> bananas = catalog.search(u"banan", 10);
        QVERIFY(bananas.ok());
        QVERIFY(!bananas->isEmpty());
        QVERIFY(bananas->first().name.contains(QStringLiteral("Bananas")));
    }
};

QTEST_GUILESS_MAIN(TestStoreCsv)
#include "tst_storecsv.moc"
