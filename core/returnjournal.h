#pragma once

#include "error.h"
#include "mutation.h"
#include "receipt.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace stockline {

class LocalStore;
class Outbox;
class Transaction;

// One line of a sale and how much of it was already returned.
struct ReturnableLine
{
    int line = 0; // the sale's line number, from 1
    ReceiptLine sold;
    qint64 returned = 0; // units refunded before

    [[nodiscard]] qint64 returnable() const { return sold.qty - returned; }
};

// A sale as a return starts from it: one of this terminal's journal, or one the server keeps
// (another till's, or this till's from before a reinstall), with what the server says was
// refunded of it so far.
struct ReturnableSale
{
    QString receipt;
    bool fromServer = false;
    QString location;
    QDateTime at; // UTC
    QList<ReturnableLine> lines;
    QList<Payment> payments;       // how it was paid; change is a negative payment
    Money refunded;                // paid back before, all methods
    QList<Payment> refundPayments; // how it was paid back before, in order
};

struct ReturnRequestLine
{
    int line = 0; // the sale's line number
    qint64 qty = 0;
};

// A clerk's refund of some units of one sale.
struct CompletedReturn
{
    QString sale;
    QString location; // where the goods go back; empty: where they were sold
    QString staff;
    QList<ReturnRequestLine> lines;
    // Money paid back, positive amounts that add up to the refund's total exactly.
    QList<Payment> payments;
    QDateTime at;         // invalid: now
    QString approvedBy;   // the manager who approved the refund; empty: none
    bool offline = false; // recorded while the server could not be reached
};

struct RecordedReturn
{
    QString refund; // also the return's id on the wire
    qint64 seq = 0; // of its outbox entry
    Money total;
    QDateTime at; // UTC
};

// The terminal's record of refunds, and the `return` mutation that tells the server the goods
// are back, written in one transaction like a sale (DESIGN.md, invariants 3 and 5). Only
// sales of this terminal's own journal can be refunded: the server keeps no receipts.
//
// What a returned unit is worth: a line's total (tax and discounts included) is shared over
// its units so that returning all of them, at once or over several returns, pays back the
// line's total to the cent, and no return ever pays more than was paid.
//
// Refund numbers are the terminal id, "-R" and the counter "refund", like receipt numbers:
// "POS-01-R000001".
//
// Threading: the thread that opened the store.
class ReturnJournal
{
public:
    // `proofKey`: refunds are numbered only in a store whose counters the server proved
    // (ReceiptNumbers::checkProven); empty: no proof needed (no server).
    ReturnJournal(const LocalStore& store, Outbox& outbox, QString terminal, QString proofKey = {});

    [[nodiscard]] Result<ReturnableSale> returnable(const QString& receipt) const;
    // `line` as it was sold: its tax as recorded (maybe a share of a receipt's) and whether
    // its price included it (its total was its amount), so a refund pays back what was paid.
    [[nodiscard]] static ReceiptLine asRecorded(ReceiptLine line, Money tax, Money total);
    // What `qty` more units of `sold` pay back when `returnedBefore` units already went back.
    [[nodiscard]] static Money refundFor(const ReceiptLine& sold, qint64 returnedBefore,
                                         qint64 qty);
    // The tax share of that refund, shared the same way (as the cash report's refundsTax).
    [[nodiscard]] static Money refundTaxFor(const ReceiptLine& sold, qint64 returnedBefore,
                                            qint64 qty);
    // The refund's receipt the `return` mutation carries (sync/PROTOCOL.md).
    [[nodiscard]] static RefundContent refundOf(const ReturnableSale& sale,
                                                const CompletedReturn& request,
                                                const QString& cashSession, Money total);
    // The refund's total for these lines of `sale`, checked against what may be returned.
    [[nodiscard]] static Result<Money> totalFor(const ReturnableSale& sale,
                                                const QList<ReturnRequestLine>& lines);
    // `total` paid back the way the sale was paid: to its non-cash tenders first (the same
    // method and reference), each up to what it paid less what went back to it before, and
    // the rest in cash.
    [[nodiscard]] static QList<Payment> toOriginalTender(const ReturnableSale& sale, Money total);

    // Numbers, stores and queues the return. On error nothing is written. A receipt this
    // terminal does not hold is an error with code NotFound.
    [[nodiscard]] Result<RecordedReturn> record(const CompletedReturn& request);
    // The same for a sale the server sent (`sale.fromServer`): what this till refunded of it
    // and the server has not answered yet counts as returned too, so two refunds here never
    // take the same unit. The server decides in the end (over_refund).
    [[nodiscard]] Result<RecordedReturn> recordFromServer(const CompletedReturn& request,
                                                          ReturnableSale sale);
    [[nodiscard]] Result<qint64> count() const;

    [[nodiscard]] static Result<QString> format(QStringView terminal, qint64 number);
    static constexpr QLatin1String counterName{"refund"};

private:
    [[nodiscard]] Result<RecordedReturn>
    recordAgainst(Transaction& tx, const CompletedReturn& request, const ReturnableSale& sale);
    // Adds this till's refunds of `sale` that the server has not answered yet.
    [[nodiscard]] Status addUnanswered(ReturnableSale& sale) const;
    // The open drawer's wire id ("POS-01-C000003"); empty when none is open.
    [[nodiscard]] Result<QString> openCashSession() const;
    [[nodiscard]] Status insert(const QString& refund, const CompletedReturn& request,
                                const ReturnableSale& sale, const QDateTime& at, qint64 seq,
                                Money total) const;
    [[nodiscard]] Status insertLines(const QString& refund, const CompletedReturn& request,
                                     const ReturnableSale& sale) const;

    const LocalStore& m_store;
    Outbox& m_outbox;
    QString m_terminal;
    QString m_proofKey;
};

} // namespace stockline
