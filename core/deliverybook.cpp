#include "deliverybook.h"

#include "localstore.h"

#include <QHash>

namespace stockline {

DeliveryBook::DeliveryBook(const LocalStore& store) : m_store(store) {}

Status DeliveryBook::replace(const QList<Delivery>& deliveries)
{
    Transaction tx(m_store);
    Status done = replace(tx, deliveries);
    if (done)
        done = tx.commit();
    return done;
}

Status DeliveryBook::replace(Transaction& tx, const QList<Delivery>& deliveries)
{
    if (const Status ok = m_store.check(tx); !ok)
        return ok;
    for (qsizetype i = 0; i < deliveries.size(); ++i) {
        if (std::optional<Error> problem = deliveries.at(i).validate())
            return Error{QStringLiteral("deliveries[%1].%2").arg(i).arg(problem->field),
                         problem->message};
    }
    QSqlQuery clear = m_store.prepare(QStringLiteral("DELETE FROM deliveries"));
    if (!clear.exec())
        return LocalStore::sqlError(clear, QStringLiteral("replace the expected deliveries"));
    QSqlQuery head = m_store.prepare(
        QStringLiteral("INSERT INTO deliveries (id, supplier, location) VALUES (?, ?, ?)"));
    QSqlQuery line = m_store.prepare(
        QStringLiteral("INSERT INTO delivery_lines (delivery, line, sku, expected, received,"
                       " rejected) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Delivery& delivery : deliveries) {
        for (const QVariant& value :
             {QVariant(delivery.id), QVariant(delivery.supplier), QVariant(delivery.location)})
            head.addBindValue(value);
        if (!head.exec())
            return LocalStore::sqlError(head, QStringLiteral("store an expected delivery"));
        for (qsizetype i = 0; i < delivery.lines.size(); ++i) {
            const DeliveryLine& l = delivery.lines.at(i);
            for (const QVariant& value :
                 {QVariant(delivery.id), QVariant(i), QVariant(l.sku), QVariant(l.expected),
                  QVariant(l.received), QVariant(l.rejected)})
                line.addBindValue(value);
            if (!line.exec())
                return LocalStore::sqlError(line, QStringLiteral("store a delivery line"));
        }
    }
    return success();
}

Result<QList<Delivery>> DeliveryBook::open() const
{
    QSqlQuery heads = m_store.prepare(
        QStringLiteral("SELECT id, supplier, location FROM deliveries ORDER BY id"));
    if (!heads.exec())
        return LocalStore::sqlError(heads, QStringLiteral("read the expected deliveries"));
    QList<Delivery> deliveries;
    QHash<QString, qsizetype> index;
    while (heads.next()) {
        Delivery delivery;
        delivery.id = heads.value(0).toString();
        delivery.supplier = heads.value(1).toString();
        delivery.location = heads.value(2).toString();
        index.insert(delivery.id, deliveries.size());
        deliveries.append(delivery);
    }
    QSqlQuery lines = m_store.prepare(
        QStringLiteral("SELECT delivery, sku, expected, received, rejected FROM delivery_lines"
                       " ORDER BY delivery, line"));
    if (!lines.exec())
        return LocalStore::sqlError(lines, QStringLiteral("read the delivery lines"));
    while (lines.next()) {
        const auto at = index.constFind(lines.value(0).toString());
        if (at == index.constEnd())
            continue;
        deliveries[*at].lines.append(
            DeliveryLine{lines.value(1).toString(), lines.value(2).toLongLong(),
                         lines.value(3).toLongLong(), lines.value(4).toLongLong()});
    }
    return deliveries;
}

Result<std::optional<Delivery>> DeliveryBook::find(const QString& reference) const
{
    Result<QList<Delivery>> all = open();
    if (!all)
        return all.error();
    for (const Delivery& delivery : *all) {
        if (delivery.id == reference)
            return std::optional<Delivery>(delivery);
    }
    return std::optional<Delivery>();
}

} // namespace stockline
