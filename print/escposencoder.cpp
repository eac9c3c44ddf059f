#include "escposencoder.h"

#include "codepages.h"
#include "rasterrow.h"

namespace stockline::print {

namespace {

constexpr char esc = 0x1b;
constexpr char gs = 0x1d;
constexpr char lf = 0x0a;
constexpr int dotsPerCharacter = 12; // Font A, 12 × 24 dots

QByteArray command(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (const int b : bytes)
        out.append(static_cast<char>(b));
    return out;
}

// The row as the printer should get it: no control characters, and the narrow no-break space
// some locales put in amounts as the no-break space every code page has.
QString printable(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QChar(0x202f) || c == QChar(0x2009))
            out.append(QChar(0xa0));
        else if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
            out.append(c);
    }
    return out;
}

} // namespace

EscPosEncoder::EscPosEncoder(const QLocale& locale, int width) : m_locale(locale), m_width(width) {}

QByteArray EscPosEncoder::initialize()
{
    return command({esc, '@', esc, 't', westernPage});
}

QByteArray EscPosEncoder::text(QStringView text)
{
    return codePages().front().encode(printable(text));
}

QByteArray EscPosEncoder::row(const ReceiptRow& row) const
{
    int page = westernPage;
    return this->row(row, page);
}

QByteArray EscPosEncoder::row(const ReceiptRow& row, int& page) const
{
    if (row.barcode)
        return command({esc, 'a', 1}) + code128(row.text) + command({esc, 'a', 0});
    const QString line = printable(rowText(row, row.large ? m_width / 2 : m_width));
    const CodePage* covering = codePageFor(line);
    if (!covering) {
        ReceiptRow clean = row;
        clean.text = printable(row.text);
        clean.right = printable(row.right);
        return RasterRow::escPos(RasterRow::render(clean, m_width * dotsPerCharacter));
    }
    QByteArray out;
    if (covering->escPosNumber != page) {
        page = covering->escPosNumber;
        out += command({esc, 't', page});
    }
    return out + styled(row, covering->encode(line));
}

QByteArray EscPosEncoder::styled(const ReceiptRow& row, const QByteArray& line) const
{
    QByteArray out;
    if (row.centered)
        out += command({esc, 'a', 1});
    if (row.bold)
        out += command({esc, 'E', 1});
    if (row.large)
        out += command({gs, '!', 0x11});
    out += line;
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

QByteArray EscPosEncoder::drawerKick()
{
    return command({esc, 'p', 0, 25, 250});
}

QByteArray EscPosEncoder::encode(const QList<ReceiptRow>& rows) const
{
    QByteArray out = initialize();
    int page = westernPage;
    for (const ReceiptRow& r : rows)
        out += row(r, page);
    out += cut();
    return out;
}

} // namespace stockline::print
