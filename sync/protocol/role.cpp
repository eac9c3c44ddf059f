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
        // A web shop holds and sells stock, and refunds its own orders (the HTTP API's
        // returns, issue 22): a refund is decided against the order's stored receipt.
        return kind == MutationKind::Reserve || kind == MutationKind::Release ||
               kind == MutationKind::Sale || kind == MutationKind::Return;
    case Role::Receiving:
        return kind == MutationKind::Receive || kind == MutationKind::Count ||
               kind == MutationKind::Transfer || kind == MutationKind::Adjust ||
               kind == MutationKind::Approval;
    }
    return false; // an out-of-range enum value is never allowed anything
}

} // namespace stockline::sync
