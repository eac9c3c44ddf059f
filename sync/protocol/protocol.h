#pragma once

#include "backofficemessages.h"
#include "delivery.h"
#include "error.h"
#include "jsonwriter.h"
#include "mutation.h"
#include "product.h"
#include "reportmessages.h"
#include "staff.h"
#include "storesettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

namespace stockline::sync {

inline constexpr int protocolVersion = 1;
inline constexpr qsizetype maxMutationsPerPush = 1000;
inline constexpr qint64 maxMessageBytes = 4 * 1024 * 1024;
inline constexpr qsizetype maxTokenLength = 256;

// Close codes of PROTOCOL.md.
enum CloseCode : quint16 {
    CloseBadMessages = 4400,
    CloseUnauthorized = 4401,
    CloseRevoked = 4403,
    CloseHelloTimeout = 4408,
    CloseUnsupportedProtocol = 4409,
    CloseTooLarge = 4413,
    CloseRateLimited = 4429,
    CloseOverCapacity = 4503, // the connection limit is reached: try again later
};

// The `code` of an `error` message (sync/PROTOCOL.md lists when each is sent). The first four
// come from decodeClientMessage(); the server's session and store send the others.
namespace errorCode {
inline constexpr QLatin1StringView invalidJson("invalid_json");
inline constexpr QLatin1StringView invalidMessage("invalid_message");
inline constexpr QLatin1StringView unknownType("unknown_type");
inline constexpr QLatin1StringView batchTooLarge("batch_too_large");
inline constexpr QLatin1StringView unauthorized("unauthorized");
inline constexpr QLatin1StringView unsupportedProtocol("unsupported_protocol");
inline constexpr QLatin1StringView sequenceGap("sequence_gap");
inline constexpr QLatin1StringView sequenceConflict("sequence_conflict");
inline constexpr QLatin1StringView unavailable("unavailable");
inline constexpr QLatin1StringView helloRequired("hello_required");
inline constexpr QLatin1StringView rateLimited("rate_limited");
} // namespace errorCode

// The `code` of a rejected result.
namespace rejectCode {
inline constexpr QLatin1StringView insufficientStock("insufficient_stock");
inline constexpr QLatin1StringView versionConflict("version_conflict");
inline constexpr QLatin1StringView forbidden("forbidden");
inline constexpr QLatin1StringView unknownSku("unknown_sku");
inline constexpr QLatin1StringView unknownLocation("unknown_location");
inline constexpr QLatin1StringView invalid("invalid");
inline constexpr QLatin1StringView unknownDelivery("unknown_delivery"); // extension
inline constexpr QLatin1StringView overExpected("over_expected");       // extension
inline constexpr QLatin1StringView unknownShortage("unknown_shortage"); // extension
inline constexpr QLatin1StringView alreadyResolved("already_resolved"); // extension
inline constexpr QLatin1StringView receiptConflict("receipt_conflict"); // extension
inline constexpr QLatin1StringView overRefund("over_refund");           // extension
} // namespace rejectCode

// An `error` message: a problem with a message as a whole, not a mutation's result.
struct ProtocolError
{
    QString code;    // "invalid_json", "unknown_type", "invalid_message", "batch_too_large", …
    QString message; // for people
    QString field;   // the offending field, where there is one
    std::optional<qint64> expected; // sequence_gap: the seq the server expects next
    std::optional<qint64> seq;      // sequence_gap / sequence_conflict: the seq concerned

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ProtocolError fromJson(const QJsonObject& object);

    friend bool operator==(const ProtocolError&, const ProtocolError&) = default;
};

// A hello whose `protocol` is not protocolVersion is decoded with only `protocol` set: its other
// fields may have another version's shape, and the server must answer unsupported_protocol
// (close 4409) rather than invalid_message. Check `protocol` first.
struct Hello
{
    int protocol = protocolVersion;
    QString terminal;
    QString token;
    qint64 cursor = 0;

    friend bool operator==(const Hello&, const Hello&) = default;
};

// One entry of a push. The envelope (seq, id) is read even when the body is bad, so the
// server can answer that seq with an `invalid` rejection instead of dropping it.
struct PushEntry
{
    qint64 seq = 0;
    QString id;
    Result<Mutation> mutation = Error{};
};

struct Push
{
    QList<PushEntry> entries;
    // Extension: the entries the terminal's outbox held unanswered when it sent this push,
    // for the server's metrics (stockline_terminal_outbox_backlog).
    std::optional<qint64> backlog;
};

// Extension: the first message of a device that is not enrolled yet. It trades a one-time
// pairing code (`stockline-server terminal add … --pairing`) for the terminal's id and a new
// token (`paired`), or `error` unauthorized and close 4401. `code` holds the digits only.
struct Pair
{
    QString code;

    friend bool operator==(const Pair&, const Pair&) = default;
};

inline constexpr int pairingCodeDigits = 8;
// The digits of a code typed as "1234-5678", "1234 5678" or "12345678"; nothing if it is not
// pairingCodeDigits digits.
[[nodiscard]] std::optional<QString> pairingCodeDigitsOf(QStringView typed);
// "12345678" → "1234-5678", as people read and type it.
[[nodiscard]] QString formatPairingCode(QStringView digits);

// Extension: the terminal asks for the ledger of one SKU (optionally at one location), newest
// first, at most `limit` entries; answered with a `history` (HistoryReply) naming `request`.
struct HistoryRequest
{
    QString request; // an ID the client chooses, echoed in the answer
    QString sku;
    QString location; // empty: every location
    qint64 limit = 0; // 1..maxHistoryEntries

    friend bool operator==(const HistoryRequest&, const HistoryRequest&) = default;
};

inline constexpr qint64 maxHistoryEntries = 500;

// Extension: a till asks for a receipt the server keeps (to refund it at any till); answered
// with a `receipt` (ReceiptReply) naming `request`.
struct ReceiptRequest
{
    QString request;
    QString number; // the receipt number, as printed and in its barcode

    friend bool operator==(const ReceiptRequest&, const ReceiptRequest&) = default;
};

// Extension: a manager's screen asks for the store's day (the day report); answered with a
// `day` (DayReply) naming `request`.
struct DayRequest
{
    QString request;
    QDate date; // the store's day, in the server's time zone

    friend bool operator==(const DayRequest&, const DayRequest&) = default;
};

using ClientMessage = std::variant<Hello, Push, Pair, HistoryRequest, ReceiptRequest, DayRequest,
                                   ReportRequest, BackOfficeRequest>;

// Reads one text frame from a client. Bounds: the frame must be a JSON object, a push
// holds 1–maxMutationsPerPush entries, every entry has an integer seq ≥ 1 and a valid id.
[[nodiscard]] std::variant<ClientMessage, ProtocolError>
decodeClientMessage(const QByteArray& frame);

// The one push encoder. Mutations go in as wire objects (Mutation::toJsonBytes(), which is what
// the outbox stores) and are spliced in as they are: no parse and re-encode per send, which
// the client and the bench both need.
class PushWriter
{
public:
    explicit PushWriter(qsizetype reserve = 1024);
    void append(QByteArrayView mutationJson);
    [[nodiscard]] qsizetype count() const { return m_count; }
    // The frame {"type":"push","mutations":[…]} (with "backlog" when given); the writer is spent.
    [[nodiscard]] QByteArray take(std::optional<qint64> backlog = {});

private:
    JsonWriter m_writer;
    qsizetype m_count = 0;
};

[[nodiscard]] QByteArray encodePush(const QList<QByteArray>& mutationJson);
[[nodiscard]] QByteArray encode(const Hello& hello);
[[nodiscard]] QByteArray encode(const QList<Mutation>& pushMutations);
[[nodiscard]] QByteArray encode(const Pair& pair);
[[nodiscard]] QByteArray encode(const HistoryRequest& request);
[[nodiscard]] QByteArray encode(const ReceiptRequest& request);
[[nodiscard]] QByteArray encode(const DayRequest& request);

// ---- server → client

struct Welcome
{
    QString terminal;
    QString role;
    qint64 lastSeq = 0;
    qint64 cursor = 0;
    QDateTime serverTime;
    // Extension: the highest receipt and refund counters the server holds for this terminal
    // ("POS-01-000042" is 42, "POS-01-R000003" is 3), so a reinstalled till never repeats one.
    qint64 lastReceipt = 0;
    qint64 lastRefund = 0;
    // Extension (issue 23): the store's settings; absent on the wire: the defaults.
    StoreSettings store = {};

    friend bool operator==(const Welcome&, const Welcome&) = default;
};

struct LineAvailability
{
    QString sku;
    qint64 available = 0;
    qint64 line = 0; // over_refund: the sale receipt's line; 0: not written

    friend bool operator==(const LineAvailability&, const LineAvailability&) = default;
};

// Extension: what an offline refund paid back beyond what was left of a sale's line; the
// server recorded it as a refund exception.
struct OverRefund
{
    qint64 line = 0;
    qint64 qty = 0;
    Money amount;

    friend bool operator==(const OverRefund&, const OverRefund&) = default;
};

// The answer to one seq. It never changes: a replay answers the same, with replay = true.
struct MutationResult
{
    enum class Status { Applied, Rejected };

    qint64 seq = 0;
    Status status = Status::Applied;
    QString code;                      // rejected: insufficient_stock, version_conflict, …
    QString message;                   // rejected: for people (invalid names the field)
    std::optional<qint64> available;   // insufficient_stock on single-SKU kinds
    QList<LineAvailability> lines;     // insufficient_stock on sales
    std::optional<StockLevel> level;   // version_conflict: the current level
    QList<LineAvailability> shortages; // offline sale: each SKU stock could not fully cover,
                                       // with the units that were available; the rest of
                                       // the line became a shortage exception
    QList<OverRefund> overRefunded;    // offline refund beyond what was left
    bool replay = false;

    [[nodiscard]] QJsonObject toJson() const;
    // The same object as toJson(), written straight to compact JSON bytes: every result is
    // stored once and sent once, so this is on both server threads' hot path.
    [[nodiscard]] QByteArray toJsonBytes() const;
    [[nodiscard]] static Result<MutationResult> fromJson(const QJsonObject& object);
    friend bool operator==(const MutationResult&, const MutationResult&) = default;
};

struct Results
{
    QList<MutationResult> results;

    friend bool operator==(const Results&, const Results&) = default;
};

struct Levels
{
    qint64 cursor = 0;
    bool full = false;
    QList<StockLevel> levels;

    friend bool operator==(const Levels&, const Levels&) = default;
};

struct CatalogUpdate
{
    qint64 cursor = 0;
    bool full = false;
    QList<Product> products;

    friend bool operator==(const CatalogUpdate&, const CatalogUpdate&) = default;
};

// A shortage exception: an offline sale sold more than stock could cover.
struct Shortage
{
    qint64 id = 0;
    QString sku;
    QString location;
    qint64 qty = 0;
    QString terminal;
    QString sale;
    QDateTime at;
    bool resolved = false;

    friend bool operator==(const Shortage&, const Shortage&) = default;
};

// Extension: the open shortage exceptions, pushed to every terminal when they change.
struct Shortages
{
    QList<Shortage> shortages;

    friend bool operator==(const Shortages&, const Shortages&) = default;
};

// Extension: the active staff with their PIN hashes, so a terminal signs people in offline.
// Sent after the welcome and whenever staff change, only to roles that sign people in (pos,
// receiving, manager) — never to a channel such as a web shop.
struct StaffList
{
    QList<StaffMember> staff;

    friend bool operator==(const StaffList&, const StaffList&) = default;
};

[[nodiscard]] bool roleSignsStaffIn(const QString& role);

// Extension: the open expected deliveries with what has been received against each line, sent
// after the welcome and whenever one changes, to the roles that receive (receiving, manager).
struct DeliveryList
{
    QList<Delivery> deliveries;

    friend bool operator==(const DeliveryList&, const DeliveryList&) = default;
};

// Extension: the answer to a `pair` — who this device is now and its token (the only time the
// token travels from the server). The server then closes the connection (1000); the device
// connects again with a hello.
struct Paired
{
    QString terminal;
    QString token;

    friend bool operator==(const Paired&, const Paired&) = default;
};

// One ledger entry of a SKU at a location, with the level as it stood right after it.
struct HistoryEntry
{
    qint64 id = 0; // the ledger row: later entries have higher ids
    QDateTime at;  // by the server's clock
    QString kind;  // the mutation kind, or expire / resolve for the server's own rows
    QString location;
    qint64 onHandDelta = 0;
    qint64 reservedDelta = 0;
    qint64 onHand = 0; // after this entry
    qint64 reserved = 0;
    QString terminal; // empty for the server's own rows (expiry, imports)
    QJsonObject detail;

    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

// Extension: the answer to a HistoryRequest. Refused (`code` set: forbidden, unknown_sku,
// unknown_location, unavailable) it carries no entries.
struct HistoryReply
{
    QString request;
    QString sku;
    QString location;
    QString code;
    QString message;
    QList<HistoryEntry> entries; // newest first
    bool more = false;           // older entries exist beyond the limit

    friend bool operator==(const HistoryReply&, const HistoryReply&) = default;
};

// One line of a stored receipt, with what was refunded of it so far (any till, any node).
struct StoredReceiptLine
{
    qint64 line = 0; // from 1
    ReceiptEntry entry;
    qint64 refunded = 0;
    Money refundedAmount;

    [[nodiscard]] qint64 refundable() const { return entry.qty - refunded; }

    friend bool operator==(const StoredReceiptLine&, const StoredReceiptLine&) = default;
};

// A refund of a stored receipt, as the server recorded it.
struct StoredRefund
{
    QString number;
    QString terminal;
    QDateTime at; // the till's time
    Money total;
    QList<Payment> payments;

    friend bool operator==(const StoredRefund&, const StoredRefund&) = default;
};

// A receipt as the server keeps it (sync/PROTOCOL.md, `receipt`).
struct StoredReceipt
{
    QString number;
    QString kind; // "sale" or "refund"
    QString terminal;
    QString location;
    QString staff;
    QString cashSession;
    QDateTime at;         // the till's time
    QDateTime recordedAt; // the server's
    bool offline = false;
    Money net;
    Money tax;
    Money total;
    QList<StoredReceiptLine> lines;
    QList<Payment> payments;
    QList<StoredRefund> refunds;

    friend bool operator==(const StoredReceipt&, const StoredReceipt&) = default;
};

// Extension: the answer to a ReceiptRequest. Refused (`code`: unknown_receipt, forbidden,
// unavailable) it carries no receipt.
struct ReceiptReply
{
    QString request;
    QString number;
    QString code;
    QString message;
    std::optional<StoredReceipt> receipt;

    friend bool operator==(const ReceiptReply&, const ReceiptReply&) = default;
};

// Extension: the answer to a DayRequest. `report` is the day report's object as
// `stockline-server day report --json` prints it (sync/PROTOCOL.md, `day`); refused (`code`:
// forbidden, unavailable) it is empty.
struct DayReply
{
    QString request;
    QDate date;
    QString code;
    QString message;
    QJsonObject report;

    friend bool operator==(const DayReply&, const DayReply&) = default;
};

using ServerMessage =
    std::variant<Welcome, Results, Levels, CatalogUpdate, Shortages, ProtocolError, StaffList,
                 Paired, DeliveryList, HistoryReply, ReceiptReply, DayReply, BackOfficeAnswer>;

[[nodiscard]] QByteArray encode(const Welcome& welcome);
[[nodiscard]] QByteArray encode(const Results& results);
[[nodiscard]] QByteArray encode(const Levels& levels);
[[nodiscard]] QByteArray encode(const CatalogUpdate& catalog);
[[nodiscard]] QByteArray encode(const Shortages& shortages);
[[nodiscard]] QByteArray encode(const StaffList& staff);
[[nodiscard]] QByteArray encode(const DeliveryList& deliveries);
[[nodiscard]] QByteArray encode(const Paired& paired);
[[nodiscard]] QByteArray encode(const HistoryReply& history);
[[nodiscard]] QByteArray encode(const ReceiptReply& reply);
[[nodiscard]] QByteArray encode(const DayReply& reply);
[[nodiscard]] QByteArray encode(const ProtocolError& error);

// Reads one text frame from the server (used by sync::Client and the tests).
[[nodiscard]] Result<ServerMessage> decodeServerMessage(const QByteArray& frame);

} // namespace stockline::sync
