#pragma once

#include "reportmodel.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <optional>

namespace stockline::sync {
class BackOffice;
class Client;
struct BackOfficeAnswer;
} // namespace stockline::sync

namespace stockline::qml {

// The manager's back office (issue 20; sync/PROTOCOL.md, "Back office"): everything is asked of
// the server and answered at once, so without it (or offline) the back office says it needs
// the server and does nothing. A manager signs in with their PIN (`elevate`) on any terminal;
// the sign-in ends with the connection or with signOut(). Each list is a ReportModel; each
// action reports its outcome in `message` (and `failed`); a product saved over a change made
// meanwhile by someone else says what they changed in `conflict` and shows theirs.
class BackOfficeView : public QObject
{
    Q_OBJECT

    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(bool managerTerminal READ managerTerminal NOTIFY availableChanged)
    Q_PROPERTY(bool elevated READ elevated NOTIFY elevatedChanged)
    Q_PROPERTY(QString manager READ manager NOTIFY elevatedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // What was said on the page shown (`page`, BackOffice.qml's index): an outcome stays with
    // the page that asked for it, so one page never shows another's ("3 rows" on the catalog).
    Q_PROPERTY(int page READ page WRITE setPage NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    Q_PROPERTY(QString conflict READ conflict NOTIFY changed)
    Q_PROPERTY(QVariantMap conflictCurrent READ conflictCurrent NOTIFY changed)
    Q_PROPERTY(QString pairingCode READ pairingCode NOTIFY changed)
    // Qt Charts draws with the widgets' graphics view, so only under a QApplication.
    Q_PROPERTY(bool chartsAvailable READ chartsAvailable CONSTANT)
    // Where exports go unless the manager types another path: the user's documents.
    Q_PROPERTY(QString exportFolder READ exportFolder CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* catalog READ catalog CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* scheduled READ scheduled CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* terminals READ terminals CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* report READ report CONSTANT)
    // Purchasing: the suppliers, the reorder suggestions (suggested and cost editable), the
    // purchase orders and the lines of the one chosen.
    Q_PROPERTY(stockline::qml::ReportModel* suppliers READ suppliers CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* suggestions READ suggestions CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* orders READ orders CONSTANT)
    Q_PROPERTY(stockline::qml::ReportModel* orderLines READ orderLines CONSTANT)
    Q_PROPERTY(QString orderReference READ orderReference NOTIFY changed)
    // The page of orders shown: "1–100 of 340" ("" without orders).
    Q_PROPERTY(QString ordersRange READ ordersRange NOTIFY changed)
    // This terminal's location: where a purchase order delivers unless the manager says.
    Q_PROPERTY(QString location READ location CONSTANT)
    // The reports and sales groupings the Reports page offers: {key, label}, the label in the
    // terminal's language, the key as the server takes it.
    Q_PROPERTY(QVariantList reportChoices READ reportChoices CONSTANT)
    Q_PROPERTY(QVariantList groupingChoices READ groupingChoices CONSTANT)

public:
    explicit BackOfficeView(sync::Client* client, QString location = {}, QObject* parent = nullptr);
    ~BackOfficeView() override;

    [[nodiscard]] bool available() const;
    [[nodiscard]] bool managerTerminal() const;
    [[nodiscard]] bool elevated() const;
    [[nodiscard]] QString manager() const;
    [[nodiscard]] bool busy() const { return !m_handlers.isEmpty(); }
    [[nodiscard]] int page() const { return m_page; }
    void setPage(int page);
    [[nodiscard]] QString message() const { return m_said.value(m_page).message; }
    [[nodiscard]] bool failed() const { return m_said.value(m_page).failed; }
    [[nodiscard]] QString conflict() const { return m_conflict; }
    [[nodiscard]] QVariantMap conflictCurrent() const { return m_conflictCurrent.toVariantMap(); }
    [[nodiscard]] QString pairingCode() const { return m_pairingCode; }
    [[nodiscard]] static bool chartsAvailable();
    [[nodiscard]] static QString exportFolder();
    [[nodiscard]] ReportModel* catalog() const { return m_catalog; }
    [[nodiscard]] ReportModel* scheduled() const { return m_scheduled; }
    [[nodiscard]] ReportModel* terminals() const { return m_terminals; }
    [[nodiscard]] ReportModel* report() const { return m_report; }
    [[nodiscard]] ReportModel* suppliers() const { return m_suppliers; }
    [[nodiscard]] ReportModel* suggestions() const { return m_suggestions; }
    [[nodiscard]] ReportModel* orders() const { return m_orders; }
    [[nodiscard]] ReportModel* orderLines() const { return m_orderLines; }
    [[nodiscard]] QString orderReference() const { return m_orderReference; }
    [[nodiscard]] QString ordersRange() const;
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] sync::BackOffice* backOffice() const { return m_backOffice.get(); }

    Q_INVOKABLE void elevate(const QString& staff, const QString& pin);
    Q_INVOKABLE void signOut();

    // Catalog: `query` in SKU, name or barcode. A product's fields as the editor has them:
    // sku, name, barcodes ("4006381333931, 4006…"), department, unit, price, taxRate, cost
    // (as typed), reorderPoint, supplier, active and the version it was read at (0: new).
    Q_INVOKABLE void loadCatalog(const QString& query = {});
    Q_INVOKABLE bool saveProduct(const QVariantMap& fields);

    // Prices: `at` empty for now, else local "yyyy-MM-dd HH:mm". `percent` as typed ("5",
    // "-2.5"); `rounding` none, 5 or 9.
    Q_INVOKABLE bool changePrice(const QString& sku, const QString& price, qint64 version,
                                 const QString& at);
    Q_INVOKABLE bool bulkPrice(const QString& department, const QString& supplier,
                               const QString& percent, const QString& rounding, const QString& at);
    Q_INVOKABLE void loadScheduled();
    Q_INVOKABLE void cancelPrice(qint64 change);

    // Staff: `action` add, pin or deactivate.
    Q_INVOKABLE bool editStaff(const QString& action, const QString& name, const QString& role,
                               const QString& pin);

    Q_INVOKABLE void loadTerminals();
    Q_INVOKABLE void revokeTerminal(const QString& terminal);
    Q_INVOKABLE bool requestPairingCode(const QString& terminal, const QString& role);

    // Purchasing (backofficepurchasing.cpp). A supplier's fields as the editor has them: id,
    // name, contact, leadTimeDays (as typed), active and the version read (0: new).
    Q_INVOKABLE void loadSuppliers();
    Q_INVOKABLE bool saveSupplier(const QVariantMap& fields);
    // What to order for `location` over the last `windowDays` (as typed, 7–365), of one
    // supplier, to last `coverDays` (as typed, 0–365) once it arrived; each row's unit cost is
    // the product's cost now.
    Q_INVOKABLE bool loadSuggestions(const QString& supplier, const QString& location,
                                     const QString& windowDays, const QString& coverDays);
    // A row's quantity and unit cost as the manager typed them (0 leaves the row out).
    Q_INVOKABLE bool editSuggestion(int row, const QString& qty, const QString& cost);
    // The suggestions (their edited figures) as one order; `expectedAt` as for prices.
    Q_INVOKABLE bool placeOrder(const QString& expectedAt);
    // `status` empty for all, else open, partial, received or closed; a page of ordersPageSize
    // orders, the same page again unless the status changed. pageOrders(±1): the next or the
    // previous page (false when there is none).
    Q_INVOKABLE void loadOrders(const QString& status = {});
    Q_INVOKABLE bool pageOrders(int direction);
    static constexpr qint64 ordersPageSize = 100;
    Q_INVOKABLE void chooseOrder(int row);
    Q_INVOKABLE void closeOrder(const QString& reference);
    // The chosen order as its supplier gets it, to a path ("file:///…" or plain).
    Q_INVOKABLE bool exportOrder(const QString& path, bool pdf);
    void showSuppliers(const QJsonArray& rows);
    void showSuggestions(const QJsonArray& rows);
    // A page of orders: `rows` from the `offset`th of `total`.
    void showOrders(const QJsonArray& rows, qint64 offset = 0, qint64 total = -1);

    // A server report (`report`, S3) for local dates "yyyy-MM-dd"; `by` only for sales.
    Q_INVOKABLE bool loadReport(const QString& report, const QString& by, const QString& from,
                                const QString& to);
    [[nodiscard]] static QVariantList reportChoices();
    [[nodiscard]] static QVariantList groupingChoices();
    // "Sales by day", "Tax": a report's title in the terminal's language.
    [[nodiscard]] static QString reportTitle(const QString& report, const QString& by);
    // What an answer's rows show; the requests' own path, and the screenshots'.
    void showReport(const QJsonObject& answer, const QString& title);
    void showCatalog(const QJsonArray& rows);
    void showScheduled(const QJsonArray& rows);
    void showTerminals(const QJsonArray& rows);
    // The screens without a server (`stockline --screenshots`): as if online, with `manager`
    // signed in ("": the PIN is asked), until endPreview().
    void preview(const QString& manager);
    void endPreview();

Q_SIGNALS:
    void availableChanged();
    void elevatedChanged();
    void changed();
    // A write the server accepted (the editors close on it).
    void saved();

private:
    using Handler = std::function<void(const sync::BackOfficeAnswer&)>;
    // True when it dealt with the refusal; else the refusal's message is shown.
    using Refusal = std::function<bool(const sync::BackOfficeAnswer&)>;
    struct Pending
    {
        Handler onOk;
        Refusal onRefused;
        int page = 0; // where it was asked
    };
    struct Said
    {
        QString message;
        bool failed = false;
    };
    void ask(const QString& type, const QJsonObject& fields, Handler onOk, Refusal onRefused = {});
    void onAnswered(const QString& request, const sync::BackOfficeAnswer& answer);
    void say(const QString& message, bool failed);
    bool refuse(const QString& message);
    void showConflict(const QJsonObject& answer, const QString& sku);
    // "Robin changed ACME at 10:42: name … → …. Nothing was saved: …" from a version_conflict
    // answer, comparing `keys` of what the manager saw with what the server holds.
    void describeConflict(const QJsonObject& answer, const QString& id, const QJsonObject& saw,
                          const QStringList& keys);
    // The catalog again with the query last asked (after a save, the manager's list stays).
    void reloadCatalog();
    [[nodiscard]] std::optional<QString> serverTime(const QString& local);
    void askOrders();

    sync::Client* m_client;
    std::unique_ptr<sync::BackOffice> m_backOffice;
    QHash<QString, Pending> m_handlers;    // by request id
    QHash<QString, QJsonObject> m_editing; // sku → the product as the manager saw it
    QHash<int, Said> m_said;               // by page
    int m_page = 0;
    std::optional<int> m_answeringPage; // while an answer's handler runs: the page that asked
    QString m_conflict;
    QJsonObject m_conflictCurrent;
    QString m_pairingCode;
    QString m_catalogQuery;
    bool m_previewing = false;
    QString m_previewManager;
    ReportModel* m_catalog;
    ReportModel* m_scheduled;
    ReportModel* m_terminals;
    ReportModel* m_report;
    QString m_location;
    ReportModel* m_suppliers;
    ReportModel* m_suggestions;
    ReportModel* m_orders;
    ReportModel* m_orderLines;
    QString m_orderReference;
    QString m_suggestionsSupplier; // what the suggestions were asked for
    QString m_suggestionsLocation;
    QString m_ordersStatus; // the page of orders shown
    qint64 m_ordersOffset = 0;
    qint64 m_ordersTotal = 0;
};

} // namespace stockline::qml
