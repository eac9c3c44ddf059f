#include "stockviews.h"

#include "client.h"
#include "transport.h"

namespace stockline::qml {

StockViews::StockViews(Services services, QObject* parent)
    : QObject(parent), m_levels(new StockModel(services.store, this)),
      m_history(new HistoryModel(services.client, &services.catalog, this)),
      m_exceptions(new ExceptionsModel(ExceptionsModel::Services{services.client, services.catalog,
                                                                 services.replica, services.outbox,
                                                                 services.approvals, services.staff,
                                                                 services.notices},
                                       this))
{
    if (!services.client)
        return;
    connect(services.client, &sync::Client::levelsChanged, m_levels,
            [this](const QList<StockLevel>& levels, bool full) {
                // A full snapshot may add and drop levels: read it all (the view only rereads
                // once it has been shown).
                if (full && m_levels->totalCount() > 0)
                    m_levels->reload();
                else
                    m_levels->applyLevels(levels);
            });
    connect(services.client, &sync::Client::catalogChanged, m_levels, [this] {
        if (m_levels->totalCount() > 0)
            m_levels->reload();
    });
}

StockViews::~StockViews() = default;

} // namespace stockline::qml
