#pragma once

#include <QString>
#include <QStringList>

namespace stockline::sync {

// The one place where the server's SQL differs between SQLite and PostgreSQL. Everything else
// (INSERT … ON CONFLICT … DO UPDATE, RETURNING, SAVEPOINT, partial indexes) is written once in
// the SQL both understand (SQLite ≥ 3.35, PostgreSQL ≥ 9.5).
struct SqlDialect
{
    enum class Backend { Sqlite, Postgres };

    Backend backend = Backend::Sqlite;
    QString driver;     // the Qt SQL driver name
    QString beginWrite; // opens a write transaction
    QString beginRead;  // opens a read transaction that sees one snapshot throughout
    // Appended to a read inside a write transaction that must hold the row until the commit
    // (the cursor row, the pushing terminal's row).
    QString lockRowSuffix;
    QString autoIdColumn;     // an auto-numbered 64-bit primary key column
    QString keyedTableSuffix; // appended to tables that are only ever reached by their key
    // Run right after beginWrite in a migration: holds off every other migrating connection
    // until this one commits. Empty where beginWrite already does.
    QString lockSchema;
    // Whether BEGIN/COMMIT/SAVEPOINT can be prepared once and reused. PostgreSQL's PREPARE
    // (which the Qt driver uses) takes only SELECT/INSERT/UPDATE/DELETE/VALUES.
    bool preparesTransactionControl = true;
    // The channel a commit that moved the cursor notifies (NOTIFY), so other nodes read the
    // change feed at once instead of at their next poll. Empty where there is no such thing.
    QString feedChannel;
    // Whether a statement over many rows can bind each column as one array parameter and read
    // its rows from unnest(): one prepared statement for any number of rows, whose values
    // travel as a few literals instead of one per cell (the Qt driver sends bound values inside
    // the statement's text, which the server then parses).
    bool arrayParameters = false;

    [[nodiscard]] static SqlDialect sqlite();
    [[nodiscard]] static SqlDialect postgres();
};

// The server schema's migrations for one dialect: entry N (0-based) takes the database from
// schema version N to N + 1. Append only; never edit a migration that has shipped.
[[nodiscard]] QList<QStringList> serverMigrations(const SqlDialect& dialect);

} // namespace stockline::sync
