#pragma once

#include <QLoggingCategory>

namespace stockline::qml {

// The one category of the terminal's screens and view models:
// QT_LOGGING_RULES="stockline.qml.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcQml)

} // namespace stockline::qml
