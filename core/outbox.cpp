#include "outbox.h"

#include "isotime.h"
#include "localstore.h"
#include "logging.h"
#include "uuid.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>

namespace stockline {

namespace {

const QString pendingStatus = QStringLiteral("pending");
const QString appliedStatus = QStringLiteral("applied");
const QString rejectedStatus = QStringLiteral("rejected");

// Makes append() all-or-nothing inside the caller's transaction: a failure after the counter
// moved must not leave a used seq behind for the caller to commit by mistake.
class Savepoint
{
public:
    explicit Savepoint(const LocalStore& store) : m_db(store.database())
    {
        QSqlQuery query(m_db);
        m_open = query.exec(QStringLiteral("SAVEPOINT outbox_append"));
        if (!m_open)
            m_error = LocalStore::sqlError(query, QStringLiteral("start an outbox savepoint"));
    }
    ~Savepoint()
    {
        if (!m_open)
            return;
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("ROLLBACK TO outbox_append")) ||
            !query.exec(QStringLiteral("RELEASE outbox_append")))
            qCWarning(lcCore) << "outbox savepoint rollback:" << query.lastError().text();
    }
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    [[nodiscard]] Status status() const { return m_open ? success() : Status(m_error); }
    [[nodiscard]] Status release()
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("RELEASE outbox_append")))
            return LocalStore::sqlError(query, QStringLiteral("release the outbox savepoint"));
        m_open = false;
        return success();
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
    Error m_error;
};

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString timeText(const QDateTime& at)
{
    return isoUtc(at);
}

OutboxEntry::Status statusFrom(const QString& text)
{
    if (text == appliedStatus)
        return OutboxEntry::Status::Applied;
    if (text == rejectedStatus)
        return OutboxEntry::Status::Rejected;
    return OutboxEntry::Status::Pending;
}

const QString entryColumns = QStringLiteral("seq, id, kind, payload, created_at, status, result");

OutboxEntry entryFrom(const QSqlQuery& query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.id = query.value(1).toString();
    entry.kind = query.value(2).toString();
    entry.payload = objectFrom(query.value(3).toString());
    entry.createdAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
    entry.status = statusFrom(query.value(5).toString());
    if (!query.value(6).isNull())
        entry.result = objectFrom(query.value(6).toString());
    return entry;
}

} // namespace

Outbox::Outbox(const LocalStore& store) : m_store(store), m_statements(store) {}

Result<Mutation> Outbox::append(Transaction& tx, Mutation mutation)
{
    Result<QList<Mutation>> appended = appendAll(tx, {std::move(mutation)});
    if (!appended)
        return appended.error();
    return appended->first();
}

Result<QList<Mutation>> Outbox::appendAll(Transaction& tx, QList<Mutation> mutations)
{
    if (const Status ok = m_store.check(tx); !ok)
        return ok.error();
    const Result<qint64> last = lastSeq();
    if (!last)
        return last.error();
    if (const std::optional<Error> problem = prepareAll(mutations, *last))
        return *problem;

    Savepoint savepoint(m_store);
    if (const Status open = savepoint.status(); !open)
        return open.error();
    if (const Status taken = takeSeqs(*last, mutations.size()); !taken)
        return taken.error();
    for (const Mutation& mutation : std::as_const(mutations))
        if (const Status inserted = insert(mutation); !inserted)
            return inserted.error();
    if (const Status released = savepoint.release(); !released)
        return released.error();
    tx.touchOutbox();
    return mutations;
}

// Numbers, stamps and validates every mutation with its final seq before anything is written.
std::optional<Error> Outbox::prepareAll(QList<Mutation>& mutations, qint64 last)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        Mutation& mutation = mutations[i];
        if (mutation.id.isEmpty())
            mutation.id = newTimeOrderedUuid();
        mutation.at = mutation.at.isValid() ? mutation.at.toUTC() : now;
        mutation.seq = last + 1 + i;
        if (std::optional<Error> problem = mutation.validate()) {
            if (mutations.size() > 1)
                problem->field = QStringLiteral("mutations[%1].%2").arg(i).arg(problem->field);
            return problem;
        }
    }
    return std::nullopt;
}

// Moves the counter past `count` new seqs with one statement.
Status Outbox::takeSeqs(qint64 last, qsizetype count)
{
    const QString purpose = QStringLiteral("advance the outbox counter");
    const Result<QSqlQuery*> query =
        m_statements.get(QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?)"
                                        " ON CONFLICT (name) DO UPDATE"
                                        " SET value = value + excluded.value RETURNING value"),
                         purpose);
    if (!query)
        return query.error();
    QSqlQuery& q = **query;
    q.bindValue(0, QString(counterName));
    q.bindValue(1, static_cast<qint64>(count));
    if (!q.exec() || !q.next())
        return LocalStore::sqlError(q, purpose);
    const qint64 now = q.value(0).toLongLong();
    q.finish();
    if (now != last + count)
        return Error{QStringLiteral("seq"),
                     QStringLiteral("the outbox counter moved from %1 to %2 during one append")
                         .arg(last)
                         .arg(now)};
    return success();
}

Status Outbox::insert(const Mutation& mutation)
{
    const QString purpose = QStringLiteral("write to the outbox");
    const Result<QSqlQuery*> query = m_statements.get(
        QStringLiteral(
            "INSERT INTO outbox (seq, id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)"),
        purpose);
    if (!query)
        return query.error();
    QSqlQuery& q = **query;
    q.bindValue(0, mutation.seq);
    q.bindValue(1, mutation.id);
    q.bindValue(2, kindName(mutation.kind()));
    q.bindValue(3, mutation.toJsonBytes()); // UTF-8 as it is: no UTF-16 round trip
    q.bindValue(4, timeText(mutation.at));
    if (q.exec())
        return success();
    const Error failure = LocalStore::sqlError(q, purpose);
    // The UNIQUE id is the duplicate check: cheaper than a look-up before every append.
    QSqlQuery known = m_store.prepare(QStringLiteral("SELECT seq FROM outbox WHERE id = ?"));
    known.addBindValue(mutation.id);
    if (known.exec() && known.next())
        return Error{QStringLiteral("id"),
                     QStringLiteral("mutation %1 is already in the outbox as seq %2")
                         .arg(mutation.id)
                         .arg(known.value(0).toLongLong()),
                     ErrorCode::Conflict};
    return failure;
}

Result<Mutation> Outbox::appendNow(Mutation mutation)
{
    Transaction tx(m_store);
    Result<Mutation> appended = append(tx, std::move(mutation));
    if (!appended)
        return appended;
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return appended;
}

Result<QList<OutboxEntry>> Outbox::pending(int limit, qint64 afterSeq) const
{
    if (limit <= 0)
        return Error{QStringLiteral("limit"), QStringLiteral("must be positive")};
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT ") + entryColumns +
                                      QStringLiteral(" FROM outbox WHERE status = 'pending'"
                                                     " AND seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the outbox"));
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

Result<QList<OutboxWire>> Outbox::pendingWire(int limit, qint64 afterSeq, qint64 maxSeq) const
{
    if (limit <= 0)
        return Error{QStringLiteral("limit"), QStringLiteral("must be positive")};
    const QString purpose = QStringLiteral("read the outbox");
    const Result<QSqlQuery*> query = m_statements.get(
        QStringLiteral("SELECT seq, kind, payload FROM outbox WHERE status = 'pending'"
                       " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
        purpose);
    if (!query)
        return query.error();
    QSqlQuery& q = **query;
    const StatementReset reset(q);
    q.bindValue(0, afterSeq);
    q.bindValue(1, maxSeq);
    q.bindValue(2, limit);
    if (!q.exec())
        return LocalStore::sqlError(q, purpose);
    QList<OutboxWire> entries;
    while (q.next())
        entries.append(
            OutboxWire{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray()});
    return entries;
}

Result<qint64> Outbox::pendingCount() const
{
    QSqlQuery query =
        m_store.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE status = 'pending'"));
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("count the outbox"));
    return query.value(0).toLongLong();
}

Result<QDateTime> Outbox::oldestPendingAt() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT created_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the outbox"));
    if (!query.next())
        return QDateTime();
    return QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
}

Result<qint64> Outbox::lastSeq() const
{
    const QString purpose = QStringLiteral("read the outbox counter");
    const Result<QSqlQuery*> query =
        m_statements.get(QStringLiteral("SELECT value FROM counters WHERE name = ?"), purpose);
    if (!query)
        return query.error();
    QSqlQuery& q = **query;
    const StatementReset reset(q);
    q.bindValue(0, QString(counterName));
    if (!q.exec())
        return LocalStore::sqlError(q, purpose);
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<qint64> Outbox::lastAnsweredSeq() const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox WHERE status <> 'pending'"));
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("read the outbox"));
    return query.value(0).toLongLong();
}

Result<OutboxEntry> Outbox::entry(qint64 seq) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT ") + entryColumns +
                                      QStringLiteral(" FROM outbox WHERE seq = ?"));
    query.addBindValue(seq);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the outbox"));
    if (!query.next())
        return Error{QStringLiteral("seq"), QStringLiteral("no outbox entry %1").arg(seq),
                     ErrorCode::NotFound};
    return entryFrom(query);
}

Status Outbox::recordResult(Transaction& tx, qint64 seq, const QString& status,
                            const QJsonObject& result)
{
    if (const Status ok = m_store.check(tx); !ok)
        return ok;
    if (status != appliedStatus && status != rejectedStatus)
        return Error{QStringLiteral("status"),
                     QStringLiteral("'%1' is not \"applied\" or \"rejected\"").arg(status)};
    if (result.contains(QLatin1String("seq")) &&
        result.value(QLatin1String("seq")).toInteger(-1) != seq)
        return Error{QStringLiteral("seq"),
                     QStringLiteral("the result names another seq than %1").arg(seq)};
    if (result.contains(QLatin1String("status")) &&
        result.value(QLatin1String("status")).toString() != status)
        return Error{QStringLiteral("status"),
                     QStringLiteral("the result says another status than '%1'").arg(status)};
    QJsonObject stored = result;
    stored.remove(QLatin1String("replay"));

    // The common case in one cached statement: the entry is pending and takes its answer. The
    // sync client records hundreds per message, on the UI thread.
    const QString purpose = QStringLiteral("record a result");
    const Result<QSqlQuery*> update = m_statements.get(
        QStringLiteral(
            "UPDATE outbox SET status = ?, result = ? WHERE seq = ? AND status = 'pending'"),
        purpose);
    if (!update)
        return update.error();
    QSqlQuery& q = **update;
    q.bindValue(0, status);
    q.bindValue(1, compact(stored));
    q.bindValue(2, seq);
    if (!q.exec())
        return LocalStore::sqlError(q, purpose);
    const int changed = q.numRowsAffected();
    q.finish();
    if (changed == 1) {
        tx.touchOutbox();
        return success();
    }

    // Answered before (or no such entry): the same answer again is fine, another one is not.
    const Result<OutboxEntry> current = entry(seq);
    if (!current)
        return current.error();
    if (statusFrom(status) == current->status && current->result == stored)
        return success();
    return Error{QStringLiteral("result"),
                 QStringLiteral("seq %1 already has the result %2; a result never changes, "
                                "refusing %3")
                     .arg(seq)
                     .arg(compact(current->result), compact(stored)),
                 ErrorCode::Conflict};
}

Result<qint64> Outbox::continueAfter(qint64 serverLastSeq)
{
    if (serverLastSeq < 0)
        return Error{QStringLiteral("lastSeq"), QStringLiteral("must not be negative")};
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();

    QSqlQuery answered =
        m_store.prepare(QStringLiteral("SELECT max(seq) FROM outbox WHERE status <> 'pending'"));
    if (!answered.exec() || !answered.next())
        return LocalStore::sqlError(answered, QStringLiteral("read the outbox"));
    if (answered.value(0).toLongLong() > serverLastSeq)
        return Error{QStringLiteral("lastSeq"),
                     QStringLiteral("the server's lastSeq %1 is below seq %2 that it already "
                                    "answered: the server lost data or this is another "
                                    "terminal's store; not renumbering")
                         .arg(serverLastSeq)
                         .arg(answered.value(0).toLongLong())};

    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT seq FROM outbox WHERE status = 'pending' ORDER BY seq"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the outbox"));
    QList<qint64> seqs;
    while (query.next())
        seqs.append(query.value(0).toLongLong());

    const Result<qint64> last = lastSeq();
    if (!last)
        return last.error();
    if (!seqs.isEmpty() && seqs.first() == serverLastSeq + 1)
        return qint64{0}; // already continuing from the server's numbering
    if (seqs.isEmpty() && *last >= serverLastSeq)
        return qint64{0};

    if (const Status renumbered = renumber(seqs, serverLastSeq + 1); !renumbered)
        return renumbered.error();
    const qint64 newLast = serverLastSeq + seqs.size();
    if (const Status moved = m_store.setCounter(tx, counterName, newLast); !moved)
        return moved.error();
    tx.touchOutbox();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    qCInfo(lcCore) << "outbox continues after the server's seq" << serverLastSeq << ":"
                   << seqs.size() << "pending entries renumbered, last seq" << newLast;
    return qint64{seqs.size()};
}

Result<qint64> Outbox::reopenAfter(qint64 serverLastSeq)
{
    if (serverLastSeq < 0)
        return Error{QStringLiteral("lastSeq"), QStringLiteral("must not be negative")};
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    QSqlQuery reopen = m_store.prepare(QStringLiteral(
        "UPDATE outbox SET status = 'pending', result = NULL WHERE seq > ? AND status <> "
        "'pending'"));
    reopen.addBindValue(serverLastSeq);
    if (!reopen.exec())
        return LocalStore::sqlError(reopen, QStringLiteral("reopen the outbox"));
    const qint64 reopened = reopen.numRowsAffected();
    tx.touchOutbox();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    qCInfo(lcCore) << "outbox: " << reopened << "answered entries after the server's seq"
                   << serverLastSeq << "reopened to be sent again";
    return reopened;
}

// Through negative seqs, so no new number collides with an old one on the way; sales
// follow their entries by ON UPDATE CASCADE.
Status Outbox::renumber(const QList<qint64>& seqs, qint64 firstSeq)
{
    QSqlQuery away =
        m_store.prepare(QStringLiteral("UPDATE outbox SET seq = -seq WHERE status = 'pending'"));
    if (!away.exec())
        return LocalStore::sqlError(away, QStringLiteral("renumber the outbox"));

    QSqlQuery read = m_store.prepare(QStringLiteral("SELECT payload FROM outbox WHERE seq = ?"));
    QSqlQuery write =
        m_store.prepare(QStringLiteral("UPDATE outbox SET seq = ?, payload = ? WHERE seq = ?"));
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        const qint64 newSeq = firstSeq + i;
        read.addBindValue(-seqs.at(i));
        if (!read.exec() || !read.next())
            return LocalStore::sqlError(read, QStringLiteral("renumber the outbox"));
        QJsonObject payload = objectFrom(read.value(0).toString());
        read.finish();
        payload.insert(QLatin1String("seq"), newSeq);
        write.addBindValue(newSeq);
        write.addBindValue(compact(payload));
        write.addBindValue(-seqs.at(i));
        if (!write.exec())
            return LocalStore::sqlError(write, QStringLiteral("renumber the outbox"));
    }
    return success();
}

} // namespace stockline
