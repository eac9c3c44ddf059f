#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace stockline {

// What went wrong, for code that must act on it; the message says it to a person.
enum class ErrorCode {
    Invalid,     // the input breaks a rule: a missing field, a wrong type, a value out of range
    NotFound,    // it names something that does not exist (or no longer does)
    Conflict,    // it contradicts what is already stored: a duplicate, different content
    Refused,     // well formed, but not allowed in this state, for this role or this person
    Storage,     // the store could not read or write it; running it again will not help
    StorageBusy, // the database rolled it back (deadlock, serialization): safe to run again
};

// A problem with input or state, naming the field it is about so a clerk, an IT person or a
// client developer can tell what to fix.
struct Error
{
    QString field;
    QString message;
    ErrorCode code = ErrorCode::Invalid;

    [[nodiscard]] QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

// The value, or the error that stopped it. Exceptions never cross our API boundaries.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
    [[nodiscard]] T& value() & { return std::get<0>(m_state); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const T& operator*() const& { return value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }

    [[nodiscard]] const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but can fail.
struct Done
{
};
using Status = Result<Done>;

inline Status success()
{
    return Done{};
}

} // namespace stockline
