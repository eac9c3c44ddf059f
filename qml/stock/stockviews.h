#pragma once

#include "exceptionsmodel.h"
#include "historymodel.h"
#include "stockmodel.h"

#include <QObject>

namespace stockline {
class Catalog;
class LocalStore;
class Outbox;
class StockReplica;
} // namespace stockline

namespace stockline::sync {
class Client;
}

namespace stockline::qml {

class Approvals;
class Notices;
class StaffSession;

// The stock screens every terminal shares, POS or dock: the live stock view, a SKU's history
// from the server's ledger, and the shortage exceptions. Kept live from the sync client's
// levels, catalog and shortages. Handed to QML as the `Stock` singleton.
//
// Threading: the store's thread.
class StockViews : public QObject
{
    Q_OBJECT
    Q_PROPERTY(stockline::qml::StockModel* levels READ levels CONSTANT)
    Q_PROPERTY(stockline::qml::HistoryModel* history READ history CONSTANT)
    Q_PROPERTY(stockline::qml::ExceptionsModel* exceptions READ exceptions CONSTANT)

public:
    struct Services
    {
        const LocalStore& store;
        const Catalog& catalog;
        const StockReplica& replica;
        Outbox& outbox;
        sync::Client* client; // null: no server configured
        Approvals& approvals;
        StaffSession& staff;
        Notices& notices;
    };

    explicit StockViews(Services services, QObject* parent = nullptr);
    ~StockViews() override;

    [[nodiscard]] StockModel* levels() const { return m_levels; }
    [[nodiscard]] HistoryModel* history() const { return m_history; }
    [[nodiscard]] ExceptionsModel* exceptions() const { return m_exceptions; }

private:
    StockModel* m_levels;
    HistoryModel* m_history;
    ExceptionsModel* m_exceptions;
};

} // namespace stockline::qml
