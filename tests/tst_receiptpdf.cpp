#include "receiptpdf.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
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

    // Issue 23: a receipt in any script. The PDF embeds fonts that cover its text, so the text
    // extracts back (pdftotext, poppler-utils) instead of boxes or nothing.
    void write_embedsFontsCoveringEveryScript_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("Japanese") << QStringLiteral("緑茶 ペットボトル");
        QTest::newRow("Greek") << QStringLiteral("Φέτα ελληνική");
        QTest::newRow("Arabic") << QStringLiteral("قهوة عربية");
        QTest::newRow("Cyrillic") << QStringLiteral("Чай чёрный");
    }
    void write_embedsFontsCoveringEveryScript()
    {
        QFETCH(QString, name);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdffonts = QStandardPaths::findExecutable(QStringLiteral("pdffonts"));
        if (pdftotext.isEmpty() || pdffonts.isEmpty())
            QSKIP("pdftotext/pdffonts missing: run scripts/setup-debian.sh (poppler-utils)");
        QTemporaryDir dir;
        ReceiptDocument receipt = ReceiptDocument::forSale(
            {ReceiptLine{QStringLiteral("TEA"), name, 1, Money::fromMinor(500), Money(),
                         TaxRate::fromMilliPercent(10000), QString()}},
            {});
        receipt.storeName = name;
        receipt.number = QStringLiteral("POS-01-000008");
        receipt.at = QDateTime::currentDateTimeUtc();
        const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(ReceiptPdf::write(receipt, path));

        QProcess text;
        text.start(pdftotext,
                   {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30'000));
        // Arabic extracts as its shaped presentation forms, maybe in visual order: compare the
        // compatibility-normalised text word by word, either way round.
        const QString extracted = QString::fromUtf8(text.readAllStandardOutput())
                                      .normalized(QString::NormalizationForm_KC);
        for (const QString& word : name.split(u' ')) {
            QString reversed = word;
            std::reverse(reversed.begin(), reversed.end());
            QVERIFY2(extracted.contains(word) || extracted.contains(reversed),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(word, extracted)));
        }
        QProcess fonts;
        fonts.start(pdffonts, {path});
        QVERIFY(fonts.waitForFinished(30'000));
        const QStringList rows =
            QString::fromUtf8(fonts.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(rows.size() > 2, qPrintable(rows.join(u'\n')));
        for (const QString& row : rows.mid(2)) // every font embedded ("emb" column: yes)
            QVERIFY2(row.contains(QStringLiteral(" yes ")), qPrintable(row));
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
