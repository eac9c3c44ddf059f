#include "backoffice.h"

#include "answer.h"
#include "client.h"
#include "transport.h"
#include "uuid.h"

#include <QTimer>

namespace stockline::sync {

using namespace Qt::StringLiterals;

BackOffice::BackOffice(Client& client, QObject* parent) : QObject(parent), m_client(client)
{
    connect(&m_client, &Client::backOfficeAnswered, this, &BackOffice::onAnswer);
    // The server ends the sign-in with the connection, and answers nothing more of it.
    connect(&m_client, &Client::connectedChanged, this, [this](bool connected) {
        if (connected)
            return;
        setManager({});
        const QStringList waiting = m_pending.keys();
        for (const QString& request : waiting)
            fail(request, noAnswer, tr("The server did not answer"));
    });
}

BackOffice::~BackOffice() = default;

QString BackOffice::send(const QString& type, const QJsonObject& fields)
{
    const QString request = newTimeOrderedUuid();
    const QString id = isBackOfficeWrite(type) ? newTimeOrderedUuid() : QString();
    auto timer = std::make_shared<QTimer>();
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this,
            [this, request] { fail(request, noAnswer, tr("The server did not answer")); });
    m_pending.insert(request, timer);
    if (!m_client.sendBackOffice(encodeBackOffice(type, request, id, fields))) {
        // Answered after the caller has the id, like any other answer.
        QTimer::singleShot(0, this, [this, request] {
            fail(request, offline, tr("The back office needs the server"));
        });
        return request;
    }
    timer->start(m_timeoutMs);
    return request;
}

QString BackOffice::elevate(const QString& staff, const QString& pin)
{
    const QString request = send(u"elevate"_s, QJsonObject{{"staff"_L1, staff}, {"pin"_L1, pin}});
    m_elevating.insert(request, staff);
    return request;
}

QString BackOffice::endElevation()
{
    setManager({});
    return send(u"elevate"_s, QJsonObject{{"end"_L1, true}});
}

void BackOffice::onAnswer(const BackOfficeAnswer& answer)
{
    if (!m_pending.remove(answer.request))
        return; // answered already (timed out), or not ours
    const QString staff = m_elevating.take(answer.request);
    if (!staff.isEmpty() && answer.ok)
        setManager(answer.body.value("staff"_L1).toString());
    // The server no longer counts the sign-in: the manager was deactivated or made a cashier,
    // or the 8 hours passed. The screen asks for a manager's PIN again.
    if (!answer.ok && answer.code == answerCode::forbidden)
        setManager({});
    Q_EMIT answered(answer.request, answer);
}

void BackOffice::fail(const QString& request, QLatin1StringView code, const QString& message)
{
    if (!m_pending.remove(request))
        return;
    m_elevating.remove(request);
    BackOfficeAnswer answer;
    answer.request = request;
    answer.code = code;
    answer.message = message;
    Q_EMIT answered(request, answer);
}

void BackOffice::setManager(const QString& manager)
{
    if (manager == m_manager)
        return;
    m_manager = manager;
    Q_EMIT elevatedChanged();
}

} // namespace stockline::sync
