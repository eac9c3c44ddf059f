#include "storecsv.h"

#include "catalog.h"
#include "csvreader.h"
#include "localstore.h"
#include "mutation.h"
#include "staffdirectory.h"
#include "stockreplica.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <functional>

namespace stockline {

namespace {

const QString productsFile = QStringLiteral("products.csv");
const QString locationsFile = QStringLiteral("locations.csv");
const QString stockFile = QStringLiteral("stock.csv");
const QString staffFile = QStringLiteral("staff.csv");

Error cellError(const CsvReader& reader, qint64 line, const QString& column, const QString& message)
{
    return Error{reader.where(line) + QStringLiteral(", ") + column, message};
}

// The header and the index of each wanted column; missing required columns are an error.
struct Columns
{
    QHash<QString, qsizetype> index;

    [[nodiscard]] bool has(const QString& name) const { return index.value(name, -1) >= 0; }
    [[nodiscard]] QString cell(const CsvRecord& record, const QString& name) const
    {
        const qsizetype i = index.value(name, -1);
        return i < 0 ? QString() : record.fields.at(i).trimmed();
    }
};

Result<Columns> readColumns(CsvReader& reader, const QStringList& required,
                            const QStringList& optional)
{
    if (const Status header = reader.readHeader(); !header)
        return header.error();
    Columns columns;
    for (const QString& name : required) {
        const qsizetype i = reader.column(name);
        if (i < 0)
            return Error{reader.where(reader.headerLine()),
                         QStringLiteral("the header has no column '%1' (it needs %2)")
                             .arg(name, required.join(u','))};
        columns.index.insert(name, i);
    }
    for (const QString& name : optional)
        columns.index.insert(name, reader.column(name));
    return columns;
}

// Hands every record after the header to `row`, which gives the first error or nothing.
std::optional<Error> forEachRecord(CsvReader& reader,
                                   const std::function<std::optional<Error>(const CsvRecord&)>& row)
{
    for (qsizetype rows = 0;;) {
        Result<std::optional<CsvRecord>> next = reader.next();
        if (!next)
            return next.error();
        if (!next.value())
            return std::nullopt;
        if (++rows > StoreCsv::maxRows)
            return Error{reader.where(next.value()->line),
                         QStringLiteral("more than %1 rows").arg(StoreCsv::maxRows)};
        if (std::optional<Error> e = row(*next.value()))
            return e;
    }
}

// Where each key was first seen, to name both lines of a duplicate.
class FirstSeen
{
public:
    // The line `key` was first seen on, or 0 (and the key is remembered at `line`).
    qint64 check(const QString& key, qint64 line)
    {
        const auto found = m_lines.constFind(key);
        if (found != m_lines.cend())
            return *found;
        m_lines.insert(key, line);
        return 0;
    }

private:
    QHash<QString, qint64> m_lines;
};

Result<bool> parseActive(const QString& text)
{
    static const QStringList yes = {QStringLiteral("1"), QStringLiteral("true"),
                                    QStringLiteral("yes")};
    static const QStringList no = {QStringLiteral("0"), QStringLiteral("false"),
                                   QStringLiteral("no")};
    if (text.isEmpty() || yes.contains(text, Qt::CaseInsensitive))
        return true;
    if (no.contains(text, Qt::CaseInsensitive))
        return false;
    return Error{{}, QStringLiteral("'%1' is not one of 1, 0, true, false, yes, no").arg(text)};
}

Result<qint64> parseQuantity(const QString& text)
{
    const Error bad{{},
                    QStringLiteral("'%1' is not a whole number from 0 to %2")
                        .arg(text)
                        .arg(StoreCsv::maxOpeningQty)};
    if (text.isEmpty() || text.size() > 10)
        return bad;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return bad;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > StoreCsv::maxOpeningQty)
        return bad;
    return value;
}

// The CSV column for a field that Product::validate() names.
QString productColumn(const QString& field)
{
    if (field == QLatin1String("taxRate"))
        return QStringLiteral("tax_rate");
    return field == QLatin1String("reorderPoint") ? QStringLiteral("reorder_point") : field;
}

Result<Product> productFrom(const CsvReader& reader, const Columns& columns,
                            const CsvRecord& record)
{
    const auto failed = [&](const QString& column, const QString& message) {
        return cellError(reader, record.line, column, message);
    };
    Product p;
    p.sku = columns.cell(record, QStringLiteral("sku"));
    p.barcode = columns.cell(record, QStringLiteral("barcode"));
    p.name = columns.cell(record, QStringLiteral("name"));
    p.department = columns.cell(record, QStringLiteral("department"));
    const Result<Money> price = Money::parse(columns.cell(record, QStringLiteral("price")));
    if (!price)
        return failed(QStringLiteral("price"), price.error().message);
    p.price = *price;
    const Result<TaxRate> tax = TaxRate::parse(columns.cell(record, QStringLiteral("tax_rate")));
    if (!tax)
        return failed(QStringLiteral("tax_rate"), tax.error().message);
    p.taxRate = *tax;
    const Result<bool> active = parseActive(columns.cell(record, QStringLiteral("active")));
    if (!active)
        return failed(QStringLiteral("active"), active.error().message);
    p.active = *active;
    const QString reorder = columns.cell(record, QStringLiteral("reorder_point"));
    if (!reorder.isEmpty()) {
        bool ok = false;
        p.reorderPoint = reorder.toLongLong(&ok);
        if (!ok)
            return failed(QStringLiteral("reorder_point"),
                          QStringLiteral("'%1' is not a whole number of units").arg(reorder));
    }
    if (const QString cost = columns.cell(record, QStringLiteral("cost")); !cost.isEmpty()) {
        const Result<Money> parsed = Money::parse(cost);
        if (!parsed)
            return failed(QStringLiteral("cost"), parsed.error().message);
        p.cost = *parsed;
    }
    const QString unit = columns.cell(record, QStringLiteral("unit"));
    if (!unit.isEmpty()) {
        const std::optional<Unit> known = unitFromName(unit.toLower());
        if (!known)
            return failed(QStringLiteral("unit"),
                          QStringLiteral("'%1' is not one of each, kg, l, m").arg(unit));
        p.unit = *known;
    }
    if (const std::optional<Error> e = p.validate())
        return failed(productColumn(e->field), e->message);
    return p;
}

// Opens folder/name and hands it to read, which names the file in its errors by name only;
// a file that cannot be opened is named by its full path, to show where it was looked for.
template <typename T>
Result<T> readFile(const QDir& folder, const QString& name,
                   const std::function<Result<T>(QIODevice&, const QString&)>& read)
{
    QFile file(folder.filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QDir::toNativeSeparators(file.fileName()),
                     QStringLiteral("cannot be opened: %1").arg(file.errorString())};
    return read(file, name);
}

} // namespace

Result<QList<Product>> StoreCsv::readProducts(QIODevice& device, const QString& source)
{
    CsvReader reader(device, source);
    const Result<Columns> columns = readColumns(
        reader,
        {QStringLiteral("sku"), QStringLiteral("barcode"), QStringLiteral("name"),
         QStringLiteral("price"), QStringLiteral("tax_rate")},
        {QStringLiteral("active"), QStringLiteral("department"), QStringLiteral("reorder_point"),
         QStringLiteral("unit"), QStringLiteral("cost")});
    if (!columns)
        return columns.error();
    QList<Product> products;
    FirstSeen skus;
    FirstSeen barcodes;
    QHash<qint64, QString> skuOnLine;
    const std::optional<Error> e = forEachRecord(reader, [&](const CsvRecord& record) {
        Result<Product> p = productFrom(reader, *columns, record);
        if (!p)
            return std::optional<Error>(p.error());
        if (const qint64 before = skus.check(p->sku, record.line))
            return std::optional<Error>(
                cellError(reader, record.line, QStringLiteral("sku"),
                          QStringLiteral("'%1' is already on line %2").arg(p->sku).arg(before)));
        if (const qint64 before =
                p->barcode.isEmpty() ? 0 : barcodes.check(p->barcode, record.line))
            return std::optional<Error>(
                cellError(reader, record.line, QStringLiteral("barcode"),
                          QStringLiteral("'%1' is already the barcode of %2 on line %3")
                              .arg(p->barcode, skuOnLine.value(before))
                              .arg(before)));
        skuOnLine.insert(record.line, p->sku);
        products.append(std::move(p).value());
        return std::optional<Error>();
    });
    if (e)
        return *e;
    return products;
}

Result<QList<Location>> StoreCsv::readLocations(QIODevice& device, const QString& source)
{
    CsvReader reader(device, source);
    const Result<Columns> columns =
        readColumns(reader, {QStringLiteral("id"), QStringLiteral("name")}, {});
    if (!columns)
        return columns.error();
    QList<Location> locations;
    FirstSeen ids;
    const std::optional<Error> e = forEachRecord(reader, [&](const CsvRecord& record) {
        const Location location{columns->cell(record, QStringLiteral("id")),
                                columns->cell(record, QStringLiteral("name"))};
        if (const std::optional<Error> bad = location.validate())
            return std::optional<Error>(cellError(reader, record.line, bad->field, bad->message));
        if (const qint64 before = ids.check(location.id, record.line))
            return std::optional<Error>(cellError(
                reader, record.line, QStringLiteral("id"),
                QStringLiteral("'%1' is already on line %2").arg(location.id).arg(before)));
        locations.append(location);
        return std::optional<Error>();
    });
    if (e)
        return *e;
    return locations;
}

Result<QList<StockLevel>> StoreCsv::readStock(QIODevice& device, const QString& source,
                                              const StoreData& known)
{
    QSet<QString> skus;
    for (const Product& p : known.products)
        skus.insert(p.sku);
    QSet<QString> locationIds;
    for (const Location& l : known.locations)
        locationIds.insert(l.id);

    CsvReader reader(device, source);
    const Result<Columns> columns = readColumns(
        reader, {QStringLiteral("sku"), QStringLiteral("location"), QStringLiteral("qty")}, {});
    if (!columns)
        return columns.error();
    QList<StockLevel> levels;
    FirstSeen pairs;
    const std::optional<Error> e = forEachRecord(reader, [&](const CsvRecord& record) {
        const auto failed = [&](const QString& column, const QString& message) {
            return std::optional<Error>(cellError(reader, record.line, column, message));
        };
        StockLevel level;
        level.sku = columns->cell(record, QStringLiteral("sku"));
        level.location = columns->cell(record, QStringLiteral("location"));
        if (!skus.contains(level.sku))
            return failed(QStringLiteral("sku"),
                          QStringLiteral("'%1' is not in %2").arg(level.sku, productsFile));
        if (!locationIds.contains(level.location))
            return failed(QStringLiteral("location"),
                          QStringLiteral("'%1' is not in %2").arg(level.location, locationsFile));
        const Result<qint64> qty = parseQuantity(columns->cell(record, QStringLiteral("qty")));
        if (!qty)
            return failed(QStringLiteral("qty"), qty.error().message);
        level.onHand = *qty;
        if (const qint64 before = pairs.check(level.sku + u'\n' + level.location, record.line))
            return failed(QStringLiteral("sku"),
                          QStringLiteral("'%1' at '%2' is already on line %3")
                              .arg(level.sku, level.location)
                              .arg(before));
        levels.append(level);
        return std::optional<Error>();
    });
    if (e)
        return *e;
    return levels;
}

Result<QList<StaffMember>> StoreCsv::readStaff(QIODevice& device, const QString& source,
                                               int pinIterations)
{
    CsvReader reader(device, source);
    const Result<Columns> columns = readColumns(
        reader, {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("pin")}, {});
    if (!columns)
        return columns.error();
    QList<StaffMember> staff;
    FirstSeen names;
    const std::optional<Error> e = forEachRecord(reader, [&](const CsvRecord& record) {
        const auto failed = [&](const QString& column, const QString& message) {
            return std::optional<Error>(cellError(reader, record.line, column, message));
        };
        StaffMember member;
        member.name = columns->cell(record, QStringLiteral("name"));
        const QString role = columns->cell(record, QStringLiteral("role"));
        const std::optional<StaffRole> known = staffRoleFromName(role);
        if (!known)
            return failed(QStringLiteral("role"),
                          QStringLiteral("'%1' is not cashier or manager").arg(role));
        member.role = *known;
        Result<PinHash> pin =
            PinHash::make(columns->cell(record, QStringLiteral("pin")), pinIterations);
        if (!pin)
            return failed(QStringLiteral("pin"), pin.error().message);
        member.pin = std::move(pin).value();
        if (const std::optional<Error> bad = member.validate())
            return failed(bad->field, bad->message);
        if (const qint64 before = names.check(member.name, record.line))
            return failed(
                QStringLiteral("name"),
                QStringLiteral("'%1' is already on line %2").arg(member.name).arg(before));
        staff.append(member);
        return std::optional<Error>();
    });
    if (e)
        return *e;
    return staff;
}

Result<QList<Delivery>> StoreCsv::readDeliveries(QIODevice& device, const QString& source)
{
    CsvReader reader(device, source);
    const Result<Columns> columns =
        readColumns(reader,
                    {QStringLiteral("supplier"), QStringLiteral("reference"),
                     QStringLiteral("location"), QStringLiteral("sku"), QStringLiteral("expected")},
                    {});
    if (!columns)
        return columns.error();
    QList<Delivery> deliveries;
    QHash<QString, qsizetype> byReference;
    QHash<QString, qint64> firstLine; // of each reference
    FirstSeen lines;                  // reference + SKU
    const std::optional<Error> e = forEachRecord(reader, [&](const CsvRecord& record) {
        const auto failed = [&](const QString& column, const QString& message) {
            return std::optional<Error>(cellError(reader, record.line, column, message));
        };
        Delivery row;
        row.id = columns->cell(record, QStringLiteral("reference"));
        row.supplier = columns->cell(record, QStringLiteral("supplier"));
        row.location = columns->cell(record, QStringLiteral("location"));
        DeliveryLine line;
        line.sku = columns->cell(record, QStringLiteral("sku"));
        const QString expectedText = columns->cell(record, QStringLiteral("expected"));
        const Result<qint64> expected = parseQuantity(expectedText);
        if (!expected || *expected < 1 || *expected > maxQuantity)
            return failed(QStringLiteral("expected"),
                          QStringLiteral("'%1' is not a whole number from 1 to %2")
                              .arg(expectedText)
                              .arg(maxQuantity));
        line.expected = *expected;
        row.lines = {line};
        if (const std::optional<Error> bad = row.validate())
            return failed(bad->field.startsWith(QLatin1String("lines[0].")) ? bad->field.mid(9)
                                                                            : bad->field,
                          bad->message);
        const auto known = byReference.constFind(row.id);
        if (known == byReference.cend()) {
            byReference.insert(row.id, deliveries.size());
            firstLine.insert(row.id, record.line);
            deliveries.append(row);
        } else {
            Delivery& delivery = deliveries[*known];
            if (delivery.supplier != row.supplier || delivery.location != row.location)
                return failed(QStringLiteral("reference"),
                              QStringLiteral("%1 is from %2 to %3 on line %4")
                                  .arg(row.id, delivery.supplier, delivery.location)
                                  .arg(firstLine.value(row.id)));
            if (delivery.lines.size() >= Delivery::maxLines)
                return failed(QStringLiteral("reference"),
                              QStringLiteral("%1 has more than %2 lines")
                                  .arg(row.id)
                                  .arg(Delivery::maxLines));
            delivery.lines.append(line);
        }
        if (const qint64 before = lines.check(row.id + u'\n' + line.sku, record.line))
            return failed(QStringLiteral("sku"), QStringLiteral("'%1' is already in %2 on line %3")
                                                     .arg(line.sku, row.id)
                                                     .arg(before));
        return std::optional<Error>();
    });
    if (e)
        return *e;
    return deliveries;
}

Result<StoreData> StoreCsv::readFolder(const QString& folder)
{
    const QDir dir(folder);
    StoreData data;
    Result<QList<Product>> products =
        readFile<QList<Product>>(dir, productsFile, &StoreCsv::readProducts);
    if (!products)
        return products.error();
    data.products = std::move(products).value();
    Result<QList<Location>> locations =
        readFile<QList<Location>>(dir, locationsFile, &StoreCsv::readLocations);
    if (!locations)
        return locations.error();
    data.locations = std::move(locations).value();

    if (dir.exists(stockFile)) { // a store may start with nothing counted yet
        Result<QList<StockLevel>> levels = readFile<QList<StockLevel>>(
            dir, stockFile, [&data](QIODevice& device, const QString& name) {
                return readStock(device, name, data);
            });
        if (!levels)
            return levels.error();
        data.levels = std::move(levels).value();
    }
    if (dir.exists(staffFile)) {
        Result<QList<StaffMember>> staff = readFile<QList<StaffMember>>(
            dir, staffFile,
            [](QIODevice& device, const QString& name) { return readStaff(device, name); });
        if (!staff)
            return staff.error();
        data.staff = std::move(staff).value();
    }
    return data;
}

Status StoreCsv::import(const LocalStore& store, const StoreData& data)
{
    Transaction tx(store);
    if (!tx.isOpen())
        return tx.status();
    Catalog catalog(store);
    if (const Status done = catalog.upsert(tx, data.products); !done)
        return done;
    StockReplica stock(store);
    if (const Status done = stock.upsertLocations(tx, data.locations); !done)
        return done;
    if (const Status done = stock.upsertLevels(tx, data.levels); !done)
        return done;
    if (!data.staff.isEmpty()) {
        if (const Status done = StaffDirectory(store).replace(tx, data.staff); !done)
            return done;
    }
    return tx.commit();
}

Result<StoreData> StoreCsv::importFolder(const LocalStore& store, const QString& folder)
{
    Result<StoreData> data = readFolder(folder);
    if (!data)
        return data;
    if (const Status imported = import(store, *data); !imported)
        return imported.error();
    return data;
}

} // namespace stockline
