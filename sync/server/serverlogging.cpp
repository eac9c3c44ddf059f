#include "serverlogging.h"

namespace stockline::sync {

Q_LOGGING_CATEGORY(lcServer, "stockline.sync.server")

} // namespace stockline::sync
