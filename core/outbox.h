#pragma once

#include "error.h"
#include "mutation.h"
#include "statementcache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;
class Transaction;

// One stored mutation and, once the server answered, its result.
struct OutboxEntry
{
    enum class Status { Pending, Applied, Rejected };

    qint64 seq = 0;
    QString id;
    QString kind;        // wire name: "sale", "reserve", …
    QJsonObject payload; // the wire object of PROTOCOL.md, ready to push
    QDateTime createdAt; // UTC
    Status status = Status::Pending;
    QJsonObject result; // the server's result; empty while pending
};

// A pending entry as the sync client pushes it: the stored wire bytes, spliced into the push
// frame as they are (no parse and re-encode per send).
struct OutboxWire
{
    qint64 seq = 0;
    QString kind;    // wire name
    QByteArray json; // the wire object of PROTOCOL.md, compact UTF-8
};

// The terminal's stream of mutations to the server, numbered 1, 2, 3, … with no gap: the
// counter "outbox_seq" and the entry are written in the caller's transaction, so the local
// change and its entry commit together or not at all (DESIGN.md, invariant 3).
//
// Threading: the thread that opened the store, like the store itself.
class Outbox
{
public:
    explicit Outbox(const LocalStore& store);

    // Numbers the mutation and stores it inside the caller's open transaction. An empty id
    // becomes a new UUID and an invalid `at` the current UTC time; the mutation must then
    // pass Mutation::validate(). On error nothing of it is written and no seq is used, and
    // the caller's transaction stays usable. Returns the mutation as stored.
    [[nodiscard]] Result<Mutation> append(Transaction& tx, Mutation mutation);
    // Appends several in order, all or none: one counter move and statements prepared once,
    // for bulk work. An invalid one names its index ("mutations[3].qty").
    [[nodiscard]] Result<QList<Mutation>> appendAll(Transaction& tx, QList<Mutation> mutations);
    // The same in a transaction of its own, for a change without a local effect.
    [[nodiscard]] Result<Mutation> appendNow(Mutation mutation);

    // Pending entries in seq order, the first `limit` with a seq above `afterSeq`. The sync
    // client sends them all, those at or below the server's lastSeq included: those are
    // answered as replays, which is how a result lost on the way is recovered.
    [[nodiscard]] Result<QList<OutboxEntry>> pending(int limit, qint64 afterSeq = 0) const;
    // The same as stored bytes, with seq in (afterSeq, maxSeq]: what the sync client pushes.
    [[nodiscard]] Result<QList<OutboxWire>> pendingWire(int limit, qint64 afterSeq,
                                                        qint64 maxSeq = maxWireInteger) const;
    [[nodiscard]] Result<qint64> pendingCount() const;
    // When the oldest unanswered entry was made; invalid when none is pending.
    [[nodiscard]] Result<QDateTime> oldestPendingAt() const;
    // The highest seq taken so far; 0 before the first append.
    [[nodiscard]] Result<qint64> lastSeq() const;
    // The highest seq the server has answered; 0 when none. A server whose lastSeq is below it
    // has lost mutations it confirmed (restored from an old backup, or another terminal's).
    [[nodiscard]] Result<qint64> lastAnsweredSeq() const;
    [[nodiscard]] Result<OutboxEntry> entry(qint64 seq) const;

    // Stores the server's answer for `seq`: status "applied" or "rejected" and the result
    // object as received ("replay" is dropped: a replay repeats the first answer). A result
    // never changes: the same one again is accepted, a different one is an error.
    [[nodiscard]] Status recordResult(Transaction& tx, qint64 seq, const QString& status,
                                      const QJsonObject& result);

    // For a terminal whose numbering is behind the server's (reinstalled, or restored from a
    // backup): renumbers the pending entries, in order, to serverLastSeq + 1, + 2, … and moves
    // the counter on, in one transaction. Call it only when the server has none of the
    // pending entries (it answered sequence_conflict, or the store is new): an entry the
    // server did apply would be applied twice. Refused when an answered entry's seq is above
    // serverLastSeq (the server would be behind what it already answered). Returns how many
    // entries were renumbered.
    [[nodiscard]] Result<qint64> continueAfter(qint64 serverLastSeq);

    // For a server restored from a backup older than answers it gave: the answered entries
    // above serverLastSeq become pending again, under the same seqs and ids, so they are sent
    // again and arbitrated anew (their old results are dropped: the server no longer has
    // them). Only on a person's word (stockline --resend-after-restore): a store that belongs
    // to another terminal looks the same. Returns how many entries were reopened.
    [[nodiscard]] Result<qint64> reopenAfter(qint64 serverLastSeq);

    // The store it writes to, for callers that append several entries in one transaction.
    [[nodiscard]] const LocalStore& store() const { return m_store; }

    static constexpr QLatin1String counterName{"outbox_seq"};

private:
    [[nodiscard]] static std::optional<Error> prepareAll(QList<Mutation>& mutations, qint64 last);
    [[nodiscard]] Status takeSeqs(qint64 last, qsizetype count);
    [[nodiscard]] Status insert(const Mutation& mutation);
    [[nodiscard]] Status renumber(const QList<qint64>& seqs, qint64 firstSeq);

    const LocalStore& m_store;
    mutable StatementCache m_statements;
};

} // namespace stockline
