#pragma once

// Private to SqlServerStore: the values a statement binds and the rows it returns, without a
// QVariant per value. Text is kept as UTF-8 in one buffer, so the SQLite backend binds it by
// pointer (sqlite3_bind_text) and only the Qt SQL backend (PostgreSQL) converts it back.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringEncoder>
#include <functional>
#include <type_traits>

namespace stockline::sync::sqlstore {

class RowValues
{
public:
    enum class Kind : quint8 { Integer, Text, Null };
    struct Value
    {
        Kind kind = Kind::Null;
        qint64 integer = 0; // Integer: the number; Text: where its bytes start in bytes()
        qsizetype size = 0; // Text: its length in bytes
    };

    // Any integer (a flag as 1 or 0).
    template <typename Integer>
    requires std::is_integral_v<Integer> RowValues& operator<<(Integer number)
    {
        m_values.append(Value{Kind::Integer, static_cast<qint64>(number), 0});
        return *this;
    }
    // A null QString is the empty string: our text columns are NOT NULL, and an absent optional
    // text (a reference, a department) is stored as ''.
    RowValues& operator<<(QStringView text)
    {
        const qsizetype start = m_bytes.size();
        m_bytes.resize(start + text.size() * 3); // UTF-8 never takes more than 3 bytes a unit
        QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
        char* end = encoder.appendToBuffer(m_bytes.data() + start, text);
        m_bytes.resize(end - m_bytes.constData());
        m_values.append(Value{Kind::Text, start, m_bytes.size() - start});
        return *this;
    }
    RowValues& operator<<(const QString& text) { return *this << QStringView(text); }
    RowValues& operator<<(QLatin1StringView text)
    {
        for (const char c : text) {
            if (static_cast<uchar>(c) >= 0x80)
                return *this << QString(text);
        }
        return appendUtf8(QByteArrayView(text.data(), text.size()));
    }
    // Text that is UTF-8 already (a result's JSON): copied as it is.
    RowValues& appendUtf8(QByteArrayView utf8)
    {
        const qsizetype start = m_bytes.size();
        m_bytes.append(utf8);
        m_values.append(Value{Kind::Text, start, utf8.size()});
        return *this;
    }
    RowValues& appendNull()
    {
        m_values.append(Value{});
        return *this;
    }

    [[nodiscard]] qsizetype size() const { return m_values.size(); }
    [[nodiscard]] bool isEmpty() const { return m_values.isEmpty(); }
    [[nodiscard]] const Value& at(qsizetype i) const { return m_values.at(i); }
    [[nodiscard]] QByteArrayView utf8(const Value& v) const
    {
        return QByteArrayView(m_bytes.constData() + v.integer, v.size);
    }
    // Where the values end now: truncate() takes back everything appended since.
    struct End
    {
        qsizetype values = 0;
        qsizetype bytes = 0;
    };
    [[nodiscard]] End end() const { return End{m_values.size(), m_bytes.size()}; }
    void truncate(End end)
    {
        m_values.resize(end.values);
        m_bytes.resize(end.bytes);
    }
    void clear()
    {
        m_values.clear();
        m_bytes.clear();
    }

private:
    QList<Value> m_values;
    QByteArray m_bytes;
};

// One row a statement returned, read by column from 0, whatever the backend.
class RowReader
{
public:
    virtual ~RowReader() = default;
    [[nodiscard]] virtual qint64 integer(int column) const = 0;
    [[nodiscard]] virtual QString text(int column) const = 0;
    [[nodiscard]] virtual bool isNull(int column) const = 0;
};

using ReadRow = std::function<void(const RowReader&)>;

} // namespace stockline::sync::sqlstore
