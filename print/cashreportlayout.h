#pragma once

#include "receiptdocument.h"

#include <QList>

namespace stockline {
struct CashReport;
}

namespace stockline::print {

// An X or Z report's fixed-width lines as printer rows, for the receipt printer and the PDF
// alike; the first row names the report, large.
[[nodiscard]] QList<ReceiptRow> layoutCashReport(const CashReport& report);

} // namespace stockline::print
