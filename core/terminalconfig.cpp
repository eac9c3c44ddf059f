#include "terminalconfig.h"

#include "checks.h"
#include "fingerprint.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

namespace stockline {

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions anyoneElse = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;

Error fileError(const QString& path, const QString& problem)
{
    return Error{QStringLiteral("file"), QDir::toNativeSeparators(path) + u' ' + problem};
}

// checkId(), with what the ID is for.
Problem checkId(const char* field, const QString& value, const QString& hint)
{
    Problem problem = stockline::checkId(QLatin1StringView(field), value);
    if (problem)
        problem->message += hint;
    return problem;
}

std::optional<Error> checkToken(const QString& token)
{
    if (token.isEmpty())
        return Error{QStringLiteral("token"),
                     QStringLiteral("is empty: pair this terminal with the server first")};
    const bool printable = std::all_of(token.begin(), token.end(), [](QChar c) {
        return c.unicode() > 0x20 && c.unicode() < 0x7f;
    });
    if (!printable || token.size() > TerminalConfig::maxTokenLength)
        return Error{QStringLiteral("token"),
                     QStringLiteral("must be 1 to %1 printable ASCII characters without spaces")
                         .arg(TerminalConfig::maxTokenLength)};
    return std::nullopt;
}

std::optional<Error> checkFingerprint(const QString& fingerprint, const QString& scheme)
{
    if (fingerprint.isEmpty())
        return std::nullopt;
    if (!parseSha256Fingerprint(fingerprint))
        return Error{QStringLiteral("certificateSha256"),
                     QStringLiteral("'%1' is not a SHA-256 fingerprint: 64 hex digits, in pairs "
                                    "separated by colons, as `stockline-server tls fingerprint` "
                                    "prints it")
                         .arg(fingerprint)};
    if (scheme != QLatin1String("wss"))
        return Error{QStringLiteral("certificateSha256"),
                     QStringLiteral("a pinned certificate needs a wss:// server address")};
    return std::nullopt;
}

} // namespace

QString TerminalConfig::modeName(Mode mode)
{
    return mode == Mode::Receiving ? QStringLiteral("receiving") : QStringLiteral("pos");
}

std::optional<TerminalConfig::Mode> TerminalConfig::modeFromName(QStringView name)
{
    if (name == u"pos")
        return Mode::Pos;
    if (name == u"receiving")
        return Mode::Receiving;
    return std::nullopt;
}

std::optional<Error> TerminalConfig::checkLanguage(const QString& language)
{
    if (language.isEmpty())
        return std::nullopt;
    // QLocale falls back to "C" for a code it does not know, and to the language's main
    // country for a known language with an unknown country.
    const bool known =
        QLocale(language).language() != QLocale::C &&
        QLocale::codeToLanguage(QStringView(language).left(language.indexOf(u'_'))) !=
            QLocale::AnyLanguage;
    if (!known)
        return Error{
            QStringLiteral("language"),
            QStringLiteral("'%1' is not a language code such as de, es or en").arg(language)};
    return std::nullopt;
}

std::optional<Error> TerminalConfig::validate() const
{
    const QString scheme = serverUrl.scheme();
    if (!serverUrl.isValid() || serverUrl.host().isEmpty() ||
        (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return Error{QStringLiteral("serverUrl"),
                     QStringLiteral("'%1' is not a ws:// or wss:// address such as "
                                    "wss://stock.example:8765/")
                         .arg(serverUrl.toString())};
    if (auto e = checkId("terminal", terminal, QStringLiteral(": the ID the server enrolled")))
        return e;
    if (auto e = checkToken(token))
        return e;
    if (auto e = checkId("location", location, QStringLiteral(": a location the server knows")))
        return e;
    if (overTolerancePercent < 0 || overTolerancePercent > maxOverTolerancePercent)
        return Error{QStringLiteral("overTolerancePercent"),
                     QStringLiteral("%1 is not a percentage from 0 to %2")
                         .arg(overTolerancePercent)
                         .arg(maxOverTolerancePercent)};
    if (auto e = checkFingerprint(certificateSha256, scheme))
        return e;
    return checkLanguage(language);
}

QJsonObject TerminalConfig::toJson() const
{
    QJsonObject json{{QStringLiteral("serverUrl"), serverUrl.toString()},
                     {QStringLiteral("terminal"), terminal},
                     {QStringLiteral("token"), token},
                     {QStringLiteral("mode"), modeName(mode)},
                     {QStringLiteral("location"), location},
                     {QStringLiteral("overTolerancePercent"), overTolerancePercent}};
    if (!certificateSha256.isEmpty())
        json.insert(QStringLiteral("certificateSha256"), certificateSha256);
    if (!language.isEmpty())
        json.insert(QStringLiteral("language"), language);
    if (customerDisplay)
        json.insert(QStringLiteral("customerDisplay"), true);
    return json;
}

Result<TerminalConfig> TerminalConfig::fromJson(const QJsonObject& object)
{
    TerminalConfig config;
    config.serverUrl = QUrl(object.value(QLatin1String("serverUrl")).toString(), QUrl::StrictMode);
    config.terminal = object.value(QLatin1String("terminal")).toString();
    config.token = object.value(QLatin1String("token")).toString();
    config.location = object.value(QLatin1String("location")).toString();
    config.certificateSha256 = object.value(QLatin1String("certificateSha256")).toString();
    config.language = object.value(QLatin1String("language")).toString();
    const QString mode = object.value(QLatin1String("mode")).toString();
    const std::optional<Mode> known = modeFromName(mode);
    if (!known)
        return Error{QStringLiteral("mode"),
                     QStringLiteral("'%1' is neither pos nor receiving").arg(mode)};
    config.mode = *known;
    const QJsonValue display = object.value(QLatin1String("customerDisplay"));
    if (!display.isUndefined() && !display.isNull() && !display.isBool())
        return Error{QStringLiteral("customerDisplay"), QStringLiteral("must be true or false")};
    config.customerDisplay = display.toBool(false);
    const QJsonValue tolerance = object.value(QLatin1String("overTolerancePercent"));
    if (!tolerance.isUndefined() && !tolerance.isNull()) {
        const double percent = tolerance.toDouble(-1);
        if (!tolerance.isDouble() || percent < 0 || percent > maxOverTolerancePercent ||
            percent != static_cast<int>(percent))
            return Error{QStringLiteral("overTolerancePercent"),
                         QStringLiteral("must be a whole percentage from 0 to %1")
                             .arg(maxOverTolerancePercent)};
        config.overTolerancePercent = static_cast<int>(percent);
    }
    return config;
}

Result<bool> TerminalConfig::restrictToOwner(const QString& path)
{
    const QFileDevice::Permissions now = QFile::permissions(path);
    if (!(now & anyoneElse))
        return false;
    if (!QFile::setPermissions(path, now & ownerOnly))
        return fileError(path, QStringLiteral("holds this terminal's token and is readable by "
                                              "others, and its mode cannot be changed: make it "
                                              "owner-only (chmod 600) or pair the terminal again"));
    return true;
}

Result<TerminalConfig> TerminalConfig::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return fileError(path, QStringLiteral("does not exist: pair this terminal first"));
    const Result<bool> fixed = restrictToOwner(path);
    if (!fixed)
        return fixed.error();
    if (*fixed)
        qCWarning(lcCore).noquote()
            << QDir::toNativeSeparators(path)
            << "was readable by other users; it is owner-only now. Whoever read it has this "
               "terminal's token: pair the terminal again to replace the token.";
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("cannot be read: ") + file.errorString());
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !document.isObject())
        return fileError(path, QStringLiteral("is not a JSON object: ") + parse.errorString());
    Result<TerminalConfig> config = fromJson(document.object());
    if (!config)
        return config.error();
    if (std::optional<Error> problem = config->validate())
        return *problem;
    return config;
}

Status TerminalConfig::save(const QString& path) const
{
    if (std::optional<Error> problem = validate())
        return *problem;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fileError(path, QStringLiteral("cannot be written: its folder cannot be made"));
    QSaveFile file(path);
    // Owner-only before the token is written, so it is never readable by others on disk.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnly))
        return fileError(path, QStringLiteral("cannot be written: ") + file.errorString());
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fileError(path, QStringLiteral("cannot be written: ") + file.errorString());
    return success();
}

QString TerminalConfig::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("terminal.json"));
}

} // namespace stockline
