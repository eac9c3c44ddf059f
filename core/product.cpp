#include "product.h"

#include "barcode.h"
#include "mutation.h"

namespace stockline {

namespace {

std::optional<Error> checkName(const QString& value)
{
    // A name may span lines (a quoted CSV field): it is text on a label, not on the wire.
    return firstOf({checkNotBlank(u"name", value), checkLength(u"name", value)});
}

// A code a product is listed under: a valid EAN-13, EAN-8 or UPC-A that embeds no price or
// weight (those scan as their lookup code).
std::optional<Error> checkBarcode(const QString& field, const QString& barcode)
{
    const Result<ScannedCode> code = Barcode::parse(barcode);
    if (!code)
        return Error{field, code.error().message};
    if (code->lookupCode != barcode)
        return Error{field, QStringLiteral("'%1' embeds a value: list the item as %2")
                                .arg(barcode, code->lookupCode)};
    return std::nullopt;
}

std::optional<Error> checkExtraBarcodes(const Product& p)
{
    const QString field = QStringLiteral("extraBarcodes");
    if (p.extraBarcodes.isEmpty())
        return std::nullopt;
    if (p.barcode.isEmpty())
        return Error{field, QStringLiteral("are given without a first barcode")};
    if (p.extraBarcodes.size() >= Product::maxBarcodes)
        return Error{field, QStringLiteral("more than %1 barcodes").arg(Product::maxBarcodes)};
    for (qsizetype i = 0; i < p.extraBarcodes.size(); ++i) {
        const QString& code = p.extraBarcodes.at(i);
        const QString at = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (code == p.barcode || p.extraBarcodes.indexOf(code) < i)
            return Error{at, QStringLiteral("%1 is listed twice").arg(code)};
        if (auto e = checkBarcode(at, code))
            return e;
    }
    return std::nullopt;
}

} // namespace

std::optional<Error> Product::validate() const
{
    if (auto e = checkId(u"sku", sku))
        return e;
    if (!barcode.isEmpty()) {
        if (auto e = checkBarcode(QStringLiteral("barcode"), barcode))
            return e;
    }
    if (auto e = checkExtraBarcodes(*this))
        return e;
    if (auto e = checkName(name))
        return e;
    if (price.minor() < 0 || price.minor() > maxMoneyMinor)
        return Error{QStringLiteral("price"),
                     QStringLiteral("%1 is outside 0 to %2")
                         .arg(price.toString(), Money::fromMinor(maxMoneyMinor).toString())};
    if (!isKnownUnit(unit))
        return Error{QStringLiteral("unit"), QStringLiteral("is not one of each, kg, l, m")};
    if (taxRate.milliPercent() < 0 || taxRate.milliPercent() > 100'000)
        return Error{QStringLiteral("taxRate"), QStringLiteral("is not from 0 to 100 %")};
    if (cost && (cost->minor() < 0 || cost->minor() > maxMoneyMinor))
        return Error{QStringLiteral("cost"),
                     QStringLiteral("%1 is outside 0 to %2")
                         .arg(cost->toString(), Money::fromMinor(maxMoneyMinor).toString())};
    return firstOf({checkLength(u"department", department),
                    checkRange(u"reorderPoint", reorderPoint, 0, maxQuantity)});
}

std::optional<Error> Location::validate() const
{
    if (auto e = checkId(u"id", id))
        return e;
    return checkName(name);
}

std::optional<Error> StockLevel::validate() const
{
    if (auto e = checkId(u"sku", sku))
        return e;
    if (auto e = checkId(u"location", location))
        return e;
    if (onHand < 0)
        return Error{QStringLiteral("onHand"), QStringLiteral("is negative")};
    if (reserved < 0 || reserved > onHand)
        return Error{QStringLiteral("reserved"), QStringLiteral("is not between 0 and onHand")};
    if (version < 0)
        return Error{QStringLiteral("version"), QStringLiteral("is negative")};
    return std::nullopt;
}

} // namespace stockline
