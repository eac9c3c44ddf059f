#pragma once

#include "error.h"
#include "receipt.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace stockline {

class LocalStore;

// One line of a parked sale: the receipt line (its own discount only) and the till's note on
// it, such as the weight of a weighed item.
struct ParkedLine
{
    ReceiptLine line;
    QString note;
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

private:
    const LocalStore& m_store;
};

} // namespace stockline
