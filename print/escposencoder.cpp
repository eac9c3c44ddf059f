#include "escposencoder.h"

namespace stockline::print {

namespace {

constexpr char esc = 0x1b;
constexpr char gs = 0x1d;
constexpr char lf = 0x0a;

QByteArray command(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (const int b : bytes)
        out.append(static_cast<char>(b));
    return out;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9f; of those, receipts need the euro sign
// and typographic dashes and quotes.
int windows1252(char16_t c)
{
    if (c >= 0x20 && c < 0x7f)
        return c;
    if (c >= 0xa0 && c <= 0xff)
        return c;
    switch (c) {
    case u'€':
        return 0x80;
    case u'‘':
        return 0x91;
    case u'’':
        return 0x92;
    case u'“':
        return 0x93;
    case u'”':
        return 0x94;
    case u'–':
        return 0x96;
    case u'—':
        return 0x97;
    case u'\u202f': // narrow no-break space, which some locales put in amounts
        return 0xa0;
    default:
        return c < 0x20 ? -1 : '?';
    }
}

} // namespace

EscPosEncoder::EscPosEncoder(const QLocale& locale, int width) : m_locale(locale), m_width(width) {}

QByteArray EscPosEncoder::initialize()
{
    return command({esc, '@', esc, 't', 16});
}

QByteArray EscPosEncoder::text(QStringView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const int byte = windows1252(c.unicode());
        if (byte >= 0)
            out.append(static_cast<char>(byte));
    }
    return out;
}

QByteArray EscPosEncoder::row(const ReceiptRow& row) const
{
    if (row.barcode)
        return command({esc, 'a', 1}) + code128(row.text) + command({esc, 'a', 0});
    QByteArray out;
    if (row.centered)
        out += command({esc, 'a', 1});
    if (row.bold)
        out += command({esc, 'E', 1});
    if (row.large)
        out += command({gs, '!', 0x11});
    out += text(rowText(row, row.large ? m_width / 2 : m_width));
    out += lf;
    if (row.large)
        out += command({gs, '!', 0});
    if (row.bold)
        out += command({esc, 'E', 0});
    if (row.centered)
        out += command({esc, 'a', 0});
    return out;
}

QByteArray EscPosEncoder::code128(QStringView data)
{
    const QByteArray bytes = text(data);
    // Code set B takes printable ASCII; n counts "{B" too and is one byte.
    if (bytes.isEmpty() || bytes.size() != data.size() || bytes.size() + 2 > 255)
        return {};
    for (const char c : bytes) {
        if (c < 32 || c > 126)
            return {};
    }
    QByteArray out = command({gs, 'h', 80, gs, 'w', 2, gs, 'H', 2, gs, 'k', 73});
    out += static_cast<char>(bytes.size() + 2);
    out += "{B";
    out += bytes;
    return out;
}

QByteArray EscPosEncoder::cut()
{
    return command({gs, 'V', 66, 3});
}

QByteArray EscPosEncoder::encode(const ReceiptDocument& receipt) const
{
    return encode(layoutReceipt(receipt, m_locale, m_width));
}

QByteArray EscPosEncoder::encode(const QList<ReceiptRow>& rows) const
{
    QByteArray out = initialize();
    for (const ReceiptRow& r : rows)
        out += row(r);
    out += cut();
    return out;
}

} // namespace stockline::print
