#include "rowstatements.h"

#include "sqlhelpers.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <algorithm>
#include <bit>

namespace stockline::sync::sqlstore {

RowShape insertRows(QLatin1StringView table, QLatin1StringView columns, const QString& tail)
{
    QStringList names;
    QStringList marks;
    QStringList arrays;
    for (const QString& column : QString(columns).split(QLatin1String(", "))) {
        const qsizetype space = column.indexOf(QLatin1Char(' '));
        names.append(column.left(space));
        marks.append(QStringLiteral("?"));
        arrays.append(QStringLiteral("?::%1[]").arg(column.mid(space + 1)));
    }
    const QString list = names.join(QLatin1String(", "));
    const QString head = QStringLiteral("INSERT INTO %1 (%2) ").arg(table, list);
    return RowShape{head + QStringLiteral("VALUES "),
                    QLatin1Char('(') + marks.join(QLatin1String(", ")) + QLatin1Char(')'), tail,
                    int(names.size()),
                    head +
                        QStringLiteral("SELECT %1 FROM unnest(%2) WITH ORDINALITY "
                                       "AS v(%1, row_order) ORDER BY row_order")
                            .arg(list, arrays.join(QLatin1String(", "))) +
                        tail};
}

RowStatements::RowStatements(QString connectionName, bool arrayParameters)
    : m_connection(std::move(connectionName)), m_arrays(arrayParameters),
      m_sqlite(SqliteStatement::handleOf(QSqlDatabase::database(m_connection, false)))
{
}

Result<RowStatements::Prepared*> RowStatements::prepared(const QString& key, const QString& text)
{
    const auto found = m_prepared.find(key);
    if (found != m_prepared.end())
        return &found->second;
    Prepared p;
    if (m_sqlite) {
        Result<SqliteStatement> statement = SqliteStatement::prepare(m_sqlite, text);
        if (!statement)
            return statement.error();
        p.sqlite.emplace(std::move(statement).value());
    } else {
        p.query = QSqlQuery(QSqlDatabase::database(m_connection, false));
        p.query.setForwardOnly(true);
        if (!p.query.prepare(text))
            return storageError(p.query, QStringLiteral("prepare a statement over many rows"));
    }
    return &m_prepared.try_emplace(key, std::move(p)).first->second;
}

Result<RowStatements::Prepared*> RowStatements::chunk(const RowShape& shape, qsizetype rows)
{
    const QString key = QString::number(rows) + QLatin1Char(':') + shape.head + shape.tail;
    if (const auto found = m_prepared.find(key); found != m_prepared.end())
        return &found->second;
    QString text = shape.head;
    for (qsizetype i = 0; i < rows; ++i) {
        if (i > 0)
            text += QLatin1String(", ");
        text += shape.row;
    }
    text += shape.tail;
    return prepared(key, text);
}

Status RowStatements::run(const RowShape& shape, const RowValues& values, const QString& what,
                          const ReadRow& read)
{
    if (values.isEmpty())
        return success();
    if (m_arrays && !shape.arrays.isEmpty())
        return runArrays(shape, values, what, read);
    return runChunks(shape, values, what, read);
}

Status RowStatements::exec(const QString& text, const RowValues& values, const QString& what,
                           const ReadRow& read)
{
    const Result<Prepared*> p = prepared(text, text);
    if (!p)
        return p.error();
    return execute(**p, values, 0, values.size(), what, read);
}

namespace {

// A Qt SQL row (the PostgreSQL backend), read like a SQLite one.
class QueryRow final : public RowReader
{
public:
    explicit QueryRow(const QSqlQuery& query) : m_query(query) {}

    [[nodiscard]] qint64 integer(int column) const override
    {
        return m_query.value(column).toLongLong();
    }
    [[nodiscard]] QString text(int column) const override
    {
        return m_query.value(column).toString();
    }
    [[nodiscard]] bool isNull(int column) const override { return m_query.isNull(column); }

private:
    const QSqlQuery& m_query;
};

Status execQuery(QSqlQuery& q, const QString& what, const ReadRow& read)
{
    if (!q.exec())
        return storageError(q, what);
    if (read) {
        const QueryRow row(q);
        while (q.next())
            read(row);
    }
    q.finish();
    return success();
}

QVariant variant(const RowValues& values, const RowValues::Value& v)
{
    switch (v.kind) {
    case RowValues::Kind::Integer:
        return QVariant(qlonglong{v.integer});
    case RowValues::Kind::Text: {
        // Qt binds a null QString as SQL NULL: the empty text is bound as ''.
        const QString text = QString::fromUtf8(values.utf8(v));
        return QVariant(text.isNull() ? QString(QLatin1String("")) : text);
    }
    case RowValues::Kind::Null:
        break;
    }
    return QVariant(QMetaType::fromType<qlonglong>());
}

// One element of a PostgreSQL array literal: text double-quoted with its quotes and backslashes
// escaped (so commas, braces, spaces and the empty string stay what they are), numbers as digits,
// a null as NULL.
void appendElement(QByteArray& array, const RowValues& values, const RowValues::Value& v)
{
    switch (v.kind) {
    case RowValues::Kind::Integer:
        array += QByteArray::number(v.integer);
        return;
    case RowValues::Kind::Null:
        array += "NULL"; // a nullable column's missing value
        return;
    case RowValues::Kind::Text:
        break;
    }
    array += '"';
    for (const char c : values.utf8(v)) {
        if (c == '"' || c == '\\')
            array += '\\';
        array += c;
    }
    array += '"';
}

} // namespace

Status RowStatements::execute(Prepared& p, const RowValues& values, qsizetype from, qsizetype count,
                              const QString& what, const ReadRow& read)
{
    if (p.sqlite)
        return p.sqlite->run(values, from, count, what, read);
    QSqlQuery& q = p.query;
    for (qsizetype i = 0; i < count; ++i)
        q.bindValue(int(i), variant(values, values.at(from + i)));
    return execQuery(q, what, read);
}

Status RowStatements::runChunks(const RowShape& shape, const RowValues& values, const QString& what,
                                const ReadRow& read)
{
    qsizetype left = values.size() / shape.width;
    qsizetype at = 0;
    while (left > 0) {
        const qsizetype rows =
            std::min(maxRows, qsizetype(std::bit_floor(static_cast<quint64>(left))));
        const Result<Prepared*> p = chunk(shape, rows);
        if (!p)
            return p.error();
        const qsizetype count = rows * shape.width;
        if (auto s = execute(**p, values, at, count, what, read); !s)
            return s;
        at += count;
        left -= rows;
    }
    return success();
}

Status RowStatements::runArrays(const RowShape& shape, const RowValues& values, const QString& what,
                                const ReadRow& read)
{
    const Result<Prepared*> p = prepared(shape.arrays, shape.arrays);
    if (!p)
        return p.error();
    QSqlQuery& q = (*p)->query;
    for (int column = 0; column < shape.width; ++column) {
        QByteArray array("{");
        for (qsizetype at = column; at < values.size(); at += shape.width) {
            if (at > column)
                array += ',';
            appendElement(array, values, values.at(at));
        }
        array += '}';
        q.bindValue(column, QString::fromUtf8(array));
    }
    return execQuery(q, what, read);
}

} // namespace stockline::sync::sqlstore
