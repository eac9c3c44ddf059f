#include "answer.h"

#include <QJsonDocument>

namespace stockline::sync {

using namespace Qt::StringLiterals;

namespace {

QByteArray frame(QJsonObject object, const QString& request, bool ok)
{
    object.insert("type"_L1, "answer"_L1);
    object.insert("request"_L1, request);
    object.insert("ok"_L1, ok);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray encodeAnswer(const QString& request, const QJsonObject& result)
{
    return frame(result, request, true);
}

QByteArray encodeAnswerError(const QString& request, const QString& code, const QString& message,
                             const QString& field, const QJsonObject& extra)
{
    QJsonObject object = extra;
    object.insert("code"_L1, code);
    object.insert("message"_L1, message);
    if (!field.isEmpty())
        object.insert("field"_L1, field);
    return frame(object, request, false);
}

} // namespace stockline::sync
