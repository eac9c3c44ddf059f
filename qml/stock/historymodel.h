#pragma once

#include "protocol.h"
#include "unit.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace stockline::sync {
class Client;
}

namespace stockline {
class Catalog;
}

namespace stockline::qml {

// The ledger of one SKU as the server keeps it (sync `history`), newest first, and the level
// over time for a small chart (`points`, oldest first). The history lives on the server only:
// offline, `errorString` says so and the list stays empty.
//
// Threading: the client's thread.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The stock views own the history model")
    Q_PROPERTY(QString sku READ sku NOTIFY requested)
    Q_PROPERTY(QString location READ location NOTIFY requested)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY answered)
    Q_PROPERTY(int count READ count NOTIFY answered)
    Q_PROPERTY(bool more READ more NOTIFY answered)
    // [{t: ms since the epoch, v: units on hand}], oldest first
    Q_PROPERTY(QVariantList points READ points NOTIFY answered)

public:
    enum Role {
        AtRole = Qt::UserRole + 1,
        KindRole,
        LocationRole,
        DeltaRole,
        ReservedDeltaRole,
        OnHandRole,
        TerminalRole,
        DetailRole,
        DeltaTextRole,  // "+3", "-0.532 kg"
        OnHandTextRole, // "12", "12.500 kg"
    };
    Q_ENUM(Role)

    static constexpr qint64 defaultLimit = 200;

    // `client` may be null (no server configured).
    // `catalog` (may be null) tells the unit a SKU's quantities are shown in.
    explicit HistoryModel(sync::Client* client, const Catalog* catalog = nullptr,
                          QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString sku() const { return m_sku; }
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] bool loading() const { return !m_request.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int count() const { return static_cast<int>(m_entries.size()); }
    [[nodiscard]] bool more() const { return m_more; }
    [[nodiscard]] QVariantList points() const { return m_points; }

    // Asks the server for the history of `sku` at `location` (empty: every location).
    Q_INVOKABLE void load(const QString& sku, const QString& location);
    Q_INVOKABLE void clear();
    // Shows an answer from the server (the one to the request waiting, or a recorded one).
    void showReply(const sync::HistoryReply& reply);

    // The level after each entry, oldest first: at one location its on hand, over every
    // location the sum of each location's latest figure (a location seen only later counts
    // from what it held before its first entry here).
    [[nodiscard]] static QVariantList chartPoints(const QList<sync::HistoryEntry>& newestFirst);

Q_SIGNALS:
    void requested();
    void loadingChanged();
    void answered();

private:
    [[nodiscard]] Unit unitOf(const QString& sku) const;
    void onHistory(const sync::HistoryReply& reply);
    void finish(QList<sync::HistoryEntry> entries, const QString& error, bool more);
    [[nodiscard]] static QString describe(const QJsonObject& detail);

    QPointer<sync::Client> m_client;
    const Catalog* m_catalog = nullptr;
    QString m_sku;
    Unit m_unit = Unit::Each; // of m_sku
    QString m_location;
    QString m_request; // the request awaiting its answer; empty: none
    QString m_error;
    QList<sync::HistoryEntry> m_entries;
    QVariantList m_points;
    bool m_more = false;
};

} // namespace stockline::qml
