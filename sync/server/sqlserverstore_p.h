#pragma once

// Private to SqlServerStore: its prepared statements and its write transaction, shared by its
// parts: sqlserverstore.cpp (opening), sqlserveradmin.cpp (administration),
// sqlserversessions.cpp (pairing, authentication, catch-up reads), sqlserververify.cpp, and the
// writer: sqlserverwriter.cpp (the transaction, arbitration), sqlserverpush.cpp (a push's
// entries), sqlserverkinds.cpp (each mutation kind).

#include "sqlbatch.h"
#include "sqlhelpers.h"
#include "sqlserverstore.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>
#include <variant>

namespace stockline::sync::sqlstore {

// The columns a StockLevel and a Product are read from.
inline const QString levelColumns =
    QStringLiteral("SELECT sku, location, on_hand, reserved, version "
                   "FROM levels");
// (…, version): the catalog message carries each product's version.
inline const QString productColumns =
    QStringLiteral("SELECT sku, barcode, name, price, tax_rate, "
                   "active, department, reorder_point, unit, version FROM products");

// Where a ledger event comes from: a terminal's mutation, or the server itself (expiry,
// imports, resolutions), which has no terminal, seq or mutation id.
struct Origin
{
    QString terminal;
    qint64 seq = 0;
    QString mutationId;
    QString kind;
};

// What one mutation changed. It joins the commit's effects only if the mutation is applied.
struct Change
{
    QList<StockLevel> levels;
    bool shortages = false;
    bool deliveries = false; // what was received against an expected delivery
};

// One mutation being applied: where its ledger events come from, its result, its effects.
struct Applying
{
    Origin origin;
    MutationResult result;
    Change change;
    QDateTime at;        // the mutation's own time, as the terminal gave it
    bool undone = false; // its changes taken back already
    // The receipt a sale or a refund stores once it is applied (sqlserverreceipts.cpp).
    std::optional<ReceiptRecord> receipt;

    void reject(const QString& code, const QString& message)
    {
        result.status = MutationResult::Status::Rejected;
        result.code = code;
        result.message = message;
    }
    [[nodiscard]] bool rejected() const
    {
        return result.status == MutationResult::Status::Rejected;
    }
};

// A back-office answer as the store gives it (BackOfficeOutcome::answer).
[[nodiscard]] inline QJsonObject okAnswer(QJsonObject fields = {})
{
    fields.insert(QStringLiteral("ok"), true);
    return fields;
}
[[nodiscard]] inline QJsonObject refusal(QLatin1StringView code, const QString& message,
                                         const QString& field = {})
{
    QJsonObject answer{{QStringLiteral("ok"), false},
                       {QStringLiteral("code"), QString(code)},
                       {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        answer.insert(QStringLiteral("field"), field);
    return answer;
}
[[nodiscard]] inline bool isOk(const QJsonObject& answer)
{
    return answer.value(QStringLiteral("ok")).toBool();
}

} // namespace stockline::sync::sqlstore

namespace stockline::sync {

// Every statement the hot path runs, prepared once per connection. Placeholders are
// positional; the comment before each lists them in order.
struct SqlServerStore::Statements
{
    Statements(const QString& connectionName, bool arrayParameters)
        : rows(connectionName, arrayParameters)
    {
    }

    // Transaction control: on SQLite through `rows` (the sqlite3 C API); elsewhere prepared
    // where the dialect allows it, else sent as text each time.
    struct Control
    {
        QSqlQuery query;
        QString sql;
        bool prepared = false;
        sqlstore::RowStatements* native = nullptr;

        [[nodiscard]] Status run(const QString& what);
    };
    Control beginWrite, commit, rollback, savepoint, releaseSavepoint, rollbackToSavepoint;
    // The write batch's own statements, run through `rows` by their text.
    QString readCursor;         // ()
    QString writeCursor;        // (cursor)
    QString notifyFeed;         // (cursor): empty unless the dialect has a feed channel
    QString expireReservations; // (now) → terminal, reservation, sku, location, qty
    QSqlQuery loadTerminal;     // (id) → role, token_hash, last_seq, revoked
    QSqlQuery productExists;    // (sku)
    QSqlQuery locationExists;   // (id)
    // (Δon_hand, Δreserved, cursor, sku, location, need, held) → on_hand, reserved, version.
    // The stock decision: applied only where the result keeps 0 ≤ reserved ≤ on_hand, i.e.
    // available ≥ need (= Δreserved − Δon_hand) and reserved ≥ held (= −Δreserved).
    QSqlQuery changeLevel;
    // (sku, location, qty, cursor) → on_hand, reserved, version. Adds stock, creating the level.
    QSqlQuery addLevel;
    QSqlQuery readLevel; // (sku, location) → on_hand, reserved, version
    // (sku, location, on_hand, cursor) → on_hand, reserved, version; no row if it exists.
    QSqlQuery createLevel;
    // (on_hand, Δreserved, cursor, sku, location, expected version) → on_hand, reserved, version
    QSqlQuery countLevel;
    QSqlQuery levelReservations; // (sku, location) → terminal, reservation, qty
    QSqlQuery shrinkReservation; // (qty, terminal, reservation)
    QSqlQuery deleteReservation; // (terminal, reservation)
    // (at, terminal, seq, mutation_id, kind, sku, location, Δon_hand, Δreserved, detail)
    QSqlQuery insertLedger;
    QSqlQuery insertShortage; // (sku, location, qty, terminal, sale, at)
    // The batch's multi-row reads and writes (sqlstore::BatchRows).
    sqlstore::RowStatements rows;
};

// One write transaction: applyBatch, expiry, imports. Rolls back unless committed. Collects
// what the commit changes for the broadcast, and gives the commit its cursor.
class SqlServerStore::Writer
{
public:
    Writer(SqlServerStore& store, qint64 nowMs) : m_store(store), m_sql(*store.m_sql), m_now(nowMs)
    {
    }
    ~Writer()
    {
        if (m_open)
            rollback();
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    [[nodiscard]] Status begin();
    [[nodiscard]] Result<CommitEffects> commit();
    void rollback();

    [[nodiscard]] qint64 cursor() const { return m_cursor; }
    [[nodiscard]] qint64 now() const { return m_now; }
    void productChanged(const Product& product);
    // Staff and resolved shortages reach terminals when a server sees the cursor move.
    void markChanged() { m_changed = true; }

    // Releases every reservation expired at now: from its expiry instant it holds nothing.
    [[nodiscard]] Status sweepExpired();
    // Loads what these pushes name (sqlstore::BatchRows): call once, before applyPush().
    [[nodiscard]] Status preload(const QList<PushRequest>& pushes);
    [[nodiscard]] Result<PushOutcome> applyPush(const PushRequest& push);
    // sqlserverapi.cpp: an HTTP API write (push.api): its stored answer if its key was used,
    // else its one entry applied at the terminal's next seq and its answer stored with it.
    [[nodiscard]] Result<PushOutcome> applyApiCall(const PushRequest& push);

    // Adds stock (receipts, returns, imports, positive adjustments), creating the level.
    [[nodiscard]] Status addStock(const sqlstore::Origin& origin, sqlstore::Change& change,
                                  const QString& sku, const QString& location, qint64 qty,
                                  const QString& detail);
    void keep(const sqlstore::Change& change);
    [[nodiscard]] Status ledger(const sqlstore::Origin& origin, const QString& sku,
                                const QString& location, qint64 onHandDelta, qint64 reservedDelta,
                                const QString& detail);

private:
    [[nodiscard]] Result<MutationResult> applyEntry(const sqlstore::TerminalState& terminal,
                                                    const PushEntry& entry);
    // The stored result of an earlier seq, or the protocol error that stops the push.
    [[nodiscard]] Result<std::variant<MutationResult, ProtocolError>>
    replay(const sqlstore::TerminalState& terminal, const PushEntry& entry);
    [[nodiscard]] Status precheck(sqlstore::Applying& a, const sqlstore::TerminalState& terminal,
                                  const Mutation& m);
    // Runs the mutation's kind, taking its changes back if it is rejected.
    [[nodiscard]] Status applyBody(sqlstore::Applying& a, const Mutation& m);
    [[nodiscard]] Status storeResult(const sqlstore::Applying& a);
    // A sale's or a refund's receipt number stored already: the same content is applied with
    // nothing done again, other content is rejected receipt_conflict. True when so decided.
    [[nodiscard]] Result<bool> receiptStoredAlready(sqlstore::Applying& a, const Mutation& m);
    // An applied mutation's receipt, and its terminal's counters, go to the batch's rows.
    [[nodiscard]] Status keepReceipt(const sqlstore::Applying& a);
    [[nodiscard]] Status settleEarlierRefunds(const QString& sale);
    // A refund against a stored sale receipt: one conditional update per refund line.
    [[nodiscard]] Status refundLines(sqlstore::Applying& a, const ReturnMutation& m);
    [[nodiscard]] Status rejectOverRefund(sqlstore::Applying& a, const ReturnMutation& m);
    // What is left to refund of a sale receipt's line; nullopt if the sale has no such line.
    struct LineLeft
    {
        QString sku;
        qint64 qty = 0;
        qint64 amount = 0;
    };
    [[nodiscard]] Result<std::optional<LineLeft>> lineLeft(const QString& sale, qint64 line);
    // Refunds what is left of a sale line (an offline refund, or one that came before its sale).
    [[nodiscard]] Status takeLeft(const QString& sale, qint64 line, qint64 qty, qint64 amount);
    // What a refund paid beyond what was left, for the manager (a refund exception).
    [[nodiscard]] Status recordOverRefund(const QString& refund, const QString& sale, qint64 line,
                                          qint64 qty, qint64 amount, const QString& terminal,
                                          qint64 at);
    [[nodiscard]] Status refundOffline(sqlstore::Applying& a, const ReturnMutation& m, qsizetype i,
                                       qint64 leftQty, qint64 leftAmount);

    [[nodiscard]] Status apply(sqlstore::Applying& a, const ReserveMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const ReleaseMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const SaleMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const ReturnMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const ReceiveMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const CountMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const TransferMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const AdjustMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const ApprovalMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const ResolveMutation& m);
    [[nodiscard]] Status apply(sqlstore::Applying& a, const CashMutation& m);

    // Reserve, release, sale, return and a receive without a delivery are decided against the
    // batch's rows in memory (m_rows); the other kinds run their SQL on the database, inside a
    // savepoint.
    [[nodiscard]] static bool decidedInMemory(const Mutation& m);
    // The quantity of the line's live reservation for its SKU and location; 0 if none.
    [[nodiscard]] Result<qint64> liveHold(const sqlstore::Applying& a, const SaleLine& line,
                                          const QString& location);
    [[nodiscard]] Result<qint64> consumeReservation(sqlstore::Applying& a, const SaleLine& line,
                                                    const QString& location);
    [[nodiscard]] Status takeOffline(sqlstore::Applying& a, const SaleMutation& m,
                                     const SaleLine& line, qint64 reservedQty);
    [[nodiscard]] Status rejectSale(sqlstore::Applying& a, const SaleMutation& m);
    // A count of what is on the shelf, applied when the level is still at `expectedVersion`
    // (a level that does not exist yet is at 0); else version_conflict.
    [[nodiscard]] Status bookCount(sqlstore::Applying& a, const QString& sku,
                                   const QString& location, qint64 counted, qint64 expectedVersion,
                                   const QString& detail);
    // Whether `name` is an active manager in the server's staff list.
    [[nodiscard]] Result<bool> isManager(const QString& name);
    [[nodiscard]] Status rejectUnresolvable(sqlstore::Applying& a, qint64 shortage);
    [[nodiscard]] Status cutReservations(const QString& sku, const QString& location, qint64 cut);
    [[nodiscard]] Status rejectVersionConflict(sqlstore::Applying& a, const QString& sku,
                                               const QString& location);

    // The conditional update: true if applied (and its ledger event written), false if the
    // level does not exist or would leave 0 ≤ reserved ≤ on_hand.
    [[nodiscard]] Result<bool> changeLevel(const sqlstore::Origin& origin, sqlstore::Change& change,
                                           const QString& sku, const QString& location,
                                           qint64 onHandDelta, qint64 reservedDelta,
                                           const QString& detail);
    [[nodiscard]] Result<std::optional<StockLevel>> readLevel(const QString& sku,
                                                              const QString& location);
    [[nodiscard]] Result<qint64> available(const QString& sku, const QString& location);
    [[nodiscard]] Status rejectInsufficient(sqlstore::Applying& a, const QString& sku,
                                            const QString& location);
    // Takes the mutation's changes back (its savepoint, or in memory): its effects are gone,
    // its result is not.
    [[nodiscard]] Status undo(sqlstore::Applying& a);
    [[nodiscard]] Status bookDelivery(sqlstore::Applying& a, const ReceiveMutation& m);
    // sqlserverpurchasing.cpp: the costs a receive names (or, against a purchase order, the
    // order's), averaged into its products' cost (after its stock was added, outside the
    // in-memory batch) and booked on the order's lines.
    [[nodiscard]] Status averageCosts(const ReceiveMutation& m);
    [[nodiscard]] Status bookOrderCosts(const QString& reference, QList<ItemLine>& lines);
    [[nodiscard]] Status rejectDeliveryLine(sqlstore::Applying& a, const QString& delivery,
                                            const QString& field, const QString& sku);
    // Reads the RETURNING row of a level statement into `change`.
    void recordLevel(sqlstore::Change& change, QSqlQuery& query, const QString& sku,
                     const QString& location);

    SqlServerStore& m_store;
    Statements& m_sql;
    qint64 m_now = 0;
    bool m_open = false;
    qint64 m_previous = 0; // the cursor before this transaction
    qint64 m_cursor = 0;   // the cursor this transaction commits with, if it changes anything
    bool m_changed = false;
    QList<StockLevel> m_levels;
    QHash<QString, qsizetype> m_levelIndex;
    QList<Product> m_products;
    QHash<QString, qsizetype> m_productIndex;
    bool m_shortages = false;
    bool m_deliveries = false;
    std::optional<sqlstore::BatchRows> m_rows; // from begin() on
    bool m_inMemory = false;                   // the mutation being applied uses m_rows
};

} // namespace stockline::sync
