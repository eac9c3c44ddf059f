#include "dayview.h"

#include "client.h"
#include "moneytext.h"
#include "transport.h"

#include <QJsonArray>
#include <QLocale>

namespace stockline::qml {

namespace {

QString money(const QJsonObject& object, const char* key)
{
    return print::moneyText(Money::fromMinor(object.value(QLatin1String(key)).toInteger()));
}

QString when(const QJsonValue& iso)
{
    const QDateTime at = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)
                        : DayView::tr("never");
}

} // namespace

int DayRows::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DayRows::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList& row = m_rows.at(index.row());
    const int column = role == Qt::DisplayRole ? 0 : role - LabelRole;
    return column >= 0 && column < row.size() ? QVariant(row.at(column)) : QVariant(QString());
}

QHash<int, QByteArray> DayRows::roleNames() const
{
    return {
        {LabelRole, "label"}, {FirstRole, "first"}, {SecondRole, "second"}, {ThirdRole, "third"}};
}

void DayRows::setRows(const QList<QStringList>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

DayView::DayView(QObject* parent)
    : QObject(parent), m_tills(new DayRows(this)), m_tenders(new DayRows(this)),
      m_taxRates(new DayRows(this))
{
}

void DayView::setServer(sync::Client* client)
{
    if (m_server)
        m_server->disconnect(this);
    m_server = client;
    if (m_server)
        connect(m_server, &sync::Client::dayReceived, this, &DayView::onDay);
}

bool DayView::load(const QString& date)
{
    const QDate day = date.trimmed().isEmpty() ? QDate::currentDate()
                                               : QDate::fromString(date.trimmed(), Qt::ISODate);
    if (!day.isValid()) {
        fail(tr("'%1' is no date: type it as 2026-12-07.").arg(date));
        return false;
    }
    const QString request = m_server ? m_server->requestDay(day) : QString();
    if (request.isEmpty()) {
        fail(tr("The store's day is kept by the server, which cannot be reached now."));
        return false;
    }
    m_date = day;
    m_request = request;
    m_error.clear();
    Q_EMIT changed();
    return true;
}

QString DayView::dateText() const
{
    return m_date.isValid() ? QLocale().toString(m_date, QLocale::LongFormat) : QString();
}

QString DayView::openDrawersText() const
{
    return tr("Drawers still open: %1")
        .arg(m_openDrawers.isEmpty() ? tr("none") : m_openDrawers.join(QStringLiteral(", ")));
}

QString DayView::notHeardText() const
{
    return m_notHeard.isEmpty()
               ? tr("Every till has reported.")
               : tr("Not heard from before the day ended, their sales may still come: %1")
                     .arg(m_notHeard.join(QStringLiteral(", ")));
}

void DayView::fail(const QString& error)
{
    m_request.clear();
    m_error = error;
    Q_EMIT changed();
}

void DayView::onDay(const sync::DayReply& reply)
{
    if (reply.request.isEmpty() || reply.request != m_request)
        return;
    if (!reply.code.isEmpty()) {
        fail(reply.code == QLatin1String("forbidden")
                 ? tr("Only a manager's terminal may see the store's day.")
                 : tr("The server did not give the day: %1").arg(reply.message));
        return;
    }
    m_request.clear();
    show(reply.report);
}

void DayView::show(const QJsonObject& report)
{
    const QJsonObject sales = report.value(QLatin1String("sales")).toObject();
    const QJsonObject refunds = report.value(QLatin1String("refunds")).toObject();
    m_summary = tr("%1 sales, %2 (tax %3); %4 refunds, %5")
                    .arg(sales.value(QLatin1String("count")).toInteger())
                    .arg(money(sales, "total"), money(sales, "tax"))
                    .arg(refunds.value(QLatin1String("count")).toInteger())
                    .arg(money(refunds, "total"));
    QList<QStringList> rows;
    for (const QJsonValue& value : report.value(QLatin1String("tills")).toArray()) {
        const QJsonObject till = value.toObject();
        rows.append({till.value(QLatin1String("terminal")).toString(),
                     tr("%1 sales, %2")
                         .arg(till.value(QLatin1String("sales")).toInteger())
                         .arg(money(till, "salesTotal")),
                     tr("%1 refunds, %2")
                         .arg(till.value(QLatin1String("refunds")).toInteger())
                         .arg(money(till, "refundsTotal")),
                     tr("last heard %1").arg(when(till.value(QLatin1String("lastSeen"))))});
    }
    m_tills->setRows(rows);
    rows.clear();
    for (const QJsonValue& value : report.value(QLatin1String("tenders")).toArray()) {
        const QJsonObject tender = value.toObject();
        rows.append({tender.value(QLatin1String("method")).toString(),
                     tr("taken %1").arg(money(tender, "sales")),
                     tr("paid back %1").arg(money(tender, "refunds"))});
    }
    m_tenders->setRows(rows);
    rows.clear();
    for (const QJsonValue& value : report.value(QLatin1String("taxRates")).toArray()) {
        const QJsonObject rate = value.toObject();
        rows.append({tr("%1 %").arg(rate.value(QLatin1String("rate")).toDouble()),
                     tr("net %1").arg(money(rate, "net")), tr("tax %1").arg(money(rate, "tax"))});
    }
    m_taxRates->setRows(rows);
    m_openDrawers.clear();
    for (const QJsonValue& value : report.value(QLatin1String("openDrawers")).toArray())
        m_openDrawers.append(value.toString());
    m_notHeard.clear();
    for (const QJsonValue& value : report.value(QLatin1String("notHeardSince")).toArray()) {
        const QJsonObject till = value.toObject();
        m_notHeard.append(tr("%1 (last heard %2)")
                              .arg(till.value(QLatin1String("terminal")).toString(),
                                   when(till.value(QLatin1String("lastSeen")))));
    }
    Q_EMIT changed();
}

} // namespace stockline::qml
