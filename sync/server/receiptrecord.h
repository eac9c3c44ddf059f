#pragma once

// A receipt as the server stores it (sync/PROTOCOL.md, "Receipts on the server"): made from a
// sale's or a return's mutation, with the hash that tells a resent receipt from a different
// one under the same number. Pure: no storage here.

#include "mutation.h"

#include <QList>
#include <QString>
#include <optional>

namespace stockline::sync {

struct ReceiptRecordLine
{
    qint64 line = 0; // from 1
    ReceiptEntry entry;
    qint64 saleLine = 0; // refund lines: the sale receipt's line
};

struct ReceiptRecord
{
    QString number;
    QString kind; // "sale" or "refund"
    QString terminal;
    qint64 seq = 0;
    QString location;
    QString staff;
    QString cashSession;
    QString sale; // refund: the sale it refunds
    bool offline = false;
    qint64 at = 0; // the till's time, ms
    Money net;
    Money tax;
    Money total;
    QString contentHash;
    QList<ReceiptRecordLine> lines;
    QList<Payment> payments;
};

inline constexpr QLatin1StringView saleKind("sale");
inline constexpr QLatin1StringView refundKind("refund");

// Hex SHA-256 of the mutation's canonical content: its body without `offline`, `seq`, `id`,
// `at` and the lines' `reservation`, which a till's resend of an offline sale changes. Only
// ever compared with hashes this server made (the byte form is its own, see the .cpp).
[[nodiscard]] QString receiptContentHash(const Mutation& m);

// The receipt a sale's mutation stores: its `receipt`, or for a protocol-1 client (no
// `receipt`) one made of `lines` and `payments` (unit price = price, no discount, no tax).
[[nodiscard]] ReceiptRecord saleReceipt(const QString& terminal, const Mutation& m,
                                        const SaleMutation& sale);
// The refund receipt of a return that carries `refund`; nullopt without one.
[[nodiscard]] std::optional<ReceiptRecord> refundReceipt(const QString& terminal, const Mutation& m,
                                                         const ReturnMutation& back);

// The counter a receipt number carries for the terminal that sent it: "POS-01-000042" is 42
// (sale), "POS-01-R000003" is 3 (refund); 0 when the number is not of that form.
[[nodiscard]] qint64 receiptCounter(const QString& terminal, const QString& number, bool refund);

} // namespace stockline::sync
