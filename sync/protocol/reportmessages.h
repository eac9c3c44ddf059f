#pragma once

// The back office's `report` request (sync/PROTOCOL.md, "Reports"): which report, over which
// local dates, of which location. Decoded here; answered with an `answer` (answer.h).

#include "error.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace stockline::sync {

inline constexpr qint64 maxReportDays = 400;
inline constexpr qint64 maxReportRows = 10'000;
inline constexpr qint64 defaultEventRows = 1'000;

struct ReportRequest
{
    QString request;
    QString report; // sales, tax, refunds, … (reportKinds())
    QString by;     // sales: hour, day, week, …; margins: product or department
    QDate from;     // local dates in the server's time zone, inclusive
    QDate to;
    QString location;                // empty: the whole store
    qint64 limit = defaultEventRows; // the event lists' rows, newest first
    // The first bad field: answered `invalid_message` naming it, nothing read.
    std::optional<Error> invalid;
};

[[nodiscard]] const QStringList& reportKinds();
// The `by` a report accepts (empty: none) and the one it takes when `by` is absent.
[[nodiscard]] QStringList reportGroupings(const QString& report);

// A `report` object (its `type` already read). A bad field gives a request with `invalid` set
// (and its `request` when that was readable).
[[nodiscard]] ReportRequest decodeReportRequest(const QJsonObject& object);
[[nodiscard]] QByteArray encode(const ReportRequest& request);

} // namespace stockline::sync
