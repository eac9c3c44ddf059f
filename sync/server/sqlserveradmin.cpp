#include "checks.h"
#include "ids.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlrows.h"
#include "sqlserverstore_p.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

// ---- administration

Status SqlServerStore::addLocation(const Location& location)
{
    if (const std::optional<Error> problem = location.validate())
        return *problem;
    QSqlQuery q = newQuery();
    // Adding a location again renames it: set-up scripts can be run twice.
    q.prepare(QStringLiteral("INSERT INTO locations (id, name) VALUES (?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
    if (auto s = run(q, {location.id, location.name}, QStringLiteral("store a location")); !s)
        return s;
    m_knownLocations.insert(location.id);
    return success();
}

Result<QString> SqlServerStore::addTerminal(const QString& id, Role role)
{
    if (const Problem problem = checkId("id", id))
        return *problem;
    const QString token = newToken();
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("INSERT INTO terminals (id, role, token_hash) VALUES (?, ?, ?) "
                             "ON CONFLICT (id) DO NOTHING"));
    if (auto s = run(q, {id, roleName(role), QString::fromLatin1(tokenHash(token))},
                     QStringLiteral("enrol a terminal"));
        !s)
        return s.error();
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("id"),
                     QStringLiteral("a terminal %1 is enrolled already: revoke it and enrol the "
                                    "device under a new ID")
                         .arg(id)};
    qCInfo(lcServer).noquote() << "terminal" << id << "enrolled as" << roleName(role);
    return token;
}

Status SqlServerStore::revokeTerminal(const QString& id)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("UPDATE terminals SET revoked = 1 WHERE id = ?"));
    if (auto s = run(q, {id}, QStringLiteral("revoke a terminal")); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("id"), QStringLiteral("there is no terminal %1").arg(id)};
    qCInfo(lcServer).noquote() << "terminal" << id << "revoked";
    return success();
}

Status SqlServerStore::importCatalog(const QList<Product>& products)
{
    for (qsizetype i = 0; i < products.size(); ++i) {
        if (const std::optional<Error> problem = products.at(i).validate()) {
            return Error{QStringLiteral("products[%1].%2").arg(i).arg(problem->field),
                         QStringLiteral("%1 (SKU '%2')").arg(problem->message, products.at(i).sku)};
        }
    }
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "INSERT INTO products (sku, barcode, name, price, tax_rate, active, department, "
            "reorder_point, unit, cost, cursor, changed_by, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 0), ?, 'import', ?) ON CONFLICT (sku) "
            "DO UPDATE SET barcode = excluded.barcode, name = excluded.name, "
            "price = excluded.price, tax_rate = excluded.tax_rate, active = excluded.active, "
            "department = excluded.department, reorder_point = excluded.reorder_point, "
            "unit = excluded.unit, cursor = excluded.cursor, version = products.version + 1, "
            "changed_by = excluded.changed_by, changed_at = excluded.changed_at, "
            // No cost given: the stored one (from receiving or an edit) stays.
            "cost = CASE WHEN CAST(? AS BIGINT) IS NULL THEN products.cost ELSE excluded.cost "
            "END RETURNING version")))
        return storageError(q, QStringLiteral("prepare the catalog import"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    for (Product p : products) {
        const Result<std::optional<Unit>> was = storedUnit(p.sku);
        if (!was)
            return was.error();
        if (*was && **was != p.unit) {
            if (auto s = convertUnit(writer, p.sku, **was, p.unit); !s)
                return s;
        }
        const QVariant cost =
            p.cost ? QVariant(p.cost->minor()) : QVariant(QMetaType::fromType<qint64>());
        if (auto s = run(q,
                         {p.sku, p.barcode, p.name, p.price.minor(), p.taxRate.milliPercent(),
                          p.active ? 1 : 0, p.department, p.reorderPoint, QString(unitName(p.unit)),
                          cost, writer.cursor(), writer.now(), cost},
                         QStringLiteral("store a product"));
            !s)
            return s;
        p.version = q.next() ? q.value(0).toLongLong() : 1;
        q.finish(); // RETURNING: SQLite holds the statement open until it is finished
        // The import's one barcode replaces what the back office gave the product.
        if (auto s =
                writeBarcodes(p.sku, p.barcode.isEmpty() ? QStringList() : QStringList{p.barcode});
            !s)
            return s;
        writer.productChanged(p);
    }
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    for (const Product& p : products)
        m_knownProducts.insert(p.sku);
    return success();
}

Result<std::optional<Unit>> SqlServerStore::storedUnit(const QString& sku)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("SELECT unit FROM products WHERE sku = ?"));
    if (auto s = run(q, {sku}, QStringLiteral("read a product's unit")); !s)
        return s.error();
    if (!q.next())
        return std::optional<Unit>();
    return std::optional<Unit>(unitFromName(q.value(0).toString()).value_or(Unit::Each));
}

Status SqlServerStore::convertUnit(Writer& writer, const QString& sku, Unit from, Unit to)
{
    // Between two measures (kg → l) the base units stay: 1000 g become 1000 ml.
    const qint64 factor =
        isMeasured(from) == isMeasured(to) ? 1 : (isMeasured(to) ? baseUnitsPerMeasure : -1);
    QSqlQuery read = newQuery();
    read.prepare(QStringLiteral("SELECT location, on_hand, reserved FROM levels WHERE sku = ? "
                                "ORDER BY location"));
    if (auto s = run(read, {sku}, QStringLiteral("read the levels to convert")); !s)
        return s;
    QList<StockLevel> levels;
    while (read.next())
        levels.append(StockLevel{sku, read.value(0).toString(), read.value(1).toLongLong(),
                                 read.value(2).toLongLong(), 0});
    QSqlQuery update = newQuery();
    update.prepare(QStringLiteral(
        "UPDATE levels SET on_hand = ?, reserved = 0, version = version + 1, cursor = ? "
        "WHERE sku = ? AND location = ? RETURNING on_hand, reserved, version"));
    const Origin origin{QString(), 0, QString(), QStringLiteral("unit")};
    // factor 0.001 divides; what the division drops and the holds released are named too.
    const QJsonObject common{{QStringLiteral("from"), QString(unitName(from))},
                             {QStringLiteral("to"), QString(unitName(to))},
                             {QStringLiteral("factor"),
                              factor < 0 ? 1.0 / double(baseUnitsPerMeasure) : double(factor)}};
    Change change;
    for (const StockLevel& level : std::as_const(levels)) {
        const qint64 onHand =
            factor < 0 ? level.onHand / baseUnitsPerMeasure : level.onHand * factor;
        QJsonObject detail = common;
        if (factor < 0)
            detail.insert(QStringLiteral("writtenOff"), level.onHand % baseUnitsPerMeasure);
        if (level.reserved > 0)
            detail.insert(QStringLiteral("released"), level.reserved);
        if (auto s = run(update, {onHand, writer.cursor(), sku, level.location},
                         QStringLiteral("convert a level"));
            !s || !update.next())
            return s ? storageError(update, QStringLiteral("convert a level")) : s;
        change.levels.append(StockLevel{sku, level.location, update.value(0).toLongLong(),
                                        update.value(1).toLongLong(),
                                        update.value(2).toLongLong()});
        if (auto s = writer.ledger(origin, sku, level.location, onHand - level.onHand,
                                   -level.reserved, detailJson(detail));
            !s)
            return s;
    }
    QSqlQuery release = newQuery();
    release.prepare(QStringLiteral("DELETE FROM reservations WHERE sku = ?"));
    if (auto s = run(release, {sku}, QStringLiteral("release the converted reservations")); !s)
        return s;
    writer.keep(change);
    return success();
}

Status SqlServerStore::importStock(const QList<StockMovement>& stock)
{
    for (qsizetype i = 0; i < stock.size(); ++i) {
        const StockMovement& m = stock.at(i);
        const QString entry = QStringLiteral("stock[%1].").arg(i);
        if (m.qty < 0 || m.qty > maxQuantity)
            return Error{entry + QStringLiteral("qty"),
                         QStringLiteral("must be from 0 to %1").arg(maxQuantity)};
        const Result<bool> product = productExists(m.sku);
        if (!product)
            return product.error();
        if (!*product)
            return Error{entry + QStringLiteral("sku"),
                         QStringLiteral("there is no product %1").arg(m.sku)};
        const Result<bool> location = locationExists(m.location);
        if (!location)
            return location.error();
        if (!*location)
            return Error{entry + QStringLiteral("location"),
                         QStringLiteral("there is no location %1").arg(m.location)};
    }
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    const Origin origin{QString(), 0, QString(), QStringLiteral("receive")};
    const QString detail = detailJson({{QStringLiteral("import"), true}});
    Change change;
    for (const StockMovement& m : stock) {
        if (auto s = writer.addStock(origin, change, m.sku, m.location, m.qty, detail); !s)
            return s;
    }
    writer.keep(change);
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    return success();
}

Result<QList<StockLevel>> SqlServerStore::levels(const QString& sku)
{
    QSqlQuery q = newQuery();
    if (sku.isEmpty()) {
        q.prepare(levelColumns + QStringLiteral(" ORDER BY sku, location"));
    } else {
        q.prepare(levelColumns + QStringLiteral(" WHERE sku = ? ORDER BY location"));
        q.addBindValue(sku);
    }
    if (!q.exec())
        return storageError(q, QStringLiteral("read levels"));
    QList<StockLevel> result;
    while (q.next())
        result.append(sqlrows::level(q));
    return result;
}

Status SqlServerStore::putStaff(const StaffMember& member)
{
    if (const std::optional<Error> problem = member.validate())
        return *problem;
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "INSERT INTO staff (name, role, pin_salt, pin_iterations, pin_hash, active, cursor)"
            " VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (name) DO UPDATE SET"
            " role = excluded.role, pin_salt = excluded.pin_salt,"
            " pin_iterations = excluded.pin_iterations, pin_hash = excluded.pin_hash,"
            " active = 1, cursor = excluded.cursor")))
        return storageError(q, QStringLiteral("prepare storing staff"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    if (auto s = run(q,
                     {member.name, staffRoleName(member.role),
                      QString::fromLatin1(member.pin.salt.toBase64()), member.pin.iterations,
                      QString::fromLatin1(member.pin.hash.toBase64()), writer.cursor()},
                     QStringLiteral("store staff"));
        !s)
        return s;
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Status SqlServerStore::removeStaff(const QString& name)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "UPDATE staff SET active = 0, cursor = ? WHERE name = ? AND active = 1")))
        return storageError(q, QStringLiteral("prepare removing staff"));
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s;
    if (auto s = run(q, {writer.cursor(), name}, QStringLiteral("remove staff")); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("name"),
                     QStringLiteral("no active staff named '%1'").arg(name)};
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Result<QList<StaffMember>> SqlServerStore::staff()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT name, role, pin_salt, pin_iterations, pin_hash FROM staff"
                               " WHERE active = 1 ORDER BY name")))
        return storageError(q, QStringLiteral("read staff"));
    QList<StaffMember> result;
    while (q.next()) {
        StaffMember m;
        m.name = q.value(0).toString();
        m.role = staffRoleFromName(q.value(1).toString()).value_or(StaffRole::Cashier);
        m.pin.salt = QByteArray::fromBase64(q.value(2).toString().toLatin1());
        m.pin.iterations = q.value(3).toInt();
        m.pin.hash = QByteArray::fromBase64(q.value(4).toString().toLatin1());
        result.append(m);
    }
    return result;
}

Result<StoreSettings> SqlServerStore::storeSettings()
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'store'"));
    if (!q.exec())
        return storageError(q, QStringLiteral("read the store settings"));
    if (!q.next())
        return StoreSettings();
    return StoreSettings::fromJson(
        QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

Status SqlServerStore::setStoreSettings(const StoreSettings& settings)
{
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES ('store', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    return run(q,
               {QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact))},
               QStringLiteral("store the store settings"));
}

Status SqlServerStore::importDeliveries(const QList<Delivery>& deliveries)
{
    QSet<QString> references;
    for (qsizetype i = 0; i < deliveries.size(); ++i) {
        const Delivery& d = deliveries.at(i);
        const QString entry = QStringLiteral("deliveries[%1].").arg(i);
        if (const std::optional<Error> problem = d.validate())
            return Error{entry + problem->field, problem->message, problem->code};
        if (references.contains(d.id))
            return Error{entry + QStringLiteral("reference"),
                         QStringLiteral("%1 is listed twice").arg(d.id)};
        references.insert(d.id);
        if (const Status known = checkDeliveryKnown(d, entry); !known)
            return known;
    }
    QSqlQuery head = newQuery();
    QSqlQuery line = newQuery();
    if (!head.prepare(QStringLiteral("INSERT INTO deliveries (id, supplier, location, imported_at,"
                                     " cursor) VALUES (?, ?, ?, ?, ?)")) ||
        !line.prepare(QStringLiteral(
            "INSERT INTO delivery_lines (delivery, sku, expected) VALUES (?, ?, ?)")))
        return storageError(head.lastError().isValid() ? head : line,
                            QStringLiteral("prepare importing deliveries"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Writer writer(*this, now);
    if (auto s = writer.begin(); !s)
        return s;
    for (const Delivery& d : deliveries) {
        if (auto s = run(head, {d.id, d.supplier, d.location, now, writer.cursor()},
                         QStringLiteral("store a delivery"));
            !s)
            return s;
        for (const DeliveryLine& l : d.lines) {
            if (auto s =
                    run(line, {d.id, l.sku, l.expected}, QStringLiteral("store a delivery line"));
                !s)
                return s;
        }
    }
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    return committed ? success() : Status(committed.error());
}

Status SqlServerStore::checkDeliveryKnown(const Delivery& delivery, const QString& entry)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral("SELECT 1 FROM deliveries WHERE id = ?")))
        return storageError(q, QStringLiteral("prepare reading deliveries"));
    if (auto s = run(q, {delivery.id}, QStringLiteral("read deliveries")); !s)
        return s;
    if (q.next())
        return Error{entry + QStringLiteral("reference"),
                     QStringLiteral("%1 was imported before").arg(delivery.id)};
    const Result<bool> location = locationExists(delivery.location);
    if (!location)
        return location.error();
    if (!*location)
        return Error{entry + QStringLiteral("location"),
                     QStringLiteral("there is no location %1").arg(delivery.location)};
    for (qsizetype i = 0; i < delivery.lines.size(); ++i) {
        const Result<bool> product = productExists(delivery.lines.at(i).sku);
        if (!product)
            return product.error();
        if (!*product)
            return Error{entry + QStringLiteral("lines[%1].sku").arg(i),
                         QStringLiteral("there is no product %1").arg(delivery.lines.at(i).sku)};
    }
    return success();
}

Result<QList<Delivery>> SqlServerStore::deliveries(bool withClosed)
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT d.id, d.supplier, d.location, d.closed, l.sku, l.expected,"
                               " l.received, l.rejected FROM deliveries d"
                               " JOIN delivery_lines l ON l.delivery = d.id%1"
                               " ORDER BY d.id, l.sku")
                    .arg(withClosed ? QString() : QStringLiteral(" WHERE d.closed = 0"))))
        return storageError(q, QStringLiteral("read deliveries"));
    QList<Delivery> result;
    while (q.next()) {
        if (result.isEmpty() || result.last().id != q.value(0).toString())
            result.append(Delivery{q.value(0).toString(),
                                   q.value(1).toString(),
                                   q.value(2).toString(),
                                   {},
                                   q.value(3).toInt() != 0});
        result.last().lines.append(DeliveryLine{q.value(4).toString(), q.value(5).toLongLong(),
                                                q.value(6).toLongLong(), q.value(7).toLongLong()});
    }
    return result;
}

Result<Delivery> SqlServerStore::closeDelivery(const QString& reference)
{
    Writer writer(*this, QDateTime::currentMSecsSinceEpoch());
    if (auto s = writer.begin(); !s)
        return s.error();
    Result<std::optional<Delivery>> found = readDelivery(reference);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{QStringLiteral("reference"),
                     QStringLiteral("there is no delivery %1").arg(reference)};
    Delivery delivery = std::move(found).value().value();
    const Error closedAlready{QStringLiteral("reference"),
                              QStringLiteral("delivery %1 is closed already").arg(reference)};
    if (delivery.closed)
        return closedAlready;
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral(
            "UPDATE deliveries SET closed = 1, cursor = ? WHERE id = ? AND closed = 0")))
        return storageError(q, QStringLiteral("prepare closing a delivery"));
    if (auto s = run(q, {writer.cursor(), reference}, QStringLiteral("close a delivery")); !s)
        return s.error();
    if (q.numRowsAffected() != 1) // another command closed it since it was read
        return closedAlready;
    // The cursor moves, so a running server sees another writer and sends its docks the list.
    Change change;
    change.deliveries = true;
    writer.keep(change);
    writer.markChanged();
    if (const Result<CommitEffects> committed = writer.commit(); !committed)
        return committed.error();
    delivery.closed = true;
    return delivery;
}

Result<std::optional<Delivery>> SqlServerStore::readDelivery(const QString& reference)
{
    QSqlQuery q = newQuery();
    if (!q.prepare(QStringLiteral("SELECT d.supplier, d.location, d.closed, l.sku, l.expected,"
                                  " l.received, l.rejected FROM deliveries d"
                                  " JOIN delivery_lines l ON l.delivery = d.id"
                                  " WHERE d.id = ? ORDER BY l.sku")))
        return storageError(q, QStringLiteral("prepare reading a delivery"));
    if (auto s = run(q, {reference}, QStringLiteral("read a delivery")); !s)
        return s.error();
    std::optional<Delivery> result;
    while (q.next()) {
        if (!result)
            result = Delivery{reference,
                              q.value(0).toString(),
                              q.value(1).toString(),
                              {},
                              q.value(2).toInt() != 0};
        result->lines.append(DeliveryLine{q.value(3).toString(), q.value(4).toLongLong(),
                                          q.value(5).toLongLong(), q.value(6).toLongLong()});
    }
    return result;
}

Result<QList<ApprovalRecord>> SqlServerStore::approvals()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT terminal, seq, at, recorded_at, action, staff, approver,"
                               " detail FROM approvals ORDER BY recorded_at, terminal, seq")))
        return storageError(q, QStringLiteral("read approvals"));
    QList<ApprovalRecord> result;
    while (q.next())
        result.append(ApprovalRecord{
            q.value(0).toString(), q.value(1).toLongLong(), fromMs(q.value(2).toLongLong()),
            fromMs(q.value(3).toLongLong()), q.value(4).toString(), q.value(5).toString(),
            q.value(6).toString(), q.value(7).toString()});
    return result;
}

Result<QList<Location>> SqlServerStore::locations()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT id, name FROM locations ORDER BY id")))
        return storageError(q, QStringLiteral("read locations"));
    QList<Location> result;
    while (q.next())
        result.append(Location{q.value(0).toString(), q.value(1).toString()});
    return result;
}

Result<QList<TerminalListing>> SqlServerStore::terminals()
{
    // One pass over the ledger for every terminal's latest row (no index by terminal: the hot
    // path would pay for it on every row it writes).
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral(
            "SELECT t.id, t.role, t.revoked, t.last_seq, t.last_seen, COALESCE(l.location, '') "
            "FROM terminals t "
            "LEFT JOIN (SELECT terminal, MAX(id) AS id FROM ledger WHERE terminal <> '' "
            "GROUP BY terminal) latest ON latest.terminal = t.id "
            "LEFT JOIN ledger l ON l.id = latest.id ORDER BY t.id")))
        return storageError(q, QStringLiteral("read terminals"));
    QList<TerminalListing> result;
    while (q.next()) {
        TerminalListing t;
        t.id = q.value(0).toString();
        t.role = roleFromName(q.value(1).toString()).value_or(Role::Pos);
        t.revoked = q.value(2).toLongLong() != 0;
        t.lastSeq = q.value(3).toLongLong();
        if (const qint64 seen = q.value(4).toLongLong(); seen > 0)
            t.lastSeen = fromMs(seen);
        t.location = q.value(5).toString();
        result.append(t);
    }
    return result;
}

Result<QList<Shortage>> SqlServerStore::openShortages()
{
    QSqlQuery q = newQuery();
    if (!q.exec(QStringLiteral("SELECT id, sku, location, qty, terminal, sale, at FROM shortages "
                               "WHERE resolved_at IS NULL ORDER BY id")))
        return storageError(q, QStringLiteral("read shortages"));
    QList<Shortage> result;
    while (q.next()) {
        Shortage s;
        s.id = q.value(0).toLongLong();
        s.sku = q.value(1).toString();
        s.location = q.value(2).toString();
        s.qty = q.value(3).toLongLong();
        s.terminal = q.value(4).toString();
        s.sale = q.value(5).toString();
        s.at = fromMs(q.value(6).toLongLong());
        result.append(s);
    }
    return result;
}

Status SqlServerStore::resolveShortage(qint64 id, const QString& by)
{
    if (by.trimmed().isEmpty() || by.size() > maxTextLength)
        return Error{QStringLiteral("by"),
                     QStringLiteral("must name who resolved it, in at most %1 characters")
                         .arg(maxTextLength)};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Writer writer(*this, now);
    if (auto s = writer.begin(); !s)
        return s;
    QSqlQuery q = newQuery();
    q.prepare(QStringLiteral("UPDATE shortages SET resolved_at = ?, resolved_by = ? "
                             "WHERE id = ? AND resolved_at IS NULL RETURNING sku, location"));
    if (auto s = run(q, {now, by, id}, QStringLiteral("resolve a shortage")); !s)
        return s;
    if (!q.next())
        return Error{
            QStringLiteral("id"),
            QStringLiteral("shortage %1 is not open (unknown or resolved already)").arg(id)};
    const QString sku = q.value(0).toString();
    const QString location = q.value(1).toString();
    q.finish();
    // An audit event only: resolving moves no stock.
    const Origin origin{QString(), 0, QString(), QStringLiteral("resolve")};
    if (auto s = writer.ledger(
            origin, sku, location, 0, 0,
            detailJson({{QStringLiteral("shortage"), id}, {QStringLiteral("by"), by}}));
        !s)
        return s;
    writer.markChanged();
    const Result<CommitEffects> committed = writer.commit();
    if (!committed)
        return committed.error();
    return success();
}

} // namespace stockline::sync
