#pragma once

#include "error.h"
#include "money.h"
#include "unit.h"

#include <QString>
#include <optional>

namespace stockline {

struct Product
{
    QString sku;
    QString barcode; // EAN-13, EAN-8 or UPC-A; empty when the item has none
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

    // The first problem, naming its field: "sku", "barcode", "name", "price", "taxRate",
    // "department", "reorderPoint", "cost".
    [[nodiscard]] std::optional<Error> validate() const;

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
