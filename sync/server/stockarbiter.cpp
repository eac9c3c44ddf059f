#include "stockarbiter.h"

#include "feedlistener.h"
#include "serverlogging.h"

#include <QMetaObject>
#include <chrono>
#include <future>

namespace stockline::sync {

namespace {

using SteadyClock = std::chrono::steady_clock;

// Bounds one transaction, so a flood of pushes cannot hold the writer for long; the rest
// waits for the next round.
constexpr qsizetype maxEntriesPerTransaction = 20'000;
// How often the cursor is read to see whether another writer (an admin command, another server
// node on the same PostgreSQL) committed: the latency of fan-out across nodes where the
// database cannot say so (SQLite), and the backstop where it can (PostgreSQL's NOTIFY is lost
// while the listener reconnects). It also notices a lost database connection when idle.
constexpr auto feedPollInterval = std::chrono::milliseconds(100);
constexpr auto notifiedFeedPollInterval = std::chrono::seconds(1);
// At most one attempt a second to open a lost database connection again.
constexpr auto reconnectInterval = std::chrono::seconds(1);
// A revoked terminal's connections close within a second (SECURITY.md). One read of the
// revoked ids, so the check costs the same with ten connected terminals or ten thousand.
constexpr auto revocationCheckInterval = std::chrono::milliseconds(500);
// Open holds and shortages for /metrics: two counts, fresh enough for any scrape interval.
constexpr auto countsSampleInterval = std::chrono::seconds(2);

} // namespace

StockArbiter::StockArbiter(QString storeUrl, const Clock& clock, QObject* parent)
    : StockArbiter([url = std::move(storeUrl)] { return ArbiterStore::open(url); }, clock, parent)
{
}

StockArbiter::StockArbiter(StoreOpener openStore, const Clock& clock, QObject* parent)
    : QObject(parent), m_openStore(std::move(openStore)), m_clock(clock)
{
}

StockArbiter::~StockArbiter()
{
    stop();
}

Status StockArbiter::start()
{
    std::promise<Status> opened;
    std::future<Status> result = opened.get_future();
    m_thread = std::thread([this, &opened] {
        Result<std::unique_ptr<ArbiterStore>> store = m_openStore();
        if (!store) {
            opened.set_value(store.error());
            return;
        }
        opened.set_value(success());
        run(std::move(store).value());
    });
    Status status = result.get();
    if (!status)
        m_thread.join();
    return status;
}

Status StockArbiter::startInline()
{
    Result<std::unique_ptr<ArbiterStore>> store = m_openStore();
    if (!store)
        return store.error();
    m_inlineStore = std::move(store).value();
    if (const Result<qint64> cursor = m_inlineStore->currentCursor())
        m_publishedCursor = cursor.value();
    return success();
}

void StockArbiter::step()
{
    Q_ASSERT(m_inlineStore);
    std::deque<Job> jobs;
    {
        std::lock_guard lock(m_mutex);
        jobs.swap(m_jobs);
    }
    round(*m_inlineStore, jobs);
    followOtherWriters(*m_inlineStore);
    checkRevocations(*m_inlineStore);
    checkOtherWriters(*m_inlineStore);
}

void StockArbiter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void StockArbiter::enqueue(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void StockArbiter::submitPush(PushRequest push)
{
    enqueue(std::move(push));
}

void StockArbiter::submitHello(quint64 connection, const QString& terminal, const QString& token,
                               qint64 cursor)
{
    enqueue(HelloJob{connection, terminal, token, cursor});
}

void StockArbiter::submitPair(quint64 connection, const QString& code)
{
    enqueue(PairJob{connection, code});
}

void StockArbiter::submitCatchUp(quint64 connection, qint64 cursor)
{
    enqueue(CatchUpJob{connection, cursor});
}

void StockArbiter::submitHistory(quint64 connection, Role role, HistoryRequest request)
{
    enqueue(HistoryJob{connection, role, std::move(request)});
}

void StockArbiter::submitReceipt(quint64 connection, const QString& terminal, Role role,
                                 ReceiptRequest request)
{
    enqueue(ReceiptJob{connection, terminal, role, std::move(request)});
}

void StockArbiter::submitDay(quint64 connection, Role role, DayRequest request)
{
    enqueue(DayJob{connection, role, std::move(request)});
}

void StockArbiter::submitRead(std::function<void(ArbiterStore& store)> read)
{
    enqueue(ReadJob{std::move(read)});
}

void StockArbiter::submitReport(quint64 connection, ReportRequest request)
{
    enqueue(ReportJob{connection, std::move(request)});
}

void StockArbiter::watchTerminals(const QStringList& terminals)
{
    std::lock_guard lock(m_mutex);
    m_watched = terminals;
}

void StockArbiter::hintFeed(qint64 cursor)
{
    {
        std::lock_guard lock(m_mutex);
        m_hintedCursor = std::max(m_hintedCursor, cursor);
    }
    m_wake.notify_one();
}

void StockArbiter::run(std::unique_ptr<ArbiterStore> store)
{
    if (const Result<qint64> cursor = store->currentCursor())
        m_publishedCursor = cursor.value();
    const std::unique_ptr<FeedListener> listener =
        store->listenForOtherWriters([this](qint64 cursor) { hintFeed(cursor); });
    const auto pollInterval = listener ? std::chrono::milliseconds(notifiedFeedPollInterval)
                                       : std::chrono::milliseconds(feedPollInterval);
    auto lastRevocationCheck = SteadyClock::now();
    auto lastCountsSample = SteadyClock::now();
    auto lastFeedPoll = SteadyClock::now();
    noteDatabase(success()); // it was just opened
    sampleOpenCounts(*store);
    for (;;) {
        noteLoop();
        std::deque<Job> jobs;
        bool hinted = false;
        {
            std::unique_lock lock(m_mutex);
            const auto feedAhead = [this] { return m_hintedCursor > m_publishedCursor; };
            m_wake.wait_for(lock, pollInterval, [this, &feedAhead] {
                return !m_jobs.empty() || m_stopping || feedAhead();
            });
            if (m_jobs.empty() && m_stopping)
                break;
            jobs.swap(m_jobs);
            hinted = feedAhead();
            m_hintedCursor = 0;
        }
        round(*store, jobs);
        if (hinted || SteadyClock::now() - lastFeedPoll >= pollInterval) {
            followOtherWriters(*store);
            lastFeedPoll = SteadyClock::now();
        }
        if (SteadyClock::now() - lastRevocationCheck >= revocationCheckInterval) {
            checkRevocations(*store);
            checkOtherWriters(*store);
            lastRevocationCheck = SteadyClock::now();
        }
        if (SteadyClock::now() - lastCountsSample >= countsSampleInterval) {
            sampleOpenCounts(*store);
            lastCountsSample = SteadyClock::now();
        }
    }
}

void StockArbiter::round(ArbiterStore& store, std::deque<Job>& jobs)
{
    process(store, jobs);
    if (!jobs.empty()) {
        std::lock_guard lock(m_mutex);
        m_jobs.insert(m_jobs.begin(), std::make_move_iterator(jobs.begin()),
                      std::make_move_iterator(jobs.end()));
    }
    sweepExpired(store);
    sweepPrices(store);
}

// Takes what fits in one transaction off the front of `jobs`; what is left goes back.
void StockArbiter::process(ArbiterStore& store, std::deque<Job>& jobs)
{
    QList<PushRequest> pushes;
    qsizetype entries = 0;
    while (!jobs.empty()) {
        Job& job = jobs.front();
        if (auto* push = std::get_if<PushRequest>(&job)) {
            if (!pushes.isEmpty() && entries + push->entries.size() > maxEntriesPerTransaction)
                break;
            entries += push->entries.size();
            pushes.append(std::move(*push));
        } else if (auto* hello = std::get_if<HelloJob>(&job)) {
            answerHello(store, *hello);
        } else if (auto* pair = std::get_if<PairJob>(&job)) {
            answerPair(store, *pair);
        } else if (auto* history = std::get_if<HistoryJob>(&job)) {
            answerHistory(store, *history);
        } else if (auto* receipt = std::get_if<ReceiptJob>(&job)) {
            post([this, c = receipt->connection, reply = receiptReply(store, *receipt)] {
                Q_EMIT receiptReady(c, reply);
            });
        } else if (auto* read = std::get_if<ReadJob>(&job)) {
            read->read(store);
        } else if (auto* report = std::get_if<ReportJob>(&job)) {
            post([this, c = report->connection, frame = reportAnswer(store, *report)] {
                Q_EMIT answerReady(c, frame);
            });
        } else if (auto* day = std::get_if<DayJob>(&job)) {
            post([this, c = day->connection, reply = dayReply(store, *day)] {
                Q_EMIT dayReady(c, reply);
            });
        } else if (auto* backOffice = std::get_if<BackOfficeJob>(&job)) {
            answerBackOffice(store, *backOffice);
        } else if (auto* lookup = std::get_if<StaffLookupJob>(&job)) {
            lookUpStaff(store, *lookup);
        } else {
            answerCatchUp(store, std::get<CatchUpJob>(job));
        }
        jobs.pop_front();
    }
    if (!pushes.isEmpty())
        applyPushes(store, pushes);
}

void StockArbiter::applyPushes(ArbiterStore& store, const QList<PushRequest>& pushes)
{
    auto started = SteadyClock::now();
    Result<BatchOutcome> outcome = store.applyBatch(pushes, m_clock.now());
    if (!outcome && reconnected(store)) {
        started = SteadyClock::now();
        outcome = store.applyBatch(pushes, m_clock.now());
    }
    if (!outcome) {
        noteDatabase(outcome.error());
        qCWarning(lcServer) << "batch of" << pushes.size()
                            << "pushes not committed:" << outcome.error().toString();
        // Nothing was applied: each push is answered `unavailable`, naming its first seq so
        // a client with several pushes in flight knows which to send again.
        QList<PushOutcome> failed;
        for (const PushRequest& push : pushes) {
            PushOutcome o;
            o.connection = push.connection;
            o.fromApi = push.api != nullptr;
            o.error = ProtocolError{
                QStringLiteral("unavailable"),
                QStringLiteral("not applied, send again later: %1").arg(outcome.error().toString()),
                {},
                {},
                push.entries.isEmpty() ? std::nullopt : std::optional(push.entries.first().seq)};
            failed.append(o);
        }
        post([this, failed] { Q_EMIT pushesDone(failed); });
        return;
    }
    m_metrics.batchCommitted(pushes, outcome->pushes,
                             std::chrono::duration<double>(SteadyClock::now() - started).count());
    post([this, outcomes = outcome->pushes] { Q_EMIT pushesDone(outcomes); });
    publish(store, outcome->effects);
}

void StockArbiter::publish(ArbiterStore& store, CommitEffects effects)
{
    // Another writer committed since the last broadcast: this commit's deltas alone would give
    // clients a cursor past changes they never got.
    if (effects.since != m_publishedCursor && !catchUpPublished(store, effects))
        return;
    m_publishedCursor = std::max(m_publishedCursor, effects.cursor);
    // The broadcast writes to every socket as the signal is emitted: the time it took from
    // here is the time from commit to the last terminal's push.
    if (!effects.levels.isEmpty() || !effects.products.isEmpty())
        post([this, effects, at = SteadyClock::now()] {
            Q_EMIT committed(effects);
            m_metrics.broadcastDone(std::chrono::duration<double>(SteadyClock::now() - at).count());
        });
    if (effects.deliveriesChanged)
        publishDeliveries(store);
    if (!effects.shortagesChanged)
        return;
    Result<QList<Shortage>> shortages = store.openShortages();
    if (shortages)
        post([this, list = shortages.value()] { Q_EMIT shortagesChanged(list); });
}

void StockArbiter::publishDeliveries(ArbiterStore& store)
{
    if (Result<QList<Delivery>> open = store.deliveries(); open)
        post([this, list = open.value()] { Q_EMIT deliveriesChanged(list); });
}

void StockArbiter::publishStaff(ArbiterStore& store)
{
    if (const Result<QList<StaffMember>> staff = store.staff(); staff)
        post([this, list = staff.value()] { Q_EMIT staffChanged(list); });
}

bool StockArbiter::catchUpPublished(ArbiterStore& store, CommitEffects& effects)
{
    Result<Levels> levels = store.levelsSince(m_publishedCursor);
    Result<CatalogUpdate> catalog = store.catalogSince(m_publishedCursor);
    if (!levels || !catalog) {
        // Nothing is published, so the next publish tries again from the same cursor.
        qCWarning(lcServer) << "cannot read what changed after cursor" << m_publishedCursor
                            << (levels ? catalog.error() : levels.error()).toString();
        return false;
    }
    effects.since = m_publishedCursor;
    effects.cursor = std::max({effects.cursor, levels->cursor, catalog->cursor});
    m_othersCommitted = true;
    effects.levels = std::move(levels).value().levels;
    effects.products = std::move(catalog).value().products;
    return true;
}

bool StockArbiter::reconnected(ArbiterStore& store)
{
    const auto now = SteadyClock::now();
    if (m_lastReconnect && now - *m_lastReconnect < reconnectInterval)
        return false;
    m_lastReconnect = now;
    const Result<bool> again = store.reconnectIfLost();
    if (!again)
        qCWarning(lcServer).noquote() << again.error().toString();
    return again && again.value();
}

void StockArbiter::followOtherWriters(ArbiterStore& store)
{
    Result<qint64> cursor = store.currentCursor();
    if (!cursor && reconnected(store))
        cursor = store.currentCursor();
    noteDatabase(cursor ? success() : Status(cursor.error()));
    if (!cursor || cursor.value() == m_publishedCursor)
        return;
    CommitEffects effects;
    effects.since = effects.cursor = cursor.value();
    publish(store, effects);
}

void StockArbiter::checkOtherWriters(ArbiterStore& store)
{
    if (!m_othersCommitted)
        return;
    m_othersCommitted = false;
    // Staff changes only through admin commands, and a shortage resolution (admin command or
    // `resolve`) always moves the cursor, so only here; both lists are small.
    publishStaff(store);
    if (const Result<QList<Shortage>> shortages = store.openShortages(); shortages)
        post([this, list = shortages.value()] { Q_EMIT shortagesChanged(list); });
    // Deliveries are imported by an admin command too.
    publishDeliveries(store);
}

void StockArbiter::answerHello(ArbiterStore& store, const HelloJob& job)
{
    const auto refuse = [this, &job](const QString& code, const QString& message) {
        const ProtocolError error{code, message, {}, {}, {}};
        post([this, connection = job.connection, error] { Q_EMIT helloFailed(connection, error); });
    };
    // Storage failing is no answer about the terminal: unavailable, and the client comes back;
    // unauthorized would stop it until a person enrols it again.
    const auto busy = [&refuse] {
        refuse(QStringLiteral("unavailable"),
               QStringLiteral("the server's storage is busy; try again"));
    };
    Result<std::optional<TerminalInfo>> authenticated = store.authenticate(job.terminal, job.token);
    if (!authenticated && reconnected(store))
        authenticated = store.authenticate(job.terminal, job.token);
    if (!authenticated)
        return busy();
    if (!authenticated.value())
        return refuse(QStringLiteral("unauthorized"),
                      QStringLiteral("unknown terminal or wrong token"));
    const TerminalInfo& terminal = *authenticated.value();
    // Only a hint for the day report: a failure to note it is no reason to refuse the hello.
    if (const Status seen = store.terminalSeen(terminal.id, m_clock.now()); !seen)
        qCWarning(lcServer).noquote()
            << "last seen of" << terminal.id << "not noted:" << seen.error().toString();
    Result<Levels> levels = store.levelsSince(job.cursor);
    Result<CatalogUpdate> catalog = store.catalogSince(job.cursor);
    Result<QList<Shortage>> shortages = store.openShortages();
    Result<QList<StaffMember>> staff = roleSignsStaffIn(roleName(terminal.role))
                                           ? store.staff()
                                           : Result<QList<StaffMember>>(QList<StaffMember>());
    Result<QList<Delivery>> deliveries = roleMay(terminal.role, MutationKind::Receive)
                                             ? store.deliveries()
                                             : Result<QList<Delivery>>(QList<Delivery>());
    Result<StoreSettings> settings = store.storeSettings();
    if (!levels || !catalog || !shortages || !staff || !deliveries || !settings)
        return busy();
    SessionStart start{terminal,
                       std::max(levels->cursor, catalog->cursor),
                       std::move(levels).value(),
                       std::move(catalog).value(),
                       std::move(shortages).value(),
                       std::move(staff).value(),
                       std::move(deliveries).value(),
                       std::move(settings).value()};
    post([this, connection = job.connection, start] { Q_EMIT helloDone(connection, start); });
}

void StockArbiter::answerPair(ArbiterStore& store, const PairJob& job)
{
    // The server's clock decides whether the code is still live.
    const Result<std::optional<Paired>> redeemed = store.redeemPairingCode(job.code, m_clock.now());
    if (redeemed && redeemed.value()) {
        post([this, connection = job.connection, p = *redeemed.value()] {
            Q_EMIT paired(connection, p);
        });
        return;
    }
    const ProtocolError error =
        redeemed ? ProtocolError{QStringLiteral("unauthorized"),
                                 QStringLiteral("wrong, expired or used pairing code"),
                                 {},
                                 {},
                                 {}}
                 : ProtocolError{QStringLiteral("unavailable"),
                                 QStringLiteral("the server's storage is busy; try again"),
                                 {},
                                 {},
                                 {}};
    post([this, connection = job.connection, error] { Q_EMIT helloFailed(connection, error); });
}

// The ledger is the store's own business: a web shop (channel) sells through the protocol but
// does not read the store's stock movements.
void StockArbiter::answerHistory(ArbiterStore& store, const HistoryJob& job)
{
    const auto refused = [&job](QLatin1StringView code, const QString& message) {
        return HistoryReply{job.request.request,
                            job.request.sku,
                            job.request.location,
                            QString(code),
                            message,
                            {},
                            false};
    };
    HistoryReply reply;
    if (job.role == Role::Channel) {
        reply = refused(rejectCode::forbidden,
                        QStringLiteral("a channel terminal may not read the stock history"));
    } else if (Result<HistoryReply> read = store.history(job.request); read) {
        reply = std::move(read).value();
    } else {
        qCWarning(lcServer) << "history of" << job.request.sku
                            << "not read:" << read.error().toString();
        reply = refused(errorCode::unavailable,
                        QStringLiteral("the server's storage is busy; try again"));
    }
    post([this, connection = job.connection, reply] { Q_EMIT historyReady(connection, reply); });
}

void StockArbiter::answerCatchUp(ArbiterStore& store, const CatchUpJob& job)
{
    Result<Levels> levels = store.levelsSince(job.cursor);
    Result<CatalogUpdate> catalog = store.catalogSince(job.cursor);
    if (!levels || !catalog) {
        qCWarning(lcServer) << "catch-up for connection" << job.connection
                            << "failed:" << (levels ? catalog.error() : levels.error()).toString();
        post([this, connection = job.connection] { Q_EMIT catchUpFailed(connection); });
        return;
    }
    post([this, connection = job.connection, l = std::move(levels).value(),
          c = std::move(catalog).value()] { Q_EMIT catchUpReady(connection, l, c); });
}

void StockArbiter::sweepExpired(ArbiterStore& store)
{
    const QDateTime now = m_clock.now();
    Result<std::optional<QDateTime>> next = store.nextExpiry();
    if (!next || !next.value() || *next.value() > now)
        return;
    Result<CommitEffects> effects = store.expireReservations(now);
    if (!effects) {
        qCWarning(lcServer) << "expiry sweep failed:" << effects.error().toString();
        return;
    }
    publish(store, effects.value());
}

void StockArbiter::checkRevocations(ArbiterStore& store)
{
    QStringList watched;
    {
        std::lock_guard lock(m_mutex);
        watched = m_watched;
    }
    const Result<QStringList> all = store.revokedTerminals();
    if (!all || all->isEmpty())
        return;
    const QSet<QString> connected(watched.cbegin(), watched.cend());
    QStringList revoked;
    for (const QString& id : std::as_const(*all)) {
        if (connected.contains(id))
            revoked.append(id);
    }
    if (!revoked.isEmpty())
        post([this, revoked] { Q_EMIT terminalsRevoked(revoked); });
}

} // namespace stockline::sync
