#pragma once

#include "error.h"
#include "money.h"

#include <QLatin1StringView>
#include <QLocale>
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

// False for a value cast from an integer outside the enumeration.
[[nodiscard]] constexpr bool isKnownUnit(Unit unit)
{
    return unit == Unit::Each || unit == Unit::Kilogram || unit == Unit::Litre ||
           unit == Unit::Metre;
}

[[nodiscard]] constexpr bool isMeasured(Unit unit)
{
    return unit != Unit::Each;
}

// What `qty` (units or base units) of a product priced `unitPrice` (per unit or per measure)
// costs, rounded half-even to the minor unit for measured goods.
[[nodiscard]] Money priceOf(Money unitPrice, qint64 qty, Unit unit);

// A quantity as every screen and receipt shows it: "3" for `each`, "0.532 kg" (three
// decimals, the locale's decimal point) for a measured product. The one place this is written.
[[nodiscard]] QString quantityText(qint64 qty, Unit unit, const QLocale& locale = QLocale());
// Just the number: "3", "0.532" (for a field that shows the unit beside it).
[[nodiscard]] QString quantityNumber(qint64 qty, Unit unit, const QLocale& locale = QLocale());

// A quantity a person typed, in units for `each` ("3") and in kg / l / m for a measured
// product ("1.250", "1,250" with a German locale's comma, "2", ".5") → base units (1250).
// At most three decimals, no sign, no thousands separators. The error (field "qty") says
// what was wrong with the text; the caller checks the range.
[[nodiscard]] Result<qint64> parseQuantity(const QString& typed, Unit unit,
                                           const QLocale& locale = QLocale());

// A price-embedded label of a measured product: the base units that cost the label's price at
// `perMeasure`, and the discount that makes the line cost exactly that price: the half-even
// estimate label × 1000 / perMeasure when it costs the label's price, else the nearest
// quantity that costs at least that much. At or below 10.00 per kg every price in cents is
// reached exactly (discount 0); above it a gram costs more than a cent, and the few cents
// over come off as the line's discount. Nothing for a price of 0 per kg.
struct LabelQuantity
{
    qint64 qty = 0;
    Money discount;
};
[[nodiscard]] std::optional<LabelQuantity> quantityForPrice(Money labelPrice, Money perMeasure);

} // namespace stockline
