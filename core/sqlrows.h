#pragma once

#include "product.h"

#include <QSqlQuery>

namespace stockline::sqlrows {

// How the terminal's store and the server's store read a product or a level from a row that
// holds, from column `first` on:
//   product: sku, barcode, name, price, tax_rate, active, department, reorder_point,
//            unit
//   level:   sku, location, on_hand, reserved, version
[[nodiscard]] Product product(const QSqlQuery& query, int first = 0);
[[nodiscard]] StockLevel level(const QSqlQuery& query, int first = 0);

} // namespace stockline::sqlrows
