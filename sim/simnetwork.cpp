#include "world.h"

namespace stockline::sim {

// ---- clocks and transport

QDateTime SimServerClock::now() const
{
    return m_world.serverNow();
}

qint64 SimClientClock::monotonicMs() const
{
    return m_world.now();
}

QDateTime SimClientClock::now() const
{
    return m_world.terminalNow();
}

quint32 SimClientClock::random(quint32 highest)
{
    return static_cast<quint32>(m_world.random(quint64{highest} + 1));
}

void SimTransport::open(const QUrl&)
{
    m_world.clientOpen(m_terminal);
}

void SimTransport::close()
{
    m_world.clientClose(m_terminal);
}

void SimTransport::send(const QByteArray& message)
{
    m_world.clientSend(m_terminal, message);
}

bool SimTransport::isOpen() const
{
    return m_world.transportOpen(m_terminal);
}

// ---- the network

Conn* World::liveConn(quint64 id)
{
    const auto it = m_conns.find(id);
    if (it == m_conns.end() || !it->second.alive)
        return nullptr;
    return &it->second;
}

bool World::transportOpen(int t) const
{
    const auto it = m_conns.find(m_terminals[t].conn);
    return it != m_conns.end() && it->second.alive && it->second.open;
}

void World::clientOpen(int t)
{
    Terminal& term = m_terminals[t];
    const quint64 id = m_nextConn++;
    m_conns[id] = Conn{id, t, term.generation};
    term.conn = id;
    const bool reachable = m_serverUp && term.partitionedUntil <= m_now;
    trace(QStringLiteral("%1 connects #%2%3")
              .arg(term.id)
              .arg(id)
              .arg(reachable ? QString() : QStringLiteral(" (unreachable)")));
    network(netDelay(), [this, id] {
        Conn* c = liveConn(id);
        if (!c)
            return;
        Terminal& to = m_terminals[c->terminal];
        if (to.generation != c->terminalGeneration || to.conn != id)
            return;
        if (!m_serverUp || to.partitionedUntil > m_now) {
            c->alive = false;
            trace(QStringLiteral("#%1 refused").arg(id));
            Q_EMIT to.client->transport()->closed(0, QStringLiteral("no route to the server"));
            return;
        }
        c->open = true;
        m_sessions[id] = Session{};
        trace(QStringLiteral("#%1 open").arg(id));
        Q_EMIT to.client->transport()->opened();
    });
}

void World::clientClose(int t)
{
    Terminal& term = m_terminals[t];
    const quint64 id = term.conn;
    Conn* c = liveConn(id);
    if (!c) {
        // Nothing open: the close is reported at once, as a socket that never connected does.
        after(0, [this, t, generation = term.generation, id] {
            Terminal& again = m_terminals[t];
            if (again.alive && again.generation == generation && again.conn == id)
                Q_EMIT again.client->transport()->closed(1000, QString());
        });
        return;
    }
    trace(QStringLiteral("%1 closes #%2").arg(term.id).arg(id));
    cut(id, 1000, QString());
}

// The connection ends for both sides: the terminal hears `code` after a network delay, the
// server drops the session; whatever was on the way is lost.
void World::cut(quint64 id, int code, const QString& reason)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    c->alive = false;
    m_sessions.erase(id);
    const int t = c->terminal;
    const int generation = c->terminalGeneration;
    network(netDelay(), [this, t, generation, id, code, reason] {
        Terminal& term = m_terminals[t];
        if (!term.alive || term.generation != generation || term.conn != id)
            return;
        trace(QStringLiteral("%1 hears #%2 closed (%3)").arg(term.id).arg(id).arg(code));
        Q_EMIT term.client->transport()->closed(code, reason);
    });
}

void World::clientSend(int t, const QByteArray& message)
{
    Conn* c = liveConn(m_terminals[t].conn);
    if (!c || !c->open)
        return; // a socket that is not open drops what it is given
    const quint64 id = c->id;
    c->toServerAt = std::max(c->toServerAt, m_now + netDelay());
    ++m_inFlight;
    at(c->toServerAt, [this, id, message] {
        --m_inFlight;
        deliverToServer(id, message);
    });
    if (m_chaos && chance(m_duplicatePercent) && message.contains("\"type\":\"push\"")) {
        // A whole push sent again on the same connection.
        c->toServerAt += netDelay();
        ++m_inFlight;
        at(c->toServerAt, [this, id, message] {
            --m_inFlight;
            trace(QStringLiteral("#%1 push doubled").arg(id));
            deliverToServer(id, message);
        });
    }
}

void World::deliverToServer(quint64 id, const QByteArray& message)
{
    if (!liveConn(id) || !m_serverUp)
        return;
    onServerMessage(id, message);
}

void World::serverSend(quint64 id, const QByteArray& message)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    c->toClientAt = std::max(c->toClientAt, m_now + netDelay());
    ++m_inFlight;
    at(c->toClientAt, [this, id, message] {
        --m_inFlight;
        deliverToClient(id, message);
    });
}

void World::serverClose(quint64 id, int code, const QString& reason)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    m_sessions.erase(id);
    // After what was sent before it.
    c->toClientAt = std::max(c->toClientAt, m_now + netDelay());
    at(c->toClientAt, [this, id, code, reason] { cut(id, code, reason); });
}

void World::deliverToClient(quint64 id, const QByteArray& message)
{
    Conn* c = liveConn(id);
    if (!c)
        return;
    Terminal& term = m_terminals[c->terminal];
    if (!term.alive || term.generation != c->terminalGeneration || term.conn != id)
        return;
    // The trace names what arrived, without tokens, ids or file names.
    const QJsonObject o = QJsonDocument::fromJson(message).object();
    const QString type = o.value(QLatin1String("type")).toString();
    QString what = type;
    if (type == QLatin1String("results")) {
        QStringList parts;
        const Result<ServerMessage> decoded = decodeServerMessage(message);
        if (decoded)
            if (const auto* r = std::get_if<Results>(&decoded.value()))
                for (const MutationResult& m : r->results)
                    parts.append(QString::fromUtf8(m.toJsonBytes()));
        what += u' ' + parts.join(u' ');
    } else if (type == QLatin1String("levels") || type == QLatin1String("error") ||
               type == QLatin1String("welcome")) {
        QJsonObject shown = o;
        shown.remove(QLatin1String("terminal"));
        what = QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact));
    }
    trace(QStringLiteral("%1 <- #%2 %3").arg(term.id).arg(id).arg(what));
    Q_EMIT term.client->transport()->received(message);
}

// ---- the server's sessions

void World::onServerMessage(quint64 id, const QByteArray& message)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    Session& session = it->second;
    if (session.helloSent && !session.authenticated) {
        session.held.append(message); // answered once the welcome is out
        return;
    }
    auto decoded = decodeClientMessage(message);
    if (auto* error = std::get_if<ProtocolError>(&decoded)) {
        fail(QStringLiteral("the client speaks the protocol"),
             QStringLiteral("the server could not read a message: %1").arg(error->message));
        return;
    }
    ClientMessage& msg = std::get<ClientMessage>(decoded);
    if (const auto* hello = std::get_if<Hello>(&msg)) {
        session.helloSent = true;
        session.terminal = hello->terminal;
        m_connTerminal[id] = hello->terminal;
        trace(QStringLiteral("server <- #%1 hello %2 cursor %3")
                  .arg(id)
                  .arg(hello->terminal)
                  .arg(hello->cursor));
        m_arbiter->submitHello(id, hello->terminal, hello->token, hello->cursor);
        scheduleStep();
        return;
    }
    if (!std::holds_alternative<Push>(msg) || !session.authenticated) {
        fail(QStringLiteral("the client speaks the protocol"),
             QStringLiteral("a message other than hello or push, or a push before hello"));
        return;
    }
    Push& push = std::get<Push>(msg);
    QHash<qint64, QString>& sent = m_sentIds[id];
    QStringList seqs;
    for (const PushEntry& e : std::as_const(push.entries)) {
        sent.insert(e.seq, e.id);
        seqs.append(QStringLiteral("%1=%2").arg(e.seq).arg(e.id));
    }
    trace(QStringLiteral("server <- #%1 push %2").arg(id).arg(seqs.join(u' ')));
    m_arbiter->submitPush(PushRequest{id, session.terminal, std::move(push.entries), {}});
    scheduleStep();
}

void World::scheduleStep()
{
    if (m_stepScheduled)
        return;
    m_stepScheduled = true;
    // Group commit: what arrives while the storage thread is busy goes into the next batch.
    const int generation = m_serverGeneration;
    after(between(0, 5), [this, generation] { stepWhenFree(generation); });
}

void World::stepWhenFree(int generation)
{
    if (!m_serverUp || generation != m_serverGeneration)
        return;
    if (m_now < m_stalledUntil) {
        at(m_stalledUntil, [this, generation] { stepWhenFree(generation); });
        return;
    }
    serverStep();
}

void World::serverStep()
{
    m_stepScheduled = false;
    m_arbiter->step();
    if (m_chaos && chance(2)) {
        // Dead right after the commit, before the socket side heard of it: nothing is answered.
        trace(QStringLiteral("FAULT: the server dies right after a storage step"));
        killServer();
        return;
    }
    drain();
    checkLevels("after a storage step");
}

void World::idleStep(int generation)
{
    if (!m_serverUp || generation != m_serverGeneration)
        return;
    if (m_now < m_stalledUntil) {
        at(m_stalledUntil, [this, generation] { idleStep(generation); });
        return;
    }
    m_arbiter->step();
    drain();
    if (++m_idleSteps % 20 == 0)
        checkStore("after an idle storage step");
    else
        checkLevels("after an idle storage step");
    after(idleStepMs, [this, generation] { idleStep(generation); });
}

void World::connectArbiter()
{
    StockArbiter* a = m_arbiter.get();
    QObject::connect(a, &StockArbiter::helloDone, a, [this](quint64 id, const SessionStart& start) {
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return;
        Session& s = it->second;
        s.authenticated = true;
        s.role = start.terminal.role;
        trace(QStringLiteral("server welcomes #%1 %2 lastSeq %3 cursor %4")
                  .arg(id)
                  .arg(start.terminal.id)
                  .arg(start.terminal.lastSeq)
                  .arg(start.cursor));
        serverSend(id, encode(Welcome{start.terminal.id, roleName(start.terminal.role),
                                      start.terminal.lastSeq, start.cursor, serverNow(),
                                      start.terminal.lastReceipt, start.terminal.lastRefund,
                                      start.store}));
        serverSend(id, encode(start.levels));
        serverSend(id, encode(start.catalog));
        serverSend(id, encode(Shortages{start.shortages}));
        if (roleSignsStaffIn(roleName(s.role)))
            serverSend(id, encode(StaffList{start.staff}));
        const QList<QByteArray> held = std::exchange(s.held, {});
        for (const QByteArray& frame : held)
            onServerMessage(id, frame);
    });
    QObject::connect(
        a, &StockArbiter::helloFailed, a, [this](quint64 id, const ProtocolError& error) {
            trace(QStringLiteral("server refuses #%1: %2").arg(id).arg(error.code));
            serverSend(id, encode(error));
            serverClose(id, error.code == QLatin1String("unauthorized") ? CloseUnauthorized : 1001,
                        error.message);
        });
    QObject::connect(a, &StockArbiter::pushesDone, a,
                     [this](const QList<PushOutcome>& outcomes) { onPushesDone(outcomes); });
    QObject::connect(a, &StockArbiter::committed, a,
                     [this](const CommitEffects& effects) { onCommitted(effects); });
    QObject::connect(a, &StockArbiter::shortagesChanged, a, [this](const QList<Shortage>& list) {
        const QByteArray message = encode(Shortages{list});
        for (const auto& [id, s] : m_sessions)
            if (s.authenticated)
                serverSend(id, message);
    });
    QObject::connect(a, &StockArbiter::catchUpReady, a,
                     [this](quint64 id, const Levels& levels, const CatalogUpdate& catalog) {
                         serverSend(id, encode(levels));
                         serverSend(id, encode(catalog));
                     });
}

void World::onPushesDone(const QList<PushOutcome>& outcomes)
{
    for (const PushOutcome& outcome : outcomes) {
        const QString terminal = m_connTerminal[outcome.connection];
        const QHash<qint64, QString>& sent = m_sentIds[outcome.connection];
        for (const MutationResult& r : outcome.results) {
            if (!sent.contains(r.seq)) {
                fail(QStringLiteral("every seq sent gets exactly one result"),
                     QStringLiteral("%1 was answered for seq %2, which it never sent on #%3")
                         .arg(terminal)
                         .arg(r.seq)
                         .arg(outcome.connection));
                return;
            }
            const QString key = terminal + u'/' + sent.value(r.seq);
            MutationResult first = r;
            first.replay = false;
            const QByteArray bytes = first.toJsonBytes();
            // Invariant 3: a result goes out only once it is committed. Another connection
            // to the file sees only what is.
            QSqlQuery q(QSqlDatabase::database(m_checkConnection, false));
            q.prepare(QStringLiteral("SELECT mutation_id, result FROM results "
                                     "WHERE terminal = ? AND seq = ?"));
            q.addBindValue(terminal);
            q.addBindValue(r.seq);
            Result<MutationResult> stored = Error{};
            if (q.exec() && q.next() && q.value(0).toString() == sent.value(r.seq))
                stored = MutationResult::fromJson(
                    QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
            if (stored)
                stored.value().replay = false;
            if (!stored || stored->toJsonBytes() != bytes) {
                fail(QStringLiteral("a result is sent only after its effect is committed"),
                     QStringLiteral("%1 seq %2 is answered %3, but the database holds %4")
                         .arg(terminal)
                         .arg(r.seq)
                         .arg(QString::fromUtf8(bytes))
                         .arg(stored ? QString::fromUtf8(stored->toJsonBytes())
                                     : QStringLiteral("no such result")));
                return;
            }
            const auto known = m_answers.constFind(key);
            if (known == m_answers.cend()) {
                // Maybe a replay: the first answer died with a server before it was sent.
                m_answers.insert(key, bytes);
                m_answeredSeq.insert(key, r.seq);
            } else if (*known != bytes || m_answeredSeq.value(key) != r.seq) {
                fail(QStringLiteral("a result never changes"),
                     QStringLiteral("%1: first %2 (seq %3), now %4")
                         .arg(key, QString::fromUtf8(*known))
                         .arg(m_answeredSeq.value(key))
                         .arg(QString::fromUtf8(bytes)));
                return;
            }
        }
        if (!outcome.results.isEmpty())
            serverSend(outcome.connection, encode(Results{outcome.results}));
        if (outcome.error) {
            trace(QStringLiteral("server -> #%1 error %2 seq %3")
                      .arg(outcome.connection)
                      .arg(outcome.error->code)
                      .arg(outcome.error->seq.value_or(0)));
            serverSend(outcome.connection, encode(*outcome.error));
        }
    }
}

void World::onCommitted(const CommitEffects& effects)
{
    const QByteArray levels = effects.levels.isEmpty()
                                  ? QByteArray()
                                  : encode(Levels{effects.cursor, false, effects.levels});
    const QByteArray catalog = effects.products.isEmpty()
                                   ? QByteArray()
                                   : encode(CatalogUpdate{effects.cursor, false, effects.products});
    for (const auto& [id, s] : m_sessions) {
        if (!s.authenticated)
            continue;
        if (!levels.isEmpty())
            serverSend(id, levels);
        if (!catalog.isEmpty())
            serverSend(id, catalog);
    }
}

} // namespace stockline::sim
