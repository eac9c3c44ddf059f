#pragma once

#include "staff.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace stockline {
class StaffDirectory;
}

namespace stockline::qml {

class PinCheck;
class StaffModel;

// Who is at the till. A person signs in by name and PIN (StaffDirectory: lockout after wrong
// PINs, hashes only; the PIN is hashed on a worker thread so the screen never freezes), and
// every sale and refund records their name. Signing out keeps the sale in progress for whoever
// signs in next. The list follows the server: someone taken off it is signed out at once.
//
// Threading: the store's thread.
class StaffSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns who is signed in")
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(QString name READ name NOTIFY signedInChanged)
    Q_PROPERTY(bool manager READ isManager NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(stockline::qml::StaffModel* people READ people CONSTANT)

public:
    explicit StaffSession(StaffDirectory& directory, QObject* parent = nullptr);

    // Starts checking the PIN; signedInChanged() or errorStringChanged() tells how it went.
    // False when refused at once (unknown or locked-out name, not a PIN, a check running).
    Q_INVOKABLE bool signIn(const QString& name, const QString& pin);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearError();
    // Reads the staff list again (the server sent a new one).
    void reload();

    [[nodiscard]] bool signedIn() const { return m_member.has_value(); }
    [[nodiscard]] QString name() const { return m_member ? m_member->name : QString(); }
    [[nodiscard]] bool isManager() const
    {
        return m_member && m_member->role == StaffRole::Manager;
    }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] StaffModel* people() const { return m_people; }

Q_SIGNALS:
    void signedInChanged();
    void busyChanged();
    void errorStringChanged();

private:
    void setError(const QString& error);
    void setMember(std::optional<StaffMember> member);

    StaffDirectory& m_directory;
    StaffModel* m_people;
    PinCheck* m_check;
    std::optional<StaffMember> m_member;
    QString m_error;
};

} // namespace stockline::qml
