#include "staff.h"

namespace stockline {

QString staffRoleName(StaffRole role)
{
    return role == StaffRole::Manager ? QStringLiteral("manager") : QStringLiteral("cashier");
}

std::optional<StaffRole> staffRoleFromName(QStringView name)
{
    if (name == u"cashier")
        return StaffRole::Cashier;
    if (name == u"manager")
        return StaffRole::Manager;
    return std::nullopt;
}

std::optional<Error> StaffMember::validate() const
{
    const bool printable =
        std::all_of(name.begin(), name.end(), [](QChar c) { return c.isPrint(); });
    if (name.trimmed().isEmpty() || name != name.trimmed() || !printable ||
        name.size() > maxNameLength)
        return Error{QStringLiteral("name"),
                     QStringLiteral("must be 1 to %1 printable characters, no leading or "
                                    "trailing spaces")
                         .arg(maxNameLength)};
    if (!pin.isValid())
        return Error{QStringLiteral("pin"), QStringLiteral("is not a PBKDF2 hash")};
    return std::nullopt;
}

} // namespace stockline
