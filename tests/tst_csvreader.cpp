#include "csvreader.h"

#include <QTest>

using namespace stockline;

namespace {

struct ReadAll
{
    QList<CsvRecord> records;
    std::optional<Error> error;
};

ReadAll readAll(CsvReader& reader)
{
    ReadAll all;
    for (;;) {
        Result<std::optional<CsvRecord>> next = reader.next();
        if (!next) {
            all.error = next.error();
            return all;
        }
        if (!next.value())
            return all;
        all.records.append(*next.value());
    }
}

QStringList fields(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* t : texts)
        list.append(QString::fromUtf8(t));
    return list;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsFieldsAndRecords_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<QStringList>>("expected");
        QTest::newRow("LF") << QByteArray("a,b\nc,d\n")
                            << QList<QStringList>{fields({"a", "b"}), fields({"c", "d"})};
        QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n")
                              << QList<QStringList>{fields({"a", "b"}), fields({"c", "d"})};
        QTest::newRow("CR only") << QByteArray("a,b\rc,d\r")
                                 << QList<QStringList>{fields({"a", "b"}), fields({"c", "d"})};
        QTest::newRow("no final line break")
            << QByteArray("a,b\nc,d") << QList<QStringList>{fields({"a", "b"}), fields({"c", "d"})};
        QTest::newRow("empty fields")
            << QByteArray(",x,\n") << QList<QStringList>{fields({"", "x", ""})};
        QTest::newRow("quoted comma") << QByteArray("\"Milk, whole\",2\n")
                                      << QList<QStringList>{fields({"Milk, whole", "2"})};
        QTest::newRow("doubled quote") << QByteArray("\"12\"\" pizza\",\"\"\"\"\n")
                                       << QList<QStringList>{fields({"12\" pizza", "\""})};
        QTest::newRow("empty quoted")
            << QByteArray("\"\",a\n") << QList<QStringList>{fields({"", "a"})};
        QTest::newRow("line breaks inside quotes")
            << QByteArray("\"one\ntwo\",\"three\r\nfour\"\n")
            << QList<QStringList>{fields({"one\ntwo", "three\r\nfour"})};
        QTest::newRow("quote inside unquoted field is literal")
            << QByteArray("12\" pizza,x\n") << QList<QStringList>{fields({"12\" pizza", "x"})};
        QTest::newRow("spaces are kept")
            << QByteArray(" a , b \n") << QList<QStringList>{fields({" a ", " b "})};
        QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF"
                                                      "Crème brûlée,Jalapeño\n")
                                        << QList<QStringList>{fields({"Crème brûlée", "Jalapeño"})};
        QTest::newRow("BOM only at the start is skipped")
            << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                          "a\n")
            << QList<QStringList>{QStringList{QString(QChar(0xFEFF)) + u'a'}};
        QTest::newRow("blank lines skipped")
            << QByteArray("\n\r\na\n\n\nb\n\n") << QList<QStringList>{fields({"a"}), fields({"b"})};
        QTest::newRow("empty input") << QByteArray() << QList<QStringList>{};
    }
    void readsFieldsAndRecords()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<QStringList>, expected);
        CsvReader reader(csv);
        const ReadAll all = readAll(reader);
        QVERIFY2(!all.error, qPrintable(all.error ? all.error->toString() : QString()));
        QList<QStringList> got;
        for (const CsvRecord& r : all.records)
            got.append(r.fields);
        QCOMPARE(got, expected);
    }

    void reportsThePhysicalLineEachRecordStartsOn_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::newRow("plain") << QByteArray("a\nb\nc\n") << QList<qint64>{1, 2, 3};
        QTest::newRow("CRLF") << QByteArray("a\r\nb\r\nc\r\n") << QList<qint64>{1, 2, 3};
        QTest::newRow("CR") << QByteArray("a\rb\rc\r") << QList<qint64>{1, 2, 3};
        QTest::newRow("blank lines count")
            << QByteArray("a\n\n\nb\r\n\r\nc") << QList<qint64>{1, 4, 6};
        QTest::newRow("quoted LF spans lines")
            << QByteArray("\"x\ny\nz\",1\nb\n") << QList<qint64>{1, 4};
        QTest::newRow("quoted CRLF and CR span lines")
            << QByteArray("\"x\r\ny\rz\",1\r\nb\r\n") << QList<qint64>{1, 4};
        QTest::newRow("after BOM") << QByteArray("\xEF\xBB\xBF"
                                                 "a\nb\n")
                                   << QList<qint64>{1, 2};
    }
    void reportsThePhysicalLineEachRecordStartsOn()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<qint64>, lines);
        CsvReader reader(csv);
        const ReadAll all = readAll(reader);
        QVERIFY(!all.error);
        QList<qint64> got;
        for (const CsvRecord& r : all.records)
            got.append(r.line);
        QCOMPARE(got, lines);
    }

    void readsAcrossChunkBoundaries()
    {
        // Longer than the reader's 64 KiB chunks, with quotes and CRLF falling on every
        // possible offset of a chunk boundary.
        QByteArray csv;
        QList<qint64> starts;
        qint64 line = 1;
        for (int i = 0; i < 6000; ++i) {
            starts.append(line);
            csv += "\"name " + QByteArray::number(i) + ",\r\nwith \"\"quotes\"\"\"," +
                   QByteArray(i % 17, 'x') + "\r\n";
            line += 2;
        }
        QVERIFY(csv.size() > 3 * 64 * 1024);
        CsvReader reader(csv);
        const ReadAll all = readAll(reader);
        QVERIFY2(!all.error, qPrintable(all.error ? all.error->toString() : QString()));
        QCOMPARE(all.records.size(), 6000);
        for (int i = 0; i < 6000; ++i) {
            QCOMPARE(all.records[i].line, starts[i]);
            QCOMPARE(all.records[i].fields[0],
                     QStringLiteral("name %1,\r\nwith \"quotes\"").arg(i));
            QCOMPARE(all.records[i].fields[1], QString(i % 17, u'x'));
        }
    }

    void namesTheLineOfEachProblem_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("quote never closed")
            << QByteArray("h\nok\n\"open\nmore\nlines\n") << QStringLiteral("test.csv line 3")
            << QStringLiteral("not closed");
        QTest::newRow("text after closing quote")
            << QByteArray("h\n\"a\"b\n") << QStringLiteral("test.csv line 2")
            << QStringLiteral("closing quote");
        QTest::newRow("not UTF-8") << QByteArray("h\nok\n\xff\xfe\n")
                                   << QStringLiteral("test.csv line 3") << QStringLiteral("UTF-8");
        QTest::newRow("truncated UTF-8 sequence")
            << QByteArray("h\n\xC3\n") << QStringLiteral("test.csv line 2")
            << QStringLiteral("UTF-8");
        QTest::newRow("too many fields")
            << QByteArray("h\n" + QByteArray(20, ',') + "\n") << QStringLiteral("test.csv line 2")
            << QStringLiteral("more than 8 fields");
        QTest::newRow("record too long")
            << QByteArray("h\n" + QByteArray(300, 'x') + "\n") << QStringLiteral("test.csv line 2")
            << QStringLiteral("longer than 256 bytes");
        QTest::newRow("quoted record too long")
            << QByteArray("h\n\"" + QByteArray(100000, 'x')) << QStringLiteral("test.csv line 2")
            << QStringLiteral("longer than 256 bytes");
    }
    void namesTheLineOfEachProblem()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        CsvReader reader(csv, QStringLiteral("test.csv"), CsvLimits{256, 8});
        const ReadAll all = readAll(reader);
        QVERIFY(all.error);
        QCOMPARE(all.error->field, field);
        QVERIFY2(all.error->message.contains(messagePart), qPrintable(all.error->message));
        // A failed reader stays failed.
        const Result<std::optional<CsvRecord>> again = reader.next();
        QVERIFY(!again);
        QCOMPARE(again.error().field, field);
    }

    void headerGivesColumnNames()
    {
        CsvReader reader(QByteArray(" SKU ,Name,price\nA1,Apples,1.00\n"));
        QVERIFY(reader.readHeader().ok());
        QCOMPARE(reader.header(), fields({"SKU", "Name", "price"}));
        QCOMPARE(reader.headerLine(), 1);
        QCOMPARE(reader.column(u"sku"), 0);
        QCOMPARE(reader.column(u"PRICE"), 2);
        QCOMPARE(reader.column(u"barcode"), -1);
        const Result<std::optional<CsvRecord>> row = reader.next();
        QVERIFY(row.ok() && row.value());
        QCOMPARE(row.value()->fields, fields({"A1", "Apples", "1.00"}));
        QCOMPARE(row.value()->line, 2);
    }

    void headerProblemsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty file")
            << QByteArray() << QStringLiteral("t.csv") << QStringLiteral("empty");
        QTest::newRow("only blank lines")
            << QByteArray("\r\n\n") << QStringLiteral("t.csv") << QStringLiteral("empty");
        QTest::newRow("unnamed column")
            << QByteArray("a,,c\n") << QStringLiteral("t.csv line 1") << QStringLiteral("column 2");
        QTest::newRow("column twice")
            << QByteArray("sku,name,SKU\n") << QStringLiteral("t.csv line 1")
            << QStringLiteral("'SKU' twice");
    }
    void headerProblemsAreErrors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        CsvReader reader(csv, QStringLiteral("t.csv"));
        const Status header = reader.readHeader();
        QVERIFY(!header);
        QCOMPARE(header.error().field, field);
        QVERIFY2(header.error().message.contains(messagePart), qPrintable(header.error().message));
    }

    void recordsMustMatchTheHeaderWidth()
    {
        CsvReader reader(QByteArray("a,b,c\n1,2,3\n\n1,2\n"), QStringLiteral("t.csv"));
        QVERIFY(reader.readHeader().ok());
        QVERIFY(reader.next().ok());
        const Result<std::optional<CsvRecord>> short_ = reader.next();
        QVERIFY(!short_);
        QCOMPARE(short_.error().field, QStringLiteral("t.csv line 4"));
        QVERIFY(short_.error().message.contains(QStringLiteral("2 fields where the header has 3")));
    }

    void errorWithoutSourceNamesTheLine()
    {
        CsvReader reader(QByteArray("\"a\"x\n"));
        const Result<std::optional<CsvRecord>> row = reader.next();
        QVERIFY(!row);
        QCOMPARE(row.error().field, QStringLiteral("line 1"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
