#include "scandetector.h"

namespace stockline::ui {

ScanDetector::ScanDetector(QObject* parent) : QObject(parent)
{
    m_clock.start();
}

void ScanDetector::keyTyped(const QString& text)
{
    keyTypedAt(text, now());
}

void ScanDetector::otherKey()
{
    m_burst = 0;
    m_last = -1;
}

int ScanDetector::enterPressed()
{
    return enterPressedAt(now());
}

void ScanDetector::keyTypedAt(const QString& text, qint64 ms)
{
    if (text.isEmpty())
        return;
    const bool continues = m_last >= 0 && ms - m_last <= m_maxGapMs;
    m_burst = (continues ? m_burst : 0) + static_cast<int>(text.size());
    m_last = ms;
}

int ScanDetector::enterPressedAt(qint64 ms)
{
    const bool scanned = m_last >= 0 && ms - m_last <= m_maxGapMs && m_burst >= m_minLength;
    const int burst = scanned ? m_burst : 0;
    otherKey();
    return burst;
}

void ScanDetector::setMaxGapMs(int ms)
{
    if (ms == m_maxGapMs || ms <= 0)
        return;
    m_maxGapMs = ms;
    Q_EMIT settingsChanged();
}

void ScanDetector::setMinLength(int length)
{
    if (length == m_minLength || length <= 0)
        return;
    m_minLength = length;
    Q_EMIT settingsChanged();
}

} // namespace stockline::ui
