#include "uuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace stockline;

class TestUuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isAVersion7UuidWithoutBraces()
    {
        const QString id = newTimeOrderedUuid();
        QCOMPARE(id.size(), 36);
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(id.at(14), u'7');
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
    }

    void carriesTheCurrentTimeInItsFirst48Bits()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString id = newTimeOrderedUuid();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const qint64 ms = QString(id.left(8) + id.mid(9, 4)).toLongLong(nullptr, 16);
        QVERIFY(ms >= before && ms <= after);
    }

    void neverRepeatsAndSortsByTime()
    {
        QSet<QString> seen;
        QString previous;
        for (int i = 0; i < 100'000; ++i) {
            const QString id = newTimeOrderedUuid();
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            QVERIFY(id.left(13) >= previous.left(13));
            previous = id;
        }
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
