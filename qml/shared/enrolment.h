#pragma once

#include "terminalconfig.h"

#include <QObject>
#include <QString>
#include <optional>

namespace stockline::sync {
class Pairing;
}

namespace stockline::qml {

// How this terminal reaches its server and who it is there (TerminalConfig, written
// owner-only), at the first run and whenever a manager changes it. Two ways in: the short
// one-time code the server printed (`stockline-server terminal add ID --role pos --pairing`),
// traded over the wire for the terminal's id and a fresh token; or the id and the token typed
// in. Nothing is written unless everything is valid (and, pairing, the server said yes).
//
// Threading: the GUI thread; pairing is signals and slots.
class Enrolment : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString serverUrl READ serverUrl CONSTANT)
    Q_PROPERTY(QString terminal READ terminal CONSTANT)
    Q_PROPERTY(QString location READ location CONSTANT)
    Q_PROPERTY(QString certificate READ certificate CONSTANT)
    Q_PROPERTY(bool receiving READ receiving CONSTANT)
    Q_PROPERTY(bool changing READ changing CONSTANT)
    Q_PROPERTY(QString configPath READ configPath CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    // `current`: the configuration a manager is changing; nothing at the first run.
    Enrolment(QString configPath, std::optional<TerminalConfig> current, QObject* parent = nullptr);
    ~Enrolment() override;

    // Pairs with a one-time code: enrolled() once the server paired us and the file is saved.
    // `certificate`: the server certificate's SHA-256 fingerprint to pin (wss:// only), or
    // empty to trust the system's certificate authorities; pairing already checks it.
    Q_INVOKABLE bool pair(const QString& serverUrl, const QString& certificate, const QString& code,
                          bool receiving, const QString& location);
    // Saves the id and token typed in.
    Q_INVOKABLE bool save(const QString& serverUrl, const QString& certificate,
                          const QString& terminal, const QString& token, bool receiving,
                          const QString& location);
    // Leaves without a change (only when changing: a first run has nothing to go back to).
    Q_INVOKABLE void cancel();

    [[nodiscard]] QString serverUrl() const { return m_current.serverUrl.toString(); }
    [[nodiscard]] QString terminal() const { return m_current.terminal; }
    [[nodiscard]] QString location() const { return m_current.location; }
    [[nodiscard]] QString certificate() const { return m_current.certificateSha256; }
    [[nodiscard]] bool receiving() const
    {
        return m_current.mode == TerminalConfig::Mode::Receiving;
    }
    [[nodiscard]] bool changing() const { return m_changing; }
    // The screens' language saved with the setup ("" the system's, "de", …): setting it
    // applies it at once (shared/language.h), and the window is translated again.
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString& language);
    [[nodiscard]] QString configPath() const { return m_path; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    // What was saved, after enrolled().
    [[nodiscard]] const TerminalConfig& config() const { return m_current; }

Q_SIGNALS:
    void languageChanged();
    void busyChanged();
    void errorStringChanged();
    void enrolled();
    void cancelled();

private:
    [[nodiscard]] TerminalConfig typed(const QString& serverUrl, const QString& certificate,
                                       bool receiving, const QString& location) const;
    bool fail(const QString& error);

    QString m_path;
    TerminalConfig m_current;
    bool m_changing = false;
    QString m_language;
    sync::Pairing* m_pairing;
    QString m_error;
};

} // namespace stockline::qml
