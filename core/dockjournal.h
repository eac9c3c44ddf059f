#pragma once

#include "error.h"
#include "mutation.h"
#include "outbox.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;
class Outbox;
class Transaction;

// What a dock booked and its outbox entry.
struct DockRecord
{
    qint64 seq = 0; // of the outbox entry
    QString id;     // the receipt or transfer id; empty for a count or an adjust
    Mutation mutation;
};

// A count the dock booked, with the server's answer once there is one.
struct CountRecord
{
    qint64 seq = 0; // of the outbox entry
    CountMutation count;
    OutboxEntry::Status status = OutboxEntry::Status::Pending;
    QJsonObject result; // the server's result; empty while pending
};

// The receiving dock's record of its work: every receive, count, transfer and adjust is stored
// with who did it and their note, together with the mutation's outbox entry in one transaction
// (DESIGN.md, invariant 3), as the till does with a sale. A receipt is never lost: once
// record() returns, it reaches the server exactly once, online or not.
//
// Receipt and transfer ids are the terminal id, "-G" (goods in) or "-T" and a counter of
// their own, six digits: "DOCK-01-G000001", "DOCK-01-T000003".
//
// Threading: the thread that opened the store.
class DockJournal
{
public:
    DockJournal(const LocalStore& store, Outbox& outbox, QString terminal);

    // Names a receive's `receipt` or a transfer's `transfer` when empty, stores the work and
    // queues the mutation. `body` must be a receive, count, transfer or adjust. On error
    // nothing is written, naming the field that is wrong.
    [[nodiscard]] Result<DockRecord> record(MutationBody body, const QString& staff,
                                            const QString& note);
    // How many records this dock holds.
    [[nodiscard]] Result<qint64> count() const;
    // The records whose outbox entry the server has not answered yet, in seq order: after a
    // restart the dock still tells people when one of them is refused.
    [[nodiscard]] Result<QList<DockRecord>> unanswered() const;
    // The latest record, or none before the first: what the dock's header names.
    [[nodiscard]] Result<std::optional<DockRecord>> last() const;
    // The latest count of each SKU at `location` booked at or after `since`, in SKU order,
    // with the server's answer as the outbox holds it: after a restart the count screen still
    // shows which lines were applied and which must be counted again.
    [[nodiscard]] Result<QList<CountRecord>> countsSince(const QString& location,
                                                         const QDateTime& since) const;

    static constexpr QLatin1String receiptCounter{"dock_receipt"};
    static constexpr QLatin1String transferCounter{"dock_transfer"};

private:
    [[nodiscard]] Result<QString> nextId(Transaction& tx, QLatin1String counter,
                                         QStringView tag) const;
    [[nodiscard]] Status name(Transaction& tx, MutationBody& body) const;

    const LocalStore& m_store;
    Outbox& m_outbox;
    QString m_terminal;
};

} // namespace stockline
