#pragma once

#include "error.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>
#include <QUrl>
#include <optional>

namespace stockline {

// How this terminal reaches its server and who it is there: written when the terminal is
// paired (sync::Pairing), changed later by a manager.
//
// The file is JSON, readable and writable by its owner only (0600), because the token lets
// anyone who holds it act as this terminal. A file found readable by others is made
// owner-only when loaded, with a warning in the log: refusing to start would stop the till
// and protect nothing (whoever could read the token has read it already); the remedy for that
// is to pair the terminal again, which rotates the token. A file whose mode cannot be fixed
// is refused.
//
// {"serverUrl":"wss://stock.example:8765/","terminal":"POS-02","token":"…","mode":"pos",
//  "location":"store-1","overTolerancePercent":0,"certificateSha256":"AB:12:…","language":"de"}
struct TerminalConfig
{
    enum class Mode { Pos, Receiving };

    QUrl serverUrl; // ws:// or wss://
    QString terminal;
    QString token;
    Mode mode = Mode::Pos;
    QString location; // where this terminal sells or receives
    // Receiving only: how far beyond what a delivery expects a dock may book without a
    // manager, in percent of each line's expected quantity (rounded down). Optional in the
    // file ("overTolerancePercent", 0–100); 0: every unit beyond needs a manager.
    int overTolerancePercent = 0;
    // The server certificate's SHA-256 fingerprint ("AB:12:…", core/fingerprint.h), pinned at
    // enrolment: a wss:// server is trusted when its certificate has exactly this fingerprint
    // (for a self-signed one). Empty: the system's certificate authorities decide.
    QString certificateSha256;
    // The language the terminal's screens speak ("de", "es", "en", any language code QLocale
    // knows, such as "ar" for a right-to-left layout), never set by the server: the shop
    // floor's language is the till's. Empty: the system's locale decides.
    QString language;
    // A till with a customer-facing display: a second window shows the total and the change
    // (issue 23). Optional in the file ("customerDisplay", a boolean); false when absent.
    bool customerDisplay = false;

    static constexpr int maxOverTolerancePercent = 100;
    // As a hello's token (sync/protocol/protocol.h).
    static constexpr qsizetype maxTokenLength = 256;

    [[nodiscard]] static QString modeName(Mode mode);
    [[nodiscard]] static std::optional<Mode> modeFromName(QStringView name);
    // The problem with a language code, or nothing: empty, or a language QLocale knows
    // ("de", "es_MX", "ar").
    [[nodiscard]] static std::optional<Error> checkLanguage(const QString& language);

    // The first problem, naming its field: serverUrl, terminal, token, mode, location,
    // overTolerancePercent, certificateSha256, language.
    [[nodiscard]] std::optional<Error> validate() const;

    [[nodiscard]] QJsonObject toJson() const;
    // Reads every field; validate() tells what is wrong with them.
    [[nodiscard]] static Result<TerminalConfig> fromJson(const QJsonObject& object);

    // Reads, checks and validates the file (error field "file" for the file itself).
    [[nodiscard]] static Result<TerminalConfig> load(const QString& path);
    // Validates, then replaces the file atomically, owner-only from the first byte.
    [[nodiscard]] Status save(const QString& path) const;
    // Makes the file owner-only; true if it was not.
    [[nodiscard]] static Result<bool> restrictToOwner(const QString& path);
    // terminal.json in the user's configuration folder for Stockline.
    [[nodiscard]] static QString defaultPath();

    friend bool operator==(const TerminalConfig&, const TerminalConfig&) = default;
};

} // namespace stockline
