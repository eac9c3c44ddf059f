#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <utility>

namespace stockline::sync {

// Counters, gauges and histograms with labels, rendered in Prometheus' text exposition format
// (version 0.0.4). Any thread may update a series: the storage thread counts what it commits,
// the socket thread what it refuses, and a scrape renders them all under the same lock. Updates
// are a few a batch or a connection, so one mutex costs nothing worth measuring.
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge, Histogram };
    // Label name and value pairs, in the order the family declared its names.
    using Labels = QList<std::pair<QString, QString>>;

    // Declares a family once, before any update; `buckets` are a histogram's upper bounds,
    // ascending (the +Inf bucket is implied). Families are rendered in declaration order. A
    // family without labels exists from here on (at zero), so a scrape always shows it.
    void declare(const QString& name, Type type, const QString& help, bool labelled = false,
                 QList<double> buckets = {});

    // Counters only go up; gauges may go either way.
    void add(const QString& name, const Labels& labels = {}, double amount = 1);
    void set(const QString& name, const Labels& labels, double value);
    void observe(const QString& name, const Labels& labels, double value);
    // Drops every series of a family (one whose label values come and go, as terminals do).
    void clear(const QString& name);

    // Every family's HELP and TYPE and every series, as Prometheus scrapes it.
    [[nodiscard]] QByteArray exposition() const;
    // One series' value (a histogram's count), 0 when it does not exist; for tests and status.
    [[nodiscard]] double value(const QString& name, const Labels& labels = {}) const;

private:
    struct Series
    {
        Labels labels;
        double value = 0; // counter, gauge; a histogram's sum
        quint64 count = 0;
        QList<quint64> buckets; // observations at or below each bound (cumulative on render)
    };
    struct Family
    {
        QString name;
        Type type = Type::Counter;
        QString help;
        QList<double> bounds;
        QHash<QString, Series> series; // by rendered label set
        QList<QString> order;          // label sets in the order they first appeared
    };

    Series& series(const QString& name, const Labels& labels);
    static void render(QByteArray& out, const Family& family);

    mutable std::mutex m_mutex;
    QList<Family> m_families;
    QHash<QString, qsizetype> m_byName;
};

} // namespace stockline::sync
