#include "serverstore.h"

#include "sqlserverstore.h"

#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

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
Status readParameters(const QUrl& parsed, const QString& quoted, SqlStoreConfig& config);
Status readHostList(const QString& hostList, const QString& quoted, SqlStoreConfig& config);

Result<SqlStoreConfig> postgresConfig(const QString& given)
{
    // Several hosts: QUrl reads the rest with a stand-in host.
    QString url = given;
    const qsizetype authority = url.indexOf(QLatin1String("://")) + 3;
    const qsizetype pathAt = url.indexOf(u'/', authority);
    const qsizetype hostsAt = url.lastIndexOf(u'@', pathAt < 0 ? -1 : pathAt) + 1;
    const qsizetype hostsFrom = std::max(authority, hostsAt);
    const QString hostList = url.mid(hostsFrom, pathAt < 0 ? -1 : pathAt - hostsFrom);
    if (hostList.contains(u','))
        url.replace(hostsFrom, hostList.size(), QStringLiteral("hosts.invalid"));
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
    const QString quoted = shown.isValid()
                               ? shown.toString().replace(QLatin1String("hosts.invalid"), hostList)
                               : QStringLiteral("the postgres URL");
    if (!parsed.isValid() || config.host.isEmpty() || config.databaseName.isEmpty() ||
        config.databaseName.contains(u'/'))
        return Error{QStringLiteral("url"),
                     QStringLiteral("%1 is not postgres://USER:PASSWORD@HOST:PORT/DBNAME "
                                    "(the host and the database name are needed)")
                         .arg(quoted)};
    if (hostList.contains(u','))
        if (Status read = readHostList(hostList, quoted, config); !read)
            return read.error();
    if (Status read = readParameters(parsed, quoted, config); !read)
        return read.error();
    if (config.user.isEmpty())
        return Error{
            QStringLiteral("url"),
            QStringLiteral("%1 names no user: put it in the URL or in PGUSER").arg(quoted)};
    return config;
}

// The libpq parameters a URL may carry, and the values each accepts (empty: a number).
const QHash<QString, QStringList>& knownParameters()
{
    static const QHash<QString, QStringList> known = {
        {QStringLiteral("target_session_attrs"),
         {QStringLiteral("any"), QStringLiteral("read-write"), QStringLiteral("read-only"),
          QStringLiteral("primary"), QStringLiteral("standby"), QStringLiteral("prefer-standby")}},
        {QStringLiteral("sslmode"),
         {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
          QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")}},
        {QStringLiteral("connect_timeout"), {}},
    };
    return known;
}

QString knownNames()
{
    QStringList names = knownParameters().keys();
    names.sort();
    return names.join(QStringLiteral(", "));
}

Status readParameters(const QUrl& parsed, const QString& quoted, SqlStoreConfig& config)
{
    QStringList parameters;
    for (const auto& [key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        const auto known = knownParameters().constFind(key);
        bool number = false;
        const int n = value.toInt(&number);
        if (known == knownParameters().cend())
            return Error{QStringLiteral("url"),
                         QStringLiteral("%1: unknown parameter '%2' (known: %3)")
                             .arg(quoted, key, knownNames())};
        if (known->isEmpty() ? !number || n < 0 : !known->contains(value))
            return Error{QStringLiteral("url"),
                         QStringLiteral("%1: '%2' is not a value for %3%4")
                             .arg(quoted, value, key,
                                  known->isEmpty() ? QString()
                                                   : QStringLiteral(" (") +
                                                         known->join(QStringLiteral(", ")) + u')')};
        parameters.append(key + u'=' + value);
    }
    config.parameters = parameters.join(u';');
    return success();
}

// HOST:PORT,HOST:PORT… as libpq takes them (README, "High availability"); QUrl takes one host,
// so the list is read here and QUrl reads the rest with a stand-in host.
Status readHostList(const QString& hostList, const QString& quoted, SqlStoreConfig& config)
{
    for (const QString& item : hostList.split(u',')) {
        const QUrl one(QStringLiteral("postgres://") + item, QUrl::StrictMode);
        if (!one.isValid() || one.host().isEmpty() || !one.userInfo().isEmpty() ||
            !one.path().isEmpty())
            return Error{QStringLiteral("url"),
                         QStringLiteral("%1: '%2' is not HOST:PORT").arg(quoted, item)};
        config.hostPorts.append(QStringLiteral("%1:%2").arg(one.host()).arg(one.port(5432)));
    }
    return success();
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
