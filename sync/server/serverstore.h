#pragma once

#include "delivery.h"
#include "error.h"
#include "product.h"
#include "protocol.h"
#include "role.h"
#include "staff.h"
#include "storesettings.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace stockline::sync {

struct TerminalInfo
{
    QString id;
    Role role = Role::Pos;
    qint64 lastSeq = 0;
    bool revoked = false;
    qint64 lastReceipt = 0; // the highest receipt counter stored for it (the welcome's)
    qint64 lastRefund = 0;
};

// The HTTP API's answer to one write: stored with its Idempotency-Key, sent on every retry.
struct ApiAnswer
{
    int status = 200;
    QByteArray body; // JSON

    friend bool operator==(const ApiAnswer&, const ApiAnswer&) = default;
};

// A write of the HTTP API (issue 22), carried by its push: one entry whose seq the store
// allocates (the terminal's lastSeq + 1) in the transaction that applies it, and the answer
// stored under `key` in that same transaction, so a retry after a crash gets the same answer.
struct ApiCall
{
    QString key;            // the Idempotency-Key header
    QByteArray requestHash; // SHA-256 of method, path and body: the same key with another is 422
    // Makes the HTTP answer from the mutation's result; `now` is the server's clock.
    std::function<ApiAnswer(const MutationResult& result, const QDateTime& now)> render;
};

// One terminal's push as it reaches the storage thread. `connection` lets the caller route
// the outcome back; the store does not interpret it.
struct PushRequest
{
    quint64 connection = 0;
    QString terminal;
    QList<PushEntry> entries;
    std::shared_ptr<const ApiCall> api = nullptr; // set for the HTTP API's writes only
};

struct PushOutcome
{
    quint64 connection = 0;
    QList<MutationResult> results;      // one per processed seq, in seq order
    std::optional<ProtocolError> error; // sequence_gap/sequence_conflict/unauthorized:
                                        // nothing after it in this push was processed
    bool revoked = false;               // the terminal was revoked: close 4403
    bool fromApi = false;               // the push was an ApiCall's: answered over HTTP
    std::optional<ApiAnswer> answer;    // its answer (stored, or replayed for its key)
};

// What one committed transaction changed, for the broadcast.
struct CommitEffects
{
    qint64 cursor = 0; // the levels/catalog cursor after the commit
    // The cursor before the commit. If it is not the last cursor the broadcaster sent, another
    // writer (an admin command, another server node) committed in between: send
    // levelsSince()/catalogSince() of the last sent cursor instead of these deltas alone.
    qint64 since = 0;
    QList<StockLevel> levels; // every level the commit changed, latest values
    QList<Product> products;  // every product the commit changed
    bool shortagesChanged = false;
    bool deliveriesChanged = false;
};

// A back-office request's outcome (sync/PROTOCOL.md, "Back office (issue 20)").
struct BackOfficeOutcome
{
    // {"ok":true, …result} or {"ok":false, "code", "message", "field"?, …}: the answer without
    // its type and request (encodeStoredAnswer() adds them).
    QJsonObject answer;
    CommitEffects effects; // the products it changed, broadcast as after any commit
    bool staffChanged = false;
};

struct BatchOutcome
{
    QList<PushOutcome> pushes;
    CommitEffects effects;
};

// What is open right now, for the metrics.
struct OpenCounts
{
    qint64 holds = 0;
    qint64 shortages = 0;
};

// A report's answer (sync/PROTOCOL.md, "Reports"): its object, or the location it names does
// not exist (`not_found`, naming the field).
struct ReportAnswer
{
    QJsonObject result; // without its rows
    QByteArray rows;    // a JSON array: thousands of rows are written as text, not as objects
    std::optional<Error> notFound;

    // The whole answer object, rows included.
    [[nodiscard]] QJsonObject object() const;
};

struct VerifyReport
{
    bool ok = true;
    QStringList problems;
    qint64 levelsChecked = 0;
    qint64 ledgerEvents = 0;
};

// A one-time code that pairs a new device as an enrolled terminal (`pair`, sync/PROTOCOL.md).
struct PairingCode
{
    QString code; // "1234-5678"
    QDateTime expiresAt;
};

inline constexpr qint64 pairingCodeValidSeconds = 15 * 60;
// Wrong codes tried while a code is live, after which it is withdrawn: a wrong code cannot tell
// which code it was aimed at, so it counts against every live one.
inline constexpr int maxPairingFailures = 10;

// A manager approval a till sent (`approval` mutation), as the server recorded it.
struct ApprovalRecord
{
    QString terminal;
    qint64 seq = 0;
    QDateTime at;         // the till's time
    QDateTime recordedAt; // the server's
    QString action;
    QString staff;
    QString approver;
    QString detail;
};

// An enrolled terminal as `terminal list` shows it.
struct TerminalListing
{
    QString id;
    Role role = Role::Pos;
    bool revoked = false;
    qint64 lastSeq = 0;
    QDateTime lastSeen; // by the server's clock; invalid: never heard from
    // Where it last booked stock (its latest ledger row): the server keeps no location per
    // terminal. Empty when it has booked nothing yet.
    QString location;
};

struct StockMovement
{
    QString sku;
    QString location;
    qint64 qty = 0;
};

class FeedListener;

// The server's storage, cut along its two users: ArbiterStore for the storage thread while
// serving, AdminStore for the administration commands. One backend per database (SQLite file,
// PostgreSQL) implements both (SqlServerStore). Every stock decision is one conditional update
// whose affected-row count decides.
//
// Threading: an instance is used only by the thread that opened it — the storage thread
// when serving, the main thread for one-shot admin commands.

// What the storage thread needs while serving: the sessions' reads and arbitration.
class ArbiterStore
{
public:
    virtual ~ArbiterStore() = default;

    // "sqlite:PATH" or "postgres://…". Creates and migrates the schema as needed.
    [[nodiscard]] static Result<std::unique_ptr<ArbiterStore>> open(const QString& url);

    // ---- sessions
    // The terminal, if the token is its token (constant-time compare) and it is not revoked;
    // nothing for an unknown terminal, a wrong token or a revoked terminal. An Error only when
    // storage failed: that is no answer about the terminal, which must be able to try again.
    [[nodiscard]] virtual Result<std::optional<TerminalInfo>>
    authenticate(const QString& terminal, const QString& token) = 0;
    [[nodiscard]] virtual Result<TerminalInfo> terminal(const QString& id) = 0;
    // The terminal whose token this is (the HTTP API's bearer token), if it is not revoked.
    // Found by the token's hash, so the lookup tells nothing about other tokens.
    [[nodiscard]] virtual Result<std::optional<TerminalInfo>>
    authenticateBearer(const QString& token) = 0;
    // Every revoked terminal, by id: one read, however many terminals are connected.
    [[nodiscard]] virtual Result<QStringList> revokedTerminals() = 0;
    // The terminal was heard from at `now` (a hello): its last_seen, for the day report.
    [[nodiscard]] virtual Status terminalSeen(const QString& id, const QDateTime& now) = 0;
    // A stored receipt with its lines, payments and refunds; nothing for an unknown number.
    [[nodiscard]] virtual Result<std::optional<StoredReceipt>> receipt(const QString& number) = 0;
    // The day report of `date` in the server's time zone (sync/PROTOCOL.md, `day`), as of `now`.
    [[nodiscard]] virtual Result<QJsonObject> dayReport(const QDate& date,
                                                        const QDateTime& now) = 0;
    // A back-office report (a manager's `report` request), as of `now`.
    [[nodiscard]] virtual Result<ReportAnswer> report(const ReportRequest& request,
                                                      const QDateTime& now) = 0;
    // Everything changed after `cursor` (a full snapshot when cursor is 0 or ahead of ours).
    [[nodiscard]] virtual Result<Levels> levelsSince(qint64 cursor) = 0;
    [[nodiscard]] virtual Result<CatalogUpdate> catalogSince(qint64 cursor) = 0;
    [[nodiscard]] virtual Result<qint64> currentCursor() = 0;
    // The ledger of one SKU (at one location, or all), newest first, at most request.limit
    // entries, each with the level right after it. An unknown SKU or location is an answer
    // (`code` unknown_sku / unknown_location), not an Error: that is only storage failing.
    [[nodiscard]] virtual Result<HistoryReply> history(const HistoryRequest& request) = 0;
    // Trades a live code (digits only) for its terminal and a new token, whose hash replaces
    // the old one's at once: the code is used up. Nothing for a wrong, expired or used code;
    // an Error only when storage failed.
    [[nodiscard]] virtual Result<std::optional<Paired>> redeemPairingCode(const QString& code,
                                                                          const QDateTime& now) = 0;
    // Active staff, by name.
    [[nodiscard]] virtual Result<QList<StaffMember>> staff() = 0;
    // The store's settings (issue 23), for the welcome.
    [[nodiscard]] virtual Result<StoreSettings> storeSettings() = 0;
    [[nodiscard]] virtual Result<QList<Shortage>> openShortages() = 0;
    // Holds not yet sold, released or expired, and shortages not yet resolved: two counts.
    [[nodiscard]] virtual Result<OpenCounts> openCounts() = 0;
    // The deliveries with what was received so far, by reference; closed ones only when asked.
    [[nodiscard]] virtual Result<QList<Delivery>> deliveries(bool withClosed = false) = 0;

    // ---- arbitration
    // Applies every push in one transaction (group commit); a rejection rolls back only its
    // own mutation. `now` is the server's clock: it decides reservation expiry. An Error means
    // nothing was committed and the pushes must be answered `unavailable`.
    [[nodiscard]] virtual Result<BatchOutcome> applyBatch(const QList<PushRequest>& pushes,
                                                          const QDateTime& now) = 0;
    // Releases every reservation expired at `now`.
    [[nodiscard]] virtual Result<CommitEffects> expireReservations(const QDateTime& now) = 0;
    // The next instant a reservation expires, if any (the sweep's timer).
    [[nodiscard]] virtual Result<std::optional<QDateTime>> nextExpiry() = 0;

    // ---- the back office (sqlserverbackoffice.cpp, sqlserverprices.cpp, sqlserverstaffedit.cpp)
    // Answers one back-office request of an elevated session; `by` is its manager, recorded
    // with every write. A refusal is an answer; an Error only when storage failed (nothing
    // was done).
    [[nodiscard]] virtual Result<BackOfficeOutcome>
    backOffice(const BackOfficeRequest& request, const QString& by, const QDateTime& now) = 0;
    // The next instant a scheduled price change is due, if any (the price timer).
    [[nodiscard]] virtual Result<std::optional<QDateTime>> nextPriceChange() = 0;
    // Applies every scheduled price change due at `now`, once across every server node (under
    // the writers' lock, each row marked applied in the same transaction).
    [[nodiscard]] virtual Result<CommitEffects> applyDuePrices(const QDateTime& now) = 0;

    // ---- the connection
    // Calls `wake` (from a thread of its own) with the new cursor soon after any writer on the
    // same database commits a change, until the listener is destroyed. Only a hint: the caller
    // still reads the cursor now and then, since a listener that lost its connection misses
    // what is committed meanwhile. Null where the database gives no such hint (SQLite).
    [[nodiscard]] virtual std::unique_ptr<FeedListener>
    listenForOtherWriters(std::function<void(qint64 cursor)> wake) = 0;
    // After an operation failed: true if the connection to the database had been lost and is
    // open again (the operation may be run again); false if it was not lost; an Error if it
    // is lost and cannot be opened yet.
    [[nodiscard]] virtual Result<bool> reconnectIfLost() = 0;
};

// What the administration commands (the CLI, set-up scripts, tests) need. A few reads are
// also the arbiter's; a backend implements each once for both.
class AdminStore
{
public:
    virtual ~AdminStore() = default;

    // "sqlite:PATH" or "postgres://…". Creates and migrates the schema as needed.
    [[nodiscard]] static Result<std::unique_ptr<AdminStore>> open(const QString& url);

    [[nodiscard]] virtual Status addLocation(const Location& location) = 0;
    // Returns the new terminal's token; only its hash is stored.
    [[nodiscard]] virtual Result<QString> addTerminal(const QString& id, Role role) = 0;
    [[nodiscard]] virtual Status revokeTerminal(const QString& id) = 0;
    // Adds or replaces products. A product whose unit changes has its levels converted in the
    // same transaction, one ledger row of kind `unit` per level (detail from, to, factor):
    // each → a measure multiplies by 1000 (1 unit counts as 1 kg / l / m), a measure → each
    // divides rounding down (the remainder is written off in that row). Its reservations are
    // released in that row too: they hold quantities in the old unit.
    [[nodiscard]] virtual Status importCatalog(const QList<Product>& products) = 0;
    // Opening stock, booked as receipts in the ledger.
    [[nodiscard]] virtual Status importStock(const QList<StockMovement>& stock) = 0;
    [[nodiscard]] virtual Result<QList<StockLevel>> levels(const QString& sku = {}) = 0;
    [[nodiscard]] virtual Result<QList<Location>> locations() = 0;
    // Every enrolled terminal, revoked ones too, by id.
    [[nodiscard]] virtual Result<QList<TerminalListing>> terminals() = 0;
    // The whole catalog when cursor is 0.
    [[nodiscard]] virtual Result<CatalogUpdate> catalogSince(qint64 cursor) = 0;
    // Adds a person, or gives an existing one (removed or not) a new role and PIN.
    [[nodiscard]] virtual Status putStaff(const StaffMember& member) = 0;
    // Signing in stops at once on every terminal; sales keep the name they were rung up with.
    [[nodiscard]] virtual Status removeStaff(const QString& name) = 0;
    // Active staff, by name.
    [[nodiscard]] virtual Result<QList<StaffMember>> staff() = 0;
    // The store's settings (issue 23): terminals take them at their next welcome.
    [[nodiscard]] virtual Result<StoreSettings> storeSettings() = 0;
    [[nodiscard]] virtual Status setStoreSettings(const StoreSettings& settings) = 0;
    [[nodiscard]] virtual Result<QList<Shortage>> openShortages() = 0;
    [[nodiscard]] virtual Status resolveShortage(qint64 id, const QString& by) = 0;
    // Expected deliveries, all or nothing: every location and SKU must be known, and no
    // reference imported before.
    [[nodiscard]] virtual Status importDeliveries(const QList<Delivery>& deliveries) = 0;
    // The deliveries with what was received so far, by reference; closed ones only when asked.
    [[nodiscard]] virtual Result<QList<Delivery>> deliveries(bool withClosed = false) = 0;
    // Closes an open delivery (goods short that will never come): docks are no longer sent it
    // and receives against it are refused. Returns it as closed, with what was received; an
    // unknown or already closed reference is an Error naming it, and nothing changes.
    [[nodiscard]] virtual Result<Delivery> closeDelivery(const QString& reference) = 0;
    [[nodiscard]] virtual Result<VerifyReport> verify() = 0;
    // A stored receipt (`receipt show`); nothing for an unknown number.
    [[nodiscard]] virtual Result<std::optional<StoredReceipt>> receipt(const QString& number) = 0;
    // The day report (`day report`), as of `now`.
    [[nodiscard]] virtual Result<QJsonObject> dayReport(const QDate& date,
                                                        const QDateTime& now) = 0;
    // `stockline-server report`.
    [[nodiscard]] virtual Result<ReportAnswer> report(const ReportRequest& request,
                                                      const QDateTime& now) = 0;
    // Every product's cost (`catalog export`), by SKU.
    [[nodiscard]] virtual Result<QHash<QString, Money>> productCosts() = 0;
    // Every recorded approval, oldest first.
    [[nodiscard]] virtual Result<QList<ApprovalRecord>> approvals() = 0;
    // A code that pairs a device as `terminal` (enrolled, not revoked) until now + validSeconds
    // by the server's clock. An earlier code of that terminal stops working; only the code's
    // hash is stored.
    [[nodiscard]] virtual Result<PairingCode>
    createPairingCode(const QString& terminal, const QDateTime& now, qint64 validSeconds) = 0;
};

} // namespace stockline::sync
