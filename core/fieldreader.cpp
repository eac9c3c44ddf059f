#include "fieldreader.h"

#include "ids.h"

#include <cmath>

namespace stockline {

namespace {

QString indexed(QString path, qsizetype index)
{
    if (index >= 0)
        path += u'[' + QString::number(index) + u']';
    return path;
}

QLatin1StringView a(const char* what)
{
    return QLatin1StringView(what);
}

} // namespace

// Qt keeps integer literals as 64-bit integers and others as doubles; toInteger() refuses
// fractions and what does not fit, so 2^53+1 is refused whether it came as either.
std::optional<qint64> exactInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    constexpr qint64 notExact = std::numeric_limits<qint64>::min();
    const qint64 i = value.toInteger(notExact);
    if (i == notExact || i < -maxWireInteger || i > maxWireInteger)
        return std::nullopt;
    return i;
}

std::optional<QDateTime> parseZonedTime(const QString& text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return t.toUTC();
}

void FieldReader::fail(QLatin1StringView key, const QString& message, qsizetype index)
{
    if (ok())
        *m_error = Error{path(key, index), message, ErrorCode::Invalid};
}

void FieldReader::fail(const Problem& problem)
{
    if (!ok() || !problem)
        return;
    Error error = *problem;
    const QString p = prefix();
    if (!p.isEmpty())
        error.field = error.field.isEmpty() ? p : p + u'.' + error.field;
    *m_error = std::move(error);
}

bool FieldReader::has(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString FieldReader::prefix() const
{
    if (!m_parent)
        return {};
    QString p = m_parent->prefix();
    if (!p.isEmpty())
        p += u'.';
    return indexed(p + m_member, m_index);
}

QString FieldReader::path(QLatin1StringView key, qsizetype index) const
{
    QString p = prefix();
    if (!p.isEmpty())
        p += u'.';
    return indexed(p + key, index);
}

QJsonValue FieldReader::field(QLatin1StringView key, bool required)
{
    if (!ok())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue value = m_object.value(key);
    if (!value.isUndefined() && !value.isNull())
        return value;
    if (required)
        fail(key, wording::required());
    return QJsonValue(QJsonValue::Undefined);
}

qint64 FieldReader::integer(QLatin1StringView key, qint64 min, qint64 max)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return 0;
    const std::optional<qint64> i = exactInteger(v);
    if (!i) {
        fail(key, v.isDouble() ? wording::integerWithin(-maxWireInteger, maxWireInteger)
                               : wording::mustBe(a("an integer")));
        return 0;
    }
    if (*i < min || *i > max) {
        fail(key, wording::range(min, max));
        return 0;
    }
    return *i;
}

QString FieldReader::string(QLatin1StringView key, qsizetype maxLength)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return {};
    if (!v.isString()) {
        fail(key, wording::mustBe(a("a string")));
        return {};
    }
    QString s = v.toString();
    if (s.size() > maxLength) {
        fail(key, wording::atMostCharacters(maxLength));
        return {};
    }
    return s;
}

QString FieldReader::nonEmptyString(QLatin1StringView key, qsizetype maxLength)
{
    QString s = string(key, maxLength);
    if (ok() && s.isEmpty())
        fail(key, wording::notEmpty());
    return s;
}

QString FieldReader::id(QLatin1StringView key)
{
    QString s = string(key);
    if (ok() && !isValidId(s)) {
        fail(key, checkId(QString(), s)->message);
        return {};
    }
    return s;
}

bool FieldReader::boolean(QLatin1StringView key)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return false;
    if (!v.isBool())
        fail(key, wording::mustBe(a("true or false")));
    return v.toBool();
}

QDateTime FieldReader::time(QLatin1StringView key)
{
    const QString s = string(key);
    if (!ok())
        return {};
    const std::optional<QDateTime> t = parseZonedTime(s);
    if (!t) {
        fail(key, wording::time());
        return {};
    }
    return *t;
}

// On the wire a tax rate is the percentage as a JSON number (8.25, 8.875, 19). We keep thousandths
// of a percent, so a rate with at most three decimals round-trips exactly.
TaxRate FieldReader::taxRate(QLatin1StringView key)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return {};
    if (!v.isDouble()) {
        fail(key, wording::mustBe(a("a number")));
        return {};
    }
    const double milli = v.toDouble() * 1000.0;
    const double rounded = std::round(milli);
    if (!(rounded >= 0.0 && rounded <= 100'000.0) || std::abs(milli - rounded) > 1e-6) {
        fail(key, wording::mustBe(a("a percentage from 0 to 100 with at most three decimals")));
        return {};
    }
    return TaxRate::fromMilliPercent(static_cast<int>(rounded));
}

QJsonArray FieldReader::array(QLatin1StringView key)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return {};
    if (!v.isArray())
        fail(key, wording::mustBe(a("an array")));
    return v.toArray();
}

QJsonObject FieldReader::object(QLatin1StringView key)
{
    const QJsonValue v = field(key, true);
    if (!ok())
        return {};
    if (!v.isObject())
        fail(key, wording::mustBe(a("an object")));
    return v.toObject();
}

} // namespace stockline
