// verify()'s receipt checks (sync/PROTOCOL.md, "Receipts on the server"): no sale line refunded
// beyond what was sold, what each sale line counts as refunded equals what the refund receipts
// of it took back (less what was recorded as an offline refund's exception), and every stored
// sale receipt's quantities per SKU equal what its ledger rows took (stock taken plus the shortage
// recorded for an offline sale). A receipt number is never stored twice by construction: it is the
// primary key.

#include "reportschema.h"
#include "sqlserverstore_p.h"

#include <QJsonDocument>

namespace stockline::sync {

using namespace sqlstore;

// Each sale line's refunded quantity and amount against the refund receipts that name it.
// Refunds stored before their sale arrived are counted once the sale is there (they were
// booked against it then); a refund of a sale never stored has no line to check.
Status SqlServerStore::verifyRefundedLines(QSqlQuery& q, VerifyReport& report)
{
    if (!q.exec(QStringLiteral(
            "WITH refunds AS (SELECT r.sale, l.sale_line AS line, SUM(l.qty) AS qty,"
            "  SUM(l.total) AS amount FROM receipts r JOIN receipt_lines l ON l.receipt = r.number"
            "  WHERE r.kind = 'refund' AND r.sale <> '' GROUP BY r.sale, l.sale_line),"
            " beyond AS (SELECT sale, line, SUM(qty) AS qty, SUM(amount) AS amount"
            "  FROM refund_exceptions GROUP BY sale, line),"
            " expected AS (SELECT s.receipt, s.line, s.refunded_qty, s.refunded_amount,"
            "  COALESCE(f.qty, 0) - COALESCE(b.qty, 0) AS qty,"
            "  COALESCE(f.amount, 0) - COALESCE(b.amount, 0) AS amount"
            "  FROM receipt_lines s JOIN receipts sr ON sr.number = s.receipt AND sr.kind = 'sale'"
            "  LEFT JOIN refunds f ON f.sale = s.receipt AND f.line = s.line"
            "  LEFT JOIN beyond b ON b.sale = s.receipt AND b.line = s.line)"
            " SELECT receipt, line, refunded_qty, qty, refunded_amount, amount FROM expected"
            " WHERE refunded_qty <> qty OR refunded_amount <> amount")))
        return storageError(q, QStringLiteral("check refunds against their sale lines"));
    while (q.next())
        report.problems.append(
            QStringLiteral("receipt %1 line %2: %3 refunded (amount %4), but its refund "
                           "receipts add up to %5 (amount %6)")
                .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(4).toString(), q.value(3).toString(), q.value(5).toString()));
    return success();
}

// Each report rollup against the same sums made from the receipts now (reportschema.h): a row
// in one and not the other, or with other sums, is a problem naming the rollup and its key.
Status SqlServerStore::verifyRollups(QSqlQuery& q, VerifyReport& report)
{
    for (const RollupTable& t : reportRollups(m_config.dialect)) {
        const QString stored = QStringLiteral("SELECT %1, %2 FROM %3").arg(t.keys, t.sums, t.name);
        // Rows of one that the other lacks, both ways; the CTE names the select's columns.
        const QString text =
            QStringLiteral("WITH a(%1, %2) AS (%3), b AS (%4) SELECT %1 FROM (SELECT * FROM a "
                           "EXCEPT SELECT * FROM b) x UNION ALL SELECT %1 FROM (SELECT * FROM b "
                           "EXCEPT SELECT * FROM a) y")
                .arg(t.keys, t.sums, t.select, stored);
        if (!q.exec(text))
            return storageError(q, QStringLiteral("check the rollup %1").arg(t.name));
        while (q.next()) {
            QStringList key;
            for (int i = 0; i < t.keys.count(u',') + 1; ++i)
                key << q.value(i).toString();
            report.problems.append(QStringLiteral("%1 %2: does not equal the receipts' sums")
                                       .arg(t.name, key.join(u'/')));
        }
    }
    return success();
}

Status SqlServerStore::verifyReceipts(VerifyReport& report)
{
    QSqlQuery q = newQuery();
    if (auto s = verifyRollups(q, report); !s)
        return s;
    if (!q.exec(QStringLiteral("SELECT receipt, line, qty, refunded_qty, total, refunded_amount "
                               "FROM receipt_lines WHERE refunded_qty > qty OR refunded_qty < 0 "
                               "OR refunded_amount > total OR refunded_amount < 0")))
        return storageError(q, QStringLiteral("check refunded receipt lines"));
    while (q.next())
        report.problems.append(
            QStringLiteral("receipt %1 line %2: refunded %3 of %4 (amount %5 of %6)")
                .arg(q.value(0).toString(), q.value(1).toString(), q.value(3).toString(),
                     q.value(2).toString(), q.value(5).toString(), q.value(4).toString()));
    if (auto s = verifyRefundedLines(q, report); !s)
        return s;

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
