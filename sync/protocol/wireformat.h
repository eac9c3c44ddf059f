#pragma once

#include "fieldreader.h"
#include "jsonwriter.h"
#include "protocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

// The parts of the wire format that client and server messages share (defined in
// protocol.cpp and receiptmessages.cpp; clientmessages.cpp and servermessages.cpp use them).
namespace stockline::sync::wire {

// A frame that must be one JSON object; else nothing, and `problem` says why.
[[nodiscard]] std::optional<QJsonObject> parseObject(const QByteArray& frame, QString* problem);
[[nodiscard]] QByteArray toFrame(const QJsonObject& object);
// Seconds precision unless there are milliseconds: "2026-11-22T10:00:00Z" as PROTOCOL.md shows.
[[nodiscard]] QString formatTime(const QDateTime& time);
[[nodiscard]] StockLevel readLevel(FieldReader& r);
void writeLevelFields(JsonWriter& w, const StockLevel& level);
// MutationResult::toJson()'s object, written as the next member or element of `w`.
void writeResult(JsonWriter& w, const MutationResult& result);
[[nodiscard]] MutationResult readResult(FieldReader& r);
[[nodiscard]] ProtocolError readProtocolError(FieldReader& r);
// "2026-12-07" and nothing else (receiptmessages.cpp).
[[nodiscard]] std::optional<QDate> parseDate(const QString& text);
[[nodiscard]] QDate readDate(FieldReader& r, QLatin1StringView key);
[[nodiscard]] ServerMessage readReceiptReply(FieldReader& r);
[[nodiscard]] ServerMessage readDayReply(FieldReader& r);

} // namespace stockline::sync::wire
