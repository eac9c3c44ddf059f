#include "feedlistener.h"
#include "ids.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <array>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

namespace {

QAtomicInteger<quint64> connectionCounter;

QByteArray tokenHash(const QString& token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

// Takes as long for every pair of the same length, so the time does not tell how much of a
// guessed token's hash was right.
bool constantTimeEqual(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString newToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()),
                           static_cast<qsizetype>(sizeof(words)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

// ---- opening

QString SqlStoreConfig::label() const
{
    if (dialect.backend == SqlDialect::Backend::Sqlite)
        return databaseName;
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

QSqlDatabase SqlStoreConfig::addConnection(const QString& name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driver, name);
    db.setDatabaseName(databaseName);
    if (dialect.backend == SqlDialect::Backend::Postgres) {
        db.setHostName(host);
        db.setPort(port);
        db.setUserName(user);
        db.setPassword(password);
        // An unreachable host fails within seconds instead of the kernel's minutes.
        db.setConnectOptions(
            QStringLiteral("connect_timeout=10;application_name=stockline-server"));
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
        if (control->prepared && !control->query.prepare(text))
            return Error{QString(),
                         QStringLiteral("storage: cannot prepare \"%1\": %2")
                             .arg(text, control->query.lastError().text()),
                         ErrorCode::Storage};
    }
    const QList<std::pair<QSqlQuery*, QString>> statements = {
        {&sql->readCursor,
         QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'") + d.lockRowSuffix},
        {&sql->writeCursor, QStringLiteral("UPDATE meta SET value = ? WHERE key = 'cursor'")},
        {&sql->loadTerminal, QStringLiteral("SELECT role, token_hash, last_seq, revoked "
                                            "FROM terminals WHERE id = ?")},
        {&sql->loadResult, QStringLiteral("SELECT mutation_id, result FROM results "
                                          "WHERE terminal = ? AND seq = ?")},
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
        {&sql->readReservation,
         QStringLiteral("SELECT sku, location, qty, expires_at FROM reservations "
                        "WHERE terminal = ? AND reservation = ?")},
        {&sql->expireReservations,
         QStringLiteral("DELETE FROM reservations WHERE expires_at <= ? "
                        "RETURNING terminal, reservation, sku, location, qty")},
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
    // Delivered to the listeners when the transaction commits, and not at all if it rolls back.
    if (!d.feedChannel.isEmpty()) {
        if (auto s = prepare(
                sql->notifyFeed,
                QStringLiteral("SELECT pg_notify('%1', CAST(? AS TEXT))").arg(d.feedChannel));
            !s)
            return s;
    }
    m_sql = std::move(sql);
    return success();
}

Status SqlServerStore::Statements::Control::run(const QString& what)
{
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

// ---- administration

Status SqlServerStore::addLocation(const Location& location)
{
    if (const std::optional<Error> problem = location.validate())
        return *problem;
    QSqlQuery q = newQuery();
    // Adding a location again renames it: set-up scripts can be run twice.
    q.prepare(QStringLiteral("INSERT INTO locations (id, name) VALUES (?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
    if (auto s = run(q, {location.id, location.name}, QStringLiteral("store a location")); !s)
        return s;
    m_knownLocations.insert(location.id);
    return success();
}

Result<QString> SqlServerStore::addTerminal(const QString& id, Role role)
{
    if (!isValidId(id))
        return Error{
            QStringLiteral("id"),
            QStringLiteral("'%1' is not 1–64 characters from A-Z a-z 0-9 . _ : -").arg(id)};
    const QString token = newToken();
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("INSERT INTO terminals (id, role, token_hash) VALUES (?, ?, ?) "
                             "ON CONFLICT (id) DO NOTHING"));
    if (auto s = run(q, {id, roleName(role), QString::fromLatin1(tokenHash(token))},
                     QStringLiteral("enrol a terminal"));
        !s)
        return s.error();
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("id"),
                     QStringLiteral("a terminal %1 is enrolled already: revoke it and enrol the "
                                    "device under a new ID")
                         .arg(id)};
    qCInfo(lcServer).noquote() << "terminal" << id << "enrolled as" << roleName(role);
    return token;
}

Status SqlServerStore::revokeTerminal(const QString& id)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("UPDATE terminals SET revoked = 1 WHERE id = ?"));
    if (auto s = run(q, {id}, QStringLiteral("revoke a terminal")); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("id"), QStringLiteral("there is no terminal %1").arg(id)};
    qCInfo(lcServer).noquote() << "terminal" << id << "revoked";
    return success();
}

Status SqlServerStore::importCatalog(const QList<Product>& products)
{
    for (qsizetype i = 0; i < products.size(); ++i) {
        if (const std::optional<Error> problem = products.at(i).validate()) {
            return Error{QStringLiteral("products[%1].%2").arg(i).arg(problem->field),
                         QStringLiteral("%1 (SKU '%2')").arg(problem->message, products.at(i).sku)};
        }
    }
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "INSERT INTO products (sku, barcode, name, price, tax_rate, active, department, "
            "reorder_point, cursor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO "
            "UPDATE SET barcode = excluded.barcode, name = excluded.name, "
            "price = excluded.price, tax_rate = excluded.tax_rate, active = excluded.active, "
            "department = excluded.department, reorder_point = excluded.reorder_point, "
            "cursor = excluded.cursor")))
        return storageError(q, QStringLiteral("prepare the catalog import"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    for (const Product& p : products) {
        if (auto s = run(q,
                         {p.sku, p.barcode, p.name, p.price.minor(), p.taxRate.milliPercent(),
                          p.active ? 1 : 0, p.department, p.reorderPoint, writer.cursor()},
                         QStringLiteral("store a product"));
            !s)
            return s;
        writer.productChanged(p);
    }
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    for (const Product& p : products)
        m_knownProducts.insert(p.sku);
    return success();
}

Status SqlServerStore::importStock(const QList<StockMovement>& stock)
{
    for (qsizetype i = 0; i < stock.size(); ++i) {
        const StockMovement& m = stock.at(i);
        const QString entry = QStringLiteral("stock[%1].").arg(i);
        if (m.qty < 0 || m.qty > maxQuantity)
            return Error{entry + QStringLiteral("qty"),
                         QStringLiteral("must be from 0 to %1").arg(maxQuantity)};
        const Result<bool> product = productExists(m.sku);
        if (!product)
            return product.error();
        if (!*product)
            return Error{entry + QStringLiteral("sku"),
                         QStringLiteral("there is no product %1").arg(m.sku)};
        const Result<bool> location = locationExists(m.location);
        if (!location)
            return location.error();
        if (!*location)
            return Error{entry + QStringLiteral("location"),
                         QStringLiteral("there is no location %1").arg(m.location)};
    }
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    const Origin origin{QString(), 0, QString(), QStringLiteral("receive")};
    const QString detail = detailJson({{QStringLiteral("import"), true}});
    Change change;
    for (const StockMovement& m : stock) {
        if (auto s = writer.addStock(origin, change, m.sku, m.location, m.qty, detail); !s)
            return s;
    }
    writer.keep(change);
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    return success();
}

namespace {

const QString levelColumns = QStringLiteral("SELECT sku, location, on_hand, reserved, version "
                                            "FROM levels");
const QString productColumns = QStringLiteral("SELECT sku, barcode, name, price, tax_rate, "
                                              "active, department, reorder_point FROM products");

} // namespace

Result<QList<StockLevel>> SqlServerStore::levels(const QString& sku)
{
    QSqlQuery q = newQuery();
    if (sku.isEmpty()) {
        q.prepare(levelColumns + QStringLiteral(" ORDER BY sku, location"));
    } else {
        q.prepare(levelColumns + QStringLiteral(" WHERE sku = ? ORDER BY location"));
        q.addBindValue(sku);
    }
    if (!q.exec())
        return storageError(q, QStringLiteral("read levels"));
    QList<StockLevel> result;
    while (q.next())
        result.append(sqlrows::level(q));
    return result;
}

Status SqlServerStore::putStaff(const StaffMember& member)
{
    if (const std::optional<Error> problem = member.validate())
        return *problem;
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "INSERT INTO staff (name, role, pin_salt, pin_iterations, pin_hash, active, cursor)"
            " VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (name) DO UPDATE SET"
            " role = excluded.role, pin_salt = excluded.pin_salt,"
            " pin_iterations = excluded.pin_iterations, pin_hash = excluded.pin_hash,"
            " active = 1, cursor = excluded.cursor")))
        return storageError(q, QStringLiteral("prepare storing staff"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    if (auto s = run(q,
                     {member.name, staffRoleName(member.role),
                      QString::fromLatin1(member.pin.salt.toBase64()), member.pin.iterations,
                      QString::fromLatin1(member.pin.hash.toBase64()), writer.cursor()},
                     QStringLiteral("store staff"));
        !s)
        return s;
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Status SqlServerStore::removeStaff(const QString& name)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "UPDATE staff SET active = 0, cursor = ? WHERE name = ? AND active = 1")))
        return storageError(q, QStringLiteral("prepare removing staff"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    if (auto s = run(q, {writer.cursor(), name}, QStringLiteral("remove staff")); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("name"),
                     QStringLiteral("no active staff named '%1'").arg(name)};
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Result<QList<StaffMember>> SqlServerStore::staff()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT name, role, pin_salt, pin_iterations, pin_hash FROM staff"
                               " WHERE active = 1 ORDER BY name")))
        return storageError(q, QStringLiteral("read staff"));
    QList<StaffMember> result;
    while (q.next()) {
        StaffMember m;
        m.name = q.value(0).toString();
        m.role = staffRoleFromName(q.value(1).toString()).value_or(StaffRole::Cashier);
        m.pin.salt = QByteArray::fromBase64(q.value(2).toString().toLatin1());
        m.pin.iterations = q.value(3).toInt();
        m.pin.hash = QByteArray::fromBase64(q.value(4).toString().toLatin1());
        result.append(m);
    }
    return result;
}

Status SqlServerStore::importDeliveries(const QList<Delivery>& deliveries)
{
    QSet<QString> references;
    for (qsizetype i = 0; i < deliveries.size(); ++i) {
        const Delivery& d = deliveries.at(i);
        const QString entry = QStringLiteral("deliveries[%1].").arg(i);
        if (const std::optional<Error> problem = d.validate())
            return Error{entry + problem->field, problem->message, problem->code};
        if (references.contains(d.id))
            return Error{entry + QStringLiteral("reference"),
                         QStringLiteral("%1 is listed twice").arg(d.id)};
        references.insert(d.id);
        if (const Status known = checkDeliveryKnown(d, entry); !known)
            return known;
    }
    QSqlQuery head = newQuery();
    QSqlQuery line = newQuery();
    if (!head.prepare(QStringLiteral("INSERT INTO deliveries (id, supplier, location, imported_at,"
                                     " cursor) VALUES (?, ?, ?, ?, ?)")) ||
        !line.prepare(QStringLiteral(
            "INSERT INTO delivery_lines (delivery, sku, expected) VALUES (?, ?, ?)")))
        return storageError(head.lastError().isValid() ? head : line,
                            QStringLiteral("prepare importing deliveries"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Writer writer(*this, now);
    if (auto s = writer.begin(); !s)
        return s;
    for (const Delivery& d : deliveries) {
        if (auto s = run(head, {d.id, d.supplier, d.location, now, writer.cursor()},
                         QStringLiteral("store a delivery"));
            !s)
            return s;
        for (const DeliveryLine& l : d.lines) {
            if (auto s =
                    run(line, {d.id, l.sku, l.expected}, QStringLiteral("store a delivery line"));
                !s)
                return s;
        }
    }
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Status SqlServerStore::checkDeliveryKnown(const Delivery& delivery, const QString& entry)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral("SELECT 1 FROM deliveries WHERE id = ?")))
        return storageError(q, QStringLiteral("prepare reading deliveries"));
    if (auto s = run(q, {delivery.id}, QStringLiteral("read deliveries")); !s)
        return s;
    if (q.next())
        return Error{entry + QStringLiteral("reference"),
                     QStringLiteral("%1 was imported before").arg(delivery.id)};
    const Result<bool> location = locationExists(delivery.location);
    if (!location)
        return location.error();
    if (!*location)
        return Error{entry + QStringLiteral("location"),
                     QStringLiteral("there is no location %1").arg(delivery.location)};
    for (qsizetype i = 0; i < delivery.lines.size(); ++i) {
        const Result<bool> product = productExists(delivery.lines.at(i).sku);
        if (!product)
            return product.error();
        if (!*product)
            return Error{entry + QStringLiteral("lines[%1].sku").arg(i),
                         QStringLiteral("there is no product %1").arg(delivery.lines.at(i).sku)};
    }
    return success();
}

Result<QList<Delivery>> SqlServerStore::deliveries(bool withClosed)
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT d.id, d.supplier, d.location, d.closed, l.sku, l.expected,"
                               " l.received, l.rejected FROM deliveries d"
                               " JOIN delivery_lines l ON l.delivery = d.id%1"
                               " ORDER BY d.id, l.sku")
                    .arg(withClosed ? QString() : QStringLiteral(" WHERE d.closed = 0"))))
        return storageError(q, QStringLiteral("read deliveries"));
    QList<Delivery> result;
    while (q.next()) {
        if (result.isEmpty() || result.last().id != q.value(0).toString())
            result.append(Delivery{q.value(0).toString(),
                                   q.value(1).toString(),
                                   q.value(2).toString(),
                                   {},
                                   q.value(3).toInt() != 0});
        result.last().lines.append(DeliveryLine{q.value(4).toString(), q.value(5).toLongLong(),
                                                q.value(6).toLongLong(), q.value(7).toLongLong()});
    }
    return result;
}

Result<Delivery> SqlServerStore::closeDelivery(const QString& reference)
{
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s.error();
    Result<std::optional<Delivery>> found = readDelivery(reference);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{QStringLiteral("reference"),
                     QStringLiteral("there is no delivery %1").arg(reference)};
    Delivery delivery = std::move(found).value().value();
    const Error closedAlready{QStringLiteral("reference"),
                              QStringLiteral("delivery %1 is closed already").arg(reference)};
    if (delivery.closed)
        return closedAlready;
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "UPDATE deliveries SET closed = 1, cursor = ? WHERE id = ? AND closed = 0")))
        return storageError(q, QStringLiteral("prepare closing a delivery"));
    if (auto s = run(q, {writer.cursor(), reference}, QStringLiteral("close a delivery")); !s)
        return s.error();
    if (q.numRowsAffected() != 1) // another command closed it since it was read
        return closedAlready;
    // The cursor moves, so a running server sees another writer and sends its docks the list.
    Change change;
    change.deliveries = true;
    writer.keep(change);
    writer.markChanged();
    if (const Result<CommitEffects> committed = writer.commit(); !committed)
        return committed.error();
    delivery.closed = true;
    return delivery;
}

Result<std::optional<Delivery>> SqlServerStore::readDelivery(const QString& reference)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral("SELECT d.supplier, d.location, d.closed, l.sku, l.expected,"
                                  " l.received, l.rejected FROM deliveries d"
                                  " JOIN delivery_lines l ON l.delivery = d.id"
                                  " WHERE d.id = ? ORDER BY l.sku")))
        return storageError(q, QStringLiteral("prepare reading a delivery"));
    if (auto s = run(q, {reference}, QStringLiteral("read a delivery")); !s)
        return s.error();
    std::optional<Delivery> result;
    while (q.next()) {
        if (!result)
            result = Delivery{reference,
                              q.value(0).toString(),
                              q.value(1).toString(),
                              {},
                              q.value(2).toInt() != 0};
        result->lines.append(DeliveryLine{q.value(3).toString(), q.value(4).toLongLong(),
                                          q.value(5).toLongLong(), q.value(6).toLongLong()});
    }
    return result;
}

Result<QList<ApprovalRecord>> SqlServerStore::approvals()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT terminal, seq, at, recorded_at, action, staff, approver,"
                               " detail FROM approvals ORDER BY recorded_at, terminal, seq")))
        return storageError(q, QStringLiteral("read approvals"));
    QList<ApprovalRecord> result;
    while (q.next())
        result.append(ApprovalRecord{
            q.value(0).toString(), q.value(1).toLongLong(), fromMs(q.value(2).toLongLong()),
            fromMs(q.value(3).toLongLong()), q.value(4).toString(), q.value(5).toString(),
            q.value(6).toString(), q.value(7).toString()});
    return result;
}

Result<QList<Location>> SqlServerStore::locations()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT id, name FROM locations ORDER BY id")))
        return storageError(q, QStringLiteral("read locations"));
    QList<Location> result;
    while (q.next())
        result.append(Location{q.value(0).toString(), q.value(1).toString()});
    return result;
}

Result<QList<Shortage>> SqlServerStore::openShortages()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT id, sku, location, qty, terminal, sale, at FROM shortages "
                               "WHERE resolved_at IS NULL ORDER BY id")))
        return storageError(q, QStringLiteral("read shortages"));
    QList<Shortage> result;
    while (q.next()) {
        Shortage s;
        s.id = q.value(0).toLongLong();
        s.sku = q.value(1).toString();
        s.location = q.value(2).toString();
        s.qty = q.value(3).toLongLong();
        s.terminal = q.value(4).toString();
        s.sale = q.value(5).toString();
        s.at = fromMs(q.value(6).toLongLong());
        result.append(s);
    }
    return result;
}

Status SqlServerStore::resolveShortage(qint64 id, const QString& by)
{
    if (by.trimmed().isEmpty() || by.size() > maxTextLength)
        return Error{QStringLiteral("by"),
                     QStringLiteral("must name who resolved it, in at most %1 characters")
                         .arg(maxTextLength)};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Writer writer(*this, now);
    if (auto s = writer.begin(); !s)
        return s;
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("UPDATE shortages SET resolved_at = ?, resolved_by = ? "
                             "WHERE id = ? AND resolved_at IS NULL RETURNING sku, location"));
    if (auto s = run(q, {now, by, id}, QStringLiteral("resolve a shortage")); !s)
        return s;
    if (!q.next())
        return Error{
            QStringLiteral("id"),
            QStringLiteral("shortage %1 is not open (unknown or resolved already)").arg(id)};
    const QString sku = q.value(0).toString();
    const QString location = q.value(1).toString();
    q.finish();
    // An audit event only: resolving moves no stock.
    const Origin origin{QString(), 0, QString(), QStringLiteral("resolve")};
    if (auto s = writer.ledger(
            origin, sku, location, 0, 0,
            detailJson({{QStringLiteral("shortage"), id}, {QStringLiteral("by"), by}}));
        !s)
        return s;
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    return success();
}

// ---- pairing

Result<PairingCode> SqlServerStore::createPairingCode(const QString& id, const QDateTime& now,
                                                      qint64 validSeconds)
{
    if (!now.isValid() || validSeconds < 1)
        return Error{QStringLiteral("validSeconds"), QStringLiteral("must be a time to come")};
    const Result<TerminalInfo> info = terminal(id);
    if (!info)
        return info.error();
    if (info->revoked)
        return Error{
            QStringLiteral("id"),
            QStringLiteral("terminal %1 is revoked: enrol the device under a new ID").arg(id)};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QDateTime expires = now.addSecs(validSeconds);
    if (auto s = m_sql->beginWrite.run(QStringLiteral("begin making a pairing code")); !s)
        return s.error();
    bool open = true;
    const auto rollback = qScopeGuard([&] {
        if (open)
            (void)m_sql->rollback.run(QStringLiteral("roll back a pairing code"));
    });
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE terminal = ? OR expires_at <= ?"));
    if (auto s = run(q, {id, nowMs}, QStringLiteral("withdraw earlier pairing codes")); !s)
        return s.error();
    q.prepare(QStringLiteral("INSERT INTO pairing_codes (code_hash, terminal, expires_at) "
                             "VALUES (?, ?, ?) ON CONFLICT (code_hash) DO NOTHING"));
    QString digits;
    // Two live codes that are the same are one chance in millions: draw again.
    for (int attempt = 0; attempt < 8 && digits.isEmpty(); ++attempt) {
        const quint32 drawn = QRandomGenerator::system()->bounded(100'000'000U);
        const QString candidate =
            QStringLiteral("%1").arg(drawn, pairingCodeDigits, 10, QLatin1Char('0'));
        if (auto s =
                run(q, {QString::fromLatin1(tokenHash(candidate)), id, expires.toMSecsSinceEpoch()},
                    QStringLiteral("store a pairing code"));
            !s)
            return s.error();
        if (q.numRowsAffected() == 1)
            digits = candidate;
    }
    if (digits.isEmpty())
        return Error{QString(), QStringLiteral("could not draw a pairing code; try again")};
    if (auto s = m_sql->commit.run(QStringLiteral("commit a pairing code")); !s)
        return s.error();
    open = false;
    qCInfo(lcServer).noquote() << "pairing code made for terminal" << id << "until"
                               << expires.toString(Qt::ISODate);
    return PairingCode{formatPairingCode(digits), expires};
}

Result<std::optional<Paired>> SqlServerStore::redeemPairingCode(const QString& code,
                                                                const QDateTime& now)
{
    const std::optional<QString> digits = pairingCodeDigitsOf(code);
    if (!digits || !now.isValid())
        return std::optional<Paired>();
    if (auto s = m_sql->beginWrite.run(QStringLiteral("begin pairing")); !s)
        return s.error();
    bool open = true;
    const auto rollback = qScopeGuard([&] {
        if (open)
            (void)m_sql->rollback.run(QStringLiteral("roll back pairing"));
    });
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE expires_at <= ?"));
    if (auto s = run(q, {now.toMSecsSinceEpoch()}, QStringLiteral("drop expired pairing codes"));
        !s)
        return s.error();
    q.prepare(QStringLiteral("DELETE FROM pairing_codes WHERE code_hash = ? RETURNING terminal"));
    if (auto s =
            run(q, {QString::fromLatin1(tokenHash(*digits))}, QStringLiteral("use a pairing code"));
        !s)
        return s.error();
    const bool found = q.next();
    const QString id = found ? q.value(0).toString() : QString();
    q.finish();
    std::optional<Paired> paired;
    if (found) {
        const QString token = newToken();
        q.prepare(
            QStringLiteral("UPDATE terminals SET token_hash = ? WHERE id = ? AND revoked = 0"));
        if (auto s = run(q, {QString::fromLatin1(tokenHash(token)), id},
                         QStringLiteral("give a paired terminal its token"));
            !s)
            return s.error();
        if (q.numRowsAffected() == 1) // else revoked since the code was made: used up all the same
            paired = Paired{id, token};
    } else {
        q.prepare(QStringLiteral("UPDATE pairing_codes SET failures = failures + 1"));
        if (auto s = run(q, {}, QStringLiteral("count a wrong pairing code")); !s)
            return s.error();
        q.prepare(
            QStringLiteral("DELETE FROM pairing_codes WHERE failures >= ? RETURNING terminal"));
        if (auto s = run(q, {maxPairingFailures}, QStringLiteral("withdraw guessed-at codes")); !s)
            return s.error();
        while (q.next())
            qCWarning(lcServer).noquote()
                << "pairing code of terminal" << q.value(0).toString() << "withdrawn after"
                << maxPairingFailures << "wrong codes were tried: make a new one";
    }
    if (auto s = m_sql->commit.run(QStringLiteral("commit pairing")); !s)
        return s.error();
    open = false;
    if (paired)
        qCInfo(lcServer).noquote() << "terminal" << id << "paired; its token was replaced";
    return paired;
}

// ---- sessions

Result<std::optional<TerminalInfo>> SqlServerStore::authenticate(const QString& terminal,
                                                                 const QString& token)
{
    QSqlQuery& q = m_sql->loadTerminal;
    if (auto s = run(q, {terminal}, QStringLiteral("read a terminal")); !s)
        return s.error();
    const bool found = q.next();
    // An unknown terminal still costs one hash and one comparison, like a known one.
    const QByteArray stored = found ? q.value(1).toString().toLatin1() : QByteArray(64, '0');
    TerminalInfo info;
    info.id = terminal;
    const std::optional<Role> role = found ? roleFromName(q.value(0).toString()) : std::nullopt;
    info.lastSeq = found ? q.value(2).toLongLong() : 0;
    info.revoked = found && q.value(3).toInt() != 0;
    q.finish();
    const bool match = constantTimeEqual(tokenHash(token), stored);
    if (!found || !match || info.revoked || !role)
        return std::optional<TerminalInfo>();
    info.role = *role;
    return std::optional(info);
}

Result<TerminalInfo> SqlServerStore::terminal(const QString& id)
{
    QSqlQuery& q = m_sql->loadTerminal;
    if (auto s = run(q, {id}, QStringLiteral("read a terminal")); !s)
        return s.error();
    if (!q.next()) {
        q.finish();
        return Error{QStringLiteral("id"), QStringLiteral("there is no terminal %1").arg(id)};
    }
    const QString roleText = q.value(0).toString();
    TerminalInfo info;
    info.id = id;
    info.lastSeq = q.value(2).toLongLong();
    info.revoked = q.value(3).toInt() != 0;
    q.finish();
    const std::optional<Role> role = roleFromName(roleText);
    if (!role)
        return Error{QStringLiteral("role"),
                     QStringLiteral("terminal %1 has an unknown role '%2'").arg(id, roleText)};
    info.role = *role;
    return info;
}

// The cursor is read before the rows: a row committed in between is sent once more with the
// next cursor, which is harmless (levels and products are absolute values), and none is ever
// missed. A cursor of 0, or one ahead of ours (a restored database), gets everything.
template <typename Row, typename Read>
Result<std::pair<qint64, bool>> SqlServerStore::rowsSince(qint64 cursor, const QString& select,
                                                          const QString& order, Read read,
                                                          QList<Row>& rows, const QString& what)
{
    const Result<qint64> current = currentCursor();
    if (!current)
        return current.error();
    const bool full = cursor <= 0 || cursor > *current;
    QSqlQuery q = newQuery();
    q.prepare(select + (full ? QString() : QStringLiteral(" WHERE cursor > ?")) + order);
    if (!full)
        q.addBindValue(cursor);
    if (!q.exec())
        return storageError(q, what);
    while (q.next())
        rows.append(read(q));
    return std::pair{*current, full};
}

Result<Levels> SqlServerStore::levelsSince(qint64 cursor)
{
    Levels result;
    const auto read = rowsSince(
        cursor, levelColumns, QStringLiteral(" ORDER BY sku, location"),
        [](const QSqlQuery& q) { return sqlrows::level(q); }, result.levels,
        QStringLiteral("read levels"));
    if (!read)
        return read.error();
    std::tie(result.cursor, result.full) = read.value();
    return result;
}

Result<CatalogUpdate> SqlServerStore::catalogSince(qint64 cursor)
{
    CatalogUpdate result;
    const auto read = rowsSince(
        cursor, productColumns, QStringLiteral(" ORDER BY sku"),
        [](const QSqlQuery& q) { return sqlrows::product(q); }, result.products,
        QStringLiteral("read the catalog"));
    if (!read)
        return read.error();
    std::tie(result.cursor, result.full) = read.value();
    return result;
}

Result<HistoryReply> SqlServerStore::history(const HistoryRequest& request)
{
    HistoryReply reply;
    reply.request = request.request;
    reply.sku = request.sku;
    reply.location = request.location;
    const Result<bool> product = productExists(request.sku);
    if (!product)
        return product.error();
    const Result<bool> location =
        request.location.isEmpty() ? Result<bool>(true) : locationExists(request.location);
    if (!location)
        return location.error();
    if (!*product || !*location) {
        reply.code =
            !*product ? QString(rejectCode::unknownSku) : QString(rejectCode::unknownLocation);
        reply.message =
            !*product ? QStringLiteral("sku: there is no product %1").arg(request.sku)
                      : QStringLiteral("location: there is no location %1").arg(request.location);
        return reply;
    }
    QSqlQuery q = newQuery();
    // One read transaction: the levels and the ledger rows are of the same moment.
    if (!q.exec(m_config.dialect.beginRead))
        return storageError(q, QStringLiteral("begin a read"));
    const Status read = readHistory(request, reply);
    q.exec(QStringLiteral("COMMIT"));
    if (!read)
        return read.error();
    return reply;
}

// Walks the ledger back from the current levels: each entry's level is the one after it, and
// the one before it is that minus its deltas (the ledger replays to the levels, invariant 4).
Status SqlServerStore::readHistory(const HistoryRequest& request, HistoryReply& reply)
{
    const Result<QList<StockLevel>> current = levels(request.sku);
    if (!current)
        return current.error();
    QHash<QString, std::pair<qint64, qint64>> after; // location → on hand, reserved
    for (const StockLevel& level : *current)
        after.insert(level.location, {level.onHand, level.reserved});
    QSqlQuery q = newQuery();
    q.prepare(
        QStringLiteral("SELECT id, at, kind, location, on_hand_delta, reserved_delta, "
                       "terminal, detail FROM ledger WHERE sku = ?%1 ORDER BY id DESC LIMIT ?")
            .arg(request.location.isEmpty() ? QString() : QStringLiteral(" AND location = ?")));
    q.addBindValue(request.sku);
    if (!request.location.isEmpty())
        q.addBindValue(request.location);
    q.addBindValue(request.limit + 1); // one more tells whether there are older ones
    if (!q.exec())
        return storageError(q, QStringLiteral("read the ledger of %1").arg(request.sku));
    while (q.next()) {
        if (reply.entries.size() == request.limit) {
            reply.more = true;
            break;
        }
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.at = fromMs(q.value(1).toLongLong());
        e.kind = q.value(2).toString();
        e.location = q.value(3).toString();
        e.onHandDelta = q.value(4).toLongLong();
        e.reservedDelta = q.value(5).toLongLong();
        e.terminal = q.value(6).toString();
        e.detail = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        std::pair<qint64, qint64>& level = after[e.location];
        e.onHand = level.first;
        e.reserved = level.second;
        level.first -= e.onHandDelta;
        level.second -= e.reservedDelta;
        reply.entries.append(e);
    }
    return success();
}

// ---- arbitration

namespace {

// A deadlock or a serialization failure rolled the whole transaction back, so running it again
// is safe: it gives the result the first run would have given. Any other failure is returned.
template <typename T, typename F> Result<T> retryTransient(F attempt)
{
    constexpr int attempts = 5;
    for (int i = 1;; ++i) {
        Result<T> result = attempt();
        if (result || i == attempts || result.error().code != ErrorCode::StorageBusy)
            return result;
        qCInfo(lcServer) << "transaction rolled back by the database (deadlock or serialization "
                            "failure); running it again, attempt"
                         << i + 1;
    }
}

} // namespace

Result<BatchOutcome> SqlServerStore::applyBatch(const QList<PushRequest>& pushes,
                                                const QDateTime& now)
{
    if (!now.isValid())
        return Error{QStringLiteral("now"), QStringLiteral("is not a valid time")};
    return retryTransient<BatchOutcome>([&] { return applyBatchOnce(pushes, now); });
}

Result<BatchOutcome> SqlServerStore::applyBatchOnce(const QList<PushRequest>& pushes,
                                                    const QDateTime& now)
{
    Writer writer(*this, now.toMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s.error();
    if (auto s = writer.sweepExpired(); !s)
        return s.error();
    if (auto s = writer.preload(pushes); !s)
        return s.error();
    BatchOutcome outcome;
    outcome.pushes.reserve(pushes.size());
    for (const PushRequest& push : pushes) {
        Result<PushOutcome> pushed = writer.applyPush(push);
        if (!pushed)
            return pushed.error(); // the writer rolls everything back
        outcome.pushes.append(std::move(pushed).value());
    }
    Result<CommitEffects> effects = writer.commit();
    if (!effects)
        return effects.error();
    outcome.effects = std::move(effects).value();
    return outcome;
}

Result<CommitEffects> SqlServerStore::expireReservations(const QDateTime& now)
{
    if (!now.isValid())
        return Error{QStringLiteral("now"), QStringLiteral("is not a valid time")};
    return retryTransient<CommitEffects>([&]() -> Result<CommitEffects> {
        Writer writer(*this, now.toMSecsSinceEpoch());
        if (auto s = writer.begin(); !s)
            return s.error();
        if (auto s = writer.sweepExpired(); !s)
            return s.error();
        return writer.commit();
    });
}

Result<std::optional<QDateTime>> SqlServerStore::nextExpiry()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT MIN(expires_at) FROM reservations")) || !q.next())
        return storageError(q, QStringLiteral("read the next expiry"));
    if (q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromMs(q.value(0).toLongLong()));
}

// ---- verify

namespace {

struct Totals
{
    qint64 onHand = 0;
    qint64 reserved = 0;
};

QString levelName(const QString& key)
{
    const qsizetype split = key.indexOf(QChar(u'\x1f'));
    return QStringLiteral("%1 at %2").arg(key.left(split), key.mid(split + 1));
}

} // namespace

Result<VerifyReport> SqlServerStore::verify()
{
    QSqlQuery q = newQuery();
    // One read transaction: every check sees the same state.
    if (!q.exec(m_config.dialect.beginRead))
        return storageError(q, QStringLiteral("begin a read"));
    const Result<VerifyReport> checked = verifyChecks();
    q.exec(QStringLiteral("COMMIT"));
    return checked;
}

Result<VerifyReport> SqlServerStore::verifyChecks()
{
    VerifyReport report;
    const Result<qint64> cursor = currentCursor();
    if (!cursor)
        return cursor.error();
    QSqlQuery q = newQuery();

    // Invariant 1 and the cursors.
    QHash<QString, StockLevel> levelsByKey;
    if (!q.exec(QStringLiteral("SELECT sku, location, on_hand, reserved, version, cursor "
                               "FROM levels ORDER BY sku, location")))
        return storageError(q, QStringLiteral("read levels"));
    QStringList order;
    while (q.next()) {
        const StockLevel level = sqlrows::level(q);
        const QString key = levelKey(level.sku, level.location);
        levelsByKey.insert(key, level);
        order.append(key);
        ++report.levelsChecked;
        if (level.reserved < 0 || level.reserved > level.onHand)
            report.problems.append(QStringLiteral("level %1: reserved %2 is not between 0 and "
                                                  "on hand %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(level.onHand));
        if (q.value(5).toLongLong() > *cursor)
            report.problems.append(QStringLiteral("level %1: its cursor %2 is ahead of the "
                                                  "store's cursor %3")
                                       .arg(levelName(key))
                                       .arg(q.value(5).toLongLong())
                                       .arg(*cursor));
    }

    // Invariant 4: the ledger replayed from zero gives the levels.
    QHash<QString, Totals> ledger;
    if (!q.exec(QStringLiteral("SELECT sku, location, SUM(on_hand_delta), SUM(reserved_delta), "
                               "COUNT(*) FROM ledger GROUP BY sku, location")))
        return storageError(q, QStringLiteral("sum the ledger"));
    while (q.next()) {
        const QString key = levelKey(q.value(0).toString(), q.value(1).toString());
        ledger.insert(key, Totals{q.value(2).toLongLong(), q.value(3).toLongLong()});
        report.ledgerEvents += q.value(4).toLongLong();
        if (!levelsByKey.contains(key) &&
            (q.value(2).toLongLong() != 0 || q.value(3).toLongLong() != 0))
            report.problems.append(QStringLiteral("level %1: missing, but the ledger adds up to "
                                                  "on hand %2, reserved %3")
                                       .arg(levelName(key))
                                       .arg(q.value(2).toLongLong())
                                       .arg(q.value(3).toLongLong()));
    }

    // Reserved units are exactly what the reservation rows hold (expired ones hold until the
    // sweep releases them in the same transaction that decides anything).
    QHash<QString, qint64> held;
    if (!q.exec(QStringLiteral("SELECT sku, location, SUM(qty), MIN(qty) FROM reservations "
                               "GROUP BY sku, location")))
        return storageError(q, QStringLiteral("sum the reservations"));
    while (q.next()) {
        const QString key = levelKey(q.value(0).toString(), q.value(1).toString());
        held.insert(key, q.value(2).toLongLong());
        if (q.value(3).toLongLong() <= 0)
            report.problems.append(
                QStringLiteral("reservations of %1: one holds no units").arg(levelName(key)));
        if (!levelsByKey.contains(key))
            report.problems.append(QStringLiteral("reservations of %1 hold %2 units of a level "
                                                  "that does not exist")
                                       .arg(levelName(key))
                                       .arg(q.value(2).toLongLong()));
    }

    for (const QString& key : std::as_const(order)) {
        const StockLevel& level = levelsByKey[key];
        const Totals sum = ledger.value(key);
        if (sum.onHand != level.onHand)
            report.problems.append(QStringLiteral("level %1: on hand %2, but the ledger adds up "
                                                  "to %3")
                                       .arg(levelName(key))
                                       .arg(level.onHand)
                                       .arg(sum.onHand));
        if (sum.reserved != level.reserved)
            report.problems.append(QStringLiteral("level %1: reserved %2, but the ledger adds "
                                                  "up to %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(sum.reserved));
        if (held.value(key) != level.reserved)
            report.problems.append(QStringLiteral("level %1: reserved %2, but its reservations "
                                                  "hold %3")
                                       .arg(levelName(key))
                                       .arg(level.reserved)
                                       .arg(held.value(key)));
    }

    // Invariant 2: every processed seq has exactly one result, 1..last_seq without gaps.
    QHash<QString, qint64> lastSeq;
    if (!q.exec(QStringLiteral("SELECT id, last_seq FROM terminals ORDER BY id")))
        return storageError(q, QStringLiteral("read terminals"));
    QStringList terminals;
    while (q.next()) {
        lastSeq.insert(q.value(0).toString(), q.value(1).toLongLong());
        terminals.append(q.value(0).toString());
    }
    struct Seqs
    {
        qint64 count = 0, min = 0, max = 0;
    };
    QHash<QString, Seqs> results;
    if (!q.exec(QStringLiteral("SELECT terminal, COUNT(*), MIN(seq), MAX(seq) FROM results "
                               "GROUP BY terminal")))
        return storageError(q, QStringLiteral("count results"));
    while (q.next()) {
        const QString terminal = q.value(0).toString();
        results.insert(terminal, Seqs{q.value(1).toLongLong(), q.value(2).toLongLong(),
                                      q.value(3).toLongLong()});
        if (!lastSeq.contains(terminal))
            report.problems.append(
                QStringLiteral("results of terminal %1, which is not enrolled").arg(terminal));
    }
    for (const QString& terminal : std::as_const(terminals)) {
        const qint64 last = lastSeq.value(terminal);
        const Seqs seqs = results.value(terminal);
        const bool contiguous =
            last == 0 ? seqs.count == 0 : seqs.count == last && seqs.min == 1 && seqs.max == last;
        if (!contiguous)
            report.problems.append(QStringLiteral("terminal %1: last seq %2, but it has %3 "
                                                  "results from seq %4 to %5")
                                       .arg(terminal)
                                       .arg(last)
                                       .arg(seqs.count)
                                       .arg(seqs.min)
                                       .arg(seqs.max));
    }

    report.ok = report.problems.isEmpty();
    return report;
}

} // namespace stockline::sync
