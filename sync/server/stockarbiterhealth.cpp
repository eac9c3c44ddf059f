#include "serverlogging.h"
#include "stockarbiter.h"

namespace stockline::sync {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

bool StockArbiter::Health::ready() const
{
    return threadAnswers() && databaseAnswers && sinceCheckMs < uncheckedAfterMs;
}

QString StockArbiter::Health::report() const
{
    if (!started)
        return QStringLiteral("storage: not started\n");
    QString out;
    out += threadAnswers()
               ? QStringLiteral("storage thread: ok\n")
               : QStringLiteral("storage thread: stuck for %1 s\n").arg(sinceLoopMs / 1000);
    if (!databaseAnswers)
        out += QStringLiteral("database: not answering: %1\n").arg(problem);
    else if (sinceCheckMs >= uncheckedAfterMs)
        out += QStringLiteral("database: not read for %1 s\n").arg(sinceCheckMs / 1000);
    else
        out += QStringLiteral("database: ok\n");
    return out;
}

StockArbiter::Health StockArbiter::health() const
{
    Health h;
    const qint64 loopAt = m_loopAtMs.load();
    h.started = loopAt > 0;
    if (!h.started)
        return h;
    const qint64 now = steadyMs();
    h.sinceLoopMs = now - loopAt;
    h.sinceCheckMs = now - m_checkedAtMs.load();
    h.databaseAnswers = m_databaseAnswers.load();
    std::lock_guard lock(m_mutex);
    h.problem = m_databaseProblem;
    return h;
}

void StockArbiter::noteLoop()
{
    m_loopAtMs.store(steadyMs());
}

void StockArbiter::noteDatabase(const Status& answer)
{
    const bool answered = static_cast<bool>(answer);
    const bool checkedBefore = m_checkedAtMs.load() > 0;
    if (answered != m_databaseAnswers.exchange(answered) && checkedBefore) {
        if (answered)
            qCInfo(lcServer) << "the database answers again";
        else
            qCWarning(lcServer).noquote()
                << "the database does not answer:" << answer.error().toString();
    }
    {
        std::lock_guard lock(m_mutex);
        m_databaseProblem = answered ? QString() : answer.error().toString();
    }
    m_checkedAtMs.store(steadyMs());
}

void StockArbiter::sampleOpenCounts(ArbiterStore& store)
{
    if (const Result<OpenCounts> counts = store.openCounts(); counts)
        m_metrics.openCounts(counts->holds, counts->shortages);
}

} // namespace stockline::sync
