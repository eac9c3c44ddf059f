#pragma once

#include "feedlistener.h"
#include "serverstore.h"

#include <functional>
#include <memory>

namespace stockline::sim {

using namespace stockline::sync;

// The store's ArbiterStore as the simulation sees it: a decorator, so the product's store has
// no switch for any of this. `busy` says when a call fails as storage does now and then
// (SQLITE_BUSY behind an admin command's lock, a full disk): before anything is written, as
// ArbiterStore's contract has it. `replayTwice` is the deliberate bug of Breakage::ReplayTwice.
class FaultyStore final : public ArbiterStore
{
public:
    FaultyStore(std::unique_ptr<ArbiterStore> inner, std::function<bool()> busy, bool replayTwice)
        : m_inner(std::move(inner)), m_busy(std::move(busy)), m_replayTwice(replayTwice)
    {
    }

    Result<QList<StaffMember>> staff() override { return m_inner->staff(); }
    Result<StoreSettings> storeSettings() override { return m_inner->storeSettings(); }
    Result<QList<Shortage>> openShortages() override { return m_inner->openShortages(); }
    Result<OpenCounts> openCounts() override { return m_inner->openCounts(); }
    Result<QList<Delivery>> deliveries(bool withClosed) override
    {
        return m_inner->deliveries(withClosed);
    }
    Result<std::optional<TerminalInfo>> authenticate(const QString& t,
                                                     const QString& token) override
    {
        if (m_busy())
            return busyError();
        return m_inner->authenticate(t, token);
    }
    Result<TerminalInfo> terminal(const QString& id) override { return m_inner->terminal(id); }
    Result<std::optional<TerminalInfo>> authenticateBearer(const QString& token) override
    {
        return m_inner->authenticateBearer(token);
    }
    Result<QStringList> revokedTerminals() override { return m_inner->revokedTerminals(); }
    Result<Levels> levelsSince(qint64 cursor) override
    {
        if (m_busy())
            return busyError();
        return m_inner->levelsSince(cursor);
    }
    Result<CatalogUpdate> catalogSince(qint64 cursor) override
    {
        return m_inner->catalogSince(cursor);
    }
    Result<qint64> currentCursor() override { return m_inner->currentCursor(); }
    Status terminalSeen(const QString& id, const QDateTime& now) override
    {
        return m_inner->terminalSeen(id, now);
    }
    Result<std::optional<StoredReceipt>> receipt(const QString& number) override
    {
        return m_inner->receipt(number);
    }
    Result<QJsonObject> dayReport(const QDate& date, const QDateTime& now) override
    {
        return m_inner->dayReport(date, now);
    }
    Result<ReportAnswer> report(const ReportRequest& request, const QDateTime& now) override
    {
        return m_inner->report(request, now);
    }
    Result<HistoryReply> history(const HistoryRequest& request) override
    {
        if (m_busy())
            return busyError();
        return m_inner->history(request);
    }
    Result<std::optional<Paired>> redeemPairingCode(const QString& code,
                                                    const QDateTime& now) override
    {
        return m_inner->redeemPairingCode(code, now);
    }
    Result<CommitEffects> expireReservations(const QDateTime& now) override
    {
        if (m_busy())
            return busyError();
        return m_inner->expireReservations(now);
    }
    Result<std::optional<QDateTime>> nextExpiry() override { return m_inner->nextExpiry(); }
    Result<BackOfficeOutcome> backOffice(const BackOfficeRequest& request, const QString& by,
                                         const QDateTime& now) override
    {
        if (m_busy())
            return busyError();
        return m_inner->backOffice(request, by, now);
    }
    Result<std::optional<QDateTime>> nextPriceChange() override
    {
        return m_inner->nextPriceChange();
    }
    Result<CommitEffects> applyDuePrices(const QDateTime& now) override
    {
        return m_inner->applyDuePrices(now);
    }
    std::unique_ptr<FeedListener>
    listenForOtherWriters(std::function<void(qint64 cursor)> wake) override
    {
        return m_inner->listenForOtherWriters(std::move(wake));
    }
    Result<bool> reconnectIfLost() override { return m_inner->reconnectIfLost(); }

    // ReplayTwice: a replay the store answered as applied is applied once more, numbered as
    // the terminal's next seq.
    Result<BatchOutcome> applyBatch(const QList<PushRequest>& pushes,
                                    const QDateTime& now) override;

private:
    static Error busyError()
    {
        return Error{QString(), QStringLiteral("storage: database is locked (simulated)"),
                     ErrorCode::Storage};
    }

    std::unique_ptr<ArbiterStore> m_inner;
    std::function<bool()> m_busy;
    bool m_replayTwice;
};

} // namespace stockline::sim
