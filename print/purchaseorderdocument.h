#pragma once

#include "error.h"
#include "reportdocument.h"

#include <QList>
#include <QString>

namespace stockline::print {

// A purchase order as its supplier gets it (issue 20; sync/PROTOCOL.md, "The supplier's
// copy"): who orders what from whom, where and when, each line with its unit cost and total,
// and what has arrived so far. Money in minor units; the texts (times, names) as the manager's
// screen shows them.
struct PurchaseOrderDocument
{
    struct Line
    {
        QString sku;
        QString name;
        qint64 qty = 0;
        qint64 cost = 0; // unit cost, minor units
        qint64 received = 0;
    };

    QString reference; // "PO-000001"
    QString supplier;  // the supplier's name
    QString contact;
    QString location;
    QString expectedAt; // as shown; empty: not agreed
    QString placed;     // "2026-12-07 15:02 by Morgan"
    QList<Line> lines;

    // The same CSV as `stockline-server purchase-order show --csv` (RFC 4180, CRLF), money in
    // major units: reference,supplier,location,sku,name,qty,cost,total,received.
    [[nodiscard]] QByteArray csv() const;
    [[nodiscard]] Status writeCsv(const QString& path) const;
    // The order on A4: the reference and the supplier on top, the lines and their total.
    // Needs a QGuiApplication (fonts).
    [[nodiscard]] Status writePdf(const QString& path) const;

private:
    [[nodiscard]] qint64 total() const;
    // The lines as a table, money as `money` writes it.
    [[nodiscard]] ReportDocument table(bool forCsv) const;
};

} // namespace stockline::print
