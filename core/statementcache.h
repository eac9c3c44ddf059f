#pragma once

#include "error.h"

#include <QSqlQuery>
#include <QString>
#include <map>

namespace stockline {

class LocalStore;

// Statements prepared once per connection and reused: preparing costs more than running the
// small lookups of a keystroke. Same threading as the store: one thread only.
class StatementCache
{
public:
    explicit StatementCache(const LocalStore& store) : m_store(store) {}

    // The statement for sql, prepared on first use, forward-only. `purpose` words the error,
    // e.g. "search products". The pointer lives as long as the cache.
    [[nodiscard]] Result<QSqlQuery*> get(const QString& sql, const QString& purpose);

private:
    const LocalStore& m_store;
    std::map<QString, QSqlQuery> m_queries;
};

// Resets a reused statement when a read is done, so it holds no read snapshot open between
// keystrokes (which would keep WAL checkpoints from completing).
class StatementReset
{
public:
    explicit StatementReset(QSqlQuery& query) : m_query(query) {}
    ~StatementReset() { m_query.finish(); }
    StatementReset(const StatementReset&) = delete;
    StatementReset& operator=(const StatementReset&) = delete;

private:
    QSqlQuery& m_query;
};

} // namespace stockline
