#include "resendrun.h"

#include "client.h"
#include "localstore.h"
#include "transport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>

namespace stockline::app {

namespace {

int failed(const QString& message)
{
    std::fprintf(stderr, "stockline: --resend-after-restore: %s\n", qPrintable(message));
    return 1;
}

void say(const QString& line)
{
    std::printf("stockline: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int runResendAfterRestore(const qml::PosOptions& pos, int timeoutSeconds)
{
    if (pos.server.isEmpty())
        return failed(QStringLiteral("this terminal has no server to send to"));
    // A new, empty store would have nothing to send: the wrong file, not a recovery.
    if (!QFileInfo(pos.storePath).isFile())
        return failed(QStringLiteral("%1: no such store file").arg(pos.storePath));
    auto store = LocalStore::open(pos.storePath);
    if (!store)
        return failed(store.error().toString());
    sync::ClientOptions options = qml::PosContext::clientOptions(pos);
    options.resendAfterRestore = true;
    sync::Client client(**store, nullptr, options);
    QObject::connect(&client, &sync::Client::reopenedAfterRestore, &client,
                     [](qint64 count, qint64 lastSeq) {
                         say(QStringLiteral("the server holds this terminal's mutations up to seq "
                                            "%1; %2 it confirmed after that are sent again")
                                 .arg(lastSeq)
                                 .arg(count));
                     });
    bool welcomed = false;
    QObject::connect(&client, &sync::Client::connectedChanged, &client,
                     [&welcomed](bool connected) { welcomed = welcomed || connected; });
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &client, [&] {
        const bool done = welcomed && client.isConnected() && client.pendingCount() == 0;
        if (done || !client.isRunning() || deadline.hasExpired())
            QCoreApplication::exit(done ? 0 : 1);
    });
    say(QStringLiteral("terminal %1 connecting to %2 to send what it lost")
            .arg(pos.terminal, pos.server.toString()));
    client.start();
    check.start(50);
    const int code = QCoreApplication::exec();
    client.stop();
    for (const sync::Rejection& rejection : client.rejections())
        say(QStringLiteral("seq %1 (%2) refused now: %3")
                .arg(rejection.seq)
                .arg(rejection.kind, rejection.message));
    if (code != 0)
        return failed(QStringLiteral("%1 not answered yet (%2); run it again")
                          .arg(client.pendingCount())
                          .arg(client.lastError().isEmpty() ? QStringLiteral("timed out")
                                                            : client.lastError()));
    say(QStringLiteral("everything this terminal sold is on the server again"));
    return 0;
}

} // namespace stockline::app
