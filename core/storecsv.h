#pragma once

#include "delivery.h"
#include "error.h"
#include "product.h"
#include "staff.h"

#include <QIODevice>
#include <QList>
#include <QString>

namespace stockline {

class LocalStore;

// What a store's data files hold, parsed and checked, ready to import.
struct StoreData
{
    QList<Product> products;
    QList<Location> locations;
    QList<StockLevel> levels; // opening stock: onHand only, nothing reserved, version 0
    QList<StaffMember> staff; // a demo's people; a real terminal gets them from the server
};

// Loads the store's data files, as an IT person exports them from a spreadsheet:
//   products.csv   sku,barcode,name,price,tax_rate  in any order; optional active,
//                  department, reorder_point (whole units: available at or below it is
//                  low stock; empty or 0: none) and unit (each, kg, l or m; empty: each);
//                  other columns are ignored. price "4.99" (per kg / l / m of a measured
//                  product), tax_rate in percent "8.25", active 1/0, true/false or yes/no
//                  (empty: active). Quantities of a measured product are in g / ml / mm.
//   locations.csv  id,name
//   stock.csv      sku,location,qty  opening stock, whole units (g / ml / mm) ≥ 0
//   staff.csv      name,role,pin  people who sign in at a terminal with no server (the demo);
//                  role cashier or manager. The PIN is hashed on reading and never stored.
// Cells are trimmed. Every error names the file, the line and the column, e.g.
// "products.csv line 17, price: '4,99' is not a number like 4.99"; a SKU, barcode, location
// or sku+location given twice names both lines. A file with any error imports nothing.
class StoreCsv
{
public:
    // Rows per file: five times a large store's catalog, and a bound on what a bad file can
    // make the import hold in memory before it writes anything.
    static constexpr qsizetype maxRows = 500'000;
    static constexpr qint64 maxOpeningQty = 1'000'000'000;

    // Each reads one file's content; `source` names it in errors.
    [[nodiscard]] static Result<QList<Product>> readProducts(QIODevice& device,
                                                             const QString& source);
    [[nodiscard]] static Result<QList<Location>> readLocations(QIODevice& device,
                                                               const QString& source);
    // Every row must name a SKU of known.products and a location of known.locations.
    [[nodiscard]] static Result<QList<StockLevel>>
    readStock(QIODevice& device, const QString& source, const StoreData& known);

    // pinIterations: the PBKDF2 cost of each PIN's hash (fewer only for the fuzz target).
    [[nodiscard]] static Result<QList<StaffMember>>
    readStaff(QIODevice& device, const QString& source,
              int pinIterations = PinHash::defaultIterations);
    // Expected deliveries (`stockline-server delivery import`): supplier,reference,location,
    // sku,expected, a row per line; the rows of one reference make one delivery, in the
    // order they first appear. A reference names one supplier and location on every row; a
    // SKU appears once per delivery. SKUs and locations are checked by the importer, which
    // knows the catalog.
    [[nodiscard]] static Result<QList<Delivery>> readDeliveries(QIODevice& device,
                                                                const QString& source);

    // Reads products.csv, locations.csv and, when present, stock.csv and staff.csv.
    [[nodiscard]] static Result<StoreData> readFolder(const QString& folder);

    // Writes products, locations and levels in one transaction: all or nothing. Existing
    // rows with the same keys are replaced; others are left as they are. Staff, when listed,
    // replace the terminal's staff list.
    [[nodiscard]] static Status import(const LocalStore& store, const StoreData& data);
    // readFolder() then import(): nothing is written unless every file is good.
    [[nodiscard]] static Result<StoreData> importFolder(const LocalStore& store,
                                                        const QString& folder);
};

} // namespace stockline
