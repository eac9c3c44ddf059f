#include "scandetector.h"

#include <QTest>

using namespace stockline::ui;

class tst_ScanDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerBurst_isAScan()
    {
        ScanDetector detector;
        qint64 t = 1000;
        for (const QChar c : QStringLiteral("4006381333931"))
            detector.keyTypedAt(QString(c), t += 3);
        QCOMPARE(detector.enterPressedAt(t + 4), 13);
        // Reset: the next Enter alone is no scan.
        QCOMPARE(detector.enterPressedAt(t + 8), 0);
    }

    void personTyping_isNoScan()
    {
        ScanDetector detector;
        qint64 t = 1000;
        for (const QChar c : QStringLiteral("4006381333931"))
            detector.keyTypedAt(QString(c), t += 150);
        QCOMPARE(detector.enterPressedAt(t + 200), 0);
    }

    void burstAfterTypedText_countsOnlyTheBurst()
    {
        ScanDetector detector;
        qint64 t = 1000;
        for (const QChar c : QStringLiteral("3*"))
            detector.keyTypedAt(QString(c), t += 200);
        t += 500;
        for (const QChar c : QStringLiteral("50518660"))
            detector.keyTypedAt(QString(c), t += 2);
        QCOMPARE(detector.enterPressedAt(t + 2), 8);
    }

    void shortBurst_orLateEnter_isNoScan()
    {
        ScanDetector detector;
        qint64 t = 1000;
        for (const QChar c : QStringLiteral("123"))
            detector.keyTypedAt(QString(c), t += 2);
        QCOMPARE(detector.enterPressedAt(t + 2), 0);
        for (const QChar c : QStringLiteral("12345678"))
            detector.keyTypedAt(QString(c), t += 2);
        QCOMPARE(detector.enterPressedAt(t + 500), 0);
    }

    void otherKey_endsTheBurst()
    {
        ScanDetector detector;
        qint64 t = 1000;
        for (const QChar c : QStringLiteral("12345678"))
            detector.keyTypedAt(QString(c), t += 2);
        detector.otherKey();
        QCOMPARE(detector.enterPressedAt(t + 2), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ScanDetector)
#include "tst_scandetector.moc"
