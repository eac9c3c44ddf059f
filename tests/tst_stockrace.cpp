// The race of issue 3: many terminals grab the last units of one SKU at the same moment,
// over real WebSocket connections to a real server process. Exactly the stock is sold.
#include "serverprocess.h"
#include "serverstore.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace stockline;
using namespace stockline::sync;

namespace {

constexpr int clients = 1000;
constexpr qint64 units = 10;
const QString sku = QStringLiteral("RACE-1");
const QString location = QStringLiteral("store-1");

} // namespace

class TestStockRace : public QObject
{
    Q_OBJECT

private:
    // A store with one SKU of `units` on hand and `clients` terminals; their tokens.
    QStringList prepareStore(ServerProcess& server)
    {
        auto store = AdminStore::open(server.database());
        if (!store)
            return {};
        AdminStore& s = *store.value();
        Product product;
        product.sku = sku;
        product.name = QStringLiteral("Last units");
        product.price = Money::fromMinor(999);
        if (!s.addLocation(Location{location, QStringLiteral("Store floor")}) ||
            !s.importCatalog({product}) || !s.importStock({StockMovement{sku, location, units}}))
            return {};
        QStringList tokens;
        for (int i = 0; i < clients; ++i) {
            const auto token = s.addTerminal(QStringLiteral("T-%1").arg(i), Role::Pos);
            if (!token)
                return {};
            tokens.append(token.value());
        }
        return tokens;
    }

    // Every client connected and welcomed before anyone sends, so the sends are concurrent.
    std::vector<std::unique_ptr<WireClient>> connectAll(ServerProcess& server,
                                                        const QStringList& tokens)
    {
        std::vector<std::unique_ptr<WireClient>> all;
        for (int i = 0; i < clients; ++i) {
            all.push_back(std::make_unique<WireClient>());
            all.back()->startOpen(server.url());
        }
        const bool connected = QTest::qWaitFor(
            [&] {
                return std::all_of(all.begin(), all.end(),
                                   [](const auto& c) { return c->isOpen(); });
            },
            60'000);
        if (!connected) {
            qWarning() << "not every client could connect";
            return {};
        }
        for (int i = 0; i < clients; ++i)
            all[static_cast<std::size_t>(i)]->send(
                {{QStringLiteral("type"), QStringLiteral("hello")},
                 {QStringLiteral("protocol"), 1},
                 {QStringLiteral("terminal"), QStringLiteral("T-%1").arg(i)},
                 {QStringLiteral("token"), tokens[i]},
                 {QStringLiteral("cursor"), 0}});
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i]->take(QStringLiteral("welcome"), 30'000).isEmpty()) {
                qWarning() << "no welcome for" << i << all[i]->untaken();
                return {};
            }
        }
        return all;
    }

    // Sends one mutation per client at once; counts applied and insufficient_stock.
    QPair<int, int> race(std::vector<std::unique_ptr<WireClient>>& all,
                         const std::function<QJsonObject(int)>& mutation)
    {
        for (int i = 0; i < clients; ++i)
            all[static_cast<std::size_t>(i)]->push(QJsonArray{mutation(i)});
        int applied = 0;
        int refused = 0;
        for (auto& client : all) {
            const QList<QJsonObject> results = client->takeResults(1, 30'000);
            if (results.size() != 1)
                continue;
            const QJsonObject r = results.first();
            if (r.value(QStringLiteral("status")).toString() == QLatin1String("applied"))
                ++applied;
            else if (r.value(QStringLiteral("code")).toString() ==
                     QLatin1String("insufficient_stock"))
                ++refused;
        }
        return {applied, refused};
    }

private Q_SLOTS:
    void exactlyTheStockIsReservedByAThousandConcurrentTerminals()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(QStringLiteral("race.db")));
        const QStringList tokens = prepareStore(server);
        QCOMPARE(tokens.size(), clients);
        QVERIFY(server.start());
        auto all = connectAll(server, tokens);
        QCOMPARE(int(all.size()), clients);

        const auto [applied, refused] = race(all, [](int i) {
            return WireClient::reserve(1, QStringLiteral("hold-%1").arg(i), sku, location, 1);
        });
        QCOMPARE(applied, int(units));
        QCOMPARE(refused, clients - int(units));

        QCOMPARE(server.terminate(), 0);
        const auto verify = server.admin({QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
        const auto show = server.admin(
            {QStringLiteral("stock"), QStringLiteral("show"), QStringLiteral("--sku"), sku});
        QVERIFY2(show.out.contains("RACE-1"), show.out.constData());
        QVERIFY2(QString::fromUtf8(show.out).simplified().contains(
                     QStringLiteral("RACE-1 store-1 10 10 0")),
                 show.out.constData());
    }

    void exactlyTheStockIsSoldWithoutReservations()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(QStringLiteral("race.db")));
        const QStringList tokens = prepareStore(server);
        QCOMPARE(tokens.size(), clients);
        QVERIFY(server.start());
        auto all = connectAll(server, tokens);
        QCOMPARE(int(all.size()), clients);

        const auto [applied, refused] = race(all, [](int i) {
            return WireClient::sale(1, QStringLiteral("S-%1").arg(i), location,
                                    QJsonArray{WireClient::saleLine(sku, 1, 999)});
        });
        QCOMPARE(applied, int(units));
        QCOMPARE(refused, clients - int(units));

        QCOMPARE(server.terminate(), 0);
        QCOMPARE(server.admin({QStringLiteral("verify")}).exitCode, 0);
        const auto show = server.admin(
            {QStringLiteral("stock"), QStringLiteral("show"), QStringLiteral("--sku"), sku});
        QVERIFY2(QString::fromUtf8(show.out).simplified().contains(
                     QStringLiteral("RACE-1 store-1 0 0 0")),
                 show.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestStockRace)
#include "tst_stockrace.moc"
