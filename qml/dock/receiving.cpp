#include "receiving.h"

#include "approvals.h"
#include "catalog.h"
#include "deliverybook.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "notices.h"
#include "productlookup.h"
#include "staffsession.h"

namespace stockline::qml {

Receiving::Receiving(dock::Services services, int tolerancePercent, QObject* parent)
    : QObject(parent), m_services(services), m_tolerancePercent(tolerancePercent),
      m_lines(new ReceiptModel(this))
{
    m_lines->setTolerancePercent(tolerancePercent);
    connect(m_lines, &ReceiptModel::totalsChanged, this, &Receiving::changed);
    connect(&m_services.answers, &DockAnswers::answered, this, &Receiving::onAnswer);
}

void Receiving::setNote(const QString& note)
{
    if (note == m_note)
        return;
    m_note = note;
    Q_EMIT changed();
}

bool Receiving::start(const QString& reference)
{
    const Result<std::optional<Delivery>> found = m_services.deliveries.find(reference);
    if (!found)
        return report(tr("The deliveries cannot be read: %1").arg(found.error().toString()));
    if (!found->has_value())
        return report(tr("Delivery %1 is not open.").arg(reference));
    clear();
    m_delivery = **found;
    m_location = m_delivery.location;
    QList<ReceiptModel::Line> lines;
    for (const DeliveryLine& line : std::as_const(m_delivery.lines)) {
        const auto product = m_services.catalog.bySku(line.sku);
        const bool known = product && product->has_value();
        lines.append({line.sku, known ? (*product)->name : line.sku, line.expected, line.received,
                      line.rejected, 0, 0, known ? (*product)->unit : Unit::Each});
    }
    m_lines->setLines(lines);
    Q_EMIT changed();
    return true;
}

bool Receiving::startBlind(const QString& location)
{
    if (location.isEmpty())
        return report(tr("Choose the location the goods go to."));
    clear();
    m_location = location;
    Q_EMIT changed();
    return true;
}

QString Receiving::submit(const QString& text)
{
    if (text.trimmed().isEmpty())
        return {};
    if (!active()) {
        report(tr("Choose a delivery, or start a receipt without one, first."));
        return text;
    }
    const std::optional<QuantityCode> typed = splitQuantity(text);
    if (!typed || typed->code.isEmpty()) {
        report(tr("'%1' is not a quantity and a code, such as 12*4006381333931.").arg(text));
        return text;
    }
    const Result<std::optional<Product>> product = lookUpProduct(m_services.catalog, typed->code);
    if (!product) {
        report(tr("The catalog cannot be read: %1").arg(product.error().toString()));
        return text;
    }
    if (!product->has_value()) {
        report(tr("%1 is not in the catalog.").arg(typed->code));
        return text;
    }
    int row = m_lines->rowOf((*product)->sku);
    if (row < 0 && !blind()) {
        report(tr("%1 (%2) is not on delivery %3. Set it aside, or receive it without a "
                  "delivery.")
                   .arg((*product)->name, (*product)->sku, m_delivery.id));
        return text;
    }
    const Result<qint64> qty = scannedQuantity(*typed, **product);
    if (!qty) {
        report(qty.error().message);
        return text;
    }
    if (row < 0)
        row =
            m_lines->append({(*product)->sku, (*product)->name, -1, 0, 0, 0, 0, (*product)->unit});
    const qint64 counted = m_lines->line(row).counted + *qty;
    if (counted > maxQuantity) {
        report(tr("That makes more than %1 on one line.")
                   .arg(quantityText(maxQuantity, (*product)->unit)));
        return text;
    }
    m_lines->setCounted(row, counted);
    Q_EMIT lineCounted(row);
    return {};
}

bool Receiving::setCounted(int row, const QString& typed)
{
    if (row < 0 || row >= m_lines->count())
        return report(tr("Choose a line first."));
    const Result<qint64> qty = typedQuantity(typed, m_lines->line(row).unit, 0);
    if (!qty)
        return report(qty.error().message);
    m_lines->setCounted(row, *qty);
    return true;
}

bool Receiving::setRejected(int row, const QString& typed)
{
    if (row < 0 || row >= m_lines->count())
        return report(tr("Choose a line first."));
    if (blind())
        return report(tr("A receipt without a delivery has nothing to refuse: leave refused "
                         "goods out of it."));
    const Result<qint64> qty = typedQuantity(typed, m_lines->line(row).unit, 0);
    if (!qty)
        return report(qty.error().message);
    m_lines->setRejected(row, *qty);
    return true;
}

bool Receiving::confirm()
{
    if (!m_services.staff.signedIn())
        return report(tr("Sign in first."));
    if (!active())
        return report(tr("Nothing is being received."));
    if (m_lines->countedTotal() == 0 && m_lines->rejectedTotal() == 0)
        return report(tr("Count what arrived first: nothing is counted."));
    if (m_note.size() > maxTextLength)
        return report(tr("The note is longer than %1 characters.").arg(maxTextLength));
    if (!m_lines->anyOverLimit())
        return write(m_lines->anyOver(), QString());
    const QString detail = tr("Receive more than delivery %1 expects").arg(m_delivery.id);
    return m_services.approvals.request(
        Approval::Kind::OverExpected, detail,
        [this](const QString& approver) { return write(true, approver); });
}

ReceiveMutation Receiving::mutation(bool over) const
{
    ReceiveMutation m;
    m.location = m_location;
    m.delivery = m_delivery.id;
    m.reference = m_note.trimmed();
    m.over = over && !blind();
    for (const ReceiptModel::Line& line : m_lines->lines()) {
        if (line.counted > 0)
            m.lines.append({line.sku, line.counted});
        if (line.rejected > 0)
            m.rejected.append({line.sku, line.rejected});
    }
    return m;
}

bool Receiving::write(bool over, const QString& approver)
{
    ReceiveMutation m = mutation(over);
    if (m.lines.isEmpty())
        return report(tr("Only refused goods: the server books a receipt with at least one "
                         "accepted unit. Count what is accepted, or leave the delivery open."));
    const QString note =
        approver.isEmpty()
            ? m_note.trimmed()
            : tr("over expected, approved by %1. %2").arg(approver, m_note.trimmed());
    const Result<DockRecord> recorded =
        m_services.journal.record(m, m_services.staff.name(), note.left(maxTextLength));
    if (!recorded)
        return report(tr("The receipt could not be saved: %1").arg(recorded.error().toString()));
    m_sent.insert(recorded->seq, recorded->id);
    m_services.answers.watch(recorded->seq);
    setLastMessage(m_delivery.id.isEmpty()
                       ? tr("Receipt %1 booked.").arg(recorded->id)
                       : tr("Receipt %1 booked against %2.").arg(recorded->id, m_delivery.id));
    clear();
    Q_EMIT changed();
    Q_EMIT confirmed(recorded->id);
    return true;
}

void Receiving::cancel()
{
    clear();
    Q_EMIT changed();
}

void Receiving::watch(const DockRecord& record)
{
    m_sent.insert(record.seq, record.id);
    m_services.answers.watch(record.seq);
}

void Receiving::deliveriesChanged()
{
    if (!active() || blind())
        return;
    const Result<std::optional<Delivery>> found = m_services.deliveries.find(m_delivery.id);
    if (!found || !found->has_value())
        return; // closed meanwhile: the server says unknown_delivery if it is sent
    m_delivery = **found;
    for (const DeliveryLine& line : std::as_const(m_delivery.lines)) {
        const int row = m_lines->rowOf(line.sku);
        if (row >= 0)
            m_lines->setBefore(row, line.received, line.rejected);
    }
}

void Receiving::onAnswer(qint64 seq, bool applied, const QJsonObject& result)
{
    const QString receipt = m_sent.take(seq);
    if (receipt.isEmpty() || applied)
        return;
    const QString code = result.value(QLatin1String("code")).toString();
    const QString message = result.value(QLatin1String("message")).toString();
    if (code == QLatin1String("over_expected"))
        report(tr("Receipt %1 was refused: %2. Other docks booked part of this delivery "
                  "meanwhile; nothing of the receipt was booked. Open the delivery again and "
                  "count the difference, or have a manager approve the extra units.")
                   .arg(receipt, message));
    else if (code == QLatin1String("unknown_delivery"))
        report(tr("Receipt %1 was refused: the delivery is no longer open. Nothing was booked; "
                  "receive the goods without a delivery, or ask a manager.")
                   .arg(receipt));
    else
        report(tr("Receipt %1 was refused (%2): %3").arg(receipt, code, describe(result)));
}

bool Receiving::report(const QString& message)
{
    m_services.notices.report(message);
    return false;
}

void Receiving::setLastMessage(const QString& message)
{
    m_lastMessage = message;
    Q_EMIT lastMessageChanged();
}

void Receiving::clear()
{
    m_delivery = Delivery();
    m_location.clear();
    m_note.clear();
    m_lines->setLines({});
}

} // namespace stockline::qml
