#pragma once

#include <QHash>
#include <QString>

namespace stockline::sync {

// A token bucket: `perSecond` messages a second on average, up to `burst` at once. Times are
// milliseconds on a monotonic clock, given by the caller, so a wall-clock jump changes nothing.
class MessageBucket
{
public:
    MessageBucket(int perSecond, int burst, qint64 nowMs);

    // Takes one message's token; false when the bucket is empty.
    [[nodiscard]] bool take(qint64 nowMs);

private:
    double m_perMs;
    double m_burst;
    double m_tokens;
    qint64 m_last;
};

// Failed hellos (a wrong token, an unknown terminal, a wrong pairing code) counted per network
// address: beyond `delayAfter` each answer is held back a little longer, and at `refuseAfter`
// the address is refused for `refuseMs`. An address is forgotten after `refuseMs` without a
// failure. Times are milliseconds on a monotonic clock.
class FailedHellos
{
public:
    struct Limits
    {
        int delayAfter = 5;
        int refuseAfter = 20;
        qint64 refuseMs = 5 * 60'000;
    };
    static constexpr qint64 delayStepMs = 1'000;
    static constexpr qint64 maxDelayMs = 5'000;

    explicit FailedHellos(Limits limits) : m_limits(limits) {}

    // How much longer the address is refused; 0 when it may say hello.
    [[nodiscard]] qint64 refusedFor(const QString& address, qint64 nowMs) const;
    // Counts a failure; how long to hold back its answer.
    qint64 recordFailure(const QString& address, qint64 nowMs);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailure = 0;
        qint64 refusedUntil = 0;
    };
    // Drops what is forgotten anyway, so a scan of many addresses cannot grow the table
    // without bound.
    void forgetOld(qint64 nowMs);

    Limits m_limits;
    QHash<QString, Entry> m_entries;
};

} // namespace stockline::sync
