#pragma once

#include "approvallog.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace stockline {
class StaffDirectory;
}

namespace stockline::qml {

class Notices;
class PinCheck;
class StaffSession;

// Manager approval in place: a price override, a discount beyond the limit, a void after
// payment or a refund asks for a manager's PIN right where the clerk is, and happens once a
// manager approves it. A manager who is signed in approves their own. Every approval goes to
// the terminal's ApprovalLog with who asked and who approved.
//
// One request at a time: a new one replaces a request still waiting (the clerk moved on).
//
// Threading: the store's thread.
class Approvals : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its approvals")
    Q_PROPERTY(bool pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(QString request READ request NOTIFY pendingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    // What to do once approved, given the approver's name; false when it could not be done
    // (it reports why itself), and then nothing is logged.
    using Action = std::function<bool(const QString& approver)>;

    struct Services
    {
        StaffDirectory& directory;
        ApprovalLog& log;
        StaffSession& staff;
        Notices& notices;
    };

    explicit Approvals(Services services, QObject* parent = nullptr);

    // Does `action` now when a manager is signed in; otherwise asks for approval and returns
    // false (the action runs once approved).
    bool request(Approval::Kind kind, const QString& detail, Action action);
    // A manager's PIN, with their name when two managers share a PIN (else empty).
    Q_INVOKABLE bool approve(const QString& name, const QString& pin);
    Q_INVOKABLE void cancel();

    [[nodiscard]] bool pending() const { return bool(m_action); }
    [[nodiscard]] QString request() const { return m_detail; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void pendingChanged();
    void busyChanged();
    void errorStringChanged();
    // The action ran: approved and done.
    void approved(const QString& approver);

private:
    bool perform(Approval::Kind kind, const QString& detail, const Action& action,
                 const QString& approver);
    void setError(const QString& error);
    void clearRequest();

    Services m_services;
    PinCheck* m_check;
    Approval::Kind m_kind = Approval::Kind::PriceOverride;
    QString m_detail;
    Action m_action;
    QString m_error;
};

} // namespace stockline::qml
