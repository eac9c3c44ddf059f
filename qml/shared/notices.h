#pragma once

#include <QObject>
#include <QString>

namespace stockline::qml {

// The one way user-facing problems reach the clerk: every view model reports here and
// Main.qml shows what it says. Messages are already translated, in words a clerk can act on.
class Notices : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString last READ last NOTIFY problem)

public:
    explicit Notices(QObject* parent = nullptr);

    [[nodiscard]] QString last() const { return m_last; }

public Q_SLOTS:
    void report(const QString& message);

Q_SIGNALS:
    void problem(const QString& message);

private:
    QString m_last;
};

} // namespace stockline::qml
