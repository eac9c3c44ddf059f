#include "statementcache.h"

#include "localstore.h"

namespace stockline {

Result<QSqlQuery*> StatementCache::get(const QString& sql, const QString& purpose)
{
    auto found = m_queries.find(sql);
    if (found != m_queries.end())
        return &found->second;
    QSqlQuery query(m_store.database());
    // Forward-only: Qt would otherwise cache every row it reads.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return LocalStore::sqlError(query, purpose);
    return &m_queries.emplace(sql, std::move(query)).first->second;
}

} // namespace stockline
