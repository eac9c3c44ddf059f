#include "pairing.h"

#include "clientlogging.h"
#include "fingerprint.h"
#include "protocol.h"
#include "transport.h"
#include "websockettransport.h"

namespace stockline::sync {

namespace {

QString refusal(const ProtocolError& error)
{
    if (error.code == errorCode::unauthorized)
        return Pairing::tr("The server did not accept this code: it is wrong, used already or "
                           "expired. Ask a manager for a new one.");
    if (error.code == errorCode::unavailable)
        return Pairing::tr("The server is busy; enter the code again in a moment.");
    return Pairing::tr("The server refused to pair: %1").arg(error.message);
}

} // namespace

Pairing::Pairing(Transport* transport, QObject* parent)
    : QObject(parent), m_makeTransport(transport == nullptr)
{
    if (transport)
        attach(transport);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(tr("The server did not answer in time; check the server address and "
                  "try again."));
    });
}

void Pairing::attach(Transport* transport)
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->deleteLater();
    }
    m_transport = transport;
    m_transport->setParent(this);
    connect(m_transport, &Transport::opened, this, &Pairing::onOpened);
    connect(m_transport, &Transport::received, this, &Pairing::onReceived);
    connect(m_transport, &Transport::closed, this, &Pairing::onClosed);
}

Pairing::~Pairing()
{
    if (m_transport) {
        m_transport->disconnect(this);
        delete m_transport;
    }
}

void Pairing::start(const TerminalConfig& config, const QString& configPath, const QString& code)
{
    if (m_running)
        return;
    const std::optional<QString> digits = pairingCodeDigitsOf(code);
    // Everything but what the server gives must be right before anything is sent.
    TerminalConfig probe = config;
    probe.terminal = QStringLiteral("pairing");
    probe.token = QStringLiteral("pairing");
    const std::optional<Error> problem = probe.validate();
    if (!digits || problem) {
        const QString error =
            !digits ? tr("A pairing code is %1 digits, such as 1234-5678.").arg(pairingCodeDigits)
                    : problem->toString();
        // Queued: the caller connects to failed() after start() as often as before it.
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    m_config = config;
    m_path = configPath;
    m_code = *digits;
    m_running = true;
    m_timeout.start();
    // The code goes only to the server whose certificate was pinned (validate() checked it).
    if (m_makeTransport)
        attach(new WebSocketTransport(
            parseSha256Fingerprint(config.certificateSha256).value_or(QByteArray())));
    m_transport->open(config.serverUrl);
}

void Pairing::onOpened()
{
    if (m_running)
        m_transport->send(encode(Pair{m_code}));
}

void Pairing::onReceived(const QByteArray& frame)
{
    if (!m_running)
        return;
    const Result<ServerMessage> message = decodeServerMessage(frame);
    if (!message) {
        finish(tr("The server answered something this terminal does not "
                  "understand: %1")
                   .arg(message.error().toString()));
        return;
    }
    if (const auto* error = std::get_if<ProtocolError>(&message.value())) {
        finish(refusal(*error));
        return;
    }
    const auto* paired = std::get_if<Paired>(&message.value());
    if (!paired)
        return; // nothing else is expected; the timeout ends it if the answer never comes
    m_config.terminal = paired->terminal;
    m_config.token = paired->token;
    if (const Status saved = m_config.save(m_path); !saved) {
        finish(tr("Paired as %1, but the configuration could not be saved (%2): "
                  "ask for a new code once that is fixed.")
                   .arg(paired->terminal, saved.error().toString()));
        return;
    }
    qCInfo(lcSync).noquote() << "paired as terminal" << paired->terminal;
    finish(QString());
}

void Pairing::onClosed(int code, const QString& reason)
{
    if (!m_running)
        return;
    finish(tr("Could not pair with the server at %1 (%2).")
               .arg(m_config.serverUrl.toString(),
                    reason.isEmpty() ? tr("closed, code %1").arg(code) : reason));
}

// Reports once; an empty error is success.
void Pairing::finish(const QString& error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_transport->close();
    if (error.isEmpty())
        Q_EMIT succeeded(m_config);
    else
        Q_EMIT failed(error);
}

} // namespace stockline::sync
