#pragma once

#include "error.h"
#include "pinhash.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace stockline {

// Cashiers ring up sales; managers also approve price overrides, large discounts, voids after
// payment and refunds.
enum class StaffRole { Cashier, Manager };

[[nodiscard]] QString staffRoleName(StaffRole role);
[[nodiscard]] std::optional<StaffRole> staffRoleFromName(QStringView name);

// A person who signs in at a terminal with a PIN. Managed on the server, synced to terminals.
struct StaffMember
{
    QString name; // also how the person is named on receipts and in the ledger
    StaffRole role = StaffRole::Cashier;
    PinHash pin;
    bool active = true;

    static constexpr int maxNameLength = 64;

    [[nodiscard]] std::optional<Error> validate() const;

    friend bool operator==(const StaffMember&, const StaffMember&) = default;
};

} // namespace stockline
