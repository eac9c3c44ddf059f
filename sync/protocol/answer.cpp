#include "answer.h"

#include "wireformat.h"

namespace stockline::sync {

using namespace Qt::StringLiterals;

QByteArray encodeAnswer(const QString& request, const QJsonObject& result)
{
    QJsonObject o = result;
    o.insert("type"_L1, QStringLiteral("answer"));
    o.insert("request"_L1, request);
    o.insert("ok"_L1, true);
    return wire::toFrame(o);
}

QByteArray encodeAnswerError(const QString& request, const QString& code, const QString& message,
                             const QString& field)
{
    QJsonObject o{{"type"_L1, QStringLiteral("answer")},
                  {"request"_L1, request},
                  {"ok"_L1, false},
                  {"code"_L1, code},
                  {"message"_L1, message}};
    if (!field.isEmpty())
        o.insert("field"_L1, field);
    return wire::toFrame(o);
}

} // namespace stockline::sync
