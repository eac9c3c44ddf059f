#pragma once

#include "money.h"
#include "unit.h"

#include <QList>
#include <QString>
#include <optional>

namespace stockline {

// Where tax is rounded to the minor unit: on each line, or once per rate on the whole receipt
// (the lines then share that rate's rounded tax; see taxesOf()).
enum class TaxRounding { Line, Receipt };

// How a store's prices relate to tax (its store settings, core/storesettings.h).
struct TaxRule
{
    bool pricesIncludeTax = false; // the shelf price is what the customer pays (VAT style)
    TaxRounding rounding = TaxRounding::Line;

    friend bool operator==(const TaxRule&, const TaxRule&) = default;
};

// One line of a receipt.
//
// Tax-exclusive prices (sales-tax style, the default): the line's amount (unit price × qty −
// discount) is its net; tax = rate × net; total = net + tax.
// Tax-inclusive prices (VAT style, `taxIncluded`): the line's amount is what the customer pays,
// its total; tax = total × rate / (100 % + rate); net = total − tax. A discount comes off the
// amount before tax is taken out of it, so the VAT shrinks with the discount.
// Either way tax is rounded half-even to the minor unit: on the line itself, or — when the
// store rounds per receipt — once per rate on the receipt, shared out to its lines (taxesOf()).
struct ReceiptLine
{
    QString sku;
    QString name;
    qint64 qty = 1;  // units, or base units (g, ml, mm) of a measured product
    Money unitPrice; // per unit, or per kg / l / m of a measured product
    Money discount;  // off the whole line, not per unit
    TaxRate taxRate;
    QString reservation; // the server-side hold on these units; empty: none
    Unit unit = Unit::Each;
    bool taxIncluded = false; // unitPrice and discount include tax
    // This line's share of its rate's tax rounded per receipt (withTaxRule()); empty: the tax
    // is rounded on the line.
    std::optional<Money> taxShare = std::nullopt;

    // Before discounts: qty × unitPrice, or per 1000 base units rounded half-even.
    [[nodiscard]] Money gross() const { return priceOf(unitPrice, qty, unit); }
    // What the shelf price charges for the line: its net, or with taxIncluded its total.
    [[nodiscard]] Money amount() const { return gross() - discount; }
    [[nodiscard]] Money tax() const;
    [[nodiscard]] Money net() const { return taxIncluded ? amount() - tax() : amount(); }
    [[nodiscard]] Money total() const { return taxIncluded ? amount() : amount() + tax(); }
};

// What a manager approved for one line of a sale, as its receipt names it.
struct LineApproval
{
    std::optional<Money> listPrice; // the catalog's price, when the clerk typed another
    QString approvedBy;             // the manager who approved the price or the discount
};

// The net and tax of one tax rate on a receipt (a VAT receipt and the Z list them per rate).
struct RateTotals
{
    TaxRate rate;
    Money net;
    Money tax;

    friend bool operator==(const RateTotals&, const RateTotals&) = default;
};

struct ReceiptTotals
{
    Money net;
    Money tax;
    Money total;
    QList<RateTotals> rates = {}; // highest rate first

    friend bool operator==(const ReceiptTotals&, const ReceiptTotals&) = default;
};

[[nodiscard]] ReceiptTotals totalsOf(const QList<ReceiptLine>& lines);

// The tax of each line under `rounding`. Per line: each line's own rounded tax. Per receipt:
// for each rate, the rate's tax is rounded once from the sum of its lines' amounts; each line
// gets its exact share rounded down, and the units left over go one each to the lines with the
// largest remainders (ties: the earlier line). Lines with a negative amount are not shared
// out: they keep their own rounded tax.
[[nodiscard]] QList<Money> taxesOf(const QList<ReceiptLine>& lines, TaxRounding rounding);

// `lines` priced under `rule`: taxIncluded set, and receipt-rounded shares filled in.
[[nodiscard]] QList<ReceiptLine> withTaxRule(QList<ReceiptLine> lines, const TaxRule& rule);

} // namespace stockline
