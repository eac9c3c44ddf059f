#pragma once

#include "testdatabase.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>
#include <memory>

// A throwaway self-signed certificate for 127.0.0.1 (EC P-256, 2 days), made by openssl.
[[nodiscard]] bool makeTestCertificate(const QString& certPath, const QString& keyPath);

// A real stockline-server process on a real database (TestDatabase: a SQLite file, or a
// PostgreSQL database when the test runs on PostgreSQL), for tests that speak to it from outside
// as any client would.
class ServerProcess
{
public:
    // A server on a database of its own (a SQLite file at this path when on SQLite).
    explicit ServerProcess(QString databasePath);
    // Another server node on the same database.
    explicit ServerProcess(std::shared_ptr<TestDatabase> database);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs an administration command against this database: `stockline-server ARGS --db …`.
    Run admin(const QStringList& args, const QByteArray& input = {}) const;
    // `terminal add ID --role ROLE`; the token, or empty on failure.
    [[nodiscard]] QString addTerminal(const QString& id, const QString& role) const;
    // Loads the sample store from resources/sample-store.
    [[nodiscard]] bool loadSampleStore() const;
    // Adds the sample store's people (staff.csv), each PIN on stdin as an IT person would.
    [[nodiscard]] bool addSampleStaff() const;

    // Options added to every later `serve` (limits, --tls-cert/--tls-key); with TLS, url()
    // is wss://.
    void setServeArguments(const QStringList& arguments) { m_serveArguments = arguments; }
    // The next `serve` writes its log to this file instead of the test's stderr, with these
    // variables added to its environment (NOTIFY_SOCKET, JOURNAL_STREAM, …).
    void setLogFile(const QString& path) { m_logFile = path; }
    void setEnvironment(const QProcessEnvironment& environment) { m_environment = environment; }
    // The next `serve` starts through this command (e.g. `ip netns exec NS`: the campaign puts
    // each node in a network namespace of its own) and listens on this address, not 127.0.0.1.
    void setLauncher(const QStringList& command) { m_launcher = command; }
    void setListenHost(const QString& host) { m_listenHost = host; }
    // With --http-listen: the health and metrics port's base URL, as `serve` printed it.
    [[nodiscard]] QUrl httpUrl() const;
    // Starts `serve` on 127.0.0.1 (or the listen host) with a free port (or `port`), waits
    // until it listens.
    [[nodiscard]] bool start(quint16 port = 0);
    void kill();     // SIGKILL, as a power cut would
    int terminate(); // SIGTERM; the exit code
    // SIGTERM, returning at once, so the caller's event loop keeps running meanwhile.
    void requestTerminate();
    // Waits for the process to end by itself (no signal); its exit code, -1 if it did not.
    int waitForExit(int timeoutMs = 30'000);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // The --db URL.
    [[nodiscard]] QString database() const { return m_database->url(); }
    [[nodiscard]] std::shared_ptr<TestDatabase> sharedDatabase() const { return m_database; }
    [[nodiscard]] QByteArray output() const { return m_output; }

    static QString binary();

private:
    std::shared_ptr<TestDatabase> m_database;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_output;
    QStringList m_serveArguments;
    QString m_logFile;
    QStringList m_launcher;
    QString m_listenHost = QStringLiteral("127.0.0.1");
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    bool m_secure = false;
};
