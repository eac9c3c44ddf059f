#pragma once

// Private to SqlServerStore: one statement run through the sqlite3 C API on the connection Qt
// opened (the same sqlite3*, so it shares Qt's transaction, migrations and everything else).
// Prepared once and kept for the connection's life; values are bound by index from integers
// and UTF-8 bytes, rows read the same way: no QVariant or QString per value on the way in.

#include "error.h"
#include "rowvalues.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace stockline::sync::sqlstore {

class SqliteStatement
{
public:
    // The sqlite3 handle behind a Qt connection; nullptr unless it is an open QSQLITE one.
    [[nodiscard]] static sqlite3* handleOf(const QSqlDatabase& db);
    [[nodiscard]] static Result<SqliteStatement> prepare(sqlite3* db, const QString& text);

    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Binds values [from, from + count) to the placeholders 1…count, runs the statement to its
    // end, gives `read` every row it returns, and resets it for the next run.
    [[nodiscard]] Status run(const RowValues& values, qsizetype from, qsizetype count,
                             const QString& what, const ReadRow& read);

private:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
    [[nodiscard]] Error failure(const QString& what) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace stockline::sync::sqlstore
