#include "sqlserverstore_p.h"

#include <QSqlQuery>

namespace stockline::sync {

Result<OpenCounts> SqlServerStore::openCounts()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM reservations), "
                               "(SELECT COUNT(*) FROM shortages WHERE resolved_at IS NULL)")) ||
        !q.next())
        return sqlstore::storageError(q, QStringLiteral("count open holds and shortages"));
    return OpenCounts{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

} // namespace stockline::sync
