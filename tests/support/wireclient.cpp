#include "wireclient.h"

#include <QJsonDocument>
#include <QTest>
#include <QUuid>

WireClient::WireClient(QObject* parent) : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(512 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_inbox.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
}

void WireClient::startOpen(const QUrl& url)
{
    m_closed = false;
    m_socket.open(url);
}

bool WireClient::open(const QUrl& url, int timeoutMs)
{
    startOpen(url);
    return QTest::qWaitFor(
               [this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; },
               timeoutMs) &&
           m_socket.state() == QAbstractSocket::ConnectedState;
}

void WireClient::send(const QJsonObject& message)
{
    sendText(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void WireClient::sendText(const QByteArray& text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

void WireClient::sendBinary(const QByteArray& data)
{
    m_socket.sendBinaryMessage(data);
}

void WireClient::setOutgoingFrameSize(quint64 bytes)
{
    m_socket.setOutgoingFrameSize(bytes);
}

void WireClient::flush()
{
    m_socket.flush();
}

QJsonObject WireClient::hello(const QString& terminal, const QString& token, qint64 cursor,
                              int protocol)
{
    send({{QStringLiteral("type"), QStringLiteral("hello")},
          {QStringLiteral("protocol"), protocol},
          {QStringLiteral("terminal"), terminal},
          {QStringLiteral("token"), token},
          {QStringLiteral("cursor"), cursor}});
    return take(QStringLiteral("welcome"));
}

void WireClient::push(const QJsonArray& mutations)
{
    send({{QStringLiteral("type"), QStringLiteral("push")},
          {QStringLiteral("mutations"), mutations}});
}

QJsonObject WireClient::take(const QString& type, int timeoutMs)
{
    QJsonObject found;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_inbox.size(); ++i) {
                if (m_inbox[i].value(QStringLiteral("type")).toString() == type) {
                    found = m_inbox.takeAt(i);
                    return true;
                }
            }
            return m_closed;
        },
        timeoutMs);
    return found;
}

QList<QJsonObject> WireClient::takeResults(int count, int timeoutMs)
{
    QList<QJsonObject> results;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_inbox.size();) {
                if (m_inbox[i].value(QStringLiteral("type")).toString() ==
                    QLatin1String("results")) {
                    for (const QJsonValue r :
                         m_inbox.takeAt(i).value(QStringLiteral("results")).toArray())
                        results.append(r.toObject());
                } else {
                    ++i;
                }
            }
            return results.size() >= count || m_closed;
        },
        timeoutMs);
    return results;
}

int WireClient::waitClosed(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return m_closed; }, timeoutMs))
        return -1;
    return m_socket.closeCode();
}

bool WireClient::isOpen() const
{
    return !m_closed && m_socket.state() == QAbstractSocket::ConnectedState;
}

void WireClient::close()
{
    m_socket.close();
}

QJsonObject WireClient::mutation(qint64 seq, const QString& kind, QJsonObject fields)
{
    fields.insert(QStringLiteral("seq"), seq);
    fields.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    fields.insert(QStringLiteral("kind"), kind);
    fields.insert(QStringLiteral("at"), QStringLiteral("2026-11-22T10:00:00Z"));
    return fields;
}

QJsonObject WireClient::reserve(qint64 seq, const QString& reservation, const QString& sku,
                                const QString& location, qint64 qty, qint64 ttl)
{
    return mutation(seq, QStringLiteral("reserve"),
                    {{QStringLiteral("reservation"), reservation},
                     {QStringLiteral("sku"), sku},
                     {QStringLiteral("location"), location},
                     {QStringLiteral("qty"), qty},
                     {QStringLiteral("ttl"), ttl}});
}

QJsonObject WireClient::saleLine(const QString& sku, qint64 qty, qint64 price,
                                 const QString& reservation)
{
    QJsonObject line{{QStringLiteral("sku"), sku},
                     {QStringLiteral("qty"), qty},
                     {QStringLiteral("price"), price}};
    if (!reservation.isEmpty())
        line.insert(QStringLiteral("reservation"), reservation);
    return line;
}

QJsonObject WireClient::sale(qint64 seq, const QString& sale, const QString& location,
                             const QJsonArray& lines, bool offline)
{
    QJsonObject fields{{QStringLiteral("sale"), sale},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("lines"), lines},
                       {QStringLiteral("payments"),
                        QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("cash")},
                                               {QStringLiteral("amount"), 0}}}}};
    if (offline)
        fields.insert(QStringLiteral("offline"), true);
    return mutation(seq, QStringLiteral("sale"), fields);
}
