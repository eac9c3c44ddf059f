#include "tillsync.h"

#include "catalog.h"
#include "client.h"
#include "notices.h"
#include "qmllogging.h"
#include "salejournal.h"
#include "stockholds.h"
#include "syncproblemsmodel.h"
#include "syncstatus.h"
#include "till.h"
#include "transport.h"

namespace stockline::qml {

TillSync::TillSync(Services services, QString terminal, QObject* parent)
    : QObject(parent), m_services(services), m_terminal(std::move(terminal))
{
    m_services.status.setConfigured(true);
    connectStatus();
    connectTill();
    refreshProblems();
    resendRefusedSales();
}

void TillSync::connectStatus()
{
    sync::Client& client = m_services.client;
    SyncStatus& status = m_services.status;
    status.setOnline(client.isConnected());
    status.setPending(client.pendingCount());
    status.setOldestPendingAge(client.oldestPendingAge());
    status.setMessage(client.lastError());
    connect(&client, &sync::Client::connectedChanged, &status, &SyncStatus::setOnline);
    connect(&client, &sync::Client::pendingCountChanged, &status, &SyncStatus::setPending);
    connect(&client, &sync::Client::oldestPendingAgeChanged, &status,
            &SyncStatus::setOldestPendingAge);
    connect(&client, &sync::Client::lastErrorChanged, &status, &SyncStatus::setMessage);
    connect(&client, &sync::Client::rejectionsChanged, this, &TillSync::refreshProblems);
    connect(&client, &sync::Client::shortagesChanged, this, &TillSync::refreshProblems);
    connect(status.problems(), &SyncProblemsModel::clearRequested, &client,
            &sync::Client::clearRejections);
}

void TillSync::connectTill()
{
    sync::Client& client = m_services.client;
    Till& till = m_services.till;
    connect(&client, &sync::Client::levelsChanged, this,
            [&till](const QList<StockLevel>& levels, bool) {
                till.cart()->applyLevels(levels);
                till.holds().levelsChanged();
            });
    connect(&client, &sync::Client::resultsRecorded, this, [this] {
        m_services.till.holds().resultsRecorded();
        resendRefusedSales();
    });
}

void TillSync::refreshProblems()
{
    QList<SyncProblem> problems;
    const QList<sync::Rejection>& rejections = m_services.client.rejections();
    for (auto it = rejections.crbegin(); it != rejections.crend(); ++it) {
        if (SyncProblemsModel::listed(*it))
            problems.append(SyncProblemsModel::describe(*it));
    }
    for (const sync::Shortage& shortage : m_services.client.shortages()) {
        const auto product = m_services.catalog.bySku(shortage.sku);
        const QString name = product && product->has_value() ? (*product)->name : QString();
        problems.append(SyncProblemsModel::describe(shortage, name, m_terminal));
    }
    m_services.status.problems()->setProblems(problems);
}

void TillSync::resendRefusedSales()
{
    const Result<QStringList> refused = m_services.journal.refusedForStock();
    if (!refused) {
        qCWarning(lcQml).noquote() << "refused sales not read:" << refused.error().toString();
        return;
    }
    for (const QString& receipt : *refused) {
        const Result<qint64> seq = m_services.journal.resendOffline(receipt);
        if (!seq) {
            m_services.notices.report(tr("Sale %1 could not be queued again for the server: %2. It "
                                         "is kept on this till; call IT.")
                                          .arg(receipt, seq.error().toString()));
            continue;
        }
        qCInfo(lcQml) << "sale" << receipt << "refused for stock; sent again as offline, seq"
                      << *seq;
    }
}

} // namespace stockline::qml
