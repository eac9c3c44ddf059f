#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace stockline {

// The terminal's SQLite file, through Qt SQL: WAL journal, synchronous=FULL (a sale is
// money), numbered schema migrations, and a file written by a newer build is never opened.
//
// Threading: a LocalStore and everything built on it is used only by the thread that opened
// it (a QSqlDatabase connection belongs to its thread).
class LocalStore
{
public:
    // Opens or creates the file and migrates it to schemaVersion().
    [[nodiscard]] static Result<std::unique_ptr<LocalStore>> open(const QString& path);
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    [[nodiscard]] static int schemaVersion();
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }

    // A statement with bound values only. The error names the statement's purpose.
    [[nodiscard]] QSqlQuery prepare(const QString& sql) const;
    [[nodiscard]] static Error sqlError(const QSqlQuery& query, const QString& what);

private:
    LocalStore(QString path, QString connectionName);
    [[nodiscard]] Status configure();
    [[nodiscard]] Status migrate();

    QString m_path;
    QString m_connectionName;
};

// Rolls back unless committed: the RAII guard around every multi-statement change.
class Transaction
{
public:
    explicit Transaction(const LocalStore& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] Status commit();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace stockline
