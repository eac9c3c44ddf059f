#pragma once

#include <QLoggingCategory>

namespace stockline::sync {

// The sync library's one logging category: "stockline.sync".
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace stockline::sync
