#include "dockjournal.h"

#include "ids.h"
#include "isotime.h"
#include "localstore.h"
#include "outbox.h"

#include <QJsonDocument>
#include <QMap>

namespace stockline {

namespace {

QString idOf(const Mutation& mutation)
{
    if (const auto* receive = std::get_if<ReceiveMutation>(&mutation.body))
        return receive->receipt;
    if (const auto* transfer = std::get_if<TransferMutation>(&mutation.body))
        return transfer->transfer;
    return {};
}

} // namespace

DockJournal::DockJournal(const LocalStore& store, Outbox& outbox, QString terminal)
    : m_store(store), m_outbox(outbox), m_terminal(std::move(terminal))
{
}

Result<QString> DockJournal::nextId(Transaction& tx, QLatin1String counter, QStringView tag) const
{
    const Result<qint64> number = m_store.nextCounter(tx, counter);
    if (!number)
        return number.error();
    const QString id =
        m_terminal + tag.toString() + QStringLiteral("%1").arg(*number, 6, 10, QLatin1Char('0'));
    if (!isValidId(id))
        return Error{QStringLiteral("terminal"),
                     QStringLiteral("'%1' is not a valid ID: the terminal id is too long").arg(id)};
    return id;
}

Status DockJournal::name(Transaction& tx, MutationBody& body) const
{
    if (auto* receive = std::get_if<ReceiveMutation>(&body);
        receive && receive->receipt.isEmpty()) {
        Result<QString> id = nextId(tx, receiptCounter, u"-G");
        if (!id)
            return id.error();
        receive->receipt = *id;
    } else if (auto* transfer = std::get_if<TransferMutation>(&body);
               transfer && transfer->transfer.isEmpty()) {
        Result<QString> id = nextId(tx, transferCounter, u"-T");
        if (!id)
            return id.error();
        transfer->transfer = *id;
    }
    return success();
}

Result<DockRecord> DockJournal::record(MutationBody body, const QString& staff, const QString& note)
{
    if (std::holds_alternative<ReserveMutation>(body) ||
        std::holds_alternative<ReleaseMutation>(body) ||
        std::holds_alternative<SaleMutation>(body) || std::holds_alternative<ReturnMutation>(body))
        return Error{QStringLiteral("kind"),
                     QStringLiteral("a dock books receipts, counts, transfers and adjustments")};
    if (staff.trimmed().isEmpty())
        return Error{QStringLiteral("staff"), QStringLiteral("sign in first")};
    if (note.size() > maxTextLength)
        return Error{QStringLiteral("note"),
                     QStringLiteral("is longer than %1 characters").arg(maxTextLength)};
    Transaction tx(m_store);
    if (const Status named = name(tx, body); !named)
        return named.error();
    Mutation mutation;
    mutation.body = std::move(body);
    Result<Mutation> queued = m_outbox.append(tx, std::move(mutation));
    if (!queued)
        return queued.error();
    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO dock_work (at, kind, staff, note, body, outbox_seq)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(isoUtc(queued->at)), QVariant(kindName(queued->kind())), QVariant(staff),
          QVariant(note.isNull() ? QStringLiteral("") : note),
          QVariant(QString::fromUtf8(queued->toJsonBytes())), QVariant(queued->seq)})
        insert.addBindValue(value);
    if (!insert.exec())
        return LocalStore::sqlError(insert, QStringLiteral("record the dock's work"));
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return DockRecord{queued->seq, idOf(*queued), *queued};
}

Result<QList<DockRecord>> DockJournal::unanswered() const
{
    QSqlQuery query =
        m_store.prepare(QStringLiteral("SELECT w.outbox_seq, o.payload FROM dock_work AS w"
                                       " JOIN outbox AS o ON o.seq = w.outbox_seq"
                                       " WHERE o.status = 'pending' ORDER BY w.outbox_seq"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the dock's unanswered work"));
    QList<DockRecord> records;
    while (query.next()) {
        const QJsonObject payload =
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
        Result<Mutation> mutation = Mutation::fromJson(payload);
        if (!mutation)
            return mutation.error();
        records.append(DockRecord{query.value(0).toLongLong(), idOf(*mutation), *mutation});
    }
    return records;
}

Result<std::optional<DockRecord>> DockJournal::last() const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT outbox_seq, body FROM dock_work ORDER BY outbox_seq DESC LIMIT 1"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the dock's last work"));
    if (!query.next())
        return std::optional<DockRecord>{};
    Result<Mutation> mutation =
        Mutation::fromJson(QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    if (!mutation)
        return mutation.error();
    return std::optional<DockRecord>{
        DockRecord{query.value(0).toLongLong(), idOf(*mutation), *mutation}};
}

Result<QList<CountRecord>> DockJournal::countsSince(const QString& location,
                                                    const QDateTime& since) const
{
    // Stored times are isoUtc() text, which sorts as the times do.
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT w.outbox_seq, w.body, o.status, o.result FROM dock_work AS w"
                       " JOIN outbox AS o ON o.seq = w.outbox_seq"
                       " WHERE w.kind = 'count' AND w.at >= ? ORDER BY w.outbox_seq"));
    query.addBindValue(isoUtc(since));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the dock's counts"));
    QMap<QString, CountRecord> latest; // by SKU: a later count replaces an earlier one
    while (query.next()) {
        Result<Mutation> mutation = Mutation::fromJson(
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        if (!mutation)
            return mutation.error();
        const auto* count = std::get_if<CountMutation>(&mutation->body);
        if (!count || count->location != location)
            continue;
        const QString status = query.value(2).toString();
        CountRecord record{query.value(0).toLongLong(), *count,
                           status == QLatin1String("applied")    ? OutboxEntry::Status::Applied
                           : status == QLatin1String("rejected") ? OutboxEntry::Status::Rejected
                                                                 : OutboxEntry::Status::Pending,
                           QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object()};
        latest.insert(count->sku, record);
    }
    return latest.values();
}

Result<qint64> DockJournal::count() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT count(*) FROM dock_work"));
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("count the dock's work"));
    return query.value(0).toLongLong();
}

} // namespace stockline
