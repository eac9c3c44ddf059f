#pragma once

// Private to SqlServerStore: statements over many rows at once, for the write batch
// (sqlbatch.h) to read and write its rows in a few round trips.

#include "error.h"
#include "rowvalues.h"
#include "sqlitestatement.h"

#include <QSqlQuery>
#include <QString>
#include <map>
#include <optional>

namespace stockline::sync::sqlstore {

// A statement over many rows at once: head, then `row` once per row joined by commas, then
// tail. Each row binds `width` values. Where the dialect binds arrays, `arrays` is the same
// statement over every row at once: one `?` per column, cast to an array type, its rows read
// from unnest() (in their order, where that matters).
struct RowShape
{
    QString head;
    QString row;
    QString tail;
    int width = 0;
    QString arrays;
};

// INSERT INTO table of many rows, in their order, then `tail`. `columns` reads like a table's
// definition, "name type, …", with PostgreSQL's types (for its array parameters).
[[nodiscard]] RowShape insertRows(QLatin1StringView table, QLatin1StringView columns,
                                  const QString& tail = QString());

// Multi-row statements, prepared on first use and kept for the connection. With array
// parameters, a shape is one statement whatever the number of rows. Without, rows go in chunks
// of a power of two (at most maxRows), so a shape has at most a handful of prepared statements
// and no statement binds more than maxRows × width values (SQLite's limit on parameters is far
// above that). On SQLite every statement runs through the sqlite3 C API on Qt's connection
// (sqlitestatement.h); elsewhere through Qt SQL.
class RowStatements
{
public:
    static constexpr qsizetype maxRows = 256;

    RowStatements(QString connectionName, bool arrayParameters);

    // Whether statements run through the sqlite3 C API (the connection is SQLite).
    [[nodiscard]] bool native() const { return m_sqlite != nullptr; }

    // Runs the shape over every row of `values` (width values a row, in order); `read` is
    // given each row a statement returns.
    [[nodiscard]] Status run(const RowShape& shape, const RowValues& values, const QString& what,
                             const ReadRow& read = {});
    // Runs one statement with `values` bound in order, prepared on first use and kept.
    [[nodiscard]] Status exec(const QString& text, const RowValues& values, const QString& what,
                              const ReadRow& read = {});

private:
    // A prepared statement of either backend.
    struct Prepared
    {
        std::optional<SqliteStatement> sqlite;
        QSqlQuery query;
    };

    [[nodiscard]] Result<Prepared*> prepared(const QString& key, const QString& text);
    [[nodiscard]] Result<Prepared*> chunk(const RowShape& shape, qsizetype rows);
    [[nodiscard]] Status execute(Prepared& p, const RowValues& values, qsizetype from,
                                 qsizetype count, const QString& what, const ReadRow& read);
    [[nodiscard]] Status runChunks(const RowShape& shape, const RowValues& values,
                                   const QString& what, const ReadRow& read);
    [[nodiscard]] Status runArrays(const RowShape& shape, const RowValues& values,
                                   const QString& what, const ReadRow& read);

    QString m_connection;
    bool m_arrays = false;
    sqlite3* m_sqlite = nullptr; // the connection's handle when it is SQLite
    // By text (a chunk's: by row count and text). Finalized before Qt closes the connection:
    // the store drops its statements first.
    std::map<QString, Prepared> m_prepared;
};

} // namespace stockline::sync::sqlstore
