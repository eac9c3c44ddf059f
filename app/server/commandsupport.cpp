#include "commandsupport.h"

#include "serverstore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <optional>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stockline::servercli {

using namespace stockline::sync;

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message)
{
    err() << "stockline-server: " << message << Qt::endl;
    return 1;
}

int fail(const Error& error)
{
    return fail(error.toString());
}

QString defaultDatabase()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QStringLiteral("sqlite:") + QDir(folder).filePath(QStringLiteral("stockline-server.db"));
}

const QCommandLineOption& dbOption()
{
    static const QCommandLineOption option(
        QStringLiteral("db"),
        QStringLiteral("The database: sqlite:PATH or postgres://… (default: %1).")
            .arg(defaultDatabase()),
        QStringLiteral("DB"), defaultDatabase());
    return option;
}

const QCommandLineOption& jsonOption()
{
    static const QCommandLineOption option(
        QStringLiteral("json"),
        QStringLiteral("The rows as JSON, for scripts, instead of a table."));
    return option;
}

namespace {

// Who would own the files SQLite makes next to the database (-wal, -shm, the database itself):
// the owner of the file, or of its folder when it is new; nobody in particular in a shared
// folder like /tmp (sticky: anyone may add files there).
std::optional<uid_t> expectedOwner(const QString& path)
{
    const QFileInfo file(path);
    const QString target = file.exists() ? file.absoluteFilePath() : file.absolutePath();
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(target).constData(), &info) != 0)
        return std::nullopt; // a new folder: made by this user
    if (S_ISDIR(info.st_mode) && (info.st_mode & S_ISVTX) != 0)
        return std::nullopt;
    return info.st_uid;
}

QString userName(uid_t uid)
{
    const passwd* entry = ::getpwuid(uid);
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(uid);
}

} // namespace

Status checkDatabaseOwner(const QString& url)
{
    if (!url.startsWith(QLatin1String("sqlite:")))
        return success();
    const QString path = url.mid(7);
    const std::optional<uid_t> owner = expectedOwner(path);
    if (!owner || *owner == ::geteuid())
        return success();
    const QString name = userName(*owner);
    return Error{QStringLiteral("--db"),
                 QStringLiteral("%1 belongs to %2: files this user made beside it could not be "
                                "opened by the server; run this as %2, e.g. sudo -u %2 "
                                "stockline-server …")
                     .arg(path, name)};
}

// sqlite: URLs name a file; make sure its folder exists so the default works first time.
Result<std::unique_ptr<AdminStore>> openStore(const QCommandLineParser& parser)
{
    const QString url = parser.value(dbOption());
    if (Status owned = checkDatabaseOwner(url); !owned)
        return owned.error();
    if (url.startsWith(QLatin1String("sqlite:")))
        QDir().mkpath(QFileInfo(url.mid(7)).absolutePath());
    Result<std::unique_ptr<AdminStore>> store = AdminStore::open(url);
    if (!store)
        return store;
    // Amounts in files and output use the store's currency's minor digits (JPY "500").
    const Result<StoreSettings> settings = store.value()->storeSettings();
    if (!settings)
        return settings.error();
    Currency::setCurrent(settings->currency);
    return store;
}

Status requirePositional(const QCommandLineParser& parser, int count, const QString& synopsis)
{
    if (parser.positionalArguments().size() != count)
        return Error{QStringLiteral("usage"), QStringLiteral("expected %1").arg(synopsis)};
    return success();
}

QString padded(const QString& text, int width)
{
    return text.leftJustified(width);
}

QString csvCell(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

} // namespace stockline::servercli
