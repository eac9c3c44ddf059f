#pragma once

#include "error.h"
#include "mutation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stockline {

class Outbox;

// One hold a till asks the server for: `qty` units of `sku`, for the journal's time to live.
struct HoldRequest
{
    QString reservation; // the hold's id; empty: a new UUID
    QString sku;
    qint64 qty = 0;
};

// The till's holds on stock (reserve and release), built and queued here as every other
// mutation is by a core journal: one call, one transaction, one fsync however many lines
// changed. Releases are written before reserves, so a quantity change's old units are free
// for its new hold.
//
// Threading: the thread that opened the store.
class HoldJournal
{
public:
    HoldJournal(Outbox& outbox, QString location, qint64 ttlSeconds);

    // Releases `released` and reserves `reserved`, all or nothing; returns the stored
    // mutations in the order written (releases first), each with its seq and id. On error
    // nothing is written, naming the field that is wrong.
    [[nodiscard]] Result<QList<Mutation>> record(const QStringList& released,
                                                 const QList<HoldRequest>& reserved);

private:
    Outbox& m_outbox;
    QString m_location;
    qint64 m_ttlSeconds;
};

} // namespace stockline
