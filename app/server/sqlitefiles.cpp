#include "sqlitefiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

namespace stockline::servercli::sqlitefiles {

namespace {

struct CloseDatabase
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

// How long a busy database is waited for: a serving writer's commit takes milliseconds.
constexpr int busyTimeoutMs = 5'000;

Error sqliteError(const QString& path, sqlite3* db, const QString& doing)
{
    return Error{path,
                 QStringLiteral("cannot %1: %2").arg(doing, QString::fromUtf8(sqlite3_errmsg(db))),
                 ErrorCode::Storage};
}

Result<Database> openFile(const QString& path, int flags)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK)
        return sqliteError(path, db.get(), QStringLiteral("open it"));
    sqlite3_busy_timeout(db.get(), busyTimeoutMs);
    return db;
}

Status exec(const QString& path, sqlite3* db, const char* sql, const QString& doing)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(path, db, doing);
    return success();
}

Status copyInto(const QString& from, sqlite3* source, const QString& to, sqlite3* target)
{
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return sqliteError(to, target, QStringLiteral("start the copy"));
    // All pages in one step: one read snapshot, so the copy is one committed state.
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        return Error{
            from,
            QStringLiteral("cannot copy it: %1").arg(QString::fromUtf8(sqlite3_errstr(stepped))),
            ErrorCode::Storage};
    if (finished != SQLITE_OK)
        return sqliteError(to, target, QStringLiteral("finish the copy"));
    return success();
}

} // namespace

Status onlineBackup(const QString& from, const QString& to)
{
    if (!QFileInfo(from).isFile())
        return Error{from, QStringLiteral("no such database file"), ErrorCode::NotFound};
    if (QFileInfo::exists(to))
        return Error{to, QStringLiteral("already exists; a backup never overwrites a file"),
                     ErrorCode::Conflict};
    const QString partial = to + QStringLiteral(".partial");
    QFile::remove(partial); // what a killed run left
    Result<Database> source = openFile(from, SQLITE_OPEN_READONLY);
    if (!source)
        return source.error();
    {
        Result<Database> target = openFile(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!target)
            return target.error();
        const Status copied = copyInto(from, source->get(), to, target->get());
        if (!copied) {
            target.value().reset();
            QFile::remove(partial);
            return copied;
        }
    }
    // Tokens and PIN hashes: owner-only, like the database.
    QFile written(partial);
    written.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!written.open(QIODevice::ReadWrite) || ::fsync(written.handle()) != 0 ||
        !QFile::rename(partial, to)) {
        QFile::remove(partial);
        return Error{to,
                     QStringLiteral("cannot write the backup file: %1").arg(written.errorString()),
                     ErrorCode::Storage};
    }
    return success();
}

Status foldWhenUnused(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return Error{path, QStringLiteral("no such database file"), ErrorCode::NotFound};
    Result<Database> opened = openFile(path, SQLITE_OPEN_READWRITE);
    if (!opened)
        return opened.error();
    sqlite3* db = opened->get();
    sqlite3_busy_timeout(db, 0);
    // An exclusive lock in exclusive locking mode is refused while any other connection has the
    // file open, even one that is idle: a server holds its connection for its whole run.
    if (sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;", nullptr,
                     nullptr, nullptr) != SQLITE_OK)
        return Error{path,
                     QStringLiteral("another process has this database open (a running "
                                    "stockline-server? stop it first: systemctl stop "
                                    "stockline-server)"),
                     ErrorCode::Refused};
    if (Status folded = exec(path, db, "PRAGMA wal_checkpoint(TRUNCATE)",
                             QStringLiteral("fold its write-ahead log"));
        !folded)
        return folded;
    return exec(path, db, "PRAGMA journal_mode=DELETE", QStringLiteral("fold its write-ahead log"));
}

Result<QMap<QString, qint64>> terminalSeqs(const QString& path)
{
    Result<Database> opened = openFile(path, SQLITE_OPEN_READONLY);
    if (!opened)
        return opened.error();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(opened->get(), "SELECT id, last_seq FROM terminals", -1, &raw,
                           nullptr) != SQLITE_OK)
        return sqliteError(path, opened->get(), QStringLiteral("read its terminals"));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    QMap<QString, qint64> seqs;
    while (sqlite3_step(raw) == SQLITE_ROW)
        seqs.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0))),
                    sqlite3_column_int64(raw, 1));
    return seqs;
}

} // namespace stockline::servercli::sqlitefiles
