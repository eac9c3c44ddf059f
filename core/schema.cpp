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
            QStringLiteral("CREATE VIRTUAL TABLE products_fts USING fts5("
                           " sku, barcode, name, department,"
                           " content='products', content_rowid='rowid',"
                           " tokenize=\"unicode61 remove_diacritics 2 tokenchars '-.'\","
                           " prefix='1 2 3')"),
            QStringLiteral("CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN"
                           " INSERT INTO products_fts(rowid, sku, barcode, name, department)"
                           " VALUES (new.rowid, new.sku, new.barcode, new.name, new.department);"
                           " END"),
            QStringLiteral(
                "CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN"
                " INSERT INTO products_fts(products_fts, rowid, sku, barcode, name, department)"
                " VALUES ('delete', old.rowid, old.sku, old.barcode, old.name, old.department);"
                " END"),
            QStringLiteral(
                "CREATE TRIGGER products_au AFTER UPDATE ON products BEGIN"
                " INSERT INTO products_fts(products_fts, rowid, sku, barcode, name, department)"
                " VALUES ('delete', old.rowid, old.sku, old.barcode, old.name, old.department);"
                " INSERT INTO products_fts(rowid, sku, barcode, name, department)"
                " VALUES (new.rowid, new.sku, new.barcode, new.name, new.department);"
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
    };
    return migrations;
}

} // namespace stockline::schema
