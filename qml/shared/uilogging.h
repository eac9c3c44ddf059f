#pragma once

#include <QLoggingCategory>

namespace stockline::ui {

// The one category of the terminal's screens and view models:
// QT_LOGGING_RULES="stockline.ui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace stockline::ui
