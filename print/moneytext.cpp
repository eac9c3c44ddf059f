#include "moneytext.h"

#include <QCoreApplication>

namespace stockline::print {

namespace {

Error amountError(const QString& typed)
{
    return Error{
        QStringLiteral("amount"),
        QCoreApplication::translate("stockline", "'%1' is not an amount like 4.99").arg(typed)};
}

} // namespace

QString moneyText(Money amount, const QLocale& locale)
{
    return amount.toLocaleString(locale);
}

namespace {

// A typed number in `minorDigits` decimals (-1: the store currency's), never negative. The
// locale's separator and '.' both mean decimals: keypads and scanners send '.'.
Result<Money> parseNumber(const QString& typed, const QLocale& locale, int minorDigits)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return amountError(typed);
    text.replace(locale.decimalPoint(), QStringLiteral("."));
    if (text.startsWith(u'.'))
        text.prepend(u'0');
    const Result<Money> amount =
        minorDigits < 0 ? Money::parse(text) : Money::parse(text, minorDigits);
    if (!amount || amount->minor() < 0)
        return amountError(typed);
    return amount;
}

} // namespace

Result<Money> parseAmount(const QString& typed, const QLocale& locale)
{
    return parseNumber(typed, locale, -1);
}

Result<Money> parseDiscount(const QString& typed, Money base, const QLocale& locale)
{
    const QString text = typed.trimmed();
    if (!text.endsWith(u'%'))
        return parseAmount(text, locale);
    // Percent with up to two decimals, as hundredths of a percent, whatever the currency's digits.
    const Result<Money> percent = parseNumber(text.chopped(1), locale, 2);
    if (!percent || percent->minor() > 100'00)
        return Error{QStringLiteral("discount"),
                     QCoreApplication::translate("stockline", "'%1' is not a percentage from 0 "
                                                              "to 100")
                         .arg(typed)};
    return Money::fromMinor(divideHalfEven(base.minor() * percent->minor(), 100'00));
}

QString unitPriceText(Money price, Unit unit, const QLocale& locale)
{
    if (!isMeasured(unit))
        return moneyText(price, locale);
    return moneyText(price, locale) + u'/' + unitName(unit);
}

} // namespace stockline::print
