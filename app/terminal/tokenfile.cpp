#include "tokenfile.h"

#include <QFile>
#include <QStringList>
#include <sys/stat.h>
#include <unistd.h>

namespace stockline::app {

namespace {

Error tokenError(const QString& message)
{
    return Error{QStringLiteral("token file"), message};
}

} // namespace

Result<QString> readTokenFile(const QString& path)
{
    struct stat info
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &info) != 0)
        return tokenError(QStringLiteral("%1 cannot be read (missing?)").arg(path));
    if (!S_ISREG(info.st_mode))
        return tokenError(QStringLiteral("%1 is not a file").arg(path));
    if (info.st_uid != ::geteuid())
        return tokenError(
            QStringLiteral("%1 belongs to another user; the till's user must own it").arg(path));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return tokenError(QStringLiteral("%1 may be read by other users (mode %2); make it "
                                         "owner-only with: chmod 600 %1")
                              .arg(path)
                              .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0')));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tokenError(QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QString token = QString::fromUtf8(file.readLine(4096)).trimmed();
    if (token.isEmpty())
        return tokenError(QStringLiteral("%1 is empty; it holds the token `stockline-server "
                                         "terminal add` printed")
                              .arg(path));
    return token;
}

} // namespace stockline::app
