#include "money.h"

#include "currency.h"

#include <cstdlib>

namespace stockline {

namespace {

// Parses "123", "123.4", "123.45" (up to maxDecimals) into an integer scaled by
// 10^maxDecimals. Rejects signs other than a leading '-', spaces, exponents and thousands
// separators: a price file with "4,99" must fail loudly, not become 499 or 4.
struct Decimal
{
    qint64 scaled = 0;
    QString problem;
};

Decimal parseDecimal(QStringView text, int maxDecimals, int maxIntegerDigits)
{
    Decimal d;
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    auto allDigits = [](QStringView s) {
        for (const QChar c : s)
            if (c < u'0' || c > u'9')
                return false;
        return true;
    };
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(fraction) ||
        (dot >= 0 && fraction.isEmpty())) {
        d.problem = QStringLiteral("'%1' is not a number like 4.99").arg(text);
        return d;
    }
    if (fraction.size() > maxDecimals) {
        d.problem = QStringLiteral("'%1' has more than %2 decimals").arg(text).arg(maxDecimals);
        return d;
    }
    if (whole.size() > maxIntegerDigits) {
        d.problem = QStringLiteral("'%1' is too large").arg(text);
        return d;
    }
    qint64 value = 0;
    for (const QChar c : whole)
        value = value * 10 + (c.unicode() - u'0');
    for (int i = 0; i < maxDecimals; ++i)
        value = value * 10 + (i < fraction.size() ? fraction[i].unicode() - u'0' : 0);
    d.scaled = negative ? -value : value;
    return d;
}

QString formatScaled(qint64 scaled, int decimals, bool trimZeros)
{
    qint64 divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    const bool negative = scaled < 0;
    const quint64 magnitude =
        negative ? 0 - static_cast<quint64>(scaled) : static_cast<quint64>(scaled);
    QString fraction = decimals == 0 ? QString()
                                     : QString::number(magnitude % static_cast<quint64>(divisor))
                                           .rightJustified(decimals, u'0');
    if (trimZeros) {
        while (fraction.endsWith(u'0'))
            fraction.chop(1);
    }
    QString text = QString::number(magnitude / static_cast<quint64>(divisor));
    if (!fraction.isEmpty())
        text += u'.' + fraction;
    return negative ? u'-' + text : text;
}

} // namespace

Result<Money> Money::parse(QStringView text)
{
    return parse(text, Currency::current().minorDigits());
}

Result<Money> Money::parse(QStringView text, int minorDigits)
{
    const Decimal d = parseDecimal(text, minorDigits, 11);
    if (!d.problem.isEmpty())
        return Error{QStringLiteral("amount"), d.problem};
    return Money::fromMinor(d.scaled);
}

QString Money::toString() const
{
    return toString(Currency::current().minorDigits());
}

QString Money::toString(int minorDigits) const
{
    return formatScaled(m_minor, minorDigits, false);
}

QString Money::toLocaleString(const QLocale& locale) const
{
    return Currency::current().format(*this, locale);
}

qint64 divideHalfEven(qint64 numerator, qint64 divisor)
{
    const bool negative = numerator < 0;
    const qint64 magnitude = negative ? -numerator : numerator;
    qint64 quotient = magnitude / divisor;
    const qint64 twiceRemainder = 2 * (magnitude % divisor);
    if (twiceRemainder > divisor || (twiceRemainder == divisor && quotient % 2 == 1))
        ++quotient;
    return negative ? -quotient : quotient;
}

Money roundedToStep(Money amount, qint64 step)
{
    const qint64 magnitude = qAbs(amount.minor());
    const qint64 rounded = (magnitude + step / 2) / step * step;
    return Money::fromMinor(amount.minor() < 0 ? -rounded : rounded);
}

Result<TaxRate> TaxRate::parse(QStringView percent)
{
    const Decimal d = parseDecimal(percent, 3, 3);
    if (!d.problem.isEmpty())
        return Error{QStringLiteral("taxRate"), d.problem};
    if (d.scaled < 0 || d.scaled > 100'000)
        return Error{QStringLiteral("taxRate"),
                     QStringLiteral("'%1' is not a percentage from 0 to 100").arg(percent)};
    return TaxRate::fromMilliPercent(static_cast<int>(d.scaled));
}

QString TaxRate::toString() const
{
    return formatScaled(m_milliPercent, 3, true);
}

Money TaxRate::taxOn(Money net) const
{
    // milliPercent / 100000 is the fraction; amounts parse to at most 10^13 minor units, so
    // the product stays below 2^63.
    return Money::fromMinor(divideHalfEven(net.minor() * m_milliPercent, taxDivisor(false)));
}

Money TaxRate::taxIn(Money gross) const
{
    return Money::fromMinor(divideHalfEven(gross.minor() * m_milliPercent, taxDivisor(true)));
}

} // namespace stockline
