#include "parkedsales.h"

#include "isotime.h"
#include "localstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stockline {

namespace {

QByteArray linesJson(const ParkedSale& sale)
{
    QJsonArray lines;
    for (const ParkedLine& parked : sale.lines) {
        const ReceiptLine& line = parked.line;
        lines.append(QJsonObject{{QStringLiteral("sku"), line.sku},
                                 {QStringLiteral("name"), line.name},
                                 {QStringLiteral("qty"), line.qty},
                                 {QStringLiteral("unitPrice"), line.unitPrice.minor()},
                                 {QStringLiteral("discount"), line.discount.minor()},
                                 {QStringLiteral("taxRate"), line.taxRate.milliPercent()},
                                 {QStringLiteral("note"), parked.note}});
    }
    const QJsonObject object{{QStringLiteral("orderDiscount"), sale.orderDiscount.minor()},
                             {QStringLiteral("lines"), lines}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void readLines(const QByteArray& json, ParkedSale& sale)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    sale.orderDiscount =
        Money::fromMinor(object.value(QStringLiteral("orderDiscount")).toInteger());
    const QJsonArray lines = object.value(QStringLiteral("lines")).toArray();
    for (const QJsonValue& value : lines) {
        const QJsonObject l = value.toObject();
        ReceiptLine line{l.value(QStringLiteral("sku")).toString(),
                         l.value(QStringLiteral("name")).toString(),
                         l.value(QStringLiteral("qty")).toInteger(),
                         Money::fromMinor(l.value(QStringLiteral("unitPrice")).toInteger()),
                         Money::fromMinor(l.value(QStringLiteral("discount")).toInteger()),
                         TaxRate::fromMilliPercent(l.value(QStringLiteral("taxRate")).toInt()),
                         QString()};
        sale.lines.append(ParkedLine{line, l.value(QStringLiteral("note")).toString()});
    }
}

ParkedSale fromRow(const QSqlQuery& query)
{
    ParkedSale sale;
    sale.id = query.value(0).toLongLong();
    sale.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    sale.label = query.value(2).toString();
    sale.total = Money::fromMinor(query.value(3).toLongLong());
    readLines(query.value(4).toByteArray(), sale);
    return sale;
}

} // namespace

ParkedSales::ParkedSales(const LocalStore& store) : m_store(store) {}

Result<qint64> ParkedSales::park(const ParkedSale& sale)
{
    if (sale.lines.isEmpty())
        return Error{QStringLiteral("lines"), QStringLiteral("there is nothing to park")};
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "INSERT INTO parked_sales (parked_at, label, total, lines) VALUES (?, ?, ?, ?)"));
    const QDateTime at = sale.at.isValid() ? sale.at : QDateTime::currentDateTimeUtc();
    query.addBindValue(isoUtc(at));
    query.addBindValue(sale.label.isNull() ? QStringLiteral("") : sale.label);
    query.addBindValue(sale.total.minor());
    query.addBindValue(QString::fromUtf8(linesJson(sale)));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("park the sale"));
    return query.lastInsertId().toLongLong();
}

Result<QList<ParkedSale>> ParkedSales::list() const
{
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT id, parked_at, label, total, lines FROM parked_sales ORDER BY id"));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("list the parked sales"));
    QList<ParkedSale> sales;
    while (query.next())
        sales.append(fromRow(query));
    return sales;
}

Result<ParkedSale> ParkedSales::take(qint64 id)
{
    Transaction tx(m_store);
    if (!tx.isOpen())
        return tx.status().error();
    QSqlQuery query = m_store.prepare(
        QStringLiteral("SELECT id, parked_at, label, total, lines FROM parked_sales WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read a parked sale"));
    if (!query.next())
        return Error{QStringLiteral("parked"),
                     QStringLiteral("parked sale %1 is no longer there").arg(id)};
    ParkedSale sale = fromRow(query);
    query.finish();
    QSqlQuery remove = m_store.prepare(QStringLiteral("DELETE FROM parked_sales WHERE id = ?"));
    remove.addBindValue(id);
    if (!remove.exec())
        return LocalStore::sqlError(remove, QStringLiteral("resume a parked sale"));
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return sale;
}

} // namespace stockline
