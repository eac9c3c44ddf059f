#include "sqlitestatement.h"

#include "serverlogging.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>
#include <utility>

namespace stockline::sync::sqlstore {

namespace {

class SqliteRow final : public RowReader
{
public:
    explicit SqliteRow(sqlite3_stmt* statement) : m_statement(statement) {}

    [[nodiscard]] qint64 integer(int column) const override
    {
        return sqlite3_column_int64(m_statement, column);
    }
    [[nodiscard]] QString text(int column) const override
    {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
    }
    [[nodiscard]] bool isNull(int column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }

private:
    sqlite3_stmt* m_statement;
};

int bindValue(sqlite3_stmt* statement, int index, const RowValues& values,
              const RowValues::Value& v)
{
    switch (v.kind) {
    case RowValues::Kind::Integer:
        return sqlite3_bind_int64(statement, index, v.integer);
    case RowValues::Kind::Text: {
        // The bytes stay in `values` until the statement is reset: no copy.
        const QByteArrayView bytes = values.utf8(v);
        return sqlite3_bind_text(statement, index, bytes.data(), static_cast<int>(bytes.size()),
                                 SQLITE_STATIC);
    }
    case RowValues::Kind::Null:
        break;
    }
    return sqlite3_bind_null(statement, index);
}

} // namespace

sqlite3* SqliteStatement::handleOf(const QSqlDatabase& db)
{
    if (!db.isOpen() || db.driver() == nullptr)
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3* db, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(db, utf8.constData(), static_cast<int>(utf8.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return Error{QString(),
                     QStringLiteral("storage: cannot prepare \"%1\": %2")
                         .arg(text, QString::fromUtf8(sqlite3_errmsg(db))),
                     ErrorCode::Storage};
    }
    return SqliteStatement(db, statement);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db), m_statement(std::exchange(other.m_statement, nullptr))
{
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_statement, other.m_statement);
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement); // a no-op on nullptr
}

Error SqliteStatement::failure(const QString& what) const
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    qCWarning(lcServer).noquote() << "storage: cannot" << what << "-" << detail;
    return Error{QString(), QStringLiteral("storage: cannot %1: %2").arg(what, detail),
                 ErrorCode::Storage};
}

Status SqliteStatement::run(const RowValues& values, qsizetype from, qsizetype count,
                            const QString& what, const ReadRow& read)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (bindValue(m_statement, static_cast<int>(i + 1), values, values.at(from + i)) !=
            SQLITE_OK) {
            Error error = failure(what);
            sqlite3_reset(m_statement);
            sqlite3_clear_bindings(m_statement);
            return error;
        }
    }
    const SqliteRow row(m_statement);
    for (;;) {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            Error error = failure(what);
            sqlite3_reset(m_statement);
            sqlite3_clear_bindings(m_statement);
            return error;
        }
        if (read)
            read(row);
    }
    // Resetting ends the statement, so it holds no read lock between runs; the text bound
    // points into `values`, which may be gone before the next run.
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return success();
}

} // namespace stockline::sync::sqlstore
