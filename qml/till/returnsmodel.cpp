#include "returnsmodel.h"

#include "cashsession.h"
#include "client.h"
#include "moneytext.h"
#include "notices.h"
#include "transport.h"

namespace stockline::qml {

ReturnsModel::ReturnsModel(ReturnJournal& journal, const CashSession& cash, Notices& notices,
                           Context context, QObject* parent)
    : QAbstractListModel(parent), m_journal(journal), m_cash(cash), m_notices(notices),
      m_context(std::move(context))
{
}

int ReturnsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sale.lines.size());
}

QHash<int, QByteArray> ReturnsModel::roleNames() const
{
    return {{LineRole, "line"},
            {NameRole, "name"},
            {SoldRole, "sold"},
            {ReturnedRole, "returned"},
            {ReturnableRole, "returnable"},
            {ChosenRole, "chosen"},
            {AmountRole, "amount"},
            {UnitPriceRole, "unitPrice"},
            {SoldTextRole, "soldText"},
            {ReturnedTextRole, "returnedText"},
            {ReturnableTextRole, "returnableText"},
            {ChosenTextRole, "chosenText"},
            {MeasuredRole, "measured"}};
}

QVariant ReturnsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReturnableLine& line = m_sale.lines.at(index.row());
    const qint64 chosen = m_chosen.at(index.row());
    switch (role) {
    case LineRole:
        return line.line;
    case Qt::DisplayRole:
    case NameRole:
        return line.sold.name;
    case SoldRole:
        return line.sold.qty;
    case ReturnedRole:
        return line.returned;
    case ReturnableRole:
        return line.returnable();
    case ChosenRole:
        return chosen;
    case AmountRole:
        return print::moneyText(ReturnJournal::refundFor(line.sold, line.returned, chosen));
    case UnitPriceRole:
        return print::unitPriceText(line.sold.unitPrice, line.sold.unit);
    case SoldTextRole:
        return quantityText(line.sold.qty, line.sold.unit);
    case ReturnedTextRole:
        return quantityText(line.returned, line.sold.unit);
    case ReturnableTextRole:
        return quantityText(line.returnable(), line.sold.unit);
    case ChosenTextRole:
        return quantityText(chosen, line.sold.unit);
    case MeasuredRole:
        return isMeasured(line.sold.unit);
    default:
        return {};
    }
}

bool ReturnsModel::load(const QString& receipt)
{
    const QString number = receipt.trimmed();
    Result<ReturnableSale> sale = m_journal.returnable(number);
    if (sale) {
        setRequest({});
        show(std::move(sale).value());
        return true;
    }
    if (sale.error().code != ErrorCode::NotFound || number.isEmpty()) {
        m_notices.report(tr("Receipt %1 cannot be returned: %2").arg(number, sale.error().message));
        return false;
    }
    const QString request = m_server ? m_server->requestReceipt(number) : QString();
    if (request.isEmpty()) {
        m_notices.report(tr("Receipt %1: this receipt is from another till and the server cannot "
                            "be reached; refunds of other tills' receipts need the server.")
                             .arg(number));
        return false;
    }
    setRequest(request);
    return true;
}

void ReturnsModel::setServer(sync::Client* client)
{
    if (m_server)
        m_server->disconnect(this);
    m_server = client;
    if (m_server)
        connect(m_server, &sync::Client::receiptReceived, this, &ReturnsModel::onReceipt);
}

void ReturnsModel::setRequest(const QString& request)
{
    if (request == m_request)
        return;
    m_request = request;
    Q_EMIT fetchingChanged();
}

void ReturnsModel::onReceipt(const sync::ReceiptReply& reply)
{
    if (reply.request.isEmpty() || reply.request != m_request)
        return; // an answer to an earlier question, or to another screen
    setRequest({});
    if (!reply.code.isEmpty() || !reply.receipt) {
        const QString why = reply.code == QLatin1String("unknown_receipt")
                                ? tr("neither this till nor the server knows it")
                                : reply.message;
        m_notices.report(tr("Receipt %1 cannot be returned: %2").arg(reply.number, why));
        return;
    }
    if (reply.receipt->kind != QLatin1String("sale")) {
        m_notices.report(
            tr("Receipt %1 is a refund, not a sale: scan the sale's receipt.").arg(reply.number));
        return;
    }
    show(fromServer(*reply.receipt));
}

ReturnableSale ReturnsModel::fromServer(const sync::StoredReceipt& receipt)
{
    ReturnableSale sale;
    sale.receipt = receipt.number;
    sale.fromServer = true;
    sale.location = receipt.location;
    sale.at = receipt.at;
    for (const sync::StoredReceiptLine& stored : receipt.lines) {
        const ReceiptEntry& e = stored.entry;
        ReceiptLine sold{e.sku, e.name, e.qty, e.unitPrice, e.discount, e.taxRate, QString()};
        sold.unit = e.unit;
        sale.lines.append(ReturnableLine{static_cast<int>(stored.line),
                                         ReturnJournal::asRecorded(sold, e.tax, e.total),
                                         stored.refunded});
    }
    sale.payments = receipt.payments;
    for (const sync::StoredRefund& refund : receipt.refunds) {
        sale.refunded += refund.total;
        sale.refundPayments.append(refund.payments);
    }
    return sale;
}

void ReturnsModel::show(ReturnableSale sale)
{
    beginResetModel();
    m_sale = std::move(sale);
    m_chosen = QList<qint64>(m_sale.lines.size(), 0);
    endResetModel();
    Q_EMIT loadedChanged();
    Q_EMIT chosenChanged();
}

void ReturnsModel::clear()
{
    beginResetModel();
    m_sale = ReturnableSale();
    m_chosen.clear();
    endResetModel();
    Q_EMIT loadedChanged();
    Q_EMIT chosenChanged();
}

void ReturnsModel::setChosen(int row, qint64 qty)
{
    if (row < 0 || row >= m_chosen.size())
        return;
    m_chosen[row] = std::clamp<qint64>(qty, 0, m_sale.lines.at(row).returnable());
    Q_EMIT dataChanged(index(row), index(row), {ChosenRole, AmountRole});
    Q_EMIT chosenChanged();
}

void ReturnsModel::toggle(int row)
{
    if (row < 0 || row >= m_chosen.size())
        return;
    setChosen(row, m_chosen.at(row) > 0 ? 0 : m_sale.lines.at(row).returnable());
}

void ReturnsModel::adjust(int row, int delta)
{
    if (row >= 0 && row < m_chosen.size())
        setChosen(row, m_chosen.at(row) + delta);
}

void ReturnsModel::chooseAll()
{
    for (int row = 0; row < m_chosen.size(); ++row)
        setChosen(row, m_sale.lines.at(row).returnable());
}

QList<ReturnRequestLine> ReturnsModel::chosenLines() const
{
    QList<ReturnRequestLine> lines;
    for (qsizetype i = 0; i < m_chosen.size(); ++i) {
        if (m_chosen.at(i) > 0)
            lines.append(ReturnRequestLine{m_sale.lines.at(i).line, m_chosen.at(i)});
    }
    return lines;
}

bool ReturnsModel::anyChosen() const
{
    return !chosenLines().isEmpty();
}

Money ReturnsModel::refundTotal() const
{
    const Result<Money> total = ReturnJournal::totalFor(m_sale, chosenLines());
    return total ? *total : Money();
}

bool ReturnsModel::refund(bool toOriginalTender, const QString& approvedBy, bool offline)
{
    const Money total = refundTotal();
    if (!loaded() || !anyChosen()) {
        m_notices.report(tr("Choose the lines to return first."));
        return false;
    }
    if (const Status drawer = m_cash.checkOpen(); !drawer) {
        m_notices.reportAbout(
            Notices::Topic::DrawerClosed,
            tr("No refund — %1 (Ctrl+D on the sale screen).").arg(drawer.error().message));
        return false;
    }
    CompletedReturn request;
    request.sale = m_sale.receipt;
    request.location = m_context.location;
    request.staff = m_context.staff;
    request.approvedBy = approvedBy;
    request.offline = offline;
    request.lines = chosenLines();
    request.payments = toOriginalTender
                           ? ReturnJournal::toOriginalTender(m_sale, total)
                           : QList<Payment>{Payment{QStringLiteral("cash"), total, QString()}};
    if (total == Money())
        request.payments.clear();
    const Result<RecordedReturn> recorded =
        m_sale.fromServer ? m_journal.recordFromServer(request, m_sale) : m_journal.record(request);
    if (!recorded) {
        m_notices.report(tr("The refund was not recorded: %1").arg(recorded.error().toString()));
        return false;
    }
    const print::ReceiptDocument receipt = receiptFor(*recorded, request.payments);
    clear();
    Q_EMIT refunded(receipt);
    return true;
}

print::ReceiptDocument ReturnsModel::receiptFor(const RecordedReturn& recorded,
                                                const QList<Payment>& payments) const
{
    print::ReceiptDocument receipt;
    receipt.kind = print::ReceiptDocument::Kind::Refund;
    receipt.storeName = m_context.storeName;
    receipt.terminal = m_context.terminal;
    receipt.staff = m_context.staff;
    receipt.number = recorded.refund;
    receipt.saleNumber = m_sale.receipt;
    receipt.at = recorded.at;
    for (const ReturnRequestLine& chosen : chosenLines()) {
        const ReturnableLine& line = m_sale.lines.at(chosen.line - 1);
        receipt.lines.append(print::ReceiptDocument::Line{
            line.sold.name, QString(), chosen.qty, line.sold.unitPrice, Money(),
            ReturnJournal::refundFor(line.sold, line.returned, chosen.qty), line.sold.unit});
    }
    receipt.totals.total = recorded.total;
    receipt.payments = payments;
    return receipt;
}

QString ReturnsModel::soldText() const
{
    if (!loaded())
        return {};
    Money total;
    for (const ReturnableLine& line : m_sale.lines)
        total += line.sold.total();
    return tr("Sold %1 for %2")
        .arg(QLocale().toString(m_sale.at.toLocalTime(), QLocale::ShortFormat),
             print::moneyText(total));
}

QString ReturnsModel::paidWithText() const
{
    QStringList parts;
    for (const Payment& payment : m_sale.payments) {
        if (payment.amount <= Money())
            continue;
        const QString method = payment.method == QLatin1String("cash") ? tr("cash") : tr("card");
        parts.append(tr("%1 %2").arg(method, print::moneyText(payment.amount)));
    }
    QString text = parts.isEmpty() ? tr("nothing paid")
                                   : tr("Paid with %1").arg(parts.join(QStringLiteral(", ")));
    if (m_sale.refunded > Money())
        text += tr("; %1 refunded before").arg(print::moneyText(m_sale.refunded));
    return text;
}

QString ReturnsModel::refundTotalText() const
{
    return print::moneyText(refundTotal());
}

} // namespace stockline::qml
