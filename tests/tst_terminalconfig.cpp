#include "terminalconfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

constexpr QFileDevice::Permissions ownerReadWrite = QFileDevice::ReadOwner |
                                                    QFileDevice::WriteOwner |
                                                    QFileDevice::ReadUser | QFileDevice::WriteUser;

TerminalConfig sample()
{
    TerminalConfig config;
    config.serverUrl = QUrl(QStringLiteral("wss://stock.example:8765/"));
    config.terminal = QStringLiteral("POS-02");
    config.token = QStringLiteral("q1w2e3r4t5y6u7i8o9p0-_AbCdEfGhIjKlMnOpQrStUv");
    config.mode = TerminalConfig::Mode::Pos;
    config.location = QStringLiteral("store-1");
    return config;
}

// Without the bits Qt adds for the current user, which depend on who runs the test.
QFileDevice::Permissions modeOf(const QString& path)
{
    return QFile::permissions(path) &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

} // namespace

class tst_TerminalConfig : public QObject
{
    Q_OBJECT

private:
    [[nodiscard]] QString path() const { return m_dir.filePath(QStringLiteral("terminal.json")); }
    void writeJson(const QJsonObject& object) const
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(object).toJson());
        file.close();
        QVERIFY(QFile::setPermissions(path(), ownerReadWrite));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(path());
    }

    void saveAndLoad()
    {
        const TerminalConfig config = sample();
        QVERIFY(config.save(path()));
        QCOMPARE(modeOf(path()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const Result<TerminalConfig> loaded = TerminalConfig::load(path());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded.value(), config);
    }

    // A manager changes the server, the mode or the location later; the file stays owner-only.
    void changeAndSaveAgain()
    {
        TerminalConfig config = sample();
        QVERIFY(config.save(path()));
        config.serverUrl = QUrl(QStringLiteral("ws://10.0.0.5:8765/"));
        config.mode = TerminalConfig::Mode::Receiving;
        config.location = QStringLiteral("backroom-1");
        QVERIFY(config.save(path()));
        QCOMPARE(modeOf(path()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(TerminalConfig::load(path()).value(), config);
    }

    // Found readable by others: made owner-only, with a warning, and used.
    void fileReadableByOthersIsFixedWithAWarning()
    {
        QVERIFY(sample().save(path()));
        QVERIFY(QFile::setPermissions(path(), ownerReadWrite | QFileDevice::ReadGroup |
                                                  QFileDevice::ReadOther));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("readable by other users.*pair")));
        const Result<TerminalConfig> loaded = TerminalConfig::load(path());
        QVERIFY(loaded);
        QCOMPARE(loaded.value(), sample());
        QCOMPARE(modeOf(path()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(TerminalConfig::restrictToOwner(path()).value(), false);
    }

    void invalidConfigNamesTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("http") << "serverUrl"
                              << "http://stock.example/"
                              << "serverUrl";
        QTest::newRow("no url") << "serverUrl"
                                << ""
                                << "serverUrl";
        QTest::newRow("no host") << "serverUrl"
                                 << "ws://"
                                 << "serverUrl";
        QTest::newRow("not a url") << "serverUrl"
                                   << "stock.example:8765"
                                   << "serverUrl";
        QTest::newRow("no terminal") << "terminal"
                                     << ""
                                     << "terminal";
        QTest::newRow("bad terminal") << "terminal"
                                      << "POS 02"
                                      << "terminal";
        QTest::newRow("no token") << "token"
                                  << ""
                                  << "token";
        QTest::newRow("token with a space") << "token"
                                            << "abc def"
                                            << "token";
        QTest::newRow("token too long") << "token" << QString(257, u'x') << "token";
        QTest::newRow("unknown mode") << "mode"
                                      << "till"
                                      << "mode";
        QTest::newRow("no location") << "location"
                                     << ""
                                     << "location";
        QTest::newRow("bad location") << "location"
                                      << "store/1"
                                      << "location";
        QTest::newRow("unknown language") << "language"
                                          << "xx"
                                          << "language";
        QTest::newRow("not a language") << "language"
                                        << "German"
                                        << "language";
    }
    // Loading refuses it, and saving refuses it without touching the file.
    void invalidConfigNamesTheField()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QJsonObject json = sample().toJson();
        json.insert(key, value);
        writeJson(json);
        const Result<TerminalConfig> loaded = TerminalConfig::load(path());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().field, field);

        QFile::remove(path());
        const Result<TerminalConfig> parsed = TerminalConfig::fromJson(json);
        if (!parsed) {
            QCOMPARE(parsed.error().field, field);
            return;
        }
        const Status saved = parsed->save(path());
        QVERIFY(!saved);
        QCOMPARE(saved.error().field, field);
        QVERIFY(!QFile::exists(path()));
    }

    // The screens' language: optional (the system's when missing), kept as given.
    void languageIsOptional()
    {
        QJsonObject json = sample().toJson();
        QVERIFY(!json.contains(QStringLiteral("language")));
        QCOMPARE(TerminalConfig::fromJson(json).value().language, QString());
        TerminalConfig config = sample();
        for (const QString& language : {QStringLiteral("de"), QStringLiteral("es"),
                                        QStringLiteral("es_MX"), QStringLiteral("ar")}) {
            config.language = language;
            QVERIFY2(config.save(path()), qPrintable(language));
            QCOMPARE(TerminalConfig::load(path()).value().language, language);
        }
    }

    // The dock's tolerance: optional (0 when missing), a whole percentage from 0 to 100.
    void overToleranceIsOptionalAndBounded()
    {
        QJsonObject json = sample().toJson();
        json.remove(QStringLiteral("overTolerancePercent"));
        QCOMPARE(TerminalConfig::fromJson(json).value().overTolerancePercent, 0);
        TerminalConfig config = sample();
        config.overTolerancePercent = 5;
        QVERIFY(config.save(path()));
        QCOMPARE(TerminalConfig::load(path()).value().overTolerancePercent, 5);
        for (const QJsonValue& bad :
             {QJsonValue(101), QJsonValue(-1), QJsonValue(2.5), QJsonValue(QStringLiteral("5"))}) {
            json.insert(QStringLiteral("overTolerancePercent"), bad);
            const Result<TerminalConfig> parsed = TerminalConfig::fromJson(json);
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().field, QStringLiteral("overTolerancePercent"));
        }
    }

    void unreadableFileIsAFileError_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: no file at all
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("not json") << QByteArray("serverUrl=ws://x/");
        QTest::newRow("an array") << QByteArray("[]");
    }
    void unreadableFileIsAFileError()
    {
        QFETCH(QByteArray, content);
        if (!content.isEmpty()) {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            QVERIFY(file.setPermissions(ownerReadWrite));
        }
        const Result<TerminalConfig> loaded = TerminalConfig::load(path());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().field, QStringLiteral("file"));
        QVERIFY(loaded.error().message.contains(QStringLiteral("terminal.json")));
    }

    void savesIntoANewFolder()
    {
        const QString nested = m_dir.filePath(QStringLiteral("a/b/terminal.json"));
        QVERIFY(sample().save(nested));
        QCOMPARE(TerminalConfig::load(nested).value(), sample());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_TerminalConfig)
#include "tst_terminalconfig.moc"
