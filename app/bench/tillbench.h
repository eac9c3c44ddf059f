#pragma once

#include <QString>
#include <QTextStream>

// The till as a clerk meets it, measured on the real `stockline` binary offscreen over a store
// of `products` products: cold start to a usable sale screen, scan to line on screen, and the
// peak memory.
namespace tillbench {

struct Options
{
    int products = 100'000;
    int runs = 7;    // cold starts
    int scans = 500; // barcodes scanned in one run
    QString till;    // the stockline binary; empty: next to this one in the build
};
int till(const Options& options, QTextStream& out);

} // namespace tillbench
