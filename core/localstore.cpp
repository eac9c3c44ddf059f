#include "localstore.h"

#include "logging.h"
#include "outboxnotifier.h"
#include "schema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace stockline {

namespace {

// SQLite's primary result codes that deserve words a clerk or an IT person can act on.
QString hintFor(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return {};
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("another program is holding the store locked");
    case 8: // SQLITE_READONLY
        return QStringLiteral("the store file is read-only");
    case 10: // SQLITE_IOERR
        return QStringLiteral("the disk reported a read or write error");
    case 11: // SQLITE_CORRUPT
        return QStringLiteral("the store file is damaged");
    case 13: // SQLITE_FULL
        return QStringLiteral("the disk is full");
    case 14: // SQLITE_CANTOPEN
        return QStringLiteral("the file cannot be opened");
    case 26: // SQLITE_NOTADB
        return QStringLiteral("the file is not an SQLite database");
    default:
        return {};
    }
}

Error errorFrom(const QSqlError& error, const QString& what)
{
    const QString hint = hintFor(error);
    const QString detail = error.text().trimmed();
    if (hint.isEmpty())
        return Error{{}, QStringLiteral("could not %1: %2").arg(what, detail), ErrorCode::Storage};
    return Error{
        {}, QStringLiteral("could not %1: %2 (%3)").arg(what, hint, detail), ErrorCode::Storage};
}

Error fileError(const QString& path, const QString& problem)
{
    return Error{{},
                 QStringLiteral("store %1: %2").arg(QDir::toNativeSeparators(path), problem),
                 ErrorCode::Storage};
}

} // namespace

LocalStore::LocalStore(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)),
      m_outboxNotifier(std::make_unique<OutboxNotifier>())
{
}

LocalStore::~LocalStore()
{
    m_db.close();
    // removeDatabase() warns and leaks unless this was the last handle to the connection.
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

int LocalStore::schemaVersion()
{
    return static_cast<int>(schema::terminalMigrations().size());
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString& path)
{
    // Unique per open: two stores on one thread, or one file opened twice, never share one.
    const QString name =
        QStringLiteral("stockline.store.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<LocalStore> store(new LocalStore(path, name));
    Status status = store->checkFile();
    if (status)
        status = store->restrictToOwner();
    if (status)
        status = store->connect();
    if (status)
        status = store->configure();
    if (status)
        status = store->migrate();
    if (!status)
        return status.error();
    return store;
}

// The file holds the sales, the outbox with the terminal's mutations, and staff PIN hashes:
// owner-only, like a key. A new file is made owner-only before SQLite opens it, so its -wal
// and -shm files, which SQLite gives the database file's mode, are too; an older file and
// its companions are corrected.
Status LocalStore::restrictToOwner() const
{
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFile::exists(m_path)) {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnly))
            return fileError(m_path,
                             QStringLiteral("cannot be created: %1").arg(file.errorString()));
        return success();
    }
    for (const QString& file :
         {m_path, m_path + QStringLiteral("-wal"), m_path + QStringLiteral("-shm")}) {
        // Qt adds the "user" bits for whoever runs us; only the file's own bits matter here.
        const QFileDevice::Permissions userBits =
            QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
        if (QFile::exists(file) && (QFile::permissions(file) & ~userBits) != ownerOnly &&
            !QFile::setPermissions(file, ownerOnly))
            return fileError(file, QStringLiteral("cannot be made readable by its owner only"));
    }
    return success();
}

// Clear words before SQLite's: it would create a missing file in a missing folder lazily and
// fail later with "unable to open database file".
Status LocalStore::checkFile() const
{
    if (m_path.isEmpty())
        return Error{QStringLiteral("path"), QStringLiteral("no store file given")};
    const QFileInfo file(m_path);
    if (file.isDir())
        return fileError(m_path, QStringLiteral("is a folder, not a store file"));
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir())
        return fileError(m_path, QStringLiteral("cannot be created: the folder %1 does not exist")
                                     .arg(QDir::toNativeSeparators(folder.filePath())));
    if (file.exists() && !file.isWritable())
        return fileError(m_path, QStringLiteral("is read-only: the store must be writable"));
    if (!folder.isWritable())
        return fileError(m_path, QStringLiteral("its folder %1 is not writable: SQLite keeps the "
                                                "-wal and -shm files next to the store")
                                     .arg(QDir::toNativeSeparators(folder.filePath())));
    return success();
}

Status LocalStore::connect()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return Error{{}, QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed")};
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        return fileError(m_path, errorFrom(m_db.lastError(), QStringLiteral("open")).message);
    return success();
}

Result<qint64> LocalStore::pragmaValue(const QString& pragma) const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return sqlError(query, QStringLiteral("read ") + pragma);
    return query.value(0).toLongLong();
}

Status LocalStore::configure()
{
    QSqlQuery query(m_db);
    // A constant, not data: PRAGMA takes no bound values.
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs)))
        return fileError(m_path, sqlError(query, QStringLiteral("set the busy timeout")).message);

    // The first read of the file: a garbage file fails here, before anything is written.
    const Result<qint64> version = pragmaValue(QStringLiteral("user_version"));
    if (!version)
        return fileError(m_path, QStringLiteral("is not a readable Stockline store: ") +
                                     version.error().message);
    if (*version > schemaVersion())
        return fileError(m_path, QStringLiteral("has schema version %1, newer than version %2 "
                                                "that this build knows: it was written by a "
                                                "newer Stockline; update Stockline to open it")
                                     .arg(*version)
                                     .arg(schemaVersion()));
    const Result<qint64> appId = pragmaValue(QStringLiteral("application_id"));
    if (!appId)
        return fileError(m_path, appId.error().message);
    if (*appId != applicationId && (*appId != 0 || *version != 0))
        return fileError(m_path, QStringLiteral("is the database of another program "
                                                "(application_id %1)")
                                     .arg(*appId));
    if (*version == 0) {
        QSqlQuery objects(m_db);
        if (!objects.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !objects.next())
            return fileError(m_path, sqlError(objects, QStringLiteral("read the schema")).message);
        if (objects.value(0).toLongLong() > 0)
            return fileError(m_path, QStringLiteral("is an SQLite database of another program: "
                                                    "it has tables but no Stockline schema"));
    }

    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return fileError(m_path, sqlError(query, QStringLiteral("switch to WAL")).message);
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fileError(m_path, QStringLiteral("cannot use a write-ahead log (journal mode "
                                                "stays %1): is it on a network drive?")
                                     .arg(query.value(0).toString()));
    // FULL: a commit is on disk before we print the receipt, power loss included.
    // 32 MiB of page cache: the catalog's search index and the outbox stay in memory.
    for (const QString& pragma :
         {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
          QStringLiteral("PRAGMA cache_size = -32768")}) {
        if (!query.exec(pragma))
            return fileError(m_path, sqlError(query, pragma).message);
    }
    return success();
}

Status LocalStore::migrate()
{
    const Result<qint64> version = pragmaValue(QStringLiteral("user_version"));
    if (!version)
        return fileError(m_path, version.error().message);
    for (int next = static_cast<int>(*version) + 1; next <= schemaVersion(); ++next) {
        const Status status = migrateTo(next);
        if (!status)
            return fileError(m_path, status.error().message);
    }
    return success();
}

Status LocalStore::migrateTo(int version)
{
    Transaction tx(*this);
    if (!tx.isOpen())
        return tx.status();
    // Read again under the write lock: another process may have migrated meanwhile.
    const Result<qint64> current = pragmaValue(QStringLiteral("user_version"));
    if (!current)
        return current.error();
    if (*current >= version)
        return success();

    QSqlQuery query(m_db);
    const QString what = QStringLiteral("migrate to schema version %1").arg(version);
    for (const QString& statement : schema::terminalMigrations().at(version - 1)) {
        if (!query.exec(statement))
            return sqlError(query, what);
    }
    // Integers of our own, not data: PRAGMA takes no bound values.
    if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId)) ||
        !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return sqlError(query, what);
    const Status committed = tx.commit();
    if (committed)
        qCInfo(lcCore) << "migrated" << m_path << "to schema version" << version;
    return committed;
}

QSqlDatabase LocalStore::database() const
{
    return m_db;
}

QSqlQuery LocalStore::prepare(const QString& sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcCore) << "cannot prepare" << sql << query.lastError().text();
    return query;
}

Error LocalStore::sqlError(const QSqlQuery& query, const QString& what)
{
    return errorFrom(query.lastError(), what);
}

Status LocalStore::check(const Transaction& tx) const
{
    if (!tx.isOpen())
        return tx.status();
    if (!tx.isFor(*this))
        return Error{{},
                     QStringLiteral("the transaction belongs to another store than %1")
                         .arg(QDir::toNativeSeparators(m_path))};
    return success();
}

Result<qint64> LocalStore::counter(const QString& name) const
{
    QSqlQuery query = prepare(QStringLiteral("SELECT value FROM counters WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query, QStringLiteral("read counter ") + name);
    return query.next() ? query.value(0).toLongLong() : qint64{0};
}

Result<qint64> LocalStore::nextCounter(Transaction& tx, const QString& name) const
{
    if (const Status ok = check(tx); !ok)
        return ok.error();
    QSqlQuery query = prepare(
        QStringLiteral("INSERT INTO counters (name, value) VALUES (?, 1)"
                       " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return sqlError(query, QStringLiteral("advance counter ") + name);
    const qint64 value = query.value(0).toLongLong();
    query.finish();
    return value;
}

Status LocalStore::setCounter(Transaction& tx, const QString& name, qint64 value) const
{
    if (const Status ok = check(tx); !ok)
        return ok;
    QSqlQuery query =
        prepare(QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?)"
                               " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    query.addBindValue(name);
    query.addBindValue(value);
    if (!query.exec())
        return sqlError(query, QStringLiteral("set counter ") + name);
    return success();
}

Transaction::Transaction(const LocalStore& store) : m_store(&store), m_db(store.database())
{
    QSqlQuery query(m_db);
    m_open = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_open)
        m_beginError = LocalStore::sqlError(query, QStringLiteral("begin a transaction"));
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    QSqlQuery query(m_db);
    // Fails harmlessly when SQLite already rolled back after a failed COMMIT.
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcCore) << "rollback:" << query.lastError().text();
}

Status Transaction::status() const
{
    if (m_open)
        return success();
    if (m_committed)
        return Error{{}, QStringLiteral("the transaction is already committed")};
    return m_beginError;
}

bool Transaction::isFor(const LocalStore& store) const
{
    return m_db.connectionName() == store.database().connectionName();
}

Status Transaction::commit()
{
    if (!m_open)
        return status();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT")))
        return LocalStore::sqlError(query, QStringLiteral("commit"));
    m_open = false;
    m_committed = true;
    if (m_outboxTouched)
        Q_EMIT m_store->outboxNotifier().changed();
    return success();
}

} // namespace stockline
