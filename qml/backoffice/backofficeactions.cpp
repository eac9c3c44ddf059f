// The back office's prices, staff, terminals and reports: each asks the server and shows its
// answer (backofficeview.cpp has the sign-in, the catalog and the answers' plumbing).

#include "backoffice.h"
#include "backofficeview.h"
#include "moneytext.h"
#include "protocol.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace stockline::qml {

using namespace Qt::StringLiterals;

std::optional<QString> BackOfficeView::serverTime(const QString& local)
{
    if (local.trimmed().isEmpty())
        return QString();
    const QDateTime at = QDateTime::fromString(local.trimmed(), u"yyyy-MM-dd HH:mm"_s);
    if (!at.isValid()) {
        refuse(tr("When: a local time like 2026-12-24 06:00, or empty for now"));
        return std::nullopt;
    }
    return at.toUTC().toString(Qt::ISODateWithMs);
}

bool BackOfficeView::changePrice(const QString& sku, const QString& price, qint64 version,
                                 const QString& at)
{
    const Result<Money> amount = print::parseAmount(price.trimmed());
    if (!amount)
        return refuse(tr("Price: %1").arg(amount.error().message));
    const std::optional<QString> when = serverTime(at);
    if (!when)
        return false;
    QJsonObject fields{{"changes"_L1, QJsonArray{QJsonObject{{"sku"_L1, sku},
                                                             {"price"_L1, amount->minor()},
                                                             {"expectedVersion"_L1, version}}}}};
    if (!when->isEmpty())
        fields.insert("effectiveAt"_L1, *when);
    const QString shownPrice = print::moneyText(*amount);
    ask(u"price"_s, fields, [this, sku, shownPrice, later = !when->isEmpty(), at](const auto&) {
        say(later ? tr("%1 costs %2 from %3").arg(sku, shownPrice, at)
                  : tr("%1 costs %2 now").arg(sku, shownPrice),
            false);
        Q_EMIT saved();
        reloadCatalog();
        loadScheduled();
    });
    return true;
}

bool BackOfficeView::bulkPrice(const QString& department, const QString& supplier,
                               const QString& percent, const QString& rounding, const QString& at)
{
    if (department.trimmed().isEmpty() == supplier.trimmed().isEmpty())
        return refuse(tr("Choose a department or a supplier, not both"));
    static const QRegularExpression number(u"^[+-]?\\d{1,4}([.,]\\d{1,3})?$"_s);
    const QString typed = percent.trimmed();
    if (!number.match(typed).hasMatch())
        return refuse(tr("Percent: a number such as 5 or -2.5"));
    const auto milli = qRound64(QString(typed).replace(u',', u'.').toDouble() * 1000.0);
    const std::optional<QString> when = serverTime(at);
    if (!when)
        return false;
    QJsonObject fields{{"percent"_L1, milli},
                       {"rounding"_L1, rounding.isEmpty() ? u"none"_s : rounding}};
    if (!department.trimmed().isEmpty())
        fields.insert("department"_L1, department.trimmed());
    else
        fields.insert("supplier"_L1, supplier.trimmed());
    if (!when->isEmpty())
        fields.insert("effectiveAt"_L1, *when);
    ask(u"priceBulk"_s, fields, [this](const sync::BackOfficeAnswer& answer) {
        const int changed = int(answer.body.value("changed"_L1).toInteger());
        say(answer.body.value("scheduled"_L1).toBool()
                ? tr("%n price(s) will change", nullptr, changed)
                : tr("%n price(s) changed", nullptr, changed),
            false);
        Q_EMIT saved();
        reloadCatalog();
        loadScheduled();
    });
    return true;
}

void BackOfficeView::loadScheduled()
{
    ask(u"prices"_s, {}, [this](const sync::BackOfficeAnswer& answer) {
        showScheduled(answer.body.value("rows"_L1).toArray());
    });
}

void BackOfficeView::cancelPrice(qint64 change)
{
    ask(u"priceCancel"_s, QJsonObject{{"change"_L1, change}}, [this](const auto&) {
        say(tr("The price change is cancelled"), false);
        loadScheduled();
    });
}

bool BackOfficeView::editStaff(const QString& action, const QString& name, const QString& role,
                               const QString& pin)
{
    if (name.trimmed().isEmpty())
        return refuse(tr("Give the staff member's name"));
    if (action != "deactivate"_L1 && !QRegularExpression(u"^\\d{4,12}$"_s).match(pin).hasMatch())
        return refuse(tr("PIN: 4 to 12 digits"));
    QJsonObject fields{{"action"_L1, action}, {"name"_L1, name.trimmed()}};
    if (action == "add"_L1)
        fields.insert("role"_L1, role.isEmpty() ? u"cashier"_s : role);
    if (action != "deactivate"_L1)
        fields.insert("pin"_L1, pin);
    ask(u"staffEdit"_s, fields, [this, action, who = name.trimmed()](const auto&) {
        say(action == "add"_L1   ? tr("%1 can sign in now").arg(who)
            : action == "pin"_L1 ? tr("%1 has a new PIN").arg(who)
                                 : tr("%1 can no longer sign in").arg(who),
            false);
        Q_EMIT saved();
    });
    return true;
}

void BackOfficeView::loadTerminals()
{
    ask(u"terminals"_s, {}, [this](const sync::BackOfficeAnswer& answer) {
        showTerminals(answer.body.value("rows"_L1).toArray());
    });
}

void BackOfficeView::revokeTerminal(const QString& terminal)
{
    ask(u"terminalRevoke"_s, QJsonObject{{"terminal"_L1, terminal}}, [this, terminal](const auto&) {
        say(tr("%1 is revoked: it can no longer connect").arg(terminal), false);
        loadTerminals();
    });
}

bool BackOfficeView::requestPairingCode(const QString& terminal, const QString& role)
{
    if (terminal.trimmed().isEmpty())
        return refuse(tr("Give the new terminal's name, such as POS-07"));
    m_pairingCode.clear();
    ask(u"pairingCode"_s, QJsonObject{{"terminal"_L1, terminal.trimmed()}, {"role"_L1, role}},
        [this, terminal](const sync::BackOfficeAnswer& answer) {
            m_pairingCode = answer.body.value("code"_L1).toString();
            const QDateTime until =
                QDateTime::fromString(answer.body.value("expiresAt"_L1).toString(), Qt::ISODate);
            say(tr("Pair %1 with code %2 before %3")
                    .arg(terminal.trimmed(), m_pairingCode,
                         QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat)),
                false);
            loadTerminals();
        });
    return true;
}

bool BackOfficeView::loadReport(const QString& report, const QString& by, const QString& from,
                                const QString& to)
{
    const QDate first = QDate::fromString(from.trimmed(), Qt::ISODate);
    const QDate last = QDate::fromString(to.trimmed(), Qt::ISODate);
    if (!first.isValid() || !last.isValid() || last < first)
        return refuse(tr("Dates: from and to like 2026-12-01, from not after to"));
    QJsonObject fields{{"report"_L1, report},
                       {"from"_L1, first.toString(Qt::ISODate)},
                       {"to"_L1, last.toString(Qt::ISODate)}};
    if (report == "sales"_L1)
        fields.insert("by"_L1, by.isEmpty() ? u"day"_s : by);
    ask(u"report"_s, fields, [this, report, by](const sync::BackOfficeAnswer& answer) {
        showReport(answer.body, reportTitle(report, by));
    });
    return true;
}

namespace {

QVariantList choices(const QList<std::pair<QString, QString>>& pairs)
{
    QVariantList list;
    for (const auto& [key, label] : pairs)
        list.append(QVariantMap{{u"key"_s, key}, {u"label"_s, label}});
    return list;
}

QString labelOf(const QVariantList& list, const QString& key)
{
    for (const QVariant& choice : list)
        if (choice.toMap().value(u"key"_s).toString() == key)
            return choice.toMap().value(u"label"_s).toString();
    return key;
}

} // namespace

QVariantList BackOfficeView::reportChoices()
{
    return choices({{u"sales"_s, tr("Sales")},
                    {u"tax"_s, tr("Tax by rate")},
                    {u"refunds"_s, tr("Refunds")},
                    {u"discounts"_s, tr("Discounts")},
                    {u"overrides"_s, tr("Price overrides")},
                    {u"approvals"_s, tr("Approvals")},
                    {u"cash"_s, tr("Cash over/short")},
                    {u"margins"_s, tr("Margins")},
                    {u"shrinkage"_s, tr("Shrinkage")},
                    {u"today"_s, tr("Today")}});
}

QVariantList BackOfficeView::groupingChoices()
{
    return choices({{u"hour"_s, tr("Hour")},
                    {u"day"_s, tr("Day")},
                    {u"week"_s, tr("Week")},
                    {u"department"_s, tr("Department")},
                    {u"product"_s, tr("Product")},
                    {u"staff"_s, tr("Staff")},
                    {u"till"_s, tr("Till")},
                    {u"method"_s, tr("Payment method")}});
}

QString BackOfficeView::reportTitle(const QString& report, const QString& by)
{
    if (report == "sales"_L1)
        return tr("Sales by %1").arg(labelOf(groupingChoices(), by.isEmpty() ? u"day"_s : by));
    return labelOf(reportChoices(), report);
}

void BackOfficeView::showReport(const QJsonObject& answer, const QString& title)
{
    if (!m_report->setAnswer(answer, title))
        refuse(tr("The server's report has no columns to show"));
    else
        say(tr("%n row(s)", nullptr, m_report->count()), false);
}

} // namespace stockline::qml
