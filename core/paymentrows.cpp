#include "paymentrows.h"

#include "localstore.h"

namespace stockline {

Status insertPaymentRows(const LocalStore& store, PaymentTable table, const QString& owner,
                         const QList<Payment>& payments)
{
    // The table and its key column are constants of ours, never data.
    const bool sale = table == PaymentTable::Sale;
    QSqlQuery query = store.prepare(
        sale ? QStringLiteral("INSERT INTO sale_payments (receipt, idx, method, amount, reference)"
                              " VALUES (?, ?, ?, ?, ?)")
             : QStringLiteral("INSERT INTO refund_payments (refund, idx, method, amount, reference)"
                              " VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < payments.size(); ++i) {
        const Payment& payment = payments.at(i);
        for (const QVariant& value :
             {QVariant(owner), QVariant(static_cast<qint64>(i + 1)), QVariant(payment.method),
              QVariant(payment.amount.minor()), textValue(payment.reference)})
            query.addBindValue(value);
        if (!query.exec())
            return LocalStore::sqlError(query, sale ? QStringLiteral("record a payment")
                                                    : QStringLiteral("record a refund payment"));
    }
    return success();
}

} // namespace stockline
