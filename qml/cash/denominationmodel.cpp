#include "denominationmodel.h"

#include "moneytext.h"
#include "notices.h"

namespace stockline::qml {

DenominationModel::DenominationModel(QList<Denomination> denominations, Notices& notices,
                                     QObject* parent)
    : QAbstractListModel(parent), m_denominations(std::move(denominations)),
      m_counts(m_denominations.size(), 0), m_notices(notices)
{
}

int DenominationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_denominations.size());
}

QHash<int, QByteArray> DenominationModel::roleNames() const
{
    return {{DenominationRole, "denomination"},
            {CoinRole, "coin"},
            {CountRole, "count"},
            {SubtotalRole, "subtotal"}};
}

QVariant DenominationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Denomination& denomination = m_denominations.at(index.row());
    const qint64 counted = m_counts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DenominationRole:
        return print::moneyText(denomination.value);
    case CoinRole:
        return denomination.coin;
    case CountRole:
        return counted;
    case SubtotalRole:
        return print::moneyText(denomination.value * counted);
    default:
        return {};
    }
}

bool DenominationModel::setCount(int row, const QString& typed)
{
    if (row < 0 || row >= m_counts.size())
        return false;
    const QString text = typed.trimmed();
    bool ok = true;
    const qint64 counted = text.isEmpty() ? 0 : text.toLongLong(&ok);
    if (!ok || counted < 0 || counted > CashSession::maxCount) {
        m_notices.report(tr("“%1” is not a count of %2: type how many, a whole number from 0 to "
                            "%3.")
                             .arg(typed, print::moneyText(m_denominations.at(row).value))
                             .arg(CashSession::maxCount));
        return false;
    }
    if (counted == m_counts.at(row))
        return true;
    m_counts[row] = counted;
    Q_EMIT dataChanged(index(row), index(row), {CountRole, SubtotalRole});
    Q_EMIT totalChanged();
    return true;
}

void DenominationModel::setDenominations(QList<Denomination> denominations)
{
    beginResetModel();
    m_denominations = std::move(denominations);
    m_counts = QList<qint64>(m_denominations.size(), 0);
    endResetModel();
    Q_EMIT totalChanged();
}

void DenominationModel::clear()
{
    if (m_counts.isEmpty())
        return;
    m_counts.fill(0);
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {CountRole, SubtotalRole});
    Q_EMIT totalChanged();
}

Money DenominationModel::total() const
{
    Money sum;
    for (qsizetype i = 0; i < m_denominations.size(); ++i)
        sum += m_denominations.at(i).value * m_counts.at(i);
    return sum;
}

QString DenominationModel::totalText() const
{
    return print::moneyText(total());
}

QList<CashCount> DenominationModel::counts() const
{
    QList<CashCount> all;
    for (qsizetype i = 0; i < m_denominations.size(); ++i)
        all.append(CashCount{m_denominations.at(i).value, m_counts.at(i)});
    return all;
}

} // namespace stockline::qml
