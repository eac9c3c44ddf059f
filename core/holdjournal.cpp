#include "holdjournal.h"

#include "localstore.h"
#include "outbox.h"
#include "uuid.h"

namespace stockline {

HoldJournal::HoldJournal(Outbox& outbox, QString location, qint64 ttlSeconds)
    : m_outbox(outbox), m_location(std::move(location)), m_ttlSeconds(ttlSeconds)
{
}

Result<QList<Mutation>> HoldJournal::record(const QStringList& released,
                                            const QList<HoldRequest>& reserved)
{
    QList<Mutation> mutations;
    mutations.reserve(released.size() + reserved.size());
    for (const QString& reservation : released) {
        Mutation m;
        m.body = ReleaseMutation{reservation};
        mutations.append(std::move(m));
    }
    for (const HoldRequest& hold : reserved) {
        Mutation m;
        const QString id = hold.reservation.isEmpty() ? newTimeOrderedUuid() : hold.reservation;
        m.body = ReserveMutation{id, hold.sku, m_location, hold.qty, m_ttlSeconds};
        mutations.append(std::move(m));
    }
    if (mutations.isEmpty())
        return mutations;
    Transaction tx(m_outbox.store());
    if (!tx.isOpen())
        return tx.status().error();
    Result<QList<Mutation>> written = m_outbox.appendAll(tx, std::move(mutations));
    if (!written)
        return written.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return written;
}

} // namespace stockline
