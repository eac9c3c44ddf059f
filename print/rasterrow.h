#pragma once

#include "receiptdocument.h"

#include <QByteArray>
#include <QFont>
#include <QImage>

namespace stockline::print {

// A receipt row that no code page covers (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, or
// several scripts mixed), drawn by Qt's text engine (fallback fonts, right-to-left order and
// shaping) as an image the printer prints dot for dot. Needs a QGuiApplication, for fonts.
class RasterRow
{
public:
    // 24 dots high (48 for a double-size row), `widthDots` wide: 12 dots a character of the
    // printer's own font, so a raster row is as wide as a text row.
    [[nodiscard]] static QImage render(const ReceiptRow& row, int widthDots);
    // `text` with every character no installed font can draw (Qt falls back through the
    // fonts fontconfig knows: Noto CJK, Arabic, …) as '?': a receipt never prints tofu boxes.
    [[nodiscard]] static QString drawable(const QString& text, const QFont& font);
    // GS v 0: the image one bit per dot, most significant bit leftmost, 1 = black.
    [[nodiscard]] static QByteArray escPos(const QImage& image);
};

} // namespace stockline::print
