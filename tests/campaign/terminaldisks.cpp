#include "terminaldisks.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace campaign {

namespace {

bool run(const QStringList& command, QString* error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(command.first(), command.mid(1));
    if (p.waitForFinished(10'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    *error = command.join(u' ') + QStringLiteral(": ") +
             QString::fromUtf8(p.readAllStandardOutput().trimmed());
    return false;
}

} // namespace

TerminalDisks::~TerminalDisks()
{
    QString ignored;
    for (const QString& folder : std::as_const(m_folders))
        run({QStringLiteral("umount"), QStringLiteral("--lazy"), folder}, &ignored);
}

bool TerminalDisks::mount(int workers, const QString& parent, int megabytes)
{
    for (int w = 0; w < workers; ++w) {
        const QString folder = QDir(parent).filePath(QStringLiteral("disk-%1").arg(w));
        if (!QDir().mkpath(folder)) {
            m_error = folder + QStringLiteral(": cannot make it");
            return false;
        }
        if (!run({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"),
                  QStringLiteral("-o"), QStringLiteral("size=%1m,mode=0700").arg(megabytes),
                  QStringLiteral("stockline-campaign"), folder},
                 &m_error))
            return false;
        m_folders.append(folder);
    }
    return true;
}

bool TerminalDisks::fill(int worker)
{
    QFile file(filler(worker));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        m_error = file.fileName() + QStringLiteral(": ") + file.errorString();
        return false;
    }
    // Big blocks, then single bytes: full means not one more byte fits.
    for (const qsizetype block : {qsizetype(1) << 20, qsizetype(4096), qsizetype(1)}) {
        const QByteArray zeros(block, '\0');
        while (file.write(zeros) == block) {
        }
    }
    if (file.write("x", 1) == 1) {
        m_error = file.fileName() + QStringLiteral(": the disk does not fill");
        return false;
    }
    return true;
}

bool TerminalDisks::free(int worker)
{
    if (QFile::exists(filler(worker)) && !QFile::remove(filler(worker))) {
        m_error = filler(worker) + QStringLiteral(": cannot remove it");
        return false;
    }
    return true;
}

QString TerminalDisks::filler(int worker) const
{
    return QDir(m_folders.value(worker)).filePath(QStringLiteral("filler"));
}

} // namespace campaign
