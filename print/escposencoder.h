#pragma once

#include "receiptdocument.h"

#include <QByteArray>
#include <QLocale>

namespace stockline::print {

// A receipt as ESC/POS bytes for an 80 mm thermal printer (Epson TM and the many that speak
// its commands): each row in the first code page that covers it (Windows-1252 unless the text
// needs another; ESC t n only when the page changes), and a row that no code page covers as a
// raster image (GS v 0); bold, centred and double-size rows, the receipt number as a Code 128
// barcode the printer draws (GS k) so a return starts with a scan, and a partial cut.
class EscPosEncoder
{
public:
    explicit EscPosEncoder(const QLocale& locale = QLocale(), int width = 42);

    [[nodiscard]] QByteArray encode(const ReceiptDocument& receipt) const;
    // Any rows laid out for the paper, such as a cash report's.
    [[nodiscard]] QByteArray encode(const QList<ReceiptRow>& rows) const;

    // The pieces, public for tests of the exact bytes.
    // ESC @ (reset), ESC t 16 (Windows-1252).
    [[nodiscard]] static QByteArray initialize();
    // Windows-1252; a character it lacks becomes '?'. Control characters are dropped.
    [[nodiscard]] static QByteArray text(QStringView text);
    // The row, the printer being on Windows-1252 before it.
    [[nodiscard]] QByteArray row(const ReceiptRow& row) const;
    // The row after one that left the printer on code page `page` (ESC t's n), which the row
    // updates to the page it leaves the printer on.
    [[nodiscard]] QByteArray row(const ReceiptRow& row, int& page) const;
    // GS h 80 (height), GS w 2 (module width), GS H 2 (number below), then GS k 73 with
    // "{B" and the data: Code 128, code set B. Empty when the data cannot be encoded.
    [[nodiscard]] static QByteArray code128(QStringView data);
    // Feed three lines and cut, leaving a hinge (GS V 66 3).
    [[nodiscard]] static QByteArray cut();
    // Opens the cash drawer wired to the printer (ESC p 0 25 250: pin 2, 50 ms pulse).
    [[nodiscard]] static QByteArray drawerKick();
    // ESC t n of the page initialize() selects.
    static constexpr int westernPage = 16;

private:
    [[nodiscard]] QByteArray styled(const ReceiptRow& row, const QByteArray& line) const;

    QLocale m_locale;
    int m_width;
};

} // namespace stockline::print
