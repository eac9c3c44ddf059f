#include "testdatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDebug>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

QAtomicInteger<int> databaseCounter;

// Runs one statement on the cluster's maintenance database.
bool onCluster(const QString& statement)
{
    const QString connection = QStringLiteral("testdatabase-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(qEnvironmentVariable("PGHOST", QStringLiteral("localhost")));
        db.setPort(qEnvironmentVariableIntValue("PGPORT"));
        db.setUserName(qEnvironmentVariable("PGUSER"));
        db.setPassword(qEnvironmentVariable("PGPASSWORD"));
        db.setDatabaseName(qEnvironmentVariable("PGDATABASE", QStringLiteral("postgres")));
        if (!db.open()) {
            qWarning().noquote() << "test database: cannot reach PostgreSQL (is this run inside "
                                    "pg_virtualenv?):"
                                 << db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(statement);
            if (!ok)
                qWarning().noquote()
                    << "test database:" << statement << "-" << q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

QSqlDatabase TestDatabase::openRaw(const QString& url, const QString& connectionName)
{
    const QLatin1String sqlitePrefix("sqlite:");
    const bool sqlite = url.startsWith(sqlitePrefix);
    QSqlDatabase db = QSqlDatabase::addDatabase(
        sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), connectionName);
    if (sqlite) {
        db.setDatabaseName(url.mid(sqlitePrefix.size()));
    } else { // a database TestDatabase made, in the cluster the PG* variables name
        db.setHostName(qEnvironmentVariable("PGHOST", QStringLiteral("localhost")));
        db.setPort(qEnvironmentVariableIntValue("PGPORT"));
        db.setUserName(qEnvironmentVariable("PGUSER"));
        db.setPassword(qEnvironmentVariable("PGPASSWORD"));
        db.setDatabaseName(url.section(u'/', -1));
    }
    if (!db.open())
        qWarning().noquote() << "test database: cannot open" << url << "-" << db.lastError().text();
    return db;
}

namespace {

bool cluster(const QString& action, bool quiet = false)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("pg_ctlcluster"),
            {QStringLiteral("--mode"), QStringLiteral("fast"), qEnvironmentVariable("PGVERSION"),
             QStringLiteral("regress"), action});
    p.waitForFinished(60'000);
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    if (!quiet)
        qWarning().noquote() << "pg_ctlcluster" << action << "failed:" << p.readAll();
    return false;
}

} // namespace

bool TestDatabase::stopCluster()
{
    return cluster(QStringLiteral("stop"));
}

bool TestDatabase::startCluster()
{
    for (int attempt = 0; attempt < 30; ++attempt) {
        if (cluster(QStringLiteral("start"), attempt < 29))
            return true;
        QTest::qWait(500);
    }
    return false;
}

bool TestDatabase::postgres()
{
    return qEnvironmentVariable("STOCKLINE_TEST_DB") == QLatin1String("postgres");
}

TestDatabase::TestDatabase(QString sqlitePath)
{
    if (!postgres()) {
        m_url = QStringLiteral("sqlite:") + sqlitePath;
        return;
    }
    const QString name = QStringLiteral("stockline_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(databaseCounter.fetchAndAddRelaxed(1));
    if (!onCluster(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return;
    m_postgresName = name;
    m_url = QStringLiteral("postgres://%1@%2:%3/%4")
                .arg(qEnvironmentVariable("PGUSER"),
                     qEnvironmentVariable("PGHOST", QStringLiteral("localhost")),
                     qEnvironmentVariable("PGPORT", QStringLiteral("5432")), name);
}

std::shared_ptr<TestDatabase> TestDatabase::existing(const QString& url)
{
    std::shared_ptr<TestDatabase> database(new TestDatabase());
    database->m_url = url;
    return database;
}

TestDatabase::~TestDatabase()
{
    // FORCE: a server process killed on purpose may leave its connection behind for a moment.
    if (!m_postgresName.isEmpty())
        (void)onCluster(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
}
