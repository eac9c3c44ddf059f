#pragma once

#include "error.h"
#include "money.h"
#include "unit.h"

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

// A unit price: "2.99" for a product sold each, "2.99/kg" per kg / l / m of a measured one.
// (A quantity is core's quantityText: "0.532 kg".)
[[nodiscard]] QString unitPriceText(Money price, Unit unit, const QLocale& locale = QLocale());

} // namespace stockline::print
