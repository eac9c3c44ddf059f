#pragma once

#include "error.h"
#include "product.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace stockline {
class LocalStore;
}

namespace stockline::qml {

// The live stock view: every active SKU at every location of the terminal's replica, with on
// hand, reserved and available, filtered by typed text (SKU or name, every word), location and
// "low stock only". A level is low when its product has a reorder point and available is at
// or below it. Levels the server pushes update their rows in place and flash for a moment.
//
// Speed: the rows are read from the store on a worker thread with a connection of its own (a
// few hundred ms for 100,000 products at two locations), so showing the view never freezes
// the screen; levels pushed while it reads are kept and applied on top of what it read. The
// text and location filter runs on a worker thread too, over an immutable copy of the search
// keys, so typing never waits for it, and only the newest filter's result is kept. Rows that
// stop matching "low only" after a live change stay until the filter changes, so a row does
// not jump away under the reader's eyes.
//
// Threading: the store's thread, apart from the two workers: the reader uses only its own
// connection to the store's file and returns a snapshot; the filter reads only its copy.
class StockModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The stock views own the stock model")
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QString location READ location WRITE setLocation NOTIFY filterChanged)
    Q_PROPERTY(bool lowOnly READ lowOnly WRITE setLowOnly NOTIFY filterChanged)
    Q_PROPERTY(QStringList locations READ locations NOTIFY loaded)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY loaded)
    // Reading the rows or filtering them: the view is not final yet.
    Q_PROPERTY(bool filtering READ filtering NOTIFY filteringChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY filteringChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    enum Role {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        LocationRole,
        OnHandRole,
        ReservedRole,
        AvailableRole,
        ReorderPointRole,
        LowRole,
        FlashingRole,
        VersionRole,
        // The figures as shown: "12", or "12.500 kg" of a measured product.
        OnHandTextRole,
        ReservedTextRole,
        AvailableTextRole,
    };
    Q_ENUM(Role)

    static constexpr int flashMs = 1500;

    explicit StockModel(const LocalStore& store, QObject* parent = nullptr);
    ~StockModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    [[nodiscard]] QString location() const { return m_location; }
    void setLocation(const QString& location);
    [[nodiscard]] bool lowOnly() const { return m_lowOnly; }
    void setLowOnly(bool lowOnly);
    [[nodiscard]] QStringList locations() const { return m_locations; }
    [[nodiscard]] int count() const { return static_cast<int>(m_visible.size()); }
    [[nodiscard]] int totalCount() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] bool filtering() const { return m_filtering || m_loading; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QString errorString() const { return m_error; }

    // Reads every row from the store again (a full snapshot, or the catalog changed), on a
    // worker thread; returns at once. loaded() follows when the rows are in.
    Q_INVOKABLE void reload();
    // Levels the server pushed, already in the replica: their rows change in place and flash.
    // While rows are being read they are also kept, and applied again to what was read.
    void applyLevels(const QList<StockLevel>& levels);
    // The row of `sku` at `location` in the current view, or -1.
    Q_INVOKABLE int rowOf(const QString& sku, const QString& location) const;
    // The SKU and location of a row in the current view; empty when there is no such row.
    Q_INVOKABLE QString skuAt(int row) const;
    Q_INVOKABLE QString locationAt(int row) const;

Q_SIGNALS:
    void filterChanged();
    void countChanged();
    void loaded();
    void filteringChanged();
    void errorStringChanged();

private:
    struct Row
    {
        QString sku;
        QString name;
        int location = 0; // into m_locations
        qint64 onHand = 0;
        qint64 reserved = 0;
        qint64 version = 0;
        qint64 reorderPoint = 0;
        qint64 flashUntil = 0;  // m_clock ms; 0: not flashing
        Unit unit = Unit::Each; // figures in g / ml / mm of a measured product

        [[nodiscard]] qint64 available() const { return onHand - reserved; }
        [[nodiscard]] bool low() const { return reorderPoint > 0 && available() <= reorderPoint; }
    };
    // What the reader returns: the rows and what is looked up by them.
    struct Snapshot
    {
        QList<Row> rows;
        QHash<QString, qsizetype> rowIndex;
        QStringList locations;
        std::shared_ptr<const QStringList> text;
        std::shared_ptr<const QList<int>> textLocations;
        QString error; // why nothing was read
    };
    // On the reader's thread: opens, reads and closes a connection of its own.
    [[nodiscard]] static Snapshot read(const QString& path);
    [[nodiscard]] static Status readWith(const QSqlDatabase& db, Snapshot& into);
    void startReading();
    void onRead(Snapshot snapshot);
    void install(Snapshot snapshot);
    void refilter();
    void showFiltered(const QList<int>& matched);
    void setFiltering(bool filtering);
    void setLoading(bool loading);
    void endFlashes();
    void setError(const QString& error);
    // The row of m_rows[row] in the current view, or -1.
    [[nodiscard]] int visibleRow(qsizetype row) const;
    [[nodiscard]] static QString key(const QString& sku, const QString& location);

    const LocalStore& m_store;
    QList<Row> m_rows;
    QHash<QString, qsizetype> m_rowIndex; // key(sku, location) → m_rows
    // What the filter's worker reads, per row: the lower-case "sku name" and the location.
    // Never changed once made, only replaced, so the worker can read it while rows change.
    std::shared_ptr<const QStringList> m_text;
    std::shared_ptr<const QList<int>> m_textLocations;
    QStringList m_locations;
    QList<int> m_visible; // rows shown, into m_rows
    // Per m_rows index, its m_visible index or -1: a list, not a hash, so showing a filter's
    // result over 200,000 rows takes a few ms on the UI thread instead of tens.
    QList<int> m_visibleIndex;

    QString m_searchText;
    QString m_location;
    bool m_lowOnly = false;
    QString m_error;

    QFuture<void> m_reader;
    bool m_loading = false;   // from starting the reader until its rows are in
    bool m_readAgain = false; // reload() while the reader ran: what it read may be stale
    QList<StockLevel> m_pushedWhileReading; // applied again to what the reader returns

    QFutureWatcher<QList<int>> m_filterWatcher;
    bool m_filtering = false;   // from starting the worker until its result is shown
    bool m_filterAgain = false; // the filter changed while the worker ran: its result is stale

    QElapsedTimer m_clock;
    QTimer m_flashTimer;
    QList<int> m_flashing; // m_rows indices
};

} // namespace stockline::qml
