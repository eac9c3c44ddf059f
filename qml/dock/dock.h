#pragma once

#include "cyclecount.h"
#include "deliveriesmodel.h"
#include "dockservices.h"
#include "receiving.h"
#include "stockmoves.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace stockline::sync {
class Client;
}

namespace stockline::qml {

// The receiving dock: the open deliveries to receive against, receiving (against a delivery or
// blind), the cycle count, and transfers and adjustments. What the dock shell (DockMain.qml)
// shows; everything goes through the outbox like the till's sales, so it works offline.
//
// Threading: the store's thread.
class Dock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(stockline::qml::DeliveriesModel* deliveries READ deliveries CONSTANT)
    Q_PROPERTY(stockline::qml::Receiving* receiving READ receiving CONSTANT)
    Q_PROPERTY(stockline::qml::CycleCount* count READ count CONSTANT)
    Q_PROPERTY(stockline::qml::StockMoves* moves READ moves CONSTANT)
    Q_PROPERTY(QStringList locations READ locations NOTIFY locationsChanged)
    Q_PROPERTY(QString location READ location CONSTANT)
    // Where the location pickers start: this dock's location, and the first other one (a
    // transfer's source).
    Q_PROPERTY(int locationIndex READ locationIndex NOTIFY locationsChanged)
    Q_PROPERTY(int otherLocationIndex READ otherLocationIndex NOTIFY locationsChanged)
    Q_PROPERTY(int tolerancePercent READ tolerancePercent CONSTANT)
    // What this dock booked last, for the header: "Last booked: receipt DOCK-01-G000004".
    Q_PROPERTY(QString lastBooked READ lastBooked NOTIFY lastBookedChanged)

public:
    struct Settings
    {
        QString location;         // where this dock receives by default
        int tolerancePercent = 0; // TerminalConfig::overTolerancePercent
    };

    Dock(dock::Services services, Settings settings, QObject* parent = nullptr);

    // Open deliveries and answers arrive through the client.
    void connectClient(sync::Client& client);

    [[nodiscard]] DeliveriesModel* deliveries() const { return m_deliveries; }
    [[nodiscard]] Receiving* receiving() const { return m_receiving; }
    [[nodiscard]] CycleCount* count() const { return m_count; }
    [[nodiscard]] StockMoves* moves() const { return m_moves; }
    [[nodiscard]] QStringList locations() const { return m_locations; }
    [[nodiscard]] QString location() const { return m_settings.location; }
    [[nodiscard]] int locationIndex() const;
    [[nodiscard]] int otherLocationIndex() const;
    [[nodiscard]] int tolerancePercent() const { return m_settings.tolerancePercent; }
    [[nodiscard]] QString lastBooked() const { return m_lastBooked; }

public Q_SLOTS:
    // Reads the open deliveries and the locations again from the terminal's store.
    void refresh();

Q_SIGNALS:
    void locationsChanged();
    void lastBookedChanged();

private:
    void watchUnanswered();
    void readLastBooked();

    dock::Services m_services;
    Settings m_settings;
    DeliveriesModel* m_deliveries;
    Receiving* m_receiving;
    CycleCount* m_count;
    StockMoves* m_moves;
    QStringList m_locations;
    QString m_lastBooked;
};

} // namespace stockline::qml
