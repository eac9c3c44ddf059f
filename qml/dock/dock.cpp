#include "dock.h"

#include "client.h"
#include "cyclecount.h"
#include "deliveriesmodel.h"
#include "deliverybook.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "notices.h"
#include "receiving.h"
#include "stockmoves.h"
#include "stockreplica.h"
#include "transport.h"

#include <algorithm>

namespace stockline::qml {

Dock::Dock(dock::Services services, Settings settings, QObject* parent)
    : QObject(parent), m_services(services), m_settings(std::move(settings)),
      m_deliveries(new DeliveriesModel(this)),
      m_receiving(new Receiving(services, m_settings.tolerancePercent, this)),
      m_count(new CycleCount(services, this)), m_moves(new StockMoves(services, this))
{
    refresh();
    watchUnanswered();
    readLastBooked();
    connect(&m_services.answers, &DockAnswers::awaiting, this, &Dock::readLastBooked);
}

// Counts are watched again when their shelf is loaded (CycleCount::load): the lines they
// belong to are gone with the restart until then.
void Dock::watchUnanswered()
{
    const Result<QList<DockRecord>> records = m_services.journal.unanswered();
    if (!records) {
        m_services.notices.report(
            tr("The dock's unanswered work cannot be read: %1").arg(records.error().toString()));
        return;
    }
    for (const DockRecord& record : *records) {
        if (std::holds_alternative<ReceiveMutation>(record.mutation.body))
            m_receiving->watch(record);
        else if (!std::holds_alternative<CountMutation>(record.mutation.body))
            m_moves->watch(record);
    }
}

void Dock::readLastBooked()
{
    const Result<std::optional<DockRecord>> last = m_services.journal.last();
    if (!last) {
        m_services.notices.report(
            tr("The dock's last booking cannot be read: %1").arg(last.error().toString()));
        return;
    }
    QString text;
    if (*last) {
        const MutationBody& body = (*last)->mutation.body;
        if (std::holds_alternative<ReceiveMutation>(body))
            text = tr("Last booked: receipt %1").arg((*last)->id);
        else if (std::holds_alternative<TransferMutation>(body))
            text = tr("Last booked: transfer %1").arg((*last)->id);
        else if (const auto* count = std::get_if<CountMutation>(&body))
            text = tr("Last booked: count of %1").arg(count->sku);
        else if (const auto* adjust = std::get_if<AdjustMutation>(&body))
            text = tr("Last booked: adjustment of %1").arg(adjust->sku);
    }
    if (text != m_lastBooked) {
        m_lastBooked = text;
        Q_EMIT lastBookedChanged();
    }
}

void Dock::connectClient(sync::Client& client)
{
    connect(&client, &sync::Client::deliveriesChanged, this, [this] {
        refresh();
        m_receiving->deliveriesChanged();
    });
    connect(&client, &sync::Client::resultsRecorded, &m_services.answers, &DockAnswers::check);
    // A full snapshot may bring locations this terminal had not heard of.
    connect(&client, &sync::Client::levelsChanged, this, &Dock::refresh);
}

int Dock::locationIndex() const
{
    return std::max(0, static_cast<int>(m_locations.indexOf(m_settings.location)));
}

int Dock::otherLocationIndex() const
{
    for (int i = 0; i < m_locations.size(); ++i) {
        if (m_locations.at(i) != m_settings.location)
            return i;
    }
    return 0;
}

void Dock::refresh()
{
    const Result<QList<Delivery>> open = m_services.deliveries.open();
    if (open)
        m_deliveries->setDeliveries(*open);
    else
        m_services.notices.report(
            tr("The expected deliveries cannot be read: %1").arg(open.error().toString()));
    QStringList ids;
    if (const Result<QList<Location>> locations = m_services.replica.locations()) {
        for (const Location& location : *locations)
            ids.append(location.id);
    }
    if (!m_settings.location.isEmpty() && !ids.contains(m_settings.location))
        ids.prepend(m_settings.location);
    if (ids != m_locations) {
        m_locations = ids;
        Q_EMIT locationsChanged();
    }
}

} // namespace stockline::qml
