#pragma once

#include "transport.h"

#include <QWebSocket>

namespace stockline::sync {

class WebSocketTransport final : public Transport
{
    Q_OBJECT

public:
    explicit WebSocketTransport(QObject* parent = nullptr);

    void open(const QUrl& url) override;
    void close() override;
    void send(const QByteArray& message) override;
    [[nodiscard]] bool isOpen() const override;
    [[nodiscard]] qint64 bytesPending() const override;

private:
    void reportClosed();

    QWebSocket m_socket;
    bool m_connecting = false;
    bool m_connected = false;
};

} // namespace stockline::sync
