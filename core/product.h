#pragma once

#include "error.h"
#include "money.h"
#include "unit.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace stockline {

struct Product
{
    QString sku;
    QString barcode; // EAN-13, EAN-8 or UPC-A; empty when the item has none
    // Further codes that scan it (a multipack, a supplier's own code): the back office's
    // `barcodes` after the first. Empty when `barcode` is.
    QStringList extraBarcodes;
    QString name;
    Money price; // per unit, or per kg / l / m of a measured product; excludes tax
    TaxRate taxRate;
    bool active = true;
    QString department;
    // Low stock: a level whose available units are at or below it (0: never low). Set in the
    // catalog (products.csv `reorder_point`) and carried to every terminal.
    qint64 reorderPoint = 0;
    // Each, or a measure: then stock and quantities are in g / ml / mm (core/unit.h).
    Unit unit = Unit::Each;
    // What one unit (or measure) costs the store, excluding tax: server-side only, never sent to
    // tills. nullopt: not given (a catalog import without `cost` keeps the stored cost).
    std::optional<Money> cost;
    // The server's: grows with every change of the product (the back office's optimistic
    // check); 0 where it is not known (a terminal's store does not keep it).
    qint64 version = 0;

    // The first problem, naming its field: "sku", "barcode", "extraBarcodes", "name", "price",
    // "taxRate", "department", "reorderPoint", "cost".
    [[nodiscard]] std::optional<Error> validate() const;

    // At most this many codes in all, `barcode` included.
    static constexpr qsizetype maxBarcodes = 20;

    friend bool operator==(const Product&, const Product&) = default;
};

struct Location
{
    QString id;
    QString name;

    [[nodiscard]] std::optional<Error> validate() const;

    friend bool operator==(const Location&, const Location&) = default;
};

// The stock of one SKU at one location. 0 ≤ reserved ≤ onHand always.
struct StockLevel
{
    QString sku;
    QString location;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 version = 0;

    [[nodiscard]] qint64 available() const { return onHand - reserved; }
    [[nodiscard]] std::optional<Error> validate() const;

    friend bool operator==(const StockLevel&, const StockLevel&) = default;
};

} // namespace stockline
