#include "uuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <array>

namespace stockline {

QString newTimeOrderedUuid()
{
    std::array<quint8, 16> bytes{};
    const quint64 ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<quint8>(ms >> (40 - 8 * i));
    const quint64 random = QRandomGenerator::global()->generate64();
    const quint32 more = QRandomGenerator::global()->generate();
    for (int i = 0; i < 8; ++i)
        bytes[static_cast<std::size_t>(6 + i)] = static_cast<quint8>(random >> (8 * i));
    bytes[14] = static_cast<quint8>(more);
    bytes[15] = static_cast<quint8>(more >> 8);
    bytes[6] = static_cast<quint8>(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = static_cast<quint8>(0x80 | (bytes[8] & 0x3f)); // RFC 9562 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())))
        .toString(QUuid::WithoutBraces);
}

} // namespace stockline
