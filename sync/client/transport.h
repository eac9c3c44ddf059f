#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

namespace stockline::sync {

// How a client reaches the server: one JSON text frame per message. A WebSocket in the
// product; a simulation can put its own network in its place.
class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void open(const QUrl& url) = 0;
    virtual void close() = 0;
    virtual void send(const QByteArray& message) = 0;
    [[nodiscard]] virtual bool isOpen() const = 0;
    // Bytes accepted by send() but not yet handed to the network.
    [[nodiscard]] virtual qint64 bytesPending() const = 0;

Q_SIGNALS:
    void opened();
    // The connection ended or could not be made; `code` is the WebSocket close code (0 when
    // there was no close handshake).
    void closed(int code, const QString& reason);
    void received(const QByteArray& message);
};

} // namespace stockline::sync
