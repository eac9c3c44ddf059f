#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace stockline::print {

// A report as a manager takes it away: a titled table of ready-made texts, with a totals row.
// The back office's report screen fills it from whatever columns the server's answer had.
struct ReportDocument
{
    QString title;
    QString subtitle; // the period and the place, "2026-12-01 – 2026-12-07, whole store"
    QStringList headers;
    QList<QStringList> rows;
    QStringList totals; // empty: no totals row
    // Which columns hold figures (right-aligned), by index.
    QList<bool> numeric;

    // RFC 4180: CRLF line ends, every field with a comma, quote or line break quoted, quotes
    // doubled. The headers first, the totals last.
    [[nodiscard]] QByteArray csv() const;
    [[nodiscard]] Status writeCsv(const QString& path) const;
    // A4 landscape, as many pages as the rows need, the headers repeated on each.
    // Needs a QGuiApplication (fonts).
    [[nodiscard]] Status writePdf(const QString& path) const;
};

} // namespace stockline::print
