#include "simulation.h"

#include "faultystore.h"
#include "world.h"

namespace stockline::sim {

// ---- plumbing

// Mutation ids the outbox makes (UUID v7: time and chance) as "id1", "id2", … in the order
// they first appear, so that the trace never depends on them.
QString World::scrub(const QString& text)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    if (!text.contains(u'-'))
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = uuid.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        auto alias = m_aliases.constFind(m.captured());
        if (alias == m_aliases.cend())
            alias =
                m_aliases.insert(m.captured(), QStringLiteral("id%1").arg(m_aliases.size() + 1));
        out += *alias;
        last = m.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

void World::trace(const QString& line)
{
    const QString text = QStringLiteral("%1 %2").arg(m_now, 8).arg(scrub(line));
    m_hash.addData(text.toUtf8());
    m_hash.addData("\n");
    m_recent.push_back(text);
    if (m_recent.size() > keptSteps)
        m_recent.pop_front();
    if (m_config.trace)
        m_out(text);
}

void World::fail(const QString& invariant, const QString& detail)
{
    if (m_failure)
        return;
    trace(QStringLiteral("VIOLATION %1: %2").arg(invariant, detail));
    m_failure = Violation{invariant, detail};
}

void World::violate(const QString& invariant, const QString& detail)
{
    fail(invariant, detail);
    throw *m_failure;
}

void World::at(qint64 when, std::function<void()> run)
{
    m_events.push(Event{std::max(when, m_now), m_order++, std::move(run)});
}

// Queued calls: the client's pump, the arbiter's signals. In order, until none is left.
void World::drain()
{
    QCoreApplication::sendPostedEvents();
}

qint64 World::netDelay()
{
    return chance(3) ? between(500, 3000) : between(0, m_maxDelayMs);
}

// ---- set-up

void World::setup()
{
    // Temporary files in memory where there is a tmpfs: the simulation is about decisions,
    // not the disk (every file is still a real SQLite file, closed and reopened as committed).
    const QString shm = QStringLiteral("/dev/shm");
    m_dir = QDir(shm).exists()
                ? std::make_unique<QTemporaryDir>(shm + QStringLiteral("/stockline-sim-XXXXXX"))
                : std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        violate(QStringLiteral("setup"), QStringLiteral("no temporary folder"));
    m_serverPath = m_dir->filePath(QStringLiteral("server.db"));

    const int pos = static_cast<int>(between(2, 3));
    for (int i = 0; i < pos; ++i)
        addTerminal(QStringLiteral("POS-%1").arg(i + 1), Role::Pos);
    addTerminal(QStringLiteral("DOCK-1"), Role::Receiving);
    if (chance(50))
        addTerminal(QStringLiteral("MGR-1"), Role::Manager);
    m_maxDelayMs = static_cast<int>(between(1, 200));
    m_duplicatePercent = static_cast<int>(between(0, 5));
    m_busyPercent = chance(30) ? static_cast<int>(between(1, 10)) : 0;
    m_chaosEnd = between(60'000, 240'000);
    m_deadline = m_chaosEnd + 20 * 60'000;
    trace(QStringLiteral("seed %1: %2 terminals, delays up to %3 ms, %4% pushes doubled, %5% "
                         "storage calls busy, chaos until %6 ms%7")
              .arg(m_config.seed)
              .arg(m_terminals.size())
              .arg(m_maxDelayMs)
              .arg(m_duplicatePercent)
              .arg(m_busyPercent)
              .arg(m_chaosEnd)
              .arg(m_config.breakage == Breakage::ReplayTwice ? QStringLiteral(", BROKEN: replays "
                                                                               "applied twice")
                                                              : QString()));
    seedServer();
    startServer();
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t) {
        m_terminals[t].path = m_dir->filePath(m_terminals[t].id + QStringLiteral(".db"));
        startTerminal(t);
    }
    at(between(0, 2000), [this] { workload(); });
    at(between(1000, 10'000), [this] { fault(); });
    at(m_chaosEnd, [this] { heal(); });
}

void World::seedServer()
{
    SqlStoreConfig config;
    config.databaseName = m_serverPath;
    config.fullSync = false; // a tmpfs; the simulated crash is of the process, not the machine
    Result<std::unique_ptr<SqlServerStore>> opened = SqlServerStore::open(config);
    if (!opened)
        violate(QStringLiteral("setup"), opened.error().toString());
    m_check = std::move(opened).value();
    AdminStore& s = *m_check;
    for (const Location& l : {Location{storeFloor, QStringLiteral("Store floor")},
                              Location{backroom, QStringLiteral("Back room")}})
        if (const Status added = s.addLocation(l); !added)
            violate(QStringLiteral("setup"), added.error().toString());
    QList<Product> products;
    for (const QString& sku : hotSkus) {
        Product hot;
        hot.sku = sku;
        hot.name = QStringLiteral("Hot item ") + sku;
        hot.price = Money::fromMinor(between(100, 999));
        hot.department = QStringLiteral("Hot");
        products.append(hot);
    }
    Product bananas;
    bananas.sku = weighedSku;
    bananas.name = QStringLiteral("Bananas");
    bananas.price = Money::fromMinor(between(99, 399));
    bananas.taxRate = TaxRate::fromMilliPercent(7000);
    bananas.department = QStringLiteral("Produce");
    bananas.unit = Unit::Kilogram;
    products.append(bananas);
    if (const Status imported = s.importCatalog(products); !imported)
        violate(QStringLiteral("setup"), imported.error().toString());
    QList<StockMovement> stock;
    QStringList opening;
    for (const QString& sku : hotSkus) {
        for (const QString& location : {storeFloor, backroom}) {
            const qint64 qty = between(0, 8);
            if (qty > 0)
                stock.append(StockMovement{sku, location, qty});
            opening.append(QStringLiteral("%1@%2=%3").arg(sku, location).arg(qty));
        }
    }
    const qint64 grams = between(0, 20'000);
    stock.append(StockMovement{weighedSku, storeFloor, grams});
    opening.append(QStringLiteral("%1@%2=%3g").arg(weighedSku, storeFloor).arg(grams));
    if (const Status imported = s.importStock(stock); !imported)
        violate(QStringLiteral("setup"), imported.error().toString());
    trace(QStringLiteral("opening stock %1").arg(opening.join(u' ')));
    for (Terminal& t : m_terminals) {
        const Result<QString> token = s.addTerminal(t.id, t.role);
        if (!token)
            violate(QStringLiteral("setup"), token.error().toString());
        t.token = token.value();
    }
    m_checkConnection = QStringLiteral("stockline-sim-check");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_checkConnection);
    db.setDatabaseName(m_serverPath);
    if (!db.open())
        violate(QStringLiteral("setup"), QStringLiteral("cannot open the server file to check it"));
}

void World::startServer()
{
    const QString path = m_serverPath;
    const bool broken = m_config.breakage == Breakage::ReplayTwice;
    auto busy = [this] {
        if (!m_chaos || !chance(m_busyPercent))
            return false;
        trace(QStringLiteral("FAULT: storage busy"));
        return true;
    };
    auto open = [path, broken, busy]() -> Result<std::unique_ptr<ArbiterStore>> {
        SqlStoreConfig config;
        config.databaseName = path;
        config.fullSync = false;
        Result<std::unique_ptr<SqlServerStore>> store = SqlServerStore::open(config);
        if (!store)
            return store.error();
        return std::unique_ptr<ArbiterStore>(
            std::make_unique<FaultyStore>(std::move(store).value(), busy, broken));
    };
    m_arbiter = std::make_unique<StockArbiter>(open, m_serverClock);
    connectArbiter();
    if (const Status started = m_arbiter->startInline(); !started)
        violate(QStringLiteral("the database reopens as committed"), started.error().toString());
    m_serverUp = true;
    ++m_serverGeneration;
    m_stepScheduled = false;
    const int generation = m_serverGeneration;
    after(idleStepMs, [this, generation] { idleStep(generation); });
    trace(QStringLiteral("server up (clock %1)").arg(serverNow().toString(Qt::ISODateWithMs)));
}

void World::startTerminal(int t)
{
    Terminal& term = m_terminals[t];
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(term.path);
    if (!store)
        violate(QStringLiteral("a terminal's store reopens"), store.error().toString());
    term.store = std::move(store).value();
    term.outbox = std::make_unique<Outbox>(*term.store);
    Result<ReceiptNumbers> numbers = ReceiptNumbers::create(*term.store, term.id);
    if (!numbers)
        violate(QStringLiteral("a terminal's store reopens"), numbers.error().toString());
    term.numbers.emplace(std::move(numbers).value());
    term.journal = std::make_unique<SaleJournal>(*term.store, *term.outbox, *term.numbers);
    ClientOptions options;
    options.url = QUrl(QStringLiteral("ws://sim/"));
    options.terminal = term.id;
    options.token = term.token;
    options.batchSize = static_cast<int>(between(1, 8));
    options.window = static_cast<int>(between(1, 4));
    options.answerTimeoutMs = static_cast<int>(between(5'000, 30'000));
    options.clock = &m_clientClock;
    term.client = std::make_unique<Client>(*term.store, new SimTransport(*this, t), options);
    term.alive = true;
    ++term.generation;
    term.conn = 0;
    trace(QStringLiteral("%1 starts (batch %2, window %3, answer timeout %4 ms)")
              .arg(term.id)
              .arg(options.batchSize)
              .arg(options.window)
              .arg(options.answerTimeoutMs));
    // As the till does (qml::TillSync): a sale refused for stock goes again as an offline sale,
    // whenever answers are recorded and at start.
    QObject::connect(term.client.get(), &Client::resultsRecorded, term.client.get(),
                     [this, t] { resendRefusedSales(t); });
    resendRefusedSales(t);
    term.client->start();
}

// The till's side of invariant 5 (qml::TillSync::resendRefusedSales, which lives in the UI
// layer): the goods are gone, so a sale refused for stock must land as an offline sale.
void World::resendRefusedSales(int t)
{
    Terminal& term = m_terminals[t];
    const Result<QStringList> refused = term.journal->refusedForStock();
    if (!refused) {
        fail(QStringLiteral("a sale is never lost"), refused.error().toString());
        return;
    }
    for (const QString& receipt : *refused) {
        const Result<qint64> seq = term.journal->resendOffline(receipt);
        const Result<OutboxEntry> entry =
            seq ? term.outbox->entry(*seq) : Result<OutboxEntry>(seq.error());
        if (!entry) {
            fail(QStringLiteral("a sale is never lost"),
                 QStringLiteral("%1's sale %2 not queued again: %3")
                     .arg(term.id, receipt, entry.error().toString()));
            return;
        }
        term.appended.append(entry->id);
        ++m_mutations;
        trace(QStringLiteral("%1 sends sale %2 again as offline: %3")
                  .arg(term.id, receipt,
                       QString::fromUtf8(
                           QJsonDocument(entry->payload).toJson(QJsonDocument::Compact))));
    }
}

void World::teardown()
{
    for (Terminal& t : m_terminals)
        t.close();
    m_arbiter.reset();
    m_check.reset();
    if (!m_checkConnection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_checkConnection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_checkConnection);
        m_checkConnection.clear();
    }
    // Anything still posted belongs to objects of this seed.
    QCoreApplication::removePostedEvents(nullptr);
}

SeedReport World::run()
{
    SeedReport report;
    report.seed = m_config.seed;
    try {
        setup();
        for (;;) {
            if (!m_chaos && quiescent()) {
                checkConvergence();
                checkEnd();
                trace(QStringLiteral("done: %1 mutations, all answered, every replica equals "
                                     "the server")
                          .arg(m_mutations));
                break;
            }
            const std::optional<qint64> timer = m_dispatcher.nextDeadline();
            const bool eventFirst = !m_events.empty() && (!timer || m_events.top().at <= *timer);
            if (m_events.empty() && !timer)
                violate(QStringLiteral("convergence"), QStringLiteral("nothing left to happen"));
            const qint64 next = eventFirst ? m_events.top().at : *timer;
            if (next > m_deadline) {
                QStringList states;
                for (const Terminal& t : m_terminals)
                    states.append(QStringLiteral("%1 %2, %3 pending%4")
                                      .arg(t.id)
                                      .arg(t.client && t.client->isConnected()
                                               ? QStringLiteral("connected")
                                               : QStringLiteral("not connected"))
                                      .arg(t.client ? t.client->pendingCount() : -1)
                                      .arg(t.client && !t.client->lastError().isEmpty()
                                               ? QStringLiteral(" (%1)").arg(t.client->lastError())
                                               : QString()));
                violate(QStringLiteral("convergence"),
                        QStringLiteral("no quiet %1 ms after the network healed: %2")
                            .arg(m_deadline - m_chaosEnd)
                            .arg(states.join(QStringLiteral("; "))));
            }
            m_now = std::max(m_now, next);
            m_dispatcher.setNow(m_now);
            if (eventFirst) {
                Event e = m_events.top();
                m_events.pop();
                e.run();
            } else {
                m_dispatcher.fireNext();
            }
            drain();
            ++m_steps;
            if (m_failure)
                throw *m_failure;
        }
    } catch (const Violation& v) {
        report.ok = false;
        report.invariant = v.invariant;
        report.detail = scrub(v.detail);
        report.lastSteps = QStringList(m_recent.begin(), m_recent.end());
    }
    report.steps = m_steps;
    report.mutations = m_mutations;
    report.traceHash = m_hash.result().toHex();
    return report;
}

SeedReport runSeed(const SimConfig& config, SimDispatcher& dispatcher,
                   const std::function<void(const QString&)>& out)
{
    dispatcher.setNow(0);
    World world(config, dispatcher, out);
    return world.run();
}

} // namespace stockline::sim
