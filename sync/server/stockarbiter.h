#pragma once

#include "clock.h"
#include "servermetrics.h"
#include "serverstore.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace stockline::sync {

// What a connection needs once its hello is accepted: who it is and how to catch up.
struct SessionStart
{
    TerminalInfo terminal;
    qint64 cursor = 0;
    Levels levels;
    CatalogUpdate catalog;
    QList<Shortage> shortages;
    QList<StaffMember> staff;   // empty for roles that do not sign staff in
    QList<Delivery> deliveries; // open ones; empty for roles that do not receive
    StoreSettings store = {};
};

// Owns the storage thread, the only thread that touches the ArbiterStore while serving.
// Work arrives from the socket thread through submit…() (thread-safe, never blocks on
// storage); everything waiting when the thread is free is applied in one transaction
// (group commit). Outcomes go back as signals, emitted on the thread the arbiter lives in,
// and only after the commit.
//
// A simulation (stockline-sim) runs the same loop without the thread: startInline() opens the
// store on the calling thread and step() runs one round of the loop there, when it chooses.
class StockArbiter : public QObject
{
    Q_OBJECT

public:
    // How the storage thread is doing, for /readyz and the systemd watchdog (any thread).
    struct Health
    {
        bool started = false;
        bool databaseAnswers = false; // the last read of the database succeeded
        qint64 sinceLoopMs = 0;       // since the storage loop last came round
        qint64 sinceCheckMs = 0;      // since the database was last read
        QString problem;              // why the last read failed

        // Beyond these the thread counts as stuck, and the database as unheard of: the loop
        // comes round at least once a second when well, and reads the database as often.
        static constexpr qint64 stuckAfterMs = 10'000;
        static constexpr qint64 uncheckedAfterMs = 5'000;
        [[nodiscard]] bool threadAnswers() const { return started && sinceLoopMs < stuckAfterMs; }
        // Ready to serve: the store opened (migrations done), the thread answers, the database
        // answered lately. Otherwise what is wrong, a line each; else a line per check.
        [[nodiscard]] bool ready() const;
        [[nodiscard]] QString report() const;
    };

    // Opens the server's store; called on the thread that will use it.
    using StoreOpener = std::function<Result<std::unique_ptr<ArbiterStore>>()>;

    StockArbiter(QString storeUrl, const Clock& clock, QObject* parent = nullptr);
    StockArbiter(StoreOpener openStore, const Clock& clock, QObject* parent = nullptr);
    ~StockArbiter() override;

    // Opens the store on the storage thread; the error if it cannot be opened.
    [[nodiscard]] Status start();
    // Finishes everything already submitted, then stops the thread. Blocks until done.
    void stop();

    // Instead of start(): opens the store on the calling thread and starts no thread.
    [[nodiscard]] Status startInline();
    // After startInline() only: one round of the storage loop on the calling thread — every
    // job waiting, the expiry sweep, the revocation and other-writer checks. Its signals are
    // posted to the arbiter's thread as usual.
    void step();

    void submitPush(PushRequest push);
    void submitHello(quint64 connection, const QString& terminal, const QString& token,
                     qint64 cursor);
    // A device's `pair`: paired, or helloFailed (unauthorized, or unavailable).
    void submitPair(quint64 connection, const QString& code);
    // A connection fell behind: everything after `cursor`, delivered as catchUpReady.
    void submitCatchUp(quint64 connection, qint64 cursor);
    // A terminal's `history` request, answered as historyReady. `role` decides whether it may.
    void submitHistory(quint64 connection, Role role, HistoryRequest request);
    // A terminal's `receipt` and `day` requests, answered as receiptReady and dayReady.
    // `terminal` and `role` decide whether it may (sync/PROTOCOL.md, `receipt`, `day`).
    void submitReceipt(quint64 connection, const QString& terminal, Role role,
                       ReceiptRequest request);
    void submitDay(quint64 connection, Role role, DayRequest request);
    // Runs `read` on the storage thread with the store, in the order submitted (the HTTP API's
    // reads: tokens, levels). It answers its caller itself, e.g. with a queued invokeMethod.
    void submitRead(std::function<void(ArbiterStore& store)> read);
    // A manager's `report` request, answered as answerReady with an `answer` frame.
    void submitReport(quint64 connection, ReportRequest request);
    // stockarbiterbackoffice.cpp: a back-office request of an elevated session (`by` is its
    // manager), answered as backOfficeAnswered; the staff member an `elevate` names, delivered
    // as staffLookedUp (the PIN is checked by the caller, off this thread).
    void submitBackOffice(quint64 connection, BackOfficeRequest request, const QString& by);
    void submitStaffLookup(quint64 connection, const QString& request, const QString& name);
    // Terminals with live connections, checked now and then for revocation.
    void watchTerminals(const QStringList& terminals);
    // Any thread: a writer committed `cursor` (FeedListener::unknownCursor: something, maybe):
    // the storage thread reads the change feed now if it has not published that far.
    void hintFeed(qint64 cursor);

    [[nodiscard]] Health health() const;
    // What the storage thread counts; the socket side adds its own.
    [[nodiscard]] ServerMetrics& metrics() { return m_metrics; }

Q_SIGNALS:
    void pushesDone(const QList<stockline::sync::PushOutcome>& outcomes);
    void committed(const stockline::sync::CommitEffects& effects);
    void shortagesChanged(const QList<stockline::sync::Shortage>& shortages);
    void helloDone(quint64 connection, const stockline::sync::SessionStart& start);
    // The hello or the pair was refused: send `error` and close.
    void helloFailed(quint64 connection, const stockline::sync::ProtocolError& error);
    void catchUpFailed(quint64 connection);
    void paired(quint64 connection, const stockline::sync::Paired& paired);
    void catchUpReady(quint64 connection, const stockline::sync::Levels& levels,
                      const stockline::sync::CatalogUpdate& catalog);
    void terminalsRevoked(const QStringList& terminals);
    void staffChanged(const QList<stockline::StaffMember>& staff);
    // The open deliveries, after an import or a receive against one.
    void deliveriesChanged(const QList<stockline::Delivery>& deliveries);
    void historyReady(quint64 connection, const stockline::sync::HistoryReply& history);
    void receiptReady(quint64 connection, const stockline::sync::ReceiptReply& reply);
    void dayReady(quint64 connection, const stockline::sync::DayReply& reply);
    // A back-office `answer` frame for the connection.
    void answerReady(quint64 connection, const QByteArray& frame);
    // `answer` as BackOfficeOutcome::answer; `type` the request's.
    void backOfficeAnswered(quint64 connection, const QString& request, const QString& type,
                            const QJsonObject& answer);
    // `found`: the active staff member of that name; `failed`: storage could not say.
    void staffLookedUp(quint64 connection, const QString& request,
                       const std::optional<stockline::StaffMember>& found, bool failed);

private:
    struct HelloJob
    {
        quint64 connection;
        QString terminal;
        QString token;
        qint64 cursor;
    };
    struct CatchUpJob
    {
        quint64 connection;
        qint64 cursor;
    };
    struct PairJob
    {
        quint64 connection;
        QString code;
    };
    struct HistoryJob
    {
        quint64 connection;
        Role role;
        HistoryRequest request;
    };
    struct ReceiptJob
    {
        quint64 connection;
        QString terminal;
        Role role;
        ReceiptRequest request;
    };
    struct DayJob
    {
        quint64 connection;
        Role role;
        DayRequest request;
    };
    struct ReadJob
    {
        std::function<void(ArbiterStore& store)> read;
    };
    struct ReportJob
    {
        quint64 connection;
        ReportRequest request;
    };
    struct BackOfficeJob
    {
        quint64 connection;
        BackOfficeRequest request;
        QString by;
    };
    struct StaffLookupJob
    {
        quint64 connection;
        QString request;
        QString name;
    };
    using Job = std::variant<PushRequest, HelloJob, CatchUpJob, PairJob, HistoryJob, ReceiptJob,
                             DayJob, ReadJob, ReportJob, BackOfficeJob, StaffLookupJob>;

    void enqueue(Job job);
    void run(std::unique_ptr<ArbiterStore> store);
    // One round of the loop: what fits in one transaction, then the expiry sweep.
    void round(ArbiterStore& store, std::deque<Job>& jobs);
    void process(ArbiterStore& store, std::deque<Job>& jobs);
    void applyPushes(ArbiterStore& store, const QList<PushRequest>& pushes);
    void answerHello(ArbiterStore& store, const HelloJob& job);
    void answerCatchUp(ArbiterStore& store, const CatchUpJob& job);
    void answerPair(ArbiterStore& store, const PairJob& job);
    void answerHistory(ArbiterStore& store, const HistoryJob& job);
    // stockarbiterreports.cpp: the replies, posted by process().
    [[nodiscard]] static ReceiptReply receiptReply(ArbiterStore& store, const ReceiptJob& job);
    [[nodiscard]] DayReply dayReply(ArbiterStore& store, const DayJob& job) const;
    [[nodiscard]] QByteArray reportAnswer(ArbiterStore& store, const ReportJob& job) const;
    void sweepExpired(ArbiterStore& store);
    // stockarbiterbackoffice.cpp
    void answerBackOffice(ArbiterStore& store, const BackOfficeJob& job);
    void lookUpStaff(ArbiterStore& store, const StaffLookupJob& job);
    // Applies the scheduled price changes that are due (the price timer), and publishes them.
    void sweepPrices(ArbiterStore& store);
    void checkRevocations(ArbiterStore& store);
    // Another process (an admin command, another server node) may have committed: publish the
    // levels and products it changed. Cheap: one read of the cursor when nothing changed.
    void followOtherWriters(ArbiterStore& store);
    // After a failure: opens a lost database connection again (at most once a second); true
    // if it did, so what failed may be run again.
    [[nodiscard]] bool reconnected(ArbiterStore& store);
    // After another process committed: publish the lists only admin commands and other nodes
    // change (staff, shortages, deliveries).
    void checkOtherWriters(ArbiterStore& store);
    void publish(ArbiterStore& store, CommitEffects effects);
    void publishDeliveries(ArbiterStore& store);
    void publishStaff(ArbiterStore& store);
    // Widens `effects` to everything changed after the last published cursor.
    [[nodiscard]] bool catchUpPublished(ArbiterStore& store, CommitEffects& effects);
    // Runs f on the arbiter's own thread (where its signals are emitted).
    template <typename F> void post(F&& f)
    {
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
    }
    // stockarbiterhealth.cpp: the storage thread notes how the database answered, and samples
    // the gauges that only the database knows.
    void noteLoop();
    void noteDatabase(const Status& answer);
    void sampleOpenCounts(ArbiterStore& store);

    StoreOpener m_openStore;
    const Clock& m_clock;
    std::thread m_thread;
    std::unique_ptr<ArbiterStore> m_inlineStore; // startInline() only
    // Storage thread only: the cursor of the last levels/catalog broadcast. A client that
    // applies a broadcast holds its cursor, so no change at or below it may be left unsent.
    qint64 m_publishedCursor = 0;
    // Storage thread only: another writer committed since checkOtherWriters() last ran.
    bool m_othersCommitted = false;
    // Storage thread only: when reconnected() last tried.
    std::optional<std::chrono::steady_clock::time_point> m_lastReconnect;

    ServerMetrics m_metrics;
    // Written by the storage thread, read by anyone: steady-clock milliseconds.
    std::atomic<qint64> m_loopAtMs{0};
    std::atomic<qint64> m_checkedAtMs{0};
    std::atomic<bool> m_databaseAnswers{false};

    // Guards everything below; the storage thread waits on m_wake.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    QStringList m_watched;
    bool m_stopping = false;
    qint64 m_hintedCursor = 0; // the highest cursor hinted since the storage thread last looked
    QString m_databaseProblem; // the last failed read's error
};

} // namespace stockline::sync
