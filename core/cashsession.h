#pragma once

#include "error.h"
#include "money.h"
#include "mutation.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace stockline {

class LocalStore;
class Outbox;
class Transaction;

// A note or coin the drawer holds, in minor units.
struct Denomination
{
    Money value;
    bool coin = false;

    friend bool operator==(const Denomination&, const Denomination&) = default;
};

// How many of one denomination were counted in the drawer.
struct CashCount
{
    Money denomination;
    qint64 count = 0;

    friend bool operator==(const CashCount&, const CashCount&) = default;
};

// Cash put into the drawer (a float top-up) or taken out (a paid-out to a supplier, a drop
// to the safe), always with a reason.
struct CashMovement
{
    enum class Kind { In, Out };

    Kind kind = Kind::Out;
    Money amount; // positive
    QString reason;
    QString staff;
    QDateTime at; // UTC; set when recorded

    friend bool operator==(const CashMovement&, const CashMovement&) = default;
};

// What one payment method took and paid back in a session.
struct TenderTotals
{
    QString method;
    Money sales;   // taken for sales, change given in this method deducted
    Money refunds; // paid back

    [[nodiscard]] Money net() const { return sales - refunds; }

    friend bool operator==(const TenderTotals&, const TenderTotals&) = default;
};

struct CashSessionInfo
{
    qint64 id = 0;
    QDateTime openedAt; // UTC
    QString openedBy;
    Money openingFloat;
};

// An X report (the session so far, any number of times) or a Z report (the close, once).
struct CashReport
{
    enum class Kind { X, Z };

    Kind kind = Kind::X;
    CashSessionInfo session;
    QDateTime at;     // when it was made: now for an X, the close for a Z (UTC)
    QString closedBy; // Z

    qint64 salesCount = 0;
    Money salesNet; // excluding tax
    Money salesTax;
    Money salesTotal;
    QList<RateTotals> salesByRate; // net and tax of the sales per tax rate, highest first
    qint64 refundsCount = 0;
    Money refundsTax; // the tax share of what was paid back
    Money refundsTotal;
    QList<TenderTotals> tenders; // cash first, then by method
    QList<CashMovement> movements;
    Money paidIn;
    Money paidOut;
    // float + cash taken − cash paid back + paid in − paid out
    Money expectedCash;

    QList<CashCount> counted; // Z: every denomination, largest first
    Money countedCash;        // Z

    [[nodiscard]] Money netTax() const { return salesTax - refundsTax; }
    [[nodiscard]] Money netTotal() const { return salesTotal - refundsTotal; }
    // Z: counted − expected; positive: over, negative: short.
    [[nodiscard]] Money overShort() const { return countedCash - expectedCash; }
    [[nodiscard]] TenderTotals tender(const QString& method) const;

    // Fixed-width lines for a receipt printer (42 characters on 80 mm paper), money in the
    // locale's currency format, times in local time.
    [[nodiscard]] QStringList lines(const QLocale& locale = QLocale(), int width = 42) const;
    [[nodiscard]] QString text(const QLocale& locale = QLocale(), int width = 42) const;
};

// The drawer of this terminal, from its opening float to its Z report.
//
// Scoping: every sale and refund is stamped, when it is recorded, with the session open at
// that moment (a trigger of schema 3, in the same statement as the insert). A report reads
// the stamped rows of sales, sale_payments, refunds and refund_payments, so it is exact and
// instant whatever the terminal's clock did, and a refund belongs to the session in which the
// money left the drawer, not to the sale's.
//
// A till needs an open drawer: once this terminal has opened its first session, a sale or a
// refund recorded while none is open fails (SaleJournal / ReturnJournal return the store's
// error; checkOpen() gives the clerk's words before that). A terminal that never opened one
// sells as before, with nothing stamped. One session is open at a time (a unique index);
// a Z report closes it for good.
//
// Denominations are configurable; the default is US dollars: notes of 100, 50, 20, 10, 5 and
// 1 dollars, coins of 25, 10, 5 and 1 cents.
//
// Threading: the thread that opened the store.
class CashSession
{
public:
    using Clock = std::function<QDateTime()>;

    static constexpr QLatin1StringView cashMethod{"cash"};
    static constexpr qint64 maxCount = 1'000'000;

    [[nodiscard]] static QList<Denomination> usDenominations();

    // `denominations` largest first; `clock` the current time (UTC), empty: the system clock.
    explicit CashSession(const LocalStore& store,
                         QList<Denomination> denominations = usDenominations(), Clock clock = {});

    [[nodiscard]] const QList<Denomination>& denominations() const { return m_denominations; }
    // The store's drawer changed (its settings reached this terminal): counts from now on.
    void setDenominations(QList<Denomination> denominations);

    // From now on every change of the drawer (open, paid in, paid out, close) also queues a
    // `cash` mutation for the server, in the change's own transaction, so the server's day
    // knows every drawer (sync/PROTOCOL.md). `terminal` names the sessions (wireId()).
    void sendTo(Outbox& outbox, const QString& terminal);

    // A session as the server knows it: the terminal, "-C" and six digits of the local id
    // ("POS-01-C000003"), unique over all tills like receipt numbers.
    [[nodiscard]] static QString wireId(QStringView terminal, qint64 session);

    // The open session; nothing when the drawer is closed.
    [[nodiscard]] Result<std::optional<CashSessionInfo>> current() const;
    // An error for the clerk (field "cashSession") unless a session is open.
    [[nodiscard]] Status checkOpen() const;

    [[nodiscard]] Result<CashSessionInfo> open(const QString& staff, Money openingFloat);
    [[nodiscard]] Result<CashMovement> record(const CashMovement& movement);
    // The open session so far.
    [[nodiscard]] Result<CashReport> xReport() const;
    // Counts the drawer and closes the session: its Z report. Denominations not listed count 0.
    [[nodiscard]] Result<CashReport> close(const QList<CashCount>& counted, const QString& staff);
    // Any session again: a Z for a closed one, an X for the open one (a reprint).
    [[nodiscard]] Result<CashReport> report(qint64 session) const;

private:
    [[nodiscard]] QDateTime now() const;
    // Queues the drawer change inside `tx` when sendTo() was called; else nothing.
    [[nodiscard]] Status queue(Transaction& tx, qint64 session, const CashMutation& change,
                               const QDateTime& at) const;
    // The open session's id, or the clerk's-words error when the drawer is not open.
    [[nodiscard]] Result<qint64> openSessionId() const;
    [[nodiscard]] Result<QList<CashCount>> checkCounts(const QList<CashCount>& counted) const;
    [[nodiscard]] Result<CashReport> build(qint64 session) const;
    [[nodiscard]] Status addSales(CashReport& report) const;
    [[nodiscard]] Status addRefunds(CashReport& report) const;
    [[nodiscard]] Status addTenders(CashReport& report) const;
    [[nodiscard]] Status addRates(CashReport& report) const; // cashreportrates.cpp
    [[nodiscard]] Status addMovements(CashReport& report) const;
    [[nodiscard]] Status addCounts(CashReport& report) const;

    const LocalStore& m_store;
    QList<Denomination> m_denominations;
    Clock m_clock;
    Outbox* m_outbox = nullptr;
    QString m_terminal;
};

} // namespace stockline
