#pragma once

#include "serverschema.h"
#include "serverstore.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace stockline::sync {

struct SqlStoreConfig
{
    SqlDialect dialect = SqlDialect::sqlite();
    QString databaseName; // SQLite: the file's path; PostgreSQL: the database's name
    // PostgreSQL only: where the server is and who connects.
    QString host;
    int port = 5432;
    QString user;
    QString password;
    // PostgreSQL with several hosts (high availability): every "HOST:PORT" in the order libpq
    // tries them; `host` and `port` are then unused.
    QStringList hostPorts;
    // PostgreSQL: the URL's libpq parameters, "key=value" joined by ';' (target_session_attrs,
    // connect_timeout, sslmode).
    QString parameters;

    // From "sqlite:PATH" or "postgres://USER:PASSWORD@HOST:PORT[,HOST:PORT…]/DBNAME[?key=value
    // &…]"; a missing password comes from PGPASSWORD, a missing user from PGUSER, as for psql.
    [[nodiscard]] static Result<SqlStoreConfig> fromUrl(const QString& url);

    // How messages name the database: never with the password.
    [[nodiscard]] QString label() const;
    // A Qt SQL connection named `name` to this database, not opened yet (invalid if the driver
    // is missing).
    [[nodiscard]] QSqlDatabase addConnection(const QString& name) const;
    // SQLite only. FULL (the default) syncs the WAL on every commit, so no result is ever sent
    // for a change a power cut could take back; NORMAL is for benchmarks and tests only.
    bool fullSync = true;
};

// ArbiterStore and AdminStore over Qt SQL. The SQL is written once for SQLite and PostgreSQL;
// SqlDialect holds the few differences. Every statement of the hot path is prepared once, when the
// store is opened (the multi-row ones on first use, per row count), and reused.
//
// Decisions where PROTOCOL.md is silent:
// - Checks run in this order, the first failing one answers: invalid, forbidden, unknown_sku
//   (first line naming one), unknown_location, then the kind's own rule.
// - Reservation IDs are scoped by terminal: a release or a sale line only ever finds the
//   sending terminal's reservations. A reserve reusing an ID the terminal still holds is
//   rejected `invalid` (field "reservation"); an ID released, sold or expired may be reused.
// - A sale line naming its live reservation for the same SKU and location consumes it whole
//   (the remainder is released) and takes the line's units from it first, then from available
//   stock: a reservation of 2 plus 1 available covers a line of 3. A reservation for another
//   SKU or location, or one that is gone or expired, is not touched and the line is covered by
//   available stock alone. A rejected sale reports per line, in line order, what that line
//   could have had: available plus its own live reservation.
// - A reservation is live while now < expiry: from its expiry instant it holds nothing, and
//   every write transaction first releases what has expired (ledger kind "expire").
// - A count below what live reservations hold is applied (the count is what is on the shelf):
//   the reservations expiring last are cut first, down to the counted units, so reserved never
//   exceeds on hand; a sale naming a cut reservation then falls back to available stock.
// - An offline sale of an unknown SKU or at an unknown location is still rejected (there is
//   no level to take from); only stock shortfalls become shortage exceptions.
// - Ledger rows: one per level change with both deltas, plus zero-delta audit rows for
//   shortages (kind "sale") and their resolution ("resolve", by a `resolve` mutation or the
//   CLI). Server-made rows (expiry, imports, resolutions from the CLI) have an empty terminal
//   and mutation id and seq 0.
// - importStock adds to what is there (it books receipts); addLocation of an existing ID
//   renames it, so set-up scripts can run twice.
// - A stored result that cannot be read back answers the replay with `unavailable` for that
//   push only (verify() reports a missing one); it never fails the whole batch.
//
// Threading: see ArbiterStore. The QSqlDatabase connection belongs to the opening thread.
class SqlServerStore final : public ArbiterStore, public AdminStore
{
public:
    [[nodiscard]] static Result<std::unique_ptr<SqlServerStore>> open(const SqlStoreConfig& config);
    // A URL as ArbiterStore::open() takes it.
    [[nodiscard]] static Result<std::unique_ptr<SqlServerStore>> open(const QString& url);
    ~SqlServerStore() override;
    SqlServerStore(const SqlServerStore&) = delete;
    SqlServerStore& operator=(const SqlServerStore&) = delete;

    // The schema version this build creates and the highest it opens.
    [[nodiscard]] static int schemaVersion();

    [[nodiscard]] Status addLocation(const Location& location) override;
    [[nodiscard]] Result<QString> addTerminal(const QString& id, Role role) override;
    [[nodiscard]] Status revokeTerminal(const QString& id) override;
    [[nodiscard]] Status importCatalog(const QList<Product>& products) override;
    [[nodiscard]] Status importStock(const QList<StockMovement>& stock) override;
    [[nodiscard]] Result<QList<StockLevel>> levels(const QString& sku = {}) override;
    [[nodiscard]] Result<QList<Location>> locations() override;
    [[nodiscard]] Result<QList<TerminalListing>> terminals() override;
    [[nodiscard]] Status putStaff(const StaffMember& member) override;
    [[nodiscard]] Status removeStaff(const QString& name) override;
    [[nodiscard]] Result<QList<StaffMember>> staff() override;
    [[nodiscard]] Result<StoreSettings> storeSettings() override;
    [[nodiscard]] Status setStoreSettings(const StoreSettings& settings) override;
    [[nodiscard]] Result<QList<Shortage>> openShortages() override;
    [[nodiscard]] Result<OpenCounts> openCounts() override;
    [[nodiscard]] Status importDeliveries(const QList<Delivery>& deliveries) override;
    [[nodiscard]] Result<QList<Delivery>> deliveries(bool withClosed = false) override;
    [[nodiscard]] Result<Delivery> closeDelivery(const QString& reference) override;
    [[nodiscard]] Result<VerifyReport> verify() override;
    // sqlserverreceiptread.cpp, dayreport.cpp: the ArbiterStore and AdminStore reads.
    [[nodiscard]] Result<QList<ApprovalRecord>> approvals() override;
    [[nodiscard]] Result<PairingCode>
    createPairingCode(const QString& terminal, const QDateTime& now, qint64 validSeconds) override;
    [[nodiscard]] Result<std::optional<Paired>> redeemPairingCode(const QString& code,
                                                                  const QDateTime& now) override;

    [[nodiscard]] Result<std::optional<TerminalInfo>> authenticate(const QString& terminal,
                                                                   const QString& token) override;
    [[nodiscard]] Result<TerminalInfo> terminal(const QString& id) override;
    [[nodiscard]] Result<std::optional<TerminalInfo>>
    authenticateBearer(const QString& token) override;
    [[nodiscard]] Result<QStringList> revokedTerminals() override;
    [[nodiscard]] Result<Levels> levelsSince(qint64 cursor) override;
    [[nodiscard]] Result<CatalogUpdate> catalogSince(qint64 cursor) override;
    [[nodiscard]] Result<qint64> currentCursor() override;
    [[nodiscard]] Result<HistoryReply> history(const HistoryRequest& request) override;
    [[nodiscard]] Status terminalSeen(const QString& id, const QDateTime& now) override;
    [[nodiscard]] Result<std::optional<StoredReceipt>> receipt(const QString& number) override;
    [[nodiscard]] Result<QJsonObject> dayReport(const QDate& date, const QDateTime& now) override;
    // reports.cpp: the back office's reports, and the costs `catalog export` writes.
    [[nodiscard]] Result<ReportAnswer> report(const ReportRequest& request,
                                              const QDateTime& now) override;
    [[nodiscard]] Result<QHash<QString, Money>> productCosts() override;

    [[nodiscard]] Result<BatchOutcome> applyBatch(const QList<PushRequest>& pushes,
                                                  const QDateTime& now) override;
    [[nodiscard]] Result<CommitEffects> expireReservations(const QDateTime& now) override;
    [[nodiscard]] Result<std::optional<QDateTime>> nextExpiry() override;
    [[nodiscard]] Status resolveShortage(qint64 id, const QString& by) override;
    [[nodiscard]] std::unique_ptr<FeedListener>
    listenForOtherWriters(std::function<void(qint64 cursor)> wake) override;
    [[nodiscard]] Result<bool> reconnectIfLost() override;
    [[nodiscard]] Result<BackOfficeOutcome>
    backOffice(const BackOfficeRequest& request, const QString& by, const QDateTime& now) override;
    [[nodiscard]] Result<std::optional<QDateTime>> nextPriceChange() override;
    [[nodiscard]] Result<CommitEffects> applyDuePrices(const QDateTime& now) override;

private:
    struct Statements;
    class Writer;

    // The back office's parts, each inside its own transaction (sqlserverbackoffice.cpp, …).
    struct BackOfficeCall
    {
        const BackOfficeRequest& request;
        const QString& by;
        qint64 nowMs;
    };
    [[nodiscard]] Result<BackOfficeOutcome> backOfficeWrite(const BackOfficeCall& call);
    [[nodiscard]] Result<QJsonObject> writeBody(Writer& writer, const BackOfficeCall& call);
    [[nodiscard]] Result<QJsonObject> editProduct(Writer& writer, const BackOfficeCall& call,
                                                  const backoffice::ProductEdit& edit);
    [[nodiscard]] Result<QJsonObject> listProducts(const backoffice::ProductQuery& query);
    // The product as the manager sees it; nothing for an unknown SKU.
    [[nodiscard]] Result<std::optional<backoffice::CatalogEntry>> catalogEntry(const QString& sku);
    [[nodiscard]] Status readBarcodes(QList<backoffice::CatalogEntry>& entries);
    [[nodiscard]] Status writeBarcodes(const QString& sku, const QStringList& barcodes);
    // The codes after the first of the products in `products`, which must name them as `sku`
    // ("products WHERE cursor > ?"), bound to `value`: what tills get as Product::extraBarcodes.
    [[nodiscard]] Status addExtraBarcodes(QList<Product>& products, const QString& selectSkus,
                                          const QVariant& value);
    // version_conflict's answer: the product now, who changed it and when.
    [[nodiscard]] Result<QJsonObject> versionConflict(const QString& sku, const QString& field);
    // Sets a product's price now (version + 1), for `price`, a bulk change and the timer.
    [[nodiscard]] Status setPrice(Writer& writer, const QString& sku, qint64 price,
                                  const QString& by);
    [[nodiscard]] Result<QJsonObject> changePrices(Writer& writer, const BackOfficeCall& call,
                                                   const backoffice::PriceEdit& edit);
    [[nodiscard]] Result<QJsonObject> changePricesInBulk(Writer& writer, const BackOfficeCall& call,
                                                         const backoffice::PriceBulk& bulk);
    // (sku, new price) each.
    using PlannedPrices = QList<std::pair<QString, qint64>>;
    [[nodiscard]] Result<QJsonObject> applyOrSchedule(Writer& writer, const BackOfficeCall& call,
                                                      const PlannedPrices& planned,
                                                      const std::optional<QDateTime>& effectiveAt);
    [[nodiscard]] Result<QJsonObject> cancelPrice(const BackOfficeCall& call, qint64 change);
    [[nodiscard]] Result<QJsonObject> scheduledPrices();
    [[nodiscard]] Result<QJsonObject> editStaff(const backoffice::StaffEdit& edit,
                                                BackOfficeOutcome& outcome);
    // The stored answer of a write `id`, or nothing; a refusal if `id` was another request's.
    [[nodiscard]] Result<std::optional<QJsonObject>> storedAnswer(const BackOfficeRequest& request);
    [[nodiscard]] Status storeAnswer(const BackOfficeCall& call, const QJsonObject& answer);
    [[nodiscard]] Result<QJsonObject> listTerminals();
    [[nodiscard]] Result<QJsonObject> revokeByManager(const backoffice::TerminalRevoke& revoke);
    [[nodiscard]] Result<QJsonObject> pairingCodeFor(const BackOfficeCall& call,
                                                     const backoffice::PairingCodeRequest& ask);
    // sqlserverpurchasing.cpp (lane G): suppliers, reorder suggestions, purchase orders.
    [[nodiscard]] Result<QJsonObject> purchasingRead(const BackOfficeCall& call);
    [[nodiscard]] Result<QJsonObject> purchasingWrite(Writer& writer, const BackOfficeCall& call);
    [[nodiscard]] Result<QJsonObject> editSupplier(const BackOfficeCall& call,
                                                   const backoffice::SupplierEdit& edit);
    [[nodiscard]] Result<QJsonObject> placeOrder(Writer& writer, const BackOfficeCall& call,
                                                 const backoffice::PurchaseOrder& order);
    [[nodiscard]] Result<QJsonObject> closeOrder(Writer& writer, const BackOfficeCall& call,
                                                 const backoffice::PurchaseOrderClose& close);
    [[nodiscard]] Result<QJsonObject> listOrders(const backoffice::PurchaseOrderList& list);
    [[nodiscard]] Result<QJsonObject> reorder(const BackOfficeCall& call,
                                              const backoffice::ReorderQuery& query);

    SqlServerStore(SqlStoreConfig config, QString connectionName);
    [[nodiscard]] Status configure();
    [[nodiscard]] Status migrate();
    [[nodiscard]] Status prepareStatements();
    [[nodiscard]] Result<VerifyReport> verifyChecks();
    [[nodiscard]] Status verifyReceipts(VerifyReport& report);
    [[nodiscard]] Status verifyRefundedLines(QSqlQuery& q, VerifyReport& report);
    [[nodiscard]] Status verifyRollups(QSqlQuery& q, VerifyReport& report);
    [[nodiscard]] Status readHistory(const HistoryRequest& request, HistoryReply& reply);
    // dayreport.cpp: the day [from, to) in ms, inside dayReport()'s read snapshot.
    [[nodiscard]] Result<QJsonObject> readDay(qint64 from, qint64 to);
    [[nodiscard]] Status readDrawers(QJsonObject& report, qint64 from, qint64 to);
    [[nodiscard]] Result<BatchOutcome> applyBatchOnce(const QList<PushRequest>& pushes,
                                                      const QDateTime& now);
    // A statement for the paths that are not hot (administration, sessions, verify).
    [[nodiscard]] QSqlQuery newQuery() const;
    // Rows changed after `cursor` (all of them when it is 0 or ahead of ours) appended to
    // `rows`; the current cursor and whether that was everything.
    template <typename Row, typename Read>
    [[nodiscard]] Result<std::pair<qint64, bool>> rowsSince(qint64 cursor, const QString& select,
                                                            const QString& order, Read read,
                                                            QList<Row>& rows, const QString& what);

    // Products and locations are never deleted, so a positive answer can be remembered even
    // while other connections add more; a negative one is always asked of the database.
    [[nodiscard]] Result<bool> productExists(const QString& sku);
    [[nodiscard]] Result<bool> locationExists(const QString& id);
    // A product's unit as stored; nothing for a new product.
    [[nodiscard]] Result<std::optional<Unit>> storedUnit(const QString& sku);
    // Converts every level of `sku` from `from` to `to` inside the import's transaction (see
    // importCatalog in serverstore.h).
    [[nodiscard]] Status convertUnit(Writer& writer, const QString& sku, Unit from, Unit to);
    // A delivery to import names a known location and SKUs, and a new reference.
    [[nodiscard]] Status checkDeliveryKnown(const Delivery& delivery, const QString& entry);
    // One delivery with its lines, closed or not; nothing for an unknown reference.
    [[nodiscard]] Result<std::optional<Delivery>> readDelivery(const QString& reference);

    SqlStoreConfig m_config;
    QString m_connectionName;
    std::unique_ptr<Statements> m_sql;
    QSet<QString> m_knownProducts;
    QSet<QString> m_knownLocations;
};

} // namespace stockline::sync
