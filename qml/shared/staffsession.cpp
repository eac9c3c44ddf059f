#include "staffsession.h"

#include "pincheck.h"
#include "qmllogging.h"
#include "staffdirectory.h"
#include "staffmodel.h"

namespace stockline::qml {

StaffSession::StaffSession(StaffDirectory& directory, QObject* parent)
    : QObject(parent), m_directory(directory), m_people(new StaffModel(this)),
      m_check(new PinCheck(this))
{
    connect(m_check, &PinCheck::busyChanged, this, &StaffSession::busyChanged);
    reload();
}

bool StaffSession::busy() const
{
    return m_check->busy();
}

bool StaffSession::signIn(const QString& name, const QString& pin)
{
    if (busy())
        return false;
    const Result<StaffDirectory::PinAttempt> attempt = m_directory.beginSignIn(name, pin);
    if (!attempt) {
        setError(attempt.error().message);
        return false;
    }
    setError({});
    return m_check->run(*attempt, [this, attempt = *attempt](const QStringList& matched) {
        Result<StaffMember> member = m_directory.finishSignIn(attempt, matched);
        if (!member) {
            setError(member.error().message);
            return;
        }
        qCInfo(lcQml) << member->name << "signed in";
        setMember(std::move(member).value());
    });
}

void StaffSession::signOut()
{
    if (m_member)
        qCInfo(lcQml) << m_member->name << "signed out";
    setError({});
    setMember(std::nullopt);
}

void StaffSession::clearError()
{
    setError({});
}

void StaffSession::reload()
{
    Result<QList<StaffMember>> staff = m_directory.staff();
    if (!staff) {
        setError(staff.error().toString());
        return;
    }
    m_people->setStaff(*staff);
    if (!m_member)
        return;
    for (const StaffMember& member : *staff) {
        if (member.name == m_member->name) {
            setMember(member); // a new role counts from now
            return;
        }
    }
    qCInfo(lcQml) << m_member->name << "is no longer on the staff list: signed out";
    setMember(std::nullopt);
}

void StaffSession::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}

void StaffSession::setMember(std::optional<StaffMember> member)
{
    if (member == m_member)
        return;
    m_member = std::move(member);
    Q_EMIT signedInChanged();
}

} // namespace stockline::qml
