#include "isotime.h"

#include <QTest>
#include <QTimeZone>

using namespace stockline;

class TestIsoTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesUtcWithMilliseconds_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<QString>("text");
        QTest::newRow("utc") << QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 5), Qt::UTC)
                             << QStringLiteral("2026-11-22T10:00:00.005Z");
        QTest::newRow("offset is converted")
            << QDateTime(QDate(2026, 11, 22), QTime(12, 30, 15, 999), QTimeZone(7200))
            << QStringLiteral("2026-11-22T10:30:15.999Z");
        QTest::newRow("year start") << QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC)
                                    << QStringLiteral("2027-01-01T00:00:00.000Z");
        QTest::newRow("day change across offset")
            << QDateTime(QDate(2026, 1, 1), QTime(1, 0), QTimeZone(3 * 3600))
            << QStringLiteral("2025-12-31T22:00:00.000Z");
    }
    void writesUtcWithMilliseconds()
    {
        QFETCH(QDateTime, at);
        QFETCH(QString, text);
        QCOMPARE(isoUtc(at), text);
        QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs), at);
    }

    void agreesWithQtForManyInstants()
    {
        QDateTime at(QDate(2024, 2, 28), QTime(23, 59, 59, 1), Qt::UTC);
        for (int i = 0; i < 1000; ++i, at = at.addMSecs(3'600'017))
            QCOMPARE(isoUtc(at), at.toString(Qt::ISODateWithMs));
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
