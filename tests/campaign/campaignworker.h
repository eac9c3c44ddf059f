#pragma once

#include "client.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "returnjournal.h"
#include "salejournal.h"
#include "transport.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <memory>
#include <optional>
#include <random>

namespace campaign {

// One terminal a worker hosts, as the campaign enrolled it.
struct TerminalSpec
{
    QString id;
    QString token;
    QString role; // pos, receiving, manager
    QString url;
    QString path; // its store file
};

// The terminal's wall clock, which the campaign makes jump (a clerk or NTP setting it wrong);
// the monotonic clock never jumps.
class JumpingClock final : public stockline::sync::ClientClock
{
public:
    [[nodiscard]] qint64 monotonicMs() const override { return m_system.monotonicMs(); }
    [[nodiscard]] QDateTime now() const override { return m_system.now().addMSecs(m_skewMs); }
    [[nodiscard]] quint32 random(quint32 highest) override { return m_system.random(highest); }
    void jump(qint64 ms) { m_skewMs += ms; }
    [[nodiscard]] qint64 skewMs() const { return m_skewMs; }

private:
    stockline::sync::SystemClientClock m_system;
    qint64 m_skewMs = 0;
};

// A process hosting many headless terminals: each one a real terminal store (LocalStore, its
// sale and return journals, the outbox) and a real sync::Client over a real WebSocket. It
// works like clerks and dock staff would, and says on stdout what it did and what each
// mutation's answer was, so the campaign can check them against the server from outside. The
// campaign kills it with SIGKILL at random points. Commands on stdin: `drain` (stop working,
// say `drained` once every outbox is answered), `expect FILE` (say `converged` once every
// replica equals the levels in FILE), `jump MS` (every terminal's wall clock jumps), `quit`.
class Worker : public QObject
{
    Q_OBJECT

public:
    Worker(QList<TerminalSpec> terminals, quint64 seed, QTextStream& out);
    ~Worker() override;
    [[nodiscard]] bool start();

private:
    struct Till
    {
        TerminalSpec spec;
        std::unique_ptr<stockline::LocalStore> store;
        std::unique_ptr<stockline::Outbox> outbox;
        std::optional<stockline::ReceiptNumbers> numbers;
        std::unique_ptr<stockline::SaleJournal> sales;
        std::unique_ptr<stockline::ReturnJournal> returns;
        std::unique_ptr<stockline::sync::Client> client;
        QList<std::pair<QString, QString>> holds; // open reservations it made: id, SKU
        QStringList receipts;                     // its sales
        qint64 reported = 0;                      // answers said up to this seq
        qint64 made = 0;
        bool halted = false;
        qint64 lastAnswerMs = 0; // monotonic
    };

    [[nodiscard]] bool open(Till& till);
    void onCommand();
    void act();
    void actOne(Till& till);
    void sell(Till& till);
    void refund(Till& till);
    void dockWork(Till& till);
    void append(Till& till, stockline::Mutation m);
    void reportAnswers(Till& till, const char* word);
    void resendRefused(Till& till);
    void checkDrained();
    void checkConverged();
    [[nodiscard]] quint64 below(quint64 n) { return n == 0 ? 0 : m_rng() % n; }
    [[nodiscard]] bool chance(int percent) { return below(100) < static_cast<quint64>(percent); }

    QList<TerminalSpec> m_specs;
    std::vector<std::unique_ptr<Till>> m_tills;
    std::mt19937_64 m_rng;
    QTextStream& m_out;
    JumpingClock m_clock;
    QSocketNotifier m_stdin;
    QTimer m_work;
    QTimer m_poll;
    QString m_expectFile;
    qint64 m_sinceMs = 0;
    bool m_draining = false;
    QByteArray m_pendingInput;
};

} // namespace campaign
