#include "protocol.h"

#include "fieldreader.h"
#include "wireformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <utility>

namespace stockline::sync {

using namespace Qt::StringLiterals;
using Reader = FieldReader;

namespace {

void writeLines(JsonWriter& w, QLatin1StringView name, const QList<LineAvailability>& lines)
{
    w.beginArray(name);
    for (const LineAvailability& line : lines) {
        w.beginObject();
        w.string("sku"_L1, line.sku);
        if (line.line > 0)
            w.integer("line"_L1, line.line);
        w.integer("available"_L1, line.available);
        w.endObject();
    }
    w.endArray();
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
        l.line = line.optionalInteger("line"_L1, 0, 0, maxLinesPerMutation);
        l.available = line.integer("available"_L1);
        lines.append(std::move(l));
    });
    return lines;
}

} // namespace

namespace wire {

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
    if (!result.overRefunded.isEmpty()) {
        w.beginArray("overRefunded"_L1);
        for (const OverRefund& over : result.overRefunded) {
            w.beginObject();
            w.integer("line"_L1, over.line);
            w.integer("qty"_L1, over.qty);
            w.integer("amount"_L1, over.amount.minor());
            w.endObject();
        }
        w.endArray();
    }
    if (result.replay)
        w.boolean("replay"_L1, true);
    w.endObject();
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
    if (r.has("overRefunded"_L1)) {
        const QJsonArray array = r.array("overRefunded"_L1);
        r.forEachObject("overRefunded"_L1, array, [&result](Reader& over) {
            OverRefund o;
            o.line = over.integer("line"_L1, 1, maxLinesPerMutation);
            o.qty = over.integer("qty"_L1, 0, maxQuantity);
            o.amount = over.money("amount"_L1);
            result.overRefunded.append(o);
        });
    }
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

} // namespace wire

using namespace wire;

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

// The same object as toJsonBytes() writes, so the two never disagree: a terminal keeps this one
// (once per result), the server sends and stores the bytes.
QJsonObject MutationResult::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
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

QByteArray encode(const ProtocolError& error)
{
    return toFrame(error.toJson());
}

} // namespace stockline::sync
