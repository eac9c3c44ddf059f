#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

// A bare protocol client for tests: JSON in, JSON out, as an independent client would see
// the server. No knowledge of the project's own codec.
class WireClient : public QObject
{
    Q_OBJECT

public:
    explicit WireClient(QObject* parent = nullptr);

    bool open(const QUrl& url, int timeoutMs = 10'000);
    // Starts connecting and returns at once; isOpen() tells when it is done.
    void startOpen(const QUrl& url);
    void send(const QJsonObject& message);
    void sendText(const QByteArray& text);
    // A binary frame (the protocol allows text frames only).
    void sendBinary(const QByteArray& data);
    // Frames longer than this are split (Qt's default is 512 KiB); a browser sends one frame.
    void setOutgoingFrameSize(quint64 bytes);
    // Hands everything sent so far to the network without waiting for the event loop.
    void flush();
    // hello, then the welcome (empty when none came).
    QJsonObject hello(const QString& terminal, const QString& token, qint64 cursor = 0,
                      int protocol = 1);
    // Sends {"type":"push","mutations":[…]}.
    void push(const QJsonArray& mutations);

    // The first not yet taken message of this type, waiting for it up to the timeout.
    QJsonObject take(const QString& type, int timeoutMs = 10'000);
    // Results until `count` of them arrived, in arrival order.
    QList<QJsonObject> takeResults(int count, int timeoutMs = 10'000);
    // Waits for the server to close; its close code, or -1 on timeout.
    int waitClosed(int timeoutMs = 15'000);
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QList<QJsonObject> untaken() const { return m_inbox; }
    void close();

    // Mutation objects as PROTOCOL.md writes them.
    static QJsonObject reserve(qint64 seq, const QString& reservation, const QString& sku,
                               const QString& location, qint64 qty, qint64 ttl = 600);
    static QJsonObject sale(qint64 seq, const QString& sale, const QString& location,
                            const QJsonArray& lines, bool offline = false);
    static QJsonObject saleLine(const QString& sku, qint64 qty, qint64 price,
                                const QString& reservation = {});
    static QJsonObject mutation(qint64 seq, const QString& kind, QJsonObject fields);

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_inbox;
    bool m_closed = false;
};
