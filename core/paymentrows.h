#pragma once

#include "error.h"
#include "mutation.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace stockline {

class LocalStore;

// What a sale took and a refund paid back are stored alike: one row per payment, numbered
// from 1, under the receipt or refund number.
enum class PaymentTable { Sale, Refund };

[[nodiscard]] Status insertPaymentRows(const LocalStore& store, PaymentTable table,
                                       const QString& owner, const QList<Payment>& payments);

// Qt binds a null QString as SQL NULL; NOT NULL DEFAULT '' text columns want ''.
[[nodiscard]] inline QVariant textValue(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace stockline
