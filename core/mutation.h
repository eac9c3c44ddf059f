#pragma once

#include "checks.h"
#include "error.h"
#include "money.h"
#include "receipt.h"
#include "unit.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <array>
#include <optional>
#include <variant>

namespace stockline {

// The mutation kinds of PROTOCOL.md, one type each. Field names follow the wire names.

struct ReserveMutation
{
    QString reservation;
    QString sku;
    QString location;
    qint64 qty = 0;
    qint64 ttl = 0; // seconds, 1–86400

    friend bool operator==(const ReserveMutation&, const ReserveMutation&) = default;
};

struct ReleaseMutation
{
    QString reservation;

    friend bool operator==(const ReleaseMutation&, const ReleaseMutation&) = default;
};

struct SaleLine
{
    QString sku;
    qint64 qty = 0;
    Money price;         // unit price actually charged, after discounts, excluding tax
    QString reservation; // empty: none

    friend bool operator==(const SaleLine&, const SaleLine&) = default;
};

struct Payment
{
    QString method; // "cash", "card", … an ID
    Money amount;
    QString reference; // card slip or terminal reference; optional

    friend bool operator==(const Payment&, const Payment&) = default;
};

// One line of the receipt a sale carries (extension): what the customer was charged for it.
// amount = priceOf(unitPrice, qty, unit) − discount. Tax-exclusive: net = amount, total = net +
// tax; tax-inclusive: total = amount, net = total − tax. The tax as core/receipt.h rounds it.
struct ReceiptEntry
{
    QString sku;
    QString name;
    qint64 qty = 0; // units, or g / ml / mm of a measured product
    Unit unit = Unit::Each;
    Money unitPrice; // per unit, or per kg / l / m; includes tax only in a tax-inclusive receipt
    Money discount;  // off the whole line
    TaxRate taxRate;
    Money tax;
    Money total;
    std::optional<Money> listPrice; // the catalog's price, when the clerk overrode it
    QString approvedBy;             // the manager who approved an override or a discount

    [[nodiscard]] Money net() const { return total - tax; }

    friend bool operator==(const ReceiptEntry&, const ReceiptEntry&) = default;
};

// The receipt of a sale, as the server keeps it (sync/PROTOCOL.md, "Receipts on the server").
struct ReceiptContent
{
    QString cashSession; // the drawer it was paid into; empty: none
    // Extension (issue 23): whether the prices include tax and where tax was rounded; the
    // sales-tax default (false, per line) when absent on the wire.
    TaxRule taxRule = {};
    QList<ReceiptEntry> lines;
    Money net;
    Money tax;
    Money total;

    friend bool operator==(const ReceiptContent&, const ReceiptContent&) = default;
};

struct SaleMutation
{
    QString sale;
    QString location;
    QList<SaleLine> lines;
    QList<Payment> payments;
    bool offline = false;
    QString staff; // who rang it up; optional on the wire
    // Extension: the whole receipt. Absent from protocol-1 clients (a web shop); the server
    // then keeps a receipt made of `lines` and `payments`.
    std::optional<ReceiptContent> receipt = std::nullopt;

    friend bool operator==(const SaleMutation&, const SaleMutation&) = default;
};

struct ItemLine
{
    QString sku;
    qint64 qty = 0;
    // A receive's accepted lines only (optional, issue 20): the unit cost paid, in minor units;
    // the server averages it into the product's cost.
    std::optional<qint64> cost{};

    friend bool operator==(const ItemLine&, const ItemLine&) = default;
};

// One refunded line: which line of the sale's receipt, how much of it, and the money paid
// back for it (tax included) with its tax share.
struct RefundEntry
{
    qint64 line = 0; // the sale receipt's line number, from 1
    QString sku;
    qint64 qty = 0;
    Money amount;
    Money tax;

    friend bool operator==(const RefundEntry&, const RefundEntry&) = default;
};

// The refund's own receipt (extension): what went back and how the money was paid back.
struct RefundContent
{
    QString staff;
    QString approvedBy;  // optional: the manager who approved the refund
    QString cashSession; // the drawer the money left; empty: none
    QList<RefundEntry> lines;
    QList<Payment> payments; // positive: paid back
    Money total;

    friend bool operator==(const RefundContent&, const RefundContent&) = default;
};

struct ReturnMutation
{
    QString returnId; // wire name "return"
    QString location;
    QList<ItemLine> lines;
    QString sale; // optional: the sale it refunds
    // Extension: the refund's receipt, decided per line against the sale's stored receipt.
    std::optional<RefundContent> refund = std::nullopt;
    // Extension: refunded while the server could not be reached; never refused for what is
    // left to refund (the money is gone): an excess becomes a refund exception.
    bool offline = false;

    friend bool operator==(const ReturnMutation&, const ReturnMutation&) = default;
};

struct ReceiveMutation
{
    QString receipt;
    QString location;
    QList<ItemLine> lines;
    QString reference; // optional: delivery note, PO number
    // Optional (extension): the expected delivery these lines are booked against, the
    // quantities refused (damaged, wrong item: recorded on the delivery, not stocked), and
    // whether lines may go beyond what the delivery expects (the terminal's tolerance, or a
    // manager's approval).
    QString delivery;
    QList<ItemLine> rejected;
    bool over = false;

    friend bool operator==(const ReceiveMutation&, const ReceiveMutation&) = default;
};

struct CountMutation
{
    QString sku;
    QString location;
    qint64 counted = 0;
    qint64 expectedVersion = 0;

    friend bool operator==(const CountMutation&, const CountMutation&) = default;
};

struct TransferMutation
{
    QString transfer;
    QString sku;
    QString from;
    QString to;
    qint64 qty = 0;

    friend bool operator==(const TransferMutation&, const TransferMutation&) = default;
};

struct AdjustMutation
{
    QString sku;
    QString location;
    qint64 delta = 0;
    QString reason;

    friend bool operator==(const AdjustMutation&, const AdjustMutation&) = default;
};

// A manager's approval at a till (extension): recorded by the server with the terminal and
// seq, for the audit trail; it changes no stock.
struct ApprovalMutation
{
    QString action;   // one of approvalActions
    QString staff;    // who asked: the person signed in at the till
    QString approver; // the manager who approved
    QString detail;   // what was approved, in the clerk's words: "Milk 1 L: 4.49 → 3.99"

    friend bool operator==(const ApprovalMutation&, const ApprovalMutation&) = default;
};

// Extension: a cash drawer's life, so the server knows every drawer of the day.
struct CashMutation
{
    enum class Event { Open, PaidIn, PaidOut, Close };

    QString session; // the terminal id, "-C" and six digits: "POS-01-C000003"
    Event event = Event::Open;
    QString staff;
    Money amount;   // open: the float; paid_in / paid_out: > 0; close: the counted cash
    Money expected; // close: the cash the till expected
    QString reason; // paid_in / paid_out

    friend bool operator==(const CashMutation&, const CashMutation&) = default;
};

[[nodiscard]] QString cashEventName(CashMutation::Event event);

inline constexpr std::array<const char*, 7> approvalActions{
    "price_override", "discount",      "void_after_payment", "refund",
    "terminal_setup", "over_expected", "shortage_resolution"};

// Extension: a manager resolves a shortage exception (an offline sale that stock could not
// cover) by a recount of the level (`counted`, with the level's version as the counter saw it)
// or by accepting the loss. `staff` is who resolved it, `approvedBy` the manager who approved.
struct ResolveMutation
{
    enum class Resolution { Recount, Loss };

    qint64 shortage = 0; // the shortage exception's id
    Resolution resolution = Resolution::Loss;
    qint64 counted = 0;         // recount only: units on the shelf
    qint64 expectedVersion = 0; // recount only
    QString staff;
    QString approvedBy;

    friend bool operator==(const ResolveMutation&, const ResolveMutation&) = default;
};

[[nodiscard]] QString resolutionName(ResolveMutation::Resolution resolution);

enum class MutationKind {
    Reserve,
    Release,
    Sale,
    Return,
    Receive,
    Count,
    Transfer,
    Adjust,
    Approval,
    Resolve,
    Cash
};

using MutationBody = std::variant<ReserveMutation, ReleaseMutation, SaleMutation, ReturnMutation,
                                  ReceiveMutation, CountMutation, TransferMutation, AdjustMutation,
                                  ApprovalMutation, ResolveMutation, CashMutation>;

// One entry of a terminal's stream: what it asks the server to do, numbered per terminal.
struct Mutation
{
    qint64 seq = 0; // per terminal, from 1, no gaps
    QString id;     // unique per mutation (a UUID)
    QDateTime at;   // when the terminal made it (UTC); informational only
    MutationBody body;

    [[nodiscard]] MutationKind kind() const { return static_cast<MutationKind>(body.index()); }

    // The first problem, naming its field as on the wire ("qty", "lines[2].sku", …).
    [[nodiscard]] std::optional<Error> validate() const;

    // The wire object of PROTOCOL.md, `type`-less: {"seq","id","kind","at",…fields}, as
    // compact JSON bytes (what the outbox stores and a push carries) or as an object.
    [[nodiscard]] QByteArray toJsonBytes() const;
    [[nodiscard]] QJsonObject toJson() const;
    // Reads and validates a wire object; unknown fields are ignored.
    [[nodiscard]] static Result<Mutation> fromJson(const QJsonObject& object);

    // Equal `at` means the same instant, whatever its time spec (QDateTime's ==).
    friend bool operator==(const Mutation&, const Mutation&) = default;
};

[[nodiscard]] QString kindName(MutationKind kind);
[[nodiscard]] std::optional<MutationKind> kindFromName(QStringView name);

} // namespace stockline
