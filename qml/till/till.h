#pragma once

#include "barcode.h"
#include "cartmodel.h"
#include "parkedsales.h"
#include "receiptdocument.h"
#include "storesettings.h"

#include <QObject>
#include <QString>
#include <optional>

namespace stockline {
class CashSession;
class Catalog;
class Outbox;
class ParkedSales;
class ReturnJournal;
class SaleJournal;
class StockReplica;
} // namespace stockline

namespace stockline::print {
class ReceiptPrinter;
}

namespace stockline::qml {

class Approvals;
class Notices;
class ParkedModel;
class PaymentModel;
class ReturnsModel;
class SearchModel;
class StaffSession;
class StockHolds;
class SyncStatus;

// The POS counter: rings up the sale in the cart (StockHolds asks the server to hold each
// line's units), takes the payment, records the sale through the journal (sale and outbox
// entry in one transaction), prints its receipt and starts the next customer at once. Every clerk
// action the screens offer is a method here, so the whole counter is testable without QML.
//
// Threading: the store's thread (the GUI thread), like the services it uses.
class Till : public QObject
{
    Q_OBJECT
    Q_PROPERTY(stockline::qml::CartModel* cart READ cart CONSTANT)
    Q_PROPERTY(stockline::qml::SearchModel* search READ search CONSTANT)
    Q_PROPERTY(stockline::qml::PaymentModel* payment READ payment CONSTANT)
    Q_PROPERTY(stockline::qml::ParkedModel* parked READ parked CONSTANT)
    Q_PROPERTY(stockline::qml::ReturnsModel* returns READ returns CONSTANT)
    Q_PROPERTY(stockline::qml::StaffSession* staff READ staff CONSTANT)
    Q_PROPERTY(stockline::qml::Approvals* approvals READ approvals CONSTANT)
    Q_PROPERTY(int discountLimitPercent READ discountLimitPercent CONSTANT)
    Q_PROPERTY(bool setupChangeable READ setupChangeable CONSTANT)
    Q_PROPERTY(QString storeName READ storeName CONSTANT)
    Q_PROPERTY(QString terminal READ terminal CONSTANT)
    Q_PROPERTY(QString location READ location CONSTANT)
    Q_PROPERTY(bool printerConfigured READ printerConfigured CONSTANT)
    Q_PROPERTY(int pendingQuantity READ pendingQuantity NOTIFY pendingQuantityChanged)
    // What "N*" set for the next item as typed: "3", or "0.532" (kg) for a weighed one.
    Q_PROPERTY(QString pendingText READ pendingText NOTIFY pendingQuantityChanged)
    Q_PROPERTY(bool paying READ paying NOTIFY payingChanged)
    Q_PROPERTY(QString lastReceipt READ lastReceipt NOTIFY lastReceiptChanged)
    Q_PROPERTY(QString lastReceiptText READ lastReceiptText NOTIFY lastReceiptChanged)
    Q_PROPERTY(QString lastTotalText READ lastTotalText NOTIFY lastReceiptChanged)
    Q_PROPERTY(QString lastChangeText READ lastChangeText NOTIFY lastReceiptChanged)
    Q_PROPERTY(bool lastWasRefund READ lastWasRefund NOTIFY lastReceiptChanged)

public:
    struct Services
    {
        Catalog& catalog;
        StockReplica& replica;
        SaleJournal& journal;
        Outbox& outbox; // stock holds go through it
        ParkedSales& parked;
        ReturnJournal& returns;
        const CashSession& cash; // a payment needs an open drawer
        print::ReceiptPrinter& printer;
        SyncStatus& sync;
        Notices& notices;
        StaffSession& staff; // who is signed in rings up the sale
        Approvals& approvals;
    };
    struct Settings
    {
        QString storeName;
        QString terminal;
        QString location;
        QString receiptFolder;        // where PDF receipts go
        qint64 holdSeconds = 15 * 60; // how long the server holds a line's units unsold
        // A line or sale discount above this share of what it is off needs a manager.
        int discountLimitPercent = 10;
        // The terminal runs on its configuration file (not a demo or a command line), so a
        // manager may change its setup from the till.
        bool setupChangeable = false;
    };

    Till(Services services, Settings settings, QObject* parent = nullptr);
    ~Till() override;

    [[nodiscard]] CartModel* cart() const { return m_cart; }
    [[nodiscard]] SearchModel* search() const { return m_search; }
    [[nodiscard]] PaymentModel* payment() const { return m_payment; }
    [[nodiscard]] ParkedModel* parked() const { return m_parked; }
    [[nodiscard]] ReturnsModel* returns() const { return m_returns; }
    [[nodiscard]] StockHolds& holds() const { return *m_holds; }
    [[nodiscard]] StaffSession* staff() const { return &m_services.staff; }
    [[nodiscard]] Approvals* approvals() const { return &m_services.approvals; }
    [[nodiscard]] int discountLimitPercent() const { return m_settings.discountLimitPercent; }
    [[nodiscard]] bool setupChangeable() const { return m_settings.setupChangeable; }

    // Enter in the scan field holding `text`. `burst`: how many of its last characters a
    // scanner typed (ScanDetector), 0 when a person typed it all. `picked`: the search result
    // highlighted, or -1. "3*" before a code (or alone, then the next item) sets the quantity.
    // A scan is looked up by barcode; typed text by barcode or SKU, else the picked result.
    // Returns what the field keeps: text typed before a scan, or what could not be found.
    Q_INVOKABLE QString submit(const QString& text, int burst = 0, int picked = -1);
    Q_INVOKABLE bool addSearchResult(int row);
    Q_INVOKABLE bool addSku(const QString& sku);
    Q_INVOKABLE bool voidLine(int row);
    Q_INVOKABLE bool setQuantity(int row, const QString& typed);
    // Needs a manager's approval (Approvals) beyond discountLimitPercent.
    Q_INVOKABLE bool setLineDiscount(int row, const QString& typed);
    Q_INVOKABLE bool setOrderDiscount(const QString& typed);
    // A price typed in place of the catalog's: always needs a manager's approval.
    Q_INVOKABLE bool overridePrice(int row, const QString& typed);
    // Once a tender is taken, dropping the sale is a void after payment: a manager approves.
    Q_INVOKABLE bool cancelSale();

    Q_INVOKABLE bool startPayment();
    // Back to the sale; with tenders taken, a void after payment (a manager approves).
    Q_INVOKABLE bool cancelPayment();
    // Cash tendered; empty text: exactly what is still due. Completes the sale when paid.
    Q_INVOKABLE bool tenderCash(const QString& typed);
    Q_INVOKABLE bool tenderCashMinor(qint64 minor);
    // Card for `typed` (empty: what is still due) with the slip's reference.
    Q_INVOKABLE bool tenderCard(const QString& typed, const QString& reference);
    // Gives a tender back: a void after payment, approved by a manager.
    Q_INVOKABLE bool removeTender(int row);
    // Records the paid sale; on failure the cart and payment stay for another try.
    Q_INVOKABLE bool completeSale();

    // The refund chosen on the returns screen, once a manager approves it.
    Q_INVOKABLE bool refund(bool toOriginalTender);

    // A manager approves, then setupChangeRequested(): the app shows the enrolment again.
    Q_INVOKABLE bool changeSetup();

    // The store's settings (issue 23): tax rule for the cart, cash rounding for payments.
    void setStoreSettings(const StoreSettings& settings);

    Q_INVOKABLE bool park(const QString& label);
    Q_INVOKABLE bool resume(qint64 id);

    Q_INVOKABLE void printLastReceipt();
    // Saves the last receipt as a PDF in the receipt folder; returns its path, or "".
    Q_INVOKABLE QString saveLastReceiptPdf();

    [[nodiscard]] QString storeName() const { return m_settings.storeName; }
    [[nodiscard]] QString terminal() const { return m_settings.terminal; }
    [[nodiscard]] QString location() const { return m_settings.location; }
    [[nodiscard]] bool printerConfigured() const;
    // A whole pending quantity; 0 when none is pending or it has decimals.
    [[nodiscard]] int pendingQuantity() const { return m_pendingText.toInt(); }
    [[nodiscard]] QString pendingText() const { return m_pendingText; }
    [[nodiscard]] bool paying() const { return m_paying; }
    [[nodiscard]] QString lastReceipt() const;
    [[nodiscard]] QString lastReceiptText() const;
    [[nodiscard]] QString lastTotalText() const;
    [[nodiscard]] QString lastChangeText() const;
    [[nodiscard]] bool lastWasRefund() const;
    [[nodiscard]] const std::optional<print::ReceiptDocument>& lastReceiptDocument() const
    {
        return m_lastReceipt;
    }

public Q_SLOTS:
    // A receipt to show and print: a completed sale's, or a refund's.
    void showReceipt(const stockline::print::ReceiptDocument& receipt);

Q_SIGNALS:
    void pendingQuantityChanged();
    void payingChanged();
    void lastReceiptChanged();
    // A line was added or grew: the cart view scrolls to it.
    void lineAdded(int row);
    void saleCompleted(const QString& receipt, const QString& changeText);
    // A refund was recorded and its receipt is the last one.
    void refundCompleted();
    void setupChangeRequested();

private:
    struct Found
    {
        Product product;
        std::optional<ScannedCode> code;
    };
    [[nodiscard]] std::optional<Found> findExact(const QString& code, bool reportUnknown);
    // `typed`: what the clerk typed before '*' ("3", "0.532"), if anything.
    bool addProduct(const Found& found, const std::optional<QString>& typed);
    // The line's quantity: a measured product's from its label (or typed in kg), else typed
    // or 1; an Error in the clerk's words when there is none or it is out of range.
    [[nodiscard]] Result<qint64> quantityFor(const Found& found,
                                             const std::optional<QString>& typed) const;
    [[nodiscard]] CartModel::Line lineFor(const Found& found, qint64 qty, bool explicitQty) const;
    [[nodiscard]] qint64 availableHere(const QString& sku) const;
    [[nodiscard]] std::optional<QString> takeQuantity(const std::optional<QString>& typed);
    [[nodiscard]] ParkedSale cartAsParked(const QString& label) const;
    // Reports "sign in first" unless someone is signed in.
    [[nodiscard]] bool signedIn();
    [[nodiscard]] bool overLimit(Money discount, Money base) const;
    bool applyLineDiscount(int row, Money discount);
    bool applyOrderDiscount(Money discount);
    void dropSale();
    void restoreCart(const ParkedSale& sale);
    // The sale in progress survives a crash or a power cut: saved on every change, and back
    // when the till starts.
    void saveSaleInProgress();
    void restoreSaleInProgress();
    void setPendingQuantity(const QString& typed);
    void setPaying(bool paying);
    bool report(const QString& message);

    Services m_services;
    Settings m_settings;
    CartModel* m_cart;
    SearchModel* m_search;
    PaymentModel* m_payment;
    ParkedModel* m_parked;
    ReturnsModel* m_returns;
    StockHolds* m_holds;
    QString m_pendingText;
    bool m_paying = false;
    std::optional<print::ReceiptDocument> m_lastReceipt;
};

} // namespace stockline::qml
