#include "receiptmodel.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace stockline::qml {

ReceiptModel::ReceiptModel(QObject* parent) : QAbstractListModel(parent) {}

int ReceiptModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> ReceiptModel::roleNames() const
{
    return {{SkuRole, "sku"},
            {NameRole, "name"},
            {ExpectedRole, "expected"},
            {BeforeRole, "before"},
            {CountedRole, "counted"},
            {RejectedRole, "rejected"},
            {RemainingRole, "remaining"},
            {StateRole, "status"},
            {ExpectedTextRole, "expectedText"},
            {BeforeTextRole, "beforeText"},
            {CountedTextRole, "countedText"},
            {RejectedTextRole, "rejectedText"},
            {RemainingTextRole, "remainingText"}};
}

QVariant ReceiptModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& l = m_lines.at(index.row());
    switch (role) {
    case SkuRole:
        return l.sku;
    case Qt::DisplayRole:
    case NameRole:
        return l.name;
    case ExpectedRole:
        return l.expected;
    case BeforeRole:
        return l.before;
    case CountedRole:
        return l.counted;
    case RejectedRole:
        return l.rejected;
    case RemainingRole: // what the delivery still expects after what is counted now
        return l.expected < 0 ? qint64{-1} : l.expected - l.before - l.counted;
    case StateRole:
        return stateName(state(index.row()));
    case ExpectedTextRole:
        return l.expected < 0 ? QString() : quantityText(l.expected, l.unit);
    case BeforeTextRole:
        return quantityText(l.before, l.unit);
    case CountedTextRole:
        return quantityText(l.counted, l.unit);
    case RejectedTextRole:
        return quantityText(l.rejected, l.unit);
    case RemainingTextRole:
        return l.expected < 0 ? QString()
                              : quantityText(std::abs(l.expected - l.before - l.counted), l.unit);
    default:
        return {};
    }
}

int ReceiptModel::rowOf(const QString& sku) const
{
    const auto at =
        std::find_if(m_lines.cbegin(), m_lines.cend(), [&](const Line& l) { return l.sku == sku; });
    return at == m_lines.cend() ? -1 : static_cast<int>(at - m_lines.cbegin());
}

qint64 ReceiptModel::countedTotal() const
{
    return std::accumulate(m_lines.cbegin(), m_lines.cend(), qint64{0},
                           [](qint64 total, const Line& l) { return total + l.counted; });
}

qint64 ReceiptModel::rejectedTotal() const
{
    return std::accumulate(m_lines.cbegin(), m_lines.cend(), qint64{0},
                           [](qint64 total, const Line& l) { return total + l.rejected; });
}

void ReceiptModel::setTolerancePercent(int percent)
{
    m_tolerancePercent = std::clamp(percent, 0, 100);
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(count() - 1), {StateRole});
}

ReceiptModel::State ReceiptModel::state(int row) const
{
    const Line& l = m_lines.at(row);
    if (l.expected < 0)
        return State::Blind;
    if (l.counted == 0 && l.rejected == 0)
        return State::Open;
    const qint64 total = l.before + l.counted;
    if (total < l.expected)
        return State::Short;
    if (total == l.expected)
        return State::Match;
    const qint64 tolerated = l.expected * m_tolerancePercent / 100;
    return total <= l.expected + tolerated ? State::Over : State::OverLimit;
}

QString ReceiptModel::stateName(State state)
{
    switch (state) {
    case State::Open:
        return QStringLiteral("open");
    case State::Short:
        return QStringLiteral("short");
    case State::Match:
        return QStringLiteral("match");
    case State::Over:
        return QStringLiteral("over");
    case State::OverLimit:
        return QStringLiteral("overLimit");
    case State::Blind:
        return QStringLiteral("blind");
    }
    return {};
}

bool ReceiptModel::anyOver() const
{
    for (int row = 0; row < count(); ++row) {
        const State s = state(row);
        if (s == State::Over || s == State::OverLimit)
            return true;
    }
    return false;
}

bool ReceiptModel::anyOverLimit() const
{
    for (int row = 0; row < count(); ++row) {
        if (state(row) == State::OverLimit)
            return true;
    }
    return false;
}

void ReceiptModel::setLines(const QList<Line>& lines)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
    Q_EMIT totalsChanged();
}

int ReceiptModel::append(const Line& line)
{
    const int row = count();
    beginInsertRows({}, row, row);
    m_lines.append(line);
    endInsertRows();
    Q_EMIT totalsChanged();
    return row;
}

void ReceiptModel::setCounted(int row, qint64 counted)
{
    m_lines[row].counted = counted;
    changed(row);
}

void ReceiptModel::setRejected(int row, qint64 rejected)
{
    m_lines[row].rejected = rejected;
    changed(row);
}

void ReceiptModel::setBefore(int row, qint64 before, qint64 rejectedBefore)
{
    m_lines[row].before = before;
    m_lines[row].rejectedBefore = rejectedBefore;
    changed(row);
}

void ReceiptModel::changed(int row)
{
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT totalsChanged();
}

} // namespace stockline::qml
