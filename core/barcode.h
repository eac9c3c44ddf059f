#pragma once

#include "error.h"
#include "money.h"

#include <QString>
#include <QStringView>

namespace stockline {

enum class Symbology { Ean13, Ean8, UpcA };

// What a scanned code means. Price- and weight-embedded EAN-13 codes, as in-store scales print
// them, are laid out "PP IIIII VVVVV C": a prefix, a five-digit item number, a five-digit value
// and the check digit. Prefixes 02 and 20–24 embed the price in minor units, 25–29 the weight
// in grams. A 12-digit UPC-A starting with 2 is the same code as EAN-13 "02…".
// The catalog holds the item under its lookup code: the scanned code with the value
// digits set to zero and the check digit recomputed.
struct ScannedCode
{
    enum class Kind { Plain, PriceEmbedded, WeightEmbedded };

    Kind kind = Kind::Plain;
    Symbology symbology = Symbology::Ean13;
    QString digits;     // as scanned, check digit included
    QString lookupCode; // the code to find the product by
    Money price;        // PriceEmbedded only
    qint64 grams = 0;   // WeightEmbedded only
};

class Barcode
{
public:
    // Accepts 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits with a valid check digit.
    [[nodiscard]] static Result<ScannedCode> parse(QStringView text);

    // The GS1 mod-10 check digit for the digits before it (7, 11 or 12 of them).
    [[nodiscard]] static int checkDigit(QStringView body);
    [[nodiscard]] static bool hasValidCheckDigit(QStringView code);

    // Builds a code from its body by appending the check digit.
    [[nodiscard]] static QString withCheckDigit(QStringView body);
};

} // namespace stockline
