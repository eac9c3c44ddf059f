#pragma once

#include "error.h"

#include <QAnyStringView>
#include <QDateTime>
#include <QString>
#include <initializer_list>
#include <optional>

namespace stockline {

// Limits every reader enforces, so no input can make us allocate without bound.
inline constexpr qint64 maxLinesPerMutation = 500;
inline constexpr qint64 maxQuantity = 1'000'000;
inline constexpr qint64 maxTtlSeconds = 86'400;
inline constexpr qint64 maxMoneyMinor = 1'000'000'000'00; // a billion in major units
inline constexpr int maxTextLength = 200;
// Integers on the wire stay within ±2^53: most JSON readers hold numbers as doubles, which are
// exact only up to there, so a bigger number would not mean the same at both ends.
inline constexpr qint64 maxWireInteger = qint64{1} << 53;

// The checks every layer applies to values, with one wording per kind of problem: what goes
// over the wire, onto a screen and into a log reads the same wherever it was found. Each
// returns the problem (code Invalid) naming `field`, or nothing.
using Problem = std::optional<Error>;

// The first of several checks that found something.
[[nodiscard]] Problem firstOf(std::initializer_list<Problem> problems);

// An ID chosen by a client (isValidId()).
[[nodiscard]] Problem checkId(QAnyStringView field, const QString& value);
// The same, where empty means none.
[[nodiscard]] Problem checkOptionalId(QAnyStringView field, const QString& value);
[[nodiscard]] Problem checkRange(QAnyStringView field, qint64 value, qint64 min, qint64 max);
// The number of entries of a list.
[[nodiscard]] Problem checkCount(QAnyStringView field, qsizetype count, qsizetype min,
                                 qsizetype max);
// Text of at most `maxLength` UTF-16 units.
[[nodiscard]] Problem checkLength(QAnyStringView field, const QString& text,
                                  qsizetype maxLength = maxTextLength);
// Text with something besides white space.
[[nodiscard]] Problem checkNotBlank(QAnyStringView field, const QString& text);
// Free text that ends up on receipts, screens and log lines: at most `maxLength` UTF-16 units,
// no control characters.
[[nodiscard]] Problem checkText(QAnyStringView field, const QString& text,
                                qsizetype maxLength = maxTextLength);
// The same, and not blank.
[[nodiscard]] Problem checkRequiredText(QAnyStringView field, const QString& text,
                                        qsizetype maxLength = maxTextLength);

[[nodiscard]] Problem checkTime(QAnyStringView field, const QDateTime& at);

// The wording of the problems a reader of typed fields finds (FieldReader, the CSV importer).
namespace wording {
[[nodiscard]] QString required();
[[nodiscard]] QString notEmpty();
[[nodiscard]] QString notBlank();
[[nodiscard]] QString atMostCharacters(qsizetype max);
// `what`: "a string", "an integer", "an array", "an object", "true or false", …
[[nodiscard]] QString mustBe(QLatin1StringView what);
[[nodiscard]] QString integerWithin(qint64 min, qint64 max);
[[nodiscard]] QString range(qint64 min, qint64 max);
[[nodiscard]] QString time();
} // namespace wording

} // namespace stockline
