#pragma once

#include "error.h"
#include "product.h"

#include <QString>
#include <optional>

namespace stockline {
class Catalog;
}

namespace stockline::qml {

// A scanned barcode (its lookup code for price- or weight-embedded ones) or a typed SKU, as
// the dock's screens take them; nothing when the catalog has neither.
[[nodiscard]] Result<std::optional<Product>> lookUpProduct(const Catalog& catalog,
                                                           const QString& code);

// "12*CODE", "1.250*CODE" or "CODE": the quantity as typed (empty without a prefix) and the
// code. Nothing when '*' has nothing before it. The quantity means units or kg / l / m
// depending on the product: see typedQuantity.
struct QuantityCode
{
    QString typed;
    QString code;
};
[[nodiscard]] std::optional<QuantityCode> splitQuantity(const QString& text);

// A typed quantity of a product sold by `unit`, from `min` to maxQuantity (in base units): a
// whole number of units, or kg / l / m with up to three decimals ("1.250" → 1250 g). The
// error is in the dock person's words and names what was typed.
[[nodiscard]] Result<qint64> typedQuantity(const QString& text, Unit unit, qint64 min);

// What a scan or "N*CODE" adds of `product`: the typed quantity, else a weight-embedded
// label's grams for a measured product, else 1 of a product sold each. A measured product
// with neither asks for the weight.
[[nodiscard]] Result<qint64> scannedQuantity(const QuantityCode& typed, const Product& product);

} // namespace stockline::qml
