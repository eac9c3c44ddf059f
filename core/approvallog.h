#pragma once

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;
class Outbox;

// What a manager approved at this till, and for whom: kept on the terminal as an audit trail
// next to the sales it touched.
struct Approval
{
    enum class Kind {
        PriceOverride,
        Discount,
        VoidAfterPayment,
        Refund,
        TerminalSetup,
        OverExpected,       // receiving more than a delivery expects, beyond the dock's tolerance
        ShortageResolution, // closing a shortage exception by a recount or as a loss
    };

    Kind kind = Kind::PriceOverride;
    QString detail;      // what was approved, in the clerk's words: "Milk 1 L: 4.49 → 3.99"
    QString requestedBy; // who was signed in
    QString approvedBy;  // the manager
    QDateTime at;        // UTC; set when recorded

    [[nodiscard]] static QString kindName(Kind kind);

    friend bool operator==(const Approval&, const Approval&) = default;
};

// The terminal's record of manager approvals (table `approvals`), newest last. Each
// is also sent to the server (an `approval` mutation in the outbox, written in the same
// transaction), which keeps it with the terminal's other records.
//
// Threading: the thread that opened the store.
class ApprovalLog
{
public:
    ApprovalLog(const LocalStore& store, Outbox& outbox);

    // Stores the approval, timed now, and its outbox entry, both or neither; errors name the
    // field that is wrong.
    [[nodiscard]] Result<Approval> record(const Approval& approval);
    [[nodiscard]] Result<QList<Approval>> all() const;

private:
    const LocalStore& m_store;
    Outbox& m_outbox;
};

} // namespace stockline
