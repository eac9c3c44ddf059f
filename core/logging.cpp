#include "logging.h"

#include <QDateTime>
#include <cstdio>
#include <sys/stat.h>

namespace stockline {

Q_LOGGING_CATEGORY(lcCore, "stockline.core")

namespace {

bool g_toJournal = false;

// JOURNAL_STREAM is "DEVICE:INODE" of the stream systemd connected stdout/stderr to; it is
// inherited by children whose stderr may be elsewhere, so it counts only if stderr is it.
bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    struct stat st
    {
    };
    if (colon < 0 || fstat(fileno(stderr), &st) != 0)
        return false;
    bool devOk = false;
    bool inoOk = false;
    const qulonglong dev = stream.left(colon).toULongLong(&devOk);
    const qulonglong ino = stream.mid(colon + 1).toULongLong(&inoOk);
    return devOk && inoOk && dev == static_cast<qulonglong>(st.st_dev) &&
           ino == static_cast<qulonglong>(st.st_ino);
}

// syslog(3)'s priorities, as sd-daemon(3) prefixes carry them.
int priority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

const char* levelWord(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // One write per line: lines of several threads never interleave.
    const QByteArray line = logLine(type, context.category, message, g_toJournal) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

QByteArray logLine(QtMsgType type, const char* category, const QString& message, bool toJournal)
{
    QByteArray line;
    if (toJournal)
        line = '<' + QByteArray::number(priority(type)) + '>';
    else
        line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
               levelWord(type) + ' ';
    if (category && qstrcmp(category, "default") != 0)
        line += QByteArray(category) + ": ";
    // A message is one line: a line feed inside would start a line of its own, at the journal's
    // default priority and open to being read as another message.
    line += message.toUtf8().replace('\n', "\\n");
    return line;
}

void installLogHandler()
{
    g_toJournal = stderrIsJournal();
    qInstallMessageHandler(handle);
}

} // namespace stockline
