// `stockline-server backup` and `restore`, and a till brought back after the server was restored
// to an older state (`stockline --resend-after-restore`), with real processes: the server, its
// admin commands and the terminal binary, over real sockets and real SQLite files (as
// tst_backuprestore_pg: a PostgreSQL database, pg_dump and pg_restore). The till of the test
// process is a real sync::Client over its own store file.
#include "client.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salefixtures.h"
#include "salejournal.h"
#include "serverprocess.h"
#include "serverstore.h"
#include "transport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using namespace stockline::sync;

namespace {

const QString terminalId = QStringLiteral("POS-01");
constexpr qint64 openingStock = 100;

// The fixture products at store-1 with opening stock, and POS-01; its token.
QString prepareServer(const ServerProcess& server)
{
    auto opened = AdminStore::open(server.database());
    if (!opened)
        return {};
    AdminStore& store = *opened.value();
    const QList<Product> products = fixtures::catalogProducts();
    QList<StockMovement> stock;
    for (const Product& p : products)
        stock.append(StockMovement{p.sku, QStringLiteral("store-1"), openingStock});
    if (!store.addLocation(Location{QStringLiteral("store-1"), QStringLiteral("Store floor")}) ||
        !store.importCatalog(products) || !store.importStock(stock))
        return {};
    const Result<QString> token = store.addTerminal(terminalId, Role::Pos);
    return token ? *token : QString();
}

// One till in the test process: its store file, outbox, sync client and sale journal.
struct Till
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<Client> client;
    std::optional<ReceiptNumbers> numbers;

    [[nodiscard]] bool synced() const
    {
        return QTest::qWaitFor(
            [this] { return client->isConnected() && client->pendingCount() == 0; }, 20'000);
    }
    // A sale of `qty` of fixture product `product`; its receipt number.
    [[nodiscard]] QString sell(int product, qint64 qty) const
    {
        SaleJournal journal(*store, *outbox, *numbers);
        const auto recorded = journal.record(fixtures::paidInCash({fixtures::line(product, qty)}));
        if (!recorded)
            qWarning() << recorded.error().toString();
        return recorded ? recorded->receipt : QString();
    }
};

std::unique_ptr<Till> openTill(const QString& path, const QUrl& url, const QString& token)
{
    auto till = std::make_unique<Till>();
    auto store = LocalStore::open(path);
    if (!store || !fixtures::seedProducts(*store.value()))
        return nullptr;
    till->store = std::move(store).value();
    till->outbox = std::make_unique<Outbox>(*till->store);
    ClientOptions options;
    options.url = url;
    options.terminal = terminalId;
    options.token = token;
    options.backoffMinMs = 50;
    options.backoffMaxMs = 500;
    till->client = std::make_unique<Client>(*till->store, nullptr, options);
    return till;
}

// Takes receipt numbers once the server has proven this pairing (the first welcome).
bool startSelling(Till& till, const QString& token)
{
    till.client->start();
    if (!till.synced())
        return false;
    auto numbers = ReceiptNumbers::create(*till.store, terminalId,
                                          ReceiptNumbers::proofKeyOf(terminalId, token));
    if (!numbers)
        return false;
    till.numbers = std::move(numbers).value();
    return true;
}

QMap<QString, qint64> onHandBySku(const ServerProcess& server)
{
    QMap<QString, qint64> onHand;
    auto opened = AdminStore::open(server.database());
    if (!opened)
        return onHand;
    const Result<QList<StockLevel>> levels = opened.value()->levels();
    if (levels)
        for (const StockLevel& level : *levels)
            onHand.insert(level.sku, level.onHand);
    return onHand;
}

QStringList dated(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("stockline-backup-*")}, QDir::Files, QDir::Name);
}

} // namespace

class TestBackupRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupWhileServingIsVerifiedAndRotated();
    void backupWhileATillSellsIsOneCommittedState();
    void badBackupOptionsWriteNothing();
    void restoreIsRefusedWhileServing();
    void restoreOnANewMachine();
    void tillSalesAfterTheBackupComeBackAfterRestore();
};

void TestBackupRestore::backupWhileServingIsVerifiedAndRotated()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(!prepareServer(server).isEmpty());
    QVERIFY(server.start());
    const QString folder = dir.filePath(QStringLiteral("backups"));
    for (int i = 0; i < 3; ++i) {
        const auto run = server.admin({QStringLiteral("backup"), QStringLiteral("--backup-folder"),
                                       folder, QStringLiteral("--rotate"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(
            run.out.contains(TestDatabase::postgres() ? "pg_restore reads it whole" : "verify: ok"),
            run.out.constData());
    }
    const QStringList kept = dated(folder);
    QCOMPARE(kept.size(), 2);
    // Tokens and PIN hashes: owner-only.
    QCOMPARE(QFile::permissions(QDir(folder).filePath(kept.last())) & 0x0077,
             QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(folder) & 0x0077, QFileDevice::Permissions());
    QCOMPARE(server.terminate(), 0);
    if (TestDatabase::postgres())
        return; // the dump is restored in tillSalesAfterTheBackupComeBackAfterRestore
    ServerProcess copy(QDir(folder).filePath(kept.last()));
    const auto shown = copy.admin({QStringLiteral("stock"), QStringLiteral("show")});
    QVERIFY2(shown.out.contains("MILK-1L"), shown.out.constData());
}

// The copy is taken while the server commits the till's sales: it holds some prefix of them,
// whole, and verify accepts it.
void TestBackupRestore::backupWhileATillSellsIsOneCommittedState()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const QString token = prepareServer(server);
    QVERIFY(!token.isEmpty());
    QVERIFY(server.start());
    auto till = openTill(dir.filePath(QStringLiteral("till.db")), server.url(), token);
    QVERIFY(till && startSelling(*till, token));
    int soldDuring = 0;
    for (int i = 0; i < 3; ++i) {
        QProcess backup;
        backup.start(ServerProcess::binary(),
                     {QStringLiteral("backup"), QStringLiteral("--db"), server.database(),
                      QStringLiteral("--to"), dir.filePath(QStringLiteral("b%1.dump").arg(i))});
        int sold = 0;
        QVERIFY(backup.waitForStarted());
        while (backup.state() != QProcess::NotRunning) {
            QVERIFY(!till->sell(i, 1).isEmpty());
            ++sold;
            QTest::qWait(2);
        }
        soldDuring += sold;
        QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
        if (!TestDatabase::postgres())
            QVERIFY2(backup.readAllStandardOutput().contains("verify: ok"),
                     qPrintable(QStringLiteral("while %1 sales").arg(sold)));
    }
    QVERIFY(soldDuring > 3);
    QVERIFY(till->synced());
    QCOMPARE(server.terminate(), 0);
}

void TestBackupRestore::badBackupOptionsWriteNothing()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(!prepareServer(server).isEmpty());
    const QString folder = dir.filePath(QStringLiteral("backups"));
    const QString file = dir.filePath(QStringLiteral("copy.db"));
    QFile existing(file);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("mine");
    existing.close();
    struct Case
    {
        QStringList args;
        QByteArray error;
    };
    const QList<Case> cases{
        {{QStringLiteral("--rotate"), QStringLiteral("0"), QStringLiteral("--backup-folder"),
          folder},
         "--rotate: '0' is not a whole number"},
        {{QStringLiteral("--rotate"), QStringLiteral("2"), QStringLiteral("--to"),
          dir.filePath(QStringLiteral("x.db"))},
         "does not go with --to"},
        {{QStringLiteral("--to"), file}, "already exists"},
    };
    for (const Case& c : cases) {
        const auto run = server.admin(QStringList{QStringLiteral("backup")} + c.args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(c.error), run.err.constData());
    }
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.db"))));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("mine"));
}

void TestBackupRestore::restoreIsRefusedWhileServing()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(!prepareServer(server).isEmpty());
    const QString backup = dir.filePath(QStringLiteral("b.db"));
    QCOMPARE(server.admin({QStringLiteral("backup"), QStringLiteral("--to"), backup}).exitCode, 0);
    QVERIFY(server
                .admin({QStringLiteral("location"), QStringLiteral("add"),
                        QStringLiteral("back-room"), QStringLiteral("Back room")})
                .exitCode == 0);
    QVERIFY(server.start());
    const auto refused =
        server.admin({QStringLiteral("restore"), QStringLiteral("--from"), backup});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("systemctl stop stockline-server") &&
                 refused.err.contains("nothing changed"),
             refused.err.constData());
    QCOMPARE(server.terminate(), 0);
    if (!TestDatabase::postgres())
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("server.db*")}, QDir::Files),
                 QStringList{QStringLiteral("server.db")});
    const auto garbage = server.admin(
        {QStringLiteral("restore"), QStringLiteral("--from"), dir.filePath(QStringLiteral("no"))});
    QCOMPARE(garbage.exitCode, 1);
    // The back room added after the backup is still there: nothing was restored.
    auto opened = AdminStore::open(server.database());
    QVERIFY(opened);
    QCOMPARE(opened.value()->locations().value().size(), 2);
}

// The store's server died: its backup is restored where no database is yet.
void TestBackupRestore::restoreOnANewMachine()
{
    if (TestDatabase::postgres())
        QSKIP("pg_restore needs the database made first, as `createdb` does");
    QTemporaryDir dir;
    ServerProcess old(dir.filePath(QStringLiteral("old.db")));
    QVERIFY(!prepareServer(old).isEmpty());
    const QString backup = dir.filePath(QStringLiteral("usb/b.db"));
    QCOMPARE(old.admin({QStringLiteral("backup"), QStringLiteral("--to"), backup}).exitCode, 0);
    ServerProcess fresh(dir.filePath(QStringLiteral("new/var/server.db")));
    const auto restored =
        fresh.admin({QStringLiteral("restore"), QStringLiteral("--from"), backup});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QCOMPARE(onHandBySku(fresh), onHandBySku(old));
}

// Issue 21: the till sells, the server is backed up, the till sells more, the server is
// restored to the backup: the till halts (the server lost what it confirmed); after
// `stockline --resend-after-restore` the later sales, receipts included, are on the server again
// and the stock is right.
void TestBackupRestore::tillSalesAfterTheBackupComeBackAfterRestore()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    const QString token = prepareServer(server);
    QVERIFY(!token.isEmpty());
    QVERIFY(server.start());
    const QString tillPath = dir.filePath(QStringLiteral("till.db"));
    auto till = openTill(tillPath, server.url(), token);
    QVERIFY(till);
    QVERIFY(startSelling(*till, token));

    QStringList receipts{till->sell(0, 2), till->sell(1, 1)};
    QVERIFY(till->synced());
    const QString backup = dir.filePath(QStringLiteral("before.db"));
    const auto backedUp = server.admin({QStringLiteral("backup"), QStringLiteral("--to"), backup});
    QVERIFY2(backedUp.exitCode == 0, backedUp.err.constData());
    receipts << till->sell(0, 3) << till->sell(2, 4);
    QVERIFY(till->synced());
    QVERIFY(!receipts.contains(QString()));

    QCOMPARE(server.terminate(), 0);
    const auto restored =
        server.admin({QStringLiteral("restore"), QStringLiteral("--from"), backup});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    if (!TestDatabase::postgres())
        QVERIFY2(restored.out.contains("POS-01 (seq 2, was 4)"), restored.out.constData());
    QCOMPARE(
        server.admin({QStringLiteral("receipt"), QStringLiteral("show"), receipts.at(2)}).exitCode,
        1);

    // The till meets the restored server and stops sending; it keeps selling meanwhile.
    QVERIFY(server.start(server.port()));
    QVERIFY(QTest::qWaitFor(
        [&] { return till->client->lastError().contains(QLatin1String("backup")); }, 20'000));
    receipts << till->sell(3, 1);
    QTest::qWait(200);
    QCOMPARE(till->client->pendingCount(), 1);
    till->client->stop();
    till.reset();

    QFile tokenFile(dir.filePath(QStringLiteral("token")));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    tokenFile.write(token.toUtf8());
    tokenFile.close();
    QProcess resend;
    resend.start(QStringLiteral(STOCKLINE_BINARY_DIR "/app/terminal/stockline"),
                 {QStringLiteral("--resend-after-restore"), QStringLiteral("--store"), tillPath,
                  QStringLiteral("--terminal"), terminalId, QStringLiteral("--server"),
                  server.url().toString(), QStringLiteral("--token-file"), tokenFile.fileName()});
    QVERIFY(resend.waitForFinished(60'000));
    const QByteArray said = resend.readAllStandardOutput();
    QVERIFY2(resend.exitCode() == 0, (said + resend.readAllStandardError()).constData());
    QVERIFY2(said.contains("up to seq 2; 2 it confirmed after that are sent again"),
             said.constData());

    for (const QString& receipt : std::as_const(receipts)) {
        const auto shown =
            server.admin({QStringLiteral("receipt"), QStringLiteral("show"), receipt});
        QVERIFY2(shown.exitCode == 0, qPrintable(receipt + u' ' + QString::fromUtf8(shown.err)));
    }
    const QMap<QString, qint64> onHand = onHandBySku(server);
    QCOMPARE(onHand.value(QStringLiteral("MILK-1L")), openingStock - 5);
    QCOMPARE(onHand.value(QStringLiteral("BREAD")), openingStock - 1);
    QCOMPARE(onHand.value(QStringLiteral("COFFEE-500")), openingStock - 4);
    QCOMPARE(onHand.value(QStringLiteral("SOAP")), openingStock - 1);
    const auto verify = server.admin({QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());

    // Back at the counter, the till syncs as before: nothing halts it any more.
    auto again = openTill(tillPath, server.url(), token);
    QVERIFY(again && startSelling(*again, token));
    QVERIFY(!again->sell(4, 1).isEmpty());
    QVERIFY(again->synced());
    QCOMPARE(again->client->lastError(), QString());
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
