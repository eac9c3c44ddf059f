#include "currency.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace stockline {

namespace {

QMutex currentMutex;
Currency& currentCurrency()
{
    static Currency currency;
    return currency;
}

// The C locale has no currency format of its own: format like en_US.
QLocale formattingLocale(const QLocale& locale)
{
    if (locale.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

// Qt knows each locale's own currency only, so the symbol of another currency comes from a
// locale of the same language whose currency it is (en_IE writes "€", en_CH "CHF"), else it is
// the ISO code: an English receipt of a Kuwaiti store reads "KWD 1.250", not Arabic script.
QString lookUpSymbol(const QLocale& locale, const QString& isoCode)
{
    const auto symbolIn = [&isoCode](const QList<QLocale>& candidates) -> QString {
        for (const QLocale& candidate : candidates) {
            if (candidate.currencySymbol(QLocale::CurrencyIsoCode) == isoCode)
                return candidate.currencySymbol(QLocale::CurrencySymbol);
        }
        return {};
    };
    if (QString own = symbolIn({locale}); !own.isEmpty())
        return own;
    if (QString same = symbolIn(
            QLocale::matchingLocales(locale.language(), QLocale::AnyScript, QLocale::AnyTerritory));
        !same.isEmpty())
        return same;
    return isoCode;
}

} // namespace

Currency::Currency(QString isoCode, int minorDigits)
    : m_isoCode(std::move(isoCode)), m_minorDigits(minorDigits)
{
}

Currency Currency::current()
{
    const QMutexLocker lock(&currentMutex);
    return currentCurrency();
}

void Currency::setCurrent(const Currency& currency)
{
    const QMutexLocker lock(&currentMutex);
    currentCurrency() = currency;
}

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < m_minorDigits; ++i)
        factor *= 10;
    return factor;
}

QString Currency::symbol(const QLocale& locale) const
{
    // Looking through every locale takes milliseconds: once per locale and currency.
    static QMutex cacheMutex;
    static QHash<QString, QString> cache;
    const QLocale formatting = formattingLocale(locale);
    const QString key = formatting.name() + u'/' + m_isoCode;
    const QMutexLocker lock(&cacheMutex);
    auto it = cache.constFind(key);
    if (it == cache.cend())
        it = cache.insert(key, lookUpSymbol(formatting, m_isoCode));
    return it.value();
}

QString Currency::format(Money amount, const QLocale& locale) const
{
    const QLocale formatting = formattingLocale(locale);
    const bool negative = amount.minor() < 0;
    const quint64 magnitude =
        negative ? 0 - static_cast<quint64>(amount.minor()) : static_cast<quint64>(amount.minor());
    const auto perMajor = static_cast<quint64>(minorPerMajor());
    QString number = formatting.toString(static_cast<qulonglong>(magnitude / perMajor));
    if (m_minorDigits > 0) {
        // Below 1000: never grouped.
        const QString fraction = formatting.toString(static_cast<qulonglong>(magnitude % perMajor));
        number += formatting.decimalPoint() +
                  QString(fraction).prepend(formatting.zeroDigit().repeated(
                      qMax(0, m_minorDigits - static_cast<int>(fraction.size()))));
    }
    // The locale's pattern for a one-digit amount, with a marker for the symbol, says where
    // the symbol and the sign go; the digit is then replaced by the exact amount.
    const QString marker(QChar(0xE000));
    QString text = formatting.toCurrencyString(negative ? qlonglong(-7) : qlonglong(7), marker);
    text.replace(formatting.toString(7), number);
    const QString sign = symbol(formatting);
    // A code of letters right against the digits ("KWD1.250") gets a no-break space.
    const bool letters = sign.front().isLetter() && sign.back().isLetter();
    if (letters && text.contains(marker + number))
        text.replace(marker, sign + QChar(0xA0));
    else if (letters && text.contains(number + marker))
        text.replace(marker, QChar(0xA0) + sign);
    else
        text.replace(marker, sign);
    return text;
}

} // namespace stockline
