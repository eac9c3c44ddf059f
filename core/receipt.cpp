#include "receipt.h"

#include <QHash>
#include <algorithm>

namespace stockline {

Money ReceiptLine::tax() const
{
    if (taxShare)
        return *taxShare;
    return taxIncluded ? taxRate.taxIn(amount()) : taxRate.taxOn(amount());
}

ReceiptTotals totalsOf(const QList<ReceiptLine>& lines)
{
    ReceiptTotals totals;
    QHash<int, RateTotals> byRate;
    for (const ReceiptLine& line : lines) {
        const Money tax = line.tax();
        const Money net = line.net();
        totals.net += net;
        totals.tax += tax;
        totals.total += line.total();
        RateTotals& rate = byRate[line.taxRate.milliPercent()];
        rate.rate = line.taxRate;
        rate.net += net;
        rate.tax += tax;
    }
    totals.rates = byRate.values();
    std::sort(totals.rates.begin(), totals.rates.end(),
              [](const RateTotals& a, const RateTotals& b) { return a.rate > b.rate; });
    return totals;
}

QList<Money> taxesOf(const QList<ReceiptLine>& lines, TaxRounding rounding)
{
    QList<Money> taxes;
    taxes.reserve(lines.size());
    for (ReceiptLine line : lines) {
        line.taxShare.reset();
        taxes.append(line.tax());
    }
    if (rounding == TaxRounding::Line)
        return taxes;
    // Lines sharing a rate (and the same inclusion) share its once-rounded tax.
    QHash<qint64, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ReceiptLine& line = lines.at(i);
        if (line.amount().minor() >= 0)
            groups[line.taxRate.milliPercent() * 2 + (line.taxIncluded ? 1 : 0)].append(i);
    }
    for (const QList<qsizetype>& group : std::as_const(groups)) {
        const ReceiptLine& first = lines.at(group.first());
        const qint64 divisor = first.taxRate.taxDivisor(first.taxIncluded);
        const qint64 rate = first.taxRate.milliPercent();
        qint64 base = 0;
        qint64 shared = 0;
        QList<std::pair<qint64, qsizetype>> remainders; // (remainder, line)
        for (const qsizetype i : group) {
            const qint64 exact = lines.at(i).amount().minor() * rate;
            base += lines.at(i).amount().minor();
            taxes[i] = Money::fromMinor(exact / divisor);
            shared += exact / divisor;
            remainders.append({exact % divisor, i});
        }
        qint64 left = divideHalfEven(base * rate, divisor) - shared;
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (qsizetype k = 0; k < remainders.size() && left > 0; ++k, --left)
            taxes[remainders.at(k).second] += Money::fromMinor(1);
    }
    return taxes;
}

QList<ReceiptLine> withTaxRule(QList<ReceiptLine> lines, const TaxRule& rule)
{
    for (ReceiptLine& line : lines) {
        line.taxIncluded = rule.pricesIncludeTax;
        line.taxShare.reset();
    }
    if (rule.rounding == TaxRounding::Receipt) {
        const QList<Money> taxes = taxesOf(lines, rule.rounding);
        for (qsizetype i = 0; i < lines.size(); ++i)
            lines[i].taxShare = taxes.at(i);
    }
    return lines;
}

} // namespace stockline
