#pragma once

#include "delivery.h"
#include "dockjournal.h"
#include "dockservices.h"
#include "mutation.h"
#include "receiptmodel.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// Receiving goods at the dock, against an expected delivery or blind (without one): scan or
// type what arrived, record what is refused apart, write a note, and confirm. Confirming writes
// ONE `receive` through the DockJournal (the receipt and its outbox entry in one transaction):
// the accepted units as `lines`, the refused ones as `rejected`, the note as `reference`.
//
// Going past what the delivery expects: within the dock's tolerance the receive is sent with
// `over: true` at once; beyond it a manager approves first (Approvals, kind over_expected).
// The server books each line with a conditional update, so a part another dock booked
// meanwhile makes it refuse `over_expected`; that and `unknown_delivery` are shown to the
// person (Notices) with what to do.
//
// Threading: the store's thread.
class Receiving : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock owns its receiving")
    Q_PROPERTY(stockline::qml::ReceiptModel* lines READ lines CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(bool blind READ blind NOTIFY changed)
    Q_PROPERTY(QString delivery READ delivery NOTIFY changed)
    Q_PROPERTY(QString supplier READ supplier NOTIFY changed)
    Q_PROPERTY(QString location READ location NOTIFY changed)
    Q_PROPERTY(QString note READ note WRITE setNote NOTIFY changed)
    Q_PROPERTY(bool needsManager READ needsManager NOTIFY changed)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastMessageChanged)

public:
    Receiving(dock::Services services, int tolerancePercent, QObject* parent = nullptr);

    [[nodiscard]] ReceiptModel* lines() const { return m_lines; }
    [[nodiscard]] bool active() const { return !m_location.isEmpty(); }
    [[nodiscard]] bool blind() const { return active() && m_delivery.id.isEmpty(); }
    [[nodiscard]] QString delivery() const { return m_delivery.id; }
    [[nodiscard]] QString supplier() const { return m_delivery.supplier; }
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] QString note() const { return m_note; }
    void setNote(const QString& note);
    [[nodiscard]] bool needsManager() const { return m_lines->anyOverLimit(); }
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }
    [[nodiscard]] int tolerancePercent() const { return m_tolerancePercent; }

    // Starts receiving the open delivery `reference`, its lines expected with what every dock
    // received before.
    Q_INVOKABLE bool start(const QString& reference);
    // Starts a receipt without a delivery, into `location`.
    Q_INVOKABLE bool startBlind(const QString& location);
    // A scan or a typed barcode or SKU, "12*" before it for twelve: counted on its line.
    // Returns what the field keeps: the text when it could not be used, else "".
    Q_INVOKABLE QString submit(const QString& text);
    // Typed quantities for a line: accepted now, refused now.
    Q_INVOKABLE bool setCounted(int row, const QString& typed);
    Q_INVOKABLE bool setRejected(int row, const QString& typed);
    // Writes the receive (after a manager's approval when it goes beyond the tolerance).
    Q_INVOKABLE bool confirm();
    Q_INVOKABLE void cancel();
    // A receipt written before a restart and not answered yet: its refusal is still shown.
    void watch(const DockRecord& record);

public Q_SLOTS:
    // New figures from the server: what other docks received since is shown at once.
    void deliveriesChanged();

Q_SIGNALS:
    void changed();
    void lastMessageChanged();
    void lineCounted(int row);
    // The receive is written to the outbox (`receipt` is its id).
    void confirmed(const QString& receipt);

private:
    bool write(bool over, const QString& approver);
    [[nodiscard]] ReceiveMutation mutation(bool over) const;
    void onAnswer(qint64 seq, bool applied, const QJsonObject& result);
    bool report(const QString& message);
    void setLastMessage(const QString& message);
    void clear();

    dock::Services m_services;
    int m_tolerancePercent;
    ReceiptModel* m_lines;
    Delivery m_delivery; // empty id: blind
    QString m_location;
    QString m_note;
    QString m_lastMessage;
    QHash<qint64, QString> m_sent; // outbox seq → receipt id, until answered
};

} // namespace stockline::qml
