#pragma once

#include <QLoggingCategory>

namespace stockline {

// The one category of the core library: enable with QT_LOGGING_RULES="stockline.core.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)

} // namespace stockline
