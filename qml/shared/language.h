#pragma once

#include <QString>

namespace stockline::qml {

// The language the terminal's screens speak: a terminal-local choice (TerminalConfig's
// `language`, `stockline --language`, the enrolment screen), never the server's.
//
// apply() installs our translation (embedded, :/i18n/stockline_<lang>.qm) and Qt's own
// (qt_<lang>.qm: qtbase, qtdeclarative …, from Debian's qt6-translations-l10n when installed),
// makes the language's locale the default so QLocale() — number separators, money — follows
// it, and turns the application right to left for a right-to-left language. A language we ship
// no translation for still gets its locale and direction: `--language ar` lays the screens out
// mirrored, in English. Call it before a QML engine loads (or retranslate() the engine after).
//
// Threading: the GUI thread, with no QML engine reading translations meanwhile.
class Language
{
public:
    // `language` ("de", "es_MX", "ar"; empty: the system's locale). False, with nothing
    // changed, when the code names no language QLocale knows.
    static bool apply(const QString& language);
};

} // namespace stockline::qml
