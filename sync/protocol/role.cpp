#include "role.h"

namespace stockline::sync {

QString roleName(Role role)
{
    switch (role) {
    case Role::Pos:
        return QStringLiteral("pos");
    case Role::Receiving:
        return QStringLiteral("receiving");
    case Role::Channel:
        return QStringLiteral("channel");
    case Role::Manager:
        return QStringLiteral("manager");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    // Exact, case-sensitive: role names are wire and storage values, not user input.
    for (const Role role : {Role::Pos, Role::Receiving, Role::Channel, Role::Manager}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

bool roleMay(Role role, MutationKind kind)
{
    switch (role) {
    case Role::Manager:
        return true; // every kind, and only it resolves shortage exceptions
    case Role::Pos:
        return kind == MutationKind::Reserve || kind == MutationKind::Release ||
               kind == MutationKind::Sale || kind == MutationKind::Return ||
               kind == MutationKind::Approval || kind == MutationKind::Cash;
    case Role::Channel:
        // A web shop sells and holds stock but never refunds through the stock authority:
        // returns come back through a store or the warehouse.
        return kind == MutationKind::Reserve || kind == MutationKind::Release ||
               kind == MutationKind::Sale;
    case Role::Receiving:
        return kind == MutationKind::Receive || kind == MutationKind::Count ||
               kind == MutationKind::Transfer || kind == MutationKind::Adjust ||
               kind == MutationKind::Approval;
    }
    return false; // an out-of-range enum value is never allowed anything
}

} // namespace stockline::sync
