#include "sqlhelpers.h"

#include "serverlogging.h"

#include <QJsonDocument>
#include <QSqlError>

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

} // namespace stockline::sync::sqlstore
