#pragma once

// The one answer of every back-office request (sync/PROTOCOL.md, "Back office: answers"):
// {"type":"answer","request":ID,"ok":true, …result} or {…,"ok":false,"code","message","field"}.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace stockline::sync {

[[nodiscard]] QByteArray encodeAnswer(const QString& request, const QJsonObject& result);
[[nodiscard]] QByteArray encodeAnswerError(const QString& request, const QString& code,
                                           const QString& message,
                                           const QString& field = QString());

} // namespace stockline::sync
