#pragma once

#include "money.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <optional>

namespace stockline {

// How a product is sold and stocked. Stock is always an integer: units for `Each`, and for
// goods sold by measure the base unit, so that no quantity is ever a fraction: grams for
// `Kilogram`, millilitres for `Litre`, millimetres for `Metre`. A measured product's price is
// per kg, l or m, that is per 1000 base units.
enum class Unit { Each, Kilogram, Litre, Metre };

inline constexpr qint64 baseUnitsPerMeasure = 1000;

// "each", "kg", "l", "m": the wire and CSV names.
[[nodiscard]] QLatin1StringView unitName(Unit unit);
[[nodiscard]] std::optional<Unit> unitFromName(QStringView name);

[[nodiscard]] constexpr bool isMeasured(Unit unit)
{
    return unit != Unit::Each;
}

// What `qty` (units or base units) of a product priced `unitPrice` (per unit or per measure)
// costs, rounded half-even to the minor unit for measured goods.
[[nodiscard]] Money priceOf(Money unitPrice, qint64 qty, Unit unit);

} // namespace stockline
