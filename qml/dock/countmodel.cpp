#include "countmodel.h"

#include <algorithm>

namespace stockline::qml {

CountModel::CountModel(QObject* parent) : QAbstractListModel(parent) {}

int CountModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> CountModel::roleNames() const
{
    return {{SkuRole, "sku"},
            {NameRole, "name"},
            {OnHandRole, "onHand"},
            {VersionRole, "version"},
            {CountedRole, "counted"},
            {StateRole, "status"},
            {MessageRole, "message"},
            {OnHandTextRole, "onHandText"},
            {CountedTextRole, "countedText"}};
}

QVariant CountModel::data(const QModelIndex& index, int role) const
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
    case OnHandRole:
        return l.onHand;
    case VersionRole:
        return l.version;
    case CountedRole:
        return l.counted;
    case StateRole:
        return stateName(l.state);
    case MessageRole:
        return l.message;
    case OnHandTextRole:
        return quantityText(l.onHand, l.unit);
    case CountedTextRole:
        return l.counted < 0 ? QString() : quantityText(l.counted, l.unit);
    default:
        return {};
    }
}

int CountModel::entered() const
{
    return static_cast<int>(std::count_if(m_lines.cbegin(), m_lines.cend(),
                                          [](const Line& l) { return l.state == State::Entered; }));
}

int CountModel::rowOfSeq(qint64 seq) const
{
    const auto at = std::find_if(m_lines.cbegin(), m_lines.cend(), [&](const Line& l) {
        return l.state == State::Sent && l.seq == seq;
    });
    return at == m_lines.cend() ? -1 : static_cast<int>(at - m_lines.cbegin());
}

QString CountModel::stateName(State state)
{
    switch (state) {
    case State::Todo:
        return QStringLiteral("todo");
    case State::Entered:
        return QStringLiteral("entered");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Applied:
        return QStringLiteral("applied");
    case State::Recount:
        return QStringLiteral("recount");
    case State::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

void CountModel::setLines(const QList<Line>& lines)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
    Q_EMIT changed();
}

void CountModel::setCounted(int row, qint64 counted)
{
    m_lines[row].counted = counted;
    m_lines[row].state = State::Entered;
    update(row);
}

void CountModel::setSent(int row, qint64 seq)
{
    m_lines[row].state = State::Sent;
    m_lines[row].seq = seq;
    m_lines[row].message.clear();
    update(row);
}

void CountModel::setApplied(int row)
{
    Line& l = m_lines[row];
    l.state = State::Applied;
    l.onHand = l.counted;
    l.seq = 0;
    update(row);
}

void CountModel::setRecount(int row, qint64 onHand, qint64 version, const QString& message)
{
    Line& l = m_lines[row];
    l.onHand = onHand;
    l.version = version;
    l.counted = -1;
    l.state = State::Recount;
    l.seq = 0;
    l.message = message;
    update(row);
}

void CountModel::setRefused(int row, const QString& message)
{
    m_lines[row].state = State::Refused;
    m_lines[row].seq = 0;
    m_lines[row].message = message;
    update(row);
}

void CountModel::update(int row)
{
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT changed();
}

} // namespace stockline::qml
