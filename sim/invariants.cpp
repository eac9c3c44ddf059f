#include "world.h"

namespace stockline::sim {

// ---- checks

QList<StockLevel> World::serverLevels()
{
    const Result<QList<StockLevel>> levels = m_check->levels();
    if (!levels)
        violate(QStringLiteral("the server's levels can be read"), levels.error().toString());
    return levels.value();
}

// Invariant 1, at every step.
void World::checkLevels(const char* when)
{
    for (const StockLevel& l : serverLevels())
        if (l.onHand < 0 || l.reserved < 0 || l.reserved > l.onHand)
            violate(QStringLiteral("0 <= reserved <= onHand"),
                    QStringLiteral("%1 at %2: on hand %3, reserved %4, %5")
                        .arg(l.sku, l.location)
                        .arg(l.onHand)
                        .arg(l.reserved)
                        .arg(QLatin1String(when)));
}

// What the database holds: the ledger replays to the levels (the server's own verify), no
// mutation applied twice, no reservation resolved twice.
void World::checkStore(const char* when)
{
    checkLevels(when);
    const Result<VerifyReport> report = m_check->verify();
    if (!report)
        violate(QStringLiteral("ledger replay equals levels"), report.error().toString());
    if (!report->ok)
        violate(QStringLiteral("ledger replay equals levels"),
                report->problems.join(QStringLiteral("; ")) + QStringLiteral(", ") +
                    QLatin1String(when));

    QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
    q.exec(QStringLiteral("SELECT terminal, mutation_id, COUNT(*), GROUP_CONCAT(seq) FROM results "
                          "GROUP BY terminal, mutation_id HAVING COUNT(*) > 1"));
    if (q.next())
        violate(QStringLiteral("each mutation is applied at most once"),
                QStringLiteral("%1's mutation %2 was taken as seqs %3, %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(3).toString(),
                         QLatin1String(when)));
    q.exec(QStringLiteral("SELECT mutation_id, COUNT(DISTINCT terminal || '#' || seq) FROM ledger "
                          "WHERE mutation_id <> '' GROUP BY mutation_id "
                          "HAVING COUNT(DISTINCT terminal || '#' || seq) > 1"));
    if (q.next())
        violate(QStringLiteral("each mutation is applied at most once"),
                QStringLiteral("the ledger books mutation %1 under %2 seqs, %3")
                    .arg(q.value(0).toString())
                    .arg(q.value(1).toLongLong())
                    .arg(QLatin1String(when)));

    checkMoney(when);

    // A reservation is made, then resolved (released, sold, expired) at most once.
    q.exec(QStringLiteral("SELECT id, terminal, kind, reserved_delta, detail FROM ledger "
                          "WHERE detail LIKE '%\"reservation\"%' ORDER BY id"));
    QHash<QString, bool> live;
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        const QString key =
            q.value(1).toString() + u'/' + detail.value(QLatin1String("reservation")).toString();
        const QString kind = q.value(2).toString();
        if (kind == QLatin1String("reserve")) {
            if (live.value(key))
                violate(QStringLiteral("a reservation is resolved at most once"),
                        QStringLiteral("%1 held again while live (ledger row %2), %3")
                            .arg(key)
                            .arg(q.value(0).toLongLong())
                            .arg(QLatin1String(when)));
            live[key] = true;
        } else {
            if (!live.value(key))
                violate(QStringLiteral("a reservation is resolved at most once"),
                        QStringLiteral("%1 resolved again by %2 (ledger row %3), %4")
                            .arg(key, kind)
                            .arg(q.value(0).toLongLong())
                            .arg(QLatin1String(when)));
            live[key] = false;
        }
    }
}

bool World::quiescent() const
{
    if (m_inFlight > 0 || !m_serverUp || m_stepScheduled)
        return false;
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t) {
        const Terminal& term = m_terminals[t];
        if (!term.alive || !transportOpen(t) || !term.client->isConnected() ||
            term.client->pendingCount() > 0)
            return false;
    }
    return true;
}

void World::checkConvergence()
{
    const QList<StockLevel> server = serverLevels();
    QStringList levelsText;
    for (const StockLevel& l : server)
        levelsText.append(QStringLiteral("%1@%2=%3/%4v%5")
                              .arg(l.sku, l.location)
                              .arg(l.onHand)
                              .arg(l.reserved)
                              .arg(l.version));
    trace(QStringLiteral("quiet: server levels %1").arg(levelsText.join(u' ')));
    QHash<QString, StockLevel> byKey;
    QStringList skus;
    for (const StockLevel& l : server) {
        byKey.insert(l.sku + u'@' + l.location, l);
        if (!skus.contains(l.sku))
            skus.append(l.sku);
    }
    for (const Terminal& t : m_terminals) {
        StockReplica replica(*t.store);
        qsizetype seen = 0;
        for (const QString& sku : std::as_const(skus)) {
            const Result<QList<StockLevel>> mine = replica.levelsOf(sku);
            if (!mine)
                violate(QStringLiteral("convergence"), mine.error().toString());
            for (const StockLevel& l : mine.value()) {
                ++seen;
                const StockLevel theirs = byKey.value(l.sku + u'@' + l.location);
                if (!(theirs == l))
                    violate(QStringLiteral("convergence"),
                            QStringLiteral("%1 holds %2@%3=%4/%5v%6, the server %7/%8v%9")
                                .arg(t.id, l.sku, l.location)
                                .arg(l.onHand)
                                .arg(l.reserved)
                                .arg(l.version)
                                .arg(theirs.onHand)
                                .arg(theirs.reserved)
                                .arg(theirs.version));
            }
        }
        const Result<QList<Shortage>> open = m_check->openShortages();
        if (!open)
            violate(QStringLiteral("convergence"), open.error().toString());
        if (t.client->shortages() != open.value())
            violate(QStringLiteral("convergence"),
                    QStringLiteral("%1 shows %2 open shortages, the server has %3")
                        .arg(t.id)
                        .arg(t.client->shortages().size())
                        .arg(open->size()));
        if (seen != server.size())
            violate(QStringLiteral("convergence"),
                    QStringLiteral("%1 holds %2 levels, the server %3")
                        .arg(t.id)
                        .arg(seen)
                        .arg(server.size()));
    }
}

// Nothing in any outbox lost; every entry answered exactly as the server first answered it;
// every sale a till recorded applied on the server (invariant 5).
void World::checkEnd()
{
    checkStore("at the end");
    checkReceiptsStored();
    checkDayReport();
    for (const Terminal& t : m_terminals) {
        for (const QString& receipt : t.receipts) {
            const Result<StoredSale> sale = t.journal->find(receipt);
            if (!sale)
                violate(QStringLiteral("a sale is never lost"),
                        QStringLiteral("%1's sale %2 is gone from its journal: %3")
                            .arg(t.id, receipt, sale.error().toString()));
            if (sale->syncStatus != OutboxEntry::Status::Applied)
                violate(QStringLiteral("a sale is never lost"),
                        QStringLiteral("%1's sale %2 (seq %3) is not applied on the server")
                            .arg(t.id, receipt)
                            .arg(sale->seq));
        }
        Outbox outbox(*t.store);
        const Result<qint64> last = outbox.lastSeq();
        if (!last)
            violate(QStringLiteral("nothing in any outbox is lost"), last.error().toString());
        QHash<QString, OutboxEntry> byId;
        for (qint64 seq = 1; seq <= *last; ++seq) {
            Result<OutboxEntry> entry = outbox.entry(seq);
            if (!entry)
                continue; // renumbered away
            if (byId.contains(entry->id))
                violate(QStringLiteral("nothing in any outbox is lost"),
                        QStringLiteral("%1 holds %2 twice").arg(t.id, entry->id));
            byId.insert(entry->id, entry.value());
        }
        if (byId.size() != t.appended.size())
            violate(QStringLiteral("nothing in any outbox is lost"),
                    QStringLiteral("%1 appended %2 entries and holds %3")
                        .arg(t.id)
                        .arg(t.appended.size())
                        .arg(byId.size()));
        for (const QString& id : t.appended) {
            const auto it = byId.constFind(id);
            if (it == byId.cend())
                violate(QStringLiteral("nothing in any outbox is lost"),
                        QStringLiteral("%1's %2 is gone from its outbox").arg(t.id, id));
            if (it->status == OutboxEntry::Status::Pending)
                violate(QStringLiteral("every seq sent gets exactly one result"),
                        QStringLiteral("%1's %2 (seq %3) is still unanswered")
                            .arg(t.id, id)
                            .arg(it->seq));
            const Result<MutationResult> recorded = MutationResult::fromJson(it->result);
            if (!recorded)
                violate(QStringLiteral("a result never changes"),
                        QStringLiteral("%1's %2 holds an unreadable result").arg(t.id, id));
            MutationResult first = recorded.value();
            first.replay = false;
            const QString key = t.id + u'/' + id;
            if (first.toJsonBytes() != m_answers.value(key) || it->seq != m_answeredSeq.value(key))
                violate(QStringLiteral("a result never changes"),
                        QStringLiteral("%1 recorded %2 for seq %3; the server answered %4 for seq "
                                       "%5")
                            .arg(key, QString::fromUtf8(first.toJsonBytes()))
                            .arg(it->seq)
                            .arg(QString::fromUtf8(m_answers.value(key)))
                            .arg(m_answeredSeq.value(key)));
        }
    }
}

} // namespace stockline::sim
