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
    int saleLines = 0;     // > 0: every mutation a sale of this many lines instead of the mix
    bool receipts = false; // sales carry their receipt (issue 18)
};
int throughput(const ThroughputOptions& options, QTextStream& out);

// Issue 18: receipts on the server.
struct RefundRaceOptions
{
    ServerOptions server;
    int connections = 1'000; // tills, each refunding 1 unit of the same sale line at once
    int units = 10;          // sold on that line
};
int refundRace(const RefundRaceOptions& options, QTextStream& out);

struct ReceiptLookupOptions
{
    ServerOptions server;
    int receipts = 1'000'000; // stored before the server starts (bulk SQL)
    int lookups = 2'000;      // `receipt` requests, one at a time
};
int receiptLookup(const ReceiptLookupOptions& options, QTextStream& out);

struct DayReportOptions
{
    ServerOptions server;
    int tills = 20;
    int receipts = 40'000; // of the day, spread over the tills
    int reports = 20;      // `day` requests, one at a time
};
int dayReport(const DayReportOptions& options, QTextStream& out);

struct ReportsOptions
{
    ServerOptions server;
    qint64 lines = 1'000'000; // receipt lines over a year (4 a receipt), bulk SQL
    int tills = 20;
    int products = 2'000;
    int requests = 20; // of each report, one at a time, over the whole year
};
int reports(const ReportsOptions& options, QTextStream& out);

struct FanoutOptions
{
    ServerOptions server;
    int terminals = 1'000; // watching, each must see every change
    int commits = 500;     // single receives by one writer, one at a time
};
int fanout(const FanoutOptions& options, QTextStream& out);

// Issue 22: the web shop's HTTP API.
struct WebCheckoutOptions
{
    ServerOptions server;
    int buyers = 10'000;   // checkouts: hold 1 unit, then order it
    int units = 1'000;     // the SKU's stock (one SKU for HTTP, another for WebSockets)
    int connections = 200; // keep-alive HTTP connections, and as many WebSockets
    int streams = 200;     // level streams
    int streamSales = 200; // till sales, one at a time, each timed to the last stream
};
int webCheckout(const WebCheckoutOptions& options, QTextStream& out);
// Issue 20: a manager's price change reaching every till's replica (real sync::Client and
// LocalStore per till, in this process).
struct PricePushOptions
{
    ServerOptions server;
    int tills = 200;
    int changes = 50;     // one after another, each once every till shows the last
    int products = 1'000; // the catalog's size
};
int pricePush(const PricePushOptions& options, QTextStream& out);

// Raises this process's soft limit of open files to the hard limit: every connection is one.
void raiseFileLimit();

} // namespace syncbench
