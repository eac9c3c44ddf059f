#include "qmllogging.h"

namespace stockline::qml {

Q_LOGGING_CATEGORY(lcQml, "stockline.qml", QtInfoMsg)

} // namespace stockline::qml
