#pragma once

#include <QStringList>

namespace stockline::schema {

// The terminal store's migrations: entry N (0-based) takes the file from user_version N to
// N + 1. Append only; never edit a migration that has shipped.
[[nodiscard]] const QList<QStringList>& terminalMigrations();

} // namespace stockline::schema
