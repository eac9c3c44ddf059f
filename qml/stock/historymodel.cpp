#include "historymodel.h"

#include "catalog.h"
#include "client.h"
#include "transport.h"

#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QVariantMap>

namespace stockline::qml {

HistoryModel::HistoryModel(sync::Client* client, const Catalog* catalog, QObject* parent)
    : QAbstractListModel(parent), m_client(client), m_catalog(catalog)
{
    if (m_client)
        connect(m_client, &sync::Client::historyReceived, this, &HistoryModel::onHistory);
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::HistoryEntry& e = m_entries.at(index.row());
    switch (role) {
    case AtRole:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case Qt::DisplayRole:
    case KindRole:
        return e.kind;
    case LocationRole:
        return e.location;
    case DeltaRole:
        return e.onHandDelta;
    case ReservedDeltaRole:
        return e.reservedDelta;
    case OnHandRole:
        return e.onHand;
    case TerminalRole:
        return e.terminal;
    case DetailRole:
        return describe(e.detail);
    case DeltaTextRole:
        return (e.onHandDelta > 0 ? QStringLiteral("+") : QString()) +
               quantityText(e.onHandDelta, m_unit);
    case OnHandTextRole:
        return quantityText(e.onHand, m_unit);
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {{AtRole, "at"},
            {KindRole, "kind"},
            {LocationRole, "location"},
            {DeltaRole, "delta"},
            {ReservedDeltaRole, "reservedDelta"},
            {OnHandRole, "onHand"},
            {TerminalRole, "terminal"},
            {DetailRole, "detail"},
            {DeltaTextRole, "deltaText"},
            {OnHandTextRole, "onHandText"}};
}

void HistoryModel::load(const QString& sku, const QString& location)
{
    m_sku = sku;
    m_location = location;
    m_unit = unitOf(sku);
    Q_EMIT requested();
    const QString request =
        m_client ? m_client->requestHistory(sku, location, defaultLimit) : QString();
    if (request.isEmpty()) {
        m_request.clear();
        finish({},
               tr("The history needs the server, and this terminal is not connected to it "
                  "right now."),
               false);
        Q_EMIT loadingChanged();
        return;
    }
    m_request = request;
    Q_EMIT loadingChanged();
}

Unit HistoryModel::unitOf(const QString& sku) const
{
    if (!m_catalog)
        return Unit::Each;
    const Result<std::optional<Product>> product = m_catalog->bySku(sku);
    return product && product->has_value() ? (*product)->unit : Unit::Each;
}

void HistoryModel::clear()
{
    m_sku.clear();
    m_location.clear();
    m_request.clear();
    Q_EMIT requested();
    finish({}, {}, false);
    Q_EMIT loadingChanged();
}

void HistoryModel::onHistory(const sync::HistoryReply& reply)
{
    if (reply.request != m_request)
        return; // an answer to a request that was replaced
    showReply(reply);
}

void HistoryModel::showReply(const sync::HistoryReply& reply)
{
    m_request.clear();
    m_sku = reply.sku;
    m_location = reply.location;
    m_unit = unitOf(reply.sku);
    Q_EMIT requested();
    finish(reply.entries,
           reply.code.isEmpty() ? QString()
                                : tr("The server cannot show this history: %1").arg(reply.message),
           reply.more);
    Q_EMIT loadingChanged();
}

void HistoryModel::finish(QList<sync::HistoryEntry> entries, const QString& error, bool more)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    m_error = error;
    m_more = more;
    m_points = chartPoints(m_entries);
    Q_EMIT answered();
}

QVariantList HistoryModel::chartPoints(const QList<sync::HistoryEntry>& newestFirst)
{
    QHash<QString, qint64> level; // per location, the latest figure so far
    for (const sync::HistoryEntry& e : newestFirst)
        level.insert(e.location, e.onHand - e.onHandDelta); // the oldest entry's "before" wins
    qint64 total = 0;
    for (const qint64 units : std::as_const(level))
        total += units;
    QVariantList points;
    points.reserve(newestFirst.size());
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        total += it->onHand - level.value(it->location);
        level.insert(it->location, it->onHand);
        points.append(QVariantMap{{QStringLiteral("t"), it->at.toMSecsSinceEpoch()},
                                  {QStringLiteral("v"), total}});
    }
    return points;
}

// The ledger's detail in a line: the fields that say why, in the server's words.
QString HistoryModel::describe(const QJsonObject& detail)
{
    QStringList parts;
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it) {
        const QJsonValue value = it.value();
        const QString text =
            value.isString() ? value.toString()
            : value.isBool() ? (value.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
            : value.isDouble()
                ? QString::number(value.toInteger())
                : QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        parts.append(QStringLiteral("%1 %2").arg(it.key(), text));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace stockline::qml
