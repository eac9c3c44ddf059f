// verify()'s receipt checks (sync/PROTOCOL.md, "Receipts on the server"): no sale line refunded
// beyond what was sold, and every stored sale receipt's quantities per SKU equal what its
// ledger rows took (stock taken plus the shortage recorded for an offline sale). A receipt
// number is never stored twice by construction: it is the primary key.

#include "sqlserverstore_p.h"

#include <QJsonDocument>

namespace stockline::sync {

using namespace sqlstore;

Status SqlServerStore::verifyReceipts(VerifyReport& report)
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT receipt, line, qty, refunded_qty, total, refunded_amount "
                               "FROM receipt_lines WHERE refunded_qty > qty OR refunded_qty < 0 "
                               "OR refunded_amount > total OR refunded_amount < 0")))
        return storageError(q, QStringLiteral("check refunded receipt lines"));
    while (q.next())
        report.problems.append(
            QStringLiteral("receipt %1 line %2: refunded %3 of %4 (amount %5 of %6)")
                .arg(q.value(0).toString(), q.value(1).toString(), q.value(3).toString(),
                     q.value(2).toString(), q.value(5).toString(), q.value(4).toString()));

    // What each stored sale receipt says it sold, per SKU.
    QHash<std::pair<QString, QString>, qint64> sold;
    if (!q.exec(QStringLiteral("SELECT l.receipt, l.sku, SUM(l.qty) FROM receipt_lines l "
                               "JOIN receipts r ON r.number = l.receipt WHERE r.kind = 'sale' "
                               "GROUP BY l.receipt, l.sku")))
        return storageError(q, QStringLiteral("sum sale receipts"));
    while (q.next())
        sold.insert({q.value(0).toString(), q.value(1).toString()}, q.value(2).toLongLong());
    if (sold.isEmpty())
        return success();
    // What the ledger's sale rows took for those sales.
    QHash<std::pair<QString, QString>, qint64> taken;
    if (!q.exec(
            QStringLiteral("SELECT sku, on_hand_delta, detail FROM ledger WHERE kind = 'sale'")))
        return storageError(q, QStringLiteral("read the ledger's sales"));
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        const std::pair<QString, QString> key{detail.value(QLatin1StringView("sale")).toString(),
                                              q.value(0).toString()};
        if (!sold.contains(key))
            continue; // a sale from before receipts were kept, or one rejected
        taken[key] +=
            -q.value(1).toLongLong() + detail.value(QLatin1StringView("shortage")).toInteger();
    }
    for (auto it = sold.cbegin(); it != sold.cend(); ++it) {
        const qint64 booked = taken.value(it.key());
        if (booked != it.value())
            report.problems.append(
                QStringLiteral("receipt %1: sold %2 of %3, but the ledger took %4")
                    .arg(it.key().first, QString::number(it.value()), it.key().second,
                         QString::number(booked)));
    }
    return success();
}

} // namespace stockline::sync
