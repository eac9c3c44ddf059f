#include "shortagejournal.h"

#include "outbox.h"

namespace stockline {

ShortageJournal::ShortageJournal(Outbox& outbox) : m_outbox(outbox) {}

Result<Mutation> ShortageJournal::resolve(ResolveMutation resolution, const QString& approver)
{
    resolution.approvedBy = approver;
    if (resolution.staff.isEmpty())
        resolution.staff = approver;
    Mutation mutation;
    mutation.body = std::move(resolution);
    return m_outbox.appendNow(std::move(mutation));
}

} // namespace stockline
