// `backup` and `restore` (README, "Backup and restore"). SQLite: the online backup API while
// `serve` runs, the copy then verified like `verify` does; restore only with no server on the
// file. PostgreSQL: pg_dump's custom format and pg_restore, the Debian tools.

#include "commandsupport.h"
#include "servercommands.h"
#include "serverstore.h"
#include "sqlitefiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;

namespace {

const QLatin1String sqliteScheme("sqlite:");
const QLatin1String backupPrefix("stockline-backup-");

bool isSqlite(const QString& url)
{
    return url.startsWith(sqliteScheme);
}

QString sqlitePath(const QString& url)
{
    return QFileInfo(url.mid(sqliteScheme.size())).absoluteFilePath();
}

// Milliseconds: two backups in one second (by hand, after the timer's) get two names.
QString utcStamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
}

// Dated backups sort by name in time order; on SQLite they sit beside the database by default.
Result<QString> backupFolder(const QCommandLineParser& parser, const QString& url)
{
    const QString given = parser.value(QStringLiteral("backup-folder"));
    if (!given.isEmpty())
        return QDir(given).absolutePath();
    if (isSqlite(url))
        return QFileInfo(sqlitePath(url)).dir().filePath(QStringLiteral("backups"));
    return Error{QStringLiteral("--backup-folder"),
                 QStringLiteral("give the folder for PostgreSQL backups (or --to FILE)")};
}

// A folder made here is owner-only: backups hold token and PIN hashes.
Status makeFolder(const QString& folder)
{
    if (QFileInfo(folder).isDir())
        return success();
    if (!QDir().mkpath(folder) ||
        !QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner))
        return Error{folder, QStringLiteral("cannot create the folder"), ErrorCode::Storage};
    return success();
}

Result<int> keepCount(const QCommandLineParser& parser)
{
    const QString text = parser.value(QStringLiteral("rotate"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int keep = text.toInt(&ok);
    if (!ok || keep < 1)
        return Error{QStringLiteral("--rotate"),
                     QStringLiteral("'%1' is not a whole number from 1 up").arg(text)};
    if (parser.isSet(QStringLiteral("to")))
        return Error{QStringLiteral("--rotate"),
                     QStringLiteral("keeps the newest dated backups of the backup folder; it "
                                    "does not go with --to")};
    return keep;
}

// Keeps the newest `keep` dated backups of `folder`; other files there are never touched.
void rotate(const QString& folder, int keep)
{
    QDir dir(folder);
    const QStringList dated = dir.entryList({backupPrefix + u'*'}, QDir::Files, QDir::Name);
    for (qsizetype i = 0; i + keep < dated.size(); ++i) {
        const QString old = dir.filePath(dated.at(i));
        if (QFile::remove(old))
            out() << "backup: removed " << old << Qt::endl;
        else
            err() << "stockline-server: backup: cannot remove " << old << Qt::endl;
    }
}

// Runs a PostgreSQL client tool; its stderr becomes the error.
Status runTool(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        return Error{program,
                     QStringLiteral("cannot run it (Debian: apt install postgresql-client)")};
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{program, QString::fromLocal8Bit(process.readAllStandardError()).trimmed(),
                     ErrorCode::Storage};
    return success();
}

// The dump, then pg_restore reading it whole: a dump that lists is one pg_restore can load.
Status dumpPostgres(const QString& url, const QString& to)
{
    if (QFileInfo::exists(to))
        return Error{to, QStringLiteral("already exists; a backup never overwrites a file"),
                     ErrorCode::Conflict};
    const QString partial = to + QStringLiteral(".partial");
    QFile::remove(partial);
    Status done = runTool(QStringLiteral("pg_dump"),
                          {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"),
                           QStringLiteral("--file=") + partial, QStringLiteral("--dbname=") + url});
    if (done) {
        QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        done = runTool(QStringLiteral("pg_restore"),
                       {QStringLiteral("--list"), QStringLiteral("--file=/dev/null"), partial});
    }
    if (done && !QFile::rename(partial, to))
        done = Error{to, QStringLiteral("cannot write the backup file"), ErrorCode::Storage};
    if (!done)
        QFile::remove(partial);
    return done;
}

Result<VerifyReport> verifyDatabase(const QString& url)
{
    auto store = AdminStore::open(url);
    if (!store)
        return store.error();
    return store.value()->verify();
}

// The terminals that had mutations applied beyond what the restored database holds: each must
// send them again (stockline --resend-after-restore).
void nameTerminalsBehind(const QString& replaced, const QString& restored)
{
    const auto before = sqlitefiles::terminalSeqs(replaced);
    const auto now = sqlitefiles::terminalSeqs(restored);
    if (!before || !now)
        return;
    QStringList behind;
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        if (it.value() > now->value(it.key()))
            behind.append(QStringLiteral("%1 (seq %2, was %3)")
                              .arg(it.key())
                              .arg(now->value(it.key()))
                              .arg(it.value()));
    if (behind.isEmpty()) {
        out() << "restore: no terminal had sent anything after this backup" << Qt::endl;
        return;
    }
    out() << "restore: terminals that sent more after this backup: " << behind.join(u", ")
          << "\nrestore: start the server, then run `stockline --resend-after-restore` on each "
             "of them (README, \"Backup and restore\")"
          << Qt::endl;
}

int restoreSqlite(const QString& url, const QString& from)
{
    const QString target = sqlitePath(url);
    const QString staging = target + QStringLiteral(".restoring");
    QFile::remove(staging);
    // A new machine restoring the store: its database folder may not exist yet.
    if (Status s = makeFolder(QFileInfo(target).absolutePath()); !s)
        return fail(s.error());
    if (!QFile::copy(from, staging))
        return fail(QStringLiteral("%1: cannot copy it to %2").arg(from, staging));
    const Result<VerifyReport> report = verifyDatabase(sqliteScheme + staging);
    if (!report || !report->ok) {
        QFile::remove(staging);
        const QString why =
            report ? report->problems.join(QStringLiteral("; ")) : report.error().toString();
        return fail(QStringLiteral("%1 is not a database verify accepts (%2); nothing changed")
                        .arg(from, why));
    }
    QString keptAs;
    if (QFileInfo::exists(target)) {
        if (Status s = sqlitefiles::foldWhenUnused(target); !s) {
            QFile::remove(staging);
            return fail(s.error().toString() + QStringLiteral("; nothing changed"));
        }
        keptAs = target + QStringLiteral(".before-restore-") + utcStamp();
        if (!QFile::rename(target, keptAs)) {
            QFile::remove(staging);
            return fail(QStringLiteral("%1: cannot move it aside; nothing changed").arg(target));
        }
    }
    if (!QFile::rename(staging, target))
        return fail(QStringLiteral("%1: cannot move the restored copy in; the database it "
                                   "replaced is %2")
                        .arg(target, keptAs));
    out() << "restore: " << target << " is now the backup " << from << " (verify: ok, "
          << report->levelsChecked << " levels, " << report->ledgerEvents << " ledger events)"
          << Qt::endl;
    if (!keptAs.isEmpty()) {
        out() << "restore: the database it replaced is kept as " << keptAs << Qt::endl;
        nameTerminalsBehind(keptAs, target);
    }
    return 0;
}

// Another session of the server's own on the database: pg_restore would wait on its locks
// or pull the tables from under it.
Status refuseWhileServed(const QString& url)
{
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("--no-psqlrc"), QStringLiteral("--tuples-only"),
                QStringLiteral("--no-align"), QStringLiteral("--dbname=") + url,
                QStringLiteral("--command=SELECT count(*) FROM pg_stat_activity WHERE datname = "
                               "current_database() AND pid <> pg_backend_pid() AND "
                               "application_name = 'stockline-server'")});
    if (!psql.waitForFinished(-1) || psql.exitCode() != 0)
        return Error{QStringLiteral("psql"),
                     QString::fromLocal8Bit(psql.readAllStandardError()).trimmed()};
    if (psql.readAllStandardOutput().trimmed() != "0")
        return Error{url,
                     QStringLiteral("a stockline-server is connected to this database (stop "
                                    "every node first: systemctl stop stockline-server)"),
                     ErrorCode::Refused};
    return success();
}

int restorePostgres(const QString& url, const QString& from)
{
    if (Status s = runTool(QStringLiteral("pg_restore"),
                           {QStringLiteral("--list"), QStringLiteral("--file=/dev/null"), from});
        !s)
        return fail(s.error().toString() + QStringLiteral("; nothing changed"));
    if (Status s = refuseWhileServed(url); !s)
        return fail(s.error().toString() + QStringLiteral("; nothing changed"));
    if (Status s = runTool(QStringLiteral("pg_restore"),
                           {QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                            QStringLiteral("--no-owner"), QStringLiteral("--single-transaction"),
                            QStringLiteral("--dbname=") + url, from});
        !s)
        return fail(s.error().toString() + QStringLiteral(" (one transaction: nothing changed)"));
    const Result<VerifyReport> report = verifyDatabase(url);
    if (!report)
        return fail(report.error());
    out() << "restore: " << url << " is now the backup " << from
          << " (verify: " << (report->ok ? "ok" : "FAILED")
          << ")\nrestore: start the servers, then run "
          << "`stockline --resend-after-restore` on every till that sold after the backup"
          << Qt::endl;
    return report->ok ? 0 : 1;
}

} // namespace

void ServerCommands::declareBackup(QCommandLineParser& parser)
{
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Write the backup to this file (default: a dated file in "
                                     "--backup-folder)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("backup-folder"),
                      QStringLiteral("Where dated backups go (default: backups/ beside a SQLite "
                                     "database; needed on PostgreSQL)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("rotate"),
                      QStringLiteral("After a good backup, keep only the newest N dated backups "
                                     "of the folder."),
                      QStringLiteral("N")});
}

void ServerCommands::declareRestore(QCommandLineParser& parser)
{
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("The backup file (from `backup`) to put in place of the "
                                     "database."),
                      QStringLiteral("FILE")});
}

int ServerCommands::backup(const QCommandLineParser& parser)
{
    const QString url = parser.value(dbOption());
    const Result<int> keep = keepCount(parser);
    if (!keep)
        return fail(keep.error());
    const Result<QString> folder = backupFolder(parser, url);
    QString to = parser.value(QStringLiteral("to"));
    if (to.isEmpty()) {
        if (!folder)
            return fail(folder.error());
        to = QDir(*folder).filePath(
            backupPrefix + utcStamp() +
            (isSqlite(url) ? QStringLiteral(".db") : QStringLiteral(".dump")));
    }
    to = QFileInfo(to).absoluteFilePath();
    if (Status s = makeFolder(QFileInfo(to).absolutePath()); !s)
        return fail(s.error());
    if (!isSqlite(url)) {
        if (Status s = dumpPostgres(url, to); !s)
            return fail(s.error());
        out() << "backup: wrote " << to << " (pg_dump; pg_restore reads it whole)" << Qt::endl;
    } else {
        if (Status s = sqlitefiles::onlineBackup(sqlitePath(url), to); !s)
            return fail(s.error());
        const Result<VerifyReport> report = verifyDatabase(sqliteScheme + to);
        if (!report)
            return fail(report.error());
        out() << "backup: wrote " << to << Qt::endl;
        if (reportVerify(*report) != 0)
            return fail(QStringLiteral("the copy fails verify, so does the database: kept it, "
                                       "removed no older backup"));
    }
    if (*keep > 0)
        rotate(QFileInfo(to).absolutePath(), *keep);
    return 0;
}

int ServerCommands::restore(const QCommandLineParser& parser)
{
    const QString from = parser.value(QStringLiteral("from"));
    if (from.isEmpty())
        return fail(QStringLiteral("--from: give the backup file to restore"));
    if (!QFileInfo(from).isFile())
        return fail(QStringLiteral("--from: %1: no such file").arg(from));
    const QString url = parser.value(dbOption());
    return isSqlite(url) ? restoreSqlite(url, QFileInfo(from).absoluteFilePath())
                         : restorePostgres(url, from);
}
