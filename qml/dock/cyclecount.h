#pragma once

#include "countmodel.h"
#include "dockservices.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace stockline::qml {

// A cycle count: choose a location and a shelf (the SKUs starting with a prefix, such as
// "DAI-"), type what is on the shelf, send. Each counted line is one `count` carrying the
// level's version the counter saw, written through the DockJournal. When stock moved while
// counting the server refuses it `version_conflict` with its current figure: the line shows
// that figure and asks for a recount of that line only, which is sent with the new version.
// The answers are read back from the dock's journal when a shelf is loaded, so a restart
// loses none of them.
//
// Threading: the store's thread.
class CycleCount : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dock owns its cycle count")
    Q_PROPERTY(stockline::qml::CountModel* lines READ lines CONSTANT)
    Q_PROPERTY(QString location READ location NOTIFY loaded)
    Q_PROPERTY(QString prefix READ prefix NOTIFY loaded)

public:
    explicit CycleCount(dock::Services services, QObject* parent = nullptr);

    [[nodiscard]] CountModel* lines() const { return m_lines; }
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] QString prefix() const { return m_prefix; }

    // The shelf: active SKUs starting with `prefix` (at most maxLines), with the figures and
    // versions this terminal holds for `location`.
    Q_INVOKABLE bool load(const QString& location, const QString& prefix);
    Q_INVOKABLE bool setCounted(int row, const QString& typed);
    // Queues a `count` for every line counted and not sent yet; how many.
    Q_INVOKABLE int submit();

    static constexpr int maxLines = 200;
    // How long a count's answer stays on its line, across restarts: a shift.
    static constexpr qint64 answersKeptSeconds = 12 * 3600;

Q_SIGNALS:
    void loaded();

private:
    void onAnswer(qint64 seq, bool applied, const QJsonObject& result);
    bool restoreAnswers(const QString& location, QList<CountModel::Line>& lines);
    // The server's figure of a version_conflict, or none for another answer.
    [[nodiscard]] static std::optional<CountModel::Line> recountOf(const QJsonObject& result);
    [[nodiscard]] static QString recountMessage(qint64 onHand, Unit unit);
    [[nodiscard]] static QString refusalMessage(const QJsonObject& result);
    bool report(const QString& message);

    dock::Services m_services;
    CountModel* m_lines;
    QString m_location;
    QString m_prefix;
};

} // namespace stockline::qml
