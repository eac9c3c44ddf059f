#pragma once

#include <QList>
#include <QString>
#include <algorithm>

// Percentiles of a set of samples, for the benchmark's reports.
class Stats
{
public:
    void add(double sample)
    {
        m_samples.append(sample);
        m_sorted = false;
    }
    void reserve(qsizetype n) { m_samples.reserve(n); }
    [[nodiscard]] qsizetype count() const { return m_samples.size(); }

    // The sample at or below which p % of samples fall (nearest rank).
    [[nodiscard]] double percentile(double p)
    {
        if (m_samples.isEmpty())
            return 0;
        sort();
        const auto rank = static_cast<qsizetype>(p / 100.0 * static_cast<double>(m_samples.size()));
        return m_samples[std::clamp<qsizetype>(rank, 0, m_samples.size() - 1)];
    }
    [[nodiscard]] double min() { return percentile(0); }
    [[nodiscard]] double max() { return percentile(100); }

    // "p50 0.41 ms  p99 1.20 ms  min 0.30  max 2.10  (n=1000)"
    [[nodiscard]] QString summary(const QString& unit)
    {
        return QStringLiteral("p50 %1 %5  p99 %2 %5  min %3  max %4  (n=%6)")
            .arg(percentile(50), 0, 'f', 3)
            .arg(percentile(99), 0, 'f', 3)
            .arg(min(), 0, 'f', 3)
            .arg(max(), 0, 'f', 3)
            .arg(unit)
            .arg(count());
    }

private:
    void sort()
    {
        if (!m_sorted)
            std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }

    QList<double> m_samples;
    bool m_sorted = false;
};
