#include "productlookup.h"

#include "barcode.h"
#include "catalog.h"
#include "mutation.h"

#include <QCoreApplication>

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

Result<qint64> typedQuantity(const QString& text, Unit unit, qint64 min)
{
    const auto outOfRange = [&]() {
        return Error{
            QStringLiteral("qty"),
            isMeasured(unit)
                ? QCoreApplication::translate("stockline", "'%1' is not a quantity from %2 to %3.")
                      .arg(text.trimmed(), quantityText(min, unit), quantityText(maxQuantity, unit))
                : QCoreApplication::translate("stockline",
                                              "'%1' is not a quantity (a whole number from %2).")
                      .arg(text.trimmed())
                      .arg(min)};
    };
    const Result<qint64> qty = parseQuantity(text, unit);
    if (!qty)
        return isMeasured(unit) ? qty : Result<qint64>(outOfRange());
    if (*qty < min || *qty > maxQuantity)
        return outOfRange();
    return qty;
}

Result<qint64> scannedQuantity(const QuantityCode& typed, const Product& product)
{
    if (!typed.typed.isEmpty())
        return typedQuantity(typed.typed, product.unit, 1);
    if (!isMeasured(product.unit))
        return qint64{1};
    const Result<ScannedCode> scanned = Barcode::parse(typed.code);
    if (scanned && scanned->kind == ScannedCode::Kind::WeightEmbedded && scanned->grams > 0)
        return scanned->grams;
    return Error{QStringLiteral("qty"),
                 QCoreApplication::translate("stockline",
                                             "%1 is taken in %2: type the quantity first, like "
                                             "1.250*%3")
                     .arg(product.name, unitName(product.unit), typed.code)};
}

std::optional<QuantityCode> splitQuantity(const QString& text)
{
    const qsizetype star = text.indexOf(u'*');
    if (star < 0)
        return QuantityCode{QString(), text.trimmed()};
    const QString typed = text.left(star).trimmed();
    if (typed.isEmpty())
        return std::nullopt;
    return QuantityCode{typed, text.mid(star + 1).trimmed()};
}

} // namespace stockline::qml
