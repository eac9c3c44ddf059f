#pragma once

#include "unit.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// A shelf being counted: per SKU the figure the counter saw (on hand, and the level's version
// it had) and what they counted. A line moves from "todo" to "entered" (counted), "sent"
// (queued as a `count`), then "applied", or "recount" when stock moved while it was counted
// (the server's new figure is shown; only that line is counted again), or "refused".
class CountModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock's cycle count owns its lines")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int entered READ entered NOTIFY changed)

public:
    enum class State { Todo, Entered, Sent, Applied, Recount, Refused };

    struct Line
    {
        QString sku;
        QString name;
        qint64 onHand = 0;  // as the counter saw it
        qint64 version = 0; // the level's version then: the count's expectedVersion
        qint64 counted = -1;
        State state = State::Todo;
        Unit unit = Unit::Each; // onHand and counted in g / ml / mm of a measured product
        qint64 seq = 0;         // of the queued count, while sent
        QString message;        // why a recount or a refusal
    };

    enum Role {
        SkuRole = Qt::UserRole + 1,
        NameRole,
        OnHandRole,
        VersionRole,
        CountedRole,
        StateRole,
        MessageRole,
        OnHandTextRole,  // "12", "1.250 kg"
        CountedTextRole, // the same; "" before it is counted
    };
    Q_ENUM(Role)

    explicit CountModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_lines.size()); }
    [[nodiscard]] int entered() const;
    [[nodiscard]] const Line& line(int row) const { return m_lines.at(row); }
    [[nodiscard]] int rowOfSeq(qint64 seq) const;
    [[nodiscard]] static QString stateName(State state);

    void setLines(const QList<Line>& lines);
    void setCounted(int row, qint64 counted);
    void setSent(int row, qint64 seq);
    void setApplied(int row);
    // Stock moved: the server's figure and version replace what was seen; count again.
    void setRecount(int row, qint64 onHand, qint64 version, const QString& message);
    void setRefused(int row, const QString& message);

Q_SIGNALS:
    void changed();

private:
    void update(int row);

    QList<Line> m_lines;
};

} // namespace stockline::qml
