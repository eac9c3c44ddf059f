#pragma once

// Private to SqlServerStore: the reports of the `report` request (sync/PROTOCOL.md, "Reports"),
// each a table (columns, rows keyed by column, totals) read inside one read snapshot. The
// figures read the rollups the write batch keeps (reportschema.h); the event lists read the
// receipts through partial indexes, newest first, at most `limit` rows.

#include "error.h"
#include "reportmessages.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariantList>
#include <functional>
#include <variant>

namespace stockline::sync::sqlstore {

// The column types of S3 (sync/PROTOCOL.md, "Reports").
namespace columnType {
inline const QString money = QStringLiteral("money");
inline const QString integer = QStringLiteral("int");
inline const QString qty = QStringLiteral("qty");
inline const QString text = QStringLiteral("text");
} // namespace columnType

// A cell of a row: money, quantities and counts are integers, percentages numbers.
class ReportCell
{
public:
    ReportCell(int v) : m_value(qint64(v)) {}
    ReportCell(long v) : m_value(qint64(v)) {}
    ReportCell(long long v) : m_value(qint64(v)) {}
    ReportCell(double v) : m_value(v) {}
    ReportCell(QString v) : m_value(std::move(v)) {}
    ReportCell(QLatin1StringView v) : m_value(QString(v)) {}

    void appendJson(QByteArray& out) const;
    [[nodiscard]] QJsonValue toJson() const;

private:
    std::variant<qint64, double, QString> m_value;
};

// A row of a report: its cells in the order they were put, encoded straight to JSON text. Not
// a QJsonObject: a year's cash report has 7,300 rows, and building and encoding a QJsonObject
// for each took most of the report's time.
class ReportRow
{
public:
    ReportRow() = default;
    ReportRow(std::initializer_list<std::pair<QString, ReportCell>> cells);

    void insert(const QString& key, ReportCell value);
    void appendJson(QByteArray& out) const;
    [[nodiscard]] QJsonObject toJson() const;

private:
    QList<std::pair<QString, ReportCell>> m_cells;
};

struct ReportTable
{
    QJsonArray columns;
    QList<ReportRow> rows;
    QJsonObject totals;

    void column(const QString& key, const QString& label, const QString& type);
    // The rows as a compact JSON array.
    [[nodiscard]] QByteArray rowsJson() const;
};

class ReportQueries
{
public:
    ReportQueries(QSqlDatabase db, const ReportRequest& request, const QDateTime& now);

    [[nodiscard]] Result<ReportTable> run();

private:
    [[nodiscard]] Status rows(const QString& sql, const QVariantList& values, const QString& what,
                              const std::function<void(const QSqlQuery&)>& read);
    // " AND <column> = ?" with the location appended to values, when one was asked for.
    [[nodiscard]] QString atLocation(const QString& column, QVariantList& values) const;
    [[nodiscard]] qint64 ms(const QDate& date) const;

    // reportsales.cpp
    [[nodiscard]] Result<ReportTable> sales();
    [[nodiscard]] Result<ReportTable> salesOverTime();
    [[nodiscard]] Result<ReportTable> salesByProduct();
    [[nodiscard]] Result<ReportTable> salesByMethod();
    [[nodiscard]] Result<ReportTable> tax();
    [[nodiscard]] Result<ReportTable> margins();
    // Per SKU over the range: qty, net, tax, cost, refunded qty, refunded net (month rollups for
    // whole months, day rollups for the rest).
    [[nodiscard]] Status
    productSums(const std::function<void(const QString& sku, const std::array<qint64, 6>&)>& read);
    [[nodiscard]] Status stockValue(qint64& value);

    // reportevents.cpp
    [[nodiscard]] Result<ReportTable> refunds();
    [[nodiscard]] Result<ReportTable> lineEvents(bool overrides);
    [[nodiscard]] Result<ReportTable> approvals();
    [[nodiscard]] Result<ReportTable> cash();
    [[nodiscard]] Result<ReportTable> shrinkage();
    [[nodiscard]] Result<ReportTable> today();
    [[nodiscard]] QString localTime(qint64 ms);

    QSqlDatabase m_db;
    const ReportRequest& m_request;
    QDateTime m_now;
    QTimeZone m_zone;
    qint64 m_fromMs = 0; // [from 00:00, to + 1 day 00:00) local
    qint64 m_toMs = 0;
    qint64 m_fromDay = 0; // yyyymmdd
    qint64 m_toDay = 0;
    QHash<qint64, int> m_offsets; // by UTC quarter hour: localTime()'s cache
};

[[nodiscard]] qint64 dayKey(const QDate& date);
[[nodiscard]] QDate dateOfKey(qint64 day);
[[nodiscard]] double percentOf(qint64 part, qint64 whole);

} // namespace stockline::sync::sqlstore
