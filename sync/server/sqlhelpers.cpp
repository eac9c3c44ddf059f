#include "sqlhelpers.h"

#include "serverlogging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <array>

namespace stockline::sync::sqlstore {

void bind(QSqlQuery& query, int index, const QVariant& value)
{
    // Qt binds a null QString as SQL NULL; our text columns are NOT NULL and an absent optional
    // text (a reference, a department) is the empty string.
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.bindValue(index, QString(QLatin1String("")));
    else
        query.bindValue(index, value);
}

Error storageError(const QSqlQuery& query, const QString& what)
{
    const QString state = query.lastError().nativeErrorCode();
    const bool transient = state == QLatin1String("40P01") || state == QLatin1String("40001");
    const QString detail = query.lastError().text();
    qCWarning(lcServer).noquote() << "storage: cannot" << what << "-" << detail;
    return Error{QString(), QStringLiteral("storage: cannot %1: %2").arg(what, detail),
                 transient ? ErrorCode::StorageBusy : ErrorCode::Storage};
}

Status run(QSqlQuery& query, std::initializer_list<QVariant> values, const QString& what)
{
    int i = 0;
    for (const QVariant& value : values)
        bind(query, i++, value);
    if (!query.exec())
        return storageError(query, what);
    return success();
}

QString detailJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString levelKey(const QString& sku, const QString& location)
{
    // IDs never contain control characters, so the pair cannot be ambiguous.
    return sku + QChar(u'\x1f') + location;
}

StockLevel emptyLevel(const QString& sku, const QString& location)
{
    StockLevel level;
    level.sku = sku;
    level.location = location;
    return level;
}

QByteArray tokenHash(const QString& token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

// Takes as long for every pair of the same length, so the time does not tell how much of a
// guessed token's hash was right.
bool constantTimeEqual(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString newToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()),
                           static_cast<qsizetype>(sizeof(words)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace stockline::sync::sqlstore
