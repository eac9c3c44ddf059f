#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// Tells a keyboard-wedge scanner from a person at the keyboard: a scanner types a whole code
// within a few milliseconds and ends it with Enter, a person takes a hundred or more a key.
// It watches the key events of its `target` (the scan field) and goes by their timestamps,
// not by when they are handled: keys a person typed while the till was busy arrive together
// but keep their own times. At Enter it says how many of the field's last characters came in
// one burst, so a scan that lands in the middle of a typed search is still a scan.
class ScanDetector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject* target READ target WRITE setTarget NOTIFY settingsChanged)
    Q_PROPERTY(int maxGapMs READ maxGapMs WRITE setMaxGapMs NOTIFY settingsChanged)
    Q_PROPERTY(int minLength READ minLength WRITE setMinLength NOTIFY settingsChanged)

public:
    explicit ScanDetector(QObject* parent = nullptr);

    // Enter was pressed: the length of the burst that ended with it, or 0 when it was typed
    // by hand. Resets.
    Q_INVOKABLE int enterPressed();

    // What the event filter feeds in; public for tests. Times in milliseconds.
    void keyTypedAt(const QString& text, qint64 ms);
    void otherKey();
    void enterAt(qint64 ms) { m_enterAt = ms; }
    [[nodiscard]] int enterPressedAt(qint64 ms);

    [[nodiscard]] QObject* target() const { return m_target; }
    void setTarget(QObject* target);
    [[nodiscard]] int maxGapMs() const { return m_maxGapMs; }
    void setMaxGapMs(int ms);
    [[nodiscard]] int minLength() const { return m_minLength; }
    void setMinLength(int length);

Q_SIGNALS:
    void settingsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QObject> m_target;
    int m_maxGapMs = 40;
    int m_minLength = 6; // shorter than any barcode: EAN-8 has 8 digits
    int m_burst = 0;
    qint64 m_last = -1;
    qint64 m_enterAt = -1;
};

} // namespace stockline::qml
