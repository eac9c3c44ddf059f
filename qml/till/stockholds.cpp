#include "stockholds.h"

#include "holdjournal.h"
#include "notices.h"
#include "outbox.h"
#include "qmllogging.h"
#include "uuid.h"

#include <QSet>
#include <algorithm>

namespace stockline::qml {

namespace {

using State = CartModel::Reservation::State;

// Longer than a frame at 60 Hz: the line is drawn before its hold is written.
constexpr int passDelayMs = 25;

} // namespace

StockHolds::StockHolds(CartModel& cart, Outbox& outbox, Notices& notices, Settings settings,
                       QObject* parent)
    : QObject(parent), m_cart(cart), m_outbox(outbox), m_notices(notices),
      m_settings(std::move(settings))
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &StockHolds::lapse);
    m_pending.setSingleShot(true);
    m_pending.setInterval(passDelayMs);
    connect(&m_pending, &QTimer::timeout, this, &StockHolds::run);
}

void StockHolds::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    // Back online: lines rung up meanwhile are held now. Lapsed holds wait for the clerk, so
    // an abandoned cart is never held forever.
    if (connected)
        schedule(Pass::Light);
}

bool StockHolds::allConfirmed() const
{
    if (!m_connected || m_cart.count() == 0)
        return false;
    const QDateTime needed = QDateTime::currentDateTimeUtc().addSecs(m_settings.marginSeconds);
    return std::all_of(m_cart.lines().cbegin(), m_cart.lines().cend(), [&](const auto& line) {
        const CartModel::Reservation& r = line.reservation;
        return r.state == State::Held && r.qty == line.receipt.qty && r.expires >= needed;
    });
}

QString StockHolds::reservationFor(int row) const
{
    if (row < 0 || row >= m_cart.count())
        return {};
    const QString& id = m_cart.line(row).reservation.id;
    return m_live.contains(id) ? id : QString();
}

void StockHolds::consumed(const QStringList& ids)
{
    for (const QString& id : ids)
        m_live.remove(id);
}

void StockHolds::cartChanged()
{
    schedule(Pass::Renew);
}

void StockHolds::levelsChanged()
{
    if (!m_connected)
        return;
    for (const CartModel::Line& line : m_cart.lines()) {
        if (line.reservation.state == State::Refused && fitsNow(line)) {
            schedule(Pass::Light);
            return;
        }
    }
}

// Coalesces the changes of a moment (a scanner's burst, a restored cart) into one pass that
// runs once the line is on screen: its write (an fsync) never delays the frame that shows it.
void StockHolds::schedule(Pass pass)
{
    if (pass == Pass::Renew)
        m_pass = Pass::Renew;
    if (!m_pending.isActive())
        m_pending.start();
}

void StockHolds::syncNow()
{
    m_pass = Pass::Renew;
    run();
}

bool StockHolds::fitsNow(const CartModel::Line& line) const
{
    return line.available >= line.receipt.qty;
}

bool StockHolds::needsReserve(const CartModel::Line& line, Pass pass) const
{
    const CartModel::Reservation& r = line.reservation;
    if (r.state == State::None || r.qty != line.receipt.qty)
        return true;
    if (r.state == State::Lapsed)
        return pass == Pass::Renew;
    if (r.state == State::Refused)
        return fitsNow(line);
    return false;
}

void StockHolds::run()
{
    const Pass pass = m_pass;
    m_pending.stop();
    m_pass = Pass::Light;

    // New holds first decided, then every hold no line names any more is released: written
    // releases first, so a quantity change's old units are free for its new hold.
    QList<HoldRequest> holds;
    QList<QPair<int, CartModel::Reservation>> asked;
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(m_settings.ttlSeconds);
    QSet<QString> named;
    for (int row = 0; row < m_cart.count(); ++row) {
        const CartModel::Line& line = m_cart.line(row);
        if (m_connected && needsReserve(line, pass)) {
            const QString id = newTimeOrderedUuid();
            holds.append({id, line.receipt.sku, line.receipt.qty});
            asked.append(
                {row, CartModel::Reservation{id, line.receipt.qty, State::Pending, -1, expires}});
        } else if (!line.reservation.id.isEmpty()) {
            named.insert(line.reservation.id);
        }
    }
    QStringList released;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (!named.contains(it.key()))
            released.append(it.key());
    }
    if (holds.isEmpty() && released.isEmpty())
        return;

    const Result<QList<Mutation>> written =
        HoldJournal(m_outbox, m_settings.location, m_settings.ttlSeconds).record(released, holds);
    if (!written) {
        // Holds are a help, not a condition of selling: the sale goes on, unconfirmed.
        qCWarning(lcQml).noquote() << "stock holds not written:" << written.error().toString();
        if (!std::exchange(m_failedOnce, true))
            m_notices.report(tr("This till could not ask the server to hold stock (%1). You can "
                                "keep selling; the lines show as not confirmed.")
                                 .arg(written.error().message));
        return;
    }
    m_failedOnce = false;
    for (const QString& id : std::as_const(released))
        m_live.remove(id);
    const qsizetype firstReserve = released.size();
    for (qsizetype i = 0; i < asked.size(); ++i) {
        const Mutation& m = written->at(firstReserve + i);
        m_live.insert(asked.at(i).second.id, Live{m.seq, m.id, false});
        m_cart.setReservation(asked.at(i).first, asked.at(i).second);
    }
    qCDebug(lcQml) << "holds:" << asked.size() << "asked," << released.size() << "released";
    armExpiry();
}

void StockHolds::resultsRecorded()
{
    QStringList refused;
    for (auto it = m_live.begin(); it != m_live.end(); ++it) {
        if (!it->answered && applyAnswer(it.key(), *it))
            refused.append(it.key());
    }
    // A refused hold holds nothing: there is nothing to release later.
    for (const QString& id : std::as_const(refused))
        m_live.remove(id);
}

// Records the server's answer on the line that names the hold; true when it was refused.
bool StockHolds::applyAnswer(const QString& id, Live& live)
{
    const Result<OutboxEntry> entry = m_outbox.entry(live.seq);
    if (!entry || entry->id != live.mutationId || entry->status == OutboxEntry::Status::Pending)
        return false;
    live.answered = true;
    const bool applied = entry->status == OutboxEntry::Status::Applied;
    for (int row = 0; row < m_cart.count(); ++row) {
        CartModel::Reservation r = m_cart.line(row).reservation;
        if (r.id != id)
            continue;
        if (applied) {
            r.state = r.expires > QDateTime::currentDateTimeUtc() ? State::Held : State::Lapsed;
        } else {
            r.state = State::Refused;
            const QJsonValue available = entry->result.value(QLatin1String("available"));
            r.available = available.isDouble() ? available.toInteger() : -1;
        }
        m_cart.setReservation(row, r);
        break;
    }
    return !applied;
}

// The next moment a hold lapses by this till's clock (which errs early: the expiry counts from
// when the hold was written, before the server applied it).
void StockHolds::armExpiry()
{
    QDateTime next;
    for (const CartModel::Line& line : m_cart.lines()) {
        const CartModel::Reservation& r = line.reservation;
        if ((r.state == State::Held || r.state == State::Pending) &&
            (!next.isValid() || r.expires < next))
            next = r.expires;
    }
    if (!next.isValid()) {
        m_expiry.stop();
        return;
    }
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(next);
    m_expiry.start(static_cast<int>(std::clamp<qint64>(ms, 0, 24 * 3600 * 1000)));
}

void StockHolds::lapse()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < m_cart.count(); ++row) {
        CartModel::Reservation r = m_cart.line(row).reservation;
        if ((r.state == State::Held || r.state == State::Pending) && r.expires <= now) {
            r.state = State::Lapsed;
            m_cart.setReservation(row, r);
        }
    }
    armExpiry();
}

} // namespace stockline::qml
