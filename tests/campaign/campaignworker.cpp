#include "campaignworker.h"

#include "campaignstore.h"
#include "catalog.h"
#include "holdjournal.h"
#include "stockreplica.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

using namespace stockline;

namespace campaign {

namespace {
// How long after healing every outbox must be answered.
constexpr qint64 drainPatienceMs = 60'000;
constexpr qint64 haltedAfterMs = 15'000;
} // namespace

Worker::Worker(QList<TerminalSpec> terminals, quint64 seed, QTextStream& out)
    : m_specs(std::move(terminals)), m_rng(seed), m_out(out),
      m_stdin(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_stdin, &QSocketNotifier::activated, this, &Worker::onCommand);
    connect(&m_work, &QTimer::timeout, this, &Worker::act);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_draining && m_expectFile.isEmpty())
            checkDrained();
        else if (!m_expectFile.isEmpty())
            checkConverged();
    });
}

Worker::~Worker()
{
    for (auto& till : m_tills)
        till->client.reset();
}

bool Worker::start()
{
    for (const TerminalSpec& spec : std::as_const(m_specs)) {
        auto till = std::make_unique<Till>();
        till->spec = spec;
        if (!open(*till))
            return false;
        m_tills.push_back(std::move(till));
    }
    // Each terminal acts every 0.3–3 s on average, as a busy till does.
    m_work.start(std::max(1, 1500 / std::max<int>(1, static_cast<int>(m_tills.size()))));
    m_poll.start(50);
    return true;
}

bool Worker::open(Till& till)
{
    Result<std::unique_ptr<LocalStore>> store = LocalStore::open(till.spec.path);
    if (!store) {
        m_out << "error " << till.spec.id << " cannot open its store: " << store.error().toString()
              << Qt::endl;
        return false;
    }
    till.store = std::move(store).value();
    till.outbox = std::make_unique<Outbox>(*till.store);
    const QString proof = ReceiptNumbers::proofKeyOf(till.spec.id, till.spec.token);
    Result<ReceiptNumbers> numbers = ReceiptNumbers::create(*till.store, till.spec.id, proof);
    if (!numbers) {
        m_out << "error " << till.spec.id << ": " << numbers.error().toString() << Qt::endl;
        return false;
    }
    till.numbers.emplace(std::move(numbers).value());
    till.sales = std::make_unique<SaleJournal>(*till.store, *till.outbox, *till.numbers);
    till.returns = std::make_unique<ReturnJournal>(*till.store, *till.outbox, till.spec.id, proof);
    // Answers recorded before a kill are said again: the campaign keeps the first and checks
    // every later one against it.
    till.reported = 0;
    QSqlQuery q(till.store->database());
    q.exec(QStringLiteral("SELECT receipt FROM sales ORDER BY outbox_seq"));
    while (q.next())
        till.receipts.append(q.value(0).toString());

    sync::ClientOptions options;
    options.url = QUrl(till.spec.url);
    options.terminal = till.spec.id;
    options.token = till.spec.token;
    options.batchSize = static_cast<int>(1 + below(20));
    options.window = static_cast<int>(1 + below(4));
    options.backoffMinMs = 100;
    options.backoffMaxMs = 2'000;
    options.answerTimeoutMs = 10'000;
    options.clock = &m_clock;
    till.client = std::make_unique<sync::Client>(*till.store, nullptr, options);
    Till* t = &till;
    connect(till.client.get(), &sync::Client::resultsRecorded, this, [this, t] {
        t->lastAnswerMs = m_clock.monotonicMs();
        reportAnswers(*t, "ans");
        resendRefused(*t);
    });
    reportAnswers(till, "had");
    resendRefused(till);
    till.client->start();
    return true;
}

void Worker::onCommand()
{
    char buffer[512];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        // The campaign went away: nothing will read what we say.
        QCoreApplication::exit(0);
        return;
    }
    m_pendingInput += QByteArray(buffer, static_cast<qsizetype>(n));
    qsizetype end = 0;
    while ((end = m_pendingInput.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingInput.left(end)).trimmed();
        m_pendingInput.remove(0, end + 1);
        const QString word = line.section(u' ', 0, 0);
        const QString rest = line.section(u' ', 1);
        if (word == QLatin1String("drain")) {
            m_draining = true;
            m_work.stop();
            m_sinceMs = m_clock.monotonicMs();
        } else if (word == QLatin1String("expect")) {
            m_expectFile = rest;
            m_sinceMs = m_clock.monotonicMs();
        } else if (word == QLatin1String("jump")) {
            m_clock.jump(rest.toLongLong());
        } else if (word == QLatin1String("quit")) {
            for (auto& till : m_tills)
                till->client->stop();
            QCoreApplication::exit(0);
        }
    }
}

void Worker::act()
{
    if (m_tills.empty())
        return;
    actOne(*m_tills[below(m_tills.size())]);
}

void Worker::actOne(Till& till)
{
    const bool sells = till.spec.role != QLatin1String("receiving");
    const bool books = till.spec.role != QLatin1String("pos");
    if (books && (!sells || chance(40))) {
        dockWork(till);
        return;
    }
    const int pick = static_cast<int>(below(100));
    if (pick < 20) {
        // A customer asks the till to keep some units (a hold, as the till's hold journal does).
        HoldJournal holds(*till.outbox, storeFloor, holdTtlSeconds);
        const QString id = QStringLiteral("%1.h%2").arg(till.spec.id).arg(++till.made);
        const QString sku = hotSkus[static_cast<qsizetype>(below(hotSkus.size()))];
        const Result<QList<Mutation>> made =
            holds.record({}, {HoldRequest{id, sku, static_cast<qint64>(1 + below(3))}});
        if (made) {
            till.holds.append({id, sku});
            for (const Mutation& m : *made)
                m_out << "made " << till.spec.id << ' ' << m.id << Qt::endl;
        }
    } else if (pick < 30 && !till.holds.isEmpty()) {
        HoldJournal holds(*till.outbox, storeFloor, holdTtlSeconds);
        const Result<QList<Mutation>> made = holds.record(
            {till.holds.takeAt(static_cast<qsizetype>(below(till.holds.size()))).first}, {});
        if (made)
            for (const Mutation& m : *made)
                m_out << "made " << till.spec.id << ' ' << m.id << Qt::endl;
    } else if (pick < 85) {
        sell(till);
    } else {
        refund(till);
    }
}

void Worker::sell(Till& till)
{
    Catalog catalog(*till.store);
    CompletedSale sale;
    sale.location = storeFloor;
    sale.offline = !till.client->isConnected();
    sale.at = m_clock.now();
    const int lines = static_cast<int>(1 + below(2));
    for (int i = 0; i < lines; ++i) {
        QString sku = hotSkus[static_cast<qsizetype>(below(hotSkus.size()))];
        QString reservation;
        if (i == 0 && !till.holds.isEmpty() && chance(50)) {
            // The held units go out with the sale: the server takes them from the hold first.
            std::tie(reservation, sku) =
                till.holds.takeAt(static_cast<qsizetype>(below(till.holds.size())));
        }
        const Result<std::optional<Product>> product = catalog.bySku(sku);
        if (!product || !product->has_value())
            return; // the catalog has not come yet: nothing to sell
        const Product& p = **product;
        ReceiptLine line{p.sku,     p.name,     static_cast<qint64>(1 + below(3)), p.price, Money(),
                         p.taxRate, reservation};
        sale.lines.append(line);
    }
    sale.payments = {Payment{QStringLiteral("cash"), totalsOf(sale.lines).total, QString()}};
    const Result<RecordedSale> recorded = till.sales->record(sale);
    if (!recorded) {
        // Not proven yet (no welcome so far), or the store refused: the clerk sees it.
        m_out << "unwritten " << till.spec.id << ' ' << recorded.error().toString() << Qt::endl;
        return;
    }
    till.receipts.append(recorded->receipt);
    const Result<OutboxEntry> entry = till.outbox->entry(recorded->seq);
    m_out << "sale " << till.spec.id << ' ' << recorded->receipt << Qt::endl;
    if (entry)
        m_out << "made " << till.spec.id << ' ' << entry->id << Qt::endl;
}

// A refund of one unit of one of its own sales, from its journal, as the returns screen does.
void Worker::refund(Till& till)
{
    if (till.receipts.isEmpty())
        return;
    const QString receipt = till.receipts[static_cast<qsizetype>(below(till.receipts.size()))];
    const Result<ReturnableSale> sale = till.returns->returnable(receipt);
    if (!sale)
        return;
    for (const ReturnableLine& line : sale->lines) {
        if (line.returnable() <= 0)
            continue;
        CompletedReturn request;
        request.sale = receipt;
        request.staff = QStringLiteral("Campaign");
        request.lines = {ReturnRequestLine{line.line, 1}};
        request.offline = !till.client->isConnected();
        const Result<Money> total = ReturnJournal::totalFor(*sale, request.lines);
        if (!total)
            return;
        request.payments = ReturnJournal::toOriginalTender(*sale, *total);
        const Result<RecordedReturn> recorded = till.returns->record(request);
        if (!recorded)
            return;
        const Result<OutboxEntry> entry = till.outbox->entry(recorded->seq);
        m_out << "refund " << till.spec.id << ' ' << recorded->refund << Qt::endl;
        if (entry)
            m_out << "made " << till.spec.id << ' ' << entry->id << Qt::endl;
        return;
    }
}

// The dock: deliveries received, shelves counted (with the version the dock last heard),
// stock moved between the floor and the back room, damaged goods written off.
void Worker::dockWork(Till& till)
{
    const QString sku = hotSkus[static_cast<qsizetype>(below(hotSkus.size()))];
    const QString location = chance(70) ? storeFloor : backroom;
    Mutation m;
    const int pick = static_cast<int>(below(100));
    if (pick < 40) {
        ReceiveMutation r;
        r.receipt = QStringLiteral("%1.rc%2").arg(till.spec.id).arg(++till.made);
        r.location = location;
        r.lines = {ItemLine{sku, static_cast<qint64>(1 + below(8))}};
        r.reference = QStringLiteral("PO-%1").arg(below(1000));
        m.body = r;
    } else if (pick < 60) {
        qint64 version = 0;
        if (const Result<std::optional<StockLevel>> level =
                StockReplica(*till.store).level(sku, location);
            level && level->has_value())
            version = (*level)->version;
        m.body = CountMutation{sku, location, static_cast<qint64>(10 + below(40)), version};
    } else if (pick < 90) {
        const bool out = chance(50);
        m.body = TransferMutation{QStringLiteral("%1.tr%2").arg(till.spec.id).arg(++till.made), sku,
                                  out ? storeFloor : backroom, out ? backroom : storeFloor,
                                  static_cast<qint64>(1 + below(3))};
    } else {
        m.body = AdjustMutation{sku, location, -1, QStringLiteral("damaged")};
    }
    append(till, std::move(m));
}

void Worker::append(Till& till, Mutation m)
{
    m.at = m_clock.now();
    const Result<Mutation> stored = till.outbox->appendNow(std::move(m));
    if (stored)
        m_out << "made " << till.spec.id << ' ' << stored->id << Qt::endl;
}

// Every answer the terminal recorded, said once per process life: "ans TERMINAL SEQ ID JSON"
// as it comes, "had …" for those found in the store at start.
void Worker::reportAnswers(Till& till, const char* word)
{
    const Result<qint64> last = till.outbox->lastAnsweredSeq();
    if (!last)
        return;
    for (qint64 seq = till.reported + 1; seq <= *last; ++seq) {
        const Result<OutboxEntry> entry = till.outbox->entry(seq);
        if (!entry || entry->status == OutboxEntry::Status::Pending)
            continue;
        m_out << word << ' ' << till.spec.id << ' ' << seq << ' ' << entry->id << ' '
              << QJsonDocument(entry->result).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    till.reported = std::max(till.reported, *last);
}

// As the till does (qml::TillSync): a sale refused for stock was handed over all the same, so
// it goes again as an offline sale.
void Worker::resendRefused(Till& till)
{
    const Result<QStringList> refused = till.sales->refusedForStock();
    if (!refused)
        return;
    for (const QString& receipt : *refused) {
        const Result<qint64> seq = till.sales->resendOffline(receipt);
        if (!seq)
            continue;
        if (const Result<OutboxEntry> entry = till.outbox->entry(*seq); entry)
            m_out << "made " << till.spec.id << ' ' << entry->id << Qt::endl;
    }
}

void Worker::checkDrained()
{
    bool drained = true;
    for (const auto& till : m_tills) {
        if (!till->client->isRunning()) {
            // Halted: it waits for a person (the server lost what it had answered, or revoked
            // it). The campaign counts that as a violation; the others still drain.
            if (!till->halted)
                m_out << "halted " << till->spec.id << ' ' << till->client->lastError() << Qt::endl;
            till->halted = true;
            continue;
        }
        if (!till->client->isConnected() || till->client->pendingCount() > 0)
            drained = false;
        // Connected, owing entries, an error shown and no answer for a while: the client
        // stopped by itself (it waits for a person), no use waiting the whole patience.
        if (!till->halted && till->client->isConnected() && till->client->pendingCount() > 0 &&
            !till->client->lastError().isEmpty() &&
            m_clock.monotonicMs() - std::max(till->lastAnswerMs, m_sinceMs) > haltedAfterMs) {
            m_out << "halted " << till->spec.id << ' ' << till->client->lastError() << Qt::endl;
            till->halted = true;
        }
    }
    if (!drained && m_clock.monotonicMs() - m_sinceMs < drainPatienceMs &&
        std::none_of(m_tills.begin(), m_tills.end(), [](const auto& t) { return t->halted; }))
        return;
    if (!drained) {
        // Healed long ago and still not answered: say who and why, for the campaign's report.
        for (const auto& till : m_tills)
            if (!till->halted && (!till->client->isConnected() || till->client->pendingCount() > 0))
                m_out << "stuck " << till->spec.id << " pending " << till->client->pendingCount()
                      << (till->client->isConnected() ? " connected: " : " not connected: ")
                      << till->client->lastError() << Qt::endl;
    }
    m_out << "drained " << (m_clock.monotonicMs() - m_sinceMs) << Qt::endl;
    m_draining = false;
}

// Every replica equals the server's levels the campaign wrote to the file.
void Worker::checkConverged()
{
    QFile file(m_expectFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray expected = QJsonDocument::fromJson(file.readAll()).array();
    // Past the patience: say every difference (the campaign counts each as a violation).
    const bool tell = m_clock.monotonicMs() - m_sinceMs > drainPatienceMs;
    bool equal = true;
    for (const auto& till : m_tills) {
        StockReplica replica(*till->store);
        for (const QJsonValue v : expected) {
            const QJsonObject level = v.toObject();
            const Result<std::optional<StockLevel>> mine =
                replica.level(level.value(QLatin1String("sku")).toString(),
                              level.value(QLatin1String("location")).toString());
            if (!mine || !mine->has_value() ||
                (*mine)->onHand != level.value(QLatin1String("onHand")).toInteger() ||
                (*mine)->reserved != level.value(QLatin1String("reserved")).toInteger() ||
                (*mine)->version != level.value(QLatin1String("version")).toInteger()) {
                if (!tell)
                    return;
                equal = false;
                m_out << "diverged " << till->spec.id << " (" << till->spec.url << ") "
                      << level.value(QLatin1String("sku")).toString() << '@'
                      << level.value(QLatin1String("location")).toString() << " holds "
                      << (mine && mine->has_value() ? QStringLiteral("%1/%2 v%3")
                                                          .arg((*mine)->onHand)
                                                          .arg((*mine)->reserved)
                                                          .arg((*mine)->version)
                                                    : QStringLiteral("nothing"))
                      << ", the server "
                      << QString::fromUtf8(QJsonDocument(level).toJson(QJsonDocument::Compact))
                      << "; connected " << till->client->isConnected() << Qt::endl;
                break;
            }
        }
    }
    Q_UNUSED(equal)
    m_out << "converged " << (m_clock.monotonicMs() - m_sinceMs) << Qt::endl;
    m_expectFile.clear();
}

} // namespace campaign
