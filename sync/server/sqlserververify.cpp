#include "ids.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

// ---- verify

namespace {

struct Totals
{
    qint64 onHand = 0;
    qint64 reserved = 0;
};

QString levelName(const QString& key)
{
    const qsizetype split = key.indexOf(QChar(u'\x1f'));
    return QStringLiteral("%1 at %2").arg(key.left(split), key.mid(split + 1));
}

} // namespace

Result<VerifyReport> SqlServerStore::verify()
{
    QSqlQuery q = newQuery();
    // One read transaction: every check sees the same state.
    if (!q.exec(m_config.dialect.beginRead))
        return storageError(q, QStringLiteral("begin a read"));
    const Result<VerifyReport> checked = verifyChecks();
    q.exec(QStringLiteral("COMMIT"));
    return checked;
}

Result<VerifyReport> SqlServerStore::verifyChecks()
{
    VerifyReport report;
    const Result<qint64> cursor = currentCursor();
    if (!cursor)
        return cursor.error();
    QSqlQuery q = newQuery();

    // Invariant 1 and the cursors.
    QHash<QString, StockLevel> levelsByKey;
    if (!q.exec(QStringLiteral("SELECT sku, location, on_hand, reserved, version, cursor "
                               "FROM levels ORDER BY sku, location")))
        return storageError(q, QStringLiteral("read levels"));
    QStringList order;
    while (q.next()) {
        const StockLevel level = sqlrows::level(q);
        const QString key = levelKey(level.sku, level.location);
        levelsByKey.insert(key, level);
        order.append(key);
        ++report.levelsChecked;
        if (level.reserved < 0 || level.reserved > level.onHand)
            report.problems.append(QStringLiteral("level %1: reserved %2 is not between 0 and "
                                                  "on hand %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(level.onHand));
        if (q.value(5).toLongLong() > *cursor)
            report.problems.append(QStringLiteral("level %1: its cursor %2 is ahead of the "
                                                  "store's cursor %3")
                                       .arg(levelName(key))
                                       .arg(q.value(5).toLongLong())
                                       .arg(*cursor));
    }

    // Invariant 4: the ledger replayed from zero gives the levels.
    QHash<QString, Totals> ledger;
    if (!q.exec(QStringLiteral("SELECT sku, location, SUM(on_hand_delta), SUM(reserved_delta), "
                               "COUNT(*) FROM ledger GROUP BY sku, location")))
        return storageError(q, QStringLiteral("sum the ledger"));
    while (q.next()) {
        const QString key = levelKey(q.value(0).toString(), q.value(1).toString());
        ledger.insert(key, Totals{q.value(2).toLongLong(), q.value(3).toLongLong()});
        report.ledgerEvents += q.value(4).toLongLong();
        if (!levelsByKey.contains(key) &&
            (q.value(2).toLongLong() != 0 || q.value(3).toLongLong() != 0))
            report.problems.append(QStringLiteral("level %1: missing, but the ledger adds up to "
                                                  "on hand %2, reserved %3")
                                       .arg(levelName(key))
                                       .arg(q.value(2).toLongLong())
                                       .arg(q.value(3).toLongLong()));
    }

    // Reserved units are exactly what the reservation rows hold (expired ones hold until the
    // sweep releases them in the same transaction that decides anything).
    QHash<QString, qint64> held;
    if (!q.exec(QStringLiteral("SELECT sku, location, SUM(qty), MIN(qty) FROM reservations "
                               "GROUP BY sku, location")))
        return storageError(q, QStringLiteral("sum the reservations"));
    while (q.next()) {
        const QString key = levelKey(q.value(0).toString(), q.value(1).toString());
        held.insert(key, q.value(2).toLongLong());
        if (q.value(3).toLongLong() <= 0)
            report.problems.append(
                QStringLiteral("reservations of %1: one holds no units").arg(levelName(key)));
        if (!levelsByKey.contains(key))
            report.problems.append(QStringLiteral("reservations of %1 hold %2 units of a level "
                                                  "that does not exist")
                                       .arg(levelName(key))
                                       .arg(q.value(2).toLongLong()));
    }

    for (const QString& key : std::as_const(order)) {
        const StockLevel& level = levelsByKey[key];
        const Totals sum = ledger.value(key);
        if (sum.onHand != level.onHand)
            report.problems.append(QStringLiteral("level %1: on hand %2, but the ledger adds up "
                                                  "to %3")
                                       .arg(levelName(key))
                                       .arg(level.onHand)
                                       .arg(sum.onHand));
        if (sum.reserved != level.reserved)
            report.problems.append(QStringLiteral("level %1: reserved %2, but the ledger adds "
                                                  "up to %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(sum.reserved));
        if (held.value(key) != level.reserved)
            report.problems.append(QStringLiteral("level %1: reserved %2, but its reservations "
                                                  "hold %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(held.value(key)));
    }

    // Invariant 2: every processed seq has exactly one result, 1..last_seq without gaps.
    QHash<QString, qint64> lastSeq;
    if (!q.exec(QStringLiteral("SELECT id, last_seq FROM terminals ORDER BY id")))
        return storageError(q, QStringLiteral("read terminals"));
    QStringList terminals;
    while (q.next()) {
        lastSeq.insert(q.value(0).toString(), q.value(1).toLongLong());
        terminals.append(q.value(0).toString());
    }
    struct Seqs
    {
        qint64 count = 0, min = 0, max = 0;
    };
    QHash<QString, Seqs> results;
    if (!q.exec(QStringLiteral("SELECT terminal, COUNT(*), MIN(seq), MAX(seq) FROM results "
                               "GROUP BY terminal")))
        return storageError(q, QStringLiteral("count results"));
    while (q.next()) {
        const QString terminal = q.value(0).toString();
        results.insert(terminal, Seqs{q.value(1).toLongLong(), q.value(2).toLongLong(),
                                      q.value(3).toLongLong()});
        if (!lastSeq.contains(terminal))
            report.problems.append(
                QStringLiteral("results of terminal %1, which is not enrolled").arg(terminal));
    }
    for (const QString& terminal : std::as_const(terminals)) {
        const qint64 last = lastSeq.value(terminal);
        const Seqs seqs = results.value(terminal);
        const bool contiguous =
            last == 0 ? seqs.count == 0 : seqs.count == last && seqs.min == 1 && seqs.max == last;
        if (!contiguous)
            report.problems.append(QStringLiteral("terminal %1: last seq %2, but it has %3 "
                                                  "results from seq %4 to %5")
                                       .arg(terminal)
                                       .arg(last)
                                       .arg(seqs.count)
                                       .arg(seqs.min)
                                       .arg(seqs.max));
    }

    if (auto s = verifyReceipts(report); !s)
        return s.error();
    report.ok = report.problems.isEmpty();
    return report;
}

} // namespace stockline::sync
