// The back office on the socket side (issue 20; sync/PROTOCOL.md, "Back office"): who may ask
// (an elevated session), the manager's PIN checked off this thread with a limit on wrong ones,
// one answer per request id for the socket's life, and the hand-off to storage.

#include "answer.h"
#include "serverlogging.h"
#include "syncserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace stockline::sync {

using namespace Qt::StringLiterals;

namespace {

// S1: an elevation lasts at most this long (server clock), and wrong PINs are limited per
// terminal: this many within the window refuse it for the refusal time.
constexpr qint64 elevationSeconds = 8 * 3600;
constexpr int maxWrongPins = 5;
constexpr qint64 wrongPinWindowMs = 5 * 60 * 1000;
constexpr qint64 wrongPinRefusalMs = 5 * 60 * 1000;
// Answers remembered per socket, so a repeated request id is answered the same; the oldest
// are forgotten beyond this (a socket asking this much is far beyond any manager's screen).
constexpr qsizetype maxAnswersKept = 10'000;

} // namespace

bool SyncServer::isBackOfficeAllowed(const Session& session) const
{
    return session.role != Role::Channel && !session.elevatedStaff.isEmpty() &&
           m_clock.now() < session.elevatedUntil;
}

void SyncServer::endElevationsNotIn(const QList<StaffMember>& staff)
{
    QSet<QString> managers;
    for (const StaffMember& member : staff)
        if (member.active && member.role == StaffRole::Manager)
            managers.insert(member.name);
    for (auto& [id, s] : m_sessions) {
        if (s->elevatedStaff.isEmpty() || managers.contains(s->elevatedStaff))
            continue;
        qCInfo(lcServer).noquote() << s->terminal << "no longer signed in as" << s->elevatedStaff
                                   << "(not an active manager any more)";
        s->elevatedStaff.clear();
        s->elevatedUntil = {};
    }
}

// Reports only read: a `manager` terminal reads them as it reads the `day`, any other terminal
// (not a channel) once a manager signed in on it (sync/PROTOCOL.md, "Reports"). A bad field is
// answered at once.
void SyncServer::onReport(Session& session, ReportRequest report)
{
    if (report.invalid) {
        send(session, encodeAnswerError(report.request, QString(errorCode::invalidMessage),
                                        report.invalid->toString(), report.invalid->field));
        return;
    }
    if (session.role != Role::Manager && !isBackOfficeAllowed(session)) {
        send(session, encodeAnswerError(report.request, QString(rejectCode::forbidden),
                                        QStringLiteral("a manager must sign in first (elevate)")));
        return;
    }
    m_arbiter.submitReport(session.id, std::move(report));
}

void SyncServer::onBackOffice(Session& session, BackOfficeRequest request)
{
    if (const auto it = session.answers.constFind(request.request); it != session.answers.cend()) {
        send(session, *it); // the same answer, nothing done again
        return;
    }
    if (const auto it = session.inFlight.find(request.request); it != session.inFlight.end()) {
        ++*it;
        return;
    }
    if (const backoffice::Invalid* invalid = request.invalid()) {
        answer(session, request.request,
               encodeAnswerError(request.request, invalid->code, invalid->message, invalid->field));
        return;
    }
    if (session.role == Role::Channel) {
        answer(session, request.request,
               encodeAnswerError(request.request, QString(answerCode::forbidden),
                                 u"a channel terminal has no back office"_s));
        return;
    }
    if (request.as<backoffice::Elevate>()) {
        onElevate(session, request);
        return;
    }
    if (!isBackOfficeAllowed(session)) {
        answer(session, request.request,
               encodeAnswerError(request.request, QString(answerCode::forbidden),
                                 u"a manager must sign in first (elevate)"_s));
        return;
    }
    session.inFlight.insert(request.request, 0);
    const auto* staff = request.as<backoffice::StaffEdit>();
    if (!staff || staff->pin.isEmpty()) {
        submitBackOffice(session, std::move(request));
        return;
    }
    // The PIN is hashed here, off the socket and storage threads, and goes no further.
    m_pinPool.start([this, connection = session.id, request = std::move(request)]() mutable {
        auto& body = std::get<backoffice::Body>(request.body);
        auto& edit = std::get<backoffice::StaffEdit>(body);
        Result<PinHash> hash = PinHash::make(edit.pin);
        edit.pin.clear();
        if (hash)
            edit.pinHash = std::move(hash).value();
        QMetaObject::invokeMethod(
            this,
            [this, connection, request = std::move(request)]() mutable {
                if (Session* s = this->session(connection))
                    submitBackOffice(*s, std::move(request));
            },
            Qt::QueuedConnection);
    });
}

void SyncServer::submitBackOffice(Session& session, BackOfficeRequest request)
{
    m_arbiter.submitBackOffice(session.id, std::move(request), session.elevatedStaff);
}

void SyncServer::onElevate(Session& session, const BackOfficeRequest& request)
{
    const auto& elevate = *request.as<backoffice::Elevate>();
    if (elevate.end) {
        session.elevatedStaff.clear();
        session.elevatedUntil = {};
        answer(session, request.request, encodeAnswer(request.request, {}));
        return;
    }
    if (const qint64 refusedMs = pinRefusedForMs(session.terminal); refusedMs > 0) {
        answer(session, request.request,
               encodeAnswerError(
                   request.request, QString(answerCode::rateLimited),
                   u"too many wrong PINs on %1; try again in %2 s"_s.arg(session.terminal)
                       .arg((refusedMs + 999) / 1000)));
        return;
    }
    if (session.elevating) {
        answer(session, request.request,
               encodeAnswerError(request.request, QString(answerCode::invalidMessage),
                                 u"a sign-in is being checked already"_s));
        return;
    }
    session.elevating = true;
    session.inFlight.insert(request.request, 0);
    // The PIN stays here: storage only says who the person is.
    m_pendingPins.insert(std::pair(session.id, request.request), elevate.pin);
    m_arbiter.submitStaffLookup(session.id, request.request, elevate.staff);
}

qint64 SyncServer::pinRefusedForMs(const QString& terminal)
{
    const auto it = m_pinFailures.find(terminal);
    if (it == m_pinFailures.end())
        return 0;
    const qint64 now = m_uptime.elapsed();
    if (it->refusedUntilMs > now)
        return it->refusedUntilMs - now;
    while (!it->at.isEmpty() && now - it->at.first() > wrongPinWindowMs)
        it->at.removeFirst();
    if (it->at.isEmpty())
        m_pinFailures.erase(it);
    return 0;
}

void SyncServer::onStaffLookedUp(quint64 connection, const QString& request,
                                 const std::optional<StaffMember>& found, bool failed)
{
    const QString pin = m_pendingPins.take(std::pair(connection, request));
    Session* s = session(connection);
    if (!s)
        return;
    if (failed || !found) {
        s->elevating = false;
        answer(*s, request,
               failed ? encodeAnswerError(request, QString(answerCode::unavailable),
                                          u"the server's storage is busy; try again"_s)
                      : encodeAnswerError(request, QString(answerCode::notManager),
                                          u"no active manager of that name"_s, u"staff"_s));
        return;
    }
    m_pinPool.start([this, connection, request, member = *found, pin] {
        const bool matches = member.pin.matches(pin);
        QMetaObject::invokeMethod(
            this,
            [this, connection, request, member, matches] {
                onPinChecked(connection, request, member, matches);
            },
            Qt::QueuedConnection);
    });
}

void SyncServer::onPinChecked(quint64 connection, const QString& request, const StaffMember& member,
                              bool matches)
{
    Session* s = session(connection);
    if (!s)
        return;
    s->elevating = false;
    if (!matches) {
        PinFailures& failures = m_pinFailures[s->terminal];
        failures.at.append(m_uptime.elapsed());
        while (failures.at.size() > maxWrongPins)
            failures.at.removeFirst();
        if (failures.at.size() >= maxWrongPins &&
            failures.at.last() - failures.at.first() <= wrongPinWindowMs) {
            failures.refusedUntilMs = m_uptime.elapsed() + wrongPinRefusalMs;
            failures.at.clear();
        }
        qCWarning(lcServer).noquote()
            << "wrong manager PIN for" << member.name << "on" << s->terminal;
        answer(*s, request,
               encodeAnswerError(request, QString(answerCode::wrongPin), u"wrong PIN"_s, u"pin"_s));
        return;
    }
    if (member.role != StaffRole::Manager) {
        answer(*s, request,
               encodeAnswerError(request, QString(answerCode::notManager),
                                 u"%1 is not a manager"_s.arg(member.name), u"staff"_s));
        return;
    }
    s->elevatedStaff = member.name;
    s->elevatedUntil = m_clock.now().addSecs(elevationSeconds);
    qCInfo(lcServer).noquote() << member.name << "signed in to the back office on" << s->terminal;
    const QJsonObject elevated{{"type"_L1, "elevated"_L1},
                               {"request"_L1, request},
                               {"staff"_L1, member.name},
                               {"until"_L1, s->elevatedUntil.toUTC().toString(Qt::ISODate)}};
    answer(*s, request, QJsonDocument(elevated).toJson(QJsonDocument::Compact));
}

void SyncServer::onBackOfficeAnswered(quint64 connection, const QString& request,
                                      const QString& type, QJsonObject result)
{
    Session* s = session(connection);
    if (!s)
        return;
    // Online and backlog are what this node's sockets know.
    if (type == "terminals"_L1 && result.value("ok"_L1).toBool()) {
        const QMap<QString, qint64> backlogs = outboxBacklogs();
        QSet<QString> online;
        for (const auto& [id, other] : m_sessions) {
            if (other->authenticated)
                online.insert(other->terminal);
        }
        QJsonArray rows = result.value("rows"_L1).toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            const QString terminal = row.value("terminal"_L1).toString();
            row.insert("online"_L1, online.contains(terminal));
            row.insert("backlog"_L1, backlogs.value(terminal));
            rows.replace(i, row);
        }
        result.insert("rows"_L1, rows);
    }
    const bool ok = result.value("ok"_L1).toBool();
    QByteArray frame;
    if (ok) {
        result.remove("ok"_L1);
        frame = encodeAnswer(request, result);
    } else {
        const QString code = result.take("code"_L1).toString();
        const QString message = result.take("message"_L1).toString();
        const QString field = result.take("field"_L1).toString();
        result.remove("ok"_L1);
        frame = encodeAnswerError(request, code, message, field, result);
    }
    answer(*s, request, frame);
}

// Sends the answer, once more for every duplicate that came meanwhile, and remembers it.
void SyncServer::answer(Session& session, const QString& request, const QByteArray& frame)
{
    const int duplicates = session.inFlight.take(request);
    for (int i = 0; i <= duplicates; ++i)
        send(session, frame);
    session.answers.insert(request, frame);
    session.answerOrder.append(request);
    if (session.answerOrder.size() > maxAnswersKept)
        session.answers.remove(session.answerOrder.takeFirst());
}

} // namespace stockline::sync
