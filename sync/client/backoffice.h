#pragma once

#include "protocol.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace stockline::sync {

class Client;

// The terminal's back office (issue 20; sync/PROTOCOL.md, "Back office"): requests answered
// online by the server over the client's socket. Each request gets a fresh request id (and a
// fresh `id` for a write, kept by the server with the change), its `answer` is matched by that
// id, and one not answered in 10 s fails with "The server did not answer". The manager's
// sign-in (`elevate`) belongs to the connection: it ends when the connection does.
//
// Threading: the client's thread.
class BackOffice : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool elevated READ isElevated NOTIFY elevatedChanged)
    Q_PROPERTY(QString manager READ manager NOTIFY elevatedChanged)

public:
    static constexpr int answerTimeoutMs = 10'000;
    // The answer's code when nothing was sent (offline) or nothing came back in time.
    static constexpr QLatin1StringView offline{"offline"};
    static constexpr QLatin1StringView noAnswer{"no_answer"};

    explicit BackOffice(Client& client, QObject* parent = nullptr);
    ~BackOffice() override;

    // Sends `type` with `fields`; returns its request id. Always answered by `answered`, at the
    // latest after answerTimeoutMs (offline: at once, with code `offline`).
    QString send(const QString& type, const QJsonObject& fields = {});
    QString elevate(const QString& staff, const QString& pin);
    QString endElevation();

    [[nodiscard]] bool isElevated() const { return !m_manager.isEmpty(); }
    [[nodiscard]] QString manager() const { return m_manager; }
    void setAnswerTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void answered(const QString& request, const stockline::sync::BackOfficeAnswer& answer);
    void elevatedChanged();

private:
    void onAnswer(const BackOfficeAnswer& answer);
    void fail(const QString& request, QLatin1StringView code, const QString& message);
    void setManager(const QString& manager);

    Client& m_client;
    int m_timeoutMs = answerTimeoutMs;
    QHash<QString, std::shared_ptr<QTimer>> m_pending; // by request id
    QHash<QString, QString> m_elevating;               // request id → staff
    QString m_manager;
};

} // namespace stockline::sync
