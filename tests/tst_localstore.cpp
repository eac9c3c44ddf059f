#include "localstore.h"

#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

std::unique_ptr<LocalStore> openOrFail(const QString& path)
{
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(path);
    if (!store) {
        qWarning() << store.error().toString();
        return {};
    }
    return std::move(store).value();
}

QVariant scalar(const LocalStore& store, const QString& sql)
{
    QSqlQuery query = store.prepare(sql);
    if (!query.exec() || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

bool insertSetting(const LocalStore& store, const QString& key)
{
    QSqlQuery query = store.prepare(QStringLiteral("INSERT INTO settings VALUES (?, 'x')"));
    query.addBindValue(key);
    return query.exec();
}

qint64 settingCount(const LocalStore& store)
{
    return scalar(store, QStringLiteral("SELECT count(*) FROM settings")).toLongLong();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_LocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void open_createsFileAndMigratesToCurrentVersion()
    {
        const QString path = m_dir.filePath(QStringLiteral("create.db"));
        auto store = openOrFail(path);
        QVERIFY(store);
        QVERIFY(QFile::exists(path));
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA user_version")).toInt(),
                 LocalStore::schemaVersion());
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA application_id")).toInt(),
                 LocalStore::applicationId);
        for (const char* table : {"settings", "counters", "products", "outbox", "sales"}) {
            QSqlQuery query =
                store->prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"));
            query.addBindValue(QLatin1String(table));
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toInt(), 1);
        }
    }

    void open_makesTheStoreAndItsLogReadableByTheOwnerOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("private.db"));
        {
            auto store = LocalStore::open(path);
            QVERIFY(store);
            Transaction tx(*store.value());
            QVERIFY(tx.commit());
            const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
            QCOMPARE(QFile::permissions(path) & ~QFileDevice::Permissions(0x0700), ownerOnly);
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QCOMPARE(QFile::permissions(path + QStringLiteral("-wal")) &
                         ~QFileDevice::Permissions(0x0700),
                     ownerOnly);
        }
        // A store someone made readable by others is corrected when it is opened.
        QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther));
        QVERIFY(LocalStore::open(path));
        QVERIFY(!(QFile::permissions(path) & QFileDevice::ReadOther));
    }

    void open_turnsOnWalFullSyncAndForeignKeys()
    {
        auto store = openOrFail(m_dir.filePath(QStringLiteral("pragmas.db")));
        QVERIFY(store);
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA busy_timeout")).toInt(),
                 LocalStore::busyTimeoutMs);
    }

    void open_reopensExistingFileWithItsData()
    {
        const QString path = m_dir.filePath(QStringLiteral("reopen.db"));
        {
            auto store = openOrFail(path);
            QVERIFY(store);
            QVERIFY(insertSetting(*store, QStringLiteral("kept")));
        }
        auto store = openOrFail(path);
        QVERIFY(store);
        QCOMPARE(settingCount(*store), 1);
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA user_version")).toInt(),
                 LocalStore::schemaVersion());
    }

    void open_twiceOnOneThreadGivesSeparateConnections()
    {
        const QString path = m_dir.filePath(QStringLiteral("twice.db"));
        auto first = openOrFail(path);
        auto second = openOrFail(path);
        QVERIFY(first && second);
        QVERIFY(first->database().connectionName() != second->database().connectionName());
        QVERIFY(insertSetting(*first, QStringLiteral("shared")));
        QCOMPARE(settingCount(*second), 1);
    }

    void open_refusesSchemaNewerThanTheBuild()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.db"));
        const int newer = LocalStore::schemaVersion() + 5;
        {
            auto store = openOrFail(path);
            QVERIFY(store);
            QSqlQuery query(store->database());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        const auto store = LocalStore::open(path);
        QVERIFY(!store);
        const QString message = store.error().toString();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QString::number(newer)), qPrintable(message));
        QVERIFY2(message.contains(QString::number(LocalStore::schemaVersion())),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("newer")), qPrintable(message));
    }

    void open_refusesGarbageFileWithClearErrorAndLeavesItAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.db"));
        QByteArray garbage;
        for (int i = 0; i < 256; ++i)
            garbage += "this is a shopping list, not a database\n";
        QVERIFY(writeFile(path, garbage));
        const auto store = LocalStore::open(path);
        QVERIFY(!store);
        const QString message = store.error().toString();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("not an SQLite database")), qPrintable(message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    void open_refusesAnotherProgramsDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("foreign.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const auto store = LocalStore::open(path);
        QVERIFY(!store);
        QVERIFY2(store.error().toString().contains(QLatin1String("another program")),
                 qPrintable(store.error().toString()));
    }

    void open_refusesMissingFolderWithClearError()
    {
        const QString folder = m_dir.filePath(QStringLiteral("no/such/folder"));
        const auto store = LocalStore::open(folder + QStringLiteral("/store.db"));
        QVERIFY(!store);
        const QString message = store.error().toString();
        QVERIFY2(message.contains(QLatin1String("does not exist")), qPrintable(message));
        QVERIFY2(message.contains(folder), qPrintable(message));
    }

    void open_refusesAFolderAsTheFile()
    {
        const auto store = LocalStore::open(m_dir.path());
        QVERIFY(!store);
        QVERIFY2(store.error().toString().contains(QLatin1String("folder")),
                 qPrintable(store.error().toString()));
    }

    void open_refusesEmptyPath()
    {
        const auto store = LocalStore::open(QString());
        QVERIFY(!store);
        QCOMPARE(store.error().field, QStringLiteral("path"));
    }

    void transaction_rollsBackWhenNotCommitted()
    {
        auto store = openOrFail(m_dir.filePath(QStringLiteral("rollback.db")));
        QVERIFY(store);
        {
            Transaction tx(*store);
            QVERIFY(tx.isOpen());
            QVERIFY(insertSetting(*store, QStringLiteral("lost")));
            QCOMPARE(settingCount(*store), 1);
        }
        QCOMPARE(settingCount(*store), 0);
    }

    void transaction_commitKeepsChangesAndClosesIt()
    {
        auto store = openOrFail(m_dir.filePath(QStringLiteral("commit.db")));
        QVERIFY(store);
        Transaction tx(*store);
        QVERIFY(insertSetting(*store, QStringLiteral("kept")));
        QVERIFY(tx.commit());
        QVERIFY(!tx.isOpen());
        QVERIFY(!tx.commit()); // a second commit is a mistake, not a no-op
        QCOMPARE(settingCount(*store), 1);
    }

    void transaction_holdsTheWriteLockAgainstAnotherConnection()
    {
        const QString path = m_dir.filePath(QStringLiteral("lock.db"));
        auto first = openOrFail(path);
        auto second = openOrFail(path);
        QVERIFY(first && second);
        QSqlQuery shorter(second->database());
        QVERIFY(shorter.exec(QStringLiteral("PRAGMA busy_timeout = 50")));
        Transaction tx(*first);
        QVERIFY(tx.isOpen());
        Transaction blocked(*second);
        QVERIFY(!blocked.isOpen());
        QVERIFY2(blocked.status().error().message.contains(QLatin1String("locked")),
                 qPrintable(blocked.status().error().message));
    }

    void transaction_nestedOneFailsToOpen()
    {
        auto store = openOrFail(m_dir.filePath(QStringLiteral("nested.db")));
        QVERIFY(store);
        Transaction outer(*store);
        Transaction inner(*store);
        QVERIFY(outer.isOpen());
        QVERIFY(!inner.isOpen());
        QVERIFY(!inner.status());
    }

    void check_refusesTransactionOfAnotherStore()
    {
        auto a = openOrFail(m_dir.filePath(QStringLiteral("a.db")));
        auto b = openOrFail(m_dir.filePath(QStringLiteral("b.db")));
        QVERIFY(a && b);
        Transaction tx(*a);
        QVERIFY(a->check(tx));
        QVERIFY(!b->check(tx));
    }

    void counters_startAtOneAndRollBackWithTheTransaction()
    {
        auto store = openOrFail(m_dir.filePath(QStringLiteral("counters.db")));
        QVERIFY(store);
        const QString name = QStringLiteral("c");
        QCOMPARE(store->counter(name).value(), 0);
        {
            Transaction tx(*store);
            QCOMPARE(store->nextCounter(tx, name).value(), 1);
            QCOMPARE(store->nextCounter(tx, name).value(), 2);
        }
        QCOMPARE(store->counter(name).value(), 0);
        Transaction tx(*store);
        QCOMPARE(store->nextCounter(tx, name).value(), 1);
        QVERIFY(store->setCounter(tx, name, 41));
        QCOMPARE(store->nextCounter(tx, name).value(), 42);
        QVERIFY(tx.commit());
        QCOMPARE(store->counter(name).value(), 42);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_LocalStore)
#include "tst_localstore.moc"
