#include "code128.h"
#include "escposencoder.h"
#include "rasterrow.h"

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

// The first and last columns of an image with a dark dot.
std::pair<int, int> inkSpan(const QImage& image)
{
    int first = image.width();
    int last = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 128) {
                first = std::min(first, x);
                last = std::max(last, x);
            }
        }
    }
    return {first, last};
}

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

    void drawerKick() { QCOMPARE(EscPosEncoder::drawerKick(), bytes({0x1b, 'p', 0, 25, 250})); }

    // Each row in the first code page that covers it, switched with ESC t only when it
    // changes; the bytes are the Windows code pages' own.
    void rows_inTheCodePageThatCoversThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("Western: no switch")
            << QStringLiteral("Caf\u00e9") << bytes({'C', 'a', 'f', 0xe9, '\n'});
        QTest::newRow("Greek: Windows-1253")
            << QStringLiteral("\u0393\u03ac\u03bb\u03b1 \u20ac")
            << bytes({0x1b, 't', 47, 195, 220, 235, 225, ' ', 0x80, '\n'});
        QTest::newRow("Russian: Windows-1251")
            << QStringLiteral("\u041c\u043e\u043b\u043e\u043a\u043e")
            << bytes({0x1b, 't', 46, 204, 238, 235, 238, 234, 238, '\n'});
        QTest::newRow("Polish: Windows-1250") << QStringLiteral("\u0141\u00f3d\u017a")
                                              << bytes({0x1b, 't', 45, 163, 243, 'd', 159, '\n'});
        QTest::newRow("Turkish: Windows-1254")
            << QStringLiteral("Do\u011fal")
            << bytes({0x1b, 't', 48, 'D', 'o', 0xf0, 'a', 'l', '\n'});
        QTest::newRow("Latvian: Windows-1257")
            << QStringLiteral("Pien\u0101")
            << bytes({0x1b, 't', 51, 'P', 'i', 'e', 'n', 0xe2, '\n'});
    }
    void rows_inTheCodePageThatCoversThem()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const EscPosEncoder encoder(us, 42);
        int page = EscPosEncoder::westernPage;
        QCOMPARE(encoder.row(ReceiptRow{text, {}}, page), expected);
        // The next Western row switches back, once.
        const QByteArray back = encoder.row(ReceiptRow{QStringLiteral("Milk"), {}}, page);
        QCOMPARE(back, expected.startsWith("\x1bt") ? bytes({0x1b, 't', 16}) + "Milk\n"
                                                    : QByteArray("Milk\n"));
        QCOMPARE(page, EscPosEncoder::westernPage);
    }

    // Japanese, or scripts mixed in one row, fit no code page: the row is printed as an image
    // as wide as a text row (42 characters × 12 dots), 24 dots high, with ink on it.
    void rows_noCodePageCovers_printAsRaster_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("Japanese") << QStringLiteral("\u725b\u4e73");
        QTest::newRow("Greek and Russian")
            << QStringLiteral("\u0393\u03ac\u03bb\u03b1 \u041c\u043e\u043b\u043e\u043a\u043e");
        QTest::newRow("Arabic") << QStringLiteral("\u062d\u0644\u064a\u0628");
    }
    void rows_noCodePageCovers_printAsRaster()
    {
        QFETCH(QString, text);
        const EscPosEncoder encoder(us, 42);
        int page = EscPosEncoder::westernPage;
        const QByteArray out = encoder.row(ReceiptRow{text, QStringLiteral("1.20")}, page);
        QCOMPARE(out.left(8), bytes({0x1d, 'v', '0', 0, 63, 0, 24, 0}));
        QCOMPARE(out.size(), 8 + 63 * 24);
        QVERIFY(out.mid(8).count('\0') < 63 * 24);  // something is drawn
        QCOMPARE(page, EscPosEncoder::westernPage); // no ESC t was sent
    }

    // A right-to-left row is mirrored: its text at the right edge, the amount at the left.
    // Issue 23: a row is drawn in a font that covers it (Noto CJK through Qt's fallback), and a
    // character no installed font has prints as '?', never as an empty box.
    void rasterRow_neverPrintsTofu()
    {
        const QFont font;
        QCOMPARE(RasterRow::drawable(QStringLiteral("緑茶 Φέτα قهوة"), font),
                 QStringLiteral("緑茶 Φέτα قهوة"));
        // U+0378 is unassigned: no font has it.
        QCOMPARE(RasterRow::drawable(QStringLiteral("A\u0378B"), font), QStringLiteral("A?B"));
        const ReceiptRow unknown{QStringLiteral("\u0378\u0379"), QString()};
        const ReceiptRow questions{QStringLiteral("??"), QString()};
        QCOMPARE(RasterRow::render(unknown, 504), RasterRow::render(questions, 504));
        // The Japanese row has ink: glyphs, not blanks.
        const ReceiptRow tea{QStringLiteral("緑茶"), QString()};
        QVERIFY(inkSpan(RasterRow::render(tea, 504)).second > 20);
    }

    void rasterRow_rightToLeftIsMirrored()
    {
        const ReceiptRow hebrew{QStringLiteral("\u05d7\u05dc\u05d1"), QStringLiteral("1.20")};
        const ReceiptRow latin{QStringLiteral("Milk"), QStringLiteral("1.20")};
        QVERIFY(inkSpan(RasterRow::render(hebrew, 504)).first < 80);   // the amount, left
        QVERIFY(inkSpan(RasterRow::render(hebrew, 504)).second > 424); // the text, right
        // Left to right the amount ends at the right edge, the text starts at the left one.
        QVERIFY(inkSpan(RasterRow::render(latin, 504)).first < 12);
        QVERIFY(inkSpan(RasterRow::render(latin, 504)).second > 460);
    }

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

QTEST_MAIN(tst_EscPosEncoder) // raster rows need fonts
#include "tst_escposencoder.moc"
