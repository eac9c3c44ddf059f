// The arbiter's answers to `receipt` and `day` requests, read on the storage thread like
// `history` (sync/PROTOCOL.md, `receipt`, `day`).

#include "answer.h"
#include "serverlogging.h"
#include "stockarbiter.h"

namespace stockline::sync {

namespace {

const QString busyMessage = QStringLiteral("the server's storage is busy; try again");

// The answer's object with `"rows":[…]` as its first member: the rows come as JSON text
// (ReportAnswer), and an object's members may come in any order.
QByteArray withRows(const QByteArray& answer, const QByteArray& rows)
{
    QByteArray frame;
    frame.reserve(answer.size() + rows.size() + 8);
    frame += "{\"rows\":";
    frame += rows;
    frame += ',';
    frame += QByteArrayView(answer).sliced(1);
    return frame;
}

} // namespace

// Any till may read any receipt (to refund it at another till); a dock does not handle money;
// a web shop (channel) only reads the receipts it sent itself.
ReceiptReply StockArbiter::receiptReply(ArbiterStore& store, const ReceiptJob& job)
{
    ReceiptReply reply{job.request.request, job.request.number, {}, {}, std::nullopt};
    const auto refuse = [&reply](QLatin1StringView code, const QString& message) {
        reply.code = code;
        reply.message = message;
    };
    if (job.role == Role::Receiving) {
        refuse(rejectCode::forbidden, QStringLiteral("a receiving terminal may not read receipts"));
    } else if (Result<std::optional<StoredReceipt>> read = store.receipt(job.request.number);
               !read) {
        qCWarning(lcServer) << "receipt" << job.request.number
                            << "not read:" << read.error().toString();
        refuse(errorCode::unavailable, busyMessage);
    } else if (!read->has_value() ||
               (job.role == Role::Channel && (*read)->terminal != job.terminal)) {
        // A channel is not told that another terminal's receipt exists.
        refuse(QLatin1StringView("unknown_receipt"),
               QStringLiteral("number: there is no receipt %1").arg(job.request.number));
    } else {
        reply.receipt = std::move(read).value();
    }
    return reply;
}

DayReply StockArbiter::dayReply(ArbiterStore& store, const DayJob& job) const
{
    DayReply reply{job.request.request, job.request.date, {}, {}, {}};
    if (job.role != Role::Manager) {
        reply.code = rejectCode::forbidden;
        reply.message = QStringLiteral("only a manager terminal may read the day report");
    } else if (Result<QJsonObject> report = store.dayReport(job.request.date, m_clock.now());
               report) {
        reply.report = std::move(report).value();
    } else {
        qCWarning(lcServer) << "day report of" << job.request.date
                            << "not made:" << report.error().toString();
        reply.code = errorCode::unavailable;
        reply.message = busyMessage;
    }
    return reply;
}

QByteArray StockArbiter::reportAnswer(ArbiterStore& store, const ReportJob& job) const
{
    const ReportRequest& q = job.request;
    Result<ReportAnswer> answer = store.report(q, m_clock.now());
    if (!answer) {
        qCWarning(lcServer) << "report" << q.report << "not made:" << answer.error().toString();
        return encodeAnswerError(q.request, QString(errorCode::unavailable), busyMessage);
    }
    if (answer->notFound)
        return encodeAnswerError(q.request, QStringLiteral("not_found"),
                                 answer->notFound->toString(), answer->notFound->field);
    return withRows(encodeAnswer(q.request, answer->result), answer->rows);
}

} // namespace stockline::sync
