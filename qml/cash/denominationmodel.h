#pragma once

#include "cashsession.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

class Notices;

// The drawer's notes and coins as the clerk counts them at the close, largest first: how
// many of each and what they are worth. Blind: nothing here knows what the drawer should
// hold, so the count is what is in the drawer, not what the clerk was told to find.
class DenominationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The cash drawer owns its count")
    Q_PROPERTY(int count READ count CONSTANT)
    Q_PROPERTY(QString totalText READ totalText NOTIFY totalChanged)

public:
    enum Role {
        DenominationRole = Qt::UserRole + 1,
        CoinRole,
        CountRole,
        SubtotalRole,
    };
    Q_ENUM(Role)

    DenominationModel(QList<Denomination> denominations, Notices& notices,
                      QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // How many of the row's denomination the clerk counted, as typed ("" is none). A count
    // that is not a whole number from 0 to CashSession::maxCount is reported and changes
    // nothing.
    Q_INVOKABLE bool setCount(int row, const QString& typed);
    // Every count back to none, for the next close.
    Q_INVOKABLE void clear();
    // Another currency's notes and coins: the counts start again.
    void setDenominations(QList<Denomination> denominations);

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] Money total() const;
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] QList<CashCount> counts() const;

Q_SIGNALS:
    void totalChanged();

private:
    QList<Denomination> m_denominations;
    QList<qint64> m_counts; // per row
    Notices& m_notices;
};

} // namespace stockline::qml
