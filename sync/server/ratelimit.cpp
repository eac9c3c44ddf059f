#include "ratelimit.h"

#include <algorithm>

namespace stockline::sync {

MessageBucket::MessageBucket(int perSecond, int burst, qint64 nowMs)
    : m_perMs(perSecond / 1000.0), m_burst(std::max(1, burst)), m_tokens(m_burst), m_last(nowMs)
{
}

bool MessageBucket::take(qint64 nowMs)
{
    m_tokens = std::min(m_burst, m_tokens + static_cast<double>(nowMs - m_last) * m_perMs);
    m_last = nowMs;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

qint64 FailedHellos::refusedFor(const QString& address, qint64 nowMs) const
{
    const auto it = m_entries.constFind(address);
    return it == m_entries.constEnd() ? 0 : std::max<qint64>(0, it->refusedUntil - nowMs);
}

qint64 FailedHellos::recordFailure(const QString& address, qint64 nowMs)
{
    constexpr qsizetype tableSizeToPrune = 10'000;
    if (m_entries.size() >= tableSizeToPrune)
        forgetOld(nowMs);
    Entry& entry = m_entries[address];
    if (nowMs - entry.lastFailure > m_limits.refuseMs)
        entry.failures = 0;
    entry.lastFailure = nowMs;
    ++entry.failures;
    if (entry.failures >= m_limits.refuseAfter) {
        entry.refusedUntil = nowMs + m_limits.refuseMs;
        entry.failures = 0;
    }
    if (entry.failures <= m_limits.delayAfter)
        return 0;
    return std::min(maxDelayMs, (entry.failures - m_limits.delayAfter) * delayStepMs);
}

void FailedHellos::forgetOld(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastFailure > m_limits.refuseMs && it->refusedUntil <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace stockline::sync
