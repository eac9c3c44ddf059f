#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <optional>

namespace stockline {

// One SKU a delivery is expected to bring, and what receiving has booked against it so far.
struct DeliveryLine
{
    QString sku;
    qint64 expected = 0;
    qint64 received = 0; // accepted, across every part received so far
    qint64 rejected = 0; // damaged or refused, recorded apart from what was accepted

    friend bool operator==(const DeliveryLine&, const DeliveryLine&) = default;
};

// An expected delivery (a purchase order or an advance shipping notice): what a supplier is to
// bring to one location, line by line (one line per SKU). Its id is the supplier's reference,
// which must be an ID (1–64 characters from A-Z a-z 0-9 . _ : -), such as PO-2026-0042.
struct Delivery
{
    QString id;
    QString supplier;
    QString location;
    QList<DeliveryLine> lines;
    bool closed = false; // received in full, or closed by a manager

    static constexpr qsizetype maxLines = 10'000;

    // The first problem, naming its field: "reference", "supplier", "location", "lines[i].sku",
    // "lines[i].expected".
    [[nodiscard]] std::optional<Error> validate() const;
    [[nodiscard]] const DeliveryLine* line(const QString& sku) const;

    friend bool operator==(const Delivery&, const Delivery&) = default;
};

} // namespace stockline
