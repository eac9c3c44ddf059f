#include "catalog.h"

#include "barcode.h"
#include "ids.h"
#include "localstore.h"
#include "sqlrows.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace stockline {

namespace {

const QString productColumns =
    QStringLiteral("p.sku, p.barcode, p.name, p.price, p.tax_rate, p.active, p.department, "
                   "p.reorder_point, p.unit, p.extra_barcodes");

// The SKUs a code scans: the catalog's own barcode, or one of the further ones. Bound twice.
// "barcode <> ''" repeats the partial index's condition so SQLite may use that index.
const QString skusWithBarcode =
    QStringLiteral("SELECT sku FROM products WHERE barcode = ? AND barcode <> ''"
                   " UNION ALL SELECT sku FROM product_barcodes WHERE barcode = ?");

Product readProduct(const QSqlQuery& query)
{
    Product p = sqlrows::product(query);
    p.extraBarcodes = query.value(9).toString().split(u' ', Qt::SkipEmptyParts);
    return p;
}

// Qt binds a null QString as SQL NULL; the optional text columns are NOT NULL DEFAULT ''.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// What FTS5's unicode61 tokenizer keeps in a token: letters and digits, and the marks that
// remove_diacritics folds away.
bool isTokenChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// The word up to its last token of two or more characters: "salted" stays, "GRO-0" becomes
// "GRO-", "b" and "-" become nothing. The prefix '*' applies to a word's last token, and a
// one-character prefix narrows nothing while costing a pass over most of the index.
QStringView withoutOneCharacterTail(QStringView word)
{
    for (;;) {
        qsizetype end = word.size();
        while (end > 0 && !isTokenChar(word[end - 1]))
            --end;
        qsizetype start = end;
        while (start > 0 && isTokenChar(word[start - 1]))
            --start;
        if (end - start >= 2)
            return word;
        if (end == 0)
            return {};
        word = word.left(start);
    }
}

// Words separated by any white space, as typed or pasted.
QList<QStringView> wordsOf(QStringView text)
{
    QList<QStringView> words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text[i].isSpace();
        if (space && start >= 0) {
            words.append(text.mid(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return words;
}

bool isBarcodeLength(QStringView text)
{
    return text.size() == 8 || text.size() == 12 || text.size() == 13;
}

bool contains(const QList<Product>& products, const QString& sku)
{
    for (const Product& p : products)
        if (p.sku == sku)
            return true;
    return false;
}

} // namespace

Catalog::Catalog(const LocalStore& store) : m_store(store), m_statements(store) {}

Status Catalog::upsert(const QList<Product>& products)
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status();
    if (const Status written = upsert(tx, products); !written)
        return written;
    return tx.commit();
}

Status Catalog::upsert(Transaction& tx, const QList<Product>& products)
{
    if (const Status open = m_store.check(tx); !open)
        return open;
    for (qsizetype i = 0; i < products.size(); ++i) {
        if (const std::optional<Error> e = products[i].validate())
            return Error{QStringLiteral("products[%1].%2").arg(i).arg(e->field), e->message};
    }
    return write(products);
}

Status Catalog::replaceAll(Transaction& tx, const QList<Product>& products)
{
    if (const Status written = upsert(tx, products); !written)
        return written;
    return deactivateAllBut(products);
}

// Reads the active SKUs and switches off those not listed, one bound statement each: a full
// catalog rarely drops more than a few, and binding 100,000 values into one NOT IN would not.
Status Catalog::deactivateAllBut(const QList<Product>& products)
{
    QSet<QString> listed;
    listed.reserve(products.size());
    for (const Product& p : products)
        listed.insert(p.sku);
    QSqlQuery active = m_store.prepare(QStringLiteral("SELECT sku FROM products WHERE active"));
    if (!active.exec())
        return LocalStore::sqlError(active, QStringLiteral("read the active products"));
    QStringList dropped;
    while (active.next()) {
        const QString sku = active.value(0).toString();
        if (!listed.contains(sku))
            dropped.append(sku);
    }
    active.finish();
    QSqlQuery off = m_store.prepare(QStringLiteral("UPDATE products SET active = 0 WHERE sku = ?"));
    for (const QString& sku : std::as_const(dropped)) {
        off.bindValue(0, sku);
        if (!off.exec())
            return LocalStore::sqlError(off, QStringLiteral("deactivate product %1").arg(sku));
    }
    return success();
}

Status Catalog::write(const QList<Product>& products)
{
    // Unchanged rows are not rewritten: a full resync from the server then costs reads only.
    const Result<QSqlQuery*> statement = m_statements.get(
        QStringLiteral(
            "INSERT INTO products (sku, barcode, name, price, tax_rate, active, department,"
            " reorder_point, unit, extra_barcodes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (sku) DO UPDATE SET barcode = excluded.barcode,"
            " name = excluded.name, price = excluded.price, tax_rate = excluded.tax_rate,"
            " active = excluded.active, department = excluded.department,"
            " reorder_point = excluded.reorder_point, unit = excluded.unit,"
            " extra_barcodes = excluded.extra_barcodes"
            " WHERE (products.barcode, products.name, products.price, products.tax_rate,"
            " products.active, products.department, products.reorder_point, products.unit,"
            " products.extra_barcodes)"
            " IS NOT (excluded.barcode, excluded.name, excluded.price, excluded.tax_rate,"
            " excluded.active, excluded.department, excluded.reorder_point, excluded.unit,"
            " excluded.extra_barcodes)"),
        QStringLiteral("store a product"));
    if (!statement)
        return statement.error();
    QSqlQuery& query = **statement;
    for (const Product& p : products) {
        query.bindValue(0, p.sku);
        query.bindValue(1, notNull(p.barcode));
        query.bindValue(2, p.name);
        query.bindValue(3, p.price.minor());
        query.bindValue(4, p.taxRate.milliPercent());
        query.bindValue(5, p.active ? 1 : 0);
        query.bindValue(6, notNull(p.department));
        query.bindValue(7, p.reorderPoint);
        query.bindValue(8, QString(unitName(p.unit)));
        query.bindValue(9, notNull(p.extraBarcodes.join(u' ')));
        if (!query.exec())
            return LocalStore::sqlError(query, QStringLiteral("store product %1").arg(p.sku));
        // Written or changed (an unchanged row affects none): its further codes may have too.
        if (query.numRowsAffected() > 0) {
            if (const Status codes = writeExtraBarcodes(p); !codes)
                return codes;
        }
    }
    query.finish();
    return success();
}

Status Catalog::writeExtraBarcodes(const Product& p)
{
    const Result<QSqlQuery*> removal =
        m_statements.get(QStringLiteral("DELETE FROM product_barcodes WHERE sku = ?"),
                         QStringLiteral("replace a product's barcodes"));
    if (!removal)
        return removal.error();
    (*removal)->bindValue(0, p.sku);
    if (!(*removal)->exec())
        return LocalStore::sqlError(**removal,
                                    QStringLiteral("replace the barcodes of %1").arg(p.sku));
    const Result<QSqlQuery*> insert = m_statements.get(
        QStringLiteral("INSERT INTO product_barcodes (barcode, sku) VALUES (?, ?)"),
        QStringLiteral("store a barcode"));
    if (!insert)
        return insert.error();
    for (const QString& code : p.extraBarcodes) {
        (*insert)->bindValue(0, code);
        (*insert)->bindValue(1, p.sku);
        if (!(*insert)->exec())
            return LocalStore::sqlError(**insert,
                                        QStringLiteral("store barcode %1 of %2").arg(code, p.sku));
    }
    return success();
}

Result<std::optional<Product>> Catalog::first(const QString& sql, const QString& purpose,
                                              const QVariantList& values) const
{
    const Result<QSqlQuery*> statement = m_statements.get(sql, purpose);
    if (!statement)
        return statement.error();
    QSqlQuery& query = **statement;
    const StatementReset reset(query);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values[i]);
    if (!query.exec())
        return LocalStore::sqlError(query, purpose);
    if (!query.next())
        return std::optional<Product>();
    return std::optional<Product>(readProduct(query));
}

Result<std::optional<Product>> Catalog::bySku(QStringView sku) const
{
    return first(QStringLiteral("SELECT %1 FROM products AS p WHERE p.sku = ?").arg(productColumns),
                 QStringLiteral("find a product by SKU"), {sku.toString()});
}

Result<QList<Product>> Catalog::withSkuPrefix(QStringView prefix, int limit) const
{
    // substr, not LIKE: '_' is a LIKE wildcard and a valid SKU character.
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT %1 FROM products AS p WHERE p.active"
                       " AND substr(p.sku, 1, ?) = ? COLLATE NOCASE ORDER BY p.sku LIMIT ?")
            .arg(productColumns));
    for (const QVariant& value :
         {QVariant(prefix.size()), QVariant(prefix.toString()), QVariant(std::max(limit, 0))})
        query.addBindValue(value);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("list products by SKU prefix"));
    QList<Product> found;
    while (query.next())
        found.append(readProduct(query));
    return found;
}

Result<std::optional<Product>> Catalog::byBarcode(QStringView code) const
{
    if (code.isEmpty()) // products without a barcode store ''
        return std::optional<Product>();
    return first(QStringLiteral("SELECT %1 FROM products AS p WHERE p.sku IN (%2)"
                                " ORDER BY p.active DESC, p.sku LIMIT 1")
                     .arg(productColumns, skusWithBarcode),
                 QStringLiteral("find a product by barcode"), {code.toString(), code.toString()});
}

Result<qint64> Catalog::count() const
{
    const QString purpose = QStringLiteral("count products");
    const Result<QSqlQuery*> statement =
        m_statements.get(QStringLiteral("SELECT count(*) FROM products"), purpose);
    if (!statement)
        return statement.error();
    QSqlQuery& query = **statement;
    const StatementReset reset(query);
    if (!query.exec() || !query.next())
        return LocalStore::sqlError(query, purpose);
    return query.value(0).toLongLong();
}

QString Catalog::matchExpression(QStringView text)
{
    // Each word becomes one FTS5 string, quotes doubled, with '*' for a prefix match: inside
    // a string nothing is syntax, so OR, NEAR(, ':' or '-' are words like any other. FTS5
    // splits a string into tokens itself, so "coca-co" is the phrase coca + co*. A word
    // without letters or digits would be an empty phrase: it is left out, and so is a last
    // token of one character until the next keystroke makes it two.
    QStringList terms;
    const QStringView typed = text.left(maxSearchLength);
    for (const QStringView whole : wordsOf(typed)) {
        const QStringView word = withoutOneCharacterTail(whole);
        if (word.isEmpty())
            continue;
        QString escaped = word.toString();
        escaped.replace(u'"', QStringLiteral("\"\""));
        terms.append(u'"' + escaped + QStringLiteral("\"*"));
        if (terms.size() == maxSearchWords)
            break;
    }
    return terms.join(u' ');
}

std::optional<Error> Catalog::addExactHits(QStringView typed, QList<Product>& found) const
{
    static const QString activeByBarcode =
        QStringLiteral("SELECT %1 FROM products AS p WHERE p.sku IN (%2) AND p.active"
                       " ORDER BY p.sku LIMIT 1")
            .arg(productColumns, skusWithBarcode);
    QStringList codes;
    if (isBarcodeLength(typed)) {
        codes.append(typed.toString());
        const Result<ScannedCode> scanned = Barcode::parse(typed);
        if (scanned && scanned->lookupCode != typed)
            codes.append(scanned->lookupCode);
    }
    for (const QString& code : codes) {
        const Result<std::optional<Product>> hit =
            first(activeByBarcode, QStringLiteral("search products by barcode"), {code, code});
        if (!hit)
            return hit.error();
        if (hit.value()) {
            found.append(*hit.value());
            break;
        }
    }
    if (!isValidId(typed))
        return std::nullopt;
    // NOCASE uses its index; an SKU equal in case too comes first.
    static const QString activeBySku =
        QStringLiteral("SELECT %1 FROM products AS p WHERE p.sku = ? COLLATE NOCASE AND p.active"
                       " ORDER BY p.sku = ? DESC, p.sku LIMIT 1")
            .arg(productColumns);
    const Result<std::optional<Product>> sku =
        first(activeBySku, QStringLiteral("search products by SKU"),
              {typed.toString(), typed.toString()});
    if (!sku)
        return sku.error();
    if (sku.value() && !contains(found, sku.value()->sku))
        found.append(*sku.value());
    return std::nullopt;
}

std::optional<Error> Catalog::addMatches(const QString& match, int limit,
                                         QList<Product>& found) const
{
    // The innermost query stops after maxRanked matches, so bm25 runs at most that often.
    const QString purpose = QStringLiteral("search products");
    static const QString sql =
        QStringLiteral("SELECT %1 FROM"
                       " (SELECT id, score FROM"
                       "  (SELECT rowid AS id, bm25(products_fts) AS score FROM products_fts"
                       "   WHERE products_fts MATCH ? LIMIT ?)"
                       "  ORDER BY score, id LIMIT ?) AS f"
                       " JOIN products AS p ON p.rowid = f.id"
                       " ORDER BY f.score, f.id")
            .arg(productColumns);
    const Result<QSqlQuery*> statement = m_statements.get(sql, purpose);
    if (!statement)
        return statement.error();
    QSqlQuery& query = **statement;
    const StatementReset reset(query);
    query.bindValue(0, match);
    query.bindValue(1, maxRanked);
    // The exact hits already listed come up again among the matches.
    query.bindValue(2, limit + static_cast<int>(found.size()));
    if (!query.exec())
        return LocalStore::sqlError(query, purpose);
    const qsizetype exactHits = found.size();
    while (found.size() < limit && query.next()) {
        Product p = readProduct(query);
        if (!contains(found.first(exactHits), p.sku))
            found.append(std::move(p));
    }
    return std::nullopt;
}

Result<QList<Product>> Catalog::search(QStringView text, int limit) const
{
    QList<Product> found;
    if (limit <= 0)
        return found;
    limit = std::min(limit, maxRanked);
    const QStringView typed = text.trimmed().left(maxSearchLength);
    if (const std::optional<Error> e = addExactHits(typed, found))
        return *e;
    if (const QString match = matchExpression(typed); !match.isEmpty()) {
        if (const std::optional<Error> e = addMatches(match, limit, found))
            return *e;
    }
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

} // namespace stockline
