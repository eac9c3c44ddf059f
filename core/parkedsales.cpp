#include "parkedsales.h"

#include "isotime.h"
#include "localstore.h"
#include "receiptnumbers.h"

#include <QCoreApplication>
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
        // "unit": grams of a weighed line stay grams when the sale comes back.
        QJsonObject object{{QStringLiteral("sku"), line.sku},
                           {QStringLiteral("name"), line.name},
                           {QStringLiteral("qty"), line.qty},
                           {QStringLiteral("unitPrice"), line.unitPrice.minor()},
                           {QStringLiteral("discount"), line.discount.minor()},
                           {QStringLiteral("taxRate"), line.taxRate.milliPercent()},
                           {QStringLiteral("note"), parked.note},
                           {QStringLiteral("unit"), QString(unitName(line.unit))}};
        if (parked.approval.listPrice)
            object.insert(QStringLiteral("listPrice"), parked.approval.listPrice->minor());
        if (!parked.approval.approvedBy.isEmpty())
            object.insert(QStringLiteral("approvedBy"), parked.approval.approvedBy);
        lines.append(object);
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
        ReceiptLine line{
            l.value(QStringLiteral("sku")).toString(),
            l.value(QStringLiteral("name")).toString(),
            l.value(QStringLiteral("qty")).toInteger(),
            Money::fromMinor(l.value(QStringLiteral("unitPrice")).toInteger()),
            Money::fromMinor(l.value(QStringLiteral("discount")).toInteger()),
            TaxRate::fromMilliPercent(l.value(QStringLiteral("taxRate")).toInt()),
            QString(),
            unitFromName(l.value(QStringLiteral("unit")).toString()).value_or(Unit::Each)};
        LineApproval approval;
        if (l.contains(QStringLiteral("listPrice")))
            approval.listPrice = Money::fromMinor(l.value(QStringLiteral("listPrice")).toInteger());
        approval.approvedBy = l.value(QStringLiteral("approvedBy")).toString();
        sale.lines.append(ParkedLine{line, l.value(QStringLiteral("note")).toString(), approval});
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
        return Error{QStringLiteral("lines"),
                     QCoreApplication::translate("ParkedSales", "there is nothing to park")};
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
                     QCoreApplication::translate("ParkedSales", "parked sale %1 is no longer there")
                         .arg(id)};
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

namespace stockline {

Status ParkedSales::saveCurrent(const ParkedSale& sale)
{
    if (sale.lines.isEmpty()) {
        QSqlQuery remove = m_store.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        remove.addBindValue(QString(currentKey));
        if (!remove.exec())
            return LocalStore::sqlError(remove, QStringLiteral("clear the sale in progress"));
        return success();
    }
    const Result<qint64> receipts = m_store.counter(QString(ReceiptNumbers::counterName));
    if (!receipts)
        return receipts.error();
    QJsonObject object = QJsonDocument::fromJson(linesJson(sale)).object();
    object.insert(QStringLiteral("label"), sale.label);
    object.insert(QStringLiteral("total"), sale.total.minor());
    object.insert(QStringLiteral("receiptCounter"), *receipts);
    QSqlQuery save =
        m_store.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    save.addBindValue(QString(currentKey));
    save.addBindValue(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    if (!save.exec())
        return LocalStore::sqlError(save, QStringLiteral("save the sale in progress"));
    return success();
}

Result<std::optional<SavedSale>> ParkedSales::takeCurrent()
{
    QSqlQuery query = m_store.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(QString(currentKey));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the sale in progress"));
    if (!query.next())
        return std::optional<SavedSale>();
    const QByteArray json = query.value(0).toString().toUtf8();
    query.finish();
    const Result<qint64> receipts = m_store.counter(QString(ReceiptNumbers::counterName));
    if (!receipts)
        return receipts.error();
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    SavedSale saved;
    readLines(json, saved.sale);
    saved.sale.label = object.value(QStringLiteral("label")).toString();
    saved.sale.total = Money::fromMinor(object.value(QStringLiteral("total")).toInteger());
    saved.recordedSince = object.value(QStringLiteral("receiptCounter")).toInteger() != *receipts;
    if (const Status cleared = saveCurrent(ParkedSale()); !cleared)
        return cleared.error();
    return std::optional<SavedSale>(saved);
}

} // namespace stockline
