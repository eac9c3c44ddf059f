#include "ids.h"

#include <QTest>

using namespace stockline;

class TestIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsProtocolIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("terminal") << QStringLiteral("POS-01") << true;
        QTest::newRow("all classes") << QStringLiteral("aZ09._:-") << true;
        QTest::newRow("one char") << QStringLiteral("x") << true;
        QTest::newRow("64 chars") << QString(64, u'a') << true;
        QTest::newRow("65 chars") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("POS 01") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("non-ascii letter") << QStringLiteral("caf\u00e9") << false;
        QTest::newRow("quote") << QStringLiteral("a\"b") << false;
    }
    void acceptsProtocolIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidId(id), valid);
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
