#pragma once

#include "money.h"

#include <QLocale>
#include <QString>

namespace stockline {

// The store's currency: its ISO 4217 code and how many minor digits it has (0 for JPY, 2 for
// EUR, 3 for KWD). Money is always an integer count of minor units; this says how to write it.
//
// The terminal and the server each serve one store, so there is one current currency per
// process, set from the store's settings (core/storesettings.h) and USD with 2 digits until
// then. It never comes from the operating system's locale: with LANG=C a till still shows its
// store's currency.
//
// Threading: current() and setCurrent() may be called from any thread.
class Currency
{
public:
    Currency() = default;
    Currency(QString isoCode, int minorDigits);

    [[nodiscard]] static Currency current();
    static void setCurrent(const Currency& currency);

    [[nodiscard]] const QString& isoCode() const { return m_isoCode; }
    [[nodiscard]] int minorDigits() const { return m_minorDigits; }
    // 10^minorDigits: minor units in one major unit.
    [[nodiscard]] qint64 minorPerMajor() const;

    // "$1,234.56", "1.234,56 €", "￥500", "KWD 1.250": separators and the symbol's place from
    // `locale` (QLocale::c() formats like en_US), the symbol from this currency. Exact: no
    // floating point anywhere.
    [[nodiscard]] QString format(Money amount, const QLocale& locale = QLocale()) const;
    // The symbol `locale` writes for this currency: "$", "€", "CHF"; the ISO code when no locale
    // of the language knows one.
    [[nodiscard]] QString symbol(const QLocale& locale = QLocale()) const;

    friend bool operator==(const Currency&, const Currency&) = default;

private:
    QString m_isoCode = QStringLiteral("USD");
    int m_minorDigits = 2;
};

} // namespace stockline
