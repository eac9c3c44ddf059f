#pragma once

#include "money.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

namespace stockline {

// Writes compact JSON straight to bytes, for what is written often: every outbox entry, and
// the levels and catalog the server sends after every commit. Building QJsonObjects first
// costs several times more. Output is what QJsonDocument::Compact would give, with keys in the
// order they are written.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    void beginObject() { open('{'); }
    void beginObject(QLatin1StringView name)
    {
        key(name);
        m_out += '{';
    }
    void endObject() { m_out += '}'; }
    void beginArray(QLatin1StringView name)
    {
        key(name);
        m_out += '[';
    }
    void endArray() { m_out += ']'; }

    void integer(QLatin1StringView name, qint64 value);
    void boolean(QLatin1StringView name, bool value);
    void string(QLatin1StringView name, QStringView value);
    // Omitted when empty: the protocol's optional text fields.
    void optionalString(QLatin1StringView name, QStringView value)
    {
        if (!value.isEmpty())
            string(name, value);
    }
    // A string as the next array element.
    void stringElement(QStringView value)
    {
        separate();
        appendString(value);
    }
    // The percentage from integer thousandths, no binary fraction involved: 8875 → 8.875.
    void taxRate(QLatin1StringView name, TaxRate rate);
    // An element that is already JSON (a stored wire object), as the next array element.
    void raw(QByteArrayView json)
    {
        separate();
        m_out.append(json);
    }

    [[nodiscard]] QByteArray take() { return std::move(m_out); }

private:
    // A comma before every member and element but the first of its object or array.
    void separate()
    {
        const char last = m_out.isEmpty() ? ':' : m_out.back();
        if (last != '{' && last != '[' && last != ':')
            m_out += ',';
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
    }
    void key(QLatin1StringView name)
    {
        separate();
        m_out += '"';
        m_out.append(name.data(), name.size());
        m_out += "\":";
    }
    void appendString(QStringView text);
    void appendEscaped(QStringView text);

    QByteArray m_out;
};

} // namespace stockline
