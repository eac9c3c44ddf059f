#pragma once

// Private to SqlServerStore: what every part of it (opening, administration, reads, the writer,
// the batch's rows) uses to run a statement and to report a failed one.

#include "error.h"
#include "product.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>

namespace stockline::sync::sqlstore {

// Binds one value to a positional placeholder.
void bind(QSqlQuery& query, int index, const QVariant& value);
// The statement's failure as an Error: StorageBusy for a deadlock (40P01) or a serialization
// failure (40001), where the transaction was rolled back and may simply be run again; else
// Storage.
[[nodiscard]] Error storageError(const QSqlQuery& query, const QString& what);
// Binds `values` to the statement's positional placeholders in order and runs it.
[[nodiscard]] Status run(QSqlQuery& query, std::initializer_list<QVariant> values,
                         const QString& what);
[[nodiscard]] QString detailJson(const QJsonObject& object);
[[nodiscard]] QString levelKey(const QString& sku, const QString& location);
[[nodiscard]] StockLevel emptyLevel(const QString& sku, const QString& location);
[[nodiscard]] QDateTime fromMs(qint64 ms);

// Terminal tokens and pairing codes are stored only as this hash.
[[nodiscard]] QByteArray tokenHash(const QString& token);
// Takes as long for every pair of the same length, so the time does not tell how much of a
// guessed token's hash was right.
[[nodiscard]] bool constantTimeEqual(const QByteArray& a, const QByteArray& b);
// A new terminal token: 256 random bits, base64url.
[[nodiscard]] QString newToken();

} // namespace stockline::sync::sqlstore
