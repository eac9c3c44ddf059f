#pragma once

#include <QObject>

namespace stockline {

// Says that outbox entries were committed: once per committed transaction that wrote to the
// outbox, after the commit (never for a rollback), whoever wrote them. One per LocalStore, so
// every Outbox on the same store is heard. The sync client listens to it to push at once.
class OutboxNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void changed();
};

} // namespace stockline
