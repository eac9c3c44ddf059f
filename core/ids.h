#pragma once

#include <QStringView>

namespace stockline {

// IDs chosen by clients (SKUs, locations, terminals, reservations, …):
// 1–64 characters from [A-Za-z0-9._:-].
[[nodiscard]] bool isValidId(QStringView id);

} // namespace stockline
