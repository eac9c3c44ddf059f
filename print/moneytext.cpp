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

Result<Money> parseAmount(const QString& typed, const QLocale& locale)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return amountError(typed);
    // The locale's separator and '.' both mean decimals: keypads and scanners send '.'.
    text.replace(locale.decimalPoint(), QStringLiteral("."));
    if (text.startsWith(u'.'))
        text.prepend(u'0');
    const Result<Money> amount = Money::parse(text);
    if (!amount || amount->minor() < 0)
        return amountError(typed);
    return amount;
}

Result<Money> parseDiscount(const QString& typed, Money base, const QLocale& locale)
{
    const QString text = typed.trimmed();
    if (!text.endsWith(u'%'))
        return parseAmount(text, locale);
    // Percent with up to two decimals, as hundredths of a percent.
    const Result<Money> percent = parseAmount(text.chopped(1), locale);
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
