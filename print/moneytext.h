#pragma once

#include "error.h"
#include "money.h"

#include <QLocale>
#include <QString>

namespace stockline::print {

// Money on screens and receipts: the system locale's currency format.
[[nodiscard]] QString moneyText(Money amount, const QLocale& locale = QLocale());

// An amount a clerk typed: "20", "4.5", "4.50", or with the locale's decimal separator
// ("4,50" in German). No thousands separators, at most two decimals, not negative.
[[nodiscard]] Result<Money> parseAmount(const QString& typed, const QLocale& locale = QLocale());

// A discount typed as an amount ("1.50") or a percentage of `base` ("10%"), rounded half-even
// to the cent.
[[nodiscard]] Result<Money> parseDiscount(const QString& typed, Money base,
                                          const QLocale& locale = QLocale());

// "0.532 kg"
[[nodiscard]] QString weightText(qint64 grams, const QLocale& locale = QLocale());

} // namespace stockline::print
