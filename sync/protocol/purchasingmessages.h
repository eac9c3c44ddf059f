#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// The back office's purchasing requests (issue 20, lane G; sync/PROTOCOL.md, "Purchasing"):
// suppliers, reorder suggestions, purchase orders. Decoded by decodeBackOffice() like the rest.
namespace stockline::sync::backoffice {

inline constexpr qint64 minWindowDays = 7;
inline constexpr qint64 maxWindowDays = 365;
inline constexpr qint64 maxCoverDays = 365;
inline constexpr qint64 defaultCoverDays = 14;
inline constexpr qint64 maxLeadTimeDays = 365;

struct Supplier
{
    QString id;
    QString name;
    QString contact; // free text: a phone number, an e-mail address
    qint64 leadTimeDays = 0;
    bool active = true;
};

struct SupplierEdit
{
    Supplier supplier;
    qint64 expectedVersion = 0; // 0: a new supplier
};

struct SupplierList
{
};

struct ReorderQuery
{
    QString supplier; // "" every supplier
    QString location;
    qint64 windowDays = 28;
    qint64 coverDays = defaultCoverDays;
};

struct OrderLine
{
    QString sku;
    qint64 qty = 0;
    qint64 cost = 0; // per unit, minor units
};

struct PurchaseOrder
{
    QString supplier;
    QString location;
    std::optional<QDateTime> expectedAt;
    QList<OrderLine> lines;
};

inline constexpr qint64 defaultOrdersPage = 100;
inline constexpr qint64 maxOrdersPage = 500;

struct PurchaseOrderList
{
    QString status; // "" any, else open, partial, received or closed
    qint64 limit = defaultOrdersPage;
    qint64 offset = 0; // of the orders that pass the filter, newest first
};

struct PurchaseOrderClose
{
    QString reference;
};

} // namespace stockline::sync::backoffice
