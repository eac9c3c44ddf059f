#include "uilogging.h"

namespace stockline::ui {

Q_LOGGING_CATEGORY(lcUi, "stockline.ui", QtInfoMsg)

} // namespace stockline::ui
