#include "cashreportlayout.h"

#include "cashsession.h"
#include "receiptpdf.h"

#include <QLocale>

namespace stockline::print {

QList<ReceiptRow> layoutCashReport(const CashReport& report)
{
    QList<ReceiptRow> rows;
    for (const QString& line : report.lines(QLocale(), ReceiptPdf::columns)) {
        ReceiptRow row;
        row.text = line;
        if (rows.isEmpty()) {
            row.text = line.trimmed();
            row.centered = true;
            row.bold = true;
            row.large = true;
        }
        rows.append(row);
    }
    return rows;
}

} // namespace stockline::print
