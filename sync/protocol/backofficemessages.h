#pragma once

#include "pinhash.h"
#include "product.h"
#include "purchasingmessages.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace stockline {
class FieldReader;
}

// The back office's requests that the server's catalog, price, staff and terminal side answers
// (issue 20; sync/PROTOCOL.md, "Back office"). Every one names a `request` (an ID, answered by
// one `answer`); every write also carries an `id` (an ID, normally a UUID) stored with the
// change, so a retry after a lost answer is answered with the stored result.
namespace stockline::sync {

namespace backoffice {

inline constexpr qsizetype maxListEntries = 1'000;
inline constexpr qint64 maxPageSize = 500;
// priceBulk: thousandths of a percent, −90 % … +1000 %.
inline constexpr qint64 minBulkPercent = -90'000;
inline constexpr qint64 maxBulkPercent = 1'000'000;
// Every code of a product, the catalog's `barcode` first: as many as a terminal keeps.
inline constexpr qsizetype maxBarcodes = Product::maxBarcodes;

// `elevate`: a manager signs in on this connection (or `end`s it).
struct Elevate
{
    QString staff;
    QString pin;
    bool end = false;
};

// A product as the manager edits and lists it: what tills get, and what they never get.
struct CatalogEntry
{
    Product product;      // its `barcode` is the first of `barcodes` ("" when none)
    QStringList barcodes; // every barcode that scans it, the first one the catalog's
    Money cost;           // per unit (or per kg / l / m), excluding tax
    QString supplier;     // "" when none
};

struct ProductEdit
{
    CatalogEntry entry;
    qint64 expectedVersion = 0; // 0: a new SKU
};

struct ProductQuery
{
    QString query; // in SKU, name or barcode; "" any
    QString department;
    QString supplier;
    qint64 offset = 0;
    qint64 limit = 100;
};

struct PriceChange
{
    QString sku;
    Money price;
    qint64 expectedVersion = 0;
};

struct PriceEdit
{
    QList<PriceChange> changes;
    std::optional<QDateTime> effectiveAt; // none: now
};

enum class Rounding { None, Five, Nine };

struct PriceBulk
{
    QString department; // exactly one of department and supplier
    QString supplier;
    qint64 percent = 0; // thousandths of a percent
    Rounding rounding = Rounding::None;
    std::optional<QDateTime> effectiveAt;
};

struct PriceList
{
};

struct PriceCancel
{
    qint64 change = 0;
};

enum class StaffAction { Add, Pin, Deactivate };

struct StaffEdit
{
    StaffAction action = StaffAction::Add;
    QString name;
    QString role; // add: cashier or manager
    QString pin;  // add, pin: 4–12 digits; never stored or logged
    // The server's: the PIN's PBKDF2 hash, made off the socket and storage threads before the
    // request reaches storage (PBKDF2 takes tens of milliseconds on purpose).
    std::optional<PinHash> pinHash;
};

struct TerminalList
{
};

struct TerminalRevoke
{
    QString terminal;
};

struct PairingCodeRequest
{
    QString terminal;
    QString role;
};

using Body =
    std::variant<Elevate, ProductEdit, ProductQuery, PriceEdit, PriceBulk, PriceList, PriceCancel,
                 StaffEdit, TerminalList, TerminalRevoke, PairingCodeRequest, SupplierEdit,
                 SupplierList, ReorderQuery, PurchaseOrder, PurchaseOrderList, PurchaseOrderClose>;

// A request whose body was bad: answered ok:false with this, nothing done.
struct Invalid
{
    QString code;
    QString message;
    QString field;
};

} // namespace backoffice

struct BackOfficeRequest
{
    QString type;    // the message's type, "product", "price", …
    QString request; // the answer names it
    QString id;      // writes only: stored with the change
    // SHA-256 of the request without `request` and any `pin`: a retry under the same `id`
    // must be the same request.
    QByteArray fingerprint;
    std::variant<backoffice::Body, backoffice::Invalid> body;

    [[nodiscard]] bool isWrite() const;
    [[nodiscard]] const backoffice::Invalid* invalid() const
    {
        return std::get_if<backoffice::Invalid>(&body);
    }
    template <typename T> [[nodiscard]] const T* as() const
    {
        const auto* b = std::get_if<backoffice::Body>(&body);
        return b ? std::get_if<T>(b) : nullptr;
    }
};

namespace backoffice {
// purchasingmessages.cpp (lane G): the body of a purchasing request of `type`, and whether a
// decoded request is one.
[[nodiscard]] Body readPurchasing(const QString& type, FieldReader& r);
[[nodiscard]] bool isPurchasing(const BackOfficeRequest& request);
} // namespace backoffice

// The types decodeBackOffice() reads, and those that write (and so carry an `id`).
[[nodiscard]] bool isBackOfficeType(QStringView type);
[[nodiscard]] bool isBackOfficeWrite(QStringView type);
// `object` is a client message of one of those types whose `request` is a valid ID (else the
// caller answers an `error`, as there is no request to name).
[[nodiscard]] BackOfficeRequest decodeBackOffice(const QString& type, const QString& request,
                                                 const QJsonObject& object);

// The client's side: a request of `type` with `fields`, named `request` (and `id` for a write).
[[nodiscard]] QByteArray encodeBackOffice(const QString& type, const QString& request,
                                          const QString& id, const QJsonObject& fields);

// The manager's view of a product (the `products` rows, version_conflict's `current`).
[[nodiscard]] QJsonObject catalogEntryJson(const backoffice::CatalogEntry& entry);
[[nodiscard]] QString roundingName(backoffice::Rounding rounding);

// An `answer` or `elevated` as the client reads it.
struct BackOfficeAnswer
{
    QString request;
    bool ok = false;
    QString code;     // when not ok
    QString message;  // when not ok
    QJsonObject body; // every member of the answer

    friend bool operator==(const BackOfficeAnswer&, const BackOfficeAnswer&) = default;
};

// The answer as the server writes it (the server itself writes through answer.h).
[[nodiscard]] QByteArray encode(const BackOfficeAnswer& answer);

} // namespace stockline::sync
