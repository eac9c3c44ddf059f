#include "staffdirectory.h"

#include "isotime.h"
#include "localstore.h"
#include "logging.h"

#include <QFile>
#include <QLocale>
#include <QSet>

namespace stockline {

namespace {

// The lockout row of PIN-only manager approval: no staff name is empty.
const QString approvalKey = QStringLiteral("");

QString whenText(const QDateTime& at)
{
    return QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
}

QString durationText(qint64 seconds)
{
    const qint64 minutes = (seconds + 59) / 60;
    return minutes == 1 ? QStringLiteral("1 minute") : QStringLiteral("%1 minutes").arg(minutes);
}

std::optional<Error> checkList(const QList<StaffMember>& staff)
{
    QSet<QString> names;
    for (qsizetype i = 0; i < staff.size(); ++i) {
        if (const std::optional<Error> problem = staff.at(i).validate())
            return Error{QStringLiteral("staff[%1].%2").arg(i).arg(problem->field),
                         problem->message};
        if (names.contains(staff.at(i).name))
            return Error{QStringLiteral("staff[%1].name").arg(i),
                         QStringLiteral("'%1' is listed twice").arg(staff.at(i).name)};
        names.insert(staff.at(i).name);
    }
    return std::nullopt;
}

} // namespace

StaffDirectory::StaffDirectory(const LocalStore& store, Clock clock)
    : m_store(store), m_clock(std::move(clock))
{
}

QDateTime StaffDirectory::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

qint64 StaffDirectory::lockoutSeconds(int failures)
{
    if (failures < maxFailures)
        return 0;
    qint64 seconds = firstLockoutSeconds;
    for (int i = maxFailures; i < failures && seconds < maxLockoutSeconds; ++i)
        seconds *= 2;
    return std::min(seconds, maxLockoutSeconds);
}

// ---- the list

Status StaffDirectory::replace(const QList<StaffMember>& staff)
{
    Transaction tx(m_store);
    Status done = replace(tx, staff);
    if (done)
        done = tx.commit();
    return done;
}

Status StaffDirectory::replace(Transaction& tx, const QList<StaffMember>& staff)
{
    if (const Status ok = m_store.check(tx); !ok)
        return ok;
    if (std::optional<Error> problem = checkList(staff))
        return *problem;
    QSqlQuery clear = m_store.prepare(QStringLiteral("DELETE FROM staff"));
    if (!clear.exec())
        return LocalStore::sqlError(clear, QStringLiteral("replace the staff list"));
    QSqlQuery insert = m_store.prepare(
        QStringLiteral("INSERT INTO staff (name, role, pin_salt, pin_iterations, pin_hash)"
                       " VALUES (?, ?, ?, ?, ?)"));
    for (const StaffMember& member : staff) {
        for (const QVariant& value : {QVariant(member.name), QVariant(staffRoleName(member.role)),
                                      QVariant(member.pin.salt), QVariant(member.pin.iterations),
                                      QVariant(member.pin.hash)})
            insert.addBindValue(value);
        if (!insert.exec())
            return LocalStore::sqlError(insert, QStringLiteral("store a staff member"));
    }
    return success();
}

Result<QList<StaffMember>> StaffDirectory::staff() const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT name, role, pin_salt, pin_iterations, pin_hash FROM staff ORDER BY name"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the staff list"));
    QList<StaffMember> list;
    while (query.next()) {
        StaffMember member;
        member.name = query.value(0).toString();
        member.role = staffRoleFromName(query.value(1).toString()).value_or(StaffRole::Cashier);
        member.pin.salt = query.value(2).toByteArray();
        member.pin.iterations = query.value(3).toInt();
        member.pin.hash = query.value(4).toByteArray();
        list.append(member);
    }
    return list;
}

Result<std::optional<StaffMember>> StaffDirectory::find(const QString& name) const
{
    const Result<QList<StaffMember>> all = staff();
    if (!all)
        return all.error();
    for (const StaffMember& member : *all) {
        if (member.name == name)
            return std::optional<StaffMember>(member);
    }
    return std::optional<StaffMember>();
}

// ---- signing in

QStringList StaffDirectory::PinAttempt::matching() const
{
    QStringList names;
    for (const StaffMember& member : candidates) {
        if (member.pin.matches(pin))
            names.append(member.name);
    }
    return names;
}

Result<StaffDirectory::PinAttempt> StaffDirectory::beginSignIn(const QString& name, QStringView pin)
{
    const Result<std::optional<StaffMember>> member = find(name);
    if (!member)
        return member.error();
    if (!member->has_value())
        return Error{QStringLiteral("name"),
                     QStringLiteral("'%1' is not on this terminal's staff list").arg(name)};
    if (const Status open = check(name, name); !open)
        return open.error();
    // A PIN of the wrong shape is a slip of the finger, not a guess: it is not counted.
    if (std::optional<Error> shape = PinHash::checkPin(pin))
        return *shape;
    return PinAttempt{name, name, pin.toString(), {**member}};
}

Result<StaffMember> StaffDirectory::finishSignIn(const PinAttempt& attempt,
                                                 const QStringList& matched)
{
    if (matched.isEmpty())
        return failed(attempt.key, attempt.who);
    if (const Status reset = cleared(attempt.key); !reset)
        return reset.error();
    return attempt.candidates.constFirst();
}

Result<StaffMember> StaffDirectory::signIn(const QString& name, QStringView pin)
{
    const Result<PinAttempt> attempt = beginSignIn(name, pin);
    if (!attempt)
        return attempt.error();
    return finishSignIn(*attempt, attempt->matching());
}

Result<StaffDirectory::PinAttempt> StaffDirectory::beginApproval(const QString& name,
                                                                 QStringView pin)
{
    if (!name.isEmpty()) {
        Result<PinAttempt> attempt = beginSignIn(name, pin);
        if (attempt && attempt->candidates.constFirst().role != StaffRole::Manager)
            return Error{
                QStringLiteral("name"),
                QStringLiteral("%1 is not a manager: a manager must approve this").arg(name)};
        return attempt;
    }
    PinAttempt attempt{approvalKey, QStringLiteral("Manager approval by PIN"), pin.toString(), {}};
    if (const Status open = check(attempt.key, attempt.who); !open)
        return open.error();
    if (std::optional<Error> shape = PinHash::checkPin(pin))
        return *shape;
    const Result<QList<StaffMember>> all = staff();
    if (!all)
        return all.error();
    for (const StaffMember& member : *all) {
        if (member.role == StaffRole::Manager)
            attempt.candidates.append(member);
    }
    if (attempt.candidates.isEmpty())
        return Error{QStringLiteral("pin"),
                     QStringLiteral("no manager is on this terminal's staff list")};
    return attempt;
}

Result<QString> StaffDirectory::finishApproval(const PinAttempt& attempt,
                                               const QStringList& matched)
{
    if (matched.isEmpty())
        return failed(attempt.key, attempt.who);
    if (const Status reset = cleared(attempt.key); !reset)
        return reset.error();
    if (matched.size() > 1)
        return Error{QStringLiteral("name"),
                     QStringLiteral("%1 share this PIN: choose your name to approve")
                         .arg(matched.join(QStringLiteral(" and ")))};
    return matched.first();
}

Result<QString> StaffDirectory::requireManager(QStringView pin)
{
    return requireManager(QString(), pin);
}

Result<QString> StaffDirectory::requireManager(const QString& name, QStringView pin)
{
    const Result<PinAttempt> attempt = beginApproval(name, pin);
    if (!attempt)
        return attempt.error();
    return finishApproval(*attempt, attempt->matching());
}

// ---- lockouts

Result<StaffDirectory::Attempts> StaffDirectory::attempts(const QString& key) const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT failures, locked_until FROM staff_lockouts WHERE name = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read wrong PIN attempts"));
    Attempts found;
    if (query.next()) {
        found.failures = query.value(0).toInt();
        if (!query.value(1).isNull())
            found.lockedUntil = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    }
    return found;
}

std::optional<QDateTime> StaffDirectory::lockEnd(const Attempts& attempts) const
{
    if (!attempts.lockedUntil.isValid())
        return std::nullopt;
    const QDateTime current = now();
    if (current >= attempts.lockedUntil)
        return std::nullopt;
    // A clock set back would otherwise stretch the lockout by however far it went back.
    const qint64 longest = lockoutSeconds(attempts.failures);
    if (current.secsTo(attempts.lockedUntil) > longest)
        return current.addSecs(longest);
    return attempts.lockedUntil;
}

Status StaffDirectory::check(const QString& key, const QString& who)
{
    const Result<Attempts> found = attempts(key);
    if (!found)
        return found.error();
    const std::optional<QDateTime> end = lockEnd(*found);
    if (!end)
        return success();
    // Kept, or the end would move along with a clock that was set back.
    if (*end != found->lockedUntil) {
        QSqlQuery query = m_store.prepare(
            QStringLiteral("UPDATE staff_lockouts SET locked_until = ? WHERE name = ?"));
        query.addBindValue(isoUtc(*end));
        query.addBindValue(key);
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("shorten a lockout"));
    }
    return Error{QStringLiteral("name"),
                 QStringLiteral("%1 is locked until %2 after %3 wrong PINs in a row")
                     .arg(who, whenText(*end))
                     .arg(found->failures)};
}

Error StaffDirectory::failed(const QString& key, const QString& who)
{
    Transaction tx(m_store);
    Result<Attempts> found = attempts(key);
    if (!tx.isOpen() || !found)
        return tx.isOpen() ? found.error() : tx.status().error();
    const int failures = found->failures + 1;
    const qint64 lockFor = lockoutSeconds(failures);
    QSqlQuery query = m_store.prepare(
        QStringLiteral("INSERT INTO staff_lockouts (name, failures, locked_until) VALUES (?, ?, ?)"
                       " ON CONFLICT (name) DO UPDATE SET failures = excluded.failures,"
                       " locked_until = excluded.locked_until"));
    query.addBindValue(key);
    query.addBindValue(failures);
    query.addBindValue(lockFor > 0 ? QVariant(isoUtc(now().addSecs(lockFor)))
                                   : QVariant(QMetaType(QMetaType::QString)));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("count a wrong PIN"));
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    if (lockFor > 0)
        return Error{
            QStringLiteral("pin"),
            QStringLiteral("wrong PIN: %1 is locked for %2").arg(who, durationText(lockFor))};
    const int left = maxFailures - failures;
    return Error{QStringLiteral("pin"),
                 left == 1 ? QStringLiteral("wrong PIN: 1 more try before a lockout")
                           : QStringLiteral("wrong PIN: %1 more tries before a lockout").arg(left)};
}

Status StaffDirectory::cleared(const QString& key) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral("DELETE FROM staff_lockouts WHERE name = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("clear wrong PIN attempts"));
    return success();
}

Result<std::optional<QDateTime>> StaffDirectory::lockedUntil(const QString& name) const
{
    const Result<Attempts> found = attempts(name);
    if (!found)
        return found.error();
    return lockEnd(*found);
}

Result<std::optional<QDateTime>> StaffDirectory::approvalLockedUntil() const
{
    return lockedUntil(approvalKey);
}

} // namespace stockline
