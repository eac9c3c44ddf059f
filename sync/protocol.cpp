#include "protocol.h"

#include "fieldreader.h"
#include "ids.h"
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <utility>

namespace stockline::sync {

using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------- reading

using Reader = FieldReader;

// A frame that must be one JSON object.
std::optional<QJsonObject> parseObject(const QByteArray& frame, QString* problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("not valid JSON: %1 at offset %2")
                       .arg(parseError.errorString())
                       .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = QStringLiteral("a message must be a JSON object");
        return std::nullopt;
    }
    return document.object();
}

// ---------------------------------------------------------------- writing

QByteArray toFrame(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Seconds precision unless there are milliseconds: "2026-11-22T10:00:00Z" as PROTOCOL.md shows.
QString formatTime(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QJsonObject levelJson(const StockLevel& level)
{
    QJsonObject o;
    o.insert("sku"_L1, level.sku);
    o.insert("location"_L1, level.location);
    o.insert("onHand"_L1, level.onHand);
    o.insert("reserved"_L1, level.reserved);
    o.insert("available"_L1, level.available());
    o.insert("version"_L1, level.version);
    return o;
}

StockLevel readLevel(Reader& r)
{
    StockLevel level;
    level.sku = r.string("sku"_L1);
    level.location = r.string("location"_L1);
    level.onHand = r.integer("onHand"_L1);
    level.reserved = r.integer("reserved"_L1);
    level.version = r.integer("version"_L1);
    // Redundant on the wire for clients that want it without arithmetic; it must agree.
    if (r.integer("available"_L1) != level.available() && r.ok())
        r.fail("available"_L1, QStringLiteral("is not onHand − reserved"));
    return level;
}

void writeLevelFields(JsonWriter& w, const StockLevel& level)
{
    w.string("sku"_L1, level.sku);
    w.string("location"_L1, level.location);
    w.integer("onHand"_L1, level.onHand);
    w.integer("reserved"_L1, level.reserved);
    w.integer("available"_L1, level.available());
    w.integer("version"_L1, level.version);
}

void writeLines(JsonWriter& w, QLatin1StringView name, const QList<LineAvailability>& lines)
{
    w.beginArray(name);
    for (const LineAvailability& line : lines) {
        w.beginObject();
        w.string("sku"_L1, line.sku);
        w.integer("available"_L1, line.available);
        w.endObject();
    }
    w.endArray();
}

// MutationResult::toJson()'s object, written as the next member or element of `w`.
void writeResult(JsonWriter& w, const MutationResult& result)
{
    w.beginObject();
    w.integer("seq"_L1, result.seq);
    w.string("status"_L1,
             result.status == MutationResult::Status::Applied ? u"applied" : u"rejected");
    w.optionalString("code"_L1, result.code);
    w.optionalString("message"_L1, result.message);
    if (result.available)
        w.integer("available"_L1, *result.available);
    if (!result.lines.isEmpty())
        writeLines(w, "lines"_L1, result.lines);
    if (result.level) {
        w.beginObject("level"_L1);
        writeLevelFields(w, *result.level);
        w.endObject();
    }
    if (!result.shortages.isEmpty())
        writeLines(w, "shortages"_L1, result.shortages);
    if (result.replay)
        w.boolean("replay"_L1, true);
    w.endObject();
}

QJsonArray linesJson(const QList<LineAvailability>& lines)
{
    QJsonArray array;
    for (const LineAvailability& line : lines) {
        QJsonObject o;
        o.insert("sku"_L1, line.sku);
        o.insert("available"_L1, line.available);
        array.append(o);
    }
    return array;
}

QList<LineAvailability> readLines(Reader& r, QLatin1StringView key)
{
    QList<LineAvailability> lines;
    if (!r.has(key))
        return lines;
    const QJsonArray array = r.array(key);
    lines.reserve(array.size());
    r.forEachObject(key, array, [&lines](Reader& line) {
        LineAvailability l;
        l.sku = line.string("sku"_L1);
        l.available = line.integer("available"_L1);
        lines.append(std::move(l));
    });
    return lines;
}

QString statusName(MutationResult::Status status)
{
    return status == MutationResult::Status::Applied ? QStringLiteral("applied")
                                                     : QStringLiteral("rejected");
}

MutationResult readResult(Reader& r)
{
    MutationResult result;
    result.seq = r.integer("seq"_L1, 1);
    const QString status = r.string("status"_L1);
    if (status == "rejected"_L1)
        result.status = MutationResult::Status::Rejected;
    else if (status != "applied"_L1 && r.ok())
        r.fail("status"_L1, QStringLiteral("is neither applied nor rejected"));
    result.code = r.optionalString("code"_L1);
    result.message = r.optionalString("message"_L1);
    if (r.has("available"_L1))
        result.available = r.integer("available"_L1);
    result.lines = readLines(r, "lines"_L1);
    if (r.has("level"_L1)) {
        const QJsonObject object = r.object("level"_L1);
        Reader level(object, r, "level"_L1);
        result.level = readLevel(level);
    }
    result.shortages = readLines(r, "shortages"_L1);
    result.replay = r.optionalBoolean("replay"_L1);
    return result;
}

ProtocolError readProtocolError(Reader& r)
{
    ProtocolError error;
    error.code = r.nonEmptyString("code"_L1);
    error.message = r.optionalString("message"_L1);
    error.field = r.optionalString("field"_L1);
    if (r.has("expected"_L1))
        error.expected = r.integer("expected"_L1);
    if (r.has("seq"_L1))
        error.seq = r.integer("seq"_L1);
    return error;
}

// ---------------------------------------------------------------- client messages

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
    return ClientMessage{std::move(push)};
}

// ---------------------------------------------------------------- server messages

ServerMessage readWelcome(Reader& r)
{
    Welcome welcome;
    const qint64 protocol = r.integer("protocol"_L1);
    if (r.ok() && protocol != protocolVersion)
        r.fail("protocol"_L1,
               QStringLiteral("is %1; this client speaks %2").arg(protocol).arg(protocolVersion));
    welcome.terminal = r.string("terminal"_L1);
    welcome.role = r.nonEmptyString("role"_L1);
    welcome.lastSeq = r.integer("lastSeq"_L1, 0);
    welcome.cursor = r.integer("cursor"_L1, 0);
    welcome.serverTime = r.time("serverTime"_L1);
    return welcome;
}

ServerMessage readResults(Reader& r)
{
    Results results;
    const QJsonArray array = r.array("results"_L1);
    results.results.reserve(array.size());
    r.forEachObject("results"_L1, array,
                    [&results](Reader& result) { results.results.append(readResult(result)); });
    return results;
}

ServerMessage readLevels(Reader& r)
{
    Levels levels;
    levels.cursor = r.integer("cursor"_L1, 0);
    levels.full = r.boolean("full"_L1);
    const QJsonArray array = r.array("levels"_L1);
    levels.levels.reserve(array.size());
    r.forEachObject("levels"_L1, array,
                    [&levels](Reader& level) { levels.levels.append(readLevel(level)); });
    return levels;
}

Product readProduct(Reader& r)
{
    Product p;
    p.sku = r.string("sku"_L1);
    p.barcode = r.optionalString("barcode"_L1);
    p.name = r.string("name"_L1);
    p.price = Money::fromMinor(r.integer("price"_L1));
    p.taxRate = r.taxRate("taxRate"_L1);
    p.active = r.boolean("active"_L1);
    p.department = r.optionalString("department"_L1);
    p.reorderPoint = r.optionalInteger("reorderPoint"_L1, 0, 0, maxQuantity);
    return p;
}

ServerMessage readCatalog(Reader& r)
{
    CatalogUpdate catalog;
    catalog.cursor = r.integer("cursor"_L1, 0);
    catalog.full = r.boolean("full"_L1);
    const QJsonArray array = r.array("products"_L1);
    catalog.products.reserve(array.size());
    r.forEachObject("products"_L1, array,
                    [&catalog](Reader& product) { catalog.products.append(readProduct(product)); });
    return catalog;
}

Shortage readShortage(Reader& r)
{
    Shortage s;
    s.id = r.integer("id"_L1);
    s.sku = r.string("sku"_L1);
    s.location = r.string("location"_L1);
    s.qty = r.integer("qty"_L1);
    s.terminal = r.string("terminal"_L1);
    s.sale = r.string("sale"_L1);
    s.at = r.time("at"_L1);
    s.resolved = r.optionalBoolean("resolved"_L1);
    return s;
}

ServerMessage readShortages(Reader& r)
{
    Shortages shortages;
    const QJsonArray array = r.array("shortages"_L1);
    shortages.shortages.reserve(array.size());
    r.forEachObject("shortages"_L1, array, [&shortages](Reader& shortage) {
        shortages.shortages.append(readShortage(shortage));
    });
    return shortages;
}

StaffMember readStaffMember(Reader& r)
{
    StaffMember m;
    m.name = r.nonEmptyString("name"_L1, StaffMember::maxNameLength);
    const QString role = r.string("role"_L1);
    const std::optional<StaffRole> known = staffRoleFromName(role);
    if (!known && r.ok())
        r.fail("role"_L1, QStringLiteral("is neither cashier nor manager"));
    m.role = known.value_or(StaffRole::Cashier);
    const QJsonObject pinObject = r.object("pin"_L1);
    Reader pin(pinObject, r, "pin"_L1);
    if (pin.string("algorithm"_L1) != "pbkdf2-sha256"_L1 && pin.ok())
        pin.fail("algorithm"_L1, QStringLiteral("is not pbkdf2-sha256"));
    m.pin.iterations = static_cast<int>(pin.integer("iterations"_L1, 1'000, 10'000'000));
    m.pin.salt = QByteArray::fromBase64(pin.nonEmptyString("salt"_L1, 256).toLatin1());
    m.pin.hash = QByteArray::fromBase64(pin.nonEmptyString("hash"_L1, 256).toLatin1());
    return m;
}

ServerMessage readStaff(Reader& r)
{
    StaffList list;
    const QJsonArray array = r.array("staff"_L1);
    list.staff.reserve(array.size());
    r.forEachObject("staff"_L1, array,
                    [&list](Reader& member) { list.staff.append(readStaffMember(member)); });
    return list;
}

DeliveryLine readDeliveryLine(Reader& r)
{
    DeliveryLine line;
    line.sku = r.id("sku"_L1);
    line.expected = r.integer("expected"_L1, 1, maxQuantity);
    line.received = r.integer("received"_L1, 0, maxWireInteger);
    line.rejected = r.integer("rejected"_L1, 0, maxWireInteger);
    return line;
}

Delivery readDelivery(Reader& r)
{
    Delivery delivery;
    delivery.id = r.id("reference"_L1);
    delivery.supplier = r.nonEmptyString("supplier"_L1, maxTextLength);
    delivery.location = r.id("location"_L1);
    const QJsonArray lines = r.array("lines"_L1);
    r.forEachObject("lines"_L1, lines,
                    [&delivery](Reader& line) { delivery.lines.append(readDeliveryLine(line)); });
    return delivery;
}

ServerMessage readDeliveries(Reader& r)
{
    DeliveryList list;
    const QJsonArray array = r.array("deliveries"_L1);
    r.forEachObject("deliveries"_L1, array,
                    [&list](Reader& delivery) { list.deliveries.append(readDelivery(delivery)); });
    return list;
}

ServerMessage readPaired(Reader& r)
{
    Paired paired;
    paired.terminal = r.id("terminal"_L1);
    paired.token = r.nonEmptyString("token"_L1, maxTokenLength);
    return paired;
}

HistoryEntry readHistoryEntry(Reader& r)
{
    HistoryEntry e;
    e.id = r.integer("id"_L1);
    e.at = r.time("at"_L1);
    e.kind = r.string("kind"_L1);
    e.location = r.id("location"_L1);
    e.onHandDelta = r.integer("onHandDelta"_L1);
    e.reservedDelta = r.integer("reservedDelta"_L1);
    e.onHand = r.integer("onHand"_L1);
    e.reserved = r.integer("reserved"_L1);
    e.terminal = r.optionalString("terminal"_L1);
    if (r.has("detail"_L1))
        e.detail = r.object("detail"_L1);
    return e;
}

ServerMessage readHistory(Reader& r)
{
    HistoryReply h;
    h.request = r.id("request"_L1);
    h.sku = r.string("sku"_L1);
    h.location = r.optionalString("location"_L1);
    h.code = r.optionalString("code"_L1);
    h.message = r.optionalString("message"_L1);
    h.more = r.optionalBoolean("more"_L1);
    if (r.has("entries"_L1)) {
        const QJsonArray array = r.array("entries"_L1);
        r.forEachObject("entries"_L1, array,
                        [&h](Reader& entry) { h.entries.append(readHistoryEntry(entry)); });
    }
    return h;
}

ServerMessage readServerMessage(Reader& r, const QString& type)
{
    if (type == "history"_L1)
        return readHistory(r);
    if (type == "paired"_L1)
        return readPaired(r);
    if (type == "staff"_L1)
        return readStaff(r);
    if (type == "deliveries"_L1)
        return readDeliveries(r);
    if (type == "levels"_L1)
        return readLevels(r);
    if (type == "results"_L1)
        return readResults(r);
    if (type == "catalog"_L1)
        return readCatalog(r);
    if (type == "welcome"_L1)
        return readWelcome(r);
    if (type == "shortages"_L1)
        return readShortages(r);
    if (type == "error"_L1)
        return readProtocolError(r);
    r.fail("type"_L1, QStringLiteral("'%1' is not a message type of protocol %2")
                          .arg(type.left(64))
                          .arg(protocolVersion));
    return {};
}

} // namespace

// ---------------------------------------------------------------- public API

QJsonObject ProtocolError::toJson() const
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("error"));
    o.insert("code"_L1, code);
    o.insert("message"_L1, message);
    if (!field.isEmpty())
        o.insert("field"_L1, field);
    if (expected)
        o.insert("expected"_L1, *expected);
    if (seq)
        o.insert("seq"_L1, *seq);
    return o;
}

// Lenient: what is missing or mistyped stays empty. decodeServerMessage() is the strict reader.
ProtocolError ProtocolError::fromJson(const QJsonObject& object)
{
    ProtocolError error;
    error.code = object.value("code"_L1).toString();
    error.message = object.value("message"_L1).toString();
    error.field = object.value("field"_L1).toString();
    if (const std::optional<qint64> e = exactInteger(object.value("expected"_L1)))
        error.expected = e;
    if (const std::optional<qint64> s = exactInteger(object.value("seq"_L1)))
        error.seq = s;
    return error;
}

QJsonObject MutationResult::toJson() const
{
    QJsonObject o;
    o.insert("seq"_L1, seq);
    o.insert("status"_L1, statusName(status));
    if (!code.isEmpty())
        o.insert("code"_L1, code);
    if (!message.isEmpty())
        o.insert("message"_L1, message);
    if (available)
        o.insert("available"_L1, *available);
    if (!lines.isEmpty())
        o.insert("lines"_L1, linesJson(lines));
    if (level)
        o.insert("level"_L1, levelJson(*level));
    if (!shortages.isEmpty())
        o.insert("shortages"_L1, linesJson(shortages));
    if (replay)
        o.insert("replay"_L1, true);
    return o;
}

QByteArray MutationResult::toJsonBytes() const
{
    JsonWriter w(96);
    writeResult(w, *this);
    return w.take();
}

Result<MutationResult> MutationResult::fromJson(const QJsonObject& object)
{
    Reader r(object);
    MutationResult result = readResult(r);
    if (!r.ok())
        return r.error();
    return result;
}

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

QByteArray PushWriter::take()
{
    m_writer.endArray();
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

QByteArray encode(const HistoryReply& history)
{
    QJsonArray entries;
    for (const HistoryEntry& e : history.entries) {
        QJsonObject entry{{"id"_L1, e.id},
                          {"at"_L1, formatTime(e.at)},
                          {"kind"_L1, e.kind},
                          {"location"_L1, e.location},
                          {"onHandDelta"_L1, e.onHandDelta},
                          {"reservedDelta"_L1, e.reservedDelta},
                          {"onHand"_L1, e.onHand},
                          {"reserved"_L1, e.reserved}};
        if (!e.terminal.isEmpty())
            entry.insert("terminal"_L1, e.terminal);
        if (!e.detail.isEmpty())
            entry.insert("detail"_L1, e.detail);
        entries.append(entry);
    }
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("history"));
    o.insert("request"_L1, history.request);
    o.insert("sku"_L1, history.sku);
    if (!history.location.isEmpty())
        o.insert("location"_L1, history.location);
    if (!history.code.isEmpty()) {
        o.insert("code"_L1, history.code);
        o.insert("message"_L1, history.message);
    } else {
        o.insert("entries"_L1, entries);
        if (history.more)
            o.insert("more"_L1, true);
    }
    return toFrame(o);
}

QByteArray encode(const Paired& paired)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("paired"));
    o.insert("terminal"_L1, paired.terminal);
    o.insert("token"_L1, paired.token);
    return toFrame(o);
}

QByteArray encode(const Welcome& welcome)
{
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("welcome"));
    o.insert("protocol"_L1, protocolVersion);
    o.insert("terminal"_L1, welcome.terminal);
    o.insert("role"_L1, welcome.role);
    o.insert("lastSeq"_L1, welcome.lastSeq);
    o.insert("cursor"_L1, welcome.cursor);
    o.insert("serverTime"_L1, formatTime(welcome.serverTime));
    return toFrame(o);
}

QByteArray encode(const Results& results)
{
    JsonWriter w(48 + results.results.size() * 48);
    w.beginObject();
    w.string("type"_L1, u"results");
    w.beginArray("results"_L1);
    for (const MutationResult& result : results.results)
        writeResult(w, result);
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const Levels& levels)
{
    JsonWriter w(64 + levels.levels.size() * 112);
    w.beginObject();
    w.string("type"_L1, u"levels");
    w.integer("cursor"_L1, levels.cursor);
    w.boolean("full"_L1, levels.full);
    w.beginArray("levels"_L1);
    for (const StockLevel& level : levels.levels) {
        w.beginObject();
        writeLevelFields(w, level);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const CatalogUpdate& catalog)
{
    JsonWriter w(64 + catalog.products.size() * 160);
    w.beginObject();
    w.string("type"_L1, u"catalog");
    w.integer("cursor"_L1, catalog.cursor);
    w.boolean("full"_L1, catalog.full);
    w.beginArray("products"_L1);
    for (const Product& p : catalog.products) {
        w.beginObject();
        w.string("sku"_L1, p.sku);
        w.string("barcode"_L1, p.barcode);
        w.string("name"_L1, p.name);
        w.integer("price"_L1, p.price.minor());
        w.taxRate("taxRate"_L1, p.taxRate);
        w.boolean("active"_L1, p.active);
        w.string("department"_L1, p.department);
        if (p.reorderPoint > 0)
            w.integer("reorderPoint"_L1, p.reorderPoint);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const Shortages& shortages)
{
    QJsonArray array;
    for (const Shortage& s : shortages.shortages) {
        QJsonObject shortage;
        shortage.insert("id"_L1, s.id);
        shortage.insert("sku"_L1, s.sku);
        shortage.insert("location"_L1, s.location);
        shortage.insert("qty"_L1, s.qty);
        shortage.insert("terminal"_L1, s.terminal);
        shortage.insert("sale"_L1, s.sale);
        shortage.insert("at"_L1, formatTime(s.at));
        if (s.resolved)
            shortage.insert("resolved"_L1, true);
        array.append(shortage);
    }
    QJsonObject o;
    o.insert("type"_L1, QStringLiteral("shortages"));
    o.insert("shortages"_L1, array);
    return toFrame(o);
}

bool roleSignsStaffIn(const QString& role)
{
    return role != "channel"_L1;
}

QByteArray encode(const DeliveryList& deliveries)
{
    JsonWriter w(64 + 256 * deliveries.deliveries.size());
    w.beginObject();
    w.string("type"_L1, u"deliveries");
    w.beginArray("deliveries"_L1);
    for (const Delivery& d : deliveries.deliveries) {
        w.beginObject();
        w.string("reference"_L1, d.id);
        w.string("supplier"_L1, d.supplier);
        w.string("location"_L1, d.location);
        w.beginArray("lines"_L1);
        for (const DeliveryLine& line : d.lines) {
            w.beginObject();
            w.string("sku"_L1, line.sku);
            w.integer("expected"_L1, line.expected);
            w.integer("received"_L1, line.received);
            w.integer("rejected"_L1, line.rejected);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const StaffList& staff)
{
    JsonWriter w(128 + 160 * staff.staff.size());
    w.beginObject();
    w.string("type"_L1, u"staff");
    w.beginArray("staff"_L1);
    for (const StaffMember& m : staff.staff) {
        w.beginObject();
        w.string("name"_L1, m.name);
        w.string("role"_L1, staffRoleName(m.role));
        w.beginObject("pin"_L1);
        w.string("algorithm"_L1, u"pbkdf2-sha256");
        w.integer("iterations"_L1, m.pin.iterations);
        w.string("salt"_L1, QString::fromLatin1(m.pin.salt.toBase64()));
        w.string("hash"_L1, QString::fromLatin1(m.pin.hash.toBase64()));
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

QByteArray encode(const ProtocolError& error)
{
    return toFrame(error.toJson());
}

Result<ServerMessage> decodeServerMessage(const QByteArray& frame)
{
    QString problem;
    const std::optional<QJsonObject> object = parseObject(frame, &problem);
    if (!object)
        return Error{{}, problem};
    Reader r(*object);
    const QString type = r.string("type"_L1);
    if (!r.ok())
        return r.error();
    ServerMessage message = readServerMessage(r, type);
    if (!r.ok())
        return r.error();
    return message;
}

} // namespace stockline::sync
