#include "printlogging.h"

namespace stockline::print {

Q_LOGGING_CATEGORY(lcPrint, "stockline.print", QtInfoMsg)

} // namespace stockline::print
