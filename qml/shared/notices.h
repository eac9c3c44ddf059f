#pragma once

#include <QObject>
#include <QString>

namespace stockline::qml {

// The one way user-facing problems reach the clerk: every view model reports here and
// Main.qml shows what it says. Messages are already translated, in words a clerk can act on.
//
// A problem that something else puts right (the drawer is opened after "No payment — the
// drawer is closed") is reported with its topic; resolve(topic) takes it down again, so the
// clerk is not left reading a refusal that no longer holds.
class Notices : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString last READ last NOTIFY problem)

public:
    enum class Topic { None, DrawerClosed };

    explicit Notices(QObject* parent = nullptr);

    [[nodiscard]] QString last() const { return m_last; }

    void reportAbout(Topic topic, const QString& message);
    // The problem about `topic` is over: cleared(), if it is the one shown.
    void resolve(Topic topic);

public Q_SLOTS:
    void report(const QString& message);

Q_SIGNALS:
    void problem(const QString& message);
    // The last problem no longer holds: whatever shows it takes it down.
    void cleared();

private:
    QString m_last;
    Topic m_topic = Topic::None;
};

} // namespace stockline::qml
