// Till: parking a sale to serve the next customer, resuming it, and the sale in progress kept
// across a restart.
#include "notices.h"
#include "parkedmodel.h"
#include "parkedsales.h"
#include "qmllogging.h"
#include "staffsession.h"
#include "stockholds.h"
#include "till.h"

namespace stockline::qml {

ParkedSale Till::cartAsParked(const QString& label) const
{
    ParkedSale sale;
    sale.label = label;
    sale.orderDiscount = m_cart->orderDiscount();
    sale.total = m_cart->totals().total;
    for (const CartModel::Line& line : m_cart->lines()) {
        ReceiptLine own = line.receipt;
        own.discount = line.lineDiscount;
        own.reservation.clear();
        sale.lines.append(ParkedLine{own, line.note, line.approval});
    }
    return sale;
}

void Till::restoreCart(const ParkedSale& sale)
{
    QList<CartModel::Line> lines;
    for (const ParkedLine& parked : sale.lines) {
        CartModel::Line line;
        line.receipt = parked.line;
        line.lineDiscount = parked.line.discount;
        line.note = parked.note;
        line.approval = parked.approval;
        line.mergeable = false;
        line.available = availableHere(parked.line.sku);
        lines.append(line);
    }
    m_cart->restore(lines, sale.orderDiscount);
}

bool Till::park(const QString& label)
{
    if (m_paying)
        return false;
    const QString name = label.trimmed().isEmpty()
                             ? tr("%n item(s)", nullptr, static_cast<int>(m_cart->itemCount()))
                             : label.trimmed();
    const Result<qint64> parked = m_services.parked.park(cartAsParked(name));
    if (!parked)
        return report(tr("The sale could not be parked: %1").arg(parked.error().toString()));
    m_cart->clear();
    setPendingQuantity(QString());
    m_parked->refresh();
    return true;
}

bool Till::resume(qint64 id)
{
    if (m_paying)
        return false;
    if (m_cart->count() > 0)
        return report(tr("Finish or park the current sale first."));
    const Result<ParkedSale> sale = m_services.parked.take(id);
    m_parked->refresh();
    if (!sale)
        return report(sale.error().message);
    restoreCart(*sale);
    return true;
}

void Till::saveSaleInProgress()
{
    if (const Status saved = m_services.parked.saveCurrent(cartAsParked(QString())); !saved)
        report(tr("The sale in progress could not be saved: %1").arg(saved.error().toString()));
}

void Till::restoreSaleInProgress()
{
    const Result<std::optional<SavedSale>> saved = m_services.parked.takeCurrent();
    if (!saved) {
        report(tr("The sale in progress could not be read: %1").arg(saved.error().toString()));
        return;
    }
    if (!saved->has_value())
        return;
    ParkedSale sale = (*saved)->sale;
    if (!(*saved)->recordedSince) {
        restoreCart(sale);
        report(tr("The sale in progress when the till stopped is back in the cart."));
        return;
    }
    // A sale was recorded after this was saved: it may be this very sale, paid a moment
    // before the till stopped. Parked, not rung up again, so nothing is sold twice.
    sale.label = tr("Restored after a restart: check against the last receipt");
    if (const Result<qint64> parked = m_services.parked.park(sale); !parked) {
        report(tr("The sale in progress could not be restored: %1").arg(parked.error().toString()));
        return;
    }
    m_parked->refresh();
    report(tr("The sale in progress when the till stopped was parked: check it against the "
              "last receipt before ringing it up."));
}

} // namespace stockline::qml
