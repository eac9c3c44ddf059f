#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <optional>

namespace stockline {

// A staff PIN as it is stored and sent to terminals: PBKDF2-HMAC-SHA256 with a random salt,
// never the PIN itself. A terminal checks a PIN offline against it.
//
// A PIN has few digits, so the hash slows down guessing but cannot stop a patient attacker
// who holds the hash: terminals keep it in an owner-only file, and the server sends it only
// to terminals whose role signs staff in.
struct PinHash
{
    static constexpr int defaultIterations = 100'000;
    static constexpr int minPinLength = 4;
    static constexpr int maxPinLength = 12;

    QByteArray salt; // 16 random bytes
    int iterations = defaultIterations;
    QByteArray hash; // 32 bytes

    // A PIN is 4–12 digits: what a keypad at a till can enter.
    [[nodiscard]] static std::optional<Error> checkPin(QStringView pin);
    [[nodiscard]] static Result<PinHash> make(QStringView pin, int iterations = defaultIterations);
    // Compares in constant time.
    [[nodiscard]] bool matches(QStringView pin) const;
    [[nodiscard]] bool isValid() const
    {
        return salt.size() >= 16 && hash.size() == 32 && iterations >= 1'000;
    }

    [[nodiscard]] static QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt,
                                                 int iterations, int length);

    friend bool operator==(const PinHash&, const PinHash&) = default;
};

} // namespace stockline
