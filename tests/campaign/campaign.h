#pragma once

#include "nodenetworks.h"
#include "serverprocess.h"
#include "sqlserverstore.h"
#include "terminaldisks.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace campaign {

struct Config
{
    quint64 seed = 1;
    int terminals = 120;
    int workers = 4;
    int nodes = 1;
    int rounds = 3;
    int roundSeconds = 15;
    int faultsPerRound = 8;
    QString breakSwitch;          // STOCKLINE_FAULT for the servers; empty: none
    QString haScript;             // scripts/ha-postgres.sh: run on its primary/standby pair
    bool partitions = false;      // nodes in network namespaces, cut now and then (root)
    bool diskFull = false;        // terminal stores on small tmpfs, filled now and then (root)
    bool expectViolation = false; // the run passes only if a check fails (proof that it bites)
    QString self;                 // this program, started again as a worker
    QStringList arguments;        // as given, for the replay command
};

enum class FaultKind {
    KillNode,
    KillWorker,
    ClockJump,
    FailOver,
    PartitionTerminals, // a node cut from its terminals
    PartitionDatabase,  // a node cut from the database (PostgreSQL)
    DiskFull,           // no space left under a worker's terminal stores
};

struct Fault
{
    int round = 0;
    qint64 atMs = 0; // from the round's start
    FaultKind kind = FaultKind::KillNode;
    int target = 0;   // node or worker
    qint64 value = 0; // down for (ms), or the jump (ms)
};

// The fault campaign (tests/campaign/README.md): real server processes on a real database,
// worker processes of real terminals, kill -9 at points drawn from a seed, and after each
// round the checks from outside.
class Campaign
{
public:
    Campaign(Config config, QTextStream& out);
    ~Campaign();
    [[nodiscard]] int run();

private:
    struct Answer
    {
        qint64 seq = 0;
        QByteArray result; // normalised: replay dropped
    };
    struct WorkerProcess
    {
        std::unique_ptr<QProcess> process;
        QByteArray buffer;
        QList<int> terminals;
        bool drained = false;
        bool converged = false;
        int generation = 0;
    };
    struct Terminal
    {
        QString id;
        QString token;
        QString role;
        QString path;
        int node = 0;
    };

    [[nodiscard]] bool setUp();
    void plan();
    [[nodiscard]] bool startWorker(int w);
    void onWorkerOutput(int w);
    void onLine(int w, const QString& line);
    void inject(const Fault& fault);
    [[nodiscard]] bool runRound(int round);
    [[nodiscard]] bool heal(int round);
    [[nodiscard]] bool waitFor(const std::function<bool()>& done, int timeoutMs);
    void tell(int w, const QByteArray& command);
    [[nodiscard]] bool stopWorkers();
    QByteArray ha(const QString& command);
    void bringBack(int n);
    [[nodiscard]] bool setUpNetworks();
    [[nodiscard]] bool allowNamespacesOnDatabase();
    void partition(const Fault& fault, bool cut);
    [[nodiscard]] static bool answers(const QString& host, quint16 port);
    void fillDisk(int w, bool full);
    void noteAnswerAfterFailover(const QString& result);

    // campaigncheck.cpp
    [[nodiscard]] bool checkServer(int round);
    [[nodiscard]] bool checkTerminals(int round);
    [[nodiscard]] bool checkTerminal(const Terminal& t, const QHash<qint64, QString>& idsBySeq,
                                     const QHash<qint64, QByteArray>& serverResults);
    [[nodiscard]] QJsonArray serverLevels();
    void violate(const QString& invariant, const QString& detail);
    void report();
    [[nodiscard]] static QByteArray normalised(const QByteArray& result);

    Config m_config;
    QTextStream& m_out;
    std::mt19937_64 m_rng;
    QTemporaryDir m_dir;
    std::shared_ptr<TestDatabase> m_database;
    std::unique_ptr<NodeNetworks> m_networks; // with --partitions
    QSet<QPair<int, int>> m_cuts;             // (node, side) cut now
    std::unique_ptr<TerminalDisks> m_disks;   // with --disk-full
    QSet<int> m_fullDisks;                    // workers whose disk is full now
    qint64 m_refusedByFullDisk = 0;           // sales a till could not record: disk full
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;
    std::vector<quint16> m_ports;
    std::vector<WorkerProcess> m_workers;
    std::vector<Terminal> m_terminals;
    std::unique_ptr<stockline::sync::SqlServerStore> m_check;
    QList<Fault> m_schedule;

    // The history: what each terminal said it made and what each mutation's first answer was.
    QHash<QString, QSet<QString>> m_made; // terminal → mutation ids
    QHash<QString, QStringList> m_sold;   // terminal → receipts
    QHash<QString, Answer> m_answers;     // "terminal/id" → first answer
    qint64 m_answerLines = 0;

    QMap<QString, int> m_injected; // per kind
    QList<qint64> m_convergeMs;
    QList<qint64> m_failoverMs; // the primary's death to the first new answer
    qint64 m_failedOverAt = -1;
    std::unique_ptr<QProcess> m_revive;
    qint64 m_checked = 0; // mutations checked against the server
    QStringList m_violations;
    QElapsedTimer m_clock;
};

[[nodiscard]] QString kindName(FaultKind kind);

} // namespace campaign
