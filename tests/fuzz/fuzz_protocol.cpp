// libFuzzer target: one WebSocket text frame, as a hostile client (or server) could send it.
// Runs the client-message decoder and the mutation validator the server runs on every frame,
// and the server-message decoder a terminal runs. Beyond "no crash, no sanitizer report", it
// checks that what the decoder accepts survives the round trip the outbox and the server rely
// on: a mutation read from the wire, written again, reads back equal.

#include "mutation.h"
#include "protocol.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace stockline;

[[noreturn]] void broken(const char* what, const QByteArray& bytes)
{
    std::fprintf(stderr, "fuzz_protocol: %s: %s\n", what, bytes.constData());
    std::abort();
}

void checkRoundTrip(const Mutation& mutation)
{
    if (const std::optional<Error> e = mutation.validate())
        broken("fromJson accepted a mutation validate() refuses", e->toString().toUtf8());
    const QByteArray bytes = mutation.toJsonBytes();
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        broken("toJsonBytes() is not a JSON object", bytes);
    if (document.object() != mutation.toJson())
        broken("toJsonBytes() and toJson() differ", bytes);
    const Result<Mutation> again = Mutation::fromJson(document.object());
    if (!again)
        broken("a mutation written by toJsonBytes() does not read back", bytes);
    if (!(again.value() == mutation))
        broken("a mutation reads back different", bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray frame =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto decoded = sync::decodeClientMessage(frame);
    if (const auto* message = std::get_if<sync::ClientMessage>(&decoded)) {
        if (const auto* push = std::get_if<sync::Push>(message)) {
            for (const sync::PushEntry& entry : push->entries) {
                if (entry.mutation)
                    checkRoundTrip(entry.mutation.value());
            }
        }
    } else {
        const auto& error = std::get<sync::ProtocolError>(decoded);
        if (error.code.isEmpty())
            broken("an error without a code", frame);
        (void)sync::encode(error);
    }

    // The same bytes as a server's frame, as sync::Client reads it.
    const Result<sync::ServerMessage> server = sync::decodeServerMessage(frame);
    if (server) {
        std::visit([](const auto& message) { (void)sync::encode(message); }, server.value());
    }
    return 0;
}
