#pragma once

#include "delivery.h"
#include "error.h"

#include <QList>
#include <QString>
#include <optional>

namespace stockline {

class LocalStore;
class Transaction;

// The open expected deliveries as the server last sent them (a `deliveries` message, stored
// by sync::Client), with what every dock has booked against each line so far. Kept in the
// terminal's store so a dock shows them offline and after a restart; replaced whole by each
// message, since the server always sends the whole list.
//
// Threading: the thread that opened the store.
class DeliveryBook
{
public:
    explicit DeliveryBook(const LocalStore& store);

    // Replaces the stored list with `deliveries`, all or nothing. Every one must be valid.
    [[nodiscard]] Status replace(const QList<Delivery>& deliveries);
    [[nodiscard]] Status replace(Transaction& tx, const QList<Delivery>& deliveries);
    // Every open delivery by reference, lines in the order the server sent them.
    [[nodiscard]] Result<QList<Delivery>> open() const;
    [[nodiscard]] Result<std::optional<Delivery>> find(const QString& reference) const;

private:
    const LocalStore& m_store;
};

} // namespace stockline
