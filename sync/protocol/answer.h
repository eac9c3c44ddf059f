#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The one answer of every back-office request (issue 20, sync/PROTOCOL.md "Back office"):
// {"type":"answer","request":ID,"ok":true,…result} or
// {"type":"answer","request":ID,"ok":false,"code":…,"message":…,"field":…}.
namespace stockline::sync {

namespace answerCode {
inline constexpr QLatin1StringView invalidMessage("invalid_message");
inline constexpr QLatin1StringView forbidden("forbidden");
inline constexpr QLatin1StringView notFound("not_found");
inline constexpr QLatin1StringView versionConflict("version_conflict");
inline constexpr QLatin1StringView unavailable("unavailable");
inline constexpr QLatin1StringView wrongPin("wrong_pin");
inline constexpr QLatin1StringView notManager("not_manager");
inline constexpr QLatin1StringView rateLimited("rate_limited");
} // namespace answerCode

// `result`'s members go next to type, request and ok (a member of the same name is overwritten).
[[nodiscard]] QByteArray encodeAnswer(const QString& request, const QJsonObject& result);
// `field` is written only when not empty; `extra` members (version_conflict's current,
// changedBy, changedAt) go next to the others.
[[nodiscard]] QByteArray encodeAnswerError(const QString& request, const QString& code,
                                           const QString& message, const QString& field = {},
                                           const QJsonObject& extra = {});

} // namespace stockline::sync
