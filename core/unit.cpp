#include "unit.h"

namespace stockline {

QLatin1StringView unitName(Unit unit)
{
    switch (unit) {
    case Unit::Each:
        return QLatin1StringView("each");
    case Unit::Kilogram:
        return QLatin1StringView("kg");
    case Unit::Litre:
        return QLatin1StringView("l");
    case Unit::Metre:
        return QLatin1StringView("m");
    }
    return QLatin1StringView("each");
}

std::optional<Unit> unitFromName(QStringView name)
{
    for (Unit unit : {Unit::Each, Unit::Kilogram, Unit::Litre, Unit::Metre}) {
        if (name == unitName(unit))
            return unit;
    }
    return std::nullopt;
}

Money priceOf(Money unitPrice, qint64 qty, Unit unit)
{
    if (!isMeasured(unit))
        return unitPrice * qty;
    return Money::fromMinor(divideHalfEven(unitPrice.minor() * qty, baseUnitsPerMeasure));
}

} // namespace stockline
