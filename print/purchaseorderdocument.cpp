#include "purchaseorderdocument.h"

#include "money.h"
#include "moneytext.h"

#include <QCoreApplication>
#include <QStringList>

namespace stockline::print {

qint64 PurchaseOrderDocument::total() const
{
    qint64 sum = 0;
    for (const Line& line : lines)
        sum += line.qty * line.cost;
    return sum;
}

ReportDocument PurchaseOrderDocument::table(bool forCsv) const
{
    // The CSV is for the supplier's systems: fixed keys, plain figures; the PDF for people.
    auto money = [forCsv](qint64 minor) {
        const Money amount = Money::fromMinor(minor);
        return forCsv ? amount.toString() : moneyText(amount);
    };
    ReportDocument doc;
    if (forCsv)
        doc.headers = QStringList{
            QStringLiteral("reference"), QStringLiteral("supplier"), QStringLiteral("location"),
            QStringLiteral("sku"),       QStringLiteral("name"),     QStringLiteral("qty"),
            QStringLiteral("cost"),      QStringLiteral("total"),    QStringLiteral("received")};
    else
        doc.headers =
            QStringList{QCoreApplication::translate("stockline::print::PurchaseOrder", "SKU"),
                        QCoreApplication::translate("stockline::print::PurchaseOrder", "Product"),
                        QCoreApplication::translate("stockline::print::PurchaseOrder", "Quantity"),
                        QCoreApplication::translate("stockline::print::PurchaseOrder", "Unit cost"),
                        QCoreApplication::translate("stockline::print::PurchaseOrder", "Total"),
                        QCoreApplication::translate("stockline::print::PurchaseOrder", "Received")};
    for (const Line& line : lines) {
        const QStringList figures{QString::number(line.qty), money(line.cost),
                                  money(line.qty * line.cost), QString::number(line.received)};
        doc.rows.append(forCsv ? QStringList{reference, supplier, location, line.sku, line.name} +
                                     figures
                               : QStringList{line.sku, line.name} + figures);
    }
    doc.numeric = forCsv ? QList<bool>() : QList<bool>{false, false, true, true, true, true};
    return doc;
}

QByteArray PurchaseOrderDocument::csv() const
{
    return table(true).csv();
}

Status PurchaseOrderDocument::writeCsv(const QString& path) const
{
    return table(true).writeCsv(path);
}

Status PurchaseOrderDocument::writePdf(const QString& path) const
{
    ReportDocument doc = table(false);
    doc.title = QCoreApplication::translate("stockline::print::PurchaseOrder", "Purchase order %1")
                    .arg(reference);
    QStringList about{
        QCoreApplication::translate("stockline::print::PurchaseOrder", "To: %1")
            .arg(contact.isEmpty() ? supplier : supplier + QStringLiteral(", ") + contact),
        QCoreApplication::translate("stockline::print::PurchaseOrder", "Deliver to: %1")
            .arg(location)};
    if (!expectedAt.isEmpty())
        about.append(QCoreApplication::translate("stockline::print::PurchaseOrder", "Expected: %1")
                         .arg(expectedAt));
    if (!placed.isEmpty())
        about.append(QCoreApplication::translate("stockline::print::PurchaseOrder", "Placed: %1")
                         .arg(placed));
    doc.subtitle = about.join(QStringLiteral(" · "));
    doc.totals =
        QStringList{QCoreApplication::translate("stockline::print::PurchaseOrder", "Total"),
                    QString(),
                    QString(),
                    QString(),
                    moneyText(Money::fromMinor(total())),
                    QString()};
    return doc.writePdf(path);
}

} // namespace stockline::print
