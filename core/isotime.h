#pragma once

#include <QDateTime>
#include <QString>

namespace stockline {

// "2026-11-22T10:00:00.123Z": UTC with milliseconds, as every stored and wire time is
// written. QDateTime::toString(Qt::ISODateWithMs) gives the same text at many times the cost,
// which shows when a till appends a hundred thousand outbox entries.
[[nodiscard]] QString isoUtc(const QDateTime& at);

} // namespace stockline
