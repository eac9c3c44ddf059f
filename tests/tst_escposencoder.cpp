#include "code128.h"
#include "escposencoder.h"

#include <QTest>

using namespace stockline;
using namespace stockline::print;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int v : values)
        out.append(static_cast<char>(v));
    return out;
}

const QLocale us(QLocale::English, QLocale::UnitedStates);

ReceiptDocument smallReceipt()
{
    ReceiptDocument receipt = ReceiptDocument::forSale(
        {ReceiptLine{QStringLiteral("MILK"), QStringLiteral("Milk"), 2, Money::fromMinor(119),
                     Money(), TaxRate(), QString()}},
        {QString()});
    receipt.storeName = QStringLiteral("Shop");
    receipt.terminal = QStringLiteral("T1");
    receipt.number = QStringLiteral("T1-000001");
    receipt.at = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::LocalTime);
    receipt.payments = {Payment{QStringLiteral("cash"), Money::fromMinor(500), QString()},
                        Payment{QStringLiteral("cash"), Money::fromMinor(-262), QString()}};
    return receipt;
}

} // namespace

class tst_EscPosEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialize()
    {
        QCOMPARE(EscPosEncoder::initialize(), bytes({0x1b, 0x40, 0x1b, 0x74, 16}));
    }

    void cut() { QCOMPARE(EscPosEncoder::cut(), bytes({0x1d, 0x56, 66, 3})); }

    void text_isWindows1252()
    {
        QCOMPARE(EscPosEncoder::text(u"Caf\u00e9 \u20ac5"),
                 bytes({'C', 'a', 'f', 0xe9, ' ', 0x80, '5'}));
        QCOMPARE(EscPosEncoder::text(u"\u65e5x"), QByteArray("?x"));
        QCOMPARE(EscPosEncoder::text(u"a\tb\n"), QByteArray("ab"));
    }

    void code128_printerDrawsIt()
    {
        QByteArray expected = bytes({0x1d, 'h', 80, 0x1d, 'w', 2, 0x1d, 'H', 2, 0x1d, 'k', 73, 11});
        expected += "{BT1-000001";
        QCOMPARE(EscPosEncoder::code128(u"T1-000001"), expected);
        QVERIFY(EscPosEncoder::code128(u"").isEmpty());
        QVERIFY(EscPosEncoder::code128(u"caf\u00e9").isEmpty());       // not code set B
        QVERIFY(EscPosEncoder::code128(QString(254, u'1')).isEmpty()); // n is one byte
    }

    void row_styles()
    {
        const EscPosEncoder encoder(us, 20);
        ReceiptRow plain;
        plain.text = QStringLiteral("Milk");
        plain.right = QStringLiteral("$2.38");
        QCOMPARE(encoder.row(plain), QByteArray("Milk           $2.38\n"));

        ReceiptRow title;
        title.text = QStringLiteral("Shop");
        title.centered = true;
        title.bold = true;
        title.large = true;
        QCOMPARE(encoder.row(title), bytes({0x1b, 'a', 1, 0x1b, 'E', 1, 0x1d, '!', 0x11}) +
                                         QByteArray("Shop\n") +
                                         bytes({0x1d, '!', 0, 0x1b, 'E', 0, 0x1b, 'a', 0}));

        ReceiptRow barcode;
        barcode.text = QStringLiteral("T1-000001");
        barcode.barcode = true;
        QCOMPARE(encoder.row(barcode), bytes({0x1b, 'a', 1}) +
                                           EscPosEncoder::code128(u"T1-000001") +
                                           bytes({0x1b, 'a', 0}));
    }

    // The whole receipt: reset, every row in order, the barcode, the cut.
    void encode_wholeReceipt()
    {
        const ReceiptDocument receipt = smallReceipt();
        const EscPosEncoder encoder(us, 42);
        QByteArray expected = EscPosEncoder::initialize();
        for (const ReceiptRow& row : layoutReceipt(receipt, us, 42))
            expected += encoder.row(row);
        expected += EscPosEncoder::cut();
        const QByteArray encoded = encoder.encode(receipt);
        QCOMPARE(encoded, expected);
        QVERIFY(encoded.startsWith(bytes({0x1b, 0x40})));
        QVERIFY(encoded.endsWith(bytes({0x1d, 0x56, 66, 3})));
        QVERIFY(encoded.contains("Milk                                 $2.38\n"));
        QVERIFY(encoded.contains("  2 x $1.19\n"));
        QVERIFY(encoded.contains("Change                               $2.62\n"));
        QVERIFY(encoded.contains(EscPosEncoder::code128(u"T1-000001")));
        // TOTAL is double width: half the columns.
        QVERIFY(encoded.contains(bytes({0x1d, '!', 0x11}) + QByteArray("TOTAL           $2.38\n")));
    }

    void code128_symbols()
    {
        // 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55.
        const QList<int> values = Code128::values(u"PJJ123C");
        QCOMPARE(values.first(), Code128::startB);
        QCOMPARE(values.at(values.size() - 2), 55);
        QCOMPARE(values.last(), Code128::stop);
        // Every symbol is 11 modules wide, the stop 13.
        const QList<int> widths = Code128::widths(u"T1-000001");
        int modules = 0;
        for (const int w : widths)
            modules += w;
        QCOMPARE(modules, 11 * (1 + 9 + 1) + 13);
        QVERIFY(Code128::values(u"caf\u00e9").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_EscPosEncoder)
#include "tst_escposencoder.moc"
