#pragma once

#include <QLoggingCategory>

namespace stockline::print {

// The one category of printing: QT_LOGGING_RULES="stockline.print.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcPrint)

} // namespace stockline::print
