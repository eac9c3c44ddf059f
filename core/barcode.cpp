#include "barcode.h"

namespace stockline {

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return !text.isEmpty();
}

int digitAt(QStringView text, qsizetype i)
{
    return text[i].unicode() - u'0';
}

qint64 numberIn(QStringView digits)
{
    qint64 value = 0;
    for (const QChar c : digits)
        value = value * 10 + (c.unicode() - u'0');
    return value;
}

Error barcodeError(const QString& message)
{
    return Error{QStringLiteral("barcode"), message};
}

// "PP IIIII VVVVV C" with PP = 02 or 20–29.
std::optional<ScannedCode::Kind> embeddedKind(QStringView ean13)
{
    if (ean13.startsWith(u"02"))
        return ScannedCode::Kind::PriceEmbedded;
    if (ean13[0] != u'2')
        return std::nullopt;
    return digitAt(ean13, 1) <= 4 ? ScannedCode::Kind::PriceEmbedded
                                  : ScannedCode::Kind::WeightEmbedded;
}

void decodeEmbedded(ScannedCode& code, QStringView ean13)
{
    const std::optional<ScannedCode::Kind> kind = embeddedKind(ean13);
    if (!kind)
        return;
    code.kind = *kind;
    const qint64 value = numberIn(ean13.mid(7, 5));
    if (*kind == ScannedCode::Kind::PriceEmbedded)
        code.price = Money::fromMinor(value);
    else
        code.grams = value;
    code.lookupCode = Barcode::withCheckDigit(ean13.left(7).toString() + QStringLiteral("00000"));
}

} // namespace

int Barcode::checkDigit(QStringView body)
{
    int sum = 0;
    // GS1: weights 3 and 1 alternate from the rightmost digit of the body, which weighs 3.
    for (qsizetype i = 0; i < body.size(); ++i) {
        const int weight = (body.size() - i) % 2 == 1 ? 3 : 1;
        sum += weight * digitAt(body, i);
    }
    return (10 - sum % 10) % 10;
}

bool Barcode::hasValidCheckDigit(QStringView code)
{
    return code.size() >= 2 && allDigits(code) &&
           checkDigit(code.chopped(1)) == digitAt(code, code.size() - 1);
}

QString Barcode::withCheckDigit(QStringView body)
{
    return body.toString() + QString::number(checkDigit(body));
}

Result<ScannedCode> Barcode::parse(QStringView text)
{
    if (!allDigits(text))
        return barcodeError(QStringLiteral("'%1' has characters other than digits").arg(text));
    ScannedCode code;
    switch (text.size()) {
    case 8:
        code.symbology = Symbology::Ean8;
        break;
    case 12:
        code.symbology = Symbology::UpcA;
        break;
    case 13:
        code.symbology = Symbology::Ean13;
        break;
    default:
        return barcodeError(QStringLiteral("'%1' has %2 digits; EAN-13 has 13, UPC-A 12, EAN-8 8")
                                .arg(text)
                                .arg(text.size()));
    }
    if (!hasValidCheckDigit(text))
        return barcodeError(QStringLiteral("'%1' has a wrong check digit (expected %2)")
                                .arg(text)
                                .arg(checkDigit(text.chopped(1))));
    code.digits = text.toString();
    code.lookupCode = code.digits;
    if (code.symbology == Symbology::UpcA)
        decodeEmbedded(code, QString(u'0' + code.digits));
    else if (code.symbology == Symbology::Ean13)
        decodeEmbedded(code, code.digits);
    return code;
}

} // namespace stockline
