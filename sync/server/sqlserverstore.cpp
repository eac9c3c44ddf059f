#include "feedlistener.h"
#include "ids.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

namespace {

QAtomicInteger<quint64> connectionCounter;

} // namespace

// ---- opening

QString SqlStoreConfig::label() const
{
    if (dialect.backend == SqlDialect::Backend::Sqlite)
        return databaseName;
    const QString hosts =
        hostPorts.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port) : hostPorts.join(u',');
    QString shown = QStringLiteral("postgres://%1@%2/%3").arg(user, hosts, databaseName);
    if (!parameters.isEmpty())
        shown += u'?' + QString(parameters).replace(u';', u'&');
    return shown;
}

QSqlDatabase SqlStoreConfig::addConnection(const QString& name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driver, name);
    db.setDatabaseName(databaseName);
    if (dialect.backend == SqlDialect::Backend::Postgres) {
        db.setUserName(user);
        db.setPassword(password);
        // An unreachable host fails within seconds instead of the kernel's minutes.
        QString options = QStringLiteral("connect_timeout=10;application_name=stockline-server");
        if (hostPorts.isEmpty()) {
            db.setHostName(host);
            db.setPort(port);
        } else {
            // libpq takes lists: host=a,b port=1,2 (QPSQL passes one port only, so it goes
            // with the options; -1 leaves the driver's out).
            QStringList hosts;
            QStringList ports;
            for (const QString& hostPort : hostPorts) {
                hosts.append(hostPort.section(u':', 0, -2));
                ports.append(hostPort.section(u':', -1));
            }
            db.setHostName(hosts.join(u','));
            db.setPort(-1);
            options += QStringLiteral(";port=") + ports.join(u',');
        }
        if (!parameters.isEmpty())
            options += u';' + parameters;
        db.setConnectOptions(options);
    }
    return db;
}

int SqlServerStore::schemaVersion()
{
    // Every dialect has the same migrations, one per version.
    return static_cast<int>(serverMigrations(SqlDialect::sqlite()).size());
}

SqlServerStore::SqlServerStore(SqlStoreConfig config, QString connectionName)
    : m_config(std::move(config)), m_connectionName(std::move(connectionName))
{
}

SqlServerStore::~SqlServerStore()
{
    m_sql.reset(); // every query before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SqlServerStore>> SqlServerStore::open(const SqlStoreConfig& config)
{
    const QString name =
        QStringLiteral("stockline-server-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<SqlServerStore> store(new SqlServerStore(config, name));
    QSqlDatabase db = config.addConnection(name);
    if (!db.isValid())
        return Error{
            QString(),
            QStringLiteral("the Qt SQL driver %1 is not installed").arg(config.dialect.driver),
            ErrorCode::Storage};
    // libpq's message says which of host, login and database failed; it never holds the password.
    if (!db.open())
        return Error{QString(),
                     QStringLiteral("cannot open the server database %1: %2")
                         .arg(config.label(), db.lastError().text().simplified()),
                     ErrorCode::Storage};
    if (auto s = store->configure(); !s)
        return s.error();
    if (auto s = store->migrate(); !s)
        return s.error();
    if (auto s = store->prepareStatements(); !s)
        return s.error();
    return store;
}

std::unique_ptr<FeedListener>
SqlServerStore::listenForOtherWriters(std::function<void(qint64 cursor)> wake)
{
    if (m_config.dialect.feedChannel.isEmpty())
        return nullptr;
    return std::make_unique<FeedListener>(m_config, std::move(wake));
}

Result<bool> SqlServerStore::reconnectIfLost()
{
    if (m_config.dialect.backend != SqlDialect::Backend::Postgres)
        return false; // a file does not go away the way a server connection does
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    {
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false;
    }
    qCWarning(lcServer).noquote() << "lost the connection to" << m_config.label()
                                  << "; connecting again";
    db.close(); // every query of it is void now; prepareStatements() below makes new ones
    if (!db.open())
        return Error{QString(),
                     QStringLiteral("cannot reconnect to the server database %1: %2")
                         .arg(m_config.label(), db.lastError().text().simplified()),
                     ErrorCode::Storage};
    if (auto s = configure(); !s)
        return s.error();
    if (auto s = prepareStatements(); !s)
        return s.error();
    qCInfo(lcServer).noquote() << "connected to" << m_config.label() << "again";
    return true;
}

Status SqlServerStore::configure()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (m_config.dialect.backend == SqlDialect::Backend::Postgres) {
        // libpq prints notices ("relation meta already exists, skipping") to stderr.
        if (!q.exec(QStringLiteral("SET client_min_messages = warning")))
            return Error{QString(),
                         QStringLiteral("cannot use %1 as the server database: %2")
                             .arg(m_config.label(), q.lastError().text()),
                         ErrorCode::Storage};
        return success();
    }
    // WAL: readers never block the writer. synchronous=FULL syncs the WAL at every commit,
    // so a result is only sent for a change that survives a power cut (invariant 3); one
    // sync serves a whole batch, so it costs little per mutation.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        m_config.fullSync ? QStringLiteral("PRAGMA synchronous = FULL")
                          : QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA busy_timeout = 5000"), // an admin command writing meanwhile
        QStringLiteral("PRAGMA cache_size = -32768"), // 32 MiB
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    };
    for (const QString& pragma : pragmas) {
        if (!q.exec(pragma))
            return Error{QString(),
                         QStringLiteral("cannot use %1 as the server database: %2")
                             .arg(m_config.label(), q.lastError().text()),
                         ErrorCode::Storage};
        if (pragma.contains(QLatin1String("journal_mode")) &&
            (!q.next() ||
             q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0))
            return Error{QString(), QStringLiteral("cannot switch %1 to WAL").arg(m_config.label()),
                         ErrorCode::Storage};
        q.finish();
    }
    return success();
}

Status SqlServerStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const auto fail = [&](const QString& what) {
        const Error error{QString(),
                          QStringLiteral("cannot migrate %1: %2: %3")
                              .arg(m_config.label(), what, q.lastError().text()),
                          ErrorCode::Storage};
        q.exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (!q.exec(m_config.dialect.beginWrite))
        return fail(QStringLiteral("begin"));
    // Nodes starting together would otherwise race to create the same tables.
    if (!m_config.dialect.lockSchema.isEmpty() && !q.exec(m_config.dialect.lockSchema))
        return fail(QStringLiteral("wait for other nodes' migrations"));
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)")))
        return fail(QStringLiteral("create the meta table"));
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")))
        return fail(QStringLiteral("read the schema version"));
    const int current = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    const QList<QStringList> migrations = serverMigrations(m_config.dialect);
    const int latestSchema = schemaVersion();
    if (current > latestSchema) {
        q.exec(QStringLiteral("ROLLBACK"));
        return Error{QString(),
                     QStringLiteral("%1 has schema version %2, newer than this server's %3: "
                                    "run the newer Stockline server that wrote it")
                         .arg(m_config.label())
                         .arg(current)
                         .arg(latestSchema)};
    }
    for (int version = current; version < latestSchema; ++version) {
        for (const QString& statement : migrations.at(version)) {
            if (!q.exec(statement))
                return fail(QStringLiteral("schema %1: %2").arg(version + 1).arg(statement));
        }
    }
    if (current < latestSchema) {
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema', ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(latestSchema);
        if (!q.exec())
            return fail(QStringLiteral("record the schema version"));
        qCInfo(lcServer).noquote() << "server database" << m_config.label()
                                   << "migrated from schema" << current << "to" << latestSchema;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("commit"));
    return success();
}

Status SqlServerStore::prepareStatements()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto sql = std::make_unique<Statements>(m_connectionName, m_config.dialect.arrayParameters);
    const SqlDialect& d = m_config.dialect;
    const QString returningLevel = QStringLiteral(" RETURNING on_hand, reserved, version");
    const QList<std::pair<Statements::Control*, QString>> controls = {
        {&sql->beginWrite, d.beginWrite},
        {&sql->commit, QStringLiteral("COMMIT")},
        {&sql->rollback, QStringLiteral("ROLLBACK")},
        {&sql->savepoint, QStringLiteral("SAVEPOINT mutation")},
        {&sql->releaseSavepoint, QStringLiteral("RELEASE SAVEPOINT mutation")},
        {&sql->rollbackToSavepoint, QStringLiteral("ROLLBACK TO SAVEPOINT mutation")},
    };
    for (const auto& [control, text] : controls) {
        control->query = QSqlQuery(db);
        control->sql = text;
        control->prepared = d.preparesTransactionControl;
        if (sql->rows.native())
            control->native = &sql->rows;
        else if (control->prepared && !control->query.prepare(text))
            return Error{QString(),
                         QStringLiteral("storage: cannot prepare \"%1\": %2")
                             .arg(text, control->query.lastError().text()),
                         ErrorCode::Storage};
    }
    sql->readCursor =
        QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'") + d.lockRowSuffix;
    sql->writeCursor = QStringLiteral("UPDATE meta SET value = ? WHERE key = 'cursor'");
    // Delivered to the listeners when the transaction commits, and not at all if it rolls back.
    if (!d.feedChannel.isEmpty())
        sql->notifyFeed =
            QStringLiteral("SELECT pg_notify('%1', CAST(? AS TEXT))").arg(d.feedChannel);
    sql->expireReservations = QStringLiteral("DELETE FROM reservations WHERE expires_at <= ? "
                                             "RETURNING terminal, reservation, sku, location, qty");
    const QList<std::pair<QSqlQuery*, QString>> statements = {
        {&sql->loadTerminal, QStringLiteral("SELECT role, token_hash, last_seq, revoked, "
                                            "last_receipt, last_refund "
                                            "FROM terminals WHERE id = ?")},
        {&sql->productExists, QStringLiteral("SELECT 1 FROM products WHERE sku = ?")},
        {&sql->locationExists, QStringLiteral("SELECT 1 FROM locations WHERE id = ?")},
        {&sql->changeLevel,
         QStringLiteral("UPDATE levels SET on_hand = on_hand + ?, reserved = reserved + ?, "
                        "version = version + 1, cursor = ? "
                        "WHERE sku = ? AND location = ? AND on_hand - reserved >= ? "
                        "AND reserved >= ?") +
             returningLevel},
        {&sql->addLevel,
         QStringLiteral("INSERT INTO levels (sku, location, on_hand, reserved, version, cursor) "
                        "VALUES (?, ?, ?, 0, 1, ?) ON CONFLICT (sku, location) DO UPDATE SET "
                        "on_hand = levels.on_hand + excluded.on_hand, "
                        "version = levels.version + 1, cursor = excluded.cursor") +
             returningLevel},
        {&sql->readLevel, QStringLiteral("SELECT on_hand, reserved, version FROM levels "
                                         "WHERE sku = ? AND location = ?")},
        {&sql->createLevel,
         QStringLiteral("INSERT INTO levels (sku, location, on_hand, reserved, version, cursor) "
                        "VALUES (?, ?, ?, 0, 1, ?) ON CONFLICT (sku, location) DO NOTHING") +
             returningLevel},
        {&sql->countLevel, QStringLiteral("UPDATE levels SET on_hand = ?, reserved = reserved + ?, "
                                          "version = version + 1, cursor = ? "
                                          "WHERE sku = ? AND location = ? AND version = ?") +
                               returningLevel},
        {&sql->levelReservations,
         QStringLiteral("SELECT terminal, reservation, qty FROM reservations "
                        "WHERE sku = ? AND location = ? "
                        "ORDER BY expires_at DESC, terminal, reservation")},
        {&sql->shrinkReservation,
         QStringLiteral("UPDATE reservations SET qty = ? WHERE terminal = ? AND reservation = ?")},
        {&sql->deleteReservation,
         QStringLiteral("DELETE FROM reservations WHERE terminal = ? AND reservation = ?")},
        {&sql->insertLedger,
         QStringLiteral("INSERT INTO ledger (at, terminal, seq, mutation_id, kind, sku, location, "
                        "on_hand_delta, reserved_delta, detail) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        {&sql->insertShortage,
         QStringLiteral("INSERT INTO shortages (sku, location, qty, terminal, sale, at) "
                        "VALUES (?, ?, ?, ?, ?, ?)")},
    };
    const auto prepare = [&db](QSqlQuery& query, const QString& text) -> Status {
        query = QSqlQuery(db);
        query.setForwardOnly(true);
        if (!query.prepare(text))
            return Error{QString(),
                         QStringLiteral("storage: cannot prepare \"%1\": %2")
                             .arg(text, query.lastError().text()),
                         ErrorCode::Storage};
        return success();
    };
    for (const auto& [query, text] : statements) {
        if (auto s = prepare(*query, text); !s)
            return s;
    }
    m_sql = std::move(sql);
    return success();
}

Status SqlServerStore::Statements::Control::run(const QString& what)
{
    if (native)
        return native->exec(sql, {}, what);
    if (!(prepared ? query.exec() : query.exec(sql)))
        return storageError(query, what);
    return success();
}

// ---- reads shared by administration and sessions

QSqlQuery SqlServerStore::newQuery() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    return q;
}

Result<bool> SqlServerStore::productExists(const QString& sku)
{
    if (m_knownProducts.contains(sku))
        return true;
    QSqlQuery& q = m_sql->productExists;
    if (auto s = run(q, {sku}, QStringLiteral("look up a product")); !s)
        return s.error();
    const bool found = q.next();
    q.finish();
    if (found)
        m_knownProducts.insert(sku);
    return found;
}

Result<bool> SqlServerStore::locationExists(const QString& id)
{
    if (m_knownLocations.contains(id))
        return true;
    QSqlQuery& q = m_sql->locationExists;
    if (auto s = run(q, {id}, QStringLiteral("look up a location")); !s)
        return s.error();
    const bool found = q.next();
    q.finish();
    if (found)
        m_knownLocations.insert(id);
    return found;
}

Result<qint64> SqlServerStore::currentCursor()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'")) || !q.next())
        return storageError(q, QStringLiteral("read the cursor"));
    return q.value(0).toLongLong();
}

} // namespace stockline::sync
