#pragma once

#include <QJsonArray>
#include <QJsonObject>

namespace stockline::app {

// What a server would answer the back office, for `stockline --screenshots` (the demo has no
// server): shapes as sync/PROTOCOL.md gives them, figures made up but adding up.
[[nodiscard]] QJsonObject sampleTodayReport();
[[nodiscard]] QJsonObject sampleSalesByDay();
[[nodiscard]] QJsonArray sampleCatalog();
[[nodiscard]] QJsonArray sampleScheduledPrices();
[[nodiscard]] QJsonArray sampleTerminals();
[[nodiscard]] QJsonArray sampleSuppliers();
// Reorder suggestions priced at the products' cost, as the Purchasing page shows them.
[[nodiscard]] QJsonArray sampleSuggestions();
[[nodiscard]] QJsonArray samplePurchaseOrders();

} // namespace stockline::app
