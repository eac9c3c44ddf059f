#include "cashdrawer.h"

#include "cashreportlayout.h"
#include "denominationmodel.h"
#include "escposencoder.h"
#include "moneytext.h"
#include "mutation.h"
#include "notices.h"
#include "qmllogging.h"
#include "receiptpdf.h"
#include "receiptprinter.h"

#include <QDir>

namespace stockline::qml {

CashDrawer::CashDrawer(Services services, QString reportFolder, QObject* parent)
    : QObject(parent), m_services(services), m_reportFolder(std::move(reportFolder)),
      m_denominations(
          new DenominationModel(services.session.denominations(), services.notices, this)),
      m_day(new DayView(this))
{
    refresh();
}

bool CashDrawer::report(const QString& message)
{
    m_services.notices.report(message);
    return false;
}

void CashDrawer::refresh()
{
    const Result<std::optional<CashSessionInfo>> current = m_services.session.current();
    if (!current) {
        report(tr("The cash drawer cannot be read: %1").arg(current.error().toString()));
        return;
    }
    m_current = *current;
    Q_EMIT sessionChanged();
}

void CashDrawer::setStaff(const QString& staff)
{
    if (staff == m_staff)
        return;
    m_staff = staff;
    Q_EMIT staffChanged();
}

bool CashDrawer::checkStaff()
{
    if (!m_staff.trimmed().isEmpty())
        return true;
    return report(tr("Nobody is signed in: the drawer records who opens, pays in or out and "
                     "closes it."));
}

bool CashDrawer::openDrawer(const QString& typedFloat)
{
    if (!checkStaff())
        return false;
    const Result<Money> amount = print::parseAmount(typedFloat);
    if (!amount)
        return report(tr("The drawer was not opened: %1").arg(amount.error().message));
    if (amount->minor() > maxMoneyMinor)
        return report(tr("The drawer was not opened: %1 is too large a float.").arg(typedFloat));
    const Result<CashSessionInfo> opened = m_services.session.open(m_staff, *amount);
    if (!opened)
        return report(tr("The drawer was not opened: %1").arg(opened.error().toString()));
    qCInfo(lcQml) << "cash session" << opened->id << "opened by" << m_staff << "with"
                  << amount->toString();
    m_denominations->clear();
    refresh();
    kickDrawer();
    m_services.notices.resolve(Notices::Topic::DrawerClosed);
    return true;
}

// The float goes in, or cash is paid in or out: the drawer wired to the printer opens.
void CashDrawer::kickDrawer()
{
    if (printerConfigured())
        m_services.printer.print(print::EscPosEncoder::drawerKick());
}

bool CashDrawer::payIn(const QString& typedAmount, const QString& reason)
{
    return move(CashMovement::Kind::In, typedAmount, reason);
}

bool CashDrawer::payOut(const QString& typedAmount, const QString& reason)
{
    return move(CashMovement::Kind::Out, typedAmount, reason);
}

bool CashDrawer::move(CashMovement::Kind kind, const QString& typedAmount, const QString& reason)
{
    const bool in = kind == CashMovement::Kind::In;
    const QString failed = in ? tr("Nothing was paid in: %1") : tr("Nothing was paid out: %1");
    if (!checkStaff())
        return false;
    if (!isOpen())
        return report(failed.arg(tr("the drawer is closed; open it with a float first.")));
    const Result<Money> amount = print::parseAmount(typedAmount);
    if (!amount)
        return report(failed.arg(amount.error().message));
    if (amount->minor() <= 0 || amount->minor() > maxMoneyMinor)
        return report(failed.arg(tr("“%1” is not an amount more than zero.").arg(typedAmount)));
    if (reason.trimmed().isEmpty())
        return report(failed.arg(tr("say why (a reason is required).")));
    CashMovement movement;
    movement.kind = kind;
    movement.amount = *amount;
    movement.reason = reason.trimmed();
    movement.staff = m_staff;
    const Result<CashMovement> recorded = m_services.session.record(movement);
    if (!recorded)
        return report(failed.arg(recorded.error().toString()));
    qCInfo(lcQml) << (in ? "paid in" : "paid out") << amount->toString() << "by" << m_staff;
    kickDrawer();
    return true;
}

bool CashDrawer::makeXReport()
{
    Result<CashReport> x = m_services.session.xReport();
    if (!x)
        return report(tr("No X report: %1").arg(x.error().message));
    show(std::move(x).value());
    return true;
}

bool CashDrawer::closeDrawer()
{
    if (!checkStaff())
        return false;
    if (!isOpen())
        return report(tr("The drawer is closed already: there is nothing to count."));
    Result<CashReport> z = m_services.session.close(m_denominations->counts(), m_staff);
    if (!z)
        return report(tr("The drawer was not closed: %1").arg(z.error().toString()));
    qCInfo(lcQml) << "cash session" << z->session.id << "closed by" << m_staff << "expected"
                  << z->expectedCash.toString() << "counted" << z->countedCash.toString();
    m_denominations->clear();
    refresh();
    show(std::move(z).value());
    // The Z goes in the day's records: printed at once, as a receipt is.
    if (printerConfigured())
        printReport();
    return true;
}

bool CashDrawer::reprintLast()
{
    if (!m_report)
        return report(tr("There is no cash report to print again yet."));
    Result<CashReport> again = m_services.session.report(m_report->session.id);
    if (!again)
        return report(tr("The report cannot be read again: %1").arg(again.error().toString()));
    show(std::move(again).value());
    printReport();
    return true;
}

void CashDrawer::show(CashReport report)
{
    m_report = std::move(report);
    Q_EMIT reportChanged();
}

bool CashDrawer::printerConfigured() const
{
    return m_services.printer.isConfigured();
}

void CashDrawer::printReport()
{
    if (!m_report) {
        report(tr("There is no cash report to print yet."));
        return;
    }
    m_services.printer.print(print::EscPosEncoder().encode(print::layoutCashReport(*m_report)));
}

QString CashDrawer::saveReportPdf()
{
    if (!m_report) {
        report(tr("There is no cash report to save yet."));
        return {};
    }
    if (!QDir().mkpath(m_reportFolder)) {
        report(
            tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_reportFolder)));
        return {};
    }
    // An X is made any number of times: its time keeps each one.
    const QString name =
        reportIsZ()
            ? QStringLiteral("Z-%1.pdf").arg(m_report->session.id)
            : QStringLiteral("X-%1-%2.pdf")
                  .arg(m_report->session.id)
                  .arg(m_report->at.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QDir(m_reportFolder).filePath(name);
    if (const Status written =
            print::ReceiptPdf::write(print::layoutCashReport(*m_report), reportTitle(), path);
        !written) {
        report(tr("The report PDF was not saved: %1").arg(written.error().message));
        return {};
    }
    return path;
}

QString CashDrawer::openedBy() const
{
    return m_current ? m_current->openedBy : QString();
}

QString CashDrawer::openedAtText() const
{
    return m_current ? QLocale().toString(m_current->openedAt.toLocalTime(), QLocale::ShortFormat)
                     : QString();
}

QString CashDrawer::openingFloatText() const
{
    return m_current ? print::moneyText(m_current->openingFloat) : QString();
}

bool CashDrawer::reportIsZ() const
{
    return m_report && m_report->kind == CashReport::Kind::Z;
}

QString CashDrawer::reportTitle() const
{
    if (!m_report)
        return {};
    return reportIsZ() ? tr("Z report, cash session %1").arg(m_report->session.id)
                       : tr("X report, cash session %1").arg(m_report->session.id);
}

QString CashDrawer::reportText() const
{
    return m_report ? m_report->text(QLocale(), print::ReceiptPdf::columns) : QString();
}

QStringList CashDrawer::reportLines() const
{
    return m_report ? m_report->lines(QLocale(), print::ReceiptPdf::columns) : QStringList();
}

QString CashDrawer::expectedText() const
{
    return reportIsZ() ? print::moneyText(m_report->expectedCash) : QString();
}

QString CashDrawer::countedText() const
{
    return reportIsZ() ? print::moneyText(m_report->countedCash) : QString();
}

QString CashDrawer::overShortText() const
{
    if (!reportIsZ())
        return {};
    const Money difference = m_report->overShort();
    if (difference > Money())
        return tr("Over %1").arg(print::moneyText(difference));
    if (difference < Money())
        return tr("Short %1").arg(print::moneyText(-difference));
    return tr("Exact");
}

bool CashDrawer::balanced() const
{
    return reportIsZ() && m_report->overShort() == Money();
}

} // namespace stockline::qml
