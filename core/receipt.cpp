#include "receipt.h"

namespace stockline {

ReceiptTotals totalsOf(const QList<ReceiptLine>& lines)
{
    ReceiptTotals totals;
    for (const ReceiptLine& line : lines) {
        totals.net += line.net();
        totals.tax += line.tax();
        totals.total += line.total();
    }
    return totals;
}

} // namespace stockline
