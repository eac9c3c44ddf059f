#pragma once

#include <QString>
#include <QTextStream>

// Benchmarks of the sync server as it runs in a store: the real `stockline-server serve`
// process on a fresh SQLite file, and terminals speaking raw JSON over real WebSockets on
// 127.0.0.1 from this process (one thread), as an independent client would.
namespace syncbench {

struct ServerOptions
{
    QString binary;    // empty: ../server/stockline-server next to this program
    bool keep = false; // keep the temporary folder with the database
    // Empty: a fresh SQLite file in a temporary folder. Else the server's --db URL, say an empty
    // PostgreSQL database (the hot-SKU comparison with pgbench, scripts/bench-postgres.sh).
    QString database;
};

struct RaceOptions
{
    ServerOptions server;
    int buyers = 10'000;     // each reserves 1 unit of the one SKU
    int units = 1'000;       // the SKU's stock
    int connections = 1'000; // terminals the buyers are spread over
    int perPush = 0;         // buyers of one connection per push; 0: all in one push
    int rounds = 3;          // races, each on a fresh SKU over the same connections
};
int race(const RaceOptions& options, QTextStream& out);

struct ThroughputOptions
{
    ServerOptions server;
    int connections = 100;
    int seconds = 10;
    int batch = 50; // mutations per push
    int window = 2; // pushes in flight per connection
    int skus = 5'000;
};
int throughput(const ThroughputOptions& options, QTextStream& out);

struct FanoutOptions
{
    ServerOptions server;
    int terminals = 1'000; // watching, each must see every change
    int commits = 500;     // single receives by one writer, one at a time
};
int fanout(const FanoutOptions& options, QTextStream& out);

// Raises this process's soft limit of open files to the hard limit: every connection is one.
void raiseFileLimit();

} // namespace syncbench
