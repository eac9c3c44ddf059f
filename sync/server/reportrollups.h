#pragma once

// Private to SqlServerStore: the report rollups of one write batch (reportschema.h), summed in
// memory as the batch stores receipts, then written at its flush with one upsert per key
// (`INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x`) in a few multi-row statements.

#include "receiptrecord.h"
#include "rowstatements.h"

#include <QHash>
#include <array>
#include <map>
#include <tuple>

namespace stockline::sync::sqlstore {

class ReportRollups
{
public:
    // Adds a stored receipt whose lines carry the unit cost `costOf` gives for their SKU.
    template <typename CostOf> void add(const ReceiptRecord& r, CostOf costOf)
    {
        const qint64 hour = localHour(r.at);
        addHead(r, hour);
        for (const ReceiptRecordLine& l : r.lines)
            addLine(r, l.entry, hour, costOf(l.entry.sku));
    }
    [[nodiscard]] Status flush(RowStatements& rows);

    // The local hour, yyyymmddhh in the server's time zone, of a time in ms since the epoch.
    [[nodiscard]] qint64 localHour(qint64 ms);

private:
    void addHead(const ReceiptRecord& r, qint64 hour);
    void addLine(const ReceiptRecord& r, const ReceiptEntry& e, qint64 hour, qint64 unitCost);

    template <std::size_t N> using Sums = std::array<qint64, N>;
    std::map<std::pair<qint64, QString>, Sums<8>> m_hours;
    std::map<std::tuple<qint64, QString, QString, QString>, Sums<11>> m_days;
    std::map<std::tuple<qint64, QString, QString>, Sums<6>> m_products;
    std::map<std::tuple<qint64, QString, QString>, Sums<6>> m_months;
    std::map<std::tuple<qint64, QString, QString, QString>, Sums<2>> m_tenders;
    std::map<std::tuple<qint64, QString, qint64>, Sums<4>> m_taxes;
    std::map<QString, Sums<2>> m_cash;
    // Local hours by UTC quarter hour: every zone's hours begin on one.
    QHash<qint64, qint64> m_hourOfQuarter;
};

} // namespace stockline::sync::sqlstore
