#pragma once

#include "error.h"
#include "mutation.h"
#include "outbox.h"
#include "receipt.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;
class ReceiptNumbers;

// A sale as the till finished it: paid in full, goods handed over.
struct CompletedSale
{
    QString location;
    QString staff; // who rang it up; free text, optional
    QList<ReceiptLine> lines;
    // Tax included, they must add up to the receipt's total exactly. Change is a negative
    // payment, as on the wire: paid 50.00 cash for 45.90 is cash 50.00 and cash -4.10.
    QList<Payment> payments;
    bool offline = false; // rung up while the server could not be reached
    QDateTime at;         // when; invalid: now
    // By line index, what a manager approved; shorter than `lines` (or empty): nothing.
    QList<LineApproval> approvals;
};

struct RecordedSale
{
    QString receipt; // also the sale's id on the wire
    qint64 seq = 0;  // of its outbox entry
    ReceiptTotals totals;
    QDateTime at; // UTC
};

struct StoredSale
{
    QString receipt;
    QString location;
    QString staff;
    QDateTime at; // UTC
    bool offline = false;
    QList<ReceiptLine> lines;
    QList<Payment> payments;
    ReceiptTotals totals;
    qint64 seq = 0;
    OutboxEntry::Status syncStatus = OutboxEntry::Status::Pending;
};

// The terminal's record of every sale: the receipt, its lines and payments, and the `sale`
// mutation for the server, written in one transaction so that a sale is never kept without
// being sent, nor sent without being kept (DESIGN.md, invariants 3 and 5).
//
// On the wire a line's price is the unit price actually charged, an integer in minor units.
// A discount that does not divide evenly by the quantity cannot be expressed as one such
// price, so that line is sent as two lines of the same SKU: the first `remainder` units one
// minor unit dearer than the rest. 3 × 1.00 with 0.10 off (net 2.90) becomes 2 × 0.97 +
// 1 × 0.96, so price × qty adds up to the receipt line's net to the cent.
// The exception is a line holding a reservation: one reservation covers one wire line only
// (Mutation::validate), and splitting it would leave part of the hold to expire, so that
// line stays whole at net / qty rounded half-even (3 × 0.97 = 2.91 for 2.90). Its server-side
// revenue is then off by at most qty / 2 minor units; the receipt, the local sale and the
// payments stay exact. A measured line (grams at a price per kg) is never split: its wire
// price is the price per kg, which the server does not use for stock; the receipt carries
// the line's exact net.
//
// Threading: the thread that opened the store.
class SaleJournal
{
public:
    SaleJournal(const LocalStore& store, Outbox& outbox, const ReceiptNumbers& numbers);

    // Numbers, stores and queues the sale. On error nothing is written and no receipt
    // number or seq is used.
    [[nodiscard]] Result<RecordedSale> record(const CompletedSale& sale);
    [[nodiscard]] Result<StoredSale> find(const QString& receipt) const;
    [[nodiscard]] Result<qint64> count() const;

    // Sales whose current outbox entry the server refused for stock (insufficient_stock):
    // their receipts, oldest first. A sale sent as confirmed (not offline) whose holds lapsed
    // before it arrived ends up here; the goods are gone all the same.
    [[nodiscard]] Result<QStringList> refusedForStock() const;
    // Queues such a sale again as an offline sale, which the server never refuses for stock
    // (what stock cannot cover becomes a shortage exception), and points the sale at the new
    // entry, in one transaction: once done, refusedForStock() no longer lists it, so it is
    // sent again exactly once. Lines go without their reservations (they are gone). Returns
    // the new entry's seq.
    [[nodiscard]] Result<qint64> resendOffline(const QString& receipt);

    // The first problem of a sale that needs no store to see, naming its field
    // ("lines[1].qty", "payments").
    [[nodiscard]] static std::optional<Error> check(const CompletedSale& sale);
    // The receipt lines as sale lines of the protocol (see above).
    [[nodiscard]] static QList<SaleLine> wireLines(const QList<ReceiptLine>& lines);
    // The receipt the `sale` mutation carries (sync/PROTOCOL.md, "Receipts on the server"):
    // every line as the customer was charged for it, and the drawer it was paid into.
    [[nodiscard]] static ReceiptContent receiptOf(const CompletedSale& sale,
                                                  const QString& cashSession);

private:
    // The open drawer's wire id ("POS-01-C000003"); empty when none is open.
    [[nodiscard]] Result<QString> openCashSession() const;
    // The receipt the sale's current outbox entry carries, so a resend sends it unchanged.
    [[nodiscard]] Result<std::optional<ReceiptContent>> queuedReceipt(qint64 seq) const;
    [[nodiscard]] Status checkProductsKnown(const QList<ReceiptLine>& lines) const;
    [[nodiscard]] Status insertSale(const QString& receipt, const CompletedSale& sale,
                                    const QDateTime& at, qint64 seq) const;
    [[nodiscard]] Status insertLines(const QString& receipt, const QList<ReceiptLine>& lines) const;

    const LocalStore& m_store;
    Outbox& m_outbox;
    const ReceiptNumbers& m_numbers;
};

} // namespace stockline
