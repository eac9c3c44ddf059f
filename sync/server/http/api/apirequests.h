#pragma once

#include "error.h"
#include "mutation.h"
#include "product.h"
#include "serverstore.h"

#include <QJsonObject>

// What the HTTP API's requests mean on the wire (issue 22): each write becomes one mutation of
// the protocol, decided by the arbiter like a terminal's, and its answer is made from the
// mutation's result. Pure functions: no sockets, no storage.
namespace stockline::sync::webapi {

struct ApiWrite
{
    Mutation mutation;
    std::function<ApiAnswer(const MutationResult& result, const QDateTime& now)> render;
};

inline constexpr qint64 maxBodyBytes = 64 * 1024;
inline constexpr int maxJsonDepth = 8;

// {"error":code,"message":message[,"field":field]}, compact.
[[nodiscard]] QByteArray errorBody(const QString& code, const QString& message,
                                   const QString& field = {});
// The request body as a JSON object, or the Error (field "body") saying what is wrong with it.
[[nodiscard]] Result<QJsonObject> parseBody(const QByteArray& body);

// POST /api/v1/holds {sku, location, qty, ttl}: a reserve under a new hold id.
[[nodiscard]] Result<ApiWrite> holdRequest(const QJsonObject& body, const QDateTime& now);
// DELETE /api/v1/holds/{id}: a release.
[[nodiscard]] Result<ApiWrite> releaseRequest(const QString& hold, const QDateTime& now);
// POST /api/v1/orders {reference, location, lines[{sku, qty, price, hold?}], payments?}: a sale
// whose id is the reference, confirmed (offline false): all lines or none.
[[nodiscard]] Result<ApiWrite> orderRequest(const QJsonObject& body, const QDateTime& now);
// POST /api/v1/returns {reference, order, location, lines[{line, sku, qty, amount}],
// payments?}: a refund of the order's receipt lines that puts the units back in stock.
// `staff` names who refunds on the receipt (the channel terminal).
[[nodiscard]] Result<ApiWrite> returnRequest(const QJsonObject& body, const QString& staff,
                                             const QDateTime& now);

[[nodiscard]] QJsonObject levelJson(const StockLevel& level);

} // namespace stockline::sync::webapi
