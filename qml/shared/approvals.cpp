#include "approvals.h"

#include "notices.h"
#include "pincheck.h"
#include "qmllogging.h"
#include "staffdirectory.h"
#include "staffsession.h"

namespace stockline::qml {

Approvals::Approvals(Services services, QObject* parent)
    : QObject(parent), m_services(services), m_check(new PinCheck(this))
{
    connect(m_check, &PinCheck::busyChanged, this, &Approvals::busyChanged);
}

bool Approvals::busy() const
{
    return m_check->busy();
}

bool Approvals::request(Approval::Kind kind, const QString& detail, Action action)
{
    if (m_services.staff.isManager())
        return perform(kind, detail, action, m_services.staff.name());
    m_kind = kind;
    m_detail = detail;
    m_action = std::move(action);
    setError({});
    Q_EMIT pendingChanged();
    return false;
}

bool Approvals::approve(const QString& name, const QString& pin)
{
    if (!pending() || busy())
        return false;
    const Result<StaffDirectory::PinAttempt> attempt =
        m_services.directory.beginApproval(name.trimmed(), pin);
    if (!attempt) {
        setError(attempt.error().message);
        return false;
    }
    setError({});
    return m_check->run(*attempt, [this, attempt = *attempt](const QStringList& matched) {
        const Result<QString> approver = m_services.directory.finishApproval(attempt, matched);
        if (!approver) {
            setError(approver.error().message);
            return;
        }
        if (!pending()) // cancelled while the PIN was checked
            return;
        const Approval::Kind kind = m_kind;
        const QString detail = m_detail;
        const Action action = m_action;
        clearRequest();
        perform(kind, detail, action, *approver);
    });
}

void Approvals::cancel()
{
    setError({});
    if (pending())
        clearRequest();
}

bool Approvals::perform(Approval::Kind kind, const QString& detail, const Action& action,
                        const QString& approver)
{
    if (!action(approver))
        return false;
    const Result<Approval> logged =
        m_services.log.record(Approval{kind, detail, m_services.staff.name(), approver, {}});
    if (!logged)
        m_services.notices.report(tr("Approved and done, but the approval could not be logged: %1")
                                      .arg(logged.error().toString()));
    qCInfo(lcQml) << Approval::kindName(kind) << "approved by" << approver << ":" << detail;
    Q_EMIT approved(approver);
    return true;
}

void Approvals::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

void Approvals::clearRequest()
{
    m_action = {};
    m_detail.clear();
    Q_EMIT pendingChanged();
}

} // namespace stockline::qml
