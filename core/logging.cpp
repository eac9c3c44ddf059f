#include "logging.h"

namespace stockline {

Q_LOGGING_CATEGORY(lcCore, "stockline.core")

} // namespace stockline
