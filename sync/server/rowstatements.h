#pragma once

// Private to SqlServerStore: statements over many rows at once, for the write batch
// (sqlbatch.h) to read and write its rows in a few round trips.

#include "error.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <functional>
#include <map>

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
// above that).
class RowStatements
{
public:
    static constexpr qsizetype maxRows = 256;

    RowStatements(QString connectionName, bool arrayParameters)
        : m_connection(std::move(connectionName)), m_arrays(arrayParameters)
    {
    }

    // Runs the shape over every row of `values` (width values a row, in order); `read` is
    // given each row a statement returns.
    [[nodiscard]] Status run(const RowShape& shape, const QList<QVariant>& values,
                             const QString& what,
                             const std::function<void(const QSqlQuery&)>& read = {});

private:
    [[nodiscard]] Result<QSqlQuery*> prepared(const QString& key, const QString& text);
    [[nodiscard]] Result<QSqlQuery*> chunk(const RowShape& shape, qsizetype rows);
    [[nodiscard]] Status runChunks(const RowShape& shape, const QList<QVariant>& values,
                                   const QString& what,
                                   const std::function<void(const QSqlQuery&)>& read);
    [[nodiscard]] Status runArrays(const RowShape& shape, const QList<QVariant>& values,
                                   const QString& what,
                                   const std::function<void(const QSqlQuery&)>& read);

    QString m_connection;
    bool m_arrays = false;
    std::map<QString, QSqlQuery> m_prepared; // by text (a chunk's: by row count and text)
};

} // namespace stockline::sync::sqlstore
