#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <optional>

namespace stockline {

// A certificate's SHA-256 fingerprint as people read and type it: 32 bytes in hex, pairs
// separated by colons, as `openssl x509 -fingerprint -sha256` and `stockline-server tls
// fingerprint` print it ("AB:12:…"). Reading also accepts lower case and no colons.
[[nodiscard]] std::optional<QByteArray> parseSha256Fingerprint(QStringView text);
[[nodiscard]] QString sha256FingerprintText(const QByteArray& digest);

} // namespace stockline
