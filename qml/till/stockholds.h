#pragma once

#include "cartmodel.h"
#include "error.h"
#include "mutation.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace stockline {
class Outbox;
}

namespace stockline::qml {

class Notices;

// The till's reservations on the server, one per cart line, through the outbox like every
// other change: a line's units are reserved as it is scanned, reserved again (release, then
// reserve the new quantity, in one push) when its quantity changes, and released when it is
// voided, the sale is cancelled or parked. A completed sale names each line's reservation and
// consumes it; an abandoned cart's holds expire by themselves on the server (the TTL).
//
// Only while the server can be reached are units reserved: a hold queued offline would reach
// the server after the sale it was for. Releases are queued either way.
//
// Answers are read back from the outbox when the sync client has recorded results, matched by
// seq and mutation id, so a renumbered outbox never attaches an answer to the wrong hold.
//
// Threading: the store's thread (the GUI thread), like the cart and the outbox.
class StockHolds : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString location;
        qint64 ttlSeconds = 15 * 60;
        // A sale goes as confirmed only if every hold has at least this long left: long enough
        // for the sale to reach the server first, even after a reconnection.
        qint64 marginSeconds = 2 * 60;
    };

    StockHolds(CartModel& cart, Outbox& outbox, Notices& notices, Settings settings,
               QObject* parent = nullptr);

    void setConnected(bool connected);
    [[nodiscard]] bool connected() const { return m_connected; }
    // Every line is held by the server for its whole quantity with time to spare, and the
    // server can be reached: the sale may go as confirmed (not offline).
    [[nodiscard]] bool allConfirmed() const;
    // The reservation the sale line for `row` names: the line's hold if it may still be live
    // on the server, else empty.
    [[nodiscard]] QString reservationFor(int row) const;
    // A recorded sale named these holds: the server consumes them with the sale.
    void consumed(const QStringList& ids);
    // Reserves and releases what the cart needs now, renewing lapsed holds.
    void syncNow();
    // Holds asked for and not yet released, sold or refused.
    [[nodiscard]] qsizetype liveCount() const { return m_live.size(); }
    [[nodiscard]] const Settings& settings() const { return m_settings; }

public Q_SLOTS:
    // The clerk changed the sale: reserve and release what it needs, after the current event.
    void cartChanged();
    // The sync client recorded results: read the answers to our pending holds.
    void resultsRecorded();
    // New levels: a refused line that the replica says would fit now is asked for again.
    void levelsChanged();

private:
    struct Live
    {
        qint64 seq = 0;
        QString mutationId;
        bool answered = false;
    };
    enum class Pass { Renew, Light };

    void schedule(Pass pass);
    void run();
    [[nodiscard]] bool needsReserve(const CartModel::Line& line, Pass pass) const;
    [[nodiscard]] bool fitsNow(const CartModel::Line& line) const;
    [[nodiscard]] bool applyAnswer(const QString& id, Live& live);
    void armExpiry();
    void lapse();

    CartModel& m_cart;
    Outbox& m_outbox;
    Notices& m_notices;
    Settings m_settings;
    bool m_connected = false;
    Pass m_pass = Pass::Light;
    bool m_failedOnce = false;
    QHash<QString, Live> m_live; // by reservation id
    QTimer m_expiry;
    QTimer m_pending; // the next pass
};

} // namespace stockline::qml
