#pragma once

#include "protocol.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace stockline {
class Catalog;
class Outbox;
class StockReplica;
} // namespace stockline

namespace stockline::sync {
class Client;
}

namespace stockline::qml {

class Approvals;
class Notices;
class StaffSession;

// The store's open shortage exceptions (offline sales that sold more than stock held), as the
// server last pushed them, each with the sale and terminal that caused it. A manager resolves
// one by a recount or by accepting the loss: a `resolve` mutation through the outbox, approved
// in place (Approvals); the row shows "resolving" until the server's new list drops it.
//
// The contract lets only a manager terminal resolve (sync/PROTOCOL.md): on another terminal the
// list is for reading, and `canResolve` says so.
//
// Threading: the store's thread.
class ExceptionsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The stock views own the exceptions model")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool canResolve READ canResolve NOTIFY canResolveChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SkuRole,
        NameRole,
        LocationRole,
        QtyRole,
        TerminalRole,
        SaleRole,
        AtRole,
        ResolvingRole,
    };
    Q_ENUM(Role)

    struct Services
    {
        sync::Client* client; // null: no server configured
        const Catalog& catalog;
        const StockReplica& replica;
        Outbox& outbox;
        Approvals& approvals;
        StaffSession& staff;
        Notices& notices;
    };

    explicit ExceptionsModel(Services services, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_shortages.size()); }
    [[nodiscard]] bool canResolve() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    // Resolve the exception in `row`; a manager approves first unless one is signed in. False
    // when it was not sent (refused, or waiting for approval).
    Q_INVOKABLE bool resolveLoss(int row);
    Q_INVOKABLE bool resolveRecount(int row, int counted);
    // "Meadow Gold Oat drink 1 l at store-1", for the recount's question.
    Q_INVOKABLE QString titleAt(int row) const;
    // The level's version the replica holds, which a recount is made against.
    Q_INVOKABLE qint64 levelVersion(int row) const;

    // The open shortages, as the server last sent them (the client's list, when there is one).
    void setShortages(const QList<sync::Shortage>& shortages);

Q_SIGNALS:
    void countChanged();
    void canResolveChanged();
    void errorStringChanged();

private:
    [[nodiscard]] bool resolve(int row, ResolveMutation::Resolution resolution, qint64 counted);
    [[nodiscard]] bool send(const ResolveMutation& mutation, const QString& approver);
    void setError(const QString& error);

    Services m_services;
    QList<sync::Shortage> m_shortages;
    QSet<qint64> m_resolving; // sent, not yet gone from the server's list
    QString m_error;
};

} // namespace stockline::qml
