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
// The counter lives in the store file. A terminal reinstalled with a new file (or an old
// backup of it) would start again below numbers it already used, so the server tells the
// highest it holds in every welcome and the counters continue from there (adoptServerCounters).
// A till that talks to a server sells only once its store took those counters under the
// current pairing: the proof is kept in the store (setting `receipt_numbers_proof`) as a hash
// of the terminal id and its token, so a store paired anew holds no proof until the next
// welcome. Without a server (demo, training) no proof is asked for: the proof key is empty.
class ReceiptNumbers
{
public:
    // Fails when `terminal` is not a protocol ID or is too long to leave room for a number.
    // `proofKey` (proofKeyOf()): numbers are taken only in a store proven under it; empty:
    // no proof needed.
    [[nodiscard]] static Result<ReceiptNumbers>
    create(const LocalStore& store, const QString& terminal, const QString& proofKey = {});

    // The proof that names one pairing: the terminal id and its token.
    [[nodiscard]] static QString proofKeyOf(const QString& terminal, const QString& token);
    // Moves the receipt and refund counters to at least the server's (a welcome's lastReceipt
    // and lastRefund) and records the proof for `proofKey`, in one transaction.
    [[nodiscard]] static Status adoptServerCounters(const LocalStore& store, qint64 lastReceipt,
                                                    qint64 lastRefund, const QString& proofKey);
    // The clerk's error (field "receipt") unless the store holds the proof for `proofKey`;
    // an empty key needs none.
    [[nodiscard]] static Status checkProven(const LocalStore& store, const QString& proofKey);

    // checkProven() for this till's pairing.
    [[nodiscard]] Status proven() const { return checkProven(*m_store, m_proofKey); }
    // The next number, taken inside the caller's transaction so a rollback gives it back.
    // Refused (checkProven) in a store not proven under this pairing.
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
    static constexpr QLatin1String refundCounterName{"refund"};
    static constexpr QLatin1String proofSetting{"receipt_numbers_proof"};

private:
    ReceiptNumbers(const LocalStore& store, QString terminal, QString proofKey);

    const LocalStore* m_store;
    QString m_terminal;
    QString m_proofKey;
};

} // namespace stockline
