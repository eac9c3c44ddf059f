// Staff managed on the server reach the terminals that sign people in, with PIN hashes a
// terminal can check offline, and never reach a channel such as a web shop.
#include "pinhash.h"
#include "protocol.h"
#include "serverprocess.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

class TestStaffSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WireClient> connect(const QString& terminal, const QString& token)
    {
        auto client = std::make_unique<WireClient>();
        if (!client->open(m_server->url()) || client->hello(terminal, token).isEmpty())
            return {};
        return client;
    }

    bool addStaff(const QString& name, const QString& role, const QByteArray& pin)
    {
        return m_server
                   ->admin({QStringLiteral("staff"), QStringLiteral("add"), name,
                            QStringLiteral("--role"), role},
                           pin + '\n')
                   .exitCode == 0;
    }

    static QList<StaffMember> decodeStaff(const QJsonObject& message)
    {
        const auto decoded =
            sync::decodeServerMessage(QJsonDocument(message).toJson(QJsonDocument::Compact));
        if (!decoded || !std::holds_alternative<sync::StaffList>(decoded.value()))
            return {};
        return std::get<sync::StaffList>(decoded.value()).staff;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(
            m_dir.filePath(QStringLiteral("staff-%1.db").arg(++m_runs)));
        QVERIFY(m_server->loadSampleStore());
        QVERIFY(addStaff(QStringLiteral("Alice"), QStringLiteral("manager"), "4711"));
        QVERIFY(addStaff(QStringLiteral("Bob"), QStringLiteral("cashier"), "123456"));
        m_posToken = m_server->addTerminal(QStringLiteral("POS-01"), QStringLiteral("pos"));
        m_webToken = m_server->addTerminal(QStringLiteral("WEB-01"), QStringLiteral("channel"));
        QVERIFY(!m_posToken.isEmpty() && !m_webToken.isEmpty());
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void posTerminalGetsStaffWhosePinsItCanCheckOffline()
    {
        auto pos = connect(QStringLiteral("POS-01"), m_posToken);
        QVERIFY(pos);
        const QJsonObject message = pos->take(QStringLiteral("staff"));
        QVERIFY(!message.isEmpty());
        QVERIFY2(!QJsonDocument(message).toJson().contains("4711"), "a PIN went out in plain");
        const QList<StaffMember> staff = decodeStaff(message);
        QCOMPARE(staff.size(), 2);
        QCOMPARE(staff[0].name, QStringLiteral("Alice"));
        QCOMPARE(staff[0].role, StaffRole::Manager);
        QVERIFY(staff[0].pin.matches(u"4711"));
        QVERIFY(!staff[0].pin.matches(u"4712"));
        QCOMPARE(staff[1].name, QStringLiteral("Bob"));
        QCOMPARE(staff[1].role, StaffRole::Cashier);
        QVERIFY(staff[1].pin.matches(u"123456"));
    }

    void channelNeverGetsStaff()
    {
        auto web = connect(QStringLiteral("WEB-01"), m_webToken);
        QVERIFY(web);
        QVERIFY(!web->take(QStringLiteral("shortages")).isEmpty()); // the session start is over
        QTest::qWait(300);
        for (const QJsonObject& m : web->untaken())
            QVERIFY(m[QStringLiteral("type")].toString() != QLatin1String("staff"));
    }

    void staffChangedWhileConnectedReachTheTerminal()
    {
        auto pos = connect(QStringLiteral("POS-01"), m_posToken);
        QVERIFY(pos);
        QVERIFY(!pos->take(QStringLiteral("staff")).isEmpty());

        QVERIFY(addStaff(QStringLiteral("Carol"), QStringLiteral("cashier"), "2468"));
        const QList<StaffMember> added = decodeStaff(pos->take(QStringLiteral("staff"), 15'000));
        QCOMPARE(added.size(), 3);
        QVERIFY(added[2].pin.matches(u"2468"));

        QCOMPARE(
            m_server
                ->admin({QStringLiteral("staff"), QStringLiteral("remove"), QStringLiteral("Bob")})
                .exitCode,
            0);
        const QList<StaffMember> removed = decodeStaff(pos->take(QStringLiteral("staff"), 15'000));
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed[0].name, QStringLiteral("Alice"));
        QCOMPARE(removed[1].name, QStringLiteral("Carol"));
    }

    void badStaffInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("short pin") << QStringList{QStringLiteral("Dan"), QStringLiteral("--role"),
                                                  QStringLiteral("cashier")}
                                   << QByteArray("12") << QByteArray("pin");
        QTest::newRow("letters in pin")
            << QStringList{QStringLiteral("Dan"), QStringLiteral("--role"),
                           QStringLiteral("cashier")}
            << QByteArray("12ab") << QByteArray("pin");
        QTest::newRow("unknown role")
            << QStringList{QStringLiteral("Dan"), QStringLiteral("--role"), QStringLiteral("owner")}
            << QByteArray("1234") << QByteArray("--role");
        QTest::newRow("blank name")
            << QStringList{QStringLiteral(" "), QStringLiteral("--role"), QStringLiteral("cashier")}
            << QByteArray("1234") << QByteArray("name");
    }
    void badStaffInputIsRefusedAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, pin);
        QFETCH(QByteArray, mentions);
        const auto run = m_server->admin(
            QStringList{QStringLiteral("staff"), QStringLiteral("add")} + args, pin + '\n');
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(mentions), run.err.constData());
        const auto list = m_server->admin({QStringLiteral("staff"), QStringLiteral("list")});
        QCOMPARE(list.out.count('\n'), 2);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_posToken;
    QString m_webToken;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(TestStaffSync)
#include "tst_staffsync.moc"
