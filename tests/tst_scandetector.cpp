#include "scandetector.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QTest>

using namespace stockline::qml;

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

    // Keys are timed by their events, not by when they are handled.
    void eventFilter_goesByTheEventsTimestamps()
    {
        QObject field;
        ScanDetector detector;
        detector.setTarget(&field);
        ulong t = 5000;
        for (const QChar c : QStringLiteral("12345678")) {
            QKeyEvent key(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QString(c));
            key.setTimestamp(t += 3);
            QCoreApplication::sendEvent(&field, &key);
        }
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        enter.setTimestamp(t + 3);
        QCoreApplication::sendEvent(&field, &enter);
        QCOMPARE(detector.enterPressed(), 8);

        for (const QChar c : QStringLiteral("12345678")) {
            QKeyEvent key(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QString(c));
            key.setTimestamp(t += 120);
            QCoreApplication::sendEvent(&field, &key);
        }
        QKeyEvent late(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        late.setTimestamp(t + 100);
        QCoreApplication::sendEvent(&field, &late);
        QCOMPARE(detector.enterPressed(), 0);
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

QTEST_MAIN(tst_ScanDetector)
#include "tst_scandetector.moc"
