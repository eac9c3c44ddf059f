#pragma once

#include <QTextStream>

// Benchmarks of the terminal's core: catalog search per keystroke and outbox appends.
namespace corebench {

struct SearchOptions
{
    int products = 100'000;
    int words = 2'000; // product names typed, one keystroke at a time
};
int search(const SearchOptions& options, QTextStream& out);

struct OutboxOptions
{
    int durable = 2'000;   // one transaction (and fsync) per append
    int batched = 200'000; // in transactions of batchSize
    int batchSize = 1'000;
};
int outbox(const OutboxOptions& options, QTextStream& out);

} // namespace corebench
