#pragma once

#include "receiptdocument.h"
#include "returnjournal.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace stockline {
class CashSession;
namespace sync {
class Client;
struct ReceiptReply;
struct StoredReceipt;
} // namespace sync
} // namespace stockline

namespace stockline::qml {

class Notices;

// The returns screen: a receipt number (scanned from the receipt's barcode or typed) brings
// up the sale's lines with what may still be returned. The till's own journal is asked
// first; a receipt it does not hold (another till's, or from before a reinstall) is fetched
// from the server, with what any till refunded of it so far. Without the server such a
// receipt is refused: only the server knows what was refunded of it elsewhere, and a refund
// must never go twice. Then the clerk picks lines and quantities,
// and the refund goes to the original tender or in cash, recorded with its `return`
// mutation in one transaction (core::ReturnJournal).
class ReturnsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its returns")
    Q_PROPERTY(QString receipt READ receipt NOTIFY loadedChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString soldText READ soldText NOTIFY loadedChanged)
    Q_PROPERTY(QString paidWithText READ paidWithText NOTIFY loadedChanged)
    Q_PROPERTY(QString refundTotalText READ refundTotalText NOTIFY chosenChanged)
    Q_PROPERTY(bool anyChosen READ anyChosen NOTIFY chosenChanged)
    Q_PROPERTY(bool fetching READ fetching NOTIFY fetchingChanged)

public:
    enum Role {
        LineRole = Qt::UserRole + 1,
        NameRole,
        SoldRole,
        ReturnedRole,
        ReturnableRole,
        ChosenRole,
        AmountRole,
        UnitPriceRole,
        // A weighed line's figures are grams: shown as "0.532 kg", and returned whole or
        // not at all (measured true), since nobody weighs back part of a bag of bananas.
        SoldTextRole,
        ReturnedTextRole,
        ReturnableTextRole,
        ChosenTextRole,
        MeasuredRole,
    };
    Q_ENUM(Role)

    struct Context
    {
        QString storeName;
        QString terminal;
        QString location;
        QString staff;
    };

    // `cash`: a refund is paid from an open drawer.
    ReturnsModel(ReturnJournal& journal, const CashSession& cash, Notices& notices, Context context,
                 QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Loads the sale; an unknown receipt is reported and leaves nothing loaded. A receipt
    // not in the journal is asked of the server (true: asked; it loads when the answer comes).
    Q_INVOKABLE bool load(const QString& receipt);
    // The server to fetch other tills' receipts from; nullptr: none (demo, training).
    void setServer(sync::Client* client);
    // The sale as a return starts from it, from the server's receipt.
    [[nodiscard]] static ReturnableSale fromServer(const sync::StoredReceipt& receipt);
    Q_INVOKABLE void clear();
    Q_INVOKABLE void setChosen(int row, qint64 qty);
    // Everything still returnable of the line, or nothing when it was chosen.
    Q_INVOKABLE void toggle(int row);
    // One more or one less of the line.
    Q_INVOKABLE void adjust(int row, int delta);
    Q_INVOKABLE void chooseAll();
    // Who is at the till: recorded with each refund.
    void setStaff(const QString& staff) { m_context.staff = staff; }
    // Records the refund; on success the screen is cleared for the next return.
    // `approvedBy`: the manager who approved it; `offline`: the server cannot be reached now.
    Q_INVOKABLE bool refund(bool toOriginalTender, const QString& approvedBy = {},
                            bool offline = false);

    [[nodiscard]] QString receipt() const { return m_sale.receipt; }
    [[nodiscard]] bool fetching() const { return !m_request.isEmpty(); }
    [[nodiscard]] bool loaded() const { return !m_sale.receipt.isEmpty(); }
    [[nodiscard]] QString soldText() const;
    [[nodiscard]] QString paidWithText() const;
    [[nodiscard]] Money refundTotal() const;
    [[nodiscard]] QString refundTotalText() const;
    [[nodiscard]] bool anyChosen() const;
    [[nodiscard]] QList<ReturnRequestLine> chosenLines() const;

Q_SIGNALS:
    void loadedChanged();
    void chosenChanged();
    // A refund was recorded: its receipt, for the till to show and print.
    void refunded(const stockline::print::ReceiptDocument& receipt);
    void fetchingChanged();

private:
    void show(ReturnableSale sale);
    void onReceipt(const sync::ReceiptReply& reply);
    void setRequest(const QString& request);
    [[nodiscard]] print::ReceiptDocument receiptFor(const RecordedReturn& recorded,
                                                    const QList<Payment>& payments) const;

    ReturnJournal& m_journal;
    const CashSession& m_cash;
    Notices& m_notices;
    Context m_context;
    ReturnableSale m_sale;
    QList<qint64> m_chosen;          // per line of m_sale
    QPointer<sync::Client> m_server; // the client may go first when the app shuts down
    QString m_request;               // the receipt request waiting for the server's answer
};

} // namespace stockline::qml
