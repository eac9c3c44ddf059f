#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace stockline {

class OutboxNotifier;
class Transaction;

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
    // Written into the file header so another program's SQLite file is never migrated.
    static constexpr int applicationId = 0x53544b4c; // "STKL"
    // How long a statement waits for another process's write lock before failing.
    static constexpr int busyTimeoutMs = 5000;

    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }

    // A statement with bound values only. The error names the statement's purpose.
    [[nodiscard]] QSqlQuery prepare(const QString& sql) const;
    [[nodiscard]] static Error sqlError(const QSqlQuery& query, const QString& what);

    // An error unless `tx` is open on this store: writes outside it would not be atomic.
    [[nodiscard]] Status check(const Transaction& tx) const;

    // Named counters (table `counters`): the last value taken, 0 before the first.
    [[nodiscard]] Result<qint64> counter(const QString& name) const;
    // Takes the next value (1 for the first) inside `tx`, so a rollback gives it back.
    [[nodiscard]] Result<qint64> nextCounter(Transaction& tx, const QString& name) const;
    [[nodiscard]] Status setCounter(Transaction& tx, const QString& name, qint64 value) const;

    // Tells when a transaction that wrote to the outbox commits (Transaction::touchOutbox()).
    [[nodiscard]] OutboxNotifier& outboxNotifier() const { return *m_outboxNotifier; }

private:
    LocalStore(QString path, QString connectionName);
    [[nodiscard]] Status connect();
    [[nodiscard]] Status checkFile() const;
    [[nodiscard]] Status configure();
    [[nodiscard]] Status migrate();
    [[nodiscard]] Status restrictToOwner() const;
    [[nodiscard]] Status migrateTo(int version);
    [[nodiscard]] Result<qint64> pragmaValue(const QString& pragma) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<OutboxNotifier> m_outboxNotifier;
};

// Rolls back unless committed: the RAII guard around every multi-statement change.
// BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way
// because another process started writing after it read.
class Transaction
{
public:
    explicit Transaction(const LocalStore& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    // Why the transaction is not open (BEGIN failed, or it was already committed).
    [[nodiscard]] Status status() const;
    [[nodiscard]] bool isFor(const LocalStore& store) const;
    // Commits; then, if the outbox was written in it, the store's OutboxNotifier says so.
    [[nodiscard]] Status commit();
    // Marks this transaction as one that writes outbox entries (Outbox does).
    void touchOutbox() { m_outboxTouched = true; }

private:
    const LocalStore* m_store;
    QSqlDatabase m_db;
    bool m_outboxTouched = false;
    bool m_open = false;
    bool m_committed = false;
    Error m_beginError;
};

} // namespace stockline
