#include "logging.h"

namespace stockline::sync {

Q_LOGGING_CATEGORY(lcSync, "stockline.sync")

} // namespace stockline::sync
