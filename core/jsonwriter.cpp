#include "jsonwriter.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iterator>

namespace stockline {

void JsonWriter::integer(QLatin1StringView name, qint64 value)
{
    key(name);
    char buffer[24];
    const std::to_chars_result end = std::to_chars(std::begin(buffer), std::end(buffer), value);
    m_out.append(buffer, end.ptr - buffer);
}

void JsonWriter::boolean(QLatin1StringView name, bool value)
{
    key(name);
    m_out += value ? "true" : "false";
}

void JsonWriter::string(QLatin1StringView name, QStringView value)
{
    key(name);
    appendString(value);
}

void JsonWriter::appendString(QStringView text)
{
    // IDs, and most names, are printable ASCII with nothing to escape: copy them as they are.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    m_out += '"';
    if (plain) {
        const qsizetype at = m_out.size();
        m_out.resize(at + text.size());
        std::transform(text.begin(), text.end(), m_out.data() + at,
                       [](QChar c) { return static_cast<char>(c.unicode()); });
    } else {
        appendEscaped(text);
    }
    m_out += '"';
}

void JsonWriter::appendEscaped(QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += c;
        } else if (byte < 0x20) { // control characters; UTF-8 sequences pass as they are
            m_out += "\\u00";
            m_out += hex[byte >> 4];
            m_out += hex[byte & 0xf];
        } else {
            m_out += c;
        }
    }
}

void JsonWriter::taxRate(QLatin1StringView name, TaxRate rate)
{
    const int milli = rate.milliPercent();
    integer(name, milli / 1000);
    int fraction = std::abs(milli % 1000);
    if (fraction == 0)
        return;
    if (milli < 0 && milli > -1000)
        m_out.insert(m_out.size() - 1, '-'); // -0.5: the integer part lost its sign
    m_out += '.';
    for (int digit = 100; fraction != 0; digit /= 10) {
        m_out += static_cast<char>('0' + fraction / digit);
        fraction %= digit;
    }
}

} // namespace stockline
