#pragma once

#include "error.h"

#include <QString>

namespace stockline::app {

// Reads a terminal's token from a file only its owner may read (mode 0600 or 0400, owned by
// the user running the till): a token on the command line shows in `ps` to every user, and
// one in a file others can read is no secret. The token is the file's first line, trimmed.
[[nodiscard]] Result<QString> readTokenFile(const QString& path);

} // namespace stockline::app
