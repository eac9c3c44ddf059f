#include "rasterrow.h"

#include <QFontMetrics>
#include <QPainter>

namespace stockline::print {

namespace {

constexpr int rowDots = 24;
constexpr int gapDots = 12;

QFont fontFor(const ReceiptRow& row)
{
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(row.large ? 2 * rowDots - 6 : rowDots - 3);
    font.setBold(row.bold);
    return font;
}

// The text at the row's leading edge (the right one in a right-to-left script), the amount at
// the other, the text cut short to leave the amount whole.
void drawColumns(QPainter& painter, const ReceiptRow& row, const QRect& area)
{
    const bool rightToLeft = row.text.isRightToLeft();
    const QFontMetrics metrics(painter.font());
    const int amountWidth = row.right.isEmpty() ? 0 : metrics.horizontalAdvance(row.right);
    const int textWidth = area.width() - (amountWidth > 0 ? amountWidth + gapDots : 0);
    const QString text = metrics.elidedText(row.text, Qt::ElideRight, textWidth);
    const Qt::Alignment leading = rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    const Qt::Alignment trailing = rightToLeft ? Qt::AlignLeft : Qt::AlignRight;
    if (row.centered && row.right.isEmpty()) {
        painter.drawText(area, Qt::AlignCenter, text);
        return;
    }
    painter.drawText(area, Qt::AlignVCenter | leading, text);
    if (!row.right.isEmpty())
        painter.drawText(area, Qt::AlignVCenter | trailing, row.right);
}

} // namespace

QString RasterRow::drawable(const QString& text, const QFont& font)
{
    const QFontMetrics metrics(font);
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        // Format characters (bidi marks, joiners) draw nothing by design.
        if (c >= 0x20 && QChar::category(c) != QChar::Other_Format && !metrics.inFontUcs4(c))
            out.append(u'?');
        else
            out.append(QString::fromUcs4(&c, 1));
    }
    return out;
}

QImage RasterRow::render(const ReceiptRow& row, int widthDots)
{
    QImage image(widthDots, row.large ? 2 * rowDots : rowDots, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    // Thermal dots are on or off: grey edges would only print as noise.
    painter.setRenderHint(QPainter::TextAntialiasing, false);
    painter.setPen(Qt::black);
    const QFont font = fontFor(row);
    painter.setFont(font);
    ReceiptRow shown = row;
    shown.text = drawable(row.text, font);
    shown.right = drawable(row.right, font);
    drawColumns(painter, shown, image.rect());
    return image;
}

QByteArray RasterRow::escPos(const QImage& image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const int bytesPerLine = (grey.width() + 7) / 8;
    QByteArray out{"\x1d\x76\x30\x00", 4};
    for (const int value : {bytesPerLine, grey.height()}) {
        out.append(static_cast<char>(value & 0xff));
        out.append(static_cast<char>(value >> 8));
    }
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        QByteArray bits(bytesPerLine, '\0');
        for (int x = 0; x < grey.width(); ++x) {
            if (line[x] < 128)
                bits[x / 8] = static_cast<char>(bits[x / 8] | (0x80 >> (x % 8)));
        }
        out += bits;
    }
    return out;
}

} // namespace stockline::print
