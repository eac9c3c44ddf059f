#pragma once

#include "error.h"

#include <QLatin1String>
#include <QString>
#include <QStringView>

namespace stockline {

class LocalStore;
class Transaction;

// Receipt numbers that no two terminals ever share, even offline: the terminal id, a dash and
// the terminal's own counter "receipt", zero-padded to six digits and growing beyond them:
// "POS-01-000042", …, "POS-01-1000000". Each is a valid protocol ID, so it doubles as the
// sale's id on the wire.
//
// The counter lives in the store file: a terminal reinstalled with a new file starts again at
// 1, so it must get a new terminal id (or the old file) to keep its numbers unique.
class ReceiptNumbers
{
public:
    // Fails when `terminal` is not a protocol ID or is too long to leave room for a number.
    [[nodiscard]] static Result<ReceiptNumbers> create(const LocalStore& store,
                                                       const QString& terminal);

    // The next number, taken inside the caller's transaction so a rollback gives it back.
    [[nodiscard]] Result<QString> next(Transaction& tx) const;
    // The counter of the last number taken; 0 before the first.
    [[nodiscard]] Result<qint64> last() const;
    [[nodiscard]] QString terminal() const { return m_terminal; }

    // "POS-01" and 42 make "POS-01-000042"; an error when the result is no valid ID.
    [[nodiscard]] static Result<QString> format(QStringView terminal, qint64 number);

    static constexpr int minDigits = 6;
    // 64 (the longest ID) minus the dash, the R of refund numbers ("POS-01-R000001": a till
    // that can sell must be able to refund) and six digits.
    static constexpr int maxTerminalLength = 64 - 2 - minDigits;
    static constexpr QLatin1String counterName{"receipt"};

private:
    ReceiptNumbers(const LocalStore& store, QString terminal);

    const LocalStore* m_store;
    QString m_terminal;
};

} // namespace stockline
