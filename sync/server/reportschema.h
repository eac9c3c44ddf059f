#pragma once

// The report rollups (issue 20, sync/PROTOCOL.md "Reports"): their tables, and per table the
// one SELECT that sums them from the receipts. The migration backfills each table with it and
// `verify` compares each table with it, so the two can never disagree about what a rollup is.

#include "serverschema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stockline::sync {

struct RollupTable
{
    QString name;
    QString keys;   // the key columns, "a, b"
    QString sums;   // the summed columns, "x, y"
    QString select; // keys then sums, summed from the receipts
};

// The local hour (yyyymmddhh in the server's time zone) of a time in ms since the epoch, in SQL.
[[nodiscard]] QString localHourSql(const SqlDialect& d, const QString& msColumn);
[[nodiscard]] QList<RollupTable> reportRollups(const SqlDialect& d);
// Creates the rollups and the indexes the event reports read, and backfills the rollups.
[[nodiscard]] QStringList reportRollupMigration(const SqlDialect& d);

} // namespace stockline::sync
