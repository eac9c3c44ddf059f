#include "receiptpdf.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using namespace stockline::print;

class tst_ReceiptPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_rendersANonEmptyPdf()
    {
        QTemporaryDir dir;
        ReceiptDocument receipt = ReceiptDocument::forSale(
            {ReceiptLine{QStringLiteral("MILK"), QStringLiteral("Milk"), 2, Money::fromMinor(119),
                         Money::fromMinor(10), TaxRate::fromMilliPercent(7000), QString()}},
            {QStringLiteral("a note")});
        receipt.storeName = QStringLiteral("Shop");
        receipt.number = QStringLiteral("POS-01-000007");
        receipt.at = QDateTime::currentDateTimeUtc();
        receipt.payments = {Payment{QStringLiteral("cash"), receipt.totals.total, QString()}};
        const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
        const Status written = ReceiptPdf::write(receipt, path);
        QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 1000);
        QVERIFY(pdf.contains("/Type /Page"));
    }

    void write_reportsAnUnwritablePath()
    {
        const Status written =
            ReceiptPdf::write(ReceiptDocument(), QStringLiteral("/nonexistent/folder/r.pdf"));
        QVERIFY(!written);
    }
};

QTEST_MAIN(tst_ReceiptPdf)
#include "tst_receiptpdf.moc"
