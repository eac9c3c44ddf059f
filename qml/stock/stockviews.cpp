#include "stockviews.h"

#include "client.h"
#include "transport.h"

namespace stockline::qml {

StockViews::StockViews(Parts parts, QObject* parent)
    : QObject(parent), m_levels(new StockModel(parts.store, this)),
      m_history(new HistoryModel(parts.client, this)),
      m_exceptions(new ExceptionsModel(
          ExceptionsModel::Parts{parts.client, parts.catalog, parts.replica, parts.outbox,
                                 parts.approvals, parts.staff, parts.notices},
          this))
{
    if (!parts.client)
        return;
    connect(parts.client, &sync::Client::levelsChanged, m_levels,
            [this](const QList<StockLevel>& levels, bool full) {
                // A full snapshot may add and drop levels: read it all (the view only rereads
                // once it has been shown).
                if (full && m_levels->totalCount() > 0)
                    m_levels->reload();
                else
                    m_levels->applyLevels(levels);
            });
    connect(parts.client, &sync::Client::catalogChanged, m_levels, [this] {
        if (m_levels->totalCount() > 0)
            m_levels->reload();
    });
}

StockViews::~StockViews() = default;

} // namespace stockline::qml
