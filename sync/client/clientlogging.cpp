#include "clientlogging.h"

namespace stockline::sync {

Q_LOGGING_CATEGORY(lcSync, "stockline.sync.client")

} // namespace stockline::sync
