#pragma once

#include <QLoggingCategory>

namespace stockline::sync {

// The client library's one logging category: "stockline.sync.client". Named lcSync, as it was
// when the client and the server were one library, so the client's code reads as before.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace stockline::sync
