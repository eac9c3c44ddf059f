// The arbiter's side of the back office (issue 20; sync/PROTOCOL.md, "Back office"): requests
// answered on the storage thread like `day`, the staff an `elevate` names, and the price timer.

#include "answer.h"
#include "serverlogging.h"
#include "stockarbiter.h"

namespace stockline::sync {

using namespace Qt::StringLiterals;

void StockArbiter::submitBackOffice(quint64 connection, BackOfficeRequest request,
                                    const QString& by)
{
    enqueue(BackOfficeJob{connection, std::move(request), by});
}

void StockArbiter::submitStaffLookup(quint64 connection, const QString& request,
                                     const QString& name)
{
    enqueue(StaffLookupJob{connection, request, name});
}

void StockArbiter::answerBackOffice(ArbiterStore& store, const BackOfficeJob& job)
{
    Result<BackOfficeOutcome> outcome = store.backOffice(job.request, job.by, m_clock.now());
    if (!outcome && reconnected(store))
        outcome = store.backOffice(job.request, job.by, m_clock.now());
    QJsonObject answer;
    if (!outcome) {
        noteDatabase(outcome.error());
        qCWarning(lcServer).noquote()
            << job.request.type << "of" << job.by << "not answered:" << outcome.error().toString();
        answer = QJsonObject{{"ok"_L1, false},
                             {"code"_L1, QString(answerCode::unavailable)},
                             {"message"_L1, u"the server's storage is busy; try again"_s}};
    } else {
        answer = outcome->answer;
        // Before the answer: a manager deactivated is signed out everywhere by the time the
        // one who did it hears it is done.
        if (outcome->staffChanged)
            publishStaff(store);
    }
    post([this, c = job.connection, r = job.request.request, t = job.request.type, answer] {
        Q_EMIT backOfficeAnswered(c, r, t, answer);
    });
    if (!outcome)
        return;
    // The answer goes first: the manager's Enter is answered, then every till gets the change.
    if (outcome->effects.cursor > outcome->effects.since)
        publish(store, outcome->effects);
}

void StockArbiter::lookUpStaff(ArbiterStore& store, const StaffLookupJob& job)
{
    const Result<QList<StaffMember>> staff = store.staff();
    std::optional<StaffMember> found;
    if (staff) {
        for (const StaffMember& m : *staff) {
            if (m.name == job.name)
                found = m;
        }
    }
    post([this, c = job.connection, r = job.request, found, failed = !staff] {
        Q_EMIT staffLookedUp(c, r, found, failed);
    });
}

void StockArbiter::sweepPrices(ArbiterStore& store)
{
    const QDateTime now = m_clock.now();
    const Result<std::optional<QDateTime>> next = store.nextPriceChange();
    if (!next || !next.value() || *next.value() > now)
        return;
    const Result<CommitEffects> effects = store.applyDuePrices(now);
    if (!effects) {
        qCWarning(lcServer) << "price changes not applied:" << effects.error().toString();
        return;
    }
    publish(store, effects.value());
}

} // namespace stockline::sync
