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

Result<QSqlQuery*> RowStatements::prepared(const QString& key, const QString& text)
{
    const auto found = m_prepared.find(key);
    if (found != m_prepared.end())
        return &found->second;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.prepare(text))
        return storageError(query, QStringLiteral("prepare a statement over many rows"));
    return &m_prepared.try_emplace(key, std::move(query)).first->second;
}

Result<QSqlQuery*> RowStatements::chunk(const RowShape& shape, qsizetype rows)
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

Status RowStatements::run(const RowShape& shape, const QList<QVariant>& values, const QString& what,
                          const std::function<void(const QSqlQuery&)>& read)
{
    if (values.isEmpty())
        return success();
    if (m_arrays && !shape.arrays.isEmpty())
        return runArrays(shape, values, what, read);
    return runChunks(shape, values, what, read);
}

namespace {

Status execute(QSqlQuery& q, const QString& what, const std::function<void(const QSqlQuery&)>& read)
{
    if (!q.exec())
        return storageError(q, what);
    if (read) {
        while (q.next())
            read(q);
    }
    q.finish();
    return success();
}

// One element of a PostgreSQL array literal: text double-quoted with its quotes and backslashes
// escaped (so commas, braces, spaces and the empty string stay what they are), numbers as digits,
// a null number as NULL.
void appendElement(QString& array, const QVariant& value)
{
    if (value.isNull() && value.typeId() != QMetaType::QString) {
        array += QLatin1String("NULL"); // a nullable column's missing value
        return;
    }
    if (value.typeId() != QMetaType::QString) {
        array += QString::number(value.toLongLong());
        return;
    }
    const QString text = value.toString();
    array += QLatin1Char('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\\')) {
            array += QStringView(text).sliced(from, i - from);
            array += QLatin1Char('\\');
            from = i;
        }
    }
    array += QStringView(text).sliced(from);
    array += QLatin1Char('"');
}

} // namespace

Status RowStatements::runChunks(const RowShape& shape, const QList<QVariant>& values,
                                const QString& what,
                                const std::function<void(const QSqlQuery&)>& read)
{
    qsizetype left = values.size() / shape.width;
    qsizetype at = 0;
    while (left > 0) {
        const qsizetype rows =
            std::min(maxRows, qsizetype(std::bit_floor(static_cast<quint64>(left))));
        const Result<QSqlQuery*> query = chunk(shape, rows);
        if (!query)
            return query.error();
        QSqlQuery& q = **query;
        const qsizetype count = rows * shape.width;
        for (qsizetype i = 0; i < count; ++i)
            bind(q, int(i), values.at(at + i));
        if (auto s = execute(q, what, read); !s)
            return s;
        at += count;
        left -= rows;
    }
    return success();
}

Status RowStatements::runArrays(const RowShape& shape, const QList<QVariant>& values,
                                const QString& what,
                                const std::function<void(const QSqlQuery&)>& read)
{
    const Result<QSqlQuery*> query = prepared(shape.arrays, shape.arrays);
    if (!query)
        return query.error();
    QSqlQuery& q = **query;
    for (int column = 0; column < shape.width; ++column) {
        QString array = QStringLiteral("{");
        for (qsizetype at = column; at < values.size(); at += shape.width) {
            if (at > column)
                array += QLatin1Char(',');
            appendElement(array, values.at(at));
        }
        array += QLatin1Char('}');
        q.bindValue(column, array);
    }
    return execute(q, what, read);
}

} // namespace stockline::sync::sqlstore
