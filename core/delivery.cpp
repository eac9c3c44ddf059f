#include "delivery.h"

#include "mutation.h"

#include <QSet>

namespace stockline {

std::optional<Error> Delivery::validate() const
{
    if (auto e = checkId(u"reference", id))
        return e;
    if (auto e =
            firstOf({checkNotBlank(u"supplier", supplier), checkLength(u"supplier", supplier)}))
        return e;
    if (auto e = checkId(u"location", location))
        return e;
    if (lines.isEmpty() || lines.size() > maxLines)
        return Error{QStringLiteral("lines"),
                     QStringLiteral("a delivery has 1 to %1 lines").arg(maxLines)};
    QSet<QString> skus;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const DeliveryLine& l = lines.at(i);
        const QString at = QStringLiteral("lines[%1].").arg(i);
        if (auto e = checkId(at + QStringLiteral("sku"), l.sku))
            return e;
        if (skus.contains(l.sku))
            return Error{at + QStringLiteral("sku"),
                         QStringLiteral("%1 is listed twice in delivery %2").arg(l.sku, id)};
        skus.insert(l.sku);
        if (auto e = checkRange(at + QStringLiteral("expected"), l.expected, 1, maxQuantity))
            return e;
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
