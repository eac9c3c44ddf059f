#include "pinhash.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace stockline {

std::optional<Error> PinHash::checkPin(QStringView pin)
{
    const bool digits =
        std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits || pin.size() < minPinLength || pin.size() > maxPinLength)
        return Error{
            QStringLiteral("pin"),
            QStringLiteral("a PIN is %1 to %2 digits").arg(minPinLength).arg(maxPinLength)};
    return std::nullopt;
}

Result<PinHash> PinHash::make(QStringView pin, int iterations)
{
    if (std::optional<Error> problem = checkPin(pin))
        return *problem;
    PinHash h;
    h.salt.resize(16);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(h.salt.data()), 4);
    h.iterations = iterations;
    h.hash = pbkdf2Sha256(pin.toUtf8(), h.salt, iterations, 32);
    return h;
}

bool PinHash::matches(QStringView pin) const
{
    if (!isValid() || checkPin(pin))
        return false;
    const QByteArray candidate = pbkdf2Sha256(pin.toUtf8(), salt, iterations, 32);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < hash.size(); ++i)
        difference |= static_cast<unsigned char>(candidate[i] ^ hash[i]);
    return difference == 0;
}

// RFC 8018 section 5.2, with HMAC-SHA256 as the pseudorandom function.
QByteArray PinHash::pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations,
                                 int length)
{
    QByteArray key;
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    for (quint32 block = 1; key.size() < length; ++block) {
        QByteArray blockIndex(4, Qt::Uninitialized);
        for (int i = 0; i < 4; ++i)
            blockIndex[i] = static_cast<char>(block >> (24 - 8 * i));
        mac.reset();
        mac.addData(salt);
        mac.addData(blockIndex);
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (qsizetype j = 0; j < t.size(); ++j)
                t[j] = static_cast<char>(t[j] ^ u[j]);
        }
        key += t;
    }
    return key.left(length);
}

} // namespace stockline
