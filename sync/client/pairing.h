#pragma once

#include "terminalconfig.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace stockline::sync {

class Transport;

// Pairs this device with the server: connects to the configured server, trades the one-time
// code a manager got from `stockline-server terminal add … --pairing` (or `terminal pair`)
// for the terminal's id and a new token (`pair` / `paired`, sync/PROTOCOL.md), and writes
// them into the terminal's configuration file. Nothing is written unless the server paired us.
//
// Threading: lives on the thread that made it; everything is signals and slots.
class Pairing : public QObject
{
    Q_OBJECT

public:
    static constexpr int timeoutMs = 15'000;

    // Takes ownership of `transport`; nullptr makes a WebSocketTransport for each start(),
    // checking the certificate the configuration pins.
    explicit Pairing(Transport* transport = nullptr, QObject* parent = nullptr);
    ~Pairing() override;

    // `config` gives the server URL, the mode and the location; its terminal and token are what
    // the server answers. Ends with succeeded() or failed(), once.
    void start(const TerminalConfig& config, const QString& configPath, const QString& code);
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    // The configuration as written to the file.
    void succeeded(const stockline::TerminalConfig& config);
    // Words for the person at the device.
    void failed(const QString& error);

private:
    void onOpened();
    void onReceived(const QByteArray& frame);
    void onClosed(int code, const QString& reason);
    void finish(const QString& error);
    void attach(Transport* transport);

    bool m_makeTransport;
    QPointer<Transport> m_transport;
    QTimer m_timeout;
    TerminalConfig m_config;
    QString m_path;
    QString m_code;
    bool m_running = false;
};

} // namespace stockline::sync
