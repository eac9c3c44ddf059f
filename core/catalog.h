#pragma once

#include "error.h"
#include "product.h"
#include "statementcache.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace stockline {

class LocalStore;
class Transaction;

// The terminal's replica of the product catalog, and the search behind the till's
// search-as-you-type field. Statements are prepared once and reused: a search runs on every
// keystroke.
//
// Threading and lifetime: like the LocalStore it reads, used by the store's thread only;
// the store must outlive the catalog.
class Catalog
{
public:
    explicit Catalog(const LocalStore& store);

    // Inserts new SKUs and replaces existing ones, in one transaction. Every product is
    // validated first: the first bad one is an Error naming it and its field
    // ("products[3].price"), and nothing is written.
    [[nodiscard]] Status upsert(const QList<Product>& products);
    // The same inside the caller's open transaction, to write together with other tables.
    [[nodiscard]] Status upsert(Transaction& tx, const QList<Product>& products);
    // A full catalog from the server, inside the caller's transaction: upserts every product and
    // marks each active product it does not list inactive. Nothing is deleted: past sales still
    // name those SKUs, and a product the server dropped by mistake can come back as it was.
    [[nodiscard]] Status replaceAll(Transaction& tx, const QList<Product>& products);

    [[nodiscard]] Result<std::optional<Product>> bySku(QStringView sku) const;
    // The product with `code` as its barcode or one of its extraBarcodes, active or not; callers
    // decode scanned price- or weight-embedded codes to their lookup code first
    // (Barcode::parse). Should two SKUs share a code, an active one wins, then the first SKU.
    [[nodiscard]] Result<std::optional<Product>> byBarcode(QStringView code) const;
    // Active products whose SKU starts with `prefix` (ignoring case), by SKU, at most `limit`:
    // a shelf or a department to count ("DAI-" is the dairy shelf).
    [[nodiscard]] Result<QList<Product>> withSkuPrefix(QStringView prefix, int limit) const;
    // All products, active or not.
    [[nodiscard]] Result<qint64> count() const;

    // Active products for what a clerk typed: first an exact barcode hit (any of a product's
    // codes, as typed or the lookup code of a scanned price- or weight-embedded code; the name
    // search below indexes the first code only), then an exact SKU hit
    // (ignoring case), then products whose name, SKU or barcode has a word starting with each
    // typed word (all of them), best bm25 rank first. Case and diacritics do not matter.
    // A word's last character alone is not a prefix yet: "salted b" searches "salted" and
    // "b" searches nothing until "bu", because one character narrows nothing and would cost
    // a pass over most of the index. Typed text is only ever data: quotes, '*', OR, NEAR(,
    // '-', ':' and the like cannot form FTS5 syntax. Text without letters or digits gives no
    // products and no error.
    // At most `limit` products, and never more than maxRanked.
    [[nodiscard]] Result<QList<Product>> search(QStringView text, int limit) const;

    // The FTS5 query for typed text, empty when it has no words to search. Public for tests.
    [[nodiscard]] static QString matchExpression(QStringView text);

    // Typed text beyond this is ignored: no person types it, and it bounds the query's cost.
    static constexpr qsizetype maxSearchLength = 100;
    static constexpr int maxSearchWords = 8;
    // A search ranks at most this many matches (the first in row order): when a word of two
    // letters matches tens of thousands of products, ranking them all would take longer than
    // a keystroke may, and the clerk types on anyway. Fewer matches are ranked exactly.
    static constexpr int maxRanked = 1000;

private:
    [[nodiscard]] Status write(const QList<Product>& products);
    [[nodiscard]] Status writeExtraBarcodes(const Product& p);
    [[nodiscard]] Status deactivateAllBut(const QList<Product>& products);
    [[nodiscard]] Result<std::optional<Product>> first(const QString& sql, const QString& purpose,
                                                       const QVariantList& values) const;
    [[nodiscard]] std::optional<Error> addExactHits(QStringView typed, QList<Product>& found) const;
    [[nodiscard]] std::optional<Error> addMatches(const QString& match, int limit,
                                                  QList<Product>& found) const;

    const LocalStore& m_store;
    mutable StatementCache m_statements;
};

} // namespace stockline
