// The day report (`day report`, the `day` request; sync/PROTOCOL.md, `day`): a store's day
// summed in SQL over the receipts_at range of that day in the server's time zone, a fixed
// handful of statements whatever the number of receipts, in one read snapshot.

#include "sqlserverstore_p.h"

#include <QJsonArray>
#include <QTimeZone>
#include <map>

namespace stockline::sync {

using namespace sqlstore;

namespace {

QString iso(qint64 ms)
{
    return fromMs(ms).toString(Qt::ISODateWithMs);
}

// Runs `sql` with `values` and hands each row to `read`.
template <typename Read>
Status eachRow(QSqlQuery q, const QString& sql, std::initializer_list<QVariant> values,
               const QString& what, Read read)
{
    if (!q.prepare(sql))
        return storageError(q, QStringLiteral("prepare to ") + what);
    if (auto s = run(q, values, what); !s)
        return s;
    while (q.next())
        read(q);
    return success();
}

struct Totals
{
    qint64 count = 0, net = 0, tax = 0, total = 0;
};

} // namespace

Result<QJsonObject> SqlServerStore::dayReport(const QDate& date, const QDateTime& now)
{
    Q_UNUSED(now) // the report is of what is stored; `now` is for stores that need it
    if (!date.isValid())
        return Error{QStringLiteral("date"), QStringLiteral("is not a valid date")};
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const qint64 from = QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    QSqlQuery begin = newQuery();
    if (!begin.exec(m_config.dialect.beginRead))
        return storageError(begin, QStringLiteral("begin a read"));
    Result<QJsonObject> report = readDay(from, to);
    begin.exec(QStringLiteral("COMMIT"));
    if (!report)
        return report;
    QJsonObject r = std::move(report).value();
    r.insert(QStringLiteral("date"), date.toString(Qt::ISODate));
    r.insert(QStringLiteral("timeZone"), QString::fromUtf8(zone.id()));
    return r;
}

Result<QJsonObject> SqlServerStore::readDay(qint64 from, qint64 to)
{
    QJsonObject r;
    const auto range = QStringLiteral(" r.at >= ? AND r.at < ? ");

    std::map<QString, Totals> kinds;
    if (auto s = eachRow(newQuery(),
                         QStringLiteral("SELECT kind, COUNT(*), SUM(net), SUM(tax), SUM(total) "
                                        "FROM receipts r WHERE") +
                             range + QStringLiteral("GROUP BY kind"),
                         {from, to}, QStringLiteral("sum the day's receipts"),
                         [&](const QSqlQuery& q) {
                             kinds[q.value(0).toString()] =
                                 Totals{q.value(1).toLongLong(), q.value(2).toLongLong(),
                                        q.value(3).toLongLong(), q.value(4).toLongLong()};
                         });
        !s)
        return s.error();
    const Totals sales = kinds[QStringLiteral("sale")];
    const Totals refunds = kinds[QStringLiteral("refund")];
    r.insert(QStringLiteral("sales"), QJsonObject{{QStringLiteral("count"), sales.count},
                                                  {QStringLiteral("net"), sales.net},
                                                  {QStringLiteral("tax"), sales.tax},
                                                  {QStringLiteral("total"), sales.total}});
    r.insert(QStringLiteral("refunds"), QJsonObject{{QStringLiteral("count"), refunds.count},
                                                    {QStringLiteral("tax"), refunds.tax},
                                                    {QStringLiteral("total"), refunds.total}});

    // Tills: every terminal with a receipt that day, with when it was last heard from (read
    // apart: a join would look the terminal up once per receipt).
    QHash<QString, qint64> lastSeen;
    if (auto s = eachRow(newQuery(), QStringLiteral("SELECT id, last_seen FROM terminals"), {},
                         QStringLiteral("read terminals"),
                         [&](const QSqlQuery& q) {
                             lastSeen.insert(q.value(0).toString(), q.value(1).toLongLong());
                         });
        !s)
        return s.error();
    std::map<QString, QJsonObject> tills;
    if (auto s = eachRow(
            newQuery(),
            QStringLiteral("SELECT r.terminal, r.kind, COUNT(*), SUM(r.total) FROM receipts r "
                           "WHERE") +
                range + QStringLiteral("GROUP BY r.terminal, r.kind"),
            {from, to}, QStringLiteral("sum the day's receipts by till"),
            [&](const QSqlQuery& q) {
                const QString id = q.value(0).toString();
                QJsonObject& till = tills[id];
                till.insert(QStringLiteral("terminal"), id);
                const bool sale = q.value(1).toString() == QLatin1StringView("sale");
                till.insert(sale ? QStringLiteral("sales") : QStringLiteral("refunds"),
                            q.value(2).toLongLong());
                till.insert(sale ? QStringLiteral("salesTotal") : QStringLiteral("refundsTotal"),
                            q.value(3).toLongLong());
                if (lastSeen.value(id) > 0)
                    till.insert(QStringLiteral("lastSeen"), iso(lastSeen.value(id)));
            });
        !s)
        return s.error();
    QJsonArray tillList;
    for (auto& [id, till] : tills) {
        for (const char* key : {"sales", "salesTotal", "refunds", "refundsTotal"}) {
            if (!till.contains(QLatin1StringView(key)))
                till.insert(QLatin1StringView(key), 0);
        }
        tillList.append(till);
    }
    r.insert(QStringLiteral("tills"), tillList);

    // Tenders: change is a negative cash payment, so a method's sales are net of change.
    std::map<QString, std::pair<qint64, qint64>> tenders;
    if (auto s =
            eachRow(newQuery(),
                    QStringLiteral("SELECT p.method, r.kind, SUM(p.amount) FROM receipts r "
                                   "JOIN receipt_payments p ON p.receipt = r.number WHERE") +
                        range + QStringLiteral("GROUP BY p.method, r.kind"),
                    {from, to}, QStringLiteral("sum the day's payments"),
                    [&](const QSqlQuery& q) {
                        auto& t = tenders[q.value(0).toString()];
                        (q.value(1).toString() == QLatin1StringView("sale") ? t.first : t.second) +=
                            q.value(2).toLongLong();
                    });
        !s)
        return s.error();
    QJsonArray tenderList;
    for (const auto& [method, sums] : tenders)
        tenderList.append(QJsonObject{{QStringLiteral("method"), method},
                                      {QStringLiteral("sales"), sums.first},
                                      {QStringLiteral("refunds"), sums.second}});
    r.insert(QStringLiteral("tenders"), tenderList);

    // Tax by rate: what sales charged, less the tax share refunds paid back at that rate.
    std::map<int, std::pair<qint64, qint64>> rates;
    if (auto s = eachRow(newQuery(),
                         QStringLiteral("SELECT l.tax_rate, r.kind, SUM(l.total - l.tax), "
                                        "SUM(l.tax) FROM receipts r JOIN receipt_lines l "
                                        "ON l.receipt = r.number WHERE") +
                             range + QStringLiteral("GROUP BY l.tax_rate, r.kind"),
                         {from, to}, QStringLiteral("sum the day's tax"),
                         [&](const QSqlQuery& q) {
                             const qint64 sign =
                                 q.value(1).toString() == QLatin1StringView("sale") ? 1 : -1;
                             auto& rate = rates[q.value(0).toInt()];
                             rate.first += sign * q.value(2).toLongLong();
                             rate.second += sign * q.value(3).toLongLong();
                         });
        !s)
        return s.error();
    QJsonArray rateList;
    for (const auto& [milli, sums] : rates)
        rateList.append(QJsonObject{
            {QStringLiteral("rate"), TaxRate::fromMilliPercent(milli).toString().toDouble()},
            {QStringLiteral("net"), sums.first},
            {QStringLiteral("tax"), sums.second}});
    r.insert(QStringLiteral("taxRates"), rateList);

    if (auto s = readDrawers(r, from, to); !s)
        return s.error();

    QJsonArray quiet;
    if (auto s = eachRow(newQuery(),
                         QStringLiteral("SELECT id, last_seen FROM terminals WHERE revoked = 0 "
                                        "AND role IN ('pos', 'manager') AND last_seen < ? "
                                        "ORDER BY id"),
                         {to}, QStringLiteral("read tills not heard from"),
                         [&](const QSqlQuery& q) {
                             QJsonObject t{{QStringLiteral("terminal"), q.value(0).toString()}};
                             if (q.value(1).toLongLong() > 0)
                                 t.insert(QStringLiteral("lastSeen"), iso(q.value(1).toLongLong()));
                             quiet.append(t);
                         });
        !s)
        return s.error();
    r.insert(QStringLiteral("notHeardSince"), quiet);

    QJsonArray exceptions;
    if (auto s = eachRow(newQuery(),
                         QStringLiteral("SELECT refund, sale, line, qty, amount, terminal "
                                        "FROM refund_exceptions WHERE at >= ? AND at < ? "
                                        "ORDER BY id"),
                         {from, to}, QStringLiteral("read the day's refund exceptions"),
                         [&](const QSqlQuery& q) {
                             exceptions.append(
                                 QJsonObject{{QStringLiteral("refund"), q.value(0).toString()},
                                             {QStringLiteral("sale"), q.value(1).toString()},
                                             {QStringLiteral("line"), q.value(2).toLongLong()},
                                             {QStringLiteral("qty"), q.value(3).toLongLong()},
                                             {QStringLiteral("amount"), q.value(4).toLongLong()},
                                             {QStringLiteral("terminal"), q.value(5).toString()}});
                         });
        !s)
        return s.error();
    r.insert(QStringLiteral("refundExceptions"), exceptions);
    return r;
}

// Drawers opened that day (by the till's time) or still open, with the cash that went through
// each: expected = float + cash sales + paid in − paid out − cash refunds.
Status SqlServerStore::readDrawers(QJsonObject& r, qint64 from, qint64 to)
{
    const QString drawersOfDay =
        QStringLiteral("(opened_at >= ? AND opened_at < ?) OR closed_at IS NULL");
    std::map<QString, std::pair<qint64, qint64>> cash; // session → cash sales, cash refunds
    if (auto s = eachRow(
            newQuery(),
            QStringLiteral("SELECT r.cash_session, r.kind, SUM(p.amount) FROM receipts r "
                           "JOIN receipt_payments p ON p.receipt = r.number "
                           "WHERE p.method = 'cash' AND r.cash_session <> '' AND r.cash_session IN "
                           "(SELECT id FROM cash_sessions WHERE %1) "
                           "GROUP BY r.cash_session, r.kind")
                .arg(drawersOfDay),
            {from, to}, QStringLiteral("sum the drawers' cash"),
            [&](const QSqlQuery& q) {
                auto& c = cash[q.value(0).toString()];
                (q.value(1).toString() == QLatin1StringView("sale") ? c.first : c.second) +=
                    q.value(2).toLongLong();
            });
        !s)
        return s;
    QJsonArray drawers;
    QJsonArray open;
    if (auto s = eachRow(
            newQuery(),
            QStringLiteral("SELECT id, terminal, opened_by, opened_at, float, paid_in, paid_out, "
                           "closed_at, counted, known_open FROM cash_sessions WHERE %1 "
                           "ORDER BY id")
                .arg(drawersOfDay),
            {from, to}, QStringLiteral("read the day's drawers"),
            [&](const QSqlQuery& q) {
                const QString id = q.value(0).toString();
                const auto [cashSales, cashRefunds] = cash[id];
                const qint64 expected = q.value(4).toLongLong() + cashSales +
                                        q.value(5).toLongLong() - q.value(6).toLongLong() -
                                        cashRefunds;
                const bool closed = !q.value(7).isNull();
                QJsonObject d{{QStringLiteral("session"), id},
                              {QStringLiteral("terminal"), q.value(1).toString()},
                              {QStringLiteral("openedBy"), q.value(2).toString()},
                              {QStringLiteral("openedAt"), iso(q.value(3).toLongLong())},
                              {QStringLiteral("float"), q.value(4).toLongLong()},
                              {QStringLiteral("paidIn"), q.value(5).toLongLong()},
                              {QStringLiteral("paidOut"), q.value(6).toLongLong()},
                              {QStringLiteral("cashSales"), cashSales},
                              {QStringLiteral("cashRefunds"), cashRefunds},
                              {QStringLiteral("expected"), expected},
                              {QStringLiteral("open"), !closed}};
                if (closed) {
                    d.insert(QStringLiteral("counted"), q.value(8).toLongLong());
                    d.insert(QStringLiteral("overShort"), q.value(8).toLongLong() - expected);
                } else {
                    open.append(id);
                }
                // Its opening never reached this server: the float is not known here.
                if (q.value(9).toInt() == 0)
                    d.insert(QStringLiteral("openedElsewhere"), true);
                drawers.append(d);
            });
        !s)
        return s;
    r.insert(QStringLiteral("drawers"), drawers);
    r.insert(QStringLiteral("openDrawers"), open);
    return success();
}

} // namespace stockline::sync
