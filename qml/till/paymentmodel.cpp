#include "paymentmodel.h"

#include "moneytext.h"

#include <algorithm>

namespace stockline::qml {

PaymentModel::PaymentModel(QObject* parent) : QAbstractListModel(parent) {}

int PaymentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> PaymentModel::roleNames() const
{
    return {{MethodRole, "method"},
            {MethodTextRole, "methodText"},
            {AmountRole, "amount"},
            {ReferenceRole, "reference"}};
}

QVariant PaymentModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Payment& tender = m_tenders.at(index.row());
    switch (role) {
    case MethodRole:
        return tender.method;
    case Qt::DisplayRole:
    case MethodTextRole:
        return tender.method == cash ? tr("Cash") : tr("Card");
    case AmountRole:
        return print::moneyText(tender.amount);
    case ReferenceRole:
        return tender.reference;
    default:
        return {};
    }
}

void PaymentModel::start(Money due)
{
    beginResetModel();
    m_due = due;
    m_tenders.clear();
    endResetModel();
    Q_EMIT amountsChanged();
}

Status PaymentModel::checkTender(Money amount) const
{
    if (amount <= Money() || amount.minor() > maxMoneyMinor)
        return Error{QStringLiteral("amount"), tr("Enter an amount above zero.")};
    if (settled())
        return Error{QStringLiteral("amount"), tr("The sale is already paid.")};
    return success();
}

void PaymentModel::append(const Payment& tender)
{
    beginInsertRows({}, count(), count());
    m_tenders.append(tender);
    endInsertRows();
    Q_EMIT amountsChanged();
}

Status PaymentModel::addCash(Money amount)
{
    if (const Status ok = checkTender(amount); !ok)
        return ok;
    append(Payment{cash, amount, QString()});
    return success();
}

Status PaymentModel::addCard(Money amount, const QString& reference)
{
    if (const Status ok = checkTender(amount); !ok)
        return ok;
    // A card pays to the cent: no cash rounding on what it covers.
    const Money exact = std::max(Money(), m_due - paid());
    if (amount > exact)
        return Error{QStringLiteral("amount"),
                     tr("A card pays at most the %1 still due.").arg(print::moneyText(exact))};
    const QString ref = reference.trimmed();
    if (ref.isEmpty() || ref.size() > maxTextLength)
        return Error{
            QStringLiteral("reference"),
            tr("Enter the card slip's reference (up to %1 characters).").arg(maxTextLength)};
    append(Payment{card, amount, ref});
    return success();
}

Status PaymentModel::removeTender(int row)
{
    if (row < 0 || row >= count())
        return Error{QStringLiteral("tender"), tr("There is no payment %1.").arg(row + 1)};
    beginRemoveRows({}, row, row);
    m_tenders.removeAt(row);
    endRemoveRows();
    Q_EMIT amountsChanged();
    return success();
}

Money PaymentModel::paid() const
{
    Money paid;
    for (const Payment& tender : m_tenders)
        paid += tender.amount;
    return paid;
}

Money PaymentModel::roundingAmount() const
{
    Money byCard;
    for (const Payment& tender : m_tenders) {
        if (tender.method != cash)
            byCard += tender.amount;
    }
    const Money forCash = m_due - byCard;
    if (m_cashRounding <= 1 || forCash <= Money())
        return {};
    return forCash - roundedToStep(forCash, m_cashRounding);
}

Money PaymentModel::remaining() const
{
    return std::max(Money(), m_due - roundingAmount() - paid());
}

Money PaymentModel::change() const
{
    return std::max(Money(), paid() - (m_due - roundingAmount()));
}

QList<Payment> PaymentModel::payments() const
{
    QList<Payment> payments = m_tenders;
    if (change() > Money())
        payments.append(Payment{cash, -change(), QString()});
    if (const Money rounded = roundingAmount(); rounded != Money())
        payments.append(Payment{rounding, rounded, QString()});
    return payments;
}

QList<Money> PaymentModel::quickAmounts(Money due)
{
    QList<Money> amounts;
    if (due <= Money())
        return amounts;
    amounts.append(due);
    for (const qint64 note : {100, 500, 1000, 2000, 5000, 10000}) {
        // The amount due rounded up to the note; the exact amount is already there.
        const Money next = Money::fromMinor((due.minor() + note - 1) / note * note);
        if (!amounts.contains(next) && amounts.size() < 5)
            amounts.append(next);
    }
    std::sort(amounts.begin(), amounts.end());
    return amounts;
}

QVariantList PaymentModel::quickTenders() const
{
    QVariantList tenders;
    for (const Money amount : quickAmounts(remaining()))
        tenders.append(QVariantMap{{QStringLiteral("label"), print::moneyText(amount)},
                                   {QStringLiteral("minor"), amount.minor()}});
    return tenders;
}

QString PaymentModel::dueText() const
{
    return print::moneyText(m_due);
}

QString PaymentModel::paidText() const
{
    return print::moneyText(paid());
}

QString PaymentModel::remainingText() const
{
    return print::moneyText(remaining());
}

QString PaymentModel::changeText() const
{
    return print::moneyText(change());
}

} // namespace stockline::qml
