#include "serverconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>

namespace stockline::servercli {

QString ServerConfig::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("STOCKLINE_SERVER_CONFIG");
    return fromEnvironment.isEmpty() ? QStringLiteral("/etc/stockline/server.conf")
                                     : fromEnvironment;
}

const QCommandLineOption& ServerConfig::option()
{
    static const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Read options from this file of `key = value` lines, keys being long "
                       "option names; the command line wins (default: %1 when it exists).")
            .arg(defaultPath()),
        QStringLiteral("FILE"));
    return config;
}

Result<ServerConfig> ServerConfig::read(const QString& path, const QList<DeclareOptions>& commands)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        // The package lets root and the service's user read it: it may hold a database password.
        const QString hint = file.error() == QFileDevice::OpenError && QFile::exists(path)
                                 ? QStringLiteral(" (run as the service's user: sudo -u stockline "
                                                  "stockline-server …)")
                                 : QString();
        return Error{QStringLiteral("--config"),
                     QStringLiteral("cannot read %1: %2%3").arg(path, file.errorString(), hint)};
    }
    static const QRegularExpression keyValue(QStringLiteral("^([a-z0-9-]+)\\s*=\\s*(.*)$"));
    ServerConfig config;
    config.m_path = path;
    int number = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++number;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = keyValue.match(line);
        if (!match.hasMatch())
            return config.problem({{}, {}, number}, QStringLiteral("expected key = value"));
        const Entry entry{match.captured(1), match.captured(2), number};
        // Shared by serve and the administration commands: a key only some commands know is
        // fine, one no command knows is a typo.
        if (std::none_of(commands.cbegin(), commands.cend(), [&](const DeclareOptions& c) {
                return kindOf(entry.key, c) != Kind::Unknown;
            }))
            return config.problem(entry, QStringLiteral("'%1' is not an option of any "
                                                        "stockline-server command")
                                             .arg(entry.key));
        config.m_entries.append(entry);
    }
    return config;
}

Result<QStringList> ServerConfig::apply(const QStringList& arguments,
                                        const DeclareOptions& command) const
{
    QCommandLineParser given;
    command(given);
    given.addOption(option());
    given.parse(arguments); // the caller has parsed these already and reported any error
    QStringList merged = arguments;
    for (const Entry& entry : m_entries) {
        const Kind kind = kindOf(entry.key, command);
        if (kind == Kind::Unknown || given.isSet(entry.key))
            continue;
        if (kind == Kind::Value) {
            merged.append(QStringLiteral("--%1=%2").arg(entry.key, entry.value));
            continue;
        }
        const QString flag = entry.value.toLower();
        if (flag == QLatin1String("true"))
            merged.append(QStringLiteral("--") + entry.key);
        else if (flag != QLatin1String("false"))
            return problem(
                entry, QStringLiteral("%1: '%2' is not true or false").arg(entry.key, entry.value));
    }
    return merged;
}

// QCommandLineParser lists no declared options: ask it to parse the option with a value.
ServerConfig::Kind ServerConfig::kindOf(const QString& key, const DeclareOptions& command)
{
    QCommandLineParser probe;
    command(probe);
    if (probe.parse({QStringLiteral("probe"), QStringLiteral("--%1=x").arg(key)}))
        return Kind::Value;
    // Known but refusing a value: a flag.
    return probe.unknownOptionNames().contains(key) ? Kind::Unknown : Kind::Flag;
}

Error ServerConfig::problem(const Entry& entry, const QString& message) const
{
    return Error{QStringLiteral("%1 line %2").arg(m_path).arg(entry.line), message};
}

} // namespace stockline::servercli
