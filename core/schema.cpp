#include "schema.h"

namespace stockline::schema {

const QList<QStringList>& terminalMigrations()
{
    static const QList<QStringList> migrations = {
        // 1: the replica of catalog and levels, the outbox, and local sales.
        {
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE products ("
                           " sku TEXT PRIMARY KEY,"
                           " barcode TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL,"
                           " price INTEGER NOT NULL,"
                           " tax_rate INTEGER NOT NULL,"
                           " active INTEGER NOT NULL DEFAULT 1,"
                           " department TEXT NOT NULL DEFAULT '')"),
            QStringLiteral(
                "CREATE INDEX products_barcode ON products(barcode) WHERE barcode <> ''"),
            // SKUs are ASCII IDs, so NOCASE finds an exact SKU typed in any case, by index.
            QStringLiteral("CREATE INDEX products_sku_nocase ON products(sku COLLATE NOCASE)"),
            // Search covers active products only: the index holds no inactive rows, so a
            // search never ranks rows it would throw away. The view is the content table, so
            // FTS5's 'rebuild' and 'integrity-check' agree with what the triggers index.
            QStringLiteral("CREATE VIEW products_searchable AS"
                           " SELECT rowid AS id, sku, barcode, name FROM products WHERE active"),
            // unicode61 without tokenchars: "Coca-Cola" is found by "cola", and "coca-cola"
            // still finds it as a phrase. Prefix indexes for 2 and 3 characters keep the first
            // keystrokes of a word from merging the doclists of many terms; Catalog never asks
            // for a one-character prefix.
            QStringLiteral("CREATE VIRTUAL TABLE products_fts USING fts5("
                           " sku, barcode, name,"
                           " content='products_searchable', content_rowid='id',"
                           " tokenize='unicode61 remove_diacritics 2',"
                           " prefix='2 3')"),
            QStringLiteral("CREATE TRIGGER products_ai AFTER INSERT ON products"
                           " WHEN new.active BEGIN"
                           " INSERT INTO products_fts(rowid, sku, barcode, name)"
                           " VALUES (new.rowid, new.sku, new.barcode, new.name);"
                           " END"),
            QStringLiteral("CREATE TRIGGER products_ad AFTER DELETE ON products"
                           " WHEN old.active BEGIN"
                           " INSERT INTO products_fts(products_fts, rowid, sku, barcode, name)"
                           " VALUES ('delete', old.rowid, old.sku, old.barcode, old.name);"
                           " END"),
            // Price-only changes, most catalog updates, leave the index alone.
            QStringLiteral("CREATE TRIGGER products_au AFTER UPDATE ON products"
                           " WHEN old.sku IS NOT new.sku OR old.barcode IS NOT new.barcode"
                           " OR old.name IS NOT new.name OR old.active IS NOT new.active BEGIN"
                           " INSERT INTO products_fts(products_fts, rowid, sku, barcode, name)"
                           " SELECT 'delete', old.rowid, old.sku, old.barcode, old.name"
                           " WHERE old.active;"
                           " INSERT INTO products_fts(rowid, sku, barcode, name)"
                           " SELECT new.rowid, new.sku, new.barcode, new.name WHERE new.active;"
                           " END"),
            QStringLiteral("CREATE TABLE locations (id TEXT PRIMARY KEY, name TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE levels ("
                           " sku TEXT NOT NULL, location TEXT NOT NULL,"
                           " on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL,"
                           " version INTEGER NOT NULL,"
                           " PRIMARY KEY (sku, location)) WITHOUT ROWID"),
            // The last server cursor applied to the replica, per stream ("levels", "catalog").
            QStringLiteral(
                "CREATE TABLE cursors (stream TEXT PRIMARY KEY, cursor INTEGER NOT NULL)"),
            // status: pending until the server answers, then applied or rejected (result JSON).
            QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " kind TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " status TEXT NOT NULL DEFAULT 'pending',"
                           " result TEXT)"),
            QStringLiteral("CREATE INDEX outbox_pending ON outbox(status, seq)"),
            QStringLiteral("CREATE TABLE sales ("
                           " receipt TEXT PRIMARY KEY,"
                           " location TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " staff TEXT NOT NULL DEFAULT '',"
                           " net INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,"
                           " offline INTEGER NOT NULL,"
                           // Follows its entry when a reinstalled terminal renumbers.
                           " outbox_seq INTEGER NOT NULL UNIQUE"
                           " REFERENCES outbox(seq) ON UPDATE CASCADE)"),
            QStringLiteral(
                "CREATE TABLE sale_lines ("
                " receipt TEXT NOT NULL REFERENCES sales(receipt),"
                " line INTEGER NOT NULL,"
                " sku TEXT NOT NULL, name TEXT NOT NULL, qty INTEGER NOT NULL,"
                " unit_price INTEGER NOT NULL, discount INTEGER NOT NULL,"
                " tax_rate INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,"
                " reservation TEXT NOT NULL DEFAULT '',"
                " PRIMARY KEY (receipt, line)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE sale_payments ("
                           " receipt TEXT NOT NULL REFERENCES sales(receipt),"
                           " idx INTEGER NOT NULL,"
                           " method TEXT NOT NULL, amount INTEGER NOT NULL,"
                           " reference TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (receipt, idx)) WITHOUT ROWID"),
        },
        // 2: refunds of this terminal's sales, and sales parked at the till.
        {
            // One refund of some units of one sale, with its `return` outbox entry.
            QStringLiteral("CREATE TABLE refunds ("
                           " refund TEXT PRIMARY KEY,"
                           " sale TEXT NOT NULL REFERENCES sales(receipt),"
                           " location TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " staff TEXT NOT NULL DEFAULT '',"
                           " total INTEGER NOT NULL,"
                           " outbox_seq INTEGER NOT NULL UNIQUE"
                           " REFERENCES outbox(seq) ON UPDATE CASCADE)"),
            // `line` is the sale's line number: what was refunded of each sold line is the
            // sum over its refund lines, which bounds what may still be refunded.
            QStringLiteral("CREATE TABLE refund_lines ("
                           " refund TEXT NOT NULL REFERENCES refunds(refund),"
                           " sale TEXT NOT NULL,"
                           " line INTEGER NOT NULL,"
                           " qty INTEGER NOT NULL CHECK (qty > 0),"
                           " amount INTEGER NOT NULL,"
                           " PRIMARY KEY (refund, line),"
                           " FOREIGN KEY (sale, line) REFERENCES sale_lines(receipt, line))"
                           " WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX refund_lines_sale ON refund_lines(sale, line)"),
            // Money paid back, positive amounts adding up to the refund's total.
            QStringLiteral("CREATE TABLE refund_payments ("
                           " refund TEXT NOT NULL REFERENCES refunds(refund),"
                           " idx INTEGER NOT NULL,"
                           " method TEXT NOT NULL, amount INTEGER NOT NULL,"
                           " reference TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (refund, idx)) WITHOUT ROWID"),
            // A sale put aside at the till: its lines as JSON, nothing sent to the server.
            QStringLiteral("CREATE TABLE parked_sales ("
                           " id INTEGER PRIMARY KEY,"
                           " parked_at TEXT NOT NULL,"
                           " label TEXT NOT NULL DEFAULT '',"
                           " total INTEGER NOT NULL,"
                           " lines TEXT NOT NULL)"),
        },
        // 3: staff for signing in offline, and the cash drawer's sessions.
        {
            // The staff list as the server last sent it (core/staffdirectory.h): PBKDF2 hashes
            // of PINs, never PINs. Replaced whole by every `staff` message.
            QStringLiteral("CREATE TABLE staff ("
                           " name TEXT PRIMARY KEY,"
                           " role TEXT NOT NULL,"
                           " pin_salt BLOB NOT NULL,"
                           " pin_iterations INTEGER NOT NULL,"
                           " pin_hash BLOB NOT NULL)"),
            // Wrong PINs in a row per name ('' is manager approval by PIN alone). Kept apart
            // from `staff` so that a new staff list does not give a guesser fresh tries.
            QStringLiteral("CREATE TABLE staff_lockouts ("
                           " name TEXT PRIMARY KEY,"
                           " failures INTEGER NOT NULL,"
                           " locked_until TEXT)"),
            // A drawer from its opening float to its Z report (core/cashsession.h). `expected`
            // and `counted` are written at the close, so a reprinted Z shows what was decided.
            QStringLiteral("CREATE TABLE cash_sessions ("
                           " id INTEGER PRIMARY KEY,"
                           " opened_at TEXT NOT NULL,"
                           " opened_by TEXT NOT NULL,"
                           " float INTEGER NOT NULL CHECK (float >= 0),"
                           " closed_at TEXT,"
                           " closed_by TEXT,"
                           " expected INTEGER,"
                           " counted INTEGER)"),
            // At most one open session per terminal, whatever the code around it does.
            QStringLiteral("CREATE UNIQUE INDEX cash_sessions_one_open"
                           " ON cash_sessions (ifnull(closed_at, '')) WHERE closed_at IS NULL"),
            // Paid-ins and paid-outs (a drop to the safe is a paid-out): positive amounts.
            QStringLiteral("CREATE TABLE cash_movements ("
                           " id INTEGER PRIMARY KEY,"
                           " session INTEGER NOT NULL REFERENCES cash_sessions(id),"
                           " at TEXT NOT NULL,"
                           " staff TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),"
                           " amount INTEGER NOT NULL CHECK (amount > 0),"
                           " reason TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX cash_movements_session ON cash_movements(session)"),
            // The drawer counted at the close, by denomination in minor units.
            QStringLiteral("CREATE TABLE cash_counts ("
                           " session INTEGER NOT NULL REFERENCES cash_sessions(id),"
                           " denomination INTEGER NOT NULL CHECK (denomination > 0),"
                           " count INTEGER NOT NULL CHECK (count >= 0),"
                           " PRIMARY KEY (session, denomination)) WITHOUT ROWID"),
            // Every sale and refund belongs to the session open when it was recorded: stamped
            // in the same statement, so a report never depends on the terminal's clock. Once
            // this terminal has opened a session at all, nothing is sold or refunded without
            // an open one (a till needs an open drawer); before, as in schema 2.
            QStringLiteral("ALTER TABLE sales ADD COLUMN cash_session INTEGER"
                           " REFERENCES cash_sessions(id)"),
            QStringLiteral("CREATE INDEX sales_cash_session ON sales(cash_session)"),
            QStringLiteral("ALTER TABLE refunds ADD COLUMN cash_session INTEGER"
                           " REFERENCES cash_sessions(id)"),
            QStringLiteral("CREATE INDEX refunds_cash_session ON refunds(cash_session)"),
            QStringLiteral("CREATE TRIGGER sales_cash_session AFTER INSERT ON sales"
                           " WHEN EXISTS (SELECT 1 FROM cash_sessions) BEGIN"
                           " SELECT RAISE(ABORT, 'no cash session is open: open the drawer"
                           " with a float first')"
                           " WHERE NOT EXISTS (SELECT 1 FROM cash_sessions"
                           " WHERE closed_at IS NULL);"
                           " UPDATE sales SET cash_session = (SELECT id FROM cash_sessions"
                           " WHERE closed_at IS NULL) WHERE receipt = new.receipt;"
                           " END"),
            QStringLiteral("CREATE TRIGGER refunds_cash_session AFTER INSERT ON refunds"
                           " WHEN EXISTS (SELECT 1 FROM cash_sessions) BEGIN"
                           " SELECT RAISE(ABORT, 'no cash session is open: open the drawer"
                           " with a float first')"
                           " WHERE NOT EXISTS (SELECT 1 FROM cash_sessions"
                           " WHERE closed_at IS NULL);"
                           " UPDATE refunds SET cash_session = (SELECT id FROM cash_sessions"
                           " WHERE closed_at IS NULL) WHERE refund = new.refund;"
                           " END"),
        },
        {
            // Manager approvals given at this till (core/approvallog.h): an audit trail.
            QStringLiteral("CREATE TABLE approvals ("
                           " id INTEGER PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('price_override', 'discount',"
                           " 'void_after_payment', 'refund', 'terminal_setup')),"
                           " detail TEXT NOT NULL,"
                           " requested_by TEXT NOT NULL,"
                           " approved_by TEXT NOT NULL)"),
        },
        // The receiving dock: expected deliveries as the server last sent them, the dock's own
        // record of what it booked, and manager approval of receiving beyond what is expected.
        {
            // Replaced whole by every `deliveries` message (core/deliverybook.h).
            QStringLiteral("CREATE TABLE deliveries ("
                           " id TEXT PRIMARY KEY,"
                           " supplier TEXT NOT NULL,"
                           " location TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE delivery_lines ("
                           " delivery TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,"
                           " line INTEGER NOT NULL,"
                           " sku TEXT NOT NULL,"
                           " expected INTEGER NOT NULL,"
                           " received INTEGER NOT NULL,"
                           " rejected INTEGER NOT NULL,"
                           " PRIMARY KEY (delivery, line)) WITHOUT ROWID"),
            // A receive, count, transfer or adjust made at this dock (core/dockjournal.h),
            // written with its outbox entry in one transaction; `body` is the mutation's wire
            // object, `note` what the person wrote beside it.
            QStringLiteral("CREATE TABLE dock_work ("
                           " id INTEGER PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " kind TEXT NOT NULL"
                           " CHECK (kind IN ('receive', 'count', 'transfer', 'adjust')),"
                           " staff TEXT NOT NULL,"
                           " note TEXT NOT NULL DEFAULT '',"
                           " body TEXT NOT NULL,"
                           " outbox_seq INTEGER NOT NULL UNIQUE"
                           " REFERENCES outbox(seq) ON UPDATE CASCADE)"),
            // SQLite cannot change a CHECK: the approvals table is made anew with one more kind.
            QStringLiteral("CREATE TABLE approvals_new ("
                           " id INTEGER PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('price_override', 'discount',"
                           " 'void_after_payment', 'refund', 'terminal_setup',"
                           " 'over_expected')),"
                           " detail TEXT NOT NULL,"
                           " requested_by TEXT NOT NULL,"
                           " approved_by TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO approvals_new SELECT * FROM approvals"),
            QStringLiteral("DROP TABLE approvals"),
            QStringLiteral("ALTER TABLE approvals_new RENAME TO approvals"),
        },
        {
            // A manager approves resolving a shortage exception: the approvals kind CHECK
            // grows, which SQLite can only do by copying the table.
            QStringLiteral("CREATE TABLE approvals_new ("
                           " id INTEGER PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('price_override', 'discount',"
                           " 'void_after_payment', 'refund', 'terminal_setup',"
                           " 'over_expected', 'shortage_resolution')),"
                           " detail TEXT NOT NULL,"
                           " requested_by TEXT NOT NULL,"
                           " approved_by TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO approvals_new SELECT id, at, kind, detail, requested_by,"
                           " approved_by FROM approvals"),
            QStringLiteral("DROP TABLE approvals"),
            QStringLiteral("ALTER TABLE approvals_new RENAME TO approvals"),
        },
        {
            // The product's reorder point (the catalog's reorderPoint): the live stock view
            // shows a level at or below it as low.
            QStringLiteral("ALTER TABLE products ADD COLUMN reorder_point INTEGER NOT NULL"
                           " DEFAULT 0"),
        },
        {
            // Refunds at any till (issue 18): a refund may be of a sale this till never
            // recorded (another till's, fetched from the server), so a refund's sale and line
            // no longer reference this till's sales. A refund line keeps its tax share, which
            // the drawer's report can no longer always work out from a local sale line.
            // SQLite cannot drop a foreign key: both tables are made anew. refund_payments
            // references refunds, so its rows are orphans between the DROP and the copy back;
            // deferred, the check runs at the commit, when every refund is back.
            QStringLiteral("PRAGMA defer_foreign_keys = ON"),
            QStringLiteral("CREATE TEMP TABLE refunds_copy AS SELECT refund, sale, location, at,"
                           " staff, total, outbox_seq, cash_session FROM refunds"),
            QStringLiteral("CREATE TEMP TABLE refund_lines_copy AS SELECT refund, sale, line, qty,"
                           " amount FROM refund_lines"),
            QStringLiteral("DROP TABLE refund_lines"),
            QStringLiteral("DROP TABLE refunds"),
            QStringLiteral("CREATE TABLE refunds ("
                           " refund TEXT PRIMARY KEY,"
                           " sale TEXT NOT NULL,"
                           " location TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " staff TEXT NOT NULL DEFAULT '',"
                           " total INTEGER NOT NULL,"
                           " outbox_seq INTEGER NOT NULL UNIQUE"
                           " REFERENCES outbox(seq) ON UPDATE CASCADE,"
                           " cash_session INTEGER REFERENCES cash_sessions(id))"),
            QStringLiteral("INSERT INTO refunds SELECT * FROM refunds_copy"),
            QStringLiteral("CREATE INDEX refunds_cash_session ON refunds(cash_session)"),
            QStringLiteral("CREATE INDEX refunds_sale ON refunds(sale)"),
            QStringLiteral("CREATE TRIGGER refunds_cash_session AFTER INSERT ON refunds"
                           " WHEN EXISTS (SELECT 1 FROM cash_sessions) BEGIN"
                           " SELECT RAISE(ABORT, 'no cash session is open: open the drawer"
                           " with a float first')"
                           " WHERE NOT EXISTS (SELECT 1 FROM cash_sessions"
                           " WHERE closed_at IS NULL);"
                           " UPDATE refunds SET cash_session = (SELECT id FROM cash_sessions"
                           " WHERE closed_at IS NULL) WHERE refund = new.refund;"
                           " END"),
            // `tax` NULL: recorded before this version, worked out from the sale line.
            QStringLiteral("CREATE TABLE refund_lines ("
                           " refund TEXT NOT NULL REFERENCES refunds(refund),"
                           " sale TEXT NOT NULL,"
                           " line INTEGER NOT NULL,"
                           " qty INTEGER NOT NULL CHECK (qty > 0),"
                           " amount INTEGER NOT NULL,"
                           " tax INTEGER,"
                           " PRIMARY KEY (refund, line)) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO refund_lines (refund, sale, line, qty, amount)"
                           " SELECT * FROM refund_lines_copy"),
            QStringLiteral("CREATE INDEX refund_lines_sale ON refund_lines(sale, line)"),
            QStringLiteral("DROP TABLE refunds_copy"),
            QStringLiteral("DROP TABLE refund_lines_copy"),
        },
        {
            // How the product is sold (core/unit.h): every product there was stays `each`,
            // and so does every sale line recorded before.
            QStringLiteral("ALTER TABLE products ADD COLUMN unit TEXT NOT NULL DEFAULT 'each'"),
            QStringLiteral("ALTER TABLE sale_lines ADD COLUMN unit TEXT NOT NULL DEFAULT 'each'"),
        },
        {
            // Every further code that scans a product (Product::extraBarcodes), so a till finds
            // it by any of them. `extra_barcodes` keeps them space-separated beside the product
            // so an unchanged product is not rewritten; the table is what a scan looks up.
            QStringLiteral(
                "ALTER TABLE products ADD COLUMN extra_barcodes TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE product_barcodes ("
                           " barcode TEXT NOT NULL,"
                           " sku TEXT NOT NULL,"
                           " PRIMARY KEY (barcode, sku)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX product_barcodes_sku ON product_barcodes(sku)"),
            // The replica was sent the first code only: forgetting the catalog's cursor makes
            // the next connection fetch the whole catalog, every code with it.
            QStringLiteral("DELETE FROM cursors WHERE stream = 'catalog'"),
        },
    };
    return migrations;
}

} // namespace stockline::schema
