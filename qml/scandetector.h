#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stockline::ui {

// Tells a keyboard-wedge scanner from a person at the keyboard: a scanner types a whole code
// within a few milliseconds and ends it with Enter, a person takes a hundred or more a key.
// The scan field feeds it every key; at Enter it says how many of the field's last characters
// came in one burst, so a scan that lands in the middle of a typed search is still a scan.
class ScanDetector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int maxGapMs READ maxGapMs WRITE setMaxGapMs NOTIFY settingsChanged)
    Q_PROPERTY(int minLength READ minLength WRITE setMinLength NOTIFY settingsChanged)

public:
    explicit ScanDetector(QObject* parent = nullptr);

    // A printable key; other keys (Backspace, arrows) end any burst.
    Q_INVOKABLE void keyTyped(const QString& text);
    Q_INVOKABLE void otherKey();
    // Enter: the length of the burst that ends here, or 0 when it was typed by hand. Resets.
    Q_INVOKABLE int enterPressed();

    // The same with explicit times in milliseconds, for tests.
    void keyTypedAt(const QString& text, qint64 ms);
    [[nodiscard]] int enterPressedAt(qint64 ms);

    [[nodiscard]] int maxGapMs() const { return m_maxGapMs; }
    void setMaxGapMs(int ms);
    [[nodiscard]] int minLength() const { return m_minLength; }
    void setMinLength(int length);

Q_SIGNALS:
    void settingsChanged();

private:
    [[nodiscard]] qint64 now() const { return m_clock.elapsed(); }

    QElapsedTimer m_clock;
    int m_maxGapMs = 40;
    int m_minLength = 6; // shorter than any barcode: EAN-8 has 8 digits
    int m_burst = 0;
    qint64 m_last = -1;
};

} // namespace stockline::ui
