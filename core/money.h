#pragma once

#include "error.h"

#include <QLocale>
#include <QString>
#include <QtGlobal>
#include <compare>

namespace stockline {

// An amount of money as an integer count of minor units (cents). Never a float.
class Money
{
public:
    constexpr Money() = default;
    [[nodiscard]] static constexpr Money fromMinor(qint64 minor) { return Money(minor); }

    // Parses a decimal amount in major units as written in CSV files and on the wire for
    // people: "4.99", "12", "0.5", "-3.10". At most `minorDigits` decimals (the store's
    // currency's when not given: JPY "500" is 500 minor units, KWD "1.250" 1250); '.' is the
    // only separator.
    [[nodiscard]] static Result<Money> parse(QStringView text);
    [[nodiscard]] static Result<Money> parse(QStringView text, int minorDigits);

    [[nodiscard]] constexpr qint64 minor() const { return m_minor; }

    // "4.99", "-0.05" (with the store's currency's minor digits when not given):
    // locale-independent, the inverse of parse().
    [[nodiscard]] QString toString() const;
    [[nodiscard]] QString toString(int minorDigits) const;
    // The store's currency in the locale's currency format, for screens and receipts.
    [[nodiscard]] QString toLocaleString(const QLocale& locale = QLocale()) const;

    constexpr Money& operator+=(Money other)
    {
        m_minor += other.m_minor;
        return *this;
    }
    constexpr Money& operator-=(Money other)
    {
        m_minor -= other.m_minor;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) { return Money(a.m_minor + b.m_minor); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.m_minor - b.m_minor); }
    friend constexpr Money operator-(Money a) { return Money(-a.m_minor); }
    friend constexpr Money operator*(Money a, qint64 factor) { return Money(a.m_minor * factor); }
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(qint64 minor) : m_minor(minor) {}
    qint64 m_minor = 0;
};

// Divides with rounding half to even ("banker's rounding"), exactly, in integers.
// The divisor must be positive.
[[nodiscard]] qint64 divideHalfEven(qint64 numerator, qint64 divisor);

// `amount` rounded half-up (away from zero) to a multiple of `step` (> 0): cash rounding.
[[nodiscard]] Money roundedToStep(Money amount, qint64 step);

// A tax rate in thousandths of a percent, so 8.25 % is 8250 and 8.875 % is 8875.
class TaxRate
{
public:
    constexpr TaxRate() = default;
    [[nodiscard]] static constexpr TaxRate fromMilliPercent(int milliPercent)
    {
        return TaxRate(milliPercent);
    }
    // Parses a percentage as written in CSV files: "8.25", "0", "19". 0–100, three decimals.
    [[nodiscard]] static Result<TaxRate> parse(QStringView percent);

    [[nodiscard]] constexpr int milliPercent() const { return m_milliPercent; }
    // "8.25", "19", "8.875": the inverse of parse().
    [[nodiscard]] QString toString() const;

    // The tax on a net amount, rounded half-even to the minor unit.
    [[nodiscard]] Money taxOn(Money net) const;
    // The tax contained in an amount that includes it (gross × rate / (100 % + rate)), rounded
    // half-even to the minor unit.
    [[nodiscard]] Money taxIn(Money gross) const;
    // The divisor of the exact tax: taxOn is amount × milliPercent / taxDivisor(false).
    [[nodiscard]] qint64 taxDivisor(bool included) const
    {
        return included ? 100'000 + m_milliPercent : 100'000;
    }

    friend constexpr auto operator<=>(TaxRate, TaxRate) = default;

private:
    constexpr explicit TaxRate(int milliPercent) : m_milliPercent(milliPercent) {}
    int m_milliPercent = 0;
};

} // namespace stockline
