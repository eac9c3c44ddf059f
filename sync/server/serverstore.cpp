#include "serverstore.h"

#include "sqlserverstore.h"

#include <QUrl>

namespace stockline::sync {

namespace {

const QString urlHint =
    QStringLiteral("use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DBNAME");

Result<SqlStoreConfig> sqliteConfig(const QString& url, QLatin1String prefix)
{
    SqlStoreConfig config;
    config.dialect = SqlDialect::sqlite();
    config.databaseName = url.mid(prefix.size());
    if (config.databaseName.isEmpty())
        return Error{QStringLiteral("url"),
                     QStringLiteral("'%1' names no file: use sqlite:PATH").arg(url)};
    return config;
}

// postgres://USER:PASSWORD@HOST:PORT/DBNAME. A missing password comes from PGPASSWORD, a missing
// user from PGUSER, as for psql; the host and the database must be named.
Result<SqlStoreConfig> postgresConfig(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    SqlStoreConfig config;
    config.dialect = SqlDialect::postgres();
    config.host = parsed.host();
    config.port = parsed.port(5432);
    config.user = parsed.userName();
    config.password = parsed.password();
    config.databaseName = parsed.path().mid(1);
    if (config.user.isEmpty())
        config.user = qEnvironmentVariable("PGUSER");
    if (config.password.isEmpty())
        config.password = qEnvironmentVariable("PGPASSWORD");
    // The URL is quoted without its password: it may end up in a log.
    QUrl shown = parsed;
    shown.setPassword(QString());
    const QString quoted = shown.isValid() ? shown.toString() : QStringLiteral("the postgres URL");
    if (!parsed.isValid() || config.host.isEmpty() || config.databaseName.isEmpty() ||
        config.databaseName.contains(u'/') || parsed.hasQuery())
        return Error{QStringLiteral("url"),
                     QStringLiteral("%1 is not postgres://USER:PASSWORD@HOST:PORT/DBNAME "
                                    "(the host and the database name are needed)")
                         .arg(quoted)};
    if (config.user.isEmpty())
        return Error{
            QStringLiteral("url"),
            QStringLiteral("%1 names no user: put it in the URL or in PGUSER").arg(quoted)};
    return config;
}

} // namespace

Result<SqlStoreConfig> SqlStoreConfig::fromUrl(const QString& url)
{
    const QLatin1String sqlitePrefix("sqlite:");
    if (url.startsWith(sqlitePrefix))
        return sqliteConfig(url, sqlitePrefix);
    if (url.startsWith(QLatin1String("postgres://")) ||
        url.startsWith(QLatin1String("postgresql://")))
        return postgresConfig(url);
    QUrl shown(url);
    shown.setPassword(QString());
    return Error{QStringLiteral("url"),
                 QStringLiteral("'%1' is not a database URL Stockline knows: %2")
                     .arg(shown.toString(), urlHint)};
}

Result<std::unique_ptr<SqlServerStore>> SqlServerStore::open(const QString& url)
{
    const Result<SqlStoreConfig> config = SqlStoreConfig::fromUrl(url);
    if (!config)
        return config.error();
    return open(config.value());
}

Result<std::unique_ptr<ArbiterStore>> ArbiterStore::open(const QString& url)
{
    Result<std::unique_ptr<SqlServerStore>> store = SqlServerStore::open(url);
    if (!store)
        return store.error();
    return std::unique_ptr<ArbiterStore>(std::move(store).value());
}

Result<std::unique_ptr<AdminStore>> AdminStore::open(const QString& url)
{
    Result<std::unique_ptr<SqlServerStore>> store = SqlServerStore::open(url);
    if (!store)
        return store.error();
    return std::unique_ptr<AdminStore>(std::move(store).value());
}

} // namespace stockline::sync
