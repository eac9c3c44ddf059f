#include "delivery.h"

#include "ids.h"
#include "mutation.h"

#include <QSet>

namespace stockline {

std::optional<Error> Delivery::validate() const
{
    if (!isValidId(id))
        return Error{
            QStringLiteral("reference"),
            QStringLiteral("'%1' is not 1–64 characters from A-Z a-z 0-9 . _ : -").arg(id)};
    if (supplier.trimmed().isEmpty() || supplier.size() > maxTextLength)
        return Error{
            QStringLiteral("supplier"),
            QStringLiteral("must name the supplier in at most %1 characters").arg(maxTextLength)};
    if (!isValidId(location))
        return Error{
            QStringLiteral("location"),
            QStringLiteral("'%1' is not 1–64 characters from A-Z a-z 0-9 . _ : -").arg(location)};
    if (lines.isEmpty() || lines.size() > maxLines)
        return Error{QStringLiteral("lines"),
                     QStringLiteral("a delivery has 1 to %1 lines").arg(maxLines)};
    QSet<QString> skus;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const DeliveryLine& l = lines.at(i);
        const QString at = QStringLiteral("lines[%1].").arg(i);
        if (!isValidId(l.sku))
            return Error{at + QStringLiteral("sku"),
                         QStringLiteral("'%1' is not a SKU (1–64 characters from A-Z a-z 0-9 "
                                        ". _ : -)")
                             .arg(l.sku)};
        if (skus.contains(l.sku))
            return Error{at + QStringLiteral("sku"),
                         QStringLiteral("%1 is listed twice in delivery %2").arg(l.sku, id)};
        skus.insert(l.sku);
        if (l.expected < 1 || l.expected > maxQuantity)
            return Error{at + QStringLiteral("expected"),
                         QStringLiteral("must be from 1 to %1").arg(maxQuantity)};
        if (l.received < 0 || l.rejected < 0)
            return Error{at + QStringLiteral("received"), QStringLiteral("must not be negative")};
    }
    return std::nullopt;
}

const DeliveryLine* Delivery::line(const QString& sku) const
{
    for (const DeliveryLine& l : lines) {
        if (l.sku == sku)
            return &l;
    }
    return nullptr;
}

} // namespace stockline
