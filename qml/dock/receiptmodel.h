#pragma once

#include "unit.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// The lines of the receipt a dock is counting: per SKU what the delivery expects, what was
// received before (by any dock), what is counted now and what is refused now (damaged, wrong
// goods), and whether that is short of, at, or over what is expected. A blind receipt's lines
// expect nothing (expected -1).
//
// Over: a line whose units received so far plus counted now go past its expected quantity.
// Within the tolerance (a share of the expected quantity, rounded down) the dock may book it;
// beyond, a manager approves.
class ReceiptModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock's receiving owns its lines")
    Q_PROPERTY(int count READ count NOTIFY totalsChanged)
    Q_PROPERTY(qint64 countedTotal READ countedTotal NOTIFY totalsChanged)
    Q_PROPERTY(qint64 rejectedTotal READ rejectedTotal NOTIFY totalsChanged)

public:
    // "open": nothing counted yet; "short", "match", "over" (within tolerance), "overLimit"
    // (beyond: a manager approves), "blind" (no delivery).
    enum class State { Open, Short, Match, Over, OverLimit, Blind };

    struct Line
    {
        QString sku;
        QString name;
        qint64 expected = -1; // -1: a blind receipt's line
        qint64 before = 0;    // received before, by every dock
        qint64 rejectedBefore = 0;
        qint64 counted = 0; // accepted now
        qint64 rejected = 0;
        Unit unit = Unit::Each; // every figure in g / ml / mm of a measured product

        friend bool operator==(const Line&, const Line&) = default;
    };

    enum Role {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        ExpectedRole,
        BeforeRole,
        CountedRole,
        RejectedRole,
        RemainingRole,
        StateRole,
        // The figures as the screen shows them: "12", or "1.250 kg" of a measured product;
        // remainingText without its sign (the state says short or over).
        ExpectedTextRole,
        BeforeTextRole,
        CountedTextRole,
        RejectedTextRole,
        RemainingTextRole,
    };
    Q_ENUM(Role)

    explicit ReceiptModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_lines.size()); }
    [[nodiscard]] const QList<Line>& lines() const { return m_lines; }
    [[nodiscard]] const Line& line(int row) const { return m_lines.at(row); }
    [[nodiscard]] int rowOf(const QString& sku) const;
    [[nodiscard]] qint64 countedTotal() const;
    [[nodiscard]] qint64 rejectedTotal() const;

    void setTolerancePercent(int percent);
    [[nodiscard]] State state(int row) const;
    [[nodiscard]] static QString stateName(State state);
    // Some line goes past what its delivery expects / beyond the tolerance.
    [[nodiscard]] bool anyOver() const;
    [[nodiscard]] bool anyOverLimit() const;

    void setLines(const QList<Line>& lines);
    // Appends a line; its row.
    int append(const Line& line);
    void setCounted(int row, qint64 counted);
    void setRejected(int row, qint64 rejected);
    // What other docks received since: the delivery's new figures, by SKU.
    void setBefore(int row, qint64 before, qint64 rejectedBefore);

Q_SIGNALS:
    void totalsChanged();

private:
    void changed(int row);

    QList<Line> m_lines;
    int m_tolerancePercent = 0;
};

} // namespace stockline::qml
