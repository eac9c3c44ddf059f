#pragma once

#include <QLoggingCategory>

namespace stockline::sync {

// The server library's one logging category: "stockline.sync.server".
Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace stockline::sync
