#pragma once

#include "error.h"
#include "product.h"
#include "receipt.h"
#include "salejournal.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// The lines of the sale being rung up, each with its quantity, discounts, tax and total
// (core::ReceiptLine, so the screen shows exactly what the receipt and the journal get), what
// the replica says is available at this location, and whether the server holds the units.
//
// Discounts: a line discount comes off one line; the order discount is shared over the lines
// in proportion to their net after line discounts (largest remainder, to the cent), so every
// line's tax is still computed on what it really costs and the receipt's total is the sum of
// its lines.
//
// Holds: StockHolds reserves each line's units on the server and records the answer in the
// line's Reservation; a line is "held" while the server holds its whole quantity, "only N left"
// when the server refused for stock or the replica shows fewer available than the cart's lines
// without a hold need, else "not confirmed yet" (or "offline" while the server cannot be
// reached).
class CartModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its cart")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString netText READ netText NOTIFY totalsChanged)
    Q_PROPERTY(QString taxText READ taxText NOTIFY totalsChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY totalsChanged)
    Q_PROPERTY(QString orderDiscountText READ orderDiscountText NOTIFY totalsChanged)
    Q_PROPERTY(bool hasOrderDiscount READ hasOrderDiscount NOTIFY totalsChanged)
    Q_PROPERTY(int itemCount READ itemCountForQml NOTIFY totalsChanged)
    Q_PROPERTY(bool online READ online WRITE setOnline NOTIFY onlineChanged)

public:
    enum Role {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        NoteRole,
        QuantityRole,
        UnitPriceRole,
        DiscountRole,
        TaxRateRole,
        TaxRole,
        NetRole,
        TotalRole,
        AmountRole, // the line as the shelf prices it: its total with VAT inside, else its net
        AvailableRole,
        HoldRole,
        HoldTextRole,
        QuantityTextRole, // "3", "0.532 kg"
    };
    Q_ENUM(Role)

    enum class Hold {
        Unconfirmed, // online, the server has not confirmed the units yet
        Held,        // the server holds them for this sale
        Short,       // fewer available than the cart holds
        Offline,     // the server cannot be reached: sold on the replica's word
    };
    Q_ENUM(Hold)

    // A line's hold on the server, as StockHolds asked for it and the server answered.
    struct Reservation
    {
        enum class State {
            None,    // never asked for (or not while offline)
            Pending, // written to the outbox, not answered yet
            Held,    // the server applied it
            Refused, // the server refused it (available: what it had, for insufficient_stock)
            Lapsed,  // held, but its time-to-live has run out by this till's clock
        };
        QString id;
        qint64 qty = 0; // units asked for: the line's quantity when it was asked
        State state = State::None;
        qint64 available = -1; // Refused for stock: units available then; else -1
        QDateTime expires;     // UTC; never later than the server's expiry
    };

    struct Line
    {
        ReceiptLine receipt;   // discount: line discount plus order share
        Money lineDiscount;    // what the clerk gave off this line
        QString note;          // "0.532 kg × $4.29/kg", "price from label"
        bool mergeable = true; // a plain scan of the same item adds to this line
        qint64 available = -1; // at this location per the replica; -1: not known
        Reservation reservation;
        LineApproval approval; // what a manager approved for it, for the server's receipt
    };

    explicit CartModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Appends the line, or adds its quantity to the last line when both are mergeable and
    // the same item at the same price. Returns the row that holds it.
    int add(const Line& line);
    // Also refuses a quantity that would take the lines past maxMoneyMinor (see fits()).
    [[nodiscard]] Status setQuantity(int row, qint64 qty);
    // Whether `qty` more of `unitPrice` keep the lines' value (qty × unit price, before
    // discounts) within maxMoneyMinor: the most a sale may total on the wire, so no sum of
    // the cart's money can overflow.
    [[nodiscard]] bool fits(Money unitPrice, qint64 qty) const;
    // The same for `more` money (a measured line's gross, or a change of one).
    [[nodiscard]] bool fits(Money more) const;
    [[nodiscard]] Status setLineDiscount(int row, Money discount);
    // A price the clerk typed in place of the catalog's (a manager approved it); `note` says so.
    [[nodiscard]] Status setUnitPrice(int row, Money price, const QString& note);
    [[nodiscard]] Status setOrderDiscount(Money discount);
    // Names the manager who approved a price or a discount on the line (and, for a price
    // typed in place of the catalog's, that catalog price), as the sale's receipt keeps it.
    void approve(int row, const QString& approver, std::optional<Money> listPrice = {});
    [[nodiscard]] Status removeLine(int row);
    void clear();
    // Replaces the cart, as when a parked sale is resumed.
    void restore(const QList<Line>& lines, Money orderDiscount);

    [[nodiscard]] int count() const { return static_cast<int>(m_lines.size()); }
    [[nodiscard]] const Line& line(int row) const { return m_lines.at(row); }
    [[nodiscard]] const QList<Line>& lines() const { return m_lines; }
    [[nodiscard]] QList<ReceiptLine> receiptLines() const;
    [[nodiscard]] ReceiptTotals totals() const;
    [[nodiscard]] Money orderDiscount() const { return m_orderDiscount; }
    // Net after line discounts, before the order discount: what the order discount is off.
    [[nodiscard]] Money orderDiscountBase() const;
    [[nodiscard]] Hold hold(int row) const;
    [[nodiscard]] qint64 itemCount() const;
    [[nodiscard]] int itemCountForQml() const { return static_cast<int>(itemCount()); }
    // The line's name, for dialogs about it; empty when there is no such line.
    Q_INVOKABLE QString nameAt(int row) const;

    [[nodiscard]] QString netText() const;
    [[nodiscard]] QString taxText() const;
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] QString orderDiscountText() const;
    [[nodiscard]] bool hasOrderDiscount() const { return m_orderDiscount > Money(); }
    [[nodiscard]] bool online() const { return m_online; }
    void setOnline(bool online);
    [[nodiscard]] QString location() const { return m_location; }
    void setLocation(const QString& location) { m_location = location; }
    // The store's tax rule (issue 23): whether shelf prices include tax, where tax is rounded.
    void setTaxRule(const TaxRule& rule);

public Q_SLOTS:
    // New levels from the replica (the sync layer, after a levels message): availability and
    // "only N left" follow them. Levels of other locations are ignored.
    void applyLevels(const QList<stockline::StockLevel>& levels);
    // StockHolds' record of the line's hold. Not a change of the sale: `changed` stays quiet.
    void setReservation(int row, const Reservation& reservation);

Q_SIGNALS:
    void countChanged();
    void totalsChanged();
    void onlineChanged();
    // Anything about the lines changed: for saving the sale in progress.
    void changed();

private:
    [[nodiscard]] Status checkRow(int row) const;
    // Units of `sku` on lines the server does not hold: what they need from available stock.
    [[nodiscard]] qint64 unheldQuantityOf(const QString& sku) const;
    [[nodiscard]] bool isHeld(const Line& line) const;
    [[nodiscard]] QString holdText(int row) const;
    [[nodiscard]] QVariant moneyData(const Line& line, int role) const;
    // Shares the order discount over the lines again and tells views about every change.
    void reprice();
    void emitAllChanged();

    QList<Line> m_lines;
    Money m_orderDiscount;
    TaxRule m_taxRule;
    QString m_location;
    bool m_online = false;
};

} // namespace stockline::qml
