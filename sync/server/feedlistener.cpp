#include "feedlistener.h"

#include "serverlogging.h"
#include "sqlserverstore.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace stockline::sync {

namespace {

// How often the connection is checked, and how often it is tried again once lost.
constexpr int checkIntervalMs = 2'000;

QAtomicInt listenerCounter;

// Lives on the listener's thread: owns its connection there, as Qt SQL requires.
class Listening : public QObject
{
public:
    Listening(SqlStoreConfig config, FeedListener::Wake wake)
        : m_config(std::move(config)), m_wake(std::move(wake)),
          m_name(QStringLiteral("stockline-feed-%1").arg(listenerCounter.fetchAndAddRelaxed(1)))
    {
        m_check.setInterval(checkIntervalMs);
        connect(&m_check, &QTimer::timeout, this, &Listening::check);
    }

    ~Listening() override
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

    void start()
    {
        const QSqlDatabase db = m_config.addConnection(m_name);
        // The driver outlives closing and opening the connection again: connected once.
        connect(db.driver(), &QSqlDriver::notification, this,
                [this](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                    bool ok = false;
                    const qint64 cursor = payload.toString().toLongLong(&ok);
                    m_wake(ok ? cursor : FeedListener::unknownCursor);
                });
        m_check.start();
        listen();
    }

private:
    void listen()
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (!db.open()) {
            qCWarning(lcServer).noquote()
                << "feed listener: cannot connect to" << m_config.label()
                << "(trying again):" << db.lastError().text().simplified();
            return;
        }
        const QString channel = m_config.dialect.feedChannel;
        if (!db.driver()->subscribeToNotification(channel)) {
            qCWarning(lcServer).noquote() << "feed listener: cannot LISTEN on" << channel << ":"
                                          << db.driver()->lastError().text().simplified();
            db.close();
            return;
        }
        m_listening = true;
        // Whatever was committed while nobody listened.
        m_wake(FeedListener::unknownCursor);
    }

    void check()
    {
        if (!m_listening)
            return listen();
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcServer).noquote()
            << "feed listener: lost the connection to" << m_config.label() << "; connecting again";
        m_listening = false;
        probe = QSqlQuery();
        db.close();
        listen();
    }

    SqlStoreConfig m_config;
    FeedListener::Wake m_wake;
    QString m_name;
    QTimer m_check{this}; // a child: it moves to the listener's thread with its parent
    bool m_listening = false;
};

} // namespace

FeedListener::FeedListener(const SqlStoreConfig& config, Wake wake)
{
    auto* listening = new Listening(config, std::move(wake));
    listening->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, listening, [listening] { listening->start(); });
    QObject::connect(&m_thread, &QThread::finished, listening, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("feed listener"));
    m_thread.start();
}

FeedListener::~FeedListener()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace stockline::sync
