// The back office's catalog side on the server (issue 20; sync/PROTOCOL.md, "Back office"):
// dispatch, the stored answers of writes, `product` with its optimistic version check, and the
// manager's `products` list.

#include "answer.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace stockline::sync {

using namespace sqlstore;
using namespace backoffice;
using namespace Qt::StringLiterals;

namespace {

const QString entryColumns =
    u"SELECT sku, barcode, name, price, tax_rate, active, department, reorder_point, unit, "
    "version, cost, supplier FROM products"_s;

CatalogEntry readEntry(const QSqlQuery& q)
{
    CatalogEntry e;
    e.product = sqlrows::product(q);
    e.product.version = q.value(9).toLongLong();
    e.cost = Money::fromMinor(q.value(10).toLongLong());
    e.supplier = q.value(11).toString();
    return e;
}

// A LIKE pattern that finds `text` anywhere, with its own % and _ taken literally.
QString containing(const QString& text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

Result<BackOfficeOutcome> SqlServerStore::backOffice(const BackOfficeRequest& request,
                                                     const QString& by, const QDateTime& now)
{
    const BackOfficeCall call{request, by, now.toMSecsSinceEpoch()};
    if (request.isWrite())
        return backOfficeWrite(call);
    Result<QJsonObject> answer =
        refusal(answerCode::invalidMessage,
                u"type: the store does not answer %1"_s.arg(request.type), u"type"_s);
    if (const auto* query = request.as<ProductQuery>())
        answer = listProducts(*query);
    else if (request.as<PriceList>())
        answer = scheduledPrices();
    else if (request.as<TerminalList>())
        answer = listTerminals();
    else if (isPurchasing(request))
        answer = purchasingRead(call);
    if (!answer)
        return answer.error();
    BackOfficeOutcome outcome;
    outcome.answer = std::move(answer).value();
    return outcome;
}

// Catalog writes run in one write transaction with their stored answer; the others reuse the
// administration's own transactions and store their answer right after (a crash between the
// two makes a retry do it again, which for a staff or terminal edit changes nothing more).
Result<BackOfficeOutcome> SqlServerStore::backOfficeWrite(const BackOfficeCall& call)
{
    const BackOfficeRequest& request = call.request;
    BackOfficeOutcome outcome;
    const bool catalog = request.as<ProductEdit>() || request.as<PriceEdit>() ||
                         request.as<PriceBulk>() || isPurchasing(request);
    std::optional<Writer> writer;
    if (catalog) {
        writer.emplace(*this, call.nowMs);
        if (auto s = writer->begin(); !s)
            return s.error();
    }
    const Result<std::optional<QJsonObject>> stored = storedAnswer(request);
    if (!stored)
        return stored.error();
    if (*stored) {
        outcome.answer = **stored;
        return outcome;
    }
    Result<QJsonObject> answer = writer ? writeBody(*writer, call) : QJsonObject();
    if (!writer) {
        if (const auto* cancel = request.as<PriceCancel>())
            answer = cancelPrice(call, cancel->change);
        else if (const auto* staff = request.as<StaffEdit>())
            answer = editStaff(*staff, outcome);
        else if (const auto* revoke = request.as<TerminalRevoke>())
            answer = revokeByManager(*revoke);
        else
            answer = pairingCodeFor(call, *request.as<PairingCodeRequest>());
    }
    if (!answer)
        return answer.error();
    outcome.answer = std::move(answer).value();
    // A refusal is not stored: the same request again is checked again. A pairing code is not
    // stored either: only its hash may be kept, and a retry simply makes a new one.
    if (!isOk(outcome.answer) || request.as<PairingCodeRequest>())
        return outcome;
    if (auto s = storeAnswer(call, outcome.answer); !s)
        return s.error();
    if (writer) {
        Result<CommitEffects> committed = writer->commit();
        if (!committed)
            return committed.error();
        outcome.effects = std::move(committed).value();
        for (const Product& p : std::as_const(outcome.effects.products))
            m_knownProducts.insert(p.sku);
    }
    return outcome;
}

Result<QJsonObject> SqlServerStore::writeBody(Writer& writer, const BackOfficeCall& call)
{
    if (const auto* edit = call.request.as<ProductEdit>())
        return editProduct(writer, call, *edit);
    if (const auto* prices = call.request.as<PriceEdit>())
        return changePrices(writer, call, *prices);
    if (isPurchasing(call.request))
        return purchasingWrite(writer, call);
    return changePricesInBulk(writer, call, *call.request.as<PriceBulk>());
}

Result<std::optional<QJsonObject>> SqlServerStore::storedAnswer(const BackOfficeRequest& request)
{
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT request_hash, answer FROM catalog_changes WHERE id = ?"_s);
    if (auto s = run(q, {request.id}, u"read a stored answer"_s); !s)
        return s.error();
    if (!q.next())
        return std::optional<QJsonObject>();
    if (q.value(0).toString().toLatin1() != request.fingerprint)
        return std::optional<QJsonObject>(
            refusal(answerCode::invalidMessage,
                    u"id: %1 was already used for another request"_s.arg(request.id), u"id"_s));
    QJsonObject answer = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    answer.insert("replay"_L1, true);
    return std::optional<QJsonObject>(answer);
}

Status SqlServerStore::storeAnswer(const BackOfficeCall& call, const QJsonObject& answer)
{
    QSqlQuery q = newQuery();
    q.prepare(u"INSERT INTO catalog_changes (id, request_hash, type, by_staff, at, answer) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s);
    return run(q,
               {call.request.id, QString::fromLatin1(call.request.fingerprint), call.request.type,
                call.by, call.nowMs, detailJson(answer)},
               u"store a back-office answer"_s);
}

Result<std::optional<CatalogEntry>> SqlServerStore::catalogEntry(const QString& sku)
{
    QSqlQuery q = newQuery();
    q.prepare(entryColumns + u" WHERE sku = ?"_s);
    if (auto s = run(q, {sku}, u"read a product"_s); !s)
        return s.error();
    if (!q.next())
        return std::optional<CatalogEntry>();
    QList<CatalogEntry> entries{readEntry(q)};
    if (auto s = readBarcodes(entries); !s)
        return s.error();
    return std::optional<CatalogEntry>(entries.first());
}

Status SqlServerStore::readBarcodes(QList<CatalogEntry>& entries)
{
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT barcode FROM product_barcodes WHERE sku = ? ORDER BY n"_s);
    for (CatalogEntry& e : entries) {
        if (auto s = run(q, {e.product.sku}, u"read barcodes"_s); !s)
            return s;
        while (q.next())
            e.barcodes.append(q.value(0).toString());
    }
    return success();
}

Status SqlServerStore::writeBarcodes(const QString& sku, const QStringList& barcodes)
{
    QSqlQuery q = newQuery();
    q.prepare(u"DELETE FROM product_barcodes WHERE sku = ?"_s);
    if (auto s = run(q, {sku}, u"replace barcodes"_s); !s)
        return s;
    q.prepare(u"INSERT INTO product_barcodes (sku, n, barcode) VALUES (?, ?, ?)"_s);
    for (qsizetype i = 0; i < barcodes.size(); ++i) {
        if (auto s = run(q, {sku, i, barcodes.at(i)}, u"store a barcode"_s); !s)
            return s;
    }
    return success();
}

Status SqlServerStore::addExtraBarcodes(QList<Product>& products, const QString& selectSkus,
                                        const QVariant& value)
{
    QSqlQuery q = newQuery();
    q.prepare(
        u"SELECT sku, barcode FROM product_barcodes WHERE n > 0 AND sku IN (SELECT sku FROM "_s +
        selectSkus + u") ORDER BY sku, n"_s);
    if (auto s = run(q, {value}, u"read extra barcodes"_s); !s)
        return s;
    QHash<QString, QStringList> extra;
    while (q.next())
        extra[q.value(0).toString()].append(q.value(1).toString());
    if (extra.isEmpty())
        return success();
    for (Product& p : products)
        p.extraBarcodes = extra.value(p.sku);
    return success();
}

Result<QJsonObject> SqlServerStore::versionConflict(const QString& sku, const QString& field)
{
    const Result<std::optional<CatalogEntry>> current = catalogEntry(sku);
    if (!current)
        return current.error();
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT changed_by, changed_at FROM products WHERE sku = ?"_s);
    if (auto s = run(q, {sku}, u"read who changed a product"_s); !s)
        return s.error();
    const bool found = q.next() && current->has_value();
    const QString by = found ? q.value(0).toString() : QString();
    const qint64 at = found ? q.value(1).toLongLong() : 0;
    QJsonObject answer = refusal(answerCode::versionConflict,
                                 found ? u"%1 was changed meanwhile (now version %2%3)"_s.arg(sku)
                                             .arg((*current)->product.version)
                                             .arg(by.isEmpty() ? QString() : u", by %1"_s.arg(by))
                                       : u"%1 is gone"_s.arg(sku),
                                 field);
    if (found) {
        answer.insert("current"_L1, catalogEntryJson(**current));
        answer.insert("changedBy"_L1, by);
        if (at > 0)
            answer.insert("changedAt"_L1, fromMs(at).toString(Qt::ISODateWithMs));
    }
    return answer;
}

Result<QJsonObject> SqlServerStore::editProduct(Writer& writer, const BackOfficeCall& call,
                                                const ProductEdit& edit)
{
    const CatalogEntry& e = edit.entry;
    const Product& p = e.product;
    const Result<std::optional<CatalogEntry>> current = catalogEntry(p.sku);
    if (!current)
        return current.error();
    if (!*current && edit.expectedVersion > 0)
        return refusal(answerCode::notFound, u"there is no product %1"_s.arg(p.sku),
                       u"product.sku"_s);
    if (*current && (*current)->product.version != edit.expectedVersion)
        return versionConflict(p.sku, u"expectedVersion"_s);
    QSqlQuery q = newQuery();
    q.prepare(u"SELECT sku FROM product_barcodes WHERE barcode = ? AND sku <> ?"_s);
    for (qsizetype i = 0; i < e.barcodes.size(); ++i) {
        if (auto s = run(q, {e.barcodes.at(i), p.sku}, u"look a barcode up"_s); !s)
            return s.error();
        if (q.next())
            return refusal(answerCode::invalidMessage,
                           u"product.barcodes[%1]: %2 already scans %3"_s.arg(i).arg(
                               e.barcodes.at(i), q.value(0).toString()),
                           u"product.barcodes[%1]"_s.arg(i));
    }
    if (*current && (*current)->product.unit != p.unit) {
        if (auto s = convertUnit(writer, p.sku, (*current)->product.unit, p.unit); !s)
            return s.error();
    }
    const qint64 version = edit.expectedVersion + 1;
    q.prepare(u"INSERT INTO products (sku, barcode, name, price, tax_rate, active, department, "
              "reorder_point, unit, cost, supplier, version, changed_by, changed_at, cursor) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE "
              "SET barcode = excluded.barcode, name = excluded.name, price = excluded.price, "
              "tax_rate = excluded.tax_rate, active = excluded.active, "
              "department = excluded.department, reorder_point = excluded.reorder_point, "
              "unit = excluded.unit, cost = excluded.cost, supplier = excluded.supplier, "
              "version = excluded.version, changed_by = excluded.changed_by, "
              "changed_at = excluded.changed_at, cursor = excluded.cursor"_s);
    if (auto s = run(q,
                     {p.sku, p.barcode, p.name, p.price.minor(), p.taxRate.milliPercent(),
                      p.active ? 1 : 0, p.department, p.reorderPoint, QString(unitName(p.unit)),
                      e.cost.minor(), e.supplier, version, call.by, call.nowMs, writer.cursor()},
                     u"store a product"_s);
        !s)
        return s.error();
    if (auto s = writeBarcodes(p.sku, e.barcodes); !s)
        return s.error();
    Product changed = p;
    changed.version = version;
    changed.extraBarcodes = e.barcodes.mid(1);
    writer.productChanged(changed);
    qCInfo(lcServer).noquote() << "product" << p.sku << "version" << version << "by" << call.by;
    return okAnswer({{"version"_L1, version}});
}

Result<QJsonObject> SqlServerStore::listProducts(const ProductQuery& query)
{
    const QString where =
        u" WHERE (? = '' OR LOWER(sku) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\' "
        "OR sku IN (SELECT sku FROM product_barcodes WHERE barcode = ?)) "
        "AND (? = '' OR department = ?) AND (? = '' OR supplier = ?)"_s;
    const QString pattern = containing(query.query);
    // A null QString binds as NULL, and NULL = '' is not true.
    const auto text = [](const QString& s) { return QVariant(s.isNull() ? u""_s : s); };
    const auto bind = [&](QSqlQuery& q) {
        for (const QVariant& v : {text(query.query), text(pattern), text(pattern),
                                  text(query.query), text(query.department), text(query.department),
                                  text(query.supplier), text(query.supplier)})
            q.addBindValue(v);
    };
    QSqlQuery count = newQuery();
    count.prepare(u"SELECT COUNT(*) FROM products"_s + where);
    bind(count);
    if (!count.exec() || !count.next())
        return storageError(count, u"count products"_s);
    QSqlQuery q = newQuery();
    q.prepare(entryColumns + where + u" ORDER BY sku LIMIT ? OFFSET ?"_s);
    bind(q);
    q.addBindValue(query.limit);
    q.addBindValue(query.offset);
    if (!q.exec())
        return storageError(q, u"list products"_s);
    QList<CatalogEntry> entries;
    while (q.next())
        entries.append(readEntry(q));
    if (auto s = readBarcodes(entries); !s)
        return s.error();
    QJsonArray rows;
    for (const CatalogEntry& e : std::as_const(entries))
        rows.append(catalogEntryJson(e));
    return okAnswer({{"rows"_L1, rows}, {"total"_L1, count.value(0).toLongLong()}});
}

} // namespace stockline::sync
