#include "csvreader.h"

#include <QBuffer>

namespace stockline {

namespace {

constexpr qint64 chunkSize = 64 * 1024;

bool isLineBreak(int c)
{
    return c == '\r' || c == '\n';
}

bool endsField(int c)
{
    return c == ',' || isLineBreak(c) || c < 0;
}

} // namespace

CsvReader::CsvReader(QIODevice& device, QString source, CsvLimits limits)
    : m_device(&device), m_source(std::move(source)), m_limits(limits),
      m_decoder(QStringDecoder::Utf8,
                QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
{
}

CsvReader::CsvReader(const QByteArray& data, QString source, CsvLimits limits)
    : m_ownedBuffer(std::make_unique<QBuffer>()), m_source(std::move(source)), m_limits(limits),
      m_decoder(QStringDecoder::Utf8,
                QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
{
    m_ownedBuffer->setData(data);
    m_ownedBuffer->open(QIODevice::ReadOnly);
    m_device = m_ownedBuffer.get();
}

CsvReader::~CsvReader() = default;

QString CsvReader::where(qint64 line) const
{
    const QString at = QStringLiteral("line %1").arg(line);
    return m_source.isEmpty() ? at : m_source + u' ' + at;
}

bool CsvReader::refill()
{
    if (m_eof)
        return false;
    m_chunk = m_device->read(chunkSize);
    m_pos = 0;
    if (m_chunk.isEmpty()) {
        m_eof = true;
        if (!m_error && !m_device->atEnd())
            m_error =
                Error{m_source, QStringLiteral("cannot be read: %1").arg(m_device->errorString())};
        return false;
    }
    return true;
}

int CsvReader::peek()
{
    if (m_pos >= m_chunk.size() && !refill())
        return EndOfInput;
    return static_cast<unsigned char>(m_chunk.at(m_pos));
}

int CsvReader::take()
{
    const int c = peek();
    if (c != EndOfInput)
        ++m_pos;
    return c;
}

void CsvReader::skipByteOrderMark()
{
    if (m_started)
        return;
    m_started = true;
    // The BOM is the first three bytes; a chunk always holds them unless the input is shorter.
    if (peek() == 0xEF && m_chunk.mid(m_pos, 3) == QByteArrayView("\xEF\xBB\xBF"))
        m_pos += 3;
}

// Consumes one CRLF, LF or CR and counts it as one physical line.
bool CsvReader::skipLineBreak()
{
    const int c = peek();
    if (!isLineBreak(c))
        return false;
    (void)take();
    if (c == '\r' && peek() == '\n')
        (void)take();
    ++m_line;
    return true;
}

void CsvReader::skipBlankLines()
{
    while (skipLineBreak()) {
    }
}

std::optional<Error> CsvReader::checkLength(qsizetype recordBytes, qint64 startLine) const
{
    if (recordBytes <= m_limits.maxRecordBytes)
        return std::nullopt;
    return Error{where(startLine),
                 QStringLiteral("the record is longer than %1 bytes (is a quote not closed?)")
                     .arg(m_limits.maxRecordBytes)};
}

std::optional<Error> CsvReader::readQuoted(QByteArray& field, qsizetype& recordBytes,
                                           qint64 startLine)
{
    (void)take(); // the opening quote
    for (;;) {
        const int c = take();
        if (c == EndOfInput)
            return Error{where(startLine),
                         QStringLiteral("a quoted field is not closed before the end of the file")};
        if (c == '"') {
            if (peek() != '"')
                break;
            (void)take();
        }
        // Line breaks inside quotes are data, but still physical lines for later line numbers.
        if (c == '\n' || (c == '\r' && peek() != '\n'))
            ++m_line;
        field.append(static_cast<char>(c));
        if (auto e = checkLength(++recordBytes, startLine))
            return e;
    }
    if (!endsField(peek()))
        return Error{where(m_line),
                     QStringLiteral("text follows a closing quote (write a quote inside a "
                                    "quoted field as two quotes: \"\")")};
    return std::nullopt;
}

std::optional<Error> CsvReader::readUnquoted(QByteArray& field, qsizetype& recordBytes,
                                             qint64 startLine)
{
    while (!endsField(peek())) {
        field.append(static_cast<char>(take()));
        if (auto e = checkLength(++recordBytes, startLine))
            return e;
    }
    return std::nullopt;
}

std::optional<Error> CsvReader::readRecord(CsvRecord& record)
{
    record.line = m_line;
    qsizetype recordBytes = 0;
    for (;;) {
        QByteArray bytes;
        const std::optional<Error> e = peek() == '"'
                                           ? readQuoted(bytes, recordBytes, record.line)
                                           : readUnquoted(bytes, recordBytes, record.line);
        if (e)
            return e;
        QString text = m_decoder.decode(bytes);
        if (m_decoder.hasError()) {
            m_decoder.resetState();
            return Error{where(record.line),
                         QStringLiteral("field %1 is not UTF-8 text (save the file as UTF-8)")
                             .arg(record.fields.size() + 1)};
        }
        record.fields.append(std::move(text));
        if (record.fields.size() > m_limits.maxFields)
            return Error{where(record.line),
                         QStringLiteral("more than %1 fields").arg(m_limits.maxFields)};
        if (peek() != ',')
            break;
        (void)take();
        if (auto tooLong = checkLength(++recordBytes, record.line))
            return tooLong;
    }
    skipLineBreak();
    return std::nullopt;
}

Error CsvReader::fail(Error error)
{
    m_error = error;
    return error;
}

Result<std::optional<CsvRecord>> CsvReader::next()
{
    if (m_error)
        return *m_error;
    skipByteOrderMark();
    skipBlankLines();
    if (peek() == EndOfInput) {
        if (m_error)
            return *m_error;
        return std::optional<CsvRecord>();
    }
    CsvRecord record;
    if (auto e = readRecord(record))
        return fail(*e);
    if (m_error) // the device failed mid-record
        return *m_error;
    if (!m_header.isEmpty() && record.fields.size() != m_header.size())
        return fail(Error{where(record.line),
                          QStringLiteral("%1 fields where the header has %2 (is a comma "
                                         "missing, or a field with a comma not quoted?)")
                              .arg(record.fields.size())
                              .arg(m_header.size())});
    return std::optional<CsvRecord>(std::move(record));
}

Status CsvReader::readHeader()
{
    Result<std::optional<CsvRecord>> first = next();
    if (!first)
        return first.error();
    if (!first.value())
        return fail(Error{m_source, QStringLiteral("is empty: it needs a header line")});
    const CsvRecord& record = *first.value();
    QStringList names;
    for (const QString& field : record.fields) {
        const QString name = field.trimmed();
        if (name.isEmpty())
            return fail(Error{where(record.line), QStringLiteral("column %1 of the header has "
                                                                 "no name")
                                                      .arg(names.size() + 1)});
        if (names.contains(name, Qt::CaseInsensitive))
            return fail(Error{where(record.line),
                              QStringLiteral("the header names column '%1' twice").arg(name)});
        names.append(name);
    }
    m_header = names;
    m_headerLine = record.line;
    return success();
}

qsizetype CsvReader::column(QStringView name) const
{
    for (qsizetype i = 0; i < m_header.size(); ++i)
        if (QStringView(m_header[i]).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

} // namespace stockline
