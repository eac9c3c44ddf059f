#include "stockmodel.h"

#include "localstore.h"
#include "qmllogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <utility>

namespace stockline::qml {

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
    m_reader.waitForFinished();
    m_filterWatcher.waitForFinished();
}

void StockModel::onRead(Snapshot snapshot)
{
    if (m_readAgain) {
        startReading();
        return;
    }
    if (!snapshot.error.isEmpty()) {
        m_pushedWhileReading.clear();
        setLoading(false);
        setError(snapshot.error);
        return;
    }
    setError({});
    qCInfo(lcQml) << "stock view: read" << snapshot.rows.size() << "levels";
    install(std::move(snapshot));
    // What was pushed while reading may be newer than what the reader saw: it wins, in order.
    const QList<StockLevel> pushed = std::exchange(m_pushedWhileReading, {});
    applyLevels(pushed);
    Q_EMIT loaded();
    m_loading = false;
    refilter(); // the filter's start keeps `filtering` true
    Q_EMIT filteringChanged();
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
    case OnHandTextRole:
        return quantityText(row.onHand, row.unit);
    case ReservedTextRole:
        return quantityText(row.reserved, row.unit);
    case AvailableTextRole:
        return quantityText(row.available(), row.unit);
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
            {VersionRole, "version"},
            {OnHandTextRole, "onHandText"},
            {ReservedTextRole, "reservedText"},
            {AvailableTextRole, "availableText"}};
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
    if (m_loading) {
        m_readAgain = true; // the running reader may have missed what changed
        return;
    }
    startReading();
}

void StockModel::startReading()
{
    m_readAgain = false; // what was pushed so far is kept for the new reader's rows too
    setLoading(true);
    // The snapshot comes back as a queued call, moved, so the model holds the only reference
    // to its rows (a copy kept elsewhere would make the first live change copy them all).
    // The destructor waits for the reader, so `this` outlives it; a call still queued when the
    // model goes is dropped with it.
    m_reader = QtConcurrent::run([this, path = m_store.path()] {
        QMetaObject::invokeMethod(
            this, [this, snapshot = read(path)]() mutable { onRead(std::move(snapshot)); },
            Qt::QueuedConnection);
    });
}

StockModel::Snapshot StockModel::read(const QString& path)
{
    static std::atomic<int> readers{0};
    const QString name = QStringLiteral("stockline-stock-reader-%1").arg(++readers);
    Snapshot snapshot;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(LocalStore::busyTimeoutMs));
        if (!db.open())
            snapshot.error = StockModel::tr("cannot open %1 to read the stock: %2")
                                 .arg(path, db.lastError().text());
        else if (const Status read = readWith(db, snapshot); !read)
            snapshot.error = read.error().toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return snapshot;
}

// Every active product at every location, with its level where the replica has one, read in
// one transaction so levels and products agree.
Status StockModel::readWith(const QSqlDatabase& db, Snapshot& into)
{
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN")))
        return LocalStore::sqlError(begin, QStringLiteral("start reading the stock"));
    QSqlQuery locations(db);
    if (!locations.exec(QStringLiteral("SELECT id FROM locations ORDER BY id")))
        return LocalStore::sqlError(locations, QStringLiteral("read the locations"));
    QStringList ids;
    while (locations.next())
        ids.append(locations.value(0).toString());
    QSqlQuery levels(db);
    if (!levels.exec(
            QStringLiteral("SELECT sku, location, on_hand, reserved, version FROM levels")))
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
    QSqlQuery products(db);
    if (!products.exec(QStringLiteral(
            "SELECT sku, name, reorder_point, unit FROM products WHERE active ORDER BY sku")))
        return LocalStore::sqlError(products, QStringLiteral("read the products"));
    auto text = std::make_shared<QStringList>();
    auto rowLocations = std::make_shared<QList<int>>();
    while (products.next()) {
        const QString sku = products.value(0).toString();
        const QString name = products.value(1).toString();
        const QString searchKey = (sku + QLatin1Char(' ') + name).toLower();
        const Unit unit = unitFromName(products.value(3).toString()).value_or(Unit::Each);
        for (int l = 0; l < ids.size(); ++l) {
            const StockLevel level = byKey.value(key(sku, ids.at(l)));
            into.rows.append(Row{sku, name, l, level.onHand, level.reserved, level.version,
                                 products.value(2).toLongLong(), 0, unit});
            text->append(searchKey);
            rowLocations->append(l);
        }
    }
    QSqlQuery end(db);
    (void)end.exec(QStringLiteral("COMMIT")); // a read: nothing to keep or lose
    into.rowIndex.reserve(into.rows.size());
    for (qsizetype i = 0; i < into.rows.size(); ++i)
        into.rowIndex.insert(key(into.rows.at(i).sku, ids.at(into.rows.at(i).location)), i);
    into.locations = ids;
    into.text = std::move(text);
    into.textLocations = std::move(rowLocations);
    return success();
}

void StockModel::install(Snapshot snapshot)
{
    beginResetModel();
    m_rows = std::move(snapshot.rows);
    m_rowIndex = std::move(snapshot.rowIndex);
    m_locations = std::move(snapshot.locations);
    m_text = std::move(snapshot.text);
    m_textLocations = std::move(snapshot.textLocations);
    m_visible.clear();
    m_visibleIndex.clear();
    m_flashing.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void StockModel::refilter()
{
    if (m_loading)
        return; // the reader's rows are filtered when they are in
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
    const bool was = this->filtering();
    m_filtering = filtering;
    if (this->filtering() != was)
        Q_EMIT filteringChanged();
}

void StockModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT filteringChanged(); // `loading`, and `filtering` too when no filter runs
}

void StockModel::showFiltered(const QList<int>& matched)
{
    beginResetModel();
    m_visible.clear();
    m_visibleIndex.fill(-1, m_rows.size());
    for (const int row : matched) {
        if (m_lowOnly && !m_rows.at(row).low())
            continue;
        m_visibleIndex[row] = static_cast<int>(m_visible.size());
        m_visible.append(row);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void StockModel::applyLevels(const QList<StockLevel>& levels)
{
    if (m_loading)
        m_pushedWhileReading.append(levels);
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
        if (const int shown = visibleRow(*it); shown >= 0) {
            const QModelIndex changed = index(shown);
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
        if (const int shown = visibleRow(row); shown >= 0) {
            const QModelIndex ended = index(shown);
            Q_EMIT dataChanged(ended, ended, {FlashingRole});
        }
    }
    if (m_flashing.isEmpty())
        m_flashTimer.stop();
}

int StockModel::visibleRow(qsizetype row) const
{
    return row < m_visibleIndex.size() ? m_visibleIndex.at(row) : -1;
}

int StockModel::rowOf(const QString& sku, const QString& location) const
{
    const auto it = m_rowIndex.constFind(key(sku, location));
    if (it == m_rowIndex.cend())
        return -1;
    return visibleRow(*it);
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
        qCWarning(lcQml).noquote() << "stock view:" << error;
    Q_EMIT errorStringChanged();
}

} // namespace stockline::qml
