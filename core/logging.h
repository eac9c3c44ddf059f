#pragma once

#include <QLoggingCategory>

namespace stockline {

// The one category of the core library: enable with QT_LOGGING_RULES="stockline.core.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)

// Writes every Qt message to stderr, one line each, with a priority a reader can filter on.
// When stderr is the systemd journal (JOURNAL_STREAM names it), each line starts with an
// sd-daemon prefix, "<4>" for a warning (sd-daemon(3)), which journald turns into the entry's
// PRIORITY, so `journalctl -p warning` finds them; the journal keeps the time. Otherwise each
// line starts with the UTC time and the level word, for a plain log file:
//   <4>stockline.sync.server: failed hello from 10.0.0.7: …           (journal)
//   2026-12-07T07:40:01.123Z warning stockline.sync.server: failed …    (anything else)
void installLogHandler();

// The line installLogHandler() writes for a message, without the line feed.
[[nodiscard]] QByteArray logLine(QtMsgType type, const char* category, const QString& message,
                                 bool toJournal);

} // namespace stockline
