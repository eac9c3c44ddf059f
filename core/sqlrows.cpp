#include "sqlrows.h"

#include <QVariant>

namespace stockline::sqlrows {

Product product(const QSqlQuery& query, int first)
{
    Product p;
    p.sku = query.value(first).toString();
    p.barcode = query.value(first + 1).toString();
    p.name = query.value(first + 2).toString();
    p.price = Money::fromMinor(query.value(first + 3).toLongLong());
    p.taxRate = TaxRate::fromMilliPercent(query.value(first + 4).toInt());
    p.active = query.value(first + 5).toInt() != 0;
    p.department = query.value(first + 6).toString();
    p.reorderPoint = query.value(first + 7).toLongLong();
    // The column is written only from a Unit; anything else reads as each, as before units.
    p.unit = unitFromName(query.value(first + 8).toString()).value_or(Unit::Each);
    return p;
}

StockLevel level(const QSqlQuery& query, int first)
{
    StockLevel l;
    l.sku = query.value(first).toString();
    l.location = query.value(first + 1).toString();
    l.onHand = query.value(first + 2).toLongLong();
    l.reserved = query.value(first + 3).toLongLong();
    l.version = query.value(first + 4).toLongLong();
    return l;
}

} // namespace stockline::sqlrows
