#include "scandetector.h"

#include <QKeyEvent>

namespace stockline::qml {

ScanDetector::ScanDetector(QObject* parent) : QObject(parent) {}

void ScanDetector::setTarget(QObject* target)
{
    if (target == m_target)
        return;
    if (m_target)
        m_target->removeEventFilter(this);
    m_target = target;
    if (m_target)
        m_target->installEventFilter(this);
    Q_EMIT settingsChanged();
}

bool ScanDetector::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_target || event->type() != QEvent::KeyPress)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const qint64 at = static_cast<qint64>(key->timestamp());
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        enterAt(at);
    else if (!key->text().isEmpty() && key->text().at(0).isPrint())
        keyTypedAt(key->text(), at);
    else
        otherKey();
    return false; // only watching: the field still gets every key
}

int ScanDetector::enterPressed()
{
    return enterPressedAt(m_enterAt);
}

void ScanDetector::otherKey()
{
    m_burst = 0;
    m_last = -1;
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
    const bool scanned =
        m_last >= 0 && ms >= m_last && ms - m_last <= m_maxGapMs && m_burst >= m_minLength;
    const int burst = scanned ? m_burst : 0;
    otherKey();
    m_enterAt = -1;
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

} // namespace stockline::qml
