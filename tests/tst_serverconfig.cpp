// /etc/stockline/server.conf as the IT person meets it: administration commands work on the
// service's database with no --db, the command line wins over the file, a typo or a malformed
// line is refused naming the file and the line, and a database another user owns is refused
// naming `sudo -u` that user.
#include "serverprocess.h"
#include "serverstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace stockline;
using namespace stockline::sync;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The server binary with these arguments, STOCKLINE_SERVER_CONFIG set to `defaultConfig`: the
// file read when no --config is given, as /etc/stockline/server.conf is on an installed system.
Run runServer(const QStringList& args, const QString& defaultConfig)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"STOCKLINE_SERVER_CONFIG"_s, defaultConfig);
    p.setProcessEnvironment(env);
    p.start(ServerProcess::binary(), args);
    p.closeWriteChannel();
    Run run;
    if (!p.waitForFinished(30'000))
        return run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QStringList locationsIn(const QString& url)
{
    QStringList ids;
    auto store = AdminStore::open(url);
    if (!store)
        return {u"cannot open: "_s + store.error().toString()};
    const auto locations = store.value()->locations();
    if (locations)
        for (const Location& l : locations.value())
            ids.append(l.id);
    return ids;
}

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString url(const QString& name) const { return u"sqlite:"_s + path(name); }

    bool write(const QString& name, const QByteArray& text) const
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) >= 0;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(path(u"service.db"_s));
        QFile::remove(path(u"other.db"_s));
    }

    void adminCommandsUseTheServiceDatabase()
    {
        // The service's settings and the admin commands' share a file: keys of serve only are
        // ignored by `location add`.
        QVERIFY(write(u"server.conf"_s, "# the service\n\ndb = " + url(u"service.db"_s).toUtf8() +
                                            "\nlisten = 0.0.0.0:8765\n  max-connections = 50\n"));
        const Run added =
            runServer({u"location"_s, u"add"_s, u"back"_s, u"Back room"_s}, path(u"server.conf"_s));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(locationsIn(url(u"service.db"_s)), QStringList{u"back"_s});
    }

    // The default file names service.db; what the command line names wins: --db, or a file
    // named by --config.
    void commandLineWinsOverTheDefaultFile_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--db") << QStringList{u"--db"_s, url(u"other.db"_s)};
        QTest::newRow("--config") << QStringList{u"--config"_s, path(u"scratch.conf"_s)};
    }

    void commandLineWinsOverTheDefaultFile()
    {
        QFETCH(QStringList, arguments);
        QVERIFY(write(u"server.conf"_s, "db = " + url(u"service.db"_s).toUtf8() + "\n"));
        QVERIFY(write(u"scratch.conf"_s, "db = " + url(u"other.db"_s).toUtf8() + "\n"));
        const Run added =
            runServer(QStringList{u"location"_s, u"add"_s, u"front"_s, u"Front"_s} + arguments,
                      path(u"server.conf"_s));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(locationsIn(url(u"other.db"_s)), QStringList{u"front"_s});
        QVERIFY(!QFile::exists(path(u"service.db"_s)));
    }

    void badFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << QByteArray("\nlisten = 127.0.0.1:1\nlisen = 0.0.0.0:1\n")
                              << u"server.conf line 3: 'lisen' is not an option of any"_s;
        QTest::newRow("no equals") << QByteArray("# ok\ndb sqlite:/x.db\n")
                                   << u"server.conf line 2: expected key = value"_s;
        QTest::newRow("config in config")
            << QByteArray("config = /etc/other.conf\n")
            << u"server.conf line 1: 'config' is not an option of any"_s;
    }

    void badFileChangesNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QVERIFY(write(u"server.conf"_s, text + "db = " + url(u"service.db"_s).toUtf8() + "\n"));
        const Run refused =
            runServer({u"location"_s, u"add"_s, u"back"_s, u"Back room"_s}, path(u"server.conf"_s));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
        QVERIFY(!QFile::exists(path(u"service.db"_s)));
    }

    void flagsTakeTrueOrFalse()
    {
        QVERIFY(write(u"server.conf"_s, "db = " + url(u"service.db"_s).toUtf8() + "\nall = yes\n"));
        const Run refused = runServer({u"delivery"_s, u"list"_s}, path(u"server.conf"_s));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"line 2: all: 'yes' is not true or false"_s),
                 qPrintable(refused.err));
    }

    void serveListensWhereTheFileSays()
    {
        QVERIFY(write(u"server.conf"_s,
                      "db = " + url(u"service.db"_s).toUtf8() + "\nlisten = 127.0.0.1:0\n"));
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"STOCKLINE_SERVER_CONFIG"_s, path(u"server.conf"_s));
        serve.setProcessEnvironment(env);
        serve.start(ServerProcess::binary(), {u"serve"_s});
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 20'000);
        const QString line = QString::fromUtf8(serve.readLine());
        QVERIFY2(line.contains(u"listening on ws://127.0.0.1:"_s) &&
                     line.contains(url(u"service.db"_s)),
                 qPrintable(line));
        serve.terminate();
        QVERIFY(serve.waitForFinished(20'000));
        QCOMPARE(serve.exitCode(), 0);
    }

    // Root running an admin command on the service's database would leave root-owned -wal and
    // -shm files the service cannot open.
    void databaseOfAnotherUserIsRefused()
    {
        QString folder = u"/usr/share"_s; // root's: refused to any other user
        QString owner = u"root"_s;
        if (::geteuid() == 0) {
            folder = path(u"service-home"_s);
            QVERIFY(QDir().mkpath(folder));
            QVERIFY(::chown(QFile::encodeName(folder).constData(), 65534, 65534) == 0);
            owner = u"nobody"_s;
        }
        const QString db = u"sqlite:"_s + folder + u"/stockline-test.db"_s;
        QVERIFY(write(u"server.conf"_s, "db = " + db.toUtf8() + "\n"));
        const Run refused = runServer({u"staff"_s, u"list"_s}, path(u"server.conf"_s));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"sudo -u "_s + owner + u" stockline-server"_s),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(folder + u"/stockline-test.db"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
