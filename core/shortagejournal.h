#pragma once

#include "error.h"
#include "mutation.h"

namespace stockline {

class Outbox;

// A manager's resolution of a shortage exception (a recount or an accepted loss), built and
// queued here as every other mutation is by a core journal.
//
// Threading: the thread that opened the store.
class ShortageJournal
{
public:
    explicit ShortageJournal(Outbox& outbox);

    // Queues the resolution, approved by `approver`; `staff` (who resolved it) is the approver
    // when empty. Returns the stored mutation; on error nothing is written.
    [[nodiscard]] Result<Mutation> resolve(ResolveMutation resolution, const QString& approver);

private:
    Outbox& m_outbox;
};

} // namespace stockline
