// stockline-server: the headless sync server and its administration commands.
#include "logging.h"
#include "servercommands.h"

#include <QCoreApplication>
#include <sys/resource.h>

namespace {

// Every terminal is an open socket: a store's thousand terminals exceed the usual soft limit
// of 1,024 open files. The hard limit is what the administrator allows; take all of it.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's glib event loop is several times slower with thousands of sockets.
    qputenv("QT_NO_GLIB", "1");
    raiseFileLimit();
    stockline::installLogHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stockline-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stockline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STOCKLINE_VERSION));
    return ServerCommands().run(QCoreApplication::arguments());
}
