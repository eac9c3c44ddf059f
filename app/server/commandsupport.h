#pragma once

// What every group of stockline-server's commands uses: its output streams, its failure
// message, the --db option and the store it opens.

#include "error.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <memory>

namespace stockline::sync {
class AdminStore;
}

namespace stockline::servercli {

[[nodiscard]] QTextStream& out();
[[nodiscard]] QTextStream& err();
// Prints the message to stderr; returns the exit code 1.
int fail(const QString& message);
int fail(const Error& error);
[[nodiscard]] QString defaultDatabase();
[[nodiscard]] const QCommandLineOption& dbOption();
// --json on the listing commands.
[[nodiscard]] const QCommandLineOption& jsonOption();
// A sqlite: database (or its folder, when new) owned by another user is refused, naming that
// user: files SQLite makes beside it as this one (root) could not be opened by the service.
[[nodiscard]] Status checkDatabaseOwner(const QString& url);
// The store --db names; a sqlite: file's folder is made first, so the default works first time.
[[nodiscard]] Result<std::unique_ptr<sync::AdminStore>> openStore(const QCommandLineParser& parser);
[[nodiscard]] Status requirePositional(const QCommandLineParser& parser, int count,
                                       const QString& synopsis);
[[nodiscard]] QString padded(const QString& text, int width);
// A CSV cell (RFC 4180) as StoreCsv reads it back: quoted when it holds a comma, a quote or a
// line break.
[[nodiscard]] QString csvCell(const QString& text);

} // namespace stockline::servercli
