#include "stockmodel.h"

#include "localstore.h"
#include "uilogging.h"

#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace stockline::ui {

namespace {

constexpr int flashTickMs = 250;

// Every typed word must appear in the row's "sku name", ignoring case.
QList<int> matchRows(const std::shared_ptr<const QStringList>& text,
                     const std::shared_ptr<const QList<int>>& locations, const QStringList& words,
                     int location)
{
    QList<int> matched;
    for (qsizetype i = 0; i < text->size(); ++i) {
        if (location >= 0 && locations->at(i) != location)
            continue;
        bool all = true;
        for (const QString& word : words) {
            if (!text->at(i).contains(word)) {
                all = false;
                break;
            }
        }
        if (all)
            matched.append(static_cast<int>(i));
    }
    return matched;
}

} // namespace

StockModel::StockModel(const LocalStore& store, QObject* parent)
    : QAbstractListModel(parent), m_store(store)
{
    m_clock.start();
    m_flashTimer.setInterval(flashTickMs);
    connect(&m_flashTimer, &QTimer::timeout, this, &StockModel::endFlashes);
    connect(&m_filterWatcher, &QFutureWatcher<QList<int>>::finished, this, [this] {
        m_filtering = false; // the worker is done; a stale result starts it again at once
        if (m_filterAgain) {
            refilter();
            return;
        }
        showFiltered(m_filterWatcher.result());
        Q_EMIT filteringChanged();
    });
}

StockModel::~StockModel()
{
    m_filterWatcher.waitForFinished();
}

int StockModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant StockModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case SkuRole:
        return row.sku;
    case LocationRole:
        return m_locations.at(row.location);
    case OnHandRole:
        return row.onHand;
    case ReservedRole:
        return row.reserved;
    case AvailableRole:
        return row.available();
    case ReorderPointRole:
        return row.reorderPoint;
    case LowRole:
        return row.low();
    case FlashingRole:
        return row.flashUntil > m_clock.elapsed();
    case VersionRole:
        return row.version;
    default:
        return {};
    }
}

QHash<int, QByteArray> StockModel::roleNames() const
{
    return {{SkuRole, "sku"},
            {NameRole, "name"},
            {LocationRole, "location"},
            {OnHandRole, "onHand"},
            {ReservedRole, "reserved"},
            {AvailableRole, "available"},
            {ReorderPointRole, "reorderPoint"},
            {LowRole, "low"},
            {FlashingRole, "flashing"},
            {VersionRole, "version"}};
}

void StockModel::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    Q_EMIT filterChanged();
    refilter();
}

void StockModel::setLocation(const QString& location)
{
    if (location == m_location)
        return;
    m_location = location;
    Q_EMIT filterChanged();
    refilter();
}

void StockModel::setLowOnly(bool lowOnly)
{
    if (lowOnly == m_lowOnly)
        return;
    m_lowOnly = lowOnly;
    Q_EMIT filterChanged();
    refilter();
}

QString StockModel::key(const QString& sku, const QString& location)
{
    return sku + QChar(u'\x1f') + location;
}

void StockModel::reload()
{
    QElapsedTimer timer;
    timer.start();
    if (const Status read = this->read(); !read) {
        setError(read.error().toString());
        return;
    }
    setError({});
    qCInfo(lcUi) << "stock view: read" << m_rows.size() << "levels in" << timer.elapsed() << "ms";
    Q_EMIT loaded();
    refilter();
}

// Every active product at every location, with its level where the replica has one.
Status StockModel::read()
{
    QSqlQuery locations = m_store.prepare(QStringLiteral("SELECT id FROM locations ORDER BY id"));
    if (!locations.exec())
        return LocalStore::sqlError(locations, QStringLiteral("read the locations"));
    QStringList ids;
    while (locations.next())
        ids.append(locations.value(0).toString());
    QSqlQuery levels = m_store.prepare(
        QStringLiteral("SELECT sku, location, on_hand, reserved, version FROM levels"));
    if (!levels.exec())
        return LocalStore::sqlError(levels, QStringLiteral("read the stock levels"));
    QHash<QString, StockLevel> byKey;
    while (levels.next()) {
        const QString location = levels.value(1).toString();
        if (!ids.contains(location))
            ids.append(location); // the server knows it; the replica's list may lag
        byKey.insert(key(levels.value(0).toString(), location),
                     StockLevel{levels.value(0).toString(), location, levels.value(2).toLongLong(),
                                levels.value(3).toLongLong(), levels.value(4).toLongLong()});
    }
    QSqlQuery products = m_store.prepare(
        QStringLiteral("SELECT sku, name, reorder_point FROM products WHERE active ORDER BY sku"));
    if (!products.exec())
        return LocalStore::sqlError(products, QStringLiteral("read the products"));
    QList<Row> rows;
    auto text = std::make_shared<QStringList>();
    auto rowLocations = std::make_shared<QList<int>>();
    while (products.next()) {
        const QString sku = products.value(0).toString();
        const QString name = products.value(1).toString();
        const QString searchKey = (sku + QLatin1Char(' ') + name).toLower();
        for (int l = 0; l < ids.size(); ++l) {
            const StockLevel level = byKey.value(key(sku, ids.at(l)));
            rows.append(Row{sku, name, l, level.onHand, level.reserved, level.version,
                            products.value(2).toLongLong(), 0});
            text->append(searchKey);
            rowLocations->append(l);
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_rowIndex.clear();
    m_rowIndex.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowIndex.insert(key(m_rows.at(i).sku, ids.at(m_rows.at(i).location)), i);
    m_locations = ids;
    m_text = std::move(text);
    m_textLocations = std::move(rowLocations);
    m_visible.clear();
    m_visibleIndex.clear();
    m_flashing.clear();
    endResetModel();
    Q_EMIT countChanged();
    return success();
}

void StockModel::refilter()
{
    if (m_filtering) {
        m_filterAgain = true;
        return;
    }
    m_filterAgain = false;
    const QStringList words = m_searchText.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int location =
        m_location.isEmpty() ? -1 : static_cast<int>(m_locations.indexOf(m_location));
    if (!m_location.isEmpty() && location < 0) {
        showFiltered({});
        return;
    }
    setFiltering(true);
    m_filterWatcher.setFuture(
        QtConcurrent::run(matchRows, m_text, m_textLocations, words, location));
}

void StockModel::setFiltering(bool filtering)
{
    if (filtering == m_filtering)
        return;
    m_filtering = filtering;
    Q_EMIT filteringChanged();
}

void StockModel::showFiltered(const QList<int>& matched)
{
    beginResetModel();
    m_visible.clear();
    m_visibleIndex.clear();
    for (const int row : matched) {
        if (m_lowOnly && !m_rows.at(row).low())
            continue;
        m_visibleIndex.insert(row, static_cast<int>(m_visible.size()));
        m_visible.append(row);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void StockModel::applyLevels(const QList<StockLevel>& levels)
{
    const qint64 until = m_clock.elapsed() + flashMs;
    for (const StockLevel& level : levels) {
        const auto it = m_rowIndex.constFind(key(level.sku, level.location));
        if (it == m_rowIndex.cend())
            continue; // an inactive product, or one the catalog has not brought yet
        Row& row = m_rows[*it];
        row.onHand = level.onHand;
        row.reserved = level.reserved;
        row.version = level.version;
        row.flashUntil = until;
        if (!m_flashing.contains(static_cast<int>(*it)))
            m_flashing.append(static_cast<int>(*it));
        if (const auto shown = m_visibleIndex.constFind(static_cast<int>(*it));
            shown != m_visibleIndex.cend()) {
            const QModelIndex changed = index(*shown);
            Q_EMIT dataChanged(changed, changed);
        }
    }
    if (!m_flashing.isEmpty() && !m_flashTimer.isActive())
        m_flashTimer.start();
}

void StockModel::endFlashes()
{
    const qint64 now = m_clock.elapsed();
    for (qsizetype i = m_flashing.size() - 1; i >= 0; --i) {
        const int row = m_flashing.at(i);
        if (m_rows.at(row).flashUntil > now)
            continue;
        m_flashing.removeAt(i);
        if (const auto shown = m_visibleIndex.constFind(row); shown != m_visibleIndex.cend()) {
            const QModelIndex ended = index(*shown);
            Q_EMIT dataChanged(ended, ended, {FlashingRole});
        }
    }
    if (m_flashing.isEmpty())
        m_flashTimer.stop();
}

int StockModel::rowOf(const QString& sku, const QString& location) const
{
    const auto it = m_rowIndex.constFind(key(sku, location));
    if (it == m_rowIndex.cend())
        return -1;
    return m_visibleIndex.value(static_cast<int>(*it), -1);
}

QString StockModel::skuAt(int row) const
{
    return data(index(row), SkuRole).toString();
}

QString StockModel::locationAt(int row) const
{
    return data(index(row), LocationRole).toString();
}

void StockModel::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    if (!error.isEmpty())
        qCWarning(lcUi).noquote() << "stock view:" << error;
    Q_EMIT errorStringChanged();
}

} // namespace stockline::ui
