#pragma once

#include <QByteArray>
#include <QStringView>
#include <array>
#include <span>

namespace stockline::print {

// A single-byte code page a thermal printer selects with ESC t n: printable ASCII below 0x80,
// and its own characters in 0x80–0xff.
struct CodePage
{
    int escPosNumber;                // n of ESC t n (Epson's numbering, which most printers use)
    std::array<char16_t, 128> upper; // the character of each byte 0x80–0xff; 0: none

    [[nodiscard]] bool covers(QStringView text) const;
    // The bytes of `text`, which this page covers (a character it lacks becomes '?').
    [[nodiscard]] QByteArray encode(QStringView text) const;
};

// The code pages a receipt may switch between, in the order they are tried: Western European
// first (what most receipts need), then Central European, Cyrillic, Greek, Turkish and Baltic.
// Hebrew and Arabic pages are left out on purpose: a printer prints a code page's bytes left
// to right and unshaped, so those scripts print as raster images, as Chinese or Japanese do.
[[nodiscard]] std::span<const CodePage> codePages();
// The first of codePages() that covers every character of `text`; null when none does.
[[nodiscard]] const CodePage* codePageFor(QStringView text);

} // namespace stockline::print
