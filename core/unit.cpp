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

QString quantityNumber(qint64 qty, Unit unit, const QLocale& locale)
{
    if (!isMeasured(unit))
        return QString::number(qty);
    // Integer arithmetic: a double would print 0.1 kg of 100 g right, but not every gram.
    const QString sign = qty < 0 ? QStringLiteral("-") : QString();
    const qint64 magnitude = qty < 0 ? -qty : qty;
    return sign + QString::number(magnitude / baseUnitsPerMeasure) + locale.decimalPoint() +
           QStringLiteral("%1").arg(magnitude % baseUnitsPerMeasure, 3, 10, QChar(u'0'));
}

QString quantityText(qint64 qty, Unit unit, const QLocale& locale)
{
    if (!isMeasured(unit))
        return quantityNumber(qty, unit, locale);
    return quantityNumber(qty, unit, locale) + u' ' + unitName(unit);
}

Result<qint64> parseQuantity(const QString& typed, Unit unit, const QLocale& locale)
{
    const QString text = typed.trimmed();
    const auto bad = [&typed, unit]() {
        return Error{QStringLiteral("qty"),
                     isMeasured(unit) ? QStringLiteral("'%1' is not a quantity in %2 like 1.250")
                                            .arg(typed, unitName(unit))
                                      : QStringLiteral("'%1' is not a whole number").arg(typed)};
    };
    qsizetype point = text.indexOf(locale.decimalPoint());
    if (point < 0)
        point = text.indexOf(u'.');
    const QStringView whole = QStringView(text).left(point < 0 ? text.size() : point);
    const QStringView decimals = point < 0 ? QStringView() : QStringView(text).mid(point + 1);
    if ((whole.isEmpty() && decimals.isEmpty()) || whole.size() > 9)
        return bad();
    qint64 value = 0;
    for (const QChar c : whole) {
        if (c < u'0' || c > u'9')
            return bad();
        value = value * 10 + (c.unicode() - u'0');
    }
    if (point < 0)
        return isMeasured(unit) ? value * baseUnitsPerMeasure : value;
    if (!isMeasured(unit))
        return bad();
    if (decimals.size() > 3)
        return Error{QStringLiteral("qty"),
                     QStringLiteral("'%1' has more than three decimals: %2 are taken to the "
                                    "thousandth")
                         .arg(typed, unitName(unit))};
    qint64 fraction = 0;
    for (qsizetype i = 0; i < 3; ++i) {
        if (i < decimals.size() && (decimals[i] < u'0' || decimals[i] > u'9'))
            return bad();
        fraction = fraction * 10 + (i < decimals.size() ? decimals[i].unicode() - u'0' : 0);
    }
    return value * baseUnitsPerMeasure + fraction;
}

std::optional<LabelQuantity> quantityForPrice(Money labelPrice, Money perMeasure)
{
    if (perMeasure.minor() <= 0 || labelPrice.minor() < 0)
        return std::nullopt;
    qint64 qty = std::max<qint64>(
        divideHalfEven(labelPrice.minor() * baseUnitsPerMeasure, perMeasure.minor()), 0);
    // The estimate is within a gram or two of the answer. When it costs the label's price it
    // is the answer; else the nearest quantity that costs at least that much.
    const auto cost = [perMeasure](qint64 q) { return priceOf(perMeasure, q, Unit::Kilogram); };
    if (cost(qty) > labelPrice) {
        while (qty > 0 && cost(qty - 1) >= labelPrice)
            --qty;
    } else {
        while (cost(qty) < labelPrice)
            ++qty;
    }
    return LabelQuantity{qty, priceOf(perMeasure, qty, Unit::Kilogram) - labelPrice};
}

} // namespace stockline
