#include "serverstore.h"

#include "sqlserverstore.h"

namespace stockline::sync {

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString& url)
{
    const QLatin1String sqlitePrefix("sqlite:");
    if (url.startsWith(sqlitePrefix)) {
        SqlStoreConfig config;
        config.dialect = SqlDialect::sqlite();
        config.databaseName = url.mid(sqlitePrefix.size());
        if (config.databaseName.isEmpty())
            return Error{QStringLiteral("url"),
                         QStringLiteral("'%1' names no file: use sqlite:PATH").arg(url)};
        Result<std::unique_ptr<SqlServerStore>> store = SqlServerStore::open(config);
        if (!store)
            return store.error();
        return std::unique_ptr<ServerStore>(std::move(store).value());
    }
    if (url.startsWith(QLatin1String("postgres://")) ||
        url.startsWith(QLatin1String("postgresql://")))
        return Error{QStringLiteral("url"),
                     QStringLiteral("PostgreSQL support is not built yet: use sqlite:PATH")};
    return Error{QStringLiteral("url"),
                 QStringLiteral("'%1' is not a database URL Stockline knows: use sqlite:PATH "
                                "(or postgres://USER@HOST/DATABASE once PostgreSQL is supported)")
                     .arg(url)};
}

} // namespace stockline::sync
