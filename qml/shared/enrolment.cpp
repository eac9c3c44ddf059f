#include "enrolment.h"

#include "language.h"
#include "pairing.h"
#include "qmllogging.h"

namespace stockline::qml {

Enrolment::Enrolment(QString configPath, std::optional<TerminalConfig> current, QObject* parent)
    : QObject(parent), m_path(std::move(configPath)), m_current(current.value_or(TerminalConfig{})),
      m_changing(current.has_value()), m_language(m_current.language),
      m_pairing(new sync::Pairing(nullptr, this))
{
    connect(m_pairing, &sync::Pairing::succeeded, this, [this](const TerminalConfig& config) {
        m_current = config;
        Q_EMIT busyChanged();
        qCInfo(lcQml) << "paired as" << config.terminal << "with" << config.serverUrl.toString();
        Q_EMIT enrolled();
    });
    connect(m_pairing, &sync::Pairing::failed, this, [this](const QString& error) {
        Q_EMIT busyChanged();
        fail(error);
    });
}

Enrolment::~Enrolment() = default;

bool Enrolment::busy() const
{
    return m_pairing->isRunning();
}

TerminalConfig Enrolment::typed(const QString& serverUrl, const QString& certificate,
                                bool receiving, const QString& location) const
{
    TerminalConfig config;
    config.serverUrl = QUrl(serverUrl.trimmed(), QUrl::StrictMode);
    config.certificateSha256 = certificate.trimmed().toUpper();
    config.mode = receiving ? TerminalConfig::Mode::Receiving : TerminalConfig::Mode::Pos;
    config.location = location.trimmed();
    // Not on the enrolment screen: a change of setup keeps what IT set in the file.
    config.overTolerancePercent = m_current.overTolerancePercent;
    config.language = m_language;
    return config;
}

bool Enrolment::pair(const QString& serverUrl, const QString& certificate, const QString& code,
                     bool receiving, const QString& location)
{
    if (busy())
        return false;
    fail(QString());
    m_pairing->start(typed(serverUrl, certificate, receiving, location), m_path, code);
    Q_EMIT busyChanged();
    return true;
}

bool Enrolment::save(const QString& serverUrl, const QString& certificate, const QString& terminal,
                     const QString& token, bool receiving, const QString& location)
{
    if (busy())
        return false;
    TerminalConfig config = typed(serverUrl, certificate, receiving, location);
    config.terminal = terminal.trimmed();
    config.token = token.trimmed();
    if (const Status saved = config.save(m_path); !saved)
        return fail(saved.error().toString());
    fail(QString());
    m_current = config;
    qCInfo(lcQml) << "enrolled as" << config.terminal << "with" << config.serverUrl.toString();
    Q_EMIT enrolled();
    return true;
}

void Enrolment::setLanguage(const QString& language)
{
    if (language == m_language || !Language::apply(language))
        return;
    m_language = language;
    Q_EMIT languageChanged();
}

void Enrolment::cancel()
{
    if (m_changing && !busy())
        Q_EMIT cancelled();
}

bool Enrolment::fail(const QString& error)
{
    if (error != m_error) {
        m_error = error;
        Q_EMIT errorStringChanged();
    }
    return error.isEmpty();
}

} // namespace stockline::qml
