#pragma once

#include "mutation.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace stockline::sync {

enum class Role { Pos, Receiving, Channel, Manager };

[[nodiscard]] QString roleName(Role role);
[[nodiscard]] std::optional<Role> roleFromName(QStringView name);
// The role table of PROTOCOL.md.
[[nodiscard]] bool roleMay(Role role, MutationKind kind);

} // namespace stockline::sync
