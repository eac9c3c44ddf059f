#include "approvallog.h"

#include "isotime.h"
#include "localstore.h"
#include "mutation.h"
#include "outbox.h"

#include <array>
#include <utility>

namespace stockline {

namespace {

constexpr std::array kinds{
    std::pair{Approval::Kind::PriceOverride, QLatin1StringView("price_override")},
    std::pair{Approval::Kind::Discount, QLatin1StringView("discount")},
    std::pair{Approval::Kind::VoidAfterPayment, QLatin1StringView("void_after_payment")},
    std::pair{Approval::Kind::Refund, QLatin1StringView("refund")},
    std::pair{Approval::Kind::TerminalSetup, QLatin1StringView("terminal_setup")},
    std::pair{Approval::Kind::OverExpected, QLatin1StringView("over_expected")},
    std::pair{Approval::Kind::ShortageResolution, QLatin1StringView("shortage_resolution")},
};

} // namespace

QString Approval::kindName(Kind kind)
{
    for (const auto& [value, name] : kinds) {
        if (value == kind)
            return name;
    }
    Q_UNREACHABLE();
    return {};
}

ApprovalLog::ApprovalLog(const LocalStore& store, Outbox& outbox) : m_store(store), m_outbox(outbox)
{
}

Result<Approval> ApprovalLog::record(const Approval& approval)
{
    for (const auto& [field, text] :
         {std::pair{QStringLiteral("detail"), approval.detail},
          std::pair{QStringLiteral("requestedBy"), approval.requestedBy},
          std::pair{QStringLiteral("approvedBy"), approval.approvedBy}}) {
        if (std::optional<Error> problem = checkRequiredText(field, text))
            return *problem;
    }
    Approval recorded = approval;
    recorded.at = QDateTime::currentDateTimeUtc();
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO approvals (at, kind, detail, requested_by, approved_by)"
                       " VALUES (?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(isoUtc(recorded.at)), QVariant(Approval::kindName(recorded.kind)),
          QVariant(recorded.detail), QVariant(recorded.requestedBy), QVariant(recorded.approvedBy)})
        insert.addBindValue(value);
    if (!insert.exec())
        return LocalStore::sqlError(insert, QStringLiteral("record a manager approval"));
    Mutation sent;
    sent.at = recorded.at;
    sent.body = ApprovalMutation{Approval::kindName(recorded.kind), recorded.requestedBy,
                                 recorded.approvedBy, recorded.detail};
    if (const Result<Mutation> appended = m_outbox.append(tx, sent); !appended)
        return appended.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return recorded;
}

Result<QList<Approval>> ApprovalLog::all() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT at, kind, detail, requested_by, approved_by FROM approvals ORDER BY id"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read manager approvals"));
    QList<Approval> list;
    while (query.next()) {
        Approval approval;
        approval.at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
        for (const auto& [value, name] : kinds) {
            if (name == query.value(1).toString())
                approval.kind = value;
        }
        approval.detail = query.value(2).toString();
        approval.requestedBy = query.value(3).toString();
        approval.approvedBy = query.value(4).toString();
        list.append(approval);
    }
    return list;
}

} // namespace stockline
