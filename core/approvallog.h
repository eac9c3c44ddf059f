#pragma once

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;

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
        ShortageResolution,
    };

    Kind kind = Kind::PriceOverride;
    QString detail;      // what was approved, in the clerk's words: "Milk 1 L: 4.49 → 3.99"
    QString requestedBy; // who was signed in
    QString approvedBy;  // the manager
    QDateTime at;        // UTC; set when recorded

    [[nodiscard]] static QString kindName(Kind kind);

    friend bool operator==(const Approval&, const Approval&) = default;
};

// The terminal's record of manager approvals (table `approvals`, schema 4), newest last.
//
// Threading: the thread that opened the store.
class ApprovalLog
{
public:
    explicit ApprovalLog(const LocalStore& store);

    // Stores the approval, timed now; errors name the field that is wrong.
    [[nodiscard]] Result<Approval> record(const Approval& approval);
    [[nodiscard]] Result<QList<Approval>> all() const;

private:
    const LocalStore& m_store;
};

} // namespace stockline
