#pragma once

#include "error.h"
#include "receipt.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;

// One line of a parked sale: the receipt line (its own discount only) and the till's note on
// it, such as the weight of a weighed item.
struct ParkedLine
{
    ReceiptLine line;
    QString note;
    // Approvals stay with the line: a resumed sale needs no second manager visit, and its
    // receipt still names who approved the price.
    LineApproval approval = {};
};

struct ParkedSale
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString label;
    Money orderDiscount;
    QList<ParkedLine> lines;
    Money total; // as shown when parked
};

// The sale in progress as last saved, and whether a sale was recorded after it was saved (then
// it may be that very sale, completed a moment before the till stopped).
struct SavedSale
{
    ParkedSale sale;
    bool recordedSince = false;
};

// Sales put aside at the till (a customer who forgot their wallet) and taken up again, kept in
// the store file so a restart loses none. Nothing of a parked sale is sent to the server.
//
// Threading: the thread that opened the store.
class ParkedSales
{
public:
    explicit ParkedSales(const LocalStore& store);

    [[nodiscard]] Result<qint64> park(const ParkedSale& sale);
    // Every parked sale, oldest first.
    [[nodiscard]] Result<QList<ParkedSale>> list() const;
    // Removes the parked sale and returns it; an error when it is gone (resumed elsewhere).
    [[nodiscard]] Result<ParkedSale> take(qint64 id);

    // The sale being rung up, saved after every change so that a crash or a power cut loses
    // no line; a sale without lines clears it. Kept in `settings`, with the receipt counter
    // at the time.
    [[nodiscard]] Status saveCurrent(const ParkedSale& sale);
    // The saved sale in progress, removed; nothing when there is none.
    [[nodiscard]] Result<std::optional<SavedSale>> takeCurrent();

    static constexpr QLatin1String currentKey{"till.current_sale"};

private:
    const LocalStore& m_store;
};

} // namespace stockline
