#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;

namespace stockline::print {

// Sends ESC/POS bytes to the receipt printer: a device file ("/dev/usb/lp0", a serial port
// already set up) or a network printer's raw port ("tcp://192.0.2.10:9100", "printer:9100",
// 9100 when no port is given). Printing never blocks the till: the network case reports back
// through printed() or failed(); a device file is written at once.
class ReceiptPrinter : public QObject
{
    Q_OBJECT

public:
    explicit ReceiptPrinter(const QString& target = {}, QObject* parent = nullptr);

    [[nodiscard]] bool isConfigured() const { return !m_target.isEmpty(); }
    [[nodiscard]] QString target() const { return m_target; }
    [[nodiscard]] bool isNetwork() const { return !m_host.isEmpty(); }

    void print(const QByteArray& bytes);

    static constexpr quint16 defaultPort = 9100;
    static constexpr int timeoutMs = 5000;

Q_SIGNALS:
    void printed();
    void failed(const QString& message);

private:
    void printToFile(const QByteArray& bytes);
    void printToNetwork(const QByteArray& bytes);

    QString m_target;
    QString m_host;
    quint16 m_port = defaultPort;
};

} // namespace stockline::print
