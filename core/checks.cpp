#include "checks.h"

#include "ids.h"

namespace stockline {

namespace {

Problem invalid(QAnyStringView field, QString message)
{
    return Error{field.toString(), std::move(message), ErrorCode::Invalid};
}

bool hasControlCharacter(const QString& text)
{
    for (const QChar ch : text) {
        if (ch.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// The value as the message quotes it: an ID that is wrong may be of any length.
QString quoted(const QString& value)
{
    constexpr qsizetype shown = 64;
    return u'\'' + (value.size() > shown ? value.left(shown) + u'…' : value) + u'\'';
}

} // namespace

Problem firstOf(std::initializer_list<Problem> problems)
{
    for (const Problem& problem : problems) {
        if (problem)
            return problem;
    }
    return std::nullopt;
}

Problem checkId(QAnyStringView field, const QString& value)
{
    if (isValidId(value))
        return std::nullopt;
    return invalid(field, quoted(value) + QStringLiteral(" is not 1–64 characters from "
                                                         "A-Z a-z 0-9 . _ : -"));
}

Problem checkOptionalId(QAnyStringView field, const QString& value)
{
    return value.isEmpty() ? std::nullopt : checkId(field, value);
}

Problem checkRange(QAnyStringView field, qint64 value, qint64 min, qint64 max)
{
    if (value >= min && value <= max)
        return std::nullopt;
    return invalid(field, wording::range(min, max));
}

Problem checkCount(QAnyStringView field, qsizetype count, qsizetype min, qsizetype max)
{
    if (count >= min && count <= max)
        return std::nullopt;
    return invalid(field, QStringLiteral("must have from %1 to %2 entries").arg(min).arg(max));
}

Problem checkLength(QAnyStringView field, const QString& text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return invalid(field, wording::atMostCharacters(maxLength));
    return std::nullopt;
}

Problem checkNotBlank(QAnyStringView field, const QString& text)
{
    if (text.trimmed().isEmpty())
        return invalid(field, wording::notBlank());
    return std::nullopt;
}

Problem checkText(QAnyStringView field, const QString& text, qsizetype maxLength)
{
    if (Problem problem = checkLength(field, text, maxLength))
        return problem;
    if (hasControlCharacter(text))
        return invalid(field, QStringLiteral("must not contain control characters"));
    return std::nullopt;
}

Problem checkRequiredText(QAnyStringView field, const QString& text, qsizetype maxLength)
{
    if (Problem problem = checkNotBlank(field, text))
        return problem;
    return checkText(field, text, maxLength);
}

Problem checkTime(QAnyStringView field, const QDateTime& at)
{
    if (at.isValid())
        return std::nullopt;
    return invalid(field, QStringLiteral("must be a valid time"));
}

namespace wording {

QString required()
{
    return QStringLiteral("is required");
}

QString notEmpty()
{
    return QStringLiteral("must not be empty");
}

QString notBlank()
{
    return QStringLiteral("must not be blank");
}

QString atMostCharacters(qsizetype max)
{
    return QStringLiteral("must be at most %1 characters").arg(max);
}

QString mustBe(QLatin1StringView what)
{
    return QStringLiteral("must be ") + what;
}

QString integerWithin(qint64 min, qint64 max)
{
    return QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max);
}

QString range(qint64 min, qint64 max)
{
    return QStringLiteral("must be from %1 to %2").arg(min).arg(max);
}

QString time()
{
    return QStringLiteral("must be an ISO-8601 time with a timezone, e.g. 2026-11-22T10:00:00Z");
}

} // namespace wording

} // namespace stockline
