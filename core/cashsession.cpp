#include "cashsession.h"

#include "isotime.h"
#include "localstore.h"
#include "mutation.h"
#include "outbox.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace stockline {

namespace {

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

std::optional<Error> checkStaff(const QString& staff)
{
    if (staff.trimmed().isEmpty() || staff.size() > maxTextLength)
        return Error{QStringLiteral("staff"),
                     QCoreApplication::translate("CashSession",
                                                 "must name who does it, in at most %1 characters")
                         .arg(maxTextLength)};
    return std::nullopt;
}

Error noSession()
{
    return Error{
        QStringLiteral("cashSession"),
        QCoreApplication::translate(
            "CashSession", "the drawer is closed: open a cash session with a float first")};
}

Money moneyAt(const QSqlQuery& query, int column)
{
    return Money::fromMinor(query.value(column).toLongLong());
}

// What the units qty after `before` of a line are worth of `amount`, shared out half-even so
// that all of them add up to the amount exactly (as ReturnJournal::refundFor shares totals).
qint64 shareOf(qint64 amount, qint64 sold, qint64 before, qint64 qty)
{
    if (sold <= 0)
        return 0;
    return divideHalfEven(amount * (before + qty), sold) - divideHalfEven(amount * before, sold);
}

// A row of `width` characters: the label on the left, cut to leave the amount whole.
QString columns(const QString& left, const QString& right, int width)
{
    const qsizetype room = std::max<qsizetype>(0, width - right.size() - 1);
    const QString cut = left.left(room);
    const qsizetype gap = std::max<qsizetype>(1, width - cut.size() - right.size());
    return cut + QString(gap, u' ') + right;
}

QString centered(const QString& text, int width)
{
    const QString cut = text.left(width);
    return QString((width - cut.size()) / 2, u' ') + cut;
}

// Builds the report's lines, one section after another.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(CashReport)

public:
    ReportWriter(const CashReport& report, const QLocale& locale, int width)
        : m_report(report), m_locale(locale), m_width(width)
    {
    }

    QStringList write()
    {
        header();
        takings();
        tenders();
        drawer();
        if (m_report.kind == CashReport::Kind::Z)
            count();
        rule();
        return m_lines;
    }

private:
    void row(const QString& label, Money amount)
    {
        m_lines.append(columns(label, amount.toLocaleString(m_locale), m_width));
    }
    void row(const QString& label, const QString& value)
    {
        m_lines.append(columns(label, value, m_width));
    }
    void rule() { m_lines.append(QString(m_width, u'-')); }
    // Cash and card in the till's language; another method by its ID, capitalised.
    static QString methodName(const QString& method)
    {
        if (method == CashSession::cashMethod)
            return tr("Cash");
        if (method == QLatin1String("card"))
            return tr("Card");
        return method.left(1).toUpper() + method.mid(1);
    }
    QString when(const QDateTime& at) const
    {
        return m_locale.toString(at.toLocalTime(), QLocale::ShortFormat);
    }

    void header()
    {
        const bool z = m_report.kind == CashReport::Kind::Z;
        m_lines.append(centered(z ? tr("Z REPORT") : tr("X REPORT"), m_width));
        m_lines.append(centered(z ? tr("Cash session %1, closed").arg(m_report.session.id)
                                  : tr("Cash session %1, still open").arg(m_report.session.id),
                                m_width));
        rule();
        row(tr("Opened"), when(m_report.session.openedAt));
        row(tr("  by"), m_report.session.openedBy);
        row(z ? tr("Closed") : tr("Printed"), when(m_report.at));
        if (z)
            row(tr("  by"), m_report.closedBy);
        rule();
    }
    void takings()
    {
        row(tr("Sales (%1)").arg(m_report.salesCount), m_report.salesTotal);
        row(tr("  net"), m_report.salesNet);
        row(tr("  tax"), m_report.salesTax);
        for (const RateTotals& rate : m_report.salesByRate)
            row(tr("  tax %1 % on %2").arg(rate.rate.toString(), rate.net.toLocaleString(m_locale)),
                rate.tax);
        row(tr("Refunds (%1)").arg(m_report.refundsCount), -m_report.refundsTotal);
        row(tr("  tax"), -m_report.refundsTax);
        row(tr("Net takings"), m_report.netTotal());
        row(tr("Net tax"), m_report.netTax());
        rule();
    }
    void tenders()
    {
        m_lines.append(tr("By payment method"));
        for (const TenderTotals& t : m_report.tenders) {
            row(methodName(t.method), t.net());
            row(tr("  taken"), t.sales);
            row(tr("  paid back"), -t.refunds);
        }
        rule();
    }
    void drawer()
    {
        const TenderTotals cash = m_report.tender(QString(CashSession::cashMethod));
        m_lines.append(tr("Cash drawer"));
        row(tr("Opening float"), m_report.session.openingFloat);
        row(tr("Cash taken"), cash.sales);
        row(tr("Cash paid back"), -cash.refunds);
        for (const CashMovement& m : m_report.movements) {
            const bool in = m.kind == CashMovement::Kind::In;
            row((in ? tr("Paid in: ") : tr("Paid out: ")) + m.reason, in ? m.amount : -m.amount);
        }
        row(tr("Expected in drawer"), m_report.expectedCash);
    }
    void count()
    {
        rule();
        m_lines.append(tr("Counted"));
        for (const CashCount& c : m_report.counted) {
            if (c.count > 0)
                row(QStringLiteral("  %1 x %2")
                        .arg(c.count)
                        .arg(c.denomination.toLocaleString(m_locale)),
                    c.denomination * c.count);
        }
        row(tr("Counted in drawer"), m_report.countedCash);
        // The word says which way: "Short $1.95", not a minus sign a clerk may misread.
        const Money difference = m_report.overShort();
        row(difference > Money()   ? tr("Over")
            : difference < Money() ? tr("Short")
                                   : tr("Over/short"),
            difference < Money() ? -difference : difference);
    }

    const CashReport& m_report;
    const QLocale& m_locale;
    int m_width;
    QStringList m_lines;
};

} // namespace

QStringList CashReport::lines(const QLocale& locale, int width) const
{
    return ReportWriter(*this, locale, std::max(width, 24)).write();
}

QString CashReport::text(const QLocale& locale, int width) const
{
    return lines(locale, width).join(u'\n') + u'\n';
}

TenderTotals CashReport::tender(const QString& method) const
{
    for (const TenderTotals& t : tenders) {
        if (t.method == method)
            return t;
    }
    return TenderTotals{method, {}, {}};
}

void CashSession::sendTo(Outbox& outbox, const QString& terminal)
{
    m_outbox = &outbox;
    m_terminal = terminal;
}

Status CashSession::queue(Transaction& tx, qint64 session, const CashMutation& change,
                          const QDateTime& at) const
{
    if (!m_outbox)
        return success();
    CashMutation body = change;
    body.session = wireId(m_terminal, session);
    Mutation mutation;
    mutation.at = at;
    mutation.body = body;
    const Result<Mutation> queued = m_outbox->append(tx, mutation);
    return queued ? success() : Status(queued.error());
}

QString CashSession::wireId(QStringView terminal, qint64 session)
{
    return terminal.toString() + QStringLiteral("-C") +
           QStringLiteral("%1").arg(session, 6, 10, QLatin1Char('0'));
}

QList<Denomination> CashSession::usDenominations()
{
    const auto note = [](qint64 dollars) {
        return Denomination{Money::fromMinor(dollars * 100), false};
    };
    const auto coin = [](qint64 cents) { return Denomination{Money::fromMinor(cents), true}; };
    return {note(100), note(50), note(20), note(10), note(5),
            note(1),   coin(25), coin(10), coin(5),  coin(1)};
}

CashSession::CashSession(const LocalStore& store, QList<Denomination> denominations, Clock clock)
    : m_store(store), m_clock(std::move(clock))
{
    setDenominations(std::move(denominations));
}

void CashSession::setDenominations(QList<Denomination> denominations)
{
    m_denominations = std::move(denominations);
    std::sort(m_denominations.begin(), m_denominations.end(),
              [](const Denomination& a, const Denomination& b) { return a.value > b.value; });
}

QDateTime CashSession::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

// ---- the session

Result<std::optional<CashSessionInfo>> CashSession::current() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT id, opened_at, opened_by, float FROM cash_sessions WHERE closed_at IS NULL"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the cash session"));
    if (!query.next())
        return std::optional<CashSessionInfo>();
    return std::optional<CashSessionInfo>(
        CashSessionInfo{query.value(0).toLongLong(), timeFrom(query.value(1)),
                        query.value(2).toString(), moneyAt(query, 3)});
}

Status CashSession::checkOpen() const
{
    const Result<qint64> session = openSessionId();
    return session ? success() : Status(session.error());
}

Result<qint64> CashSession::openSessionId() const
{
    const Result<std::optional<CashSessionInfo>> open = current();
    if (!open)
        return open.error();
    if (!open->has_value())
        return noSession();
    return (*open)->id;
}

Result<CashSessionInfo> CashSession::open(const QString& staff, Money openingFloat)
{
    if (std::optional<Error> problem = checkStaff(staff))
        return *problem;
    if (openingFloat < Money() || openingFloat.minor() > maxMoneyMinor)
        return Error{QStringLiteral("float"),
                     QCoreApplication::translate("CashSession", "must be zero or more")};
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    const Result<std::optional<CashSessionInfo>> open = current();
    if (!open)
        return open.error();
    if (open->has_value())
        return Error{QStringLiteral("cashSession"),
                     QCoreApplication::translate(
                         "CashSession",
                         "session %1, opened by %2, is still open: close it with a Z "
                         "report first")
                         .arg((*open)->id)
                         .arg((*open)->openedBy)};
    const QDateTime at = now();
    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO cash_sessions (opened_at, opened_by, float) VALUES (?, ?, ?)"
                       " RETURNING id"));
    insert.addBindValue(isoUtc(at));
    insert.addBindValue(staff);
    insert.addBindValue(openingFloat.minor());
    if (!insert.exec() || !insert.next())
        return LocalStore::sqlError(insert, QStringLiteral("open a cash session"));
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    if (const Status queued = queue(
            tx, id, CashMutation{{}, CashMutation::Event::Open, staff, openingFloat, {}, {}}, at);
        !queued)
        return queued.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return CashSessionInfo{id, at, staff, openingFloat};
}

Result<CashMovement> CashSession::record(const CashMovement& movement)
{
    if (std::optional<Error> problem = checkStaff(movement.staff))
        return *problem;
    if (movement.amount <= Money() || movement.amount.minor() > maxMoneyMinor)
        return Error{QStringLiteral("amount"),
                     QCoreApplication::translate("CashSession", "must be more than zero")};
    if (movement.reason.trimmed().isEmpty() || movement.reason.size() > maxTextLength)
        return Error{QStringLiteral("reason"),
                     QCoreApplication::translate("CashSession", "say why, in at most %1 characters")
                         .arg(maxTextLength)};
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    const Result<qint64> session = openSessionId();
    if (!session)
        return session.error();
    if (movement.kind == CashMovement::Kind::Out) {
        // More than the drawer holds is a typing slip (5000 for 50.00), never a real paid-out.
        const Result<CashReport> sofar = build(*session);
        if (!sofar)
            return sofar.error();
        if (movement.amount > sofar->expectedCash)
            return Error{QStringLiteral("amount"),
                         QCoreApplication::translate(
                             "CashSession", "%1 is more than the %2 the drawer should hold")
                             .arg(movement.amount.toString(), sofar->expectedCash.toString())};
    }
    CashMovement recorded = movement;
    recorded.at = now();
    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO cash_movements (session, at, staff, kind, amount, reason)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(*session), QVariant(isoUtc(recorded.at)), QVariant(recorded.staff),
          QVariant(recorded.kind == CashMovement::Kind::In ? QStringLiteral("in")
                                                           : QStringLiteral("out")),
          QVariant(recorded.amount.minor()), QVariant(recorded.reason)})
        insert.addBindValue(value);
    if (!insert.exec())
        return LocalStore::sqlError(insert, QStringLiteral("record cash in or out"));
    const auto event = recorded.kind == CashMovement::Kind::In ? CashMutation::Event::PaidIn
                                                               : CashMutation::Event::PaidOut;
    if (const Status queued =
            queue(tx, *session,
                  CashMutation{{}, event, recorded.staff, recorded.amount, {}, recorded.reason},
                  recorded.at);
        !queued)
        return queued.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return recorded;
}

Result<CashReport> CashSession::xReport() const
{
    // One transaction: every figure of the report from the same state of the store.
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    const Result<qint64> session = openSessionId();
    if (!session)
        return session.error();
    return build(*session);
}

Result<QList<CashCount>> CashSession::checkCounts(const QList<CashCount>& counted) const
{
    QHash<qint64, qint64> byValue;
    for (qsizetype i = 0; i < counted.size(); ++i) {
        const CashCount& c = counted.at(i);
        const bool known =
            std::any_of(m_denominations.begin(), m_denominations.end(),
                        [&c](const Denomination& d) { return d.value == c.denomination; });
        if (!known)
            return Error{QStringLiteral("counted[%1].denomination").arg(i),
                         QCoreApplication::translate("CashSession",
                                                     "%1 is not a denomination of this drawer")
                             .arg(c.denomination.toString())};
        if (byValue.contains(c.denomination.minor()))
            return Error{QStringLiteral("counted[%1].denomination").arg(i),
                         QCoreApplication::translate("CashSession", "%1 is counted twice")
                             .arg(c.denomination.toString())};
        if (c.count < 0 || c.count > maxCount)
            return Error{
                QStringLiteral("counted[%1].count").arg(i),
                QCoreApplication::translate("CashSession", "%1 is not a count from 0 to %2")
                    .arg(c.count)
                    .arg(maxCount)};
        byValue.insert(c.denomination.minor(), c.count);
    }
    QList<CashCount> all;
    for (const Denomination& d : m_denominations)
        all.append(CashCount{d.value, byValue.value(d.value.minor())});
    return all;
}

Result<CashReport> CashSession::close(const QList<CashCount>& counted, const QString& staff)
{
    if (std::optional<Error> problem = checkStaff(staff))
        return *problem;
    const Result<QList<CashCount>> counts = checkCounts(counted);
    if (!counts)
        return counts.error();
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    const Result<qint64> session = openSessionId();
    if (!session)
        return session.error();
    Result<CashReport> built = build(*session);
    if (!built)
        return built.error();
    CashReport report = std::move(built).value();
    report.kind = CashReport::Kind::Z;
    report.at = now();
    report.closedBy = staff;
    report.counted = *counts;
    for (const CashCount& c : report.counted)
        report.countedCash += c.denomination * c.count;

    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO cash_counts (session, denomination, count) VALUES (?, ?, ?)"));
    for (const CashCount& c : report.counted) {
        insert.addBindValue(report.session.id);
        insert.addBindValue(c.denomination.minor());
        insert.addBindValue(c.count);
        if (!insert.exec())
            return LocalStore::sqlError(insert, QStringLiteral("record the drawer count"));
    }
    QSqlQuery update = m_store.prepare(
        QStringLiteral("UPDATE cash_sessions SET closed_at = ?, closed_by = ?, expected = ?,"
                       " counted = ? WHERE id = ? AND closed_at IS NULL"));
    for (const QVariant& value :
         {QVariant(isoUtc(report.at)), QVariant(staff), QVariant(report.expectedCash.minor()),
          QVariant(report.countedCash.minor()), QVariant(report.session.id)})
        update.addBindValue(value);
    if (!update.exec())
        return LocalStore::sqlError(update, QStringLiteral("close the cash session"));
    if (const Status queued = queue(
            tx, report.session.id,
            CashMutation{
                {}, CashMutation::Event::Close, staff, report.countedCash, report.expectedCash, {}},
            report.at);
        !queued)
        return queued.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return report;
}

Result<CashReport> CashSession::report(qint64 session) const
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    Result<CashReport> built = build(session);
    if (!built)
        return built.error();
    CashReport report = std::move(built).value();
    if (const Status counts = addCounts(report); !counts)
        return counts.error();
    return report;
}

// ---- the figures

Result<CashReport> CashSession::build(qint64 session) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT opened_at, opened_by, float"
                                                     " FROM cash_sessions WHERE id = ?"));
    query.addBindValue(session);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read a cash session"));
    if (!query.next())
        return Error{QStringLiteral("cashSession"),
                     QStringLiteral("there is no cash session %1").arg(session)};
    CashReport report;
    report.session = CashSessionInfo{session, timeFrom(query.value(0)), query.value(1).toString(),
                                     moneyAt(query, 2)};
    report.at = now();
    query.finish();
    Status done = addSales(report);
    if (done)
        done = addRefunds(report);
    if (done)
        done = addTenders(report);
    if (done)
        done = addRates(report);
    if (done)
        done = addMovements(report);
    if (!done)
        return done.error();
    const TenderTotals cash = report.tender(QString(cashMethod));
    report.expectedCash =
        report.session.openingFloat + cash.sales - cash.refunds + report.paidIn - report.paidOut;
    return report;
}

Status CashSession::addSales(CashReport& report) const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(net), 0), coalesce(sum(tax), 0),"
                       " coalesce(sum(total), 0) FROM sales WHERE cash_session = ?"));
    query.addBindValue(report.session.id);
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, QStringLiteral("add up the session's sales"));
    report.salesCount = query.value(0).toLongLong();
    report.salesNet = moneyAt(query, 1);
    report.salesTax = moneyAt(query, 2);
    report.salesTotal = moneyAt(query, 3);
    return success();
}

// A refund line's tax is its share of the sold line's tax, by the units returned before and
// now, as its amount is its share of the line's total.
Status CashSession::addRefunds(CashReport& report) const
{
    QSqlQuery totals = m_store.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(total), 0) FROM refunds WHERE cash_session = ?"));
    totals.addBindValue(report.session.id);
    if (!totals.exec() || !totals.next())
        return LocalStore::sqlError(totals, QStringLiteral("add up the session's refunds"));
    report.refundsCount = totals.value(0).toLongLong();
    report.refundsTotal = moneyAt(totals, 1);

    // A refund line keeps its tax share since refunds at any till (a refund of another till's sale
    // has no sale line here); older lines work it out from this till's sale line.
    QSqlQuery lines = m_store.prepare(QStringLiteral(
        "SELECT l.qty, l.tax, rl.qty,"
        " (SELECT coalesce(sum(b.qty), 0) FROM refund_lines b JOIN refunds br ON br.refund ="
        "  b.refund WHERE b.sale = rl.sale AND b.line = rl.line AND br.outbox_seq < r.outbox_seq),"
        " rl.tax"
        " FROM refunds r JOIN refund_lines rl ON rl.refund = r.refund"
        " LEFT JOIN sale_lines l ON l.receipt = rl.sale AND l.line = rl.line"
        " WHERE r.cash_session = ?"));
    lines.addBindValue(report.session.id);
    if (!lines.exec())
        return LocalStore::sqlError(lines, QStringLiteral("add up the tax of the refunds"));
    qint64 tax = 0;
    while (lines.next())
        tax += !lines.value(4).isNull()
                   ? lines.value(4).toLongLong()
                   : shareOf(lines.value(1).toLongLong(), lines.value(0).toLongLong(),
                             lines.value(3).toLongLong(), lines.value(2).toLongLong());
    report.refundsTax = Money::fromMinor(tax);
    return success();
}

Status CashSession::addTenders(CashReport& report) const
{
    QHash<QString, TenderTotals> byMethod;
    byMethod.insert(QString(cashMethod), TenderTotals{QString(cashMethod), {}, {}});
    const QString sales = QStringLiteral(
        "SELECT p.method, sum(p.amount) FROM sale_payments p JOIN sales s ON s.receipt ="
        " p.receipt WHERE s.cash_session = ? GROUP BY p.method");
    const QString refunds = QStringLiteral(
        "SELECT p.method, sum(p.amount) FROM refund_payments p JOIN refunds r ON r.refund ="
        " p.refund WHERE r.cash_session = ? GROUP BY p.method");
    for (const bool isSale : {true, false}) {
        QSqlQuery query = m_store.prepare(isSale ? sales : refunds);
        query.addBindValue(report.session.id);
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("add up the payments"));
        while (query.next()) {
            const QString method = query.value(0).toString();
            TenderTotals& t = byMethod[method];
            t.method = method;
            (isSale ? t.sales : t.refunds) += moneyAt(query, 1);
        }
    }
    report.tenders = byMethod.values();
    std::sort(report.tenders.begin(), report.tenders.end(),
              [](const TenderTotals& a, const TenderTotals& b) {
                  const bool aCash = a.method == cashMethod;
                  const bool bCash = b.method == cashMethod;
                  return aCash != bCash ? aCash : a.method < b.method;
              });
    return success();
}

Status CashSession::addMovements(CashReport& report) const
{
    QSqlQuery query =
        m_store.prepare(QStringLiteral("SELECT kind, amount, reason, staff, at FROM cash_movements"
                                       " WHERE session = ? ORDER BY id"));
    query.addBindValue(report.session.id);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read cash in and out"));
    while (query.next()) {
        CashMovement m;
        m.kind = query.value(0).toString() == QLatin1String("in") ? CashMovement::Kind::In
                                                                  : CashMovement::Kind::Out;
        m.amount = moneyAt(query, 1);
        m.reason = query.value(2).toString();
        m.staff = query.value(3).toString();
        m.at = timeFrom(query.value(4));
        (m.kind == CashMovement::Kind::In ? report.paidIn : report.paidOut) += m.amount;
        report.movements.append(m);
    }
    return success();
}

// A closed session reads as its Z: when and by whom, and the figures decided at the close.
Status CashSession::addCounts(CashReport& report) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT closed_at, closed_by, expected, counted FROM cash_sessions WHERE id = ?"
        " AND closed_at IS NOT NULL"));
    query.addBindValue(report.session.id);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read a closed session"));
    if (!query.next())
        return success(); // still open: an X
    report.kind = CashReport::Kind::Z;
    report.at = timeFrom(query.value(0));
    report.closedBy = query.value(1).toString();
    report.expectedCash = moneyAt(query, 2);
    report.countedCash = moneyAt(query, 3);
    query.finish();
    QSqlQuery counts =
        m_store.prepare(QStringLiteral("SELECT denomination, count FROM cash_counts WHERE session "
                                       "= ? ORDER BY denomination DESC"));
    counts.addBindValue(report.session.id);
    if (!counts.exec())
        return LocalStore::sqlError(counts, QStringLiteral("read the drawer count"));
    while (counts.next())
        report.counted.append(CashCount{moneyAt(counts, 0), counts.value(1).toLongLong()});
    return success();
}

} // namespace stockline
