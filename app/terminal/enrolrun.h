#pragma once

#include "terminalconfig.h"

#include <QString>
#include <optional>

namespace stockline::app {

// The enrolment window on its own (EnrolWindow.qml over qml::Enrolment): at the first run, and
// when a manager changes the setup from the till. The configuration as saved; nothing when
// the window was closed or the change cancelled.
[[nodiscard]] std::optional<TerminalConfig>
runEnrolment(const QString& configPath, const std::optional<TerminalConfig>& current);

// Where a terminal that runs on its configuration file keeps its store: one file per terminal
// id in the user's data folder, so a terminal set up under another id never sends its outbox
// under the wrong name.
[[nodiscard]] QString defaultStorePath(const QString& terminal);

} // namespace stockline::app
