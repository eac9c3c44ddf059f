// Staff and terminals from the back office (issue 20; sync/PROTOCOL.md, "Back office"), through
// the administration's own writes (`stockline-server staff …`, `terminal …`).

#include "answer.h"
#include "serverlogging.h"
#include "sqlserverstore_p.h"
#include "wireformat.h"

#include <QJsonArray>

namespace stockline::sync {

using namespace sqlstore;
using namespace backoffice;
using namespace Qt::StringLiterals;

namespace {

// An administration write's Error as an answer: a refusal unless storage failed.
Result<QJsonObject> refused(const Error& error, QLatin1StringView code, const QString& field)
{
    if (error.code == ErrorCode::Storage || error.code == ErrorCode::StorageBusy)
        return error;
    return refusal(code, error.message, field);
}

} // namespace

Result<QJsonObject> SqlServerStore::editStaff(const StaffEdit& edit, BackOfficeOutcome& outcome)
{
    const Result<QList<StaffMember>> staff = SqlServerStore::staff();
    if (!staff)
        return staff.error();
    const auto it = std::find_if(staff->cbegin(), staff->cend(),
                                 [&edit](const StaffMember& m) { return m.name == edit.name; });
    const bool active = it != staff->cend();
    if (edit.action == StaffAction::Add && active)
        return refusal(answerCode::invalidMessage,
                       u"name: %1 is on the staff already"_s.arg(edit.name), u"name"_s);
    if (edit.action != StaffAction::Add && !active)
        return refusal(answerCode::notFound, u"name: no active staff named %1"_s.arg(edit.name),
                       u"name"_s);
    Status done = success();
    if (edit.action == StaffAction::Deactivate) {
        done = removeStaff(edit.name);
    } else {
        if (!edit.pinHash)
            return Error{u"pin"_s, u"the PIN was not hashed"_s, ErrorCode::Storage};
        StaffMember member;
        member.name = edit.name;
        member.role = edit.action == StaffAction::Add
                          ? staffRoleFromName(edit.role).value_or(StaffRole::Cashier)
                          : it->role;
        member.pin = *edit.pinHash;
        done = putStaff(member);
    }
    if (!done)
        return refused(done.error(), answerCode::invalidMessage, u"name"_s);
    outcome.staffChanged = true;
    return okAnswer({{"name"_L1, edit.name}});
}

Result<QJsonObject> SqlServerStore::listTerminals()
{
    const Result<QList<TerminalListing>> listed = terminals();
    if (!listed)
        return listed.error();
    QJsonArray rows;
    for (const TerminalListing& t : *listed) {
        QJsonObject row{{"terminal"_L1, t.id},
                        {"role"_L1, roleName(t.role)},
                        {"revoked"_L1, t.revoked},
                        {"online"_L1, false},
                        {"backlog"_L1, 0}};
        if (!t.location.isEmpty())
            row.insert("location"_L1, t.location);
        if (t.lastSeen.isValid())
            row.insert("lastSeen"_L1, wire::formatTime(t.lastSeen));
        rows.append(row);
    }
    return okAnswer({{"rows"_L1, rows}});
}

Result<QJsonObject> SqlServerStore::revokeByManager(const TerminalRevoke& revoke)
{
    if (const Status done = revokeTerminal(revoke.terminal); !done)
        return refused(done.error(), answerCode::notFound, u"terminal"_s);
    return okAnswer({{"terminal"_L1, revoke.terminal}});
}

// A terminal not enrolled yet is enrolled with the role asked for; an enrolled one keeps its
// role (a different one is refused: revoke it and enrol the device under a new ID).
Result<QJsonObject> SqlServerStore::pairingCodeFor(const BackOfficeCall& call,
                                                   const PairingCodeRequest& ask)
{
    const Role role = roleFromName(ask.role).value_or(Role::Pos);
    const Result<TerminalInfo> known = terminal(ask.terminal);
    if (known && known->role != role)
        return refusal(answerCode::invalidMessage,
                       u"role: %1 is enrolled as %2"_s.arg(ask.terminal, roleName(known->role)),
                       u"role"_s);
    if (!known) {
        if (known.error().code == ErrorCode::Storage)
            return known.error();
        if (const Result<QString> added = addTerminal(ask.terminal, role); !added)
            return refused(added.error(), answerCode::invalidMessage, u"terminal"_s);
    }
    const Result<PairingCode> code =
        createPairingCode(ask.terminal, fromMs(call.nowMs), pairingCodeValidSeconds);
    if (!code)
        return refused(code.error(), answerCode::invalidMessage, u"terminal"_s);
    qCInfo(lcServer).noquote() << "pairing code for" << ask.terminal << "made by" << call.by;
    return okAnswer({{"terminal"_L1, ask.terminal},
                     {"code"_L1, code->code},
                     {"expiresAt"_L1, wire::formatTime(code->expiresAt)}});
}

} // namespace stockline::sync
