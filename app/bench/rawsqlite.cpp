#include "rawsqlite.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <sqlite3.h>
#include <sys/resource.h>

namespace rawsqlite {

namespace {

double cpuSeconds()
{
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    return static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
           static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
}

bool exec(sqlite3* db, const char* sql, QTextStream& out)
{
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK)
        return true;
    out << "raw-sqlite: " << sql << ": " << error << Qt::endl;
    sqlite3_free(error);
    return false;
}

// The levels table as the server has it, every SKU at one location with plenty of stock.
bool setUp(sqlite3* db, int skus, QTextStream& out)
{
    if (!exec(db, "PRAGMA journal_mode = WAL", out) ||
        !exec(db, "PRAGMA synchronous = FULL", out) ||
        !exec(db,
              "CREATE TABLE levels (sku TEXT NOT NULL, location TEXT NOT NULL, "
              "on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL, version INTEGER NOT NULL, "
              "PRIMARY KEY (sku, location)) WITHOUT ROWID",
              out) ||
        !exec(db, "BEGIN", out))
        return false;
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO levels VALUES (?, 'store-1', 1000000000, 0, 1)", -1,
                       &insert, nullptr);
    for (int i = 0; i < skus; ++i) {
        const QByteArray sku = "SKU-" + QByteArray::number(i);
        sqlite3_bind_text(insert, 1, sku.constData(), static_cast<int>(sku.size()),
                          SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    return exec(db, "COMMIT", out);
}

// Decrements 1 unit of SKU after SKU, `perTransaction` to a transaction, for `seconds`.
bool measure(sqlite3* db, const Options& o, int perTransaction, QTextStream& out)
{
    sqlite3_stmt* begin = nullptr;
    sqlite3_stmt* commit = nullptr;
    sqlite3_stmt* take = nullptr;
    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr);
    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
    // The stock decision: applied only where it keeps 0 <= reserved <= on_hand.
    sqlite3_prepare_v2(db,
                       "UPDATE levels SET on_hand = on_hand - 1, version = version + 1 "
                       "WHERE sku = ? AND location = 'store-1' AND on_hand - reserved >= 1",
                       -1, &take, nullptr);
    qint64 updates = 0;
    bool ok = true;
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    while (ok && timer.elapsed() < o.seconds * 1000LL) {
        ok = sqlite3_step(begin) == SQLITE_DONE;
        sqlite3_reset(begin);
        for (int i = 0; ok && i < perTransaction; ++i, ++updates) {
            const QByteArray sku = "SKU-" + QByteArray::number(updates % o.skus);
            sqlite3_bind_text(take, 1, sku.constData(), static_cast<int>(sku.size()),
                              SQLITE_STATIC);
            ok = sqlite3_step(take) == SQLITE_DONE && sqlite3_changes(db) == 1;
            sqlite3_reset(take);
        }
        ok = ok && sqlite3_step(commit) == SQLITE_DONE;
        sqlite3_reset(commit);
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_finalize(take);
    if (!ok) {
        out << "raw-sqlite: " << sqlite3_errmsg(db) << Qt::endl;
        return false;
    }
    out << "raw SQLite, " << perTransaction
        << " conditional decrement(s) per transaction: " << updates << " in "
        << QString::number(seconds, 'f', 1)
        << " s = " << QString::number(static_cast<double>(updates) / seconds, 'f', 0)
        << " updates/s; CPU " << QString::number(cpu * 1e6 / static_cast<double>(updates), 'f', 2)
        << " us per update" << Qt::endl;
    return true;
}

} // namespace

int run(const Options& options, QTextStream& out)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("raw.db")).toUtf8();
    sqlite3* db = nullptr;
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK) {
        out << "raw-sqlite: cannot open " << path << Qt::endl;
        sqlite3_close(db);
        return 1;
    }
    out << "raw SQLite " << sqlite3_libversion() << " on " << path
        << " (WAL, synchronous=FULL, as the server), " << options.skus << " SKUs" << Qt::endl;
    const bool ok = setUp(db, options.skus, out) && measure(db, options, 1, out) &&
                    measure(db, options, options.batch, out);
    sqlite3_close(db);
    return ok ? 0 : 1;
}

} // namespace rawsqlite
