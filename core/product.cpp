#include "product.h"

#include "barcode.h"
#include "ids.h"
#include "mutation.h"

namespace stockline {

namespace {

std::optional<Error> checkId(const QString& field, const QString& value)
{
    if (isValidId(value))
        return std::nullopt;
    return Error{field,
                 QStringLiteral("'%1' is not 1–64 characters from A-Z a-z 0-9 . _ : -").arg(value)};
}

std::optional<Error> checkName(const QString& value)
{
    if (value.trimmed().isEmpty())
        return Error{QStringLiteral("name"), QStringLiteral("is empty")};
    if (value.size() > maxTextLength)
        return Error{QStringLiteral("name"),
                     QStringLiteral("is longer than %1 characters").arg(maxTextLength)};
    return std::nullopt;
}

} // namespace

std::optional<Error> Product::validate() const
{
    if (auto e = checkId(QStringLiteral("sku"), sku))
        return e;
    if (!barcode.isEmpty()) {
        const Result<ScannedCode> code = Barcode::parse(barcode);
        if (!code)
            return code.error();
        if (code->lookupCode != barcode)
            return Error{QStringLiteral("barcode"),
                         QStringLiteral("'%1' embeds a value: list the item as %2")
                             .arg(barcode, code->lookupCode)};
    }
    if (auto e = checkName(name))
        return e;
    if (price.minor() < 0 || price.minor() > maxMoneyMinor)
        return Error{QStringLiteral("price"),
                     QStringLiteral("%1 is outside 0 to %2")
                         .arg(price.toString(), Money::fromMinor(maxMoneyMinor).toString())};
    if (taxRate.milliPercent() < 0 || taxRate.milliPercent() > 100'000)
        return Error{QStringLiteral("taxRate"), QStringLiteral("is not from 0 to 100 %")};
    if (department.size() > maxTextLength)
        return Error{QStringLiteral("department"),
                     QStringLiteral("is longer than %1 characters").arg(maxTextLength)};
    if (reorderPoint < 0 || reorderPoint > maxQuantity)
        return Error{QStringLiteral("reorderPoint"),
                     QStringLiteral("is not from 0 to %1").arg(maxQuantity)};
    return std::nullopt;
}

std::optional<Error> Location::validate() const
{
    if (auto e = checkId(QStringLiteral("id"), id))
        return e;
    return checkName(name);
}

std::optional<Error> StockLevel::validate() const
{
    if (auto e = checkId(QStringLiteral("sku"), sku))
        return e;
    if (auto e = checkId(QStringLiteral("location"), location))
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
