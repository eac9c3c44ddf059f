#pragma once

// /etc/stockline/server.conf: the options of stockline-server's commands, so the service and
// the administration commands run on the same database with the same settings.

#include "error.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace stockline::servercli {

// Declares one command's options on a parser (a row of the command table).
using DeclareOptions = std::function<void(QCommandLineParser&)>;

// Lines `key = value`, `#` comments and blank lines. A key is the long name of an option of
// the command being run (`db`, `listen`, `tls-cert`, …); a flag option takes true or false.
class ServerConfig
{
public:
    // The file read when --config is not given: STOCKLINE_SERVER_CONFIG, else
    // /etc/stockline/server.conf. Either is read only when it exists.
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] static const QCommandLineOption& option();

    // A malformed line, or a key that is no option of any of `commands`, is an error naming
    // the file and the line.
    [[nodiscard]] static Result<ServerConfig> read(const QString& path,
                                                   const QList<DeclareOptions>& commands);

    // `arguments` (the program name, then the command's options and positional arguments)
    // with the file's values added for the options `command` declares and `arguments` leave
    // unset: the command line wins over the file, the file over the built-in defaults.
    [[nodiscard]] Result<QStringList> apply(const QStringList& arguments,
                                            const DeclareOptions& command) const;

private:
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };
    enum class Kind { Unknown, Value, Flag };
    [[nodiscard]] static Kind kindOf(const QString& key, const DeclareOptions& command);
    [[nodiscard]] Error problem(const Entry& entry, const QString& message) const;

    QString m_path;
    QList<Entry> m_entries;
};

} // namespace stockline::servercli
