#pragma once

#include "poscontext.h"

namespace stockline::app {

// `stockline --resend-after-restore`: after the server was restored from a backup older than
// what it confirmed to this terminal, connects without a window, makes the entries the server
// no longer has pending again (same seqs, same ids), sends everything pending and waits until
// the server has answered all of it. Prints what happened; the exit code: 0 when everything is
// answered, 1 otherwise (sync/PROTOCOL.md, "Numbering"; README, "Backup and restore").
[[nodiscard]] int runResendAfterRestore(const qml::PosOptions& pos, int timeoutSeconds);

} // namespace stockline::app
