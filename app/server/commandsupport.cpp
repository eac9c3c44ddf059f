#include "commandsupport.h"

#include "serverstore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

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

// sqlite: URLs name a file; make sure its folder exists so the default works first time.
Result<std::unique_ptr<AdminStore>> openStore(const QCommandLineParser& parser)
{
    const QString url = parser.value(dbOption());
    if (url.startsWith(QLatin1String("sqlite:")))
        QDir().mkpath(QFileInfo(url.mid(7)).absolutePath());
    return AdminStore::open(url);
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

} // namespace stockline::servercli
