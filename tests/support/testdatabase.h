#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>

// The server database one test runs on. By default a SQLite file at the given path; with
// STOCKLINE_TEST_DB=postgres a fresh database in the PostgreSQL cluster that the PG* variables
// name (pg_virtualenv sets PGHOST, PGPORT, PGUSER and PGPASSWORD), dropped again when done.
// The same test code thus runs on both backends.
class TestDatabase
{
public:
    explicit TestDatabase(QString sqlitePath);
    // A database someone else made and keeps (the campaign on scripts/ha-postgres.sh's pair).
    [[nodiscard]] static std::shared_ptr<TestDatabase> existing(const QString& url);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // Whether this test run is on PostgreSQL.
    [[nodiscard]] static bool postgres();
    // The URL for `--db` and AdminStore::open(); empty if the database could not be made.
    // A PostgreSQL URL carries no password: the server takes it from PGPASSWORD.
    [[nodiscard]] QString url() const { return m_url; }

    // PostgreSQL only: stops pg_virtualenv's cluster ("regress"), as an outage would, and
    // starts it again. The start is tried again for a while: on a loaded machine the stopped
    // postmaster may not be gone yet ("Cluster is already running").
    [[nodiscard]] static bool stopCluster();
    [[nodiscard]] static bool startCluster();

    // A connection of the test's own to the database at `url` (what an operator's sqlite3 or
    // psql reaches), opened, under `connectionName`; the caller removes it when done.
    [[nodiscard]] static QSqlDatabase openRaw(const QString& url, const QString& connectionName);

private:
    TestDatabase() = default;

    QString m_url;
    QString m_postgresName; // the database to drop
};
