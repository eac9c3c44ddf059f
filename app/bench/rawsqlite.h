#pragma once

#include <QTextStream>

// What a store would get from SQLite alone, for the ratio the server's throughput is judged by
// (issue 19): the stock decision as one conditional decrement, straight through the sqlite3 C
// API on a file set up like the server's (WAL, synchronous=FULL), committed one per transaction
// and batched.
namespace rawsqlite {

struct Options
{
    int seconds = 4;   // per mode
    int skus = 5'000;  // rows the decrements spread over
    int batch = 1'000; // decrements per transaction in the batched mode
};
int run(const Options& options, QTextStream& out);

} // namespace rawsqlite
