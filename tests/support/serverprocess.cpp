#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

ServerProcess::ServerProcess(QString databasePath)
    : m_database(std::make_shared<TestDatabase>(std::move(databasePath)))
{
}

ServerProcess::ServerProcess(std::shared_ptr<TestDatabase> database)
    : m_database(std::move(database))
{
}

ServerProcess::~ServerProcess()
{
    kill();
}

QString ServerProcess::binary()
{
    return QStringLiteral(STOCKLINE_SERVER_BINARY);
}

ServerProcess::Run ServerProcess::admin(const QStringList& args, const QByteArray& input) const
{
    QProcess p;
    p.start(binary(), args + QStringList{QStringLiteral("--db"), database()});
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    Run run;
    if (!p.waitForFinished(60'000))
        return run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QString ServerProcess::addTerminal(const QString& id, const QString& role) const
{
    const Run run = admin(
        {QStringLiteral("terminal"), QStringLiteral("add"), id, QStringLiteral("--role"), role});
    return run.exitCode == 0 ? QString::fromUtf8(run.out).trimmed() : QString();
}

bool ServerProcess::loadSampleStore() const
{
    const QString folder = QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store/");
    if (admin({QStringLiteral("location"), QStringLiteral("add"), QStringLiteral("store-1"),
               QStringLiteral("Store floor")})
                .exitCode != 0 ||
        admin({QStringLiteral("location"), QStringLiteral("add"), QStringLiteral("backroom-1"),
               QStringLiteral("Back room")})
                .exitCode != 0)
        return false;
    return admin({QStringLiteral("catalog"), QStringLiteral("import"),
                  folder + QStringLiteral("products.csv")})
                   .exitCode == 0 &&
           admin({QStringLiteral("stock"), QStringLiteral("import"),
                  folder + QStringLiteral("stock.csv")})
                   .exitCode == 0;
}

bool ServerProcess::addSampleStaff() const
{
    QFile file(QStringLiteral(STOCKLINE_SOURCE_DIR "/resources/sample-store/staff.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    file.readLine(); // name,role,pin
    while (!file.atEnd()) {
        const QList<QByteArray> cells = file.readLine().trimmed().split(',');
        if (cells.size() != 3 ||
            admin({QStringLiteral("staff"), QStringLiteral("add"), QString::fromUtf8(cells[0]),
                   QStringLiteral("--role"), QString::fromUtf8(cells[1])},
                  cells[2] + '\n')
                    .exitCode != 0)
            return false;
    }
    return true;
}

bool ServerProcess::start(quint16 port)
{
    kill();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    // The server's log goes to the test's: a failing CI run then shows why.
    if (m_logFile.isEmpty())
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        m_process->setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process->setProcessEnvironment(m_environment);
    const QStringList serve = QStringList{binary(),
                                          QStringLiteral("serve"),
                                          QStringLiteral("--db"),
                                          database(),
                                          QStringLiteral("--listen"),
                                          QStringLiteral("%1:%2").arg(m_listenHost).arg(port)} +
                              m_serveArguments;
    const QStringList command = m_launcher + serve;
    m_process->start(command.first(), command.mid(1));
    if (!m_process->waitForStarted(10'000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral("listening on (wss?)://[^:]+:(\\d+)/"));
    const QDeadlineTimer deadline(20'000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        m_output += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_secure = match.captured(1) == QLatin1String("wss");
            m_port = static_cast<quint16>(match.captured(2).toUInt());
            return true;
        }
    }
    m_output += m_process->readAllStandardError();
    qWarning().noquote() << "server did not start:" << m_output;
    return false;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10'000);
    }
    m_process.reset();
}

int ServerProcess::terminate()
{
    if (!m_process)
        return -1;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(30'000)) {
            qWarning() << "server did not stop within 30 s of SIGTERM";
            return -1;
        }
    }
    m_output += m_process->readAllStandardOutput();
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    if (code != 0)
        qWarning().noquote() << "server exit" << m_process->exitStatus() << m_process->exitCode()
                             << m_process->errorString() << m_output;
    m_process.reset();
    return code;
}

void ServerProcess::requestTerminate()
{
    if (m_process && m_process->state() == QProcess::Running)
        m_process->terminate();
}

int ServerProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning &&
        !QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; },
                         timeoutMs)) {
        qWarning() << "server did not stop within" << timeoutMs << "ms";
        return -1;
    }
    m_output += m_process->readAllStandardOutput();
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process.reset();
    return code;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl ServerProcess::httpUrl() const
{
    static const QRegularExpression announced(
        QStringLiteral("health and metrics on (https?://\\S+/)"));
    return QUrl(announced.match(QString::fromUtf8(m_output)).captured(1));
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("%1://%2:%3/")
                    .arg(m_secure ? QStringLiteral("wss") : QStringLiteral("ws"), m_listenHost)
                    .arg(m_port));
}

bool makeTestCertificate(const QString& certPath, const QString& keyPath)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                   keyPath, QStringLiteral("-out"), certPath});
    return openssl.waitForFinished(30'000) && openssl.exitCode() == 0;
}
