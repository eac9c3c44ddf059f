#pragma once

#include "error.h"
#include "mutation.h"

#include <QAbstractListModel>
#include <QList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// The tenders of the sale being paid: cash (change is given back in cash only), card with its
// reference, or several of them (split tender). payments() is what SaleJournal::record needs:
// the tenders, and the change as a negative cash payment, adding up to the total exactly.
//
// Cash rounding (a store setting, 5 Rappen in Switzerland): what is left for cash after card
// tenders is rounded half-up to the step; the difference is a payment of its own, method
// "rounding" (positive when rounded down), so the payments still add up to the receipt's total
// and the Z lists the rounding by itself.
class PaymentModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The till owns its payment")
    Q_PROPERTY(QString dueText READ dueText NOTIFY amountsChanged)
    Q_PROPERTY(QString paidText READ paidText NOTIFY amountsChanged)
    Q_PROPERTY(QString remainingText READ remainingText NOTIFY amountsChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY amountsChanged)
    Q_PROPERTY(qint64 remainingMinor READ remainingMinor NOTIFY amountsChanged)
    Q_PROPERTY(bool settled READ settled NOTIFY amountsChanged)
    Q_PROPERTY(int count READ count NOTIFY amountsChanged)
    // [{"label": "$50.00", "minor": 5000}, …]: exact, then the next round amounts above.
    Q_PROPERTY(QVariantList quickTenders READ quickTenders NOTIFY amountsChanged)

public:
    enum Role { MethodRole = Qt::UserRole + 1, MethodTextRole, AmountRole, ReferenceRole };
    Q_ENUM(Role)

    static constexpr QLatin1String cash{"cash"};
    static constexpr QLatin1String card{"card"};
    static constexpr QLatin1String rounding{"rounding"};

    explicit PaymentModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // A new payment of `due`; earlier tenders are dropped.
    void start(Money due);
    void clear() { start(Money()); }
    [[nodiscard]] Status addCash(Money amount);
    // A card pays at most what is still due: there is no change on a card.
    [[nodiscard]] Status addCard(Money amount, const QString& reference);
    [[nodiscard]] Status removeTender(int row);

    // In minor units; 1: none.
    void setCashRounding(qint64 step) { m_cashRounding = step; }
    [[nodiscard]] Money due() const { return m_due; }
    // What cash rounding takes off what is due (negative: adds); 0 when a card pays the rest.
    [[nodiscard]] Money roundingAmount() const;
    [[nodiscard]] Money paid() const;
    [[nodiscard]] Money remaining() const;
    [[nodiscard]] Money change() const;
    [[nodiscard]] bool settled() const { return paid() >= m_due - roundingAmount(); }
    [[nodiscard]] int count() const { return static_cast<int>(m_tenders.size()); }
    [[nodiscard]] QList<Payment> tenders() const { return m_tenders; }
    [[nodiscard]] QList<Payment> payments() const;

    // Exact, then `due` rounded up to 1, 5, 10, 20, 50 and 100, each once, at most five.
    [[nodiscard]] static QList<Money> quickAmounts(Money due);

    [[nodiscard]] QString dueText() const;
    [[nodiscard]] QString paidText() const;
    [[nodiscard]] QString remainingText() const;
    [[nodiscard]] QString changeText() const;
    [[nodiscard]] qint64 remainingMinor() const { return remaining().minor(); }
    [[nodiscard]] QVariantList quickTenders() const;

Q_SIGNALS:
    void amountsChanged();

private:
    [[nodiscard]] Status checkTender(Money amount) const;
    void append(const Payment& tender);

    Money m_due;
    qint64 m_cashRounding = 1;
    QList<Payment> m_tenders;
};

} // namespace stockline::qml
