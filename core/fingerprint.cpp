#include "fingerprint.h"

namespace stockline {

std::optional<QByteArray> parseSha256Fingerprint(QStringView text)
{
    constexpr qsizetype digestBytes = 32;
    QByteArray hex;
    hex.reserve(digestBytes * 2);
    for (const QChar c : text.trimmed()) {
        if (c == u':')
            continue;
        const char16_t u = c.unicode();
        const bool isHex =
            (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!isHex || hex.size() == digestBytes * 2)
            return std::nullopt;
        hex.append(static_cast<char>(u));
    }
    if (hex.size() != digestBytes * 2)
        return std::nullopt;
    return QByteArray::fromHex(hex);
}

QString sha256FingerprintText(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

} // namespace stockline
