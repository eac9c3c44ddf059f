#include "receiptpdf.h"

#include "code128.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace stockline::print {

namespace {

constexpr int dpi = 300;
constexpr double mmPerInch = 25.4;
constexpr int barcodeRows = 5; // the barcode takes the height of five text rows

int toDots(double mm)
{
    return static_cast<int>(mm / mmPerInch * dpi);
}

void drawBarcode(QPainter& painter, const QString& text, const QRect& area)
{
    const QList<int> widths = Code128::widths(text);
    int modules = 0;
    for (const int w : widths)
        modules += w;
    if (modules == 0)
        return;
    const int module = std::max(1, area.width() * 9 / 10 / modules);
    int x = area.left() + (area.width() - module * modules) / 2;
    const int barHeight = area.height() * 3 / 4;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        if (i % 2 == 0)
            painter.fillRect(x, area.top(), widths.at(i) * module, barHeight, Qt::black);
        x += widths.at(i) * module;
    }
    painter.drawText(
        QRect(area.left(), area.top() + barHeight, area.width(), area.height() - barHeight),
        Qt::AlignHCenter | Qt::AlignVCenter, text);
}

} // namespace

Status ReceiptPdf::write(const ReceiptDocument& receipt, const QString& path, const QLocale& locale)
{
    return write(
        layoutReceipt(receipt, locale, columns),
        QCoreApplication::translate("stockline::print::Receipt", "Receipt %1").arg(receipt.number),
        path);
}

Status ReceiptPdf::write(const QList<ReceiptRow>& rows, const QString& title, const QString& path)
{
    const double margin = 4.0;
    const double rowMm = 4.2;
    const double heightMm = 2 * margin + rowMm * static_cast<double>(rows.size() + barcodeRows);

    QPdfWriter pdf(path);
    pdf.setResolution(dpi);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Stockline"));
    pdf.setPageSize(QPageSize(QSizeF(paperWidthMm, heightMm), QPageSize::Millimeter));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf))
        return Error{QStringLiteral("pdf"),
                     QCoreApplication::translate("stockline::print::Receipt", "cannot write %1")
                         .arg(QDir::toNativeSeparators(path))};

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const int rowDots = toDots(rowMm);
    const int left = toDots(margin);
    const int width = toDots(paperWidthMm - 2 * margin);
    // 42 columns across the printable width, as on the thermal printer.
    font.setPixelSize(std::max(8, width * 10 / (columns * 6)));
    int y = toDots(margin);
    for (const ReceiptRow& row : rows) {
        if (row.barcode) {
            drawBarcode(painter, row.text, QRect(left, y, width, rowDots * barcodeRows));
            y += rowDots * barcodeRows;
            continue;
        }
        QFont rowFont = font;
        rowFont.setBold(row.bold);
        if (row.large)
            rowFont.setPixelSize(font.pixelSize() * 3 / 2);
        painter.setFont(rowFont);
        const QString text = rowText(row, row.large ? columns * 2 / 3 : columns);
        painter.drawText(QRect(left, y, width, rowDots),
                         (row.centered ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter,
                         text);
        y += rowDots;
    }
    if (!painter.end())
        return Error{QStringLiteral("pdf"),
                     QCoreApplication::translate("stockline::print::Receipt", "cannot finish %1")
                         .arg(QDir::toNativeSeparators(path))};
    if (!QFile::exists(path))
        return Error{QStringLiteral("pdf"),
                     QCoreApplication::translate("stockline::print::Receipt", "%1 was not written")
                         .arg(QDir::toNativeSeparators(path))};
    return success();
}

} // namespace stockline::print
