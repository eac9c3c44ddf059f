#pragma once

#include "money.h"
#include "unit.h"

#include <QList>
#include <QString>

namespace stockline {

// One line of a receipt. Prices exclude tax (sales-tax style): tax is added per line on the
// discounted net amount and rounded half-even per line, so the receipt's tax is the sum of
// its lines' taxes and its total the sum of its lines' totals.
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

    // Before discounts: qty × unitPrice, or per 1000 base units rounded half-even.
    [[nodiscard]] Money gross() const { return priceOf(unitPrice, qty, unit); }
    [[nodiscard]] Money net() const { return gross() - discount; }
    [[nodiscard]] Money tax() const { return taxRate.taxOn(net()); }
    [[nodiscard]] Money total() const { return net() + tax(); }
};

// What a manager approved for one line of a sale, as its receipt names it.
struct LineApproval
{
    std::optional<Money> listPrice; // the catalog's price, when the clerk typed another
    QString approvedBy;             // the manager who approved the price or the discount
};

struct ReceiptTotals
{
    Money net;
    Money tax;
    Money total;
};

[[nodiscard]] ReceiptTotals totalsOf(const QList<ReceiptLine>& lines);

} // namespace stockline
