#pragma once

#include "error.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringDecoder>
#include <QStringList>
#include <memory>
#include <optional>

class QBuffer;

namespace stockline {

// One record of a CSV file and the physical line it starts on (1-based), so an error can
// point the person who edits the file at the right line even when quoted fields span lines.
struct CsvRecord
{
    qint64 line = 0;
    QStringList fields;
};

// What one record may take: a record of the store's files is well under 1 KiB.
struct CsvLimits
{
    qsizetype maxRecordBytes = 64 * 1024;
    qsizetype maxFields = 256;
};

// Reads RFC 4180 CSV as spreadsheets write it: fields separated by commas, records by CRLF,
// LF or CR; fields may be quoted, with "" for a quote and commas or line breaks inside.
// The text must be UTF-8 (a leading byte order mark is skipped). Blank lines are skipped.
// A quote inside an unquoted field is taken literally (12" pizza); text after a closing
// quote is an error, because it means a quote that should have been doubled.
//
// Input is streamed: memory stays within the limits below whatever the file holds, so a
// hostile or broken file (one endless line, a quote never closed) fails instead of
// exhausting memory.
//
// Errors name the source and line: Error{"products.csv line 17", "…"}. After an error the
// reader stays failed and returns that error again.
class CsvReader
{
public:
    // Reads from device, which must be open and outlive the reader. source names the input
    // in errors, e.g. "products.csv"; it may be empty.
    explicit CsvReader(QIODevice& device, QString source = {}, CsvLimits limits = {});
    // Reads from bytes in memory.
    explicit CsvReader(const QByteArray& data, QString source = {}, CsvLimits limits = {});
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Reads the first record as column names, trimmed. An empty input, an empty name or a
    // name given twice (ignoring case) is an error. After this, every record must have as
    // many fields as the header.
    [[nodiscard]] Status readHeader();
    [[nodiscard]] const QStringList& header() const { return m_header; }
    [[nodiscard]] qint64 headerLine() const { return m_headerLine; }
    // The index of the named column, ignoring case, or -1.
    [[nodiscard]] qsizetype column(QStringView name) const;

    // The next record, or no value at the end of the input.
    [[nodiscard]] Result<std::optional<CsvRecord>> next();

    // "products.csv line 17", or "line 17" without a source: the field of errors about a line.
    [[nodiscard]] QString where(qint64 line) const;

private:
    enum : int { EndOfInput = -1 };

    [[nodiscard]] int peek();
    [[nodiscard]] int take();
    [[nodiscard]] bool refill();
    void skipByteOrderMark();
    bool skipLineBreak();
    void skipBlankLines();
    [[nodiscard]] std::optional<Error> readQuoted(QByteArray& field, qsizetype& recordBytes,
                                                  qint64 startLine);
    [[nodiscard]] std::optional<Error> readUnquoted(QByteArray& field, qsizetype& recordBytes,
                                                    qint64 startLine);
    [[nodiscard]] std::optional<Error> readRecord(CsvRecord& record);
    [[nodiscard]] std::optional<Error> checkLength(qsizetype recordBytes, qint64 startLine) const;
    [[nodiscard]] Error fail(Error error);

    std::unique_ptr<QBuffer> m_ownedBuffer;
    QIODevice* m_device = nullptr;
    QString m_source;
    CsvLimits m_limits;
    QByteArray m_chunk;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_started = false;
    qint64 m_line = 1;
    QStringList m_header;
    qint64 m_headerLine = 0;
    QStringDecoder m_decoder;
    std::optional<Error> m_error;
};

} // namespace stockline
