#include "productlookup.h"

#include "barcode.h"
#include "catalog.h"
#include "mutation.h"

namespace stockline::qml {

Result<std::optional<Product>> lookUpProduct(const Catalog& catalog, const QString& code)
{
    const QString trimmed = code.trimmed();
    if (const Result<ScannedCode> scanned = Barcode::parse(trimmed)) {
        Result<std::optional<Product>> byCode = catalog.byBarcode(scanned->lookupCode);
        if (!byCode || byCode->has_value())
            return byCode;
    }
    Result<std::optional<Product>> exact = catalog.bySku(trimmed);
    if (!exact || exact->has_value())
        return exact;
    return catalog.bySku(trimmed.toUpper());
}

std::optional<qint64> parseQuantity(const QString& text, qint64 min)
{
    bool ok = false;
    const qint64 qty = text.trimmed().toLongLong(&ok);
    if (!ok || qty < min || qty > maxQuantity)
        return std::nullopt;
    return qty;
}

std::optional<QuantityCode> splitQuantity(const QString& text)
{
    const qsizetype star = text.indexOf(u'*');
    if (star < 0)
        return QuantityCode{1, text.trimmed()};
    const std::optional<qint64> qty = parseQuantity(text.left(star), 1);
    if (!qty)
        return std::nullopt;
    return QuantityCode{*qty, text.mid(star + 1).trimmed()};
}

} // namespace stockline::qml
