#include "dockanswers.h"

#include "client.h"
#include "outbox.h"
#include "qmllogging.h"
#include "transport.h"

namespace stockline::qml {

DockAnswers::DockAnswers(const Outbox& outbox, QObject* parent) : QObject(parent), m_outbox(outbox)
{
}

void DockAnswers::watch(qint64 seq)
{
    m_watched.insert(seq, true);
    Q_EMIT awaiting(seq);
}

void DockAnswers::check()
{
    const QList<qint64> seqs = m_watched.keys();
    for (const qint64 seq : seqs) {
        const Result<OutboxEntry> entry = m_outbox.entry(seq);
        if (!entry) {
            qCWarning(lcQml).noquote()
                << "dock: cannot read outbox entry" << seq << ":" << entry.error().toString();
            continue;
        }
        if (entry->status == OutboxEntry::Status::Pending)
            continue;
        m_watched.remove(seq);
        Q_EMIT answered(seq, entry->status == OutboxEntry::Status::Applied, entry->result);
    }
}

QString describe(const QJsonObject& result)
{
    const Result<sync::MutationResult> parsed = sync::MutationResult::fromJson(result);
    return parsed ? sync::Client::describe(*parsed)
                  : result.value(QLatin1String("message")).toString();
}

} // namespace stockline::qml
