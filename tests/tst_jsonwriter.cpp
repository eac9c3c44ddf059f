#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace stockline;
using L = QLatin1StringView;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesCompactJsonInOrder()
    {
        JsonWriter w;
        w.beginObject();
        w.string(L("type"), u"levels");
        w.integer(L("cursor"), -42);
        w.boolean(L("full"), false);
        w.beginArray(L("items"));
        w.beginObject();
        w.integer(L("a"), 1);
        w.endObject();
        w.raw("{\"b\":2}");
        w.endArray();
        w.optionalString(L("absent"), QStringView());
        w.endObject();
        QCOMPARE(
            w.take(),
            QByteArray(R"({"type":"levels","cursor":-42,"full":false,"items":[{"a":1},{"b":2}]})"));
    }

    void escapesWhatJsonRequires_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote and backslash") << QStringLiteral("12\" pizza \\ slice");
        QTest::newRow("control characters") << QStringLiteral("tab\there\nnewline\x01");
        QTest::newRow("non-ascii") << QStringLiteral("Crème brûlée 200 g — 🍮");
        QTest::newRow("empty") << QString();
    }
    void escapesWhatJsonRequires()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject();
        w.string(L("name"), text);
        w.endObject();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(w.take(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("name")).toString(), text);
    }

    void writesTaxRatesExactly_data()
    {
        QTest::addColumn<int>("milli");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("8.25") << 8250 << QByteArray("{\"r\":8.25}");
        QTest::newRow("8.875") << 8875 << QByteArray("{\"r\":8.875}");
        QTest::newRow("0") << 0 << QByteArray("{\"r\":0}");
        QTest::newRow("19") << 19000 << QByteArray("{\"r\":19}");
        QTest::newRow("0.05") << 50 << QByteArray("{\"r\":0.05}");
    }
    void writesTaxRatesExactly()
    {
        QFETCH(int, milli);
        QFETCH(QByteArray, json);
        JsonWriter w;
        w.beginObject();
        w.taxRate(L("r"), TaxRate::fromMilliPercent(milli));
        w.endObject();
        QCOMPARE(w.take(), json);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
