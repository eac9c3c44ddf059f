#pragma once

#include "checks.h"
#include "money.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <limits>

namespace stockline {

// The integer a JSON number holds exactly, if it is one within ±maxWireInteger.
[[nodiscard]] std::optional<qint64> exactInteger(const QJsonValue& value);

// Reads the typed fields of one JSON object, for mutations and for every protocol message, and
// keeps the first problem, named by its path ("mutations[3].seq", "lines[1].qty"). A nested
// reader shares its root's problem; after the first one every read returns an empty value, so
// a body is read straight through and checked once at the end. Paths are built only when
// something fails: the server reads thousands of entries a second and almost all are fine.
// JSON null means the same as an absent field.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject& object) : m_object(object), m_error(&m_ownError) {}
    // The reader of `parent.member` (or `parent.member[index]`).
    FieldReader(const QJsonObject& object, FieldReader& parent, QLatin1StringView member,
                qsizetype index = -1)
        : m_object(object), m_parent(&parent), m_member(member), m_index(index),
          m_error(parent.m_error)
    {
    }
    FieldReader(const FieldReader&) = delete;
    FieldReader& operator=(const FieldReader&) = delete;

    [[nodiscard]] bool ok() const { return !m_error->has_value(); }
    // The object read: for a message kept whole (a back-office answer).
    [[nodiscard]] const QJsonObject& json() const { return m_object; }
    [[nodiscard]] const Error& error() const { return **m_error; }

    // Keeps the first problem only, like every read.
    void fail(QLatin1StringView key, const QString& message, qsizetype index = -1);
    // A check's problem, its field named relative to this object.
    void fail(const Problem& problem);

    [[nodiscard]] bool has(QLatin1StringView key) const;

    [[nodiscard]] qint64 integer(QLatin1StringView key, qint64 min = -maxWireInteger,
                                 qint64 max = maxWireInteger);
    // Missing or null: `fallback`.
    [[nodiscard]] qint64 optionalInteger(QLatin1StringView key, qint64 fallback,
                                         qint64 min = -maxWireInteger, qint64 max = maxWireInteger)
    {
        return has(key) ? integer(key, min, max) : fallback;
    }
    [[nodiscard]] Money money(QLatin1StringView key) { return Money::fromMinor(integer(key)); }
    [[nodiscard]] QString string(QLatin1StringView key,
                                 qsizetype maxLength = std::numeric_limits<qsizetype>::max());
    // The same, and not empty.
    [[nodiscard]] QString
    nonEmptyString(QLatin1StringView key,
                   qsizetype maxLength = std::numeric_limits<qsizetype>::max());
    // Missing or null: empty.
    [[nodiscard]] QString optionalString(QLatin1StringView key)
    {
        return has(key) ? string(key) : QString();
    }
    [[nodiscard]] QString id(QLatin1StringView key);
    [[nodiscard]] bool boolean(QLatin1StringView key);
    // Missing or null: false.
    [[nodiscard]] bool optionalBoolean(QLatin1StringView key) { return has(key) && boolean(key); }
    // ISO-8601 with 'Z' or an offset, as UTC.
    [[nodiscard]] QDateTime time(QLatin1StringView key);
    [[nodiscard]] TaxRate taxRate(QLatin1StringView key);
    [[nodiscard]] QJsonArray array(QLatin1StringView key);
    // Missing or null: empty.
    [[nodiscard]] QJsonArray optionalArray(QLatin1StringView key)
    {
        return has(key) ? array(key) : QJsonArray();
    }
    [[nodiscard]] QJsonObject object(QLatin1StringView key);

    // Calls read(FieldReader&) for every element of `array` (the array `key`), each of which
    // must be an object, until one fails.
    template <typename Read>
    void forEachObject(QLatin1StringView key, const QJsonArray& array, Read read)
    {
        const qsizetype n = array.size();
        for (qsizetype i = 0; i < n && ok(); ++i) {
            const QJsonValue item = array.at(i);
            if (!item.isObject()) {
                fail(key, wording::mustBe(QLatin1StringView("an object")), i);
                return;
            }
            const QJsonObject element = item.toObject();
            FieldReader reader(element, *this, key, i);
            read(reader);
        }
    }

    // The path of `key` (or `key[index]`) in this reader's object.
    [[nodiscard]] QString path(QLatin1StringView key, qsizetype index = -1) const;

private:
    [[nodiscard]] QString prefix() const;
    // Undefined for an absent or null field; fails if `required`.
    [[nodiscard]] QJsonValue field(QLatin1StringView key, bool required);

    const QJsonObject& m_object;
    FieldReader* m_parent = nullptr;
    QLatin1StringView m_member;
    qsizetype m_index = -1;
    Problem m_ownError;
    Problem* m_error;
};

// An ISO-8601 time with 'Z' or an offset, as UTC; nothing for anything else (a time without
// offset would mean the reader's local time: ambiguous).
[[nodiscard]] std::optional<QDateTime> parseZonedTime(const QString& text);

} // namespace stockline
