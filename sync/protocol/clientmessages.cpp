#include "fieldreader.h"
#include "protocol.h"
#include "wireformat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <limits>
#include <utility>

namespace stockline::sync {

using namespace Qt::StringLiterals;
using namespace wire;

namespace {

using Reader = FieldReader;

using ClientDecoding = std::variant<ClientMessage, ProtocolError>;

ProtocolError protocolError(QString code, QString message, QString field = {})
{
    ProtocolError error;
    error.code = std::move(code);
    error.message = std::move(message);
    error.field = std::move(field);
    return error;
}

ProtocolError invalidMessage(const Error& error)
{
    return protocolError(QString(errorCode::invalidMessage), error.toString(), error.field);
}

ClientDecoding decodeHello(const QJsonObject& object)
{
    Reader r(object);
    Hello hello;
    const qint64 protocol = r.integer("protocol"_L1);
    if (!r.ok())
        return invalidMessage(r.error());
    hello.protocol = static_cast<int>(std::clamp<qint64>(protocol, std::numeric_limits<int>::min(),
                                                         std::numeric_limits<int>::max()));
    if (protocol != protocolVersion)
        return ClientMessage{std::move(hello)}; // the server answers unsupported_protocol
    hello.terminal = r.id("terminal"_L1);
    hello.token = r.nonEmptyString("token"_L1, maxTokenLength);
    hello.cursor = r.optionalInteger("cursor"_L1, 0, 0);
    if (!r.ok())
        return invalidMessage(r.error());
    return ClientMessage{std::move(hello)};
}

ClientDecoding decodePair(const QJsonObject& object)
{
    Reader r(object);
    const QString typed = r.nonEmptyString("code"_L1, 32);
    if (!r.ok())
        return invalidMessage(r.error());
    const std::optional<QString> digits = pairingCodeDigitsOf(typed);
    if (!digits)
        return protocolError(
            QString(errorCode::invalidMessage),
            QStringLiteral("code: is not %1 digits such as 1234-5678").arg(pairingCodeDigits),
            QStringLiteral("code"));
    return ClientMessage{Pair{*digits}};
}

ClientDecoding decodeHistory(const QJsonObject& object)
{
    Reader r(object);
    HistoryRequest request;
    request.request = r.id("request"_L1);
    request.sku = r.id("sku"_L1);
    if (r.has("location"_L1))
        request.location = r.id("location"_L1);
    request.limit = r.integer("limit"_L1, 1, maxHistoryEntries);
    if (!r.ok())
        return invalidMessage(r.error());
    return ClientMessage{std::move(request)};
}

ClientDecoding decodeReceipt(const QJsonObject& object)
{
    Reader r(object);
    ReceiptRequest request;
    request.request = r.id("request"_L1);
    request.number = r.id("number"_L1);
    if (!r.ok())
        return invalidMessage(r.error());
    return ClientMessage{std::move(request)};
}

ClientDecoding decodeDay(const QJsonObject& object)
{
    Reader r(object);
    DayRequest request;
    request.request = r.id("request"_L1);
    request.date = readDate(r, "date"_L1);
    if (!r.ok())
        return invalidMessage(r.error());
    return ClientMessage{std::move(request)};
}

// The envelope of one entry; the body is Mutation::fromJson's business.
PushEntry readEntryEnvelope(Reader& entry, const QList<PushEntry>& before)
{
    PushEntry e;
    e.seq = entry.integer("seq"_L1, 1);
    e.id = entry.id("id"_L1);
    if (entry.ok() && !before.isEmpty() && e.seq != before.constLast().seq + 1) {
        entry.fail("seq"_L1,
                   QStringLiteral("is %1 after %2: the seqs of a push must be consecutive")
                       .arg(e.seq)
                       .arg(before.constLast().seq));
    }
    return e;
}

ClientDecoding decodePush(const QJsonObject& object)
{
    Reader r(object);
    const QJsonArray mutations = r.array("mutations"_L1);
    if (!r.ok())
        return invalidMessage(r.error());
    const qsizetype n = mutations.size();
    if (n > maxMutationsPerPush) {
        return protocolError(
            QString(errorCode::batchTooLarge),
            QStringLiteral("%1 mutations in one push; at most %2").arg(n).arg(maxMutationsPerPush),
            QStringLiteral("mutations"));
    }
    if (n == 0)
        return protocolError(QString(errorCode::invalidMessage),
                             QStringLiteral("mutations: is empty"), QStringLiteral("mutations"));
    Push push;
    push.entries.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const QJsonValue item = mutations.at(i);
        if (!item.isObject()) {
            r.fail("mutations"_L1, wording::mustBe("an object"_L1), i);
            return invalidMessage(r.error());
        }
        const QJsonObject entryObject = item.toObject();
        Reader entry(entryObject, r, "mutations"_L1, i);
        PushEntry e = readEntryEnvelope(entry, push.entries);
        if (!r.ok())
            return invalidMessage(r.error());
        // A bad body is that seq's `invalid` rejection, not a bad message.
        e.mutation = Mutation::fromJson(entryObject);
        push.entries.append(std::move(e));
    }
    if (r.has("backlog"_L1)) {
        push.backlog = r.integer("backlog"_L1, 0);
        if (!r.ok())
            return invalidMessage(r.error());
    }
    return ClientMessage{std::move(push)};
}

} // namespace

std::variant<ClientMessage, ProtocolError> decodeClientMessage(const QByteArray& frame)
{
    QString problem;
    const std::optional<QJsonObject> object = parseObject(frame, &problem);
    if (!object)
        return protocolError(QString(errorCode::invalidJson), problem);
    Reader r(*object);
    const QString name = r.string("type"_L1);
    if (!r.ok())
        return invalidMessage(r.error());
    if (name == "push"_L1)
        return decodePush(*object);
    if (name == "hello"_L1)
        return decodeHello(*object);
    if (name == "pair"_L1)
        return decodePair(*object);
    if (name == "history"_L1)
        return decodeHistory(*object);
    if (name == "receipt"_L1)
        return decodeReceipt(*object);
    if (name == "day"_L1)
        return decodeDay(*object);
    if (name == "report"_L1) {
        ReportRequest report = decodeReportRequest(*object);
        // Without its request id the answer could name nothing: a plain bad message.
        if (report.invalid && report.request.isEmpty())
            return invalidMessage(*report.invalid);
        return ClientMessage{std::move(report)};
    }
    if (isBackOfficeType(name)) {
        const QString request = r.id("request"_L1); // no request to name: an `error`
        if (!r.ok())
            return invalidMessage(r.error());
        return ClientMessage{decodeBackOffice(name, request, *object)};
    }
    return protocolError(QString(errorCode::unknownType),
                         QStringLiteral("'%1' is not a client message type of protocol %2")
                             .arg(name.left(64))
                             .arg(protocolVersion),
                         QStringLiteral("type"));
}

QByteArray encode(const Hello& hello)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("hello"));
    o.insert("protocol"_L1, hello.protocol);
    o.insert("terminal"_L1, hello.terminal);
    o.insert("token"_L1, hello.token);
    o.insert("cursor"_L1, hello.cursor);
    return toFrame(o);
}

PushWriter::PushWriter(qsizetype reserve) : m_writer(reserve)
{
    m_writer.beginObject();
    m_writer.string("type"_L1, u"push");
    m_writer.beginArray("mutations"_L1);
}

void PushWriter::append(QByteArrayView mutationJson)
{
    m_writer.raw(mutationJson);
    ++m_count;
}

QByteArray PushWriter::take(std::optional<qint64> backlog)
{
    m_writer.endArray();
    if (backlog)
        m_writer.integer("backlog"_L1, *backlog);
    m_writer.endObject();
    return m_writer.take();
}

QByteArray encodePush(const QList<QByteArray>& mutationJson)
{
    qsizetype bytes = 32;
    for (const QByteArray& json : mutationJson)
        bytes += json.size() + 1;
    PushWriter push(bytes);
    for (const QByteArray& json : mutationJson)
        push.append(json);
    return push.take();
}

QByteArray encode(const QList<Mutation>& pushMutations)
{
    PushWriter push(256 * pushMutations.size() + 32);
    for (const Mutation& m : pushMutations)
        push.append(m.toJsonBytes());
    return push.take();
}

std::optional<QString> pairingCodeDigitsOf(QStringView typed)
{
    QString digits;
    for (const QChar c : typed) {
        if (c == u'-' || c == u' ')
            continue;
        if (c < u'0' || c > u'9')
            return std::nullopt;
        digits.append(c);
    }
    if (digits.size() != pairingCodeDigits)
        return std::nullopt;
    return digits;
}

QString formatPairingCode(QStringView digits)
{
    const qsizetype half = digits.size() / 2;
    return digits.left(half).toString() + u'-' + digits.mid(half).toString();
}

QByteArray encode(const Pair& pair)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("pair"));
    o.insert("code"_L1, formatPairingCode(pair.code));
    return toFrame(o);
}

QByteArray encode(const HistoryRequest& request)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("history"));
    o.insert("request"_L1, request.request);
    o.insert("sku"_L1, request.sku);
    if (!request.location.isEmpty())
        o.insert("location"_L1, request.location);
    o.insert("limit"_L1, request.limit);
    return toFrame(o);
}

} // namespace stockline::sync
