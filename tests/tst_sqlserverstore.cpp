#include "serverstore.h"
#include "sqlserverstore.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using namespace stockline::sync;
using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Mutation mutation(qint64 seq, const QString& id, MutationBody body, const QDateTime& at = t0)
{
    Mutation m;
    m.seq = seq;
    m.id = id;
    m.at = at;
    m.body = std::move(body);
    return m;
}

PushEntry entry(qint64 seq, const QString& id, MutationBody body)
{
    PushEntry e;
    e.seq = seq;
    e.id = id;
    e.mutation = mutation(seq, id, std::move(body));
    return e;
}

ReserveMutation reserve(const QString& reservation, const QString& sku, qint64 qty,
                        qint64 ttl = 900, const QString& location = u"store-1"_s)
{
    return ReserveMutation{reservation, sku, location, qty, ttl};
}

SaleLine line(const QString& sku, qint64 qty, const QString& reservation = {})
{
    return SaleLine{sku, qty, Money::fromMinor(199), reservation};
}

SaleMutation sale(const QString& id, QList<SaleLine> lines, bool offline = false,
                  const QString& location = u"store-1"_s)
{
    SaleMutation s;
    s.sale = id;
    s.location = location;
    s.lines = std::move(lines);
    s.offline = offline;
    return s;
}

// A raw connection to the store's database (a sqlite: or postgres:// URL), as an operator with
// the sqlite3 shell or psql would have.
class RawDb
{
public:
    explicit RawDb(const QString& url) : m_name(u"raw-%1"_s.arg(reinterpret_cast<quintptr>(this)))
    {
        (void)TestDatabase::openRaw(url, m_name);
    }
    ~RawDb() { QSqlDatabase::removeDatabase(m_name); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    bool exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }
    qint64 scalar(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QString text(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0).toString();
    }

private:
    QString m_name;
};

} // namespace

class TestSqlServerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // opening and administration
    void openRejectsBadUrls();
    void openRefusesNewerSchema();
    void reopenKeepsEverything();
    void terminalsAndTokens();
    void adminBadInputChangesNothing();
    void unitChangeConvertsLevels();

    // every kind
    void reserveAppliedAndRejected();
    void reserveReusingLiveIdIsInvalid();
    void releaseAlwaysApplies();
    void saleFromReservation();
    void saleReservationSmallerThanLine();
    void saleAllLinesOrNone();
    void offlineSaleRecordsShortage();
    void returnAndReceiveUpsert();
    void countAppliedAndConflicting();
    void countBelowReservationsCutsThem();
    void transferAllOrNothing();
    void adjust();
    void roles();
    void unknownSkuAndLocation();
    void invalidBody();

    // the stream
    void replayReturnsTheStoredResult();
    void sequenceConflict();
    void sequenceGap();
    void rejectionRollsBackOnlyItself();
    void storageFailureRollsBackTheBatch();
    void deadlockRunsTheBatchAgain();
    void lastUnitsGoToExactlyN();
    // Several pushes committed together: decided against the batch's rows in memory.
    void batchReserveReleaseReserveLastUnit();
    void batchDuplicateReservationId();
    void batchSaleTakesReservationMadeInIt();
    void batchRejectionLeavesNoLedgerRow();
    void batchCountSeesEarlierReserve();
    void batchReceiptThenReserveOfIt();
    void batchRerunAfterTransientFailureGivesSameResults();
    void batchKeepsTextExactly();
    void batchLevelsAreConditionalInTheDatabase();
    void revokedAndUnknownTerminals();
    void expiryAtTheInstant();
    void effectsAndCursor();
    void levelsSinceAndCatalogSince();

    // whole-store checks
    void verifyAfterRandomWorkload();
    void throughput_data();
    void throughput();

private:
    [[nodiscard]] MutationResult apply(const QString& terminal, MutationBody body,
                                       const QDateTime& now = t0);
    [[nodiscard]] BatchOutcome batch(const QList<PushRequest>& pushes, const QDateTime& now = t0);
    [[nodiscard]] PushRequest request(const QString& terminal, QList<MutationBody> bodies);
    [[nodiscard]] StockLevel level(const QString& sku, const QString& location = u"store-1"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_db;
    QString m_path; // the store's URL
    std::unique_ptr<SqlServerStore> m_store;
    QHash<QString, qint64> m_seq;
    QHash<QString, QString> m_tokens;
};

// ---- fixture: three locations, four products, one terminal per role, opening stock

void TestSqlServerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<TestDatabase>(m_dir->filePath(u"server.db"_s));
    m_path = m_db->url();
    auto opened = SqlServerStore::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    m_store = std::move(opened).value();
    m_seq.clear();
    for (const auto& [id, name] :
         {std::pair{u"store-1"_s, u"Store"_s}, std::pair{u"store-2"_s, u"Second store"_s},
          std::pair{u"wh"_s, u"Warehouse"_s}})
        QVERIFY(m_store->addLocation(Location{id, name}).ok());
    QList<Product> products;
    for (const QString& sku : {u"A1"_s, u"B2"_s, u"C3"_s, u"D4"_s}) {
        Product p;
        p.sku = sku;
        p.name = u"Item "_s + sku;
        p.price = Money::fromMinor(250);
        p.taxRate = TaxRate::fromMilliPercent(8250);
        products.append(p);
    }
    QVERIFY(m_store->importCatalog(products).ok());
    for (const auto& [id, role] :
         {std::pair{u"POS-01"_s, Role::Pos}, std::pair{u"POS-02"_s, Role::Pos},
          std::pair{u"DOCK-1"_s, Role::Receiving}, std::pair{u"WEB"_s, Role::Channel},
          std::pair{u"MGR"_s, Role::Manager}}) {
        const Result<QString> token = m_store->addTerminal(id, role);
        QVERIFY(token.ok());
        m_tokens.insert(id, *token);
    }
    QVERIFY(
        m_store
            ->importStock(
                {{u"A1"_s, u"store-1"_s, 10}, {u"B2"_s, u"store-1"_s, 5}, {u"A1"_s, u"wh"_s, 100}})
            .ok());
}

void TestSqlServerStore::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

PushRequest TestSqlServerStore::request(const QString& terminal, QList<MutationBody> bodies)
{
    PushRequest push;
    push.terminal = terminal;
    for (MutationBody& body : bodies) {
        const qint64 seq = ++m_seq[terminal];
        push.entries.append(entry(seq, u"%1-%2"_s.arg(terminal).arg(seq), std::move(body)));
    }
    return push;
}

BatchOutcome TestSqlServerStore::batch(const QList<PushRequest>& pushes, const QDateTime& now)
{
    Result<BatchOutcome> outcome = m_store->applyBatch(pushes, now);
    if (!outcome) {
        qWarning() << "applyBatch failed:" << outcome.error().toString();
        return {};
    }
    return std::move(outcome).value();
}

MutationResult TestSqlServerStore::apply(const QString& terminal, MutationBody body,
                                         const QDateTime& now)
{
    const BatchOutcome outcome = batch({request(terminal, {std::move(body)})}, now);
    if (outcome.pushes.size() != 1 || outcome.pushes.first().results.size() != 1) {
        MutationResult failed;
        failed.status = MutationResult::Status::Rejected;
        failed.code = u"test: no result"_s;
        return failed;
    }
    return outcome.pushes.first().results.first();
}

StockLevel TestSqlServerStore::level(const QString& sku, const QString& location)
{
    const Result<QList<StockLevel>> all = m_store->levels(sku);
    if (all) {
        for (const StockLevel& l : *all) {
            if (l.location == location)
                return l;
        }
    }
    return StockLevel{sku, location, -1, -1, -1};
}

#define QCOMPARE_APPLIED(result)                                                                   \
    do {                                                                                           \
        const MutationResult& r_ = (result);                                                       \
        QVERIFY2(r_.status == MutationResult::Status::Applied,                                     \
                 qPrintable(r_.code + u": "_s + r_.message));                                      \
    } while (false)

#define QCOMPARE_REJECTED(result, expectedCode)                                                    \
    do {                                                                                           \
        const MutationResult& r_ = (result);                                                       \
        QCOMPARE(r_.status, MutationResult::Status::Rejected);                                     \
        QCOMPARE(r_.code, QString(expectedCode));                                                  \
    } while (false)

// ---- opening and administration

void TestSqlServerStore::openRejectsBadUrls()
{
    // Neither database nor host: named as wrong, without trying to connect.
    for (const QString& url : {u"postgres://stock@localhost"_s, u"postgresql:///stockline"_s}) {
        const auto pg = SqlServerStore::open(url);
        QVERIFY(!pg.ok());
        QVERIFY2(pg.error().message.contains(u"postgres://USER:PASSWORD@HOST:PORT/DBNAME"_s),
                 qPrintable(pg.error().message));
    }
    // Nobody listens there: the error names host, port and database, never the password.
    const auto refused = SqlServerStore::open(u"postgres://stock:s3cret@127.0.0.1:1/stockline"_s);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"postgres://stock@127.0.0.1:1/stockline"_s),
             qPrintable(refused.error().message));
    QVERIFY(!refused.error().message.contains(u"s3cret"_s));

    const auto mysql = SqlServerStore::open(u"mysql://localhost/db"_s);
    QVERIFY(!mysql.ok());
    QVERIFY(mysql.error().message.contains(u"mysql://localhost/db"_s));
    QVERIFY(mysql.error().message.contains(u"sqlite:PATH"_s));

    QVERIFY(!SqlServerStore::open(QString()).ok());
    QVERIFY(!SqlServerStore::open(u"sqlite:"_s).ok());

    const auto missingDir = SqlServerStore::open(u"sqlite:"_s + m_dir->filePath(u"no/such/x.db"_s));
    QVERIFY(!missingDir.ok());
    QVERIFY(missingDir.error().message.contains(u"no/such/x.db"_s));

    QFile notADatabase(m_dir->filePath(u"notes.txt"_s));
    QVERIFY(notADatabase.open(QIODevice::WriteOnly));
    notADatabase.write(QByteArray(4096, 'x'));
    notADatabase.close();
    const auto text = SqlServerStore::open(u"sqlite:"_s + notADatabase.fileName());
    QVERIFY(!text.ok());
    QVERIFY(text.error().message.contains(u"notes.txt"_s));

    // Somebody else's SQLite file (here: one with a products table of its own) is left alone.
    const QString foreign = m_dir->filePath(u"terminal.db"_s);
    {
        RawDb raw(u"sqlite:"_s + foreign);
        QVERIFY(raw.exec(u"CREATE TABLE products (sku TEXT PRIMARY KEY)"_s));
    }
    const auto other = SqlServerStore::open(u"sqlite:"_s + foreign);
    QVERIFY(!other.ok());
    QVERIFY(other.error().message.contains(u"terminal.db"_s));
    RawDb raw(u"sqlite:"_s + foreign);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'meta'"_s), 0);
}

void TestSqlServerStore::openRefusesNewerSchema()
{
    m_store.reset();
    {
        RawDb raw(m_path);
        QVERIFY(raw.exec(u"UPDATE meta SET value = 99 WHERE key = 'schema'"_s));
    }
    const auto newer = SqlServerStore::open(m_path);
    QVERIFY(!newer.ok());
    QVERIFY2(newer.error().message.contains(u"newer"_s), qPrintable(newer.error().message));
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT value FROM meta WHERE key = 'schema'"_s), 99);
}

void TestSqlServerStore::reopenKeepsEverything()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 3)));
    const qint64 cursor = *m_store->currentCursor();
    m_store.reset();
    auto reopened = SqlServerStore::open(m_path);
    QVERIFY(reopened.ok());
    m_store = std::move(reopened).value();
    QCOMPARE(*m_store->currentCursor(), cursor);
    QCOMPARE(level(u"A1"_s).reserved, 3);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 1);
    const auto authenticated = m_store->authenticate(u"POS-01"_s, m_tokens.value(u"POS-01"_s));
    QVERIFY(authenticated.ok() && authenticated.value());
}

void TestSqlServerStore::terminalsAndTokens()
{
    const Result<QString> token = m_store->addTerminal(u"POS-09"_s, Role::Pos);
    QVERIFY(token.ok());
    QCOMPARE(token->size(), 43); // 32 bytes, base64url without padding
    for (const QChar c : *token)
        QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
    QVERIFY(*token != m_tokens.value(u"POS-01"_s));

    const Result<std::optional<TerminalInfo>> info = m_store->authenticate(u"POS-09"_s, *token);
    QVERIFY(info.ok() && info.value());
    QCOMPARE(info.value()->role, Role::Pos);
    QCOMPARE(info.value()->lastSeq, 0);

    // A wrong token or an unknown terminal is an answer (nothing), not a storage error.
    const auto wrong = m_store->authenticate(u"POS-09"_s, *token + u"x"_s);
    const auto unknown = m_store->authenticate(u"NOPE"_s, *token);
    QVERIFY(wrong.ok() && !wrong.value());
    QVERIFY(unknown.ok() && !unknown.value());

    // Only the hash is stored.
    {
        RawDb raw(m_path);
        const QString stored = raw.text(u"SELECT token_hash FROM terminals WHERE id = 'POS-09'"_s);
        QCOMPARE(stored.size(), 64);
        QVERIFY(!stored.contains(*token));
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM terminals WHERE token_hash LIKE '%"_s + *token +
                            u"%'"_s),
                 0);
    }

    const Result<QString> duplicate = m_store->addTerminal(u"POS-09"_s, Role::Manager);
    QVERIFY(!duplicate.ok());
    QVERIFY(duplicate.error().message.contains(u"POS-09"_s));
    const auto unchanged = m_store->authenticate(u"POS-09"_s, *token);
    QVERIFY(unchanged.ok() && unchanged.value());
    QCOMPARE(m_store->terminal(u"POS-09"_s)->role, Role::Pos);

    QVERIFY(!m_store->addTerminal(u"bad id"_s, Role::Pos).ok());
    QVERIFY(!m_store->addTerminal(QString(), Role::Pos).ok());
    QVERIFY(!m_store->terminal(u"bad id"_s).ok());

    QVERIFY(m_store->revokeTerminal(u"POS-09"_s).ok());
    const auto revoked = m_store->authenticate(u"POS-09"_s, *token);
    QVERIFY(revoked.ok() && !revoked.value());
    QVERIFY(m_store->terminal(u"POS-09"_s)->revoked);
    QVERIFY(!m_store->revokeTerminal(u"NOPE"_s).ok());
}

void TestSqlServerStore::adminBadInputChangesNothing()
{
    const qint64 cursor = *m_store->currentCursor();
    const QList<StockLevel> before = *m_store->levels();

    const Status badLocation = m_store->addLocation(Location{u"store 3"_s, u"Third"_s});
    QVERIFY(!badLocation.ok());
    QCOMPARE(badLocation.error().field, u"id"_s);
    QVERIFY(!m_store->addLocation(Location{u"store-3"_s, QString()}).ok());

    Product good;
    good.sku = u"E5"_s;
    good.name = u"Fine"_s;
    Product bad = good;
    bad.sku = u"F6"_s;
    bad.name = u"   "_s;
    const Status catalog = m_store->importCatalog({good, bad});
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().field, u"products[1].name"_s);
    QVERIFY(catalog.error().message.contains(u"F6"_s));
    QCOMPARE(m_store->catalogSince(0)->products.size(), 4); // E5 not written either

    const Status stock =
        m_store->importStock({{u"A1"_s, u"store-1"_s, 5}, {u"ZZ"_s, u"store-1"_s, 5}});
    QVERIFY(!stock.ok());
    QCOMPARE(stock.error().field, u"stock[1].sku"_s);
    QCOMPARE(m_store->importStock({{u"A1"_s, u"mars"_s, 5}}).error().field, u"stock[0].location"_s);
    QCOMPARE(m_store->importStock({{u"A1"_s, u"store-1"_s, -1}}).error().field, u"stock[0].qty"_s);

    QVERIFY(!m_store->resolveShortage(12345, u"MGR"_s).ok());

    QCOMPARE(*m_store->currentCursor(), cursor);
    QCOMPARE(*m_store->levels(), before);
    // A missing location stays missing.
    QCOMPARE_REJECTED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1, 900, u"store-3"_s)),
                      u"unknown_location"_s);
}

// ---- every kind

// An existing product moved from each to kg: 1 unit counts as 1 kg, one ledger row of kind
// `unit` per level, holds released; grams sold after that; back to each rounds down.
void TestSqlServerStore::unitChangeConvertsLevels()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 3)));
    Product a1;
    a1.sku = u"A1"_s;
    a1.name = u"Bananas (per kg)"_s;
    a1.price = Money::fromMinor(299);
    a1.unit = Unit::Kilogram;
    QVERIFY(m_store->importCatalog({a1}).ok());
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10'000, 0, 3}));
    QCOMPARE(level(u"A1"_s, u"wh"_s), (StockLevel{u"A1"_s, u"wh"_s, 100'000, 0, 2}));
    RawDb db(m_path);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ledger WHERE kind = 'unit'"_s), 2);
    QCOMPARE(QJsonDocument::fromJson(
                 db.text(u"SELECT detail FROM ledger WHERE kind = 'unit' AND location = 'wh'"_s)
                     .toUtf8())
                 .object(),
             (QJsonObject{{u"from"_s, u"each"_s}, {u"to"_s, u"kg"_s}, {u"factor"_s, 1000}}));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM reservations WHERE sku = 'A1'"_s), 0);
    QCOMPARE(m_store->catalogSince(0)->products.first().unit, Unit::Kilogram);
    QVERIFY(m_store->verify()->ok);

    // The same unit again converts nothing.
    QVERIFY(m_store->importCatalog({a1}).ok());
    QCOMPARE(db.scalar(u"SELECT count(*) FROM ledger WHERE kind = 'unit'"_s), 2);

    // 0.532 kg sold: 532 g off.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S1"_s, {line(u"A1"_s, 532)})));
    QCOMPARE(level(u"A1"_s).onHand, 9'468);

    // Back to each: 9.468 kg are 9 units, the 468 g written off in the same row.
    a1.unit = Unit::Each;
    QVERIFY(m_store->importCatalog({a1}).ok());
    QCOMPARE(level(u"A1"_s).onHand, 9);
    QCOMPARE(level(u"A1"_s, u"wh"_s).onHand, 100);
    const QJsonObject back =
        QJsonDocument::fromJson(db.text(u"SELECT detail FROM ledger WHERE kind = 'unit' AND "
                                        "location = 'store-1' ORDER BY id DESC"_s)
                                    .toUtf8())
            .object();
    QCOMPARE(back.value(u"from"_s).toString(), u"kg"_s);
    QCOMPARE(back.value(u"factor"_s).toDouble(), 0.001);
    QCOMPARE(back.value(u"writtenOff"_s).toInteger(), 468);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::reserveAppliedAndRejected()
{
    const MutationResult held = apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 4));
    QCOMPARE_APPLIED(held);
    QCOMPARE(held.seq, 1);
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 4, 2}));

    const MutationResult tooMany = apply(u"POS-01"_s, reserve(u"R2"_s, u"A1"_s, 7));
    QCOMPARE_REJECTED(tooMany, u"insufficient_stock"_s);
    QCOMPARE(tooMany.available, std::optional<qint64>(6));
    QCOMPARE(tooMany.seq, 2);
    QCOMPARE(level(u"A1"_s).reserved, 4);

    // No level at all: nothing available.
    const MutationResult none = apply(u"POS-01"_s, reserve(u"R3"_s, u"C3"_s, 1));
    QCOMPARE_REJECTED(none, u"insufficient_stock"_s);
    QCOMPARE(none.available, std::optional<qint64>(0));
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 3);

    // The rejected reservation ID was not kept: it can be used.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R2"_s, u"A1"_s, 6)));
    QCOMPARE(level(u"A1"_s).available(), 0);
}

void TestSqlServerStore::reserveReusingLiveIdIsInvalid()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 2)));
    const MutationResult again = apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1));
    QCOMPARE_REJECTED(again, u"invalid"_s);
    QVERIFY(again.message.startsWith(u"reservation"_s));
    QCOMPARE(level(u"A1"_s).reserved, 2);
    // Reservation IDs are per terminal: another terminal may use the same one.
    QCOMPARE_APPLIED(apply(u"POS-02"_s, reserve(u"R1"_s, u"A1"_s, 1)));
    QCOMPARE(level(u"A1"_s).reserved, 3);
}

void TestSqlServerStore::releaseAlwaysApplies()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 2)));
    QCOMPARE_APPLIED(apply(u"POS-02"_s, ReleaseMutation{u"R1"_s})); // not POS-02's
    QCOMPARE(level(u"A1"_s).reserved, 2);
    QCOMPARE_APPLIED(apply(u"POS-01"_s, ReleaseMutation{u"R1"_s}));
    QCOMPARE(level(u"A1"_s).reserved, 0);
    QCOMPARE_APPLIED(apply(u"POS-01"_s, ReleaseMutation{u"R1"_s})); // already gone
    QCOMPARE(level(u"A1"_s).reserved, 0);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::saleFromReservation()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 5)));
    QCOMPARE_APPLIED(apply(u"POS-02"_s, reserve(u"R9"_s, u"A1"_s, 5)));
    QCOMPARE(level(u"A1"_s).available(), 0);
    // Covered by its reservation although nothing is available; the 2 left over are released.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S1"_s, {line(u"A1"_s, 3, u"R1"_s)})));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 7, 5, 4}));
    QCOMPARE(level(u"A1"_s).available(), 2);
    // The reservation is gone: the same line again must come from available stock.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S2"_s, {line(u"A1"_s, 2, u"R1"_s)})));
    QCOMPARE_REJECTED(apply(u"POS-01"_s, sale(u"S3"_s, {line(u"A1"_s, 1, u"R1"_s)})),
                      u"insufficient_stock"_s);
    // A reservation of another terminal does not cover this one's line.
    QCOMPARE_REJECTED(apply(u"POS-01"_s, sale(u"S4"_s, {line(u"A1"_s, 1, u"R9"_s)})),
                      u"insufficient_stock"_s);
    QCOMPARE(level(u"A1"_s).reserved, 5);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::saleReservationSmallerThanLine()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 2)));
    QCOMPARE_APPLIED(apply(u"POS-02"_s, reserve(u"R2"_s, u"A1"_s, 7)));
    // Available 1 + its own 2 reserved cover a line of 3.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S1"_s, {line(u"A1"_s, 3, u"R1"_s)})));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 7, 7, 4}));
    // A reservation for another SKU does not count for this line, and is left alone.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R3"_s, u"B2"_s, 1)));
    const MutationResult other = apply(u"POS-01"_s, sale(u"S2"_s, {line(u"A1"_s, 1, u"R3"_s)}));
    QCOMPARE_REJECTED(other, u"insufficient_stock"_s);
    QCOMPARE(level(u"B2"_s).reserved, 1);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::saleAllLinesOrNone()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"B2"_s, 2)));
    const StockLevel a = level(u"A1"_s);
    const StockLevel b = level(u"B2"_s);
    const MutationResult rejected =
        apply(u"POS-01"_s,
              sale(u"S1"_s, {line(u"A1"_s, 4), line(u"B2"_s, 6, u"R1"_s), line(u"A1"_s, 7)}));
    QCOMPARE_REJECTED(rejected, u"insufficient_stock"_s);
    // Per line, what it could have had before the sale: available plus its own reservation.
    QCOMPARE(rejected.lines, (QList<LineAvailability>{{u"A1"_s, 10}, {u"B2"_s, 5}, {u"A1"_s, 10}}));
    QCOMPARE(level(u"A1"_s), a);
    QCOMPARE(level(u"B2"_s), b); // the reservation was not consumed either
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S2"_s, {line(u"B2"_s, 2, u"R1"_s)})));
    QCOMPARE(level(u"B2"_s).reserved, 0);

    // A second line of the same SKU sees the first line's effect.
    const MutationResult sameSku =
        apply(u"POS-01"_s, sale(u"S3"_s, {line(u"A1"_s, 6), line(u"A1"_s, 5)}));
    QCOMPARE_REJECTED(sameSku, u"insufficient_stock"_s);
    QCOMPARE(level(u"A1"_s).onHand, 10);
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S4"_s, {line(u"A1"_s, 6), line(u"A1"_s, 4)})));
    QCOMPARE(level(u"A1"_s).onHand, 0);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::offlineSaleRecordsShortage()
{
    QCOMPARE_APPLIED(apply(u"WEB"_s, reserve(u"W1"_s, u"A1"_s, 2)));
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1)));
    // Available 7 + its own reservation 1: lines of 6 and 6 (same SKU) leave 4 uncovered, and
    // the 2 held for the web shop stay held.
    const BatchOutcome outcome = batch({request(
        u"POS-01"_s,
        {sale(u"S1"_s, {line(u"A1"_s, 6), line(u"A1"_s, 6, u"R1"_s), line(u"C3"_s, 2)}, true)})});
    QCOMPARE(outcome.pushes.size(), 1);
    const MutationResult result = outcome.pushes.first().results.value(0);
    QCOMPARE_APPLIED(result);
    // Per line not fully covered, the units that were available: 2 of A1, none of C3.
    QCOMPARE(result.shortages, (QList<LineAvailability>{{u"A1"_s, 2}, {u"C3"_s, 0}}));
    QVERIFY(outcome.effects.shortagesChanged);
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 2, 2, 5}));

    const QList<Shortage> open = *m_store->openShortages();
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).sku, u"A1"_s);
    QCOMPARE(open.at(0).qty, 4);
    QCOMPARE(open.at(0).terminal, u"POS-01"_s);
    QCOMPARE(open.at(0).sale, u"S1"_s);
    QCOMPARE(open.at(0).at, t0);
    QVERIFY(!open.at(0).resolved);
    QCOMPARE(open.at(1).sku, u"C3"_s);
    QVERIFY(m_store->verify()->ok);

    // Nothing at all left: all short, never negative.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S2"_s, {line(u"A1"_s, 3)}, true)));
    QCOMPARE(level(u"A1"_s).onHand, 2);
    QCOMPARE(m_store->openShortages()->size(), 3);

    QVERIFY(m_store->resolveShortage(open.at(0).id, u"MGR"_s).ok());
    QVERIFY(!m_store->resolveShortage(open.at(0).id, u"MGR"_s).ok());
    QVERIFY(!m_store->resolveShortage(open.at(1).id, QString()).ok());
    QCOMPARE(m_store->openShortages()->size(), 2);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::returnAndReceiveUpsert()
{
    ReturnMutation ret{u"RT1"_s, u"store-1"_s, {{u"A1"_s, 2}, {u"C3"_s, 1}}, u"S0"_s};
    QCOMPARE_APPLIED(apply(u"POS-01"_s, ret));
    QCOMPARE(level(u"A1"_s).onHand, 12);
    QCOMPARE(level(u"C3"_s), (StockLevel{u"C3"_s, u"store-1"_s, 1, 0, 1}));

    ReceiveMutation rec{u"GR1"_s, u"store-2"_s, {{u"D4"_s, 24}, {u"D4"_s, 6}}, u"PO-7"_s, {},
                        {},       false};
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, rec));
    QCOMPARE(level(u"D4"_s, u"store-2"_s), (StockLevel{u"D4"_s, u"store-2"_s, 30, 0, 2}));
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::countAppliedAndConflicting()
{
    const StockLevel before = level(u"A1"_s);
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, CountMutation{u"A1"_s, u"store-1"_s, 8, before.version}));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 8, 0, before.version + 1}));

    const MutationResult stale =
        apply(u"DOCK-1"_s, CountMutation{u"A1"_s, u"store-1"_s, 3, before.version});
    QCOMPARE_REJECTED(stale, u"version_conflict"_s);
    QCOMPARE(stale.level, std::optional<StockLevel>(level(u"A1"_s)));
    QCOMPARE(level(u"A1"_s).onHand, 8);

    // A missing level is at version 0.
    const MutationResult missing = apply(u"DOCK-1"_s, CountMutation{u"C3"_s, u"store-2"_s, 4, 1});
    QCOMPARE_REJECTED(missing, u"version_conflict"_s);
    QCOMPARE(missing.level, std::optional<StockLevel>(StockLevel{u"C3"_s, u"store-2"_s, 0, 0, 0}));
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, CountMutation{u"C3"_s, u"store-2"_s, 4, 0}));
    QCOMPARE(level(u"C3"_s, u"store-2"_s), (StockLevel{u"C3"_s, u"store-2"_s, 4, 0, 1}));
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::countBelowReservationsCutsThem()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 3, 600)));
    QCOMPARE_APPLIED(apply(u"POS-02"_s, reserve(u"R2"_s, u"A1"_s, 4, 900)));
    const StockLevel before = level(u"A1"_s);
    QCOMPARE(before.reserved, 7);
    // Only 5 on the shelf: the hold expiring last (R2) is cut from 4 to 2; R1 keeps its 3.
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, CountMutation{u"A1"_s, u"store-1"_s, 5, before.version}));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 5, 5, before.version + 1}));
    QVERIFY(m_store->verify()->ok);
    // R2 holds 2 now: a sale of 3 against it needs one more unit than there is.
    QCOMPARE_REJECTED(apply(u"POS-02"_s, sale(u"S1"_s, {line(u"A1"_s, 3, u"R2"_s)})),
                      u"insufficient_stock"_s);
    QCOMPARE_APPLIED(apply(u"POS-02"_s, sale(u"S2"_s, {line(u"A1"_s, 2, u"R2"_s)})));
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S3"_s, {line(u"A1"_s, 3, u"R1"_s)})));
    QCOMPARE(level(u"A1"_s).onHand, 0);

    // Counted 0 with holds: every hold goes.
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R4"_s, u"B2"_s, 5)));
    QCOMPARE_APPLIED(
        apply(u"DOCK-1"_s, CountMutation{u"B2"_s, u"store-1"_s, 0, level(u"B2"_s).version}));
    QCOMPARE(level(u"B2"_s).reserved, 0);
    QVERIFY(!m_store->nextExpiry()->has_value());
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::transferAllOrNothing()
{
    TransferMutation tooMuch{u"T1"_s, u"A1"_s, u"wh"_s, u"store-2"_s, 101};
    const MutationResult rejected = apply(u"DOCK-1"_s, tooMuch);
    QCOMPARE_REJECTED(rejected, u"insufficient_stock"_s);
    QCOMPARE(rejected.available, std::optional<qint64>(100));
    QCOMPARE(level(u"A1"_s, u"wh"_s).onHand, 100);
    QCOMPARE(level(u"A1"_s, u"store-2"_s).onHand, -1); // never created

    const MutationResult moved =
        apply(u"DOCK-1"_s, TransferMutation{u"T2"_s, u"A1"_s, u"wh"_s, u"store-2"_s, 40});
    QCOMPARE_APPLIED(moved);
    QCOMPARE(level(u"A1"_s, u"wh"_s).onHand, 60);
    QCOMPARE(level(u"A1"_s, u"store-2"_s).onHand, 40);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::adjust()
{
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, AdjustMutation{u"A1"_s, u"store-1"_s, 3, u"found"_s}));
    QCOMPARE(level(u"A1"_s).onHand, 13);
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 10)));
    const MutationResult tooMuch =
        apply(u"DOCK-1"_s, AdjustMutation{u"A1"_s, u"store-1"_s, -4, u"damaged"_s});
    QCOMPARE_REJECTED(tooMuch, u"insufficient_stock"_s);
    QCOMPARE(tooMuch.available, std::optional<qint64>(3));
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, AdjustMutation{u"A1"_s, u"store-1"_s, -3, u"damaged"_s}));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 10, 4}));
    QCOMPARE_APPLIED(apply(u"MGR"_s, AdjustMutation{u"D4"_s, u"wh"_s, 7, u"opening"_s}));
    QCOMPARE(level(u"D4"_s, u"wh"_s).onHand, 7);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::roles()
{
    const ReceiveMutation receive{u"GR1"_s, u"store-1"_s, {{u"A1"_s, 1}}, {}, {}, {}, false};
    const MutationResult posReceive = apply(u"POS-01"_s, receive);
    QCOMPARE_REJECTED(posReceive, u"forbidden"_s);
    QVERIFY(posReceive.message.contains(u"pos"_s));
    QCOMPARE_REJECTED(apply(u"DOCK-1"_s, sale(u"S1"_s, {line(u"A1"_s, 1)})), u"forbidden"_s);
    QCOMPARE_REJECTED(apply(u"DOCK-1"_s, reserve(u"R1"_s, u"A1"_s, 1)), u"forbidden"_s);
    QCOMPARE_REJECTED(apply(u"WEB"_s, CountMutation{u"A1"_s, u"store-1"_s, 1, 0}), u"forbidden"_s);
    QCOMPARE(level(u"A1"_s).onHand, 10);
    QCOMPARE_APPLIED(apply(u"WEB"_s, sale(u"S1"_s, {line(u"A1"_s, 1)})));
    QCOMPARE_APPLIED(apply(u"MGR"_s, receive));
    QCOMPARE_APPLIED(apply(u"MGR"_s, sale(u"S2"_s, {line(u"A1"_s, 1)})));
    QCOMPARE_APPLIED(apply(u"DOCK-1"_s, receive));
    QCOMPARE(level(u"A1"_s).onHand, 10);
    // Rejections count as processed.
    QCOMPARE(m_store->terminal(u"DOCK-1"_s)->lastSeq, 3);
}

void TestSqlServerStore::unknownSkuAndLocation()
{
    const MutationResult sku = apply(u"POS-01"_s, reserve(u"R1"_s, u"ZZ9"_s, 1));
    QCOMPARE_REJECTED(sku, u"unknown_sku"_s);
    QVERIFY(sku.message.startsWith(u"sku"_s));
    const MutationResult line2 =
        apply(u"POS-01"_s, sale(u"S1"_s, {line(u"A1"_s, 1), line(u"ZZ9"_s, 1)}));
    QCOMPARE_REJECTED(line2, u"unknown_sku"_s);
    QVERIFY(line2.message.startsWith(u"lines[1].sku"_s));
    const MutationResult location =
        apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1, 900, u"mars"_s));
    QCOMPARE_REJECTED(location, u"unknown_location"_s);
    QVERIFY(location.message.startsWith(u"location"_s));
    const MutationResult to =
        apply(u"DOCK-1"_s, TransferMutation{u"T1"_s, u"A1"_s, u"wh"_s, u"mars"_s, 1});
    QCOMPARE_REJECTED(to, u"unknown_location"_s);
    QVERIFY(to.message.startsWith(u"to"_s));
    QCOMPARE(level(u"A1"_s, u"wh"_s).onHand, 100);
    QCOMPARE(level(u"A1"_s).onHand, 10);
    // A product added later is known at once (the cache only remembers what exists).
    Product p;
    p.sku = u"ZZ9"_s;
    p.name = u"Late"_s;
    QVERIFY(m_store->importCatalog({p}).ok());
    QCOMPARE_REJECTED(apply(u"POS-01"_s, reserve(u"R1"_s, u"ZZ9"_s, 1)), u"insufficient_stock"_s);
}

void TestSqlServerStore::invalidBody()
{
    // A body the decoder could not read arrives as an Error naming the field.
    PushRequest push;
    push.terminal = u"POS-01"_s;
    PushEntry bad;
    bad.seq = 1;
    bad.id = u"m-1"_s;
    bad.mutation = Error{u"lines[0].qty"_s, u"must be from 1 to 1000000"_s};
    push.entries.append(bad);
    // A body that fails validation here (qty 0), and a good one behind them.
    push.entries.append(entry(2, u"m-2"_s, reserve(u"R1"_s, u"A1"_s, 0)));
    push.entries.append(entry(3, u"m-3"_s, reserve(u"R1"_s, u"A1"_s, 1)));
    m_seq[u"POS-01"_s] = 3;
    const BatchOutcome outcome = batch({push});
    const QList<MutationResult> results = outcome.pushes.value(0).results;
    QCOMPARE(results.size(), 3);
    QCOMPARE_REJECTED(results.at(0), u"invalid"_s);
    QVERIFY(results.at(0).message.contains(u"lines[0].qty"_s));
    QCOMPARE_REJECTED(results.at(1), u"invalid"_s);
    QVERIFY(results.at(1).message.startsWith(u"qty"_s));
    QCOMPARE_APPLIED(results.at(2));
    QCOMPARE(level(u"A1"_s).reserved, 1);
}

// ---- the stream

void TestSqlServerStore::replayReturnsTheStoredResult()
{
    const PushRequest first =
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 4), reserve(u"R2"_s, u"A1"_s, 40),
                              sale(u"S1"_s, {line(u"A1"_s, 1), line(u"B2"_s, 9)})});
    const BatchOutcome original = batch({first});
    QCOMPARE(original.pushes.value(0).results.size(), 3);
    const StockLevel a = level(u"A1"_s);

    PushRequest again = first;
    again.entries.append(entry(4, u"POS-01-4"_s, ReleaseMutation{u"R1"_s}));
    m_seq[u"POS-01"_s] = 4;
    const BatchOutcome replayed = batch({again});
    const QList<MutationResult> results = replayed.pushes.value(0).results;
    QCOMPARE(results.size(), 4);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(results.at(i).replay);
        MutationResult unmarked = results.at(i);
        unmarked.replay = false;
        QCOMPARE(unmarked, original.pushes.value(0).results.at(i));
    }
    QVERIFY(!results.at(3).replay);
    QCOMPARE_APPLIED(results.at(3));
    QCOMPARE(level(u"A1"_s).reserved, a.reserved - 4); // only the release took effect
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 4);
}

void TestSqlServerStore::sequenceConflict()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1)));
    PushRequest push;
    push.terminal = u"POS-01"_s;
    push.entries = {entry(1, u"someone-else"_s, reserve(u"R9"_s, u"A1"_s, 1)),
                    entry(2, u"m-2"_s, reserve(u"R2"_s, u"A1"_s, 1))};
    const BatchOutcome outcome = batch({push});
    const PushOutcome& o = outcome.pushes.value(0);
    QVERIFY(o.results.isEmpty());
    QVERIFY(o.error.has_value());
    QCOMPARE(o.error->code, u"sequence_conflict"_s);
    QCOMPARE(o.error->seq, std::optional<qint64>(1));
    QCOMPARE(level(u"A1"_s).reserved, 1);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 1);
}

void TestSqlServerStore::sequenceGap()
{
    PushRequest gap;
    gap.terminal = u"POS-01"_s;
    gap.entries = {entry(3, u"m-3"_s, reserve(u"R1"_s, u"A1"_s, 1))};
    BatchOutcome outcome = batch({gap});
    QCOMPARE(outcome.pushes.value(0).error->code, u"sequence_gap"_s);
    QCOMPARE(outcome.pushes.value(0).error->expected, std::optional<qint64>(1));
    QCOMPARE(outcome.pushes.value(0).error->seq, std::optional<qint64>(3));
    QVERIFY(outcome.pushes.value(0).results.isEmpty());

    PushRequest partly;
    partly.terminal = u"POS-01"_s;
    partly.entries = {entry(1, u"m-1"_s, reserve(u"R1"_s, u"A1"_s, 1)),
                      entry(3, u"m-3"_s, reserve(u"R3"_s, u"A1"_s, 1)),
                      entry(4, u"m-4"_s, reserve(u"R4"_s, u"A1"_s, 1))};
    outcome = batch({partly});
    QCOMPARE(outcome.pushes.value(0).results.size(), 1);
    QCOMPARE(outcome.pushes.value(0).error->code, u"sequence_gap"_s);
    QCOMPARE(outcome.pushes.value(0).error->expected, std::optional<qint64>(2));
    QCOMPARE(level(u"A1"_s).reserved, 1);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 1);
}

void TestSqlServerStore::rejectionRollsBackOnlyItself()
{
    const BatchOutcome outcome =
        batch({request(u"POS-01"_s,
                       {reserve(u"R1"_s, u"A1"_s, 2),
                        sale(u"S1"_s, {line(u"A1"_s, 3), line(u"B2"_s, 1), line(u"B2"_s, 5)}),
                        reserve(u"R2"_s, u"B2"_s, 1)}),
               request(u"POS-02"_s, {sale(u"S2"_s, {line(u"A1"_s, 1)})})});
    const QList<MutationResult> first = outcome.pushes.value(0).results;
    QCOMPARE(first.size(), 3);
    QCOMPARE_APPLIED(first.at(0));
    QCOMPARE_REJECTED(first.at(1), u"insufficient_stock"_s);
    QCOMPARE_APPLIED(first.at(2));
    QCOMPARE_APPLIED(outcome.pushes.value(1).results.value(0));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 9, 2, 3}));
    QCOMPARE(level(u"B2"_s), (StockLevel{u"B2"_s, u"store-1"_s, 5, 1, 2}));
    // The effects hold the latest value of each level, once.
    QCOMPARE(outcome.effects.levels.size(), 2);
    QCOMPARE(outcome.effects.levels.at(0), level(u"A1"_s));
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::storageFailureRollsBackTheBatch()
{
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R0"_s, u"A1"_s, 1)));
    const qint64 cursor = *m_store->currentCursor();
    const QList<StockLevel> before = *m_store->levels();
    // The disk "fails" at the ledger row of one mutation in the middle of the batch.
    {
        RawDb raw(m_path);
        if (TestDatabase::postgres()) {
            QVERIFY(raw.exec(u"CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS "
                             u"$$BEGIN RAISE EXCEPTION 'disk on fire'; END$$"_s));
            QVERIFY(raw.exec(u"CREATE TRIGGER fail BEFORE INSERT ON ledger FOR EACH ROW "
                             u"WHEN (NEW.detail LIKE '%S-FAIL%') EXECUTE FUNCTION fail()"_s));
        } else {
            QVERIFY(raw.exec(u"CREATE TRIGGER fail BEFORE INSERT ON ledger "
                             u"WHEN NEW.detail LIKE '%S-FAIL%' "
                             u"BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"_s));
        }
    }
    const QList<PushRequest> pushes = {
        request(u"POS-02"_s, {reserve(u"R1"_s, u"A1"_s, 2)}),
        request(u"POS-01"_s, {reserve(u"R2"_s, u"B2"_s, 1), sale(u"S-FAIL"_s, {line(u"A1"_s, 1)}),
                              reserve(u"R3"_s, u"B2"_s, 1)})};
    const Result<BatchOutcome> failed = m_store->applyBatch(pushes, t0);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(u"disk on fire"_s),
             qPrintable(failed.error().message));
    QCOMPARE(*m_store->levels(), before);
    QCOMPARE(*m_store->currentCursor(), cursor);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 1);
    QCOMPARE(m_store->terminal(u"POS-02"_s)->lastSeq, 0);
    QVERIFY(m_store->verify()->ok);

    // The clients resend the same pushes once storage works again.
    {
        RawDb raw(m_path);
        QVERIFY(raw.exec(TestDatabase::postgres() ? u"DROP TRIGGER fail ON ledger"_s
                                                  : u"DROP TRIGGER fail"_s));
    }
    const Result<BatchOutcome> resent = m_store->applyBatch(pushes, t0);
    QVERIFY(resent.ok());
    QCOMPARE(resent->pushes.value(1).results.size(), 3);
    for (const MutationResult& r : resent->pushes.value(1).results)
        QCOMPARE_APPLIED(r);
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 9, 3, 4}));
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::deadlockRunsTheBatchAgain()
{
    if (!TestDatabase::postgres())
        QSKIP("PostgreSQL aborts a transaction as a deadlock victim; SQLite has one writer");
    // The first two attempts die as a deadlock victim would, at their first ledger row; a
    // sequence counts attempts, since it is the one thing a rollback does not take back.
    {
        RawDb raw(m_path);
        QVERIFY(raw.exec(u"CREATE SEQUENCE attempts"_s));
        QVERIFY(raw.exec(u"CREATE FUNCTION victim() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
                         u"IF nextval('attempts') <= 2 THEN "
                         u"RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END IF; "
                         u"RETURN NEW; END$$"_s));
        QVERIFY(raw.exec(u"CREATE TRIGGER victim BEFORE INSERT ON ledger FOR EACH ROW "
                         u"EXECUTE FUNCTION victim()"_s));
    }
    const BatchOutcome outcome = batch({request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 3)}),
                                        request(u"POS-02"_s, {reserve(u"R2"_s, u"A1"_s, 8)})});
    QCOMPARE(outcome.pushes.size(), 2);
    QCOMPARE_APPLIED(outcome.pushes.at(0).results.value(0));
    QCOMPARE_REJECTED(outcome.pushes.at(1).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.at(1).results.value(0).available, std::optional<qint64>(7));
    QCOMPARE(level(u"A1"_s).reserved, 3); // applied once, not once per attempt
    QVERIFY(m_store->verify()->ok);
    {
        RawDb raw(m_path);
        QCOMPARE(raw.scalar(u"SELECT last_value FROM attempts"_s), 3);
        // From now on every attempt fails: the batch gives up with an error, nothing applied.
        QVERIFY(raw.exec(u"CREATE OR REPLACE FUNCTION victim() RETURNS trigger LANGUAGE plpgsql "
                         u"AS $$BEGIN RAISE EXCEPTION 'could not serialize' "
                         u"USING ERRCODE = '40001'; END$$"_s));
    }
    const Result<BatchOutcome> failed =
        m_store->applyBatch({request(u"POS-01"_s, {reserve(u"R3"_s, u"A1"_s, 1)})}, t0);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(u"could not serialize"_s),
             qPrintable(failed.error().message));
    QCOMPARE(level(u"A1"_s).reserved, 3);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 1);
}

// ---- one batch, several pushes: every decision sees the ones before it

void TestSqlServerStore::batchReserveReleaseReserveLastUnit()
{
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 9)}),
        request(u"POS-02"_s, {reserve(u"R2"_s, u"A1"_s, 1)}), // the last unit
        request(u"POS-01"_s, {reserve(u"R3"_s, u"A1"_s, 1)}), // none left
        request(u"POS-02"_s, {ReleaseMutation{u"R2"_s}}),
        request(u"POS-01"_s, {reserve(u"R4"_s, u"A1"_s, 1)}), // the released unit
        request(u"POS-02"_s, {reserve(u"R5"_s, u"A1"_s, 1)}), // none left again
    });
    QCOMPARE(outcome.pushes.size(), 6);
    QCOMPARE_APPLIED(outcome.pushes.at(0).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.at(1).results.value(0));
    QCOMPARE_REJECTED(outcome.pushes.at(2).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.at(2).results.value(0).available, std::optional<qint64>(0));
    QCOMPARE_APPLIED(outcome.pushes.at(3).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.at(4).results.value(0));
    QCOMPARE_REJECTED(outcome.pushes.at(5).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.at(5).results.value(0).seq, 3);
    // Four changes on the level imported at version 1.
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 10, 5}));
    QCOMPARE(outcome.effects.levels, QList<StockLevel>{level(u"A1"_s)});
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 3);
    QCOMPARE(m_store->terminal(u"POS-02"_s)->lastSeq, 3);
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reservations"_s), 2); // R1 and R4
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reservations WHERE reservation = 'R2'"_s), 0);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM ledger WHERE kind IN ('reserve', 'release')"_s), 4);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM results"_s), 6);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchDuplicateReservationId()
{
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 1), reserve(u"R1"_s, u"A1"_s, 1)}),
        request(u"POS-02"_s, {reserve(u"R1"_s, u"A1"_s, 1)}), // another terminal's R1
        request(u"POS-01"_s, {ReleaseMutation{u"R1"_s}, reserve(u"R1"_s, u"A1"_s, 2)}),
    });
    const QList<MutationResult> first = outcome.pushes.value(0).results;
    QCOMPARE(first.size(), 2);
    QCOMPARE_APPLIED(first.at(0));
    QCOMPARE_REJECTED(first.at(1), u"invalid"_s);
    QVERIFY(first.at(1).message.startsWith(u"reservation"_s));
    QCOMPARE_APPLIED(outcome.pushes.value(1).results.value(0));
    // Released in the batch, the ID is free again within it.
    QCOMPARE_APPLIED(outcome.pushes.value(2).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(2).results.value(1));
    QCOMPARE(level(u"A1"_s).reserved, 3);
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT qty FROM reservations WHERE terminal = 'POS-01' "
                        u"AND reservation = 'R1'"_s),
             2);
    QVERIFY(m_store->verify()->ok);
    // And the next batch still sees POS-01's R1 held.
    QCOMPARE_REJECTED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 1)), u"invalid"_s);
}

void TestSqlServerStore::batchSaleTakesReservationMadeInIt()
{
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 3)}),
        request(u"POS-02"_s, {reserve(u"R2"_s, u"A1"_s, 7)}), // everything else
        // Covered by R1 alone although nothing is available.
        request(u"POS-01"_s, {sale(u"S1"_s, {line(u"A1"_s, 3, u"R1"_s)})}),
        // R1 is gone with S1: this line has nothing to come from.
        request(u"POS-01"_s, {sale(u"S2"_s, {line(u"A1"_s, 1, u"R1"_s)})}),
    });
    QCOMPARE_APPLIED(outcome.pushes.value(0).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(1).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(2).results.value(0));
    const MutationResult s2 = outcome.pushes.value(3).results.value(0);
    QCOMPARE_REJECTED(s2, u"insufficient_stock"_s);
    QCOMPARE(s2.lines, (QList<LineAvailability>{{u"A1"_s, 0}}));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 7, 7, 4}));
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reservations"_s), 1); // R2
    QCOMPARE(raw.text(u"SELECT detail FROM ledger WHERE kind = 'sale'"_s),
             u"{\"reservation\":\"R1\",\"sale\":\"S1\"}"_s);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchRejectionLeavesNoLedgerRow()
{
    RawDb raw(m_path);
    const qint64 ledgerBefore = raw.scalar(u"SELECT COUNT(*) FROM ledger"_s);
    const BatchOutcome outcome = batch({request(
        u"POS-01"_s, {reserve(u"R1"_s, u"B2"_s, 2),
                      // A1 would be taken before B2 fails: the whole sale goes, A1 included.
                      sale(u"S1"_s, {line(u"A1"_s, 4), line(u"B2"_s, 6, u"R1"_s)}),
                      reserve(u"R2"_s, u"B2"_s, 3)})});
    const QList<MutationResult> results = outcome.pushes.value(0).results;
    QCOMPARE(results.size(), 3);
    QCOMPARE_APPLIED(results.at(0));
    QCOMPARE_REJECTED(results.at(1), u"insufficient_stock"_s);
    // As things stood before the sale: available plus the line's own reservation.
    QCOMPARE(results.at(1).lines, (QList<LineAvailability>{{u"A1"_s, 10}, {u"B2"_s, 5}}));
    QCOMPARE_APPLIED(results.at(2));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM ledger"_s), ledgerBefore + 2);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM ledger WHERE detail LIKE '%S1%'"_s), 0);
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 0, 1}));
    QCOMPARE(level(u"B2"_s), (StockLevel{u"B2"_s, u"store-1"_s, 5, 5, 3}));
    // R1 was not consumed by the rejected sale.
    QCOMPARE(raw.scalar(u"SELECT qty FROM reservations WHERE reservation = 'R1'"_s), 2);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchKeepsTextExactly()
{
    // Free text, as a dock may type it: what PostgreSQL's array literals and SQL's quoting treat
    // specially (quotes, backslashes, commas, braces, NULL, blanks), and more than ASCII.
    const QString reference = u"PO \"7\", {box} \\ 3 \u00fc NULL  \u20ac"_s;
    const PushRequest push = request(
        u"DOCK-1"_s,
        {ReceiveMutation{u"GR1"_s, u"store-2"_s, {{u"D4"_s, 24}}, reference, {}, {}, false}});
    const BatchOutcome outcome = batch({push});
    QCOMPARE_APPLIED(outcome.pushes.value(0).results.value(0));
    RawDb raw(m_path);
    const QByteArray detail =
        raw.text(u"SELECT detail FROM ledger WHERE terminal = 'DOCK-1'"_s).toUtf8();
    QCOMPARE(QJsonDocument::fromJson(detail).object().value(u"reference"_s).toString(), reference);
    // Sent again, it is answered from the stored result, unchanged.
    MutationResult replayed = batch({push}).pushes.value(0).results.value(0);
    QVERIFY(replayed.replay);
    replayed.replay = false;
    QCOMPARE(replayed, outcome.pushes.value(0).results.value(0));
    QCOMPARE(level(u"D4"_s, u"store-2"_s).onHand, 24);
}

void TestSqlServerStore::batchLevelsAreConditionalInTheDatabase()
{
    // Something takes every unit of A1 inside the batch's own transaction, after the batch read
    // the level (a trigger, as a stand-in for any writer the batch did not know of): the
    // batch's write of the level is conditional in the database, so it fails whole rather
    // than write over it.
    {
        RawDb raw(m_path);
        if (TestDatabase::postgres()) {
            QVERIFY(raw.exec(u"CREATE FUNCTION grab() RETURNS trigger LANGUAGE plpgsql AS "
                             u"$$BEGIN UPDATE levels SET reserved = on_hand WHERE sku = 'A1'; "
                             u"RETURN NULL; END$$"_s));
            QVERIFY(raw.exec(u"CREATE TRIGGER grab AFTER INSERT ON reservations "
                             u"FOR EACH ROW EXECUTE FUNCTION grab()"_s));
        } else {
            QVERIFY(raw.exec(u"CREATE TRIGGER grab AFTER INSERT ON reservations BEGIN "
                             u"UPDATE levels SET reserved = on_hand WHERE sku = 'A1'; END"_s));
        }
    }
    const StockLevel before = level(u"A1"_s);
    const Result<BatchOutcome> failed =
        m_store->applyBatch({request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 2)})}, t0);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(u"not as this batch read them"_s),
             qPrintable(failed.error().message));
    QCOMPARE(level(u"A1"_s), before);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 0);
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchCountSeesEarlierReserve()
{
    // The count runs its SQL between in-memory decisions: it must see the reserve before it
    // (at version 2, holding 4), and the reserve after it must see the count.
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 4)}),
        request(u"DOCK-1"_s, {CountMutation{u"A1"_s, u"store-1"_s, 3, 2}}),
        request(u"POS-02"_s, {reserve(u"R2"_s, u"A1"_s, 1)}),
        request(u"POS-01"_s, {sale(u"S1"_s, {line(u"A1"_s, 3, u"R1"_s)})}),
    });
    QCOMPARE_APPLIED(outcome.pushes.value(0).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(1).results.value(0));
    const MutationResult r2 = outcome.pushes.value(2).results.value(0);
    QCOMPARE_REJECTED(r2, u"insufficient_stock"_s);
    QCOMPARE(r2.available, std::optional<qint64>(0));
    // R1 was cut to the 3 counted, and the sale takes exactly those.
    QCOMPARE_APPLIED(outcome.pushes.value(3).results.value(0));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 0, 0, 4}));
    QCOMPARE(outcome.effects.levels, QList<StockLevel>{level(u"A1"_s)});
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchReceiptThenReserveOfIt()
{
    // C3 has no level at store-1 until the receipt makes one, in the same batch.
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R0"_s, u"C3"_s, 1)}), // nothing there yet
        request(u"DOCK-1"_s,
                {ReceiveMutation{u"GR1"_s, u"store-1"_s, {{u"C3"_s, 4}}, {}, {}, {}, false}}),
        request(u"POS-01"_s, {reserve(u"R1"_s, u"C3"_s, 3)}),
        request(u"POS-02"_s, {reserve(u"R2"_s, u"C3"_s, 2)}), // 1 left
        request(u"POS-02"_s, {ReturnMutation{u"RT1"_s, u"store-1"_s, {{u"C3"_s, 1}}, {}}}),
        request(u"POS-02"_s, {reserve(u"R3"_s, u"C3"_s, 2)}), // the returned unit makes 2
    });
    QCOMPARE_REJECTED(outcome.pushes.value(0).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.value(0).results.value(0).available, std::optional<qint64>(0));
    QCOMPARE_APPLIED(outcome.pushes.value(1).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(2).results.value(0));
    QCOMPARE_REJECTED(outcome.pushes.value(3).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.value(3).results.value(0).available, std::optional<qint64>(1));
    QCOMPARE_APPLIED(outcome.pushes.value(4).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.value(5).results.value(0));
    QCOMPARE(level(u"C3"_s), (StockLevel{u"C3"_s, u"store-1"_s, 5, 5, 4}));
    QCOMPARE(outcome.effects.levels, QList<StockLevel>{level(u"C3"_s)});
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::batchRerunAfterTransientFailureGivesSameResults()
{
    if (!TestDatabase::postgres())
        QSKIP("PostgreSQL aborts a transaction as a deadlock victim; SQLite has one writer");
    // The first attempt dies writing the result of the batch's last mutation: after every
    // decision was made, a count ran its SQL in the middle, and the rest was written.
    {
        RawDb raw(m_path);
        QVERIFY(raw.exec(u"CREATE SEQUENCE attempts"_s));
        QVERIFY(
            raw.exec(u"CREATE FUNCTION victim() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
                     u"IF NEW.terminal = 'POS-02' AND NEW.seq = 2 AND nextval('attempts') = 1 THEN "
                     u"RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END IF; "
                     u"RETURN NEW; END$$"_s));
        QVERIFY(raw.exec(u"CREATE TRIGGER victim BEFORE INSERT ON results FOR EACH ROW "
                         u"EXECUTE FUNCTION victim()"_s));
    }
    const BatchOutcome outcome = batch({
        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 6), reserve(u"R2"_s, u"B2"_s, 5)}),
        request(u"POS-02"_s, {reserve(u"R1"_s, u"A1"_s, 5)}), // 4 left
        request(u"DOCK-1"_s, {CountMutation{u"B2"_s, u"store-1"_s, 4, 2}}),
        request(u"POS-01"_s,
                {ReleaseMutation{u"R1"_s}, sale(u"S1"_s, {line(u"B2"_s, 4, u"R2"_s)})}),
        request(u"POS-02"_s, {reserve(u"R3"_s, u"A1"_s, 10)}),
    });
    QCOMPARE(outcome.pushes.size(), 5);
    QCOMPARE_APPLIED(outcome.pushes.at(0).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.at(0).results.value(1));
    QCOMPARE_REJECTED(outcome.pushes.at(1).results.value(0), u"insufficient_stock"_s);
    QCOMPARE(outcome.pushes.at(1).results.value(0).available, std::optional<qint64>(4));
    QCOMPARE_APPLIED(outcome.pushes.at(2).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.at(3).results.value(0));
    QCOMPARE_APPLIED(outcome.pushes.at(3).results.value(1));
    QCOMPARE_APPLIED(outcome.pushes.at(4).results.value(0));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 10, 4}));
    QCOMPARE(level(u"B2"_s), (StockLevel{u"B2"_s, u"store-1"_s, 0, 0, 4}));
    RawDb raw(m_path);
    QCOMPARE(raw.scalar(u"SELECT last_value FROM attempts"_s), 2); // failed once, then ran
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM ledger WHERE terminal <> ''"_s), 6);
    QCOMPARE(m_store->terminal(u"POS-01"_s)->lastSeq, 4);
    QCOMPARE(m_store->terminal(u"POS-02"_s)->lastSeq, 2);
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::lastUnitsGoToExactlyN()
{
    // 10 units, 37 terminals' worth of single-unit reserves in one batch: exactly 10 win.
    QList<PushRequest> pushes;
    for (int t = 0; t < 37; ++t) {
        const QString id = u"K-%1"_s.arg(t);
        QVERIFY(m_store->addTerminal(id, Role::Channel).ok());
        pushes.append(request(id, {reserve(u"R"_s, u"A1"_s, 1)}));
    }
    // And one terminal asking for several in a row within the same push.
    pushes.append(request(u"POS-01"_s, {reserve(u"X1"_s, u"A1"_s, 1), reserve(u"X2"_s, u"A1"_s, 1),
                                        reserve(u"X3"_s, u"A1"_s, 1)}));
    const BatchOutcome outcome = batch(pushes);
    int applied = 0;
    int rejected = 0;
    for (const PushOutcome& push : outcome.pushes) {
        for (const MutationResult& r : push.results) {
            if (r.status == MutationResult::Status::Applied)
                ++applied;
            else if (r.code == u"insufficient_stock"_s && r.available == 0)
                ++rejected;
        }
    }
    QCOMPARE(applied, 10);
    QCOMPARE(rejected, 30);
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 10, 10, 11}));
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::revokedAndUnknownTerminals()
{
    QVERIFY(m_store->revokeTerminal(u"POS-02"_s).ok());
    PushRequest ghost;
    ghost.terminal = u"GHOST"_s;
    ghost.entries = {entry(1, u"g-1"_s, reserve(u"R1"_s, u"A1"_s, 1))};
    const BatchOutcome outcome = batch({request(u"POS-02"_s, {reserve(u"R1"_s, u"A1"_s, 5)}), ghost,
                                        request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 2)})});
    QCOMPARE(outcome.pushes.size(), 3);
    QVERIFY(outcome.pushes.at(0).revoked);
    QCOMPARE(outcome.pushes.at(0).error->code, u"unauthorized"_s);
    QVERIFY(outcome.pushes.at(0).results.isEmpty());
    QVERIFY(!outcome.pushes.at(1).revoked);
    QCOMPARE(outcome.pushes.at(1).error->code, u"unauthorized"_s);
    QCOMPARE_APPLIED(outcome.pushes.at(2).results.value(0));
    QCOMPARE(level(u"A1"_s).reserved, 2);
    QCOMPARE(m_store->terminal(u"POS-02"_s)->lastSeq, 0);
}

void TestSqlServerStore::expiryAtTheInstant()
{
    const QDateTime expiry = t0.addSecs(60);
    QCOMPARE_APPLIED(apply(u"WEB"_s, reserve(u"W1"_s, u"A1"_s, 7, 60), t0));
    QCOMPARE_APPLIED(apply(u"POS-01"_s, reserve(u"R1"_s, u"A1"_s, 3, 60), t0));
    QCOMPARE(*m_store->nextExpiry(), std::optional<QDateTime>(expiry));
    QCOMPARE(level(u"A1"_s).available(), 0);

    // A millisecond before: still held.
    const Result<CommitEffects> early = m_store->expireReservations(expiry.addMSecs(-1));
    QVERIFY(early.ok());
    QVERIFY(early->levels.isEmpty());
    QCOMPARE_REJECTED(apply(u"POS-02"_s, reserve(u"P1"_s, u"A1"_s, 1), expiry.addMSecs(-1)),
                      u"insufficient_stock"_s);

    // At the instant, before any sweep: the web shop's 7 are available again...
    QCOMPARE_APPLIED(apply(u"POS-02"_s, reserve(u"P2"_s, u"A1"_s, 6, 900), expiry));
    // ...and a sale naming the expired R1 falls back to available stock (4 left).
    QCOMPARE_APPLIED(apply(u"POS-01"_s, sale(u"S1"_s, {line(u"A1"_s, 3, u"R1"_s)}), expiry));
    QCOMPARE(level(u"A1"_s), (StockLevel{u"A1"_s, u"store-1"_s, 7, 6, 7}));
    QCOMPARE_REJECTED(apply(u"POS-01"_s, sale(u"S2"_s, {line(u"A1"_s, 2, u"R1"_s)}), expiry),
                      u"insufficient_stock"_s);
    QCOMPARE(*m_store->nextExpiry(), std::optional<QDateTime>(expiry.addSecs(900)));

    // The sweep releases at the instant and reports the level.
    const Result<CommitEffects> swept = m_store->expireReservations(expiry.addSecs(900));
    QVERIFY(swept.ok());
    QCOMPARE(swept->levels, (QList<StockLevel>{level(u"A1"_s)}));
    QCOMPARE(level(u"A1"_s).reserved, 0);
    QVERIFY(!m_store->nextExpiry()->has_value());
    QVERIFY(m_store->verify()->ok);
}

void TestSqlServerStore::effectsAndCursor()
{
    const qint64 start = *m_store->currentCursor();
    // Only rejections: nothing changed, no new cursor.
    const BatchOutcome nothing = batch({request(u"POS-01"_s, {reserve(u"R1"_s, u"A1"_s, 99)})});
    QCOMPARE(nothing.effects.cursor, start);
    QCOMPARE(nothing.effects.since, start);
    QVERIFY(nothing.effects.levels.isEmpty());
    QVERIFY(!nothing.effects.shortagesChanged);

    // Several changes in one commit: one new cursor.
    const BatchOutcome some =
        batch({request(u"POS-01"_s, {reserve(u"R2"_s, u"A1"_s, 1), reserve(u"R3"_s, u"B2"_s, 1)}),
               request(u"POS-02"_s, {reserve(u"R2"_s, u"A1"_s, 1)})});
    QCOMPARE(some.effects.cursor, start + 1);
    QCOMPARE(some.effects.since, start);
    QCOMPARE(some.effects.levels, (QList<StockLevel>{level(u"A1"_s), level(u"B2"_s)}));
    QCOMPARE(*m_store->currentCursor(), start + 1);

    const Result<Levels> delta = m_store->levelsSince(start);
    QVERIFY(delta.ok());
    QVERIFY(!delta->full);
    QCOMPARE(delta->cursor, start + 1);
    QCOMPARE(delta->levels, some.effects.levels);
}

void TestSqlServerStore::levelsSinceAndCatalogSince()
{
    const Result<Levels> all = m_store->levelsSince(0);
    QVERIFY(all.ok());
    QVERIFY(all->full);
    QCOMPARE(all->levels.size(), 3);
    const qint64 cursor = all->cursor;
    QCOMPARE(cursor, *m_store->currentCursor());

    const Result<Levels> none = m_store->levelsSince(cursor);
    QVERIFY(!none->full);
    QVERIFY(none->levels.isEmpty());
    QVERIFY(m_store->levelsSince(cursor + 5)->full); // ahead of ours: start over
    QCOMPARE(m_store->levelsSince(cursor + 5)->levels.size(), 3);

    QCOMPARE_APPLIED(
        apply(u"DOCK-1"_s, ReceiveMutation{u"GR"_s, u"wh"_s, {{u"B2"_s, 3}}, {}, {}, {}, false}));
    const Result<Levels> delta = m_store->levelsSince(cursor);
    QVERIFY(!delta->full);
    QCOMPARE(delta->levels, (QList<StockLevel>{StockLevel{u"B2"_s, u"wh"_s, 3, 0, 1}}));

    const Result<CatalogUpdate> catalog = m_store->catalogSince(0);
    QVERIFY(catalog->full);
    QCOMPARE(catalog->products.size(), 4);
    QCOMPARE(catalog->products.at(0).taxRate, TaxRate::fromMilliPercent(8250));
    const qint64 catalogCursor = catalog->cursor;
    QVERIFY(m_store->catalogSince(catalogCursor)->products.isEmpty());
    Product renamed = catalog->products.at(2);
    renamed.name = u"Renamed"_s;
    renamed.active = false;
    renamed.barcode = u"4006381333931"_s;
    QVERIFY(m_store->importCatalog({renamed}).ok());
    const Result<CatalogUpdate> changed = m_store->catalogSince(catalogCursor);
    QVERIFY(!changed->full);
    // An import raises the product's version (the back office's optimistic check).
    Product expected = renamed;
    expected.version = renamed.version + 1;
    QCOMPARE(changed->products, (QList<Product>{expected}));
    QCOMPARE(changed->cursor, catalogCursor + 1);
    // The level stream does not resend levels for a catalog change.
    QVERIFY(m_store->levelsSince(catalogCursor)->levels.isEmpty());
}

// ---- whole-store checks

void TestSqlServerStore::verifyAfterRandomWorkload()
{
    QRandomGenerator random(20261122);
    const QStringList skus = {u"A1"_s, u"B2"_s, u"C3"_s, u"D4"_s};
    const QStringList locations = {u"store-1"_s, u"store-2"_s, u"wh"_s};
    const QStringList terminals = {u"POS-01"_s, u"POS-02"_s, u"WEB"_s, u"DOCK-1"_s, u"MGR"_s};
    const auto pick = [&](const QStringList& list) {
        return list.at(random.bounded(static_cast<int>(list.size())));
    };
    const auto qty = [&](int max) { return qint64{random.bounded(max) + 1}; };
    QHash<QString, QStringList> held; // reservation IDs each terminal may still hold
    int next = 0;
    const auto body = [&](const QString& terminal) -> MutationBody {
        const QString sku = pick(skus);
        const QString location = pick(locations);
        const QString id = u"x%1"_s.arg(++next);
        const int kind = random.bounded(9);
        if (terminal == u"DOCK-1"_s || (terminal == u"MGR"_s && kind > 4)) {
            switch (random.bounded(4)) {
            case 0:
                return ReceiveMutation{id, location, {{sku, qty(6)}}, {}, {}, {}, false};
            case 1:
                return CountMutation{sku, location, qty(8) - 1, level(sku, location).version};
            case 2:
                return TransferMutation{id, sku, location,
                                        location == u"wh"_s ? u"store-1"_s : u"wh"_s, qty(4)};
            default: {
                const qint64 delta = qty(5) - 3;
                return AdjustMutation{sku, location, delta == 0 ? 1 : delta, u"random"_s};
            }
            }
        }
        QStringList& mine = held[terminal];
        if (kind <= 3) {
            mine.append(id);
            return ReserveMutation{id, sku, location, qty(4), qint64{random.bounded(1, 120)}};
        }
        if (kind == 4 && !mine.isEmpty())
            return ReleaseMutation{mine.takeAt(random.bounded(static_cast<int>(mine.size())))};
        if (kind == 5 && terminal != u"WEB"_s)
            return ReturnMutation{id, location, {{sku, qty(2)}}, {}};
        SaleMutation s = sale(id, {line(sku, qty(3))}, kind == 8 && terminal != u"WEB"_s, location);
        if (!mine.isEmpty() && random.bounded(2) == 0)
            s.lines.first().reservation = mine.takeLast();
        if (random.bounded(3) == 0)
            s.lines.append(line(pick(skus), qty(2)));
        return s;
    };

    QDateTime now = t0;
    int mutations = 0;
    QHash<QString, int> codes;
    for (int round = 0; round < 120; ++round) {
        QList<PushRequest> pushes;
        for (const QString& terminal : terminals) {
            QList<MutationBody> bodies;
            const int n = random.bounded(1, 12);
            for (int i = 0; i < n; ++i)
                bodies.append(body(terminal));
            mutations += n;
            pushes.append(request(terminal, bodies));
        }
        const Result<BatchOutcome> outcome = m_store->applyBatch(pushes, now);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        for (const PushOutcome& p : outcome->pushes) {
            QVERIFY(!p.error.has_value());
            for (const MutationResult& r : p.results) {
                ++codes[r.code.isEmpty() ? u"applied"_s : r.code];
                if (!r.shortages.isEmpty())
                    ++codes[u"shortage"_s];
            }
        }
        now = now.addMSecs(random.bounded(200, 5000));
        if (round % 25 == 0)
            QVERIFY(m_store->expireReservations(now).ok());
    }
    QVERIFY(mutations > 3000);
    qInfo() << "random workload:" << mutations << "mutations," << codes;
    // The workload exercised every outcome, not just the easy one.
    for (const QString& code :
         {u"applied"_s, u"insufficient_stock"_s, u"version_conflict"_s, u"shortage"_s})
        QVERIFY2(codes.value(code) > 20, qPrintable(code));
    QVERIFY2(codes.value(u"applied"_s) > mutations / 3,
             qPrintable(QString::number(codes.value(u"applied"_s))));
    const Result<VerifyReport> report = m_store->verify();
    QVERIFY(report.ok());
    QVERIFY2(report->ok, qPrintable(report->problems.join(u'\n')));
    QVERIFY(report->ledgerEvents > 1000);
    QVERIFY(report->levelsChecked >= 10);
    const Result<QList<StockLevel>> levels = m_store->levels();
    QVERIFY(levels.ok());
    for (const StockLevel& l : *levels)
        QVERIFY(l.reserved >= 0 && l.reserved <= l.onHand);

    // Corrupt a level by hand, and a terminal's seq: verify says exactly what is wrong.
    {
        RawDb raw(m_path);
        QVERIFY(raw.exec(u"UPDATE levels SET on_hand = on_hand + 1 "
                         u"WHERE sku = 'A1' AND location = 'wh'"_s));
        QVERIFY(raw.exec(u"UPDATE terminals SET last_seq = last_seq + 1 WHERE id = 'WEB'"_s));
    }
    const Result<VerifyReport> broken = m_store->verify();
    QVERIFY(broken.ok());
    QVERIFY(!broken->ok);
    QCOMPARE(broken->problems.size(), 2);
    QVERIFY2(broken->problems.at(0).startsWith(u"level A1 at wh: on hand"_s),
             qPrintable(broken->problems.at(0)));
    QVERIFY2(broken->problems.at(1).startsWith(u"terminal WEB: last seq"_s),
             qPrintable(broken->problems.at(1)));
}

void TestSqlServerStore::throughput_data()
{
    QTest::addColumn<int>("terminalsPerBatch");
    QTest::addColumn<bool>("fullSync");
    // 50 terminals × 20 mutations = batches of 1,000 (a busy store); 5 × 20 = 100 (a quiet one,
    // where each commit's sync weighs more). NORMAL only to show what FULL costs.
    QTest::newRow("batches of 1000, FULL") << 50 << true;
    QTest::newRow("batches of 1000, NORMAL") << 50 << false;
    QTest::newRow("batches of 100, FULL") << 5 << true;
    QTest::newRow("batches of 100, NORMAL") << 5 << false;
}

void TestSqlServerStore::throughput()
{
    // Group commit as the arbiter does it, every mutation a stock decision (a reserve, then a
    // sale from that reservation). No timing assertions: the figure is printed for people.
    QFETCH(int, terminalsPerBatch);
    QFETCH(bool, fullSync);
    if (TestDatabase::postgres())
        QSKIP("SQLite's figures; PostgreSQL's come from stockline-bench --db postgres://…");
    m_store.reset();
    SqlStoreConfig config;
    config.databaseName = m_dir->filePath(u"bench.db"_s);
    config.fullSync = fullSync;
    auto opened = SqlServerStore::open(config);
    QVERIFY(opened.ok());
    m_store = std::move(opened).value();
    QVERIFY(m_store->addLocation(Location{u"store-1"_s, u"Store"_s}).ok());

    const int terminals = 50;
    for (int t = 0; t < terminals; ++t)
        QVERIFY(m_store->addTerminal(u"B-%1"_s.arg(t), Role::Pos).ok());
    QList<Product> products;
    QList<StockMovement> stock;
    Product p;
    p.name = u"Bench"_s;
    for (int i = 0; i < 200; ++i) {
        p.sku = u"P%1"_s.arg(i);
        products.append(p);
        stock.append({p.sku, u"store-1"_s, 1'000'000});
    }
    QVERIFY(m_store->importCatalog(products).ok());
    QVERIFY(m_store->importStock(stock).ok());

    QRandomGenerator random(7);
    const int total = 20'000;
    int done = 0;
    int next = 0;
    QElapsedTimer timer;
    qint64 storeNs = 0;
    while (done < total) {
        QList<PushRequest> pushes;
        for (int t = 0; t < terminalsPerBatch; ++t) {
            const QString terminal = u"B-%1"_s.arg(next++ % terminals);
            QList<MutationBody> bodies;
            for (int i = 0; i < 10; ++i) {
                const QString sku = u"P%1"_s.arg(random.bounded(200));
                const QString r = u"r%1"_s.arg(done + 2 * i);
                bodies.append(reserve(r, sku, 2));
                bodies.append(sale(u"s%1"_s.arg(done + 2 * i), {line(sku, 1, r)}));
            }
            done += static_cast<int>(bodies.size());
            pushes.append(request(terminal, bodies));
        }
        timer.start();
        const Result<BatchOutcome> outcome = m_store->applyBatch(pushes, t0);
        storeNs += timer.nsecsElapsed();
        QVERIFY(outcome.ok());
    }
    const double seconds = static_cast<double>(storeNs) / 1e9;
    qInfo("applyBatch, %s: %d mutations in %.3f s = %.0f mutations/s", QTest::currentDataTag(),
          done, seconds, done / seconds);
    QVERIFY(m_store->verify()->ok);
}

QTEST_GUILESS_MAIN(TestSqlServerStore)
#include "tst_sqlserverstore.moc"
