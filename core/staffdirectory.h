#pragma once

#include "error.h"
#include "staff.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>
#include <functional>
#include <optional>

namespace stockline {

class LocalStore;
class Transaction;

// Who may sign in at this terminal: the staff list the server last sent (a `staff` message,
// stored by sync::Client), kept in the terminal's store so that sign-in works offline and
// after a restart. Holds PBKDF2 hashes of PINs, never PINs.
//
// Sign-in is by name and PIN: the screen lists the names, the person taps theirs and types
// the PIN. Not by PIN alone: PINs are salted per person, so finding whose PIN was typed would
// cost one PBKDF2 per person (a tenth of a second each), two people may share a PIN, and a
// lockout could not name whose PIN was being guessed.
//
// Lockout: after maxFailures wrong PINs in a row for one name, that name is locked for
// firstLockoutSeconds; every further wrong PIN before a right one locks it again for twice as
// long as the time before, up to maxLockoutSeconds. While locked, no PIN is even checked. A
// right PIN clears the count. The count is kept in the store, so a restart does not reset it,
// nor does a new staff list. Times are the terminal's clock (this decides nothing on the
// server); a clock set back never makes a lockout longer than its own length.
//
// Manager approval in place (a price override, a discount beyond the limit, a void after
// payment, a refund): requireManager(pin) checks the PIN against every manager and returns
// the approver's name, to be recorded with what was approved. It has a lockout of its own,
// the same rules, for PIN-only attempts: otherwise the approval prompt would be a way around
// the per-name lockout.
//
// Threading: the thread that opened the store. Checking a PIN hashes it once per candidate
// (100,000 PBKDF2 rounds by default: about a tenth of a second each), so PIN-only approval
// takes that long per manager on the list. A screen that must not freeze for it splits the
// check in three: begin…() on the store's thread (who, lockout, PIN shape), PinAttempt::
// matching() on a worker thread (the hashing, no store), finish…() on the store's thread
// (counts the attempt). signIn() and requireManager() are the three in a row.
class StaffDirectory
{
public:
    // A PIN on its way through a check.
    struct PinAttempt
    {
        QString key; // the lockout row: the name, or "" for approval by PIN alone
        QString who; // how messages name whose PIN it is
        QString pin;
        QList<StaffMember> candidates; // whose hashes the PIN is tried against

        // The names whose hash the PIN matches, trying every candidate so that the time taken
        // does not tell whose PIN came close. The slow part; safe on any thread.
        [[nodiscard]] QStringList matching() const;
    };

    using Clock = std::function<QDateTime()>;

    static constexpr int maxFailures = 5;
    static constexpr qint64 firstLockoutSeconds = 5 * 60;
    static constexpr qint64 maxLockoutSeconds = 60 * 60;

    // `clock` gives the current time (UTC); empty: the system clock.
    explicit StaffDirectory(const LocalStore& store, Clock clock = {});

    // Replaces the stored list with `staff`, all or nothing. Every member must be valid.
    [[nodiscard]] Status replace(const QList<StaffMember>& staff);
    [[nodiscard]] Status replace(Transaction& tx, const QList<StaffMember>& staff);
    // Everyone who may sign in, by name.
    [[nodiscard]] Result<QList<StaffMember>> staff() const;

    // The person, if the PIN is theirs. Errors: field "name" for an unknown or locked-out name,
    // field "pin" for a wrong PIN (saying how many tries are left).
    [[nodiscard]] Result<StaffMember> signIn(const QString& name, QStringView pin);
    // Approval by a manager's PIN alone: the approving manager's name.
    [[nodiscard]] Result<QString> requireManager(QStringView pin);
    // Approval by a named manager (when two managers share a PIN, or the screen asks for a
    // name anyway): the per-name lockout applies.
    [[nodiscard]] Result<QString> requireManager(const QString& name, QStringView pin);

    [[nodiscard]] Result<PinAttempt> beginSignIn(const QString& name, QStringView pin);
    [[nodiscard]] Result<StaffMember> finishSignIn(const PinAttempt& attempt,
                                                   const QStringList& matched);
    // Approval by any manager's PIN (`name` empty) or by a named manager's.
    [[nodiscard]] Result<PinAttempt> beginApproval(const QString& name, QStringView pin);
    [[nodiscard]] Result<QString> finishApproval(const PinAttempt& attempt,
                                                 const QStringList& matched);

    // Until when the name may not sign in; nothing when it may.
    [[nodiscard]] Result<std::optional<QDateTime>> lockedUntil(const QString& name) const;
    // Until when approval by PIN alone is locked.
    [[nodiscard]] Result<std::optional<QDateTime>> approvalLockedUntil() const;

    // How long the lockout lasts after `failures` wrong PINs in a row (0 below maxFailures).
    [[nodiscard]] static qint64 lockoutSeconds(int failures);

private:
    struct Attempts
    {
        int failures = 0;
        QDateTime lockedUntil; // invalid: not locked
    };

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] Result<std::optional<StaffMember>> find(const QString& name) const;
    [[nodiscard]] Result<Attempts> attempts(const QString& key) const;
    [[nodiscard]] std::optional<QDateTime> lockEnd(const Attempts& attempts) const;
    [[nodiscard]] Error failed(const QString& key, const QString& who);
    [[nodiscard]] Status cleared(const QString& key) const;
    [[nodiscard]] Status check(const QString& key, const QString& who);

    const LocalStore& m_store;
    Clock m_clock;
};

} // namespace stockline
