#pragma once

#include <QList>
#include <QStringView>

namespace stockline::print {

// Code 128, code set B (printable ASCII), for the receipt number's barcode where we draw it
// ourselves (the PDF receipt); printers draw theirs from ESC/POS `GS k`.
class Code128
{
public:
    // The symbol values: start B, the characters, the mod-103 check symbol, stop. Empty when
    // the text is empty or has a character outside ASCII 32–126.
    [[nodiscard]] static QList<int> values(QStringView text);
    // Bar and space widths in modules, bar first, quiet zones excluded. Empty as above.
    [[nodiscard]] static QList<int> widths(QStringView text);

    static constexpr int startB = 104;
    static constexpr int stop = 106;
};

} // namespace stockline::print
