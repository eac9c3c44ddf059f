#include "metricsregistry.h"

#include <cmath>

namespace stockline::sync {

namespace {

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Whole numbers as integers: counts read as counts, and promtool compares them exactly.
    if (std::abs(value) < 9.0e15 && value == std::floor(value))
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', 12);
}

// The text format's escapes in a label value: backslash, double quote and line feed.
QString escaped(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    return out;
}

QString labelText(const MetricsRegistry::Labels& labels)
{
    QStringList parts;
    for (const auto& [name, value] : labels)
        parts.append(name + QStringLiteral("=\"") + escaped(value) + u'"');
    return parts.join(u',');
}

void appendSample(QByteArray& out, const QString& name, const QString& labels, double value)
{
    out += name.toUtf8();
    if (!labels.isEmpty())
        out += '{' + labels.toUtf8() + '}';
    out += ' ' + number(value) + '\n';
}

} // namespace

void MetricsRegistry::declare(const QString& name, Type type, const QString& help, bool labelled,
                              QList<double> buckets)
{
    std::lock_guard lock(m_mutex);
    Q_ASSERT(!m_byName.contains(name));
    m_byName.insert(name, m_families.size());
    m_families.append(Family{name, type, help, std::move(buckets), {}, {}});
    if (!labelled)
        series(name, {});
}

MetricsRegistry::Series& MetricsRegistry::series(const QString& name, const Labels& labels)
{
    Q_ASSERT(m_byName.contains(name));
    Family& family = m_families[m_byName.value(name)];
    const QString key = labelText(labels);
    auto it = family.series.find(key);
    if (it == family.series.end()) {
        it = family.series.insert(key, Series{labels, 0, 0, {}});
        it->buckets.fill(0, family.bounds.size());
        family.order.append(key);
    }
    return *it;
}

void MetricsRegistry::add(const QString& name, const Labels& labels, double amount)
{
    std::lock_guard lock(m_mutex);
    series(name, labels).value += amount;
}

void MetricsRegistry::set(const QString& name, const Labels& labels, double value)
{
    std::lock_guard lock(m_mutex);
    series(name, labels).value = value;
}

void MetricsRegistry::observe(const QString& name, const Labels& labels, double value)
{
    std::lock_guard lock(m_mutex);
    const QList<double>& bounds = m_families.at(m_byName.value(name)).bounds;
    Series& s = series(name, labels);
    s.value += value;
    ++s.count;
    for (qsizetype i = 0; i < bounds.size(); ++i)
        if (value <= bounds.at(i)) {
            ++s.buckets[i];
            break;
        }
}

void MetricsRegistry::clear(const QString& name)
{
    std::lock_guard lock(m_mutex);
    Family& family = m_families[m_byName.value(name)];
    family.series.clear();
    family.order.clear();
}

double MetricsRegistry::value(const QString& name, const Labels& labels) const
{
    std::lock_guard lock(m_mutex);
    if (!m_byName.contains(name))
        return 0;
    const Family& family = m_families.at(m_byName.value(name));
    const auto it = family.series.constFind(labelText(labels));
    if (it == family.series.cend())
        return 0;
    return family.type == Type::Histogram ? static_cast<double>(it->count) : it->value;
}

void MetricsRegistry::render(QByteArray& out, const Family& family)
{
    static const char* const typeNames[] = {"counter", "gauge", "histogram"};
    out += "# HELP " + family.name.toUtf8() + ' ' + family.help.toUtf8() + '\n';
    out += "# TYPE " + family.name.toUtf8() + ' ' + typeNames[static_cast<int>(family.type)] + '\n';
    for (const QString& key : family.order) {
        const Series& s = family.series.value(key);
        if (family.type != Type::Histogram) {
            appendSample(out, family.name, key, s.value);
            continue;
        }
        const QString prefix = key.isEmpty() ? QString() : key + u',';
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < family.bounds.size(); ++i) {
            cumulative += s.buckets.at(i);
            appendSample(out, family.name + QStringLiteral("_bucket"),
                         prefix + QStringLiteral("le=\"%1\"")
                                      .arg(QString::fromLatin1(number(family.bounds.at(i)))),
                         static_cast<double>(cumulative));
        }
        appendSample(out, family.name + QStringLiteral("_bucket"),
                     prefix + QStringLiteral("le=\"+Inf\""), static_cast<double>(s.count));
        appendSample(out, family.name + QStringLiteral("_sum"), key, s.value);
        appendSample(out, family.name + QStringLiteral("_count"), key,
                     static_cast<double>(s.count));
    }
}

QByteArray MetricsRegistry::exposition() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    for (const Family& family : m_families)
        render(out, family);
    return out;
}

} // namespace stockline::sync
