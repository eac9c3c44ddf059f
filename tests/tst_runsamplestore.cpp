// The README's first command: scripts/run-sample-store.sh runs the server and, where there is
// a display, the till connected to it; closing the till stops the server. It prints the command
// that starts a receiving dock against the same server, which then has the sample deliveries.
// Without a display it says so and serves in the foreground. Run here on the ci build, on a free
// port.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

class tst_RunSampleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noDisplay_serverInTheForegroundAndSaysSo()
    {
        QTemporaryDir data;
        QProcess script;
        start(script, data.path(), false);
        QVERIFY(waitFor(script, "listening on ws://127.0.0.1:"));
        QVERIFY2(m_output.contains("no display"), m_output.constData());
        QVERIFY(m_output.contains("NOT started"));
        for (const char* token : {"pos-01.token", "dock-01.token"}) {
            const QString file = data.filePath(QLatin1String(token));
            QVERIFY2(QFile::exists(file), token);
            QCOMPARE(QFile::permissions(file),
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        }
        // The sample deliveries are on the server, and the dock's command is printed.
        for (const char* reference : {"PO-2026-0042", "ASN-55120", "ASN-7781"})
            QVERIFY2(m_output.contains(reference), m_output.constData());
        QVERIFY(!dockCommand().isEmpty());
        script.terminate(); // the server itself (exec'd): a graceful stop
        QVERIFY(script.waitForFinished(30'000));
        QCOMPARE(script.exitCode(), 0);
    }

    void display_tillConnectedAndClosingItStopsTheServer()
    {
        QTemporaryDir data;
        QProcess script;
        start(script, data.path(), true);
        QVERIFY(waitFor(script, "Till: POS-01"));
        // The till has the server's catalog in its own store: it is connected. And the sample
        // staff the script added on the server, so the cashier and the manager can sign in.
        const QString till = data.filePath(QStringLiteral("pos-01.db"));
        QVERIFY(QTest::qWaitFor([&] { return tillRows(till, "products") == 880; }, 30'000));
        QVERIFY(QTest::qWaitFor([&] { return tillRows(till, "staff") == 2; }, 30'000));
        QVERIFY2(m_output.contains("Alex     cashier  PIN 1234"), m_output.constData());

        // The dock started with the command the script printed receives the sample deliveries
        // from the same server.
        const QString command = dockCommand();
        QVERIFY2(command.contains(u"--mode receiving"), m_output.constData());
        QProcess dock;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        dock.setProcessEnvironment(env);
        dock.setProcessChannelMode(QProcess::ForwardedChannels);
        dock.start(QStringLiteral("bash"),
                   {QStringLiteral("-c"), QStringLiteral("exec ") + command});
        QVERIFY(dock.waitForStarted());
        const QString dockStore = data.filePath(QStringLiteral("dock-01.db"));
        QVERIFY(QTest::qWaitFor([&] { return tillRows(dockStore, "deliveries") == 3; }, 30'000));
        QCOMPARE(tillRows(dockStore, "delivery_lines"), 10);
        dock.terminate();
        QVERIFY(dock.waitForFinished(30'000));

        const qint64 pid = childNamed(script.processId(), "/app/terminal/stockline");
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0); // the clerk closes the till
        QVERIFY(script.waitForFinished(30'000));
        m_output += script.readAll();
        QVERIFY2(m_output.contains("run-sample-store: server stopped"), m_output.constData());
        QVERIFY(!m_output.contains("did not start"));
    }

private:
    void start(QProcess& script, const QString& data, bool display)
    {
        m_output.clear();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        if (display) {
            env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":99")); // drawn offscreen
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        }
        env.insert(QStringLiteral("STOCKLINE_BUILD"), QStringLiteral(STOCKLINE_BINARY_DIR));
        env.insert(QStringLiteral("STOCKLINE_DATA"), data);
        env.insert(QStringLiteral("STOCKLINE_LISTEN"), QStringLiteral("127.0.0.1:0"));
        script.setProcessEnvironment(env);
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(QStringLiteral("bash"),
                     {QStringLiteral(STOCKLINE_SOURCE_DIR "/scripts/run-sample-store.sh")});
        QVERIFY(script.waitForStarted());
    }

    bool waitFor(QProcess& script, const QByteArray& text)
    {
        const bool seen = QTest::qWaitFor(
            [&] {
                m_output += script.readAll();
                return m_output.contains(text) || script.state() == QProcess::NotRunning;
            },
            60'000);
        if (!seen || !m_output.contains(text))
            qWarning().noquote() << m_output;
        return seen && m_output.contains(text);
    }

    // The command the script printed to start the dock, the line after "Dock: …".
    QString dockCommand() const
    {
        const QList<QByteArray> lines = m_output.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines.at(i).contains("start the receiving dock DOCK-01"))
                return QString::fromLocal8Bit(lines.at(i + 1).trimmed());
        }
        return {};
    }

    static int tillRows(const QString& path, const char* table)
    {
        if (!QFile::exists(path))
            return 0;
        int count = 0;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("till"));
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QSqlQuery q(db);
            if (db.open() &&
                q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table))) &&
                q.next())
                count = q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("till"));
        return count;
    }

    // The child of `parent` whose command line names `program`; 0 when none.
    static qint64 childNamed(qint64 parent, const char* program)
    {
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(parent));
        if (!children.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray& pid : children.readAll().split(' ')) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(QString::fromLatin1(pid)));
            if (!pid.isEmpty() && cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().split('\0').value(0).endsWith(program))
                return pid.toLongLong();
        }
        return 0;
    }

    QByteArray m_output;
};

QTEST_MAIN(tst_RunSampleStore)
#include "tst_runsamplestore.moc"
