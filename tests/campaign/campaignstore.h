#pragma once

// The store the campaign runs: a few hot products on the floor and in the back room, so that
// terminals race for the same units all the time.

#include <QString>
#include <QStringList>

namespace campaign {

inline const QString storeFloor = QStringLiteral("store-1");
inline const QString backroom = QStringLiteral("backroom-1");
inline const QStringList hotSkus = {
    QStringLiteral("C01"), QStringLiteral("C02"), QStringLiteral("C03"), QStringLiteral("C04"),
    QStringLiteral("C05"), QStringLiteral("C06"), QStringLiteral("C07"), QStringLiteral("C08")};
inline constexpr qint64 openingStock = 400;
// Holds outlive every run: a level changed by an expiry after the campaign read the server's
// levels would look like a replica behind (expiry on the server's clock has its own tests).
inline constexpr qint64 holdTtlSeconds = 86'400;

} // namespace campaign
