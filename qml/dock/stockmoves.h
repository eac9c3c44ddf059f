#pragma once

#include "dockjournal.h"
#include "dockservices.h"
#include "mutation.h"
#include "product.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace stockline::qml {

// Moving stock at the dock: a transfer between two locations, and an adjustment with its
// reason — damage and shrinkage take units off, found puts them back. Each is one `transfer`
// or `adjust` written through the DockJournal; a refusal (not enough available) is shown.
//
// Threading: the store's thread.
class StockMoves : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock owns its stock moves")
    Q_PROPERTY(QStringList reasons READ reasons CONSTANT)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastMessageChanged)

public:
    explicit StockMoves(dock::Services services, QObject* parent = nullptr);

    // The wire reasons of an adjustment: "damage", "shrinkage" (units off), "found" (on).
    [[nodiscard]] static QStringList reasons();
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }

    // `code` a barcode or SKU; `typed` the units, a whole number from 1.
    Q_INVOKABLE bool transfer(const QString& code, const QString& from, const QString& to,
                              const QString& typed);
    // `reason` one of reasons(); `note` optional, sent after it ("damage: forklift").
    Q_INVOKABLE bool adjust(const QString& code, const QString& location, const QString& reason,
                            const QString& typed, const QString& note);

    // A transfer or adjustment written before a restart and not answered yet: its refusal is
    // still shown.
    void watch(const DockRecord& record);

Q_SIGNALS:
    void lastMessageChanged();

private:
    [[nodiscard]] std::optional<Product> productFor(const QString& code);
    bool book(MutationBody body, const QString& what);
    void onAnswer(qint64 seq, bool applied, const QJsonObject& result);
    bool report(const QString& message);

    dock::Services m_services;
    QString m_lastMessage;
    QHash<qint64, QString> m_sent; // outbox seq → what it was, until answered
};

} // namespace stockline::qml
