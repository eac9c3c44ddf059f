#pragma once

#include <QDateTime>

namespace stockline::sync {

// The server's clock: every decision about time (reservation expiry) asks it, so a
// simulation can run the server on a clock of its own.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace stockline::sync
