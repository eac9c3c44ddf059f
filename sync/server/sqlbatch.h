#pragma once

// Private to SqlServerStore: the write batch's rows held in memory. A batch decides its hot
// mutations (reserve, release, sale) against these, and writes what they changed at once,
// in a few multi-row statements, instead of several round trips to the database per mutation.

#include "error.h"
#include "receiptrecord.h"
#include "reportrollups.h"
#include "rowstatements.h"
#include "serverstore.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace stockline::sync::sqlstore {

// Two IDs naming one row: (SKU, location) of a level, (terminal, reservation) of a hold.
using Key = std::pair<QString, QString>;

// A terminal's row, as the batch holds it.
struct TerminalState
{
    QString id;
    Role role = Role::Pos;
    qint64 lastSeq = 0;
    bool revoked = false;
};

// A live reservation, as the batch holds it.
struct Hold
{
    QString sku;
    QString location;
    qint64 qty = 0;
    qint64 expiresAt = 0;
};

// A receipt number the database (or this batch) holds already: enough to tell a resend from a
// conflict, and to name the one stored.
struct StoredReceiptHead
{
    QString kind;
    QString contentHash;
    QString terminal;
    qint64 seq = 0;
    qint64 at = 0;
};

// The levels, reservations and terminals a batch touches, loaded once, changed in memory, and
// the ledger rows, results and last seqs to write. Writers run one at a time cluster-wide (the
// cursor row is read, and on PostgreSQL locked, before anything else), so nobody else can change
// these rows while the batch holds them. flush() writes everything; drop() forgets the levels
// and reservations, for a mutation that changes them by SQL.
class BatchRows
{
public:
    BatchRows(RowStatements& rows, qint64 cursor, qint64 nowMs)
        : m_rows(rows), m_cursor(cursor), m_now(nowMs)
    {
    }

    // Loads, in a few statements, the terminals, levels and reservations these pushes name.
    [[nodiscard]] Status preload(const QList<PushRequest>& pushes, const QString& lockSuffix);
    // The terminal loaded by preload(); nullopt when it is not enrolled (or its role unknown).
    [[nodiscard]] std::optional<TerminalState> terminal(const QString& id) const;
    void setLastSeq(const QString& terminal, qint64 lastSeq);

    // The level as it stands in this batch; nullopt if it does not exist.
    [[nodiscard]] Result<std::optional<StockLevel>> level(const QString& sku,
                                                          const QString& location);
    // The conditional update, decided in memory: applied only where the result keeps
    // 0 ≤ reserved ≤ on_hand. The level after it, or nullopt if not applied.
    [[nodiscard]] Result<std::optional<StockLevel>> changeLevel(const QString& sku,
                                                                const QString& location,
                                                                qint64 onHandDelta,
                                                                qint64 reservedDelta);
    // Adds stock, creating the level at version 1 if there is none. The level after it.
    [[nodiscard]] Result<StockLevel> addStock(const QString& sku, const QString& location,
                                              qint64 qty);
    // The terminal's reservation, live or not (the batch's expiry sweep ran first).
    [[nodiscard]] Result<std::optional<Hold>> hold(const QString& terminal,
                                                   const QString& reservation);
    void putHold(const QString& terminal, const QString& reservation, const Hold& hold);
    void removeHold(const QString& terminal, const QString& reservation);

    // The receipt stored under `number`, in the database or by this batch; nullopt if none.
    [[nodiscard]] Result<std::optional<StoredReceiptHead>> receipt(const QString& number);
    // Stores a decided mutation's receipt at the next flush (multi-row inserts).
    void addReceipt(const ReceiptRecord& receipt, qint64 recordedAt);
    // Refunds were stored for `sale` while the server did not hold it (its sale came later: a
    // till re-sent it as offline after a refusal). Known for every number the batch names.
    [[nodiscard]] bool refundsWaitFor(const QString& sale) const
    {
        return m_refundsWaiting.contains(sale);
    }
    void refundWaits(const QString& sale) { m_refundsWaiting.insert(sale); }
    // Raises the terminal's receipt and refund counters (never lowers them) at the next flush.
    void raiseCounters(const QString& terminal, qint64 receipt, qint64 refund);

    // The ledger's rows to append at the next flush: (at, terminal, seq, mutation_id, kind, sku,
    // location, Δon_hand, Δreserved, detail), each appended in that order.
    [[nodiscard]] RowValues& ledger() { return m_ledger; }
    void appendResult(const QString& terminal, qint64 seq, const QString& mutationId,
                      QByteArrayView json)
    {
        (m_results << terminal << seq << mutationId).appendUtf8(json);
    }

    // A mutation starts: undo() takes back every change made since.
    void mark();
    void undo();

    // Writes everything changed since the last flush; what is held stays valid.
    [[nodiscard]] Status flush();
    // Flushes, then forgets the levels and reservations: SQL is about to change them.
    [[nodiscard]] Status drop();

private:
    struct CachedLevel
    {
        std::optional<StockLevel> level;
        std::optional<StockLevel> stored; // as the database has it (as of the last flush)
        bool dirty = false;
    };
    struct CachedHold
    {
        std::optional<Hold> hold;
        bool stored = false; // the database has a row for it (as of the last flush)
        bool fresh = false;  // hold was made in this batch since the last flush
    };

    [[nodiscard]] Status loadTerminals(QStringList ids, const QString& lockSuffix);
    [[nodiscard]] Status loadReceipts(const QStringList& numbers);
    [[nodiscard]] Status loadCosts(const QStringList& skus);
    [[nodiscard]] Status flushReceipts();
    [[nodiscard]] Status loadHolds(const QList<Key>& keys);
    [[nodiscard]] Status loadLevels(const QList<Key>& keys, const QString& lockSuffix);
    [[nodiscard]] Result<CachedLevel*> cachedLevel(const QString& sku, const QString& location);
    [[nodiscard]] Result<CachedHold*> cachedHold(const QString& terminal,
                                                 const QString& reservation);
    void saveHold(const Key& key);
    [[nodiscard]] Status flushHolds();
    [[nodiscard]] Status flushLevels();
    [[nodiscard]] Status flushTerminals();

    RowStatements& m_rows;
    qint64 m_cursor = 0;
    qint64 m_now = 0; // the server's time: terminals' last_seen

    QHash<QString, TerminalState> m_terminals;
    QHash<QString, qint64> m_lastSeqs; // written at the next flush
    // Receipt and refund counters raised since the last flush, by terminal.
    QHash<QString, std::pair<qint64, qint64>> m_counters;
    bool m_seenWritten = false; // every terminal's last_seen, once per batch
    QHash<QString, std::optional<StoredReceiptHead>> m_receipts; // by number; nullopt: none
    QSet<QString> m_refundsWaiting; // sales with refunds stored before them
    RowValues m_receiptRows;
    RowValues m_receiptLineRows;
    RowValues m_receiptPaymentRows;
    QHash<QString, qint64> m_costs; // the unit cost of each SKU the batch's receipts name
    ReportRollups m_rollups;
    QHash<Key, CachedLevel> m_levels;
    QHash<Key, CachedHold> m_holds;
    RowValues m_ledger;
    RowValues m_results;

    // Since mark(): what each changed entry was before (in order of change) and how many ledger
    // rows there were.
    QList<std::pair<Key, CachedLevel>> m_levelsBefore;
    QList<std::pair<Key, CachedHold>> m_holdsBefore;
    RowValues::End m_ledgerBefore;
};

} // namespace stockline::sync::sqlstore
