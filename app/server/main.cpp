// stockline-server: the headless sync server and its administration commands.
#include "servercommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Qt's glib event loop is several times slower with thousands of sockets.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stockline-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Stockline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STOCKLINE_VERSION));
    return ServerCommands().run(QCoreApplication::arguments());
}
