#pragma once

// The SQLite side of `backup` and `restore`: whole-file work on a server database through the
// sqlite3 C API, beside (never through) the Qt connection the store uses.

#include "error.h"

#include <QMap>
#include <QString>

namespace stockline::servercli::sqlitefiles {

// Copies the database at `from` to `to` with SQLite's online backup API: a consistent snapshot
// while `serve` keeps writing (WAL: the copy reads one snapshot and never blocks the writer).
// Written to `to` + ".partial", flushed to disk and renamed, so `to` is never half a copy.
// Refuses an existing `to`, and a `from` that does not exist (it would be created empty).
[[nodiscard]] Status onlineBackup(const QString& from, const QString& to);

// Takes the database at `path` for this process alone: refused while any other connection
// has it open (a running `serve`, an admin command). On success its write-ahead log is folded
// into the file and removed, so the file alone is the whole database and may be moved.
[[nodiscard]] Status foldWhenUnused(const QString& path);

// Each enrolled terminal's last applied seq in the database at `path`, read-only.
[[nodiscard]] Result<QMap<QString, qint64>> terminalSeqs(const QString& path);

} // namespace stockline::servercli::sqlitefiles
