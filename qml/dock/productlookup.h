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

// "12*CODE" or "CODE": the quantity (1 without a prefix) and the code. Nothing for a quantity
// that is not a whole number from 1 to maxQuantity.
struct QuantityCode
{
    qint64 qty = 1;
    QString code;
};
[[nodiscard]] std::optional<QuantityCode> splitQuantity(const QString& text);

// A typed whole number from `min` to maxQuantity, or nothing.
[[nodiscard]] std::optional<qint64> parseQuantity(const QString& text, qint64 min);

} // namespace stockline::qml
