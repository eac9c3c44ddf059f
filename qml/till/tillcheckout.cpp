// Till: taking the payment, recording the sale or refund, and its receipt (shown, printed,
// saved as a PDF).
#include "approvals.h"
#include "cashsession.h"
#include "escposencoder.h"
#include "moneytext.h"
#include "notices.h"
#include "paymentmodel.h"
#include "qmllogging.h"
#include "receiptpdf.h"
#include "receiptprinter.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "staffsession.h"
#include "stockholds.h"
#include "syncstatus.h"
#include "till.h"

#include <QDir>

namespace stockline::qml {

void Till::setPaying(bool paying)
{
    if (paying == m_paying)
        return;
    m_paying = paying;
    Q_EMIT payingChanged();
}

bool Till::startPayment()
{
    if (!signedIn())
        return false;
    if (m_cart->count() == 0)
        return report(tr("Scan an item first."));
    if (const Status drawer = m_services.cash.checkOpen(); !drawer) {
        m_services.notices.reportAbout(Notices::Topic::DrawerClosed,
                                       tr("No payment — %1 (Ctrl+D).").arg(drawer.error().message));
        return false;
    }
    // Holds still owed go out now: the server answers while the customer pays.
    m_holds->syncNow();
    m_payment->start(m_cart->totals().total);
    setPaying(true);
    return true;
}

bool Till::cancelPayment()
{
    const auto back = [this](const QString&) {
        m_payment->clear();
        setPaying(false);
        return true;
    };
    if (m_payment->count() == 0)
        return back(QString());
    const QString detail = tr("Give back %1 already paid and return to the sale")
                               .arg(print::moneyText(m_payment->paid()));
    return m_services.approvals.request(Approval::Kind::VoidAfterPayment, detail, back);
}

bool Till::tenderCashMinor(qint64 minor)
{
    if (!m_paying)
        return false;
    const Status added = m_payment->addCash(Money::fromMinor(minor));
    if (!added)
        return report(added.error().message);
    return m_payment->settled() ? completeSale() : true;
}

bool Till::tenderCash(const QString& typed)
{
    if (!m_paying)
        return false;
    if (typed.trimmed().isEmpty())
        return tenderCashMinor(m_payment->remaining().minor());
    const Result<Money> amount = print::parseAmount(typed);
    return amount ? tenderCashMinor(amount->minor()) : report(amount.error().message);
}

bool Till::tenderCard(const QString& typed, const QString& reference)
{
    if (!m_paying)
        return false;
    Money amount = m_payment->remaining();
    if (!typed.trimmed().isEmpty()) {
        const Result<Money> parsed = print::parseAmount(typed);
        if (!parsed)
            return report(parsed.error().message);
        amount = *parsed;
    }
    const Status added = m_payment->addCard(amount, reference);
    if (!added)
        return report(added.error().message);
    return m_payment->settled() ? completeSale() : true;
}

bool Till::removeTender(int row)
{
    if (row < 0 || row >= m_payment->count())
        return report(tr("Choose a payment first."));
    const Payment tender = m_payment->tenders().at(row);
    const QString detail =
        tr("Give back the %1 payment of %2").arg(tender.method, print::moneyText(tender.amount));
    return m_services.approvals.request(Approval::Kind::VoidAfterPayment, detail,
                                        [this, row](const QString&) {
                                            const Status removed = m_payment->removeTender(row);
                                            return removed ? true : report(removed.error().message);
                                        });
}

bool Till::changeSetup()
{
    if (!m_settings.setupChangeable)
        return report(tr("This till runs on its command line: change its setup there."));
    if (!signedIn())
        return false;
    return m_services.approvals.request(Approval::Kind::TerminalSetup,
                                        tr("Change the setup of terminal %1").arg(terminal()),
                                        [this](const QString&) {
                                            Q_EMIT setupChangeRequested();
                                            return true;
                                        });
}

bool Till::refund(bool toOriginalTender)
{
    if (!signedIn())
        return false;
    if (!m_returns->loaded() || !m_returns->anyChosen())
        return report(tr("Choose what is returned first."));
    // Before a manager is called over: the refund could not be paid anyway.
    if (const Status drawer = m_services.cash.checkOpen(); !drawer) {
        m_services.notices.reportAbout(
            Notices::Topic::DrawerClosed,
            tr("No refund — %1 (Ctrl+D on the sale screen).").arg(drawer.error().message));
        return false;
    }
    const QString detail =
        tr("Refund %1 on receipt %2").arg(m_returns->refundTotalText(), m_returns->receipt());
    return m_services.approvals.request(
        Approval::Kind::Refund, detail, [this, toOriginalTender](const QString& approver) {
            return m_returns->refund(toOriginalTender, approver, !m_services.sync.online());
        });
}

bool Till::completeSale()
{
    if (!m_paying || !m_payment->settled())
        return report(tr("The sale is not paid yet."));
    CompletedSale sale;
    sale.location = m_settings.location;
    sale.staff = m_services.staff.name();
    sale.lines = m_cart->receiptLines();
    QStringList holds;
    for (int row = 0; row < sale.lines.size(); ++row) {
        sale.lines[row].reservation = m_holds->reservationFor(row);
        if (!sale.lines[row].reservation.isEmpty())
            holds.append(sale.lines[row].reservation);
    }
    for (const CartModel::Line& line : m_cart->lines())
        sale.approvals.append(line.approval);
    sale.payments = m_payment->payments();
    // The goods leave with the customer now, so the server must never refuse this sale. It
    // goes as confirmed only while the server holds every line; otherwise as offline, which
    // the server takes whatever its stock says (sync/PROTOCOL.md, "The terminal's till").
    sale.offline = !m_holds->allConfirmed();
    const Result<RecordedSale> recorded = m_services.journal.record(sale);
    if (!recorded)
        return report(tr("The sale was NOT saved, nothing is lost yet: %1. Try again, or call "
                         "IT if it keeps failing.")
                          .arg(recorded.error().toString()));
    m_holds->consumed(holds);

    QStringList notes;
    for (const CartModel::Line& line : m_cart->lines())
        notes.append(line.note);
    print::ReceiptDocument receipt = print::ReceiptDocument::forSale(sale.lines, notes);
    receipt.storeName = m_settings.storeName;
    receipt.terminal = m_settings.terminal;
    receipt.staff = sale.staff;
    receipt.number = recorded->receipt;
    receipt.at = recorded->at;
    receipt.payments = sale.payments;
    receipt.offline = sale.offline;
    const QString change = m_payment->changeText();
    qCInfo(lcQml) << "sale" << recorded->receipt << "recorded, total"
                  << recorded->totals.total.toString();

    // The next customer starts now; the receipt prints meanwhile.
    m_cart->clear();
    m_payment->clear();
    setPaying(false);
    showReceipt(receipt);
    Q_EMIT saleCompleted(recorded->receipt, change);
    return true;
}

void Till::showReceipt(const print::ReceiptDocument& receipt)
{
    m_lastReceipt = receipt;
    Q_EMIT lastReceiptChanged();
    if (!printerConfigured())
        return;
    // Cash changed hands: the drawer wired to the printer opens as the receipt prints.
    const bool cash = std::any_of(receipt.payments.cbegin(), receipt.payments.cend(),
                                  [](const Payment& p) { return p.method == u"cash"; });
    m_services.printer.print((cash ? print::EscPosEncoder::drawerKick() : QByteArray()) +
                             print::EscPosEncoder().encode(receipt));
}

bool Till::printerConfigured() const
{
    return m_services.printer.isConfigured();
}

void Till::printLastReceipt()
{
    if (!m_lastReceipt) {
        report(tr("There is no receipt to print yet."));
        return;
    }
    m_services.printer.print(print::EscPosEncoder().encode(*m_lastReceipt));
}

QString Till::saveLastReceiptPdf()
{
    if (!m_lastReceipt) {
        report(tr("There is no receipt to save yet."));
        return {};
    }
    if (!QDir().mkpath(m_settings.receiptFolder)) {
        report(tr("The folder %1 cannot be created.")
                   .arg(QDir::toNativeSeparators(m_settings.receiptFolder)));
        return {};
    }
    const QString path =
        QDir(m_settings.receiptFolder).filePath(m_lastReceipt->number + QStringLiteral(".pdf"));
    if (const Status written = print::ReceiptPdf::write(*m_lastReceipt, path); !written) {
        report(tr("The receipt PDF was not saved: %1").arg(written.error().message));
        return {};
    }
    return path;
}

QString Till::lastReceipt() const
{
    return m_lastReceipt ? m_lastReceipt->number : QString();
}

QString Till::lastReceiptText() const
{
    return m_lastReceipt ? print::receiptText(*m_lastReceipt) : QString();
}

QString Till::lastTotalText() const
{
    return m_lastReceipt ? print::moneyText(m_lastReceipt->totals.total) : QString();
}

QString Till::lastChangeText() const
{
    if (!m_lastReceipt)
        return {};
    Money change;
    for (const Payment& payment : m_lastReceipt->payments) {
        // Cash rounding may be negative too; only cash given back is change.
        if (payment.method == PaymentModel::cash && payment.amount < Money())
            change -= payment.amount;
    }
    return print::moneyText(change);
}

bool Till::lastWasRefund() const
{
    return m_lastReceipt && m_lastReceipt->kind == print::ReceiptDocument::Kind::Refund;
}

} // namespace stockline::qml
