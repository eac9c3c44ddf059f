// Changes an IT person makes with the command line while the server runs (a price change,
// new products, a delivery booked as opening stock) reach every connected terminal.
#include "serverprocess.h"
#include "wireclient.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestLiveAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(
            m_dir.filePath(QStringLiteral("live-%1.db").arg(++m_runs)));
        QVERIFY(m_server->loadSampleStore());
        m_token = m_server->addTerminal(QStringLiteral("POS-01"), QStringLiteral("pos"));
        QVERIFY(!m_token.isEmpty());
        QVERIFY(m_server->start());
        m_client = std::make_unique<WireClient>();
        QVERIFY(m_client->open(m_server->url()));
        QVERIFY(!m_client->hello(QStringLiteral("POS-01"), m_token).isEmpty());
        QVERIFY(m_client->take(QStringLiteral("levels"))[QStringLiteral("full")].toBool());
        QVERIFY(m_client->take(QStringLiteral("catalog"))[QStringLiteral("full")].toBool());
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void catalogImportedWhileServingReachesConnectedTerminals()
    {
        const QString csv = m_dir.filePath(QStringLiteral("new.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sku,barcode,name,price,tax_rate\nNEW-1,,Seasonal wreath,24.99,8.25\n");
        file.close();
        const auto run =
            m_server->admin({QStringLiteral("catalog"), QStringLiteral("import"), csv});
        QCOMPARE(run.exitCode, 0);

        const QJsonObject catalog = m_client->take(QStringLiteral("catalog"), 15'000);
        QVERIFY2(!catalog.isEmpty(), "no catalog message after the import");
        QCOMPARE(catalog[QStringLiteral("full")].toBool(), false);
        bool found = false;
        for (const QJsonValue p : catalog[QStringLiteral("products")].toArray()) {
            const QJsonObject product = p.toObject();
            if (product[QStringLiteral("sku")].toString() == QLatin1String("NEW-1")) {
                found = true;
                QCOMPARE(product[QStringLiteral("price")].toInteger(), 2499);
                QCOMPARE(product[QStringLiteral("name")].toString(),
                         QStringLiteral("Seasonal wreath"));
            }
        }
        QVERIFY(found);
    }

    void stockBookedWhileServingReachesConnectedTerminals()
    {
        const QString csv = m_dir.filePath(QStringLiteral("delivery.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sku,location,qty\nPRD-0100,backroom-1,24\n");
        file.close();
        QCOMPARE(m_server->admin({QStringLiteral("stock"), QStringLiteral("import"), csv}).exitCode,
                 0);

        const QJsonObject levels = m_client->take(QStringLiteral("levels"), 15'000);
        QVERIFY2(!levels.isEmpty(), "no levels message after the stock import");
        bool found = false;
        for (const QJsonValue l : levels[QStringLiteral("levels")].toArray()) {
            const QJsonObject level = l.toObject();
            if (level[QStringLiteral("sku")].toString() == QLatin1String("PRD-0100") &&
                level[QStringLiteral("location")].toString() == QLatin1String("backroom-1")) {
                found = true;
                QCOMPARE(level[QStringLiteral("onHand")].toInteger(), 24);
                QCOMPARE(level[QStringLiteral("available")].toInteger(), 24);
            }
        }
        QVERIFY(found);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<WireClient> m_client;
    QString m_token;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(TestLiveAdmin)
#include "tst_liveadmin.moc"
