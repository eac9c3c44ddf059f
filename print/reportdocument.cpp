#include "reportdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace stockline::print {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

void appendCsvLine(QByteArray& out, const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& field : fields)
        quoted.append(csvField(field));
    out.append(quoted.join(u',').toUtf8());
    out.append("\r\n");
}

Error cannotWrite(const QString& path)
{
    return Error{QStringLiteral("report"),
                 QCoreApplication::translate("stockline::print::Report", "cannot write %1")
                     .arg(QDir::toNativeSeparators(path))};
}

// Draws one row of cells across `widths`, figures right-aligned.
void drawRow(QPainter& painter, const QStringList& cells, const QList<int>& widths,
             const QList<bool>& numeric, int left, int top, int height)
{
    int x = left;
    for (qsizetype c = 0; c < widths.size(); ++c) {
        const int flags = Qt::AlignVCenter | (numeric.value(c) ? Qt::AlignRight : Qt::AlignLeft);
        const QRect cell(x + height / 6, top, widths.at(c) - height / 3, height);
        painter.drawText(
            cell, flags,
            painter.fontMetrics().elidedText(cells.value(c), Qt::ElideRight, cell.width()));
        x += widths.at(c);
    }
}

} // namespace

QByteArray ReportDocument::csv() const
{
    QByteArray out;
    appendCsvLine(out, headers);
    for (const QStringList& row : rows)
        appendCsvLine(out, row);
    if (!totals.isEmpty())
        appendCsvLine(out, totals);
    return out;
}

Status ReportDocument::writeCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv()) < 0 || !file.commit())
        return cannotWrite(path);
    return success();
}

Status ReportDocument::writePdf(const QString& path) const
{
    QPdfWriter pdf(path);
    pdf.setResolution(150);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Stockline"));
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                  QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    QPainter painter;
    if (headers.isEmpty() || !painter.begin(&pdf))
        return cannotWrite(path);
    const QRect page = painter.viewport();
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPixelSize(20);
    painter.setFont(font);
    const int rowHeight = painter.fontMetrics().height() * 3 / 2;
    // Columns share the width by their longest text, at least a sixth of an even share.
    QList<int> longest(headers.size(), 1);
    auto measure = [&](const QStringList& cells) {
        for (qsizetype c = 0; c < longest.size(); ++c)
            longest[c] = std::max(longest.at(c), int(cells.value(c).size()) + 2);
    };
    measure(headers);
    for (const QStringList& row : rows)
        measure(row);
    measure(totals);
    int sum = 0;
    for (const int l : std::as_const(longest))
        sum += l;
    QList<int> widths;
    for (const int l : std::as_const(longest))
        widths.append(page.width() * l / sum);

    int top = 0;
    auto heading = [&](bool first) {
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        if (first) {
            painter.drawText(QRect(0, 0, page.width(), rowHeight), Qt::AlignLeft, title);
            painter.setFont(font);
            painter.drawText(QRect(0, rowHeight, page.width(), rowHeight), Qt::AlignLeft, subtitle);
            painter.setFont(bold);
            top = 2 * rowHeight + rowHeight / 2;
        }
        drawRow(painter, headers, widths, numeric, 0, top, rowHeight);
        painter.drawLine(0, top + rowHeight, page.width(), top + rowHeight);
        top += rowHeight;
        painter.setFont(font);
    };
    heading(true);
    for (const QStringList& row : rows) {
        if (top + rowHeight > page.height()) {
            pdf.newPage();
            top = 0;
            heading(false);
        }
        drawRow(painter, row, widths, numeric, 0, top, rowHeight);
        top += rowHeight;
    }
    if (!totals.isEmpty()) {
        if (top + rowHeight > page.height()) {
            pdf.newPage();
            top = 0;
        }
        painter.drawLine(0, top, page.width(), top);
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        drawRow(painter, totals, widths, numeric, 0, top, rowHeight);
    }
    if (!painter.end())
        return cannotWrite(path);
    return success();
}

} // namespace stockline::print
