#include "serverlogging.h"
#include "syncserver.h"

namespace stockline::sync {

namespace {

// The largest frame payload we send; longer messages are fragmented, as QWebSocket does.
constexpr qsizetype maxFramePayload = 512 * 1024;

// RFC 6455 §5.2 as a server writes it: no mask, the length in 7, 16 or 64 bits.
void appendFrameHeader(QByteArray& out, bool final, quint8 opcode, qsizetype length)
{
    out.append(static_cast<char>((final ? 0x80 : 0x00) | opcode));
    if (length < 126) {
        out.append(static_cast<char>(length));
        return;
    }
    const int bytes = length <= 0xffff ? 2 : 8;
    out.append(static_cast<char>(bytes == 2 ? 126 : 127));
    for (int i = bytes - 1; i >= 0; --i)
        out.append(static_cast<char>((static_cast<quint64>(length) >> (8 * i)) & 0xff));
}

// A text message as the frames that carry it (text, then continuations), built once per
// broadcast so that every socket is handed the same bytes.
QByteArray textFrames(const QByteArray& message)
{
    QByteArray frames;
    frames.reserve(message.size() + 14 * (1 + message.size() / maxFramePayload));
    qsizetype offset = 0;
    do {
        const qsizetype length = std::min(maxFramePayload, message.size() - offset);
        appendFrameHeader(frames, offset + length == message.size(), offset == 0 ? 0x1 : 0x0,
                          length);
        frames.append(message.constData() + offset, length);
        offset += length;
    } while (offset < message.size());
    return frames;
}

} // namespace

void SyncServer::onCommitted(const CommitEffects& effects)
{
    const QByteArray levels = effects.levels.isEmpty()
                                  ? QByteArray()
                                  : encode(Levels{effects.cursor, false, effects.levels});
    const QByteArray catalog = effects.products.isEmpty()
                                   ? QByteArray()
                                   : encode(CatalogUpdate{effects.cursor, false, effects.products});
    const QByteArray levelsFrames = levels.isEmpty() ? QByteArray() : textFrames(levels);
    const QByteArray catalogFrames = catalog.isEmpty() ? QByteArray() : textFrames(catalog);
    for (auto& [id, s] : m_sessions) {
        if (!s->authenticated || s->resyncPending || !s->socket)
            continue;
        if (s->socket->bytesToWrite() > m_limits.maxSendBacklog) {
            // Deltas would pile up without bound: skip them, resync once it has drained.
            s->resyncPending = true;
            watchDrain(*s);
            continue;
        }
        if (!levels.isEmpty())
            sendFrames(*s, levelsFrames, levels);
        if (!catalog.isEmpty())
            sendFrames(*s, catalogFrames, catalog);
        // Written now rather than on the next pass of the event loop: the first terminals read
        // the change while the last are still being sent to, and the usual small message leaves
        // the socket's buffer at once instead of waiting for a poll over every socket.
        s->socket->flush();
        s->cursorSent = std::max(s->cursorSent, effects.cursor);
    }
}

// Watched only while a resync is due: bytesWritten fires for every write to every socket,
// and a handler on it costs a broadcast to a thousand terminals a signal dispatch and a
// session lookup each.
void SyncServer::watchDrain(Session& session)
{
    if (session.drainWatch || !session.socket)
        return;
    const quint64 id = session.id;
    session.drainWatch = connect(session.socket, &QWebSocket::bytesWritten, this, [this, id] {
        if (Session* s = this->session(id))
            onBytesWritten(*s);
    });
}

void SyncServer::onBytesWritten(Session& session)
{
    if (!session.resyncPending || !session.socket ||
        session.socket->bytesToWrite() >= m_limits.maxSendBacklog / 4)
        return;
    // One catch-up per resync: the socket is not watched again until it falls behind again.
    disconnect(std::exchange(session.drainWatch, {}));
    m_arbiter.submitCatchUp(session.id, session.cursorSent);
}

void SyncServer::onStaffChanged(const QList<StaffMember>& staff)
{
    endElevationsNotIn(staff);
    const QString message = QString::fromUtf8(encode(StaffList{staff}));
    for (auto& [id, s] : m_sessions)
        if (s->authenticated && roleSignsStaffIn(roleName(s->role)))
            send(*s, message);
}

void SyncServer::onDeliveriesChanged(const QList<Delivery>& deliveries)
{
    const QString message = QString::fromUtf8(encode(DeliveryList{deliveries}));
    for (auto& [id, s] : m_sessions)
        if (s->authenticated && roleMay(s->role, MutationKind::Receive))
            send(*s, message);
}

void SyncServer::onCatchUpReady(quint64 connection, const Levels& levels,
                                const CatalogUpdate& catalog)
{
    Session* s = session(connection);
    if (!s || !s->resyncPending)
        return;
    s->resyncPending = false;
    send(*s, encode(levels));
    send(*s, encode(catalog));
    s->cursorSent = std::max({s->cursorSent, levels.cursor, catalog.cursor});
}

void SyncServer::onShortagesChanged(const QList<Shortage>& shortages)
{
    const QByteArray message = encode(Shortages{shortages});
    const QByteArray frames = textFrames(message);
    for (auto& [id, s] : m_sessions)
        if (s->authenticated)
            sendFrames(*s, frames, message);
}

void SyncServer::onTerminalsRevoked(const QStringList& terminals)
{
    std::vector<quint64> doomed;
    for (auto& [id, s] : m_sessions)
        if (s->authenticated && terminals.contains(s->terminal))
            doomed.push_back(id);
    for (const quint64 id : doomed)
        if (Session* s = session(id))
            cutOffRevoked(*s);
}

void SyncServer::rejectMessage(Session& session, const ProtocolError& error)
{
    send(session, encode(error));
    if (++session.badMessages >= m_limits.maxBadMessages)
        close(session, CloseBadMessages, QStringLiteral("too many bad messages"));
}

void SyncServer::send(Session& session, const QByteArray& message)
{
    send(session, QString::fromUtf8(message));
}

void SyncServer::send(Session& session, const QString& message)
{
    if (session.socket)
        session.socket->sendTextMessage(message);
}

// A broadcast's frames, written straight to the connection under the WebSocket: QWebSocket
// sends text only from a QString, which it converts to UTF-8 and frames again for every
// socket. Its own writes are whole frames on this same thread, so frames never interleave.
void SyncServer::sendFrames(Session& session, const QByteArray& frames, const QByteArray& message)
{
    if (!session.socket || session.socket->state() != QAbstractSocket::ConnectedState)
        return; // closing: nothing may follow the close frame
    if (session.tcp)
        session.tcp->write(frames);
    else
        send(session, message);
}

void SyncServer::close(Session& session, quint16 code, const QString& reason)
{
    session.closing = true;
    session.helloTimer.stop();
    if (session.socket)
        session.socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void SyncServer::updateWatchList()
{
    QStringList terminals;
    for (auto& [id, s] : m_sessions)
        if (s->authenticated)
            terminals.append(s->terminal);
    terminals.removeDuplicates();
    m_arbiter.watchTerminals(terminals);
}

} // namespace stockline::sync
