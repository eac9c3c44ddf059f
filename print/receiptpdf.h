#pragma once

#include "error.h"
#include "receiptdocument.h"

#include <QLocale>
#include <QString>

namespace stockline::print {

// A receipt as a PDF on 80 mm paper, as long as it needs to be, with the receipt number as a
// Code 128 barcode: for customers who want it by mail, and for the shop's records.
// Needs a QGuiApplication (fonts).
class ReceiptPdf
{
public:
    [[nodiscard]] static Status write(const ReceiptDocument& receipt, const QString& path,
                                      const QLocale& locale = QLocale());
    // Any rows laid out for the paper, such as a cash report's, titled `title`.
    [[nodiscard]] static Status write(const QList<ReceiptRow>& rows, const QString& title,
                                      const QString& path);

    static constexpr double paperWidthMm = 80.0;
    static constexpr int columns = 42;
};

} // namespace stockline::print
