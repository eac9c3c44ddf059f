#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace stockline {
class Outbox;
}

namespace stockline::qml {

// The server's answers to what the dock sent: the dock watches the outbox seqs of its
// receipts, counts, transfers and adjustments, and once the sync client has recorded a result
// for one (Client::resultsRecorded), it is told, once. Offline, entries stay unanswered until
// the server is back.
//
// Threading: the store's thread.
class DockAnswers : public QObject
{
    Q_OBJECT

public:
    explicit DockAnswers(const Outbox& outbox, QObject* parent = nullptr);

    void watch(qint64 seq);
    [[nodiscard]] int watching() const { return static_cast<int>(m_watched.size()); }

public Q_SLOTS:
    // Reads the watched entries back from the outbox; emits answered() for each one answered.
    void check();

Q_SIGNALS:
    // `result` as the server sent it: {"seq","status","code"?,"message"?,"level"?,"lines"?}.
    void answered(qint64 seq, bool applied, const QJsonObject& result);
    // A booking's entry is being waited for: the dock booked something, or restarted with it.
    void awaiting(qint64 seq);

private:
    const Outbox& m_outbox;
    QHash<qint64, bool> m_watched;
};

// A refused answer in the clerk's words and the dock's language (sync::Client::describe),
// from the result as stored: its code and fields, not the server's English message.
[[nodiscard]] QString describe(const QJsonObject& result);

} // namespace stockline::qml
