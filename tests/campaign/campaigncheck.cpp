// The checks after each round, from outside every process: the server's database through a
// connection of the campaign's own and `stockline-server verify`, each terminal's store file
// once its worker has stopped, and the history of answers the workers reported while running.

#include "campaign.h"
#include "localstore.h"
#include "outbox.h"
#include "stockreplica.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace stockline;
using namespace stockline::sync;

namespace campaign {

namespace {

const QString checkConnection = QStringLiteral("campaign-check");

qint64 percentile(QList<qint64> values, int p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p % of them at or below it.
    const auto rank = (values.size() * p + 99) / 100;
    return values[std::max<qsizetype>(0, rank - 1)];
}

// A connection of the campaign's own, as the servers open theirs (a multi-host URL too).
QSqlDatabase openCheck(const QString& url)
{
    QSqlDatabase db = SqlStoreConfig::fromUrl(url).value().addConnection(checkConnection);
    if (!db.open())
        qWarning().noquote() << "campaign: cannot open" << url << db.lastError().text();
    return db;
}

} // namespace

QByteArray Campaign::normalised(const QByteArray& result)
{
    QJsonObject o = QJsonDocument::fromJson(result).object();
    o.remove(QStringLiteral("replay"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void Campaign::violate(const QString& invariant, const QString& detail)
{
    const QString text = invariant + QStringLiteral(": ") + detail;
    m_out << "VIOLATION " << text << Qt::endl;
    m_violations.append(text);
}

QJsonArray Campaign::serverLevels()
{
    QJsonArray out;
    const Result<QList<StockLevel>> levels = m_check->levels();
    if (!levels) {
        violate(QStringLiteral("the server's levels can be read"), levels.error().toString());
        return out;
    }
    for (const StockLevel& l : *levels)
        out.append(QJsonObject{{QStringLiteral("sku"), l.sku},
                               {QStringLiteral("location"), l.location},
                               {QStringLiteral("onHand"), l.onHand},
                               {QStringLiteral("reserved"), l.reserved},
                               {QStringLiteral("version"), l.version}});
    return out;
}

// Invariants 1, 2 and 4 on the server: levels within bounds, the ledger replays to them
// (`verify`, the server's own command, as a separate process), nothing applied twice.
bool Campaign::checkServer(int round)
{
    const qsizetype before = m_violations.size();
    for (const QJsonValue v : serverLevels()) {
        const QJsonObject l = v.toObject();
        const qint64 onHand = l.value(QLatin1String("onHand")).toInteger();
        const qint64 reserved = l.value(QLatin1String("reserved")).toInteger();
        if (onHand < 0 || reserved < 0 || reserved > onHand)
            violate(QStringLiteral("0 <= reserved <= onHand"),
                    QStringLiteral("%1@%2: on hand %3, reserved %4")
                        .arg(l.value(QLatin1String("sku")).toString(),
                             l.value(QLatin1String("location")).toString())
                        .arg(onHand)
                        .arg(reserved));
    }
    const ServerProcess::Run verify = m_nodes.front()->admin({QStringLiteral("verify")});
    if (verify.exitCode != 0)
        violate(QStringLiteral("the ledger replays to the levels (verify)"),
                QString::fromUtf8(verify.out + verify.err).trimmed());
    {
        QSqlDatabase db = openCheck(m_database->url());
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT terminal, mutation_id, COUNT(*) FROM results "
                              "GROUP BY terminal, mutation_id HAVING COUNT(*) > 1"));
        while (q.next())
            violate(QStringLiteral("each mutation is applied at most once"),
                    QStringLiteral("%1's %2 has %3 results")
                        .arg(q.value(0).toString(), q.value(1).toString())
                        .arg(q.value(2).toLongLong()));
        q.exec(QStringLiteral("SELECT mutation_id FROM ledger WHERE mutation_id <> '' "
                              "GROUP BY mutation_id HAVING COUNT(DISTINCT seq) > 1"));
        while (q.next())
            violate(QStringLiteral("each mutation is applied at most once"),
                    QStringLiteral("the ledger books %1 under several seqs")
                        .arg(q.value(0).toString()));
        db.close();
    }
    QSqlDatabase::removeDatabase(checkConnection);
    Q_UNUSED(round)
    return m_violations.size() == before;
}

bool Campaign::checkTerminals(int round)
{
    // Every result the server holds, by terminal and seq.
    QHash<QString, QHash<qint64, QString>> ids;
    QHash<QString, QHash<qint64, QByteArray>> results;
    {
        QSqlDatabase db = openCheck(m_database->url());
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT terminal, seq, mutation_id, result FROM results"));
        while (q.next()) {
            const QString terminal = q.value(0).toString();
            const qint64 seq = q.value(1).toLongLong();
            ids[terminal].insert(seq, q.value(2).toString());
            results[terminal].insert(seq, normalised(q.value(3).toString().toUtf8()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(checkConnection);
    const qsizetype before = m_violations.size();
    m_checked = 0; // every entry of every outbox, counted again each round
    for (const Terminal& t : m_terminals)
        if (!checkTerminal(t, ids.value(t.id), results.value(t.id)))
            break;
    Q_UNUSED(round)
    return m_violations.size() == before;
}

// One terminal's store against the server and the history: every mutation it made is in its
// outbox once, answered, with the first answer it ever reported and the result the server
// holds for that seq; the server holds nothing else for it; every sale and refund it recorded
// is a receipt on the server; its replica equals the server's levels.
bool Campaign::checkTerminal(const Terminal& t, const QHash<qint64, QString>& idsBySeq,
                             const QHash<qint64, QByteArray>& serverResults)
{
    const qsizetype before = m_violations.size();
    Result<std::unique_ptr<LocalStore>> opened = LocalStore::open(t.path);
    if (!opened) {
        violate(QStringLiteral("a terminal's store reopens"), opened.error().toString());
        return false;
    }
    const LocalStore& store = *opened.value();
    Outbox outbox(store);
    const Result<qint64> last = outbox.lastSeq();
    QSet<QString> held;
    for (qint64 seq = 1; last && seq <= *last; ++seq) {
        const Result<OutboxEntry> entry = outbox.entry(seq);
        if (!entry)
            continue;
        ++m_checked;
        held.insert(entry->id);
        const QString key = t.id + u'/' + entry->id;
        if (entry->status == OutboxEntry::Status::Pending) {
            violate(QStringLiteral("every mutation gets its result after healing"),
                    QStringLiteral("%1 seq %2 is unanswered").arg(key).arg(seq));
            continue;
        }
        const QByteArray mine = normalised(QJsonDocument(entry->result).toJson());
        if (idsBySeq.value(seq) != entry->id || serverResults.value(seq) != mine)
            violate(QStringLiteral("an acknowledged mutation is applied exactly once"),
                    QStringLiteral("%1 (seq %2) was answered %3; the server holds %4 for seq "
                                   "%2: %5")
                        .arg(key)
                        .arg(seq)
                        .arg(QString::fromUtf8(mine),
                             idsBySeq.value(seq, QStringLiteral("nothing")),
                             QString::fromUtf8(serverResults.value(seq))));
        const auto first = m_answers.constFind(key);
        if (first != m_answers.cend() && (first->seq != seq || first->result != mine))
            violate(QStringLiteral("a result never changes"),
                    QStringLiteral("%1 first answered %2 (seq %3), now %4 (seq %5)")
                        .arg(key, QString::fromUtf8(first->result))
                        .arg(first->seq)
                        .arg(QString::fromUtf8(mine))
                        .arg(seq));
    }
    for (auto it = idsBySeq.cbegin(); it != idsBySeq.cend(); ++it)
        if (!held.contains(it.value()))
            violate(QStringLiteral("the server applies only what a terminal sent"),
                    QStringLiteral("%1 seq %2: %3 is not in its outbox")
                        .arg(t.id)
                        .arg(it.key())
                        .arg(it.value()));
    for (const QString& id : m_made.value(t.id))
        if (!held.contains(id))
            violate(QStringLiteral("a local change commits with its outbox entry"),
                    QStringLiteral("%1 made %2, its outbox lost it").arg(t.id, id));

    QSqlQuery q(store.database());
    QHash<QString, qint64> sales;
    q.exec(QStringLiteral("SELECT receipt, total FROM sales"));
    while (q.next())
        sales.insert(q.value(0).toString(), q.value(1).toLongLong());
    for (const QString& receipt : m_sold.value(t.id))
        if (!sales.contains(receipt))
            violate(QStringLiteral("a sale is never lost"),
                    QStringLiteral("%1 recorded %2, its journal lost it").arg(t.id, receipt));
    QHash<QString, QStringList> refundsOf;
    q.exec(QStringLiteral("SELECT refund, sale FROM refunds"));
    while (q.next())
        refundsOf[q.value(1).toString()].append(q.value(0).toString());
    for (auto it = sales.cbegin(); it != sales.cend(); ++it) {
        const Result<std::optional<StoredReceipt>> stored = m_check->receipt(it.key());
        if (!stored || !stored->has_value() || (*stored)->total.minor() != it.value()) {
            violate(QStringLiteral("a sale is never lost"),
                    QStringLiteral("%1's receipt %2 (total %3) is not on the server as recorded")
                        .arg(t.id, it.key())
                        .arg(it.value()));
            continue;
        }
        for (const QString& refund : refundsOf.value(it.key()))
            if (std::none_of((*stored)->refunds.cbegin(), (*stored)->refunds.cend(),
                             [&](const StoredRefund& r) { return r.number == refund; }))
                violate(QStringLiteral("a refund is never lost"),
                        QStringLiteral("%1's refund %2 of %3 is not on the server")
                            .arg(t.id, refund, it.key()));
    }

    StockReplica replica(store);
    for (const QJsonValue v : serverLevels()) {
        const QJsonObject l = v.toObject();
        const Result<std::optional<StockLevel>> mine =
            replica.level(l.value(QLatin1String("sku")).toString(),
                          l.value(QLatin1String("location")).toString());
        if (!mine || !mine->has_value() ||
            (*mine)->onHand != l.value(QLatin1String("onHand")).toInteger() ||
            (*mine)->reserved != l.value(QLatin1String("reserved")).toInteger() ||
            (*mine)->version != l.value(QLatin1String("version")).toInteger())
            violate(QStringLiteral("every replica equals the server's levels"),
                    QStringLiteral("%1 (node %2) holds %3@%4 = %5, the server %6/%7 v%8")
                        .arg(t.id)
                        .arg(t.node)
                        .arg(l.value(QLatin1String("sku")).toString(),
                             l.value(QLatin1String("location")).toString(),
                             mine && mine->has_value() ? QStringLiteral("%1/%2 v%3")
                                                             .arg((*mine)->onHand)
                                                             .arg((*mine)->reserved)
                                                             .arg((*mine)->version)
                                                       : QStringLiteral("nothing"))
                        .arg(l.value(QLatin1String("onHand")).toInteger())
                        .arg(l.value(QLatin1String("reserved")).toInteger())
                        .arg(l.value(QLatin1String("version")).toInteger()));
    }
    return m_violations.size() == before;
}

void Campaign::report()
{
    m_out << "\nfaults injected (and survived: the checks after each round passed):" << Qt::endl;
    for (auto it = m_injected.cbegin(); it != m_injected.cend(); ++it)
        m_out << "  " << it.key() << ": " << it.value() << Qt::endl;
    m_out << "mutations checked against the server: " << m_checked << " (" << m_answers.size()
          << " distinct answers in the history, " << m_answerLines << " reports)" << Qt::endl;
    m_out << "healed to converged: p50 " << percentile(m_convergeMs, 50) << " ms, p99 "
          << percentile(m_convergeMs, 99) << " ms (n=" << m_convergeMs.size() << ")" << Qt::endl;
    if (!m_failoverMs.isEmpty())
        m_out << "failover, primary killed to first new answer: p50 "
              << percentile(m_failoverMs, 50) << " ms, p99 " << percentile(m_failoverMs, 99)
              << " ms, max " << percentile(m_failoverMs, 100) << " ms (n=" << m_failoverMs.size()
              << ")" << Qt::endl;
    if (m_disks) {
        m_out << "sales a full disk refused (the clerk sees it, nothing is recorded): "
              << m_refusedByFullDisk << Qt::endl;
        if (m_injected.value(kindName(FaultKind::DiskFull)) > 0 && m_refusedByFullDisk == 0)
            violate(QStringLiteral("the campaign's own disks"),
                    QStringLiteral("disks were filled and no till ever found one full"));
    }
    m_out << "wall time " << m_clock.elapsed() / 1000 << " s" << Qt::endl;
    if (m_violations.isEmpty()) {
        m_out << "0 violations" << Qt::endl;
        return;
    }
    m_out << "\n"
          << m_violations.size() << " violation(s); the first: " << m_violations.first()
          << "\nseed " << m_config.seed << "; the fault schedule:" << Qt::endl;
    for (const Fault& f : std::as_const(m_schedule))
        m_out << "  round " << f.round + 1 << " at " << f.atMs << " ms: " << kindName(f.kind)
              << " #" << f.target << " (" << f.value << ")" << Qt::endl;
    m_dir.setAutoRemove(false);
    m_out << "kept for a look: " << m_dir.path() << " (terminal stores, node-N.log)" << Qt::endl;
    m_out << "replay: " << m_config.self << ' ' << m_config.arguments.join(u' ') << Qt::endl;
    m_out << "(the schedule replays exactly; the processes' own timing does not)" << Qt::endl;
}

} // namespace campaign
