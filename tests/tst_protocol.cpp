#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>

using namespace stockline;
using namespace stockline::sync;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(stockline::sync::ServerMessage)

namespace {

// ---- frames as an independent client writes them

QByteArray frame(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parsed(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject validHello()
{
    return parsed(
        R"({"type":"hello","protocol":1,"terminal":"POS-01","token":"s3cret","cursor":0})");
}

QJsonObject with(QJsonObject object, const QString& key, const QJsonValue& value)
{
    object.insert(key, value);
    return object;
}

QJsonObject without(QJsonObject object, const QString& key)
{
    object.remove(key);
    return object;
}

// A valid reserve entry of a push, as PROTOCOL.md shows it.
QJsonObject reserveEntry(qint64 seq)
{
    QJsonObject entry = parsed(R"({"kind":"reserve","at":"2026-11-22T10:00:00Z",
        "reservation":"R-1","sku":"A1","location":"store-1","qty":2,"ttl":900})");
    entry.insert(u"seq"_s, seq);
    entry.insert(u"id"_s, u"m-%1"_s.arg(seq));
    return entry;
}

QJsonObject push(const QJsonArray& mutations)
{
    return QJsonObject{{u"type"_s, u"push"_s}, {u"mutations"_s, mutations}};
}

QJsonArray entries(qint64 firstSeq, qsizetype count)
{
    QJsonArray array;
    for (qsizetype i = 0; i < count; ++i)
        array.append(reserveEntry(firstSeq + i));
    return array;
}

// A push of one entry whose `key` is replaced by `value` (removed when undefined).
QJsonObject pushWithEntryField(const QString& key, const QJsonValue& value)
{
    QJsonObject entry = reserveEntry(1);
    if (value.isUndefined())
        entry.remove(key);
    else
        entry.insert(key, value);
    return push(QJsonArray{entry});
}

QJsonObject pushOfSeqs(std::initializer_list<qint64> seqs)
{
    QJsonArray array;
    for (const qint64 seq : seqs)
        array.append(reserveEntry(seq));
    return push(array);
}

// ---- decoding helpers

ProtocolError decodeError(const QByteArray& json)
{
    const auto decoded = decodeClientMessage(json);
    if (const auto* error = std::get_if<ProtocolError>(&decoded))
        return *error;
    return {};
}

template <typename Message> std::optional<Message> decodeClient(const QByteArray& json)
{
    const auto decoded = decodeClientMessage(json);
    if (const auto* message = std::get_if<ClientMessage>(&decoded)) {
        if (const auto* m = std::get_if<Message>(message))
            return *m;
    }
    return std::nullopt;
}

template <typename Message> std::optional<Message> decodeServer(const QByteArray& json)
{
    const Result<ServerMessage> decoded = decodeServerMessage(json);
    if (!decoded)
        return std::nullopt;
    if (const auto* m = std::get_if<Message>(&decoded.value()))
        return *m;
    return std::nullopt;
}

QStringList sortedKeys(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList keys)
{
    keys.sort();
    return keys;
}

// ---- server messages

QDateTime utc(int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(2026, 11, 22), QTime(h, m, s, ms), Qt::UTC);
}

StockLevel level(const char* sku, qint64 onHand, qint64 reserved, qint64 version)
{
    StockLevel l;
    l.sku = QString::fromLatin1(sku);
    l.location = u"store-1"_s;
    l.onHand = onHand;
    l.reserved = reserved;
    l.version = version;
    return l;
}

Product product(const char* sku, int taxMilliPercent)
{
    Product p;
    p.sku = QString::fromLatin1(sku);
    p.barcode = u"4006381333931"_s;
    p.name = u"Crème fraîche 200 g"_s;
    p.price = Money::fromMinor(199);
    p.taxRate = TaxRate::fromMilliPercent(taxMilliPercent);
    p.active = true;
    p.department = u"Dairy"_s;
    return p;
}

MutationResult applied(qint64 seq)
{
    MutationResult r;
    r.seq = seq;
    return r;
}

MutationResult rejected(qint64 seq, const char* code)
{
    MutationResult r;
    r.seq = seq;
    r.status = MutationResult::Status::Rejected;
    r.code = QString::fromLatin1(code);
    return r;
}

Welcome welcome()
{
    Welcome w;
    w.terminal = u"POS-01"_s;
    w.role = u"pos"_s;
    w.lastSeq = 41;
    w.cursor = 9120;
    w.serverTime = utc(10, 0, 0);
    return w;
}

Shortage shortage(qint64 id, bool resolved)
{
    Shortage s;
    s.id = id;
    s.sku = u"A1"_s;
    s.location = u"store-1"_s;
    s.qty = 3;
    s.terminal = u"POS-02"_s;
    s.sale = u"S-1001"_s;
    s.at = utc(9, 30, 15, 120);
    s.resolved = resolved;
    return s;
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // client → server: bad input
    void badClientMessageIsAnsweredWithCodeAndField_data();
    void badClientMessageIsAnsweredWithCodeAndField();
    void errorMessageNamesTheUnknownType();
    void pushOfMoreThanTheLimitIsBatchTooLarge();
    void pushAtTheLimitDecodes();

    // client → server: good input
    void helloDecodesEveryField();
    void helloWithoutCursorStartsFromZero_data();
    void helloWithoutCursorStartsFromZero();
    void helloOfAnotherProtocolDecodesForUnsupportedProtocol_data();
    void helloOfAnotherProtocolDecodesForUnsupportedProtocol();
    void pushDecodesEnvelopeAndBody();
    void pushCarriesTheOutboxBacklog();
    void integersAreExactAtTheWireLimit_data();
    void integersAreExactAtTheWireLimit();
    void badMutationBodyKeepsTheEntryWithAnError_data();
    void badMutationBodyKeepsTheEntryWithAnError();
    void unknownFieldsAreIgnored();
    void clientEncodersRoundTrip();

    // server → client
    void serverMessagesRoundTrip_data();
    void serverMessagesRoundTrip();
    void serverMessagesHaveExactlyTheWireFields_data();
    void serverMessagesHaveExactlyTheWireFields();
    void framesAreCompactSingleLines();
    void welcomeMatchesTheContractExample();
    void resultMatchesTheContractExample();
    void levelsMatchTheContractExample();
    void taxRateIsThePercentAsANumber_data();
    void taxRateIsThePercentAsANumber();
    void textSurvivesEscaping_data();
    void textSurvivesEscaping();
    void replayIsWrittenOnlyWhenTrue();
    void catalogUnitIsWrittenOnlyForMeasuredProducts();
    void catalogCarriesEveryBarcode();
    void resultBytesAreTheResultObject();
    void timesAreUtcWithZ_data();
    void timesAreUtcWithZ();
    void badServerMessageIsAnErrorNamingTheField_data();
    void badServerMessageIsAnErrorNamingTheField();
};

// ------------------------------------------------------------------ client → server: bad input

void TestProtocol::badClientMessageIsAnsweredWithCodeAndField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString invalidJson = u"invalid_json"_s;
    const QString invalid = u"invalid_message"_s;

    QTest::newRow("truncated JSON")
        << QByteArray(R"({"type":"hello",)") << invalidJson << QString();
    QTest::newRow("empty frame") << QByteArray() << invalidJson << QString();
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"type":"hello"} x)") << invalidJson << QString();
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"type\":\"\xff\xfe\"}") << invalidJson << QString();
    QTest::newRow("array instead of object")
        << QByteArray(R"([{"type":"hello"}])") << invalidJson << QString();
    QTest::newRow("string instead of object")
        << QByteArray(R"("hello")") << invalidJson << QString();
    QTest::newRow("missing type") << QByteArray(R"({"protocol":1})") << invalid << u"type"_s;
    QTest::newRow("type is a number") << QByteArray(R"({"type":1})") << invalid << u"type"_s;
    QTest::newRow("type is null") << QByteArray(R"({"type":null})") << invalid << u"type"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"subscribe"})") << u"unknown_type"_s
                                  << u"type"_s;
    QTest::newRow("server type from a client")
        << QByteArray(R"({"type":"welcome"})") << u"unknown_type"_s << u"type"_s;
    QTest::newRow("push backlog negative")
        << QByteArray(R"({"type":"push","mutations":[{"seq":1,"id":"x1","kind":"release",)"
                      R"("at":"2026-11-22T10:00:00Z","reservation":"R"}],"backlog":-1})")
        << invalid << u"backlog"_s;
    QTest::newRow("push backlog not a number")
        << QByteArray(R"({"type":"push","mutations":[{"seq":1,"id":"x1","kind":"release",)"
                      R"("at":"2026-11-22T10:00:00Z","reservation":"R"}],"backlog":"7"})")
        << invalid << u"backlog"_s;
    QTest::newRow("history without sku")
        << QByteArray(R"({"type":"history","request":"h","limit":5})") << invalid << u"sku"_s;
    QTest::newRow("history limit 0")
        << QByteArray(R"({"type":"history","request":"h","sku":"A1","limit":0})") << invalid
        << u"limit"_s;
    QTest::newRow("history limit beyond 500")
        << QByteArray(R"({"type":"history","request":"h","sku":"A1","limit":501})") << invalid
        << u"limit"_s;
    QTest::newRow("history with a bad location")
        << QByteArray(R"({"type":"history","request":"h","sku":"A1","location":"a b","limit":5})")
        << invalid << u"location"_s;
    QTest::newRow("receipt without number")
        << QByteArray(R"({"type":"receipt","request":"q"})") << invalid << u"number"_s;
    QTest::newRow("receipt number not an ID")
        << QByteArray(R"({"type":"receipt","request":"q","number":"POS 01"})") << invalid
        << u"number"_s;
    QTest::newRow("day without request")
        << QByteArray(R"({"type":"day","date":"2026-12-07"})") << invalid << u"request"_s;
    QTest::newRow("day of no such date")
        << QByteArray(R"({"type":"day","request":"d","date":"2026-02-30"})") << invalid
        << u"date"_s;
    QTest::newRow("day with a time")
        << QByteArray(R"({"type":"day","request":"d","date":"2026-12-07T00:00:00Z"})") << invalid
        << u"date"_s;
    QTest::newRow("type in other case")
        << QByteArray(R"({"type":"Hello"})") << u"unknown_type"_s << u"type"_s;

    // hello: each required field missing or mistyped
    const QJsonObject hello = validHello();
    struct Bad
    {
        const char* name;
        QString key;
        QJsonValue value; // undefined: remove the field
    };
    const Bad badHello[] = {
        {"protocol missing", u"protocol"_s, QJsonValue::Undefined},
        {"protocol string", u"protocol"_s, u"1"_s},
        {"protocol fraction", u"protocol"_s, 1.5},
        {"protocol null", u"protocol"_s, QJsonValue::Null},
        {"terminal missing", u"terminal"_s, QJsonValue::Undefined},
        {"terminal number", u"terminal"_s, 1},
        {"terminal empty", u"terminal"_s, u""_s},
        {"terminal with space", u"terminal"_s, u"POS 01"_s},
        {"terminal 65 characters", u"terminal"_s, QString(65, u'T')},
        {"token missing", u"token"_s, QJsonValue::Undefined},
        {"token number", u"token"_s, 1234},
        {"token empty", u"token"_s, u""_s},
        {"token 257 characters", u"token"_s, QString(257, u'k')},
        {"cursor negative", u"cursor"_s, -1},
        {"cursor string", u"cursor"_s, u"0"_s},
        {"cursor fraction", u"cursor"_s, 0.5},
        {"cursor beyond 2^53", u"cursor"_s, QJsonValue(maxWireInteger + 1)},
        {"cursor bool", u"cursor"_s, false},
    };
    for (const Bad& bad : badHello) {
        const QJsonObject object =
            bad.value.isUndefined() ? without(hello, bad.key) : with(hello, bad.key, bad.value);
        QTest::addRow("hello %s", bad.name) << frame(object) << invalid << bad.key;
    }

    // push: the array itself
    QTest::newRow("push without mutations")
        << QByteArray(R"({"type":"push"})") << invalid << u"mutations"_s;
    QTest::newRow("push mutations is an object")
        << QByteArray(R"({"type":"push","mutations":{}})") << invalid << u"mutations"_s;
    QTest::newRow("push mutations is null")
        << QByteArray(R"({"type":"push","mutations":null})") << invalid << u"mutations"_s;
    QTest::newRow("push of 0 mutations") << frame(push({})) << invalid << u"mutations"_s;
    QTest::newRow("push of 1001 mutations")
        << frame(push(entries(1, 1001))) << u"batch_too_large"_s << u"mutations"_s;

    // push: an entry's envelope
    QTest::newRow("entry is a number")
        << frame(push(QJsonArray{1})) << invalid << u"mutations[0]"_s;
    QTest::newRow("second entry is an array")
        << frame(push(QJsonArray{reserveEntry(1), QJsonArray{}})) << invalid << u"mutations[1]"_s;
    const Bad badEnvelope[] = {
        {"seq missing", u"seq"_s, QJsonValue::Undefined},
        {"seq 0", u"seq"_s, 0},
        {"seq negative", u"seq"_s, -3},
        {"seq fraction", u"seq"_s, 1.5},
        {"seq string", u"seq"_s, u"1"_s},
        {"seq null", u"seq"_s, QJsonValue::Null},
        {"seq beyond 2^53", u"seq"_s, QJsonValue(maxWireInteger + 1)},
        {"id missing", u"id"_s, QJsonValue::Undefined},
        {"id number", u"id"_s, 7},
        {"id empty", u"id"_s, u""_s},
        {"id with slash", u"id"_s, u"a/b"_s},
        {"id 65 characters", u"id"_s, QString(65, u'a')},
    };
    for (const Bad& bad : badEnvelope) {
        QTest::addRow("entry %s", bad.name) << frame(pushWithEntryField(bad.key, bad.value))
                                            << invalid << u"mutations[0]."_s + bad.key;
    }
    QTest::newRow("bad seq in the third entry")
        << frame(push(QJsonArray{reserveEntry(1), reserveEntry(2),
                                 with(reserveEntry(3), u"seq"_s, u"3"_s)}))
        << invalid << u"mutations[2].seq"_s;

    // pair (extension): the code is 8 digits, dashes and spaces aside
    QTest::newRow("pair without code") << QByteArray(R"({"type":"pair"})") << invalid << u"code"_s;
    QTest::newRow("pair code a number")
        << QByteArray(R"({"type":"pair","code":12345678})") << invalid << u"code"_s;
    QTest::newRow("pair code of 7 digits")
        << QByteArray(R"({"type":"pair","code":"1234-567"})") << invalid << u"code"_s;
    QTest::newRow("pair code with letters")
        << QByteArray(R"({"type":"pair","code":"1234-567O"})") << invalid << u"code"_s;

    // push: seqs strictly increasing by one
    QTest::newRow("seq gap inside a push")
        << frame(pushOfSeqs({5, 7})) << invalid << u"mutations[1].seq"_s;
    QTest::newRow("seq repeated inside a push")
        << frame(pushOfSeqs({5, 6, 6})) << invalid << u"mutations[2].seq"_s;
    QTest::newRow("seq decreasing inside a push")
        << frame(pushOfSeqs({5, 4})) << invalid << u"mutations[1].seq"_s;
}

void TestProtocol::badClientMessageIsAnsweredWithCodeAndField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const auto decoded = decodeClientMessage(json);
    QVERIFY2(std::holds_alternative<ProtocolError>(decoded), json.left(200).constData());
    const ProtocolError error = std::get<ProtocolError>(decoded);
    QCOMPARE(error.code, code);
    QCOMPARE(error.field, field);
    QVERIFY2(!error.message.isEmpty(), "an error explains itself to people");
    if (!field.isEmpty())
        QVERIFY2(error.message.contains(field), qPrintable(error.message));
    QVERIFY(!error.expected.has_value());
    QVERIFY(!error.seq.has_value());
}

void TestProtocol::errorMessageNamesTheUnknownType()
{
    const ProtocolError error = decodeError(R"({"type":"subscribe"})");
    QCOMPARE(error.code, u"unknown_type"_s);
    QVERIFY2(error.message.contains(u"subscribe"_s), qPrintable(error.message));

    // A huge type name is not echoed back in full.
    const ProtocolError huge = decodeError(frame({{u"type"_s, QString(100'000, u'x')}}));
    QCOMPARE(huge.code, u"unknown_type"_s);
    QVERIFY(huge.message.size() < 200);
}

void TestProtocol::pushOfMoreThanTheLimitIsBatchTooLarge()
{
    const ProtocolError error = decodeError(frame(push(entries(1, maxMutationsPerPush + 1))));
    QCOMPARE(error.code, u"batch_too_large"_s);
    QVERIFY2(error.message.contains(QString::number(maxMutationsPerPush)),
             qPrintable(error.message));
}

void TestProtocol::pushAtTheLimitDecodes()
{
    const std::optional<Push> decoded =
        decodeClient<Push>(frame(push(entries(41, maxMutationsPerPush))));
    QVERIFY(decoded);
    QCOMPARE(decoded->entries.size(), maxMutationsPerPush);
    QCOMPARE(decoded->entries.constFirst().seq, 41);
    QCOMPARE(decoded->entries.constLast().seq, 41 + maxMutationsPerPush - 1);
    for (const PushEntry& entry : decoded->entries)
        QVERIFY(entry.mutation.ok());
}

// ------------------------------------------------------------------ client → server: good input

void TestProtocol::helloDecodesEveryField()
{
    const std::optional<Hello> hello = decodeClient<Hello>(
        R"({"type":"hello","protocol":1,"terminal":"POS-01","token":"tok.en/+=","cursor":9120})");
    QVERIFY(hello);
    QCOMPARE(hello->protocol, 1);
    QCOMPARE(hello->terminal, u"POS-01"_s);
    QCOMPARE(hello->token, u"tok.en/+="_s);
    QCOMPARE(hello->cursor, 9120);
}

void TestProtocol::helloWithoutCursorStartsFromZero_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("missing") << frame(without(validHello(), u"cursor"_s));
    QTest::newRow("null") << frame(with(validHello(), u"cursor"_s, QJsonValue::Null));
}

void TestProtocol::helloWithoutCursorStartsFromZero()
{
    QFETCH(QByteArray, json);
    const std::optional<Hello> hello = decodeClient<Hello>(json);
    QVERIFY(hello);
    QCOMPARE(hello->cursor, 0);
}

void TestProtocol::helloOfAnotherProtocolDecodesForUnsupportedProtocol_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("protocol");
    // Another version's hello may look different; it still decodes, so the server can answer
    // unsupported_protocol (close 4409) instead of invalid_message.
    QTest::newRow("2 without other fields") << QByteArray(R"({"type":"hello","protocol":2})") << 2;
    QTest::newRow("0 with a bad terminal")
        << QByteArray(R"({"type":"hello","protocol":0,"terminal":5})") << 0;
    QTest::newRow("negative") << QByteArray(R"({"type":"hello","protocol":-1})") << -1;
    QTest::newRow("beyond int: clamped, never 1")
        << QByteArray(R"({"type":"hello","protocol":4294967297})")
        << std::numeric_limits<int>::max();
}

void TestProtocol::helloOfAnotherProtocolDecodesForUnsupportedProtocol()
{
    QFETCH(QByteArray, json);
    QFETCH(int, protocol);
    const std::optional<Hello> hello = decodeClient<Hello>(json);
    QVERIFY(hello);
    QCOMPARE(hello->protocol, protocol);
    QVERIFY(hello->protocol != protocolVersion);
}

void TestProtocol::pushDecodesEnvelopeAndBody()
{
    const QByteArray json = R"({"type":"push","mutations":[
        {"seq":42,"id":"9b2f-42","kind":"reserve","at":"2026-11-22T10:00:00Z",
         "reservation":"R-1","sku":"A1","location":"store-1","qty":2,"ttl":900},
        {"seq":43,"id":"9b2f-43","kind":"release","at":"2026-11-22T10:00:01.250Z",
         "reservation":"R-1"}]})";
    const std::optional<Push> decoded = decodeClient<Push>(json);
    QVERIFY(decoded);
    QCOMPARE(decoded->entries.size(), 2);

    const PushEntry& first = decoded->entries.at(0);
    QCOMPARE(first.seq, 42);
    QCOMPARE(first.id, u"9b2f-42"_s);
    QVERIFY2(first.mutation.ok(),
             qPrintable(first.mutation.ok() ? QString() : first.mutation.error().toString()));
    QCOMPARE(first.mutation->seq, 42);
    QCOMPARE(first.mutation->kind(), MutationKind::Reserve);
    const auto& reserve = std::get<ReserveMutation>(first.mutation->body);
    QCOMPARE(reserve.sku, u"A1"_s);
    QCOMPARE(reserve.qty, 2);
    QCOMPARE(reserve.ttl, 900);

    const PushEntry& second = decoded->entries.at(1);
    QCOMPARE(second.seq, 43);
    QVERIFY(second.mutation.ok());
    QCOMPARE(second.mutation->kind(), MutationKind::Release);
    QCOMPARE(second.mutation->at, utc(10, 0, 1, 250));
}

// The till says how much is still waiting in its outbox; an older till says nothing.
void TestProtocol::pushCarriesTheOutboxBacklog()
{
    const QByteArray mutation =
        R"({"seq":7,"id":"x7","kind":"release","at":"2026-11-22T10:00:00Z","reservation":"R"})";
    PushWriter with;
    with.append(mutation);
    const std::optional<Push> reported = decodeClient<Push>(with.take(1234));
    QVERIFY(reported);
    QCOMPARE(reported->backlog, std::optional<qint64>(1234));
    PushWriter without;
    without.append(mutation);
    const QByteArray frame = without.take();
    QVERIFY(!frame.contains("backlog"));
    const std::optional<Push> silent = decodeClient<Push>(frame);
    QVERIFY(silent);
    QCOMPARE(silent->backlog, std::nullopt);
}

void TestProtocol::integersAreExactAtTheWireLimit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("cursor"); // -1: refused
    const auto hello = [](const char* cursor) {
        return QByteArray(R"({"type":"hello","protocol":1,"terminal":"T","token":"t","cursor":)") +
               cursor + '}';
    };
    QTest::newRow("2^53") << hello("9007199254740992") << maxWireInteger;
    QTest::newRow("2^53 + 1") << hello("9007199254740993") << qint64(-1);
    QTest::newRow("2^63, beyond qint64") << hello("9223372036854775808") << qint64(-1);
    QTest::newRow("1e300") << hello("1e300") << qint64(-1);
    QTest::newRow("fraction") << hello("7.25") << qint64(-1);
    // A number is its value: 7.0 and 7e0 are the integer 7, as JSON.parse sees them.
    QTest::newRow("7.0") << hello("7.0") << qint64(7);
    QTest::newRow("7e0") << hello("7e0") << qint64(7);
}

void TestProtocol::integersAreExactAtTheWireLimit()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, cursor);
    const auto decoded = decodeClientMessage(json);
    if (cursor < 0) {
        QVERIFY(std::holds_alternative<ProtocolError>(decoded));
        QCOMPARE(std::get<ProtocolError>(decoded).field, u"cursor"_s);
        return;
    }
    const std::optional<Hello> hello = decodeClient<Hello>(json);
    QVERIFY(hello);
    QCOMPARE(hello->cursor, cursor);
}

void TestProtocol::badMutationBodyKeepsTheEntryWithAnError_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorField");
    QTest::newRow("qty missing") << u"qty"_s << QJsonValue(QJsonValue::Undefined) << u"qty"_s;
    QTest::newRow("qty string") << u"qty"_s << QJsonValue(u"2"_s) << u"qty"_s;
    QTest::newRow("qty zero") << u"qty"_s << QJsonValue(0) << u"qty"_s;
    QTest::newRow("kind unknown") << u"kind"_s << QJsonValue(u"steal"_s) << u"kind"_s;
    QTest::newRow("kind missing") << u"kind"_s << QJsonValue(QJsonValue::Undefined) << u"kind"_s;
    QTest::newRow("sku invalid") << u"sku"_s << QJsonValue(u"A 1"_s) << u"sku"_s;
    QTest::newRow("at missing") << u"at"_s << QJsonValue(QJsonValue::Undefined) << u"at"_s;
}

void TestProtocol::badMutationBodyKeepsTheEntryWithAnError()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorField);

    QJsonObject bad = reserveEntry(8);
    if (value.isUndefined())
        bad.remove(key);
    else
        bad.insert(key, value);
    const QJsonArray array{reserveEntry(7), bad, reserveEntry(9)};
    const std::optional<Push> decoded = decodeClient<Push>(frame(push(array)));
    QVERIFY2(decoded, "a bad body is that seq's `invalid` result, not a bad message");
    QCOMPARE(decoded->entries.size(), 3);
    QVERIFY(decoded->entries.at(0).mutation.ok());
    QVERIFY(decoded->entries.at(2).mutation.ok());

    const PushEntry& entry = decoded->entries.at(1);
    QCOMPARE(entry.seq, 8);
    QCOMPARE(entry.id, u"m-8"_s);
    QVERIFY(!entry.mutation.ok());
    QCOMPARE(entry.mutation.error().field, errorField);
}

void TestProtocol::unknownFieldsAreIgnored()
{
    QJsonObject hello = validHello();
    hello.insert(u"client"_s, u"webshop 2.1"_s);
    hello.insert(u"features"_s, QJsonArray{u"x"_s});
    QVERIFY(decodeClient<Hello>(frame(hello)));

    QJsonObject entry = reserveEntry(1);
    entry.insert(u"note"_s, u"from the future"_s);
    QJsonObject message = push(QJsonArray{entry});
    message.insert(u"compressed"_s, false);
    const std::optional<Push> decoded = decodeClient<Push>(frame(message));
    QVERIFY(decoded);
    QVERIFY(decoded->entries.constFirst().mutation.ok());

    const QByteArray levels = R"({"type":"levels","cursor":3,"full":false,"extra":{"a":1},
        "levels":[{"sku":"A1","location":"store-1","onHand":5,"reserved":2,"available":3,
        "version":17,"bin":"A-03"}]})";
    QVERIFY(decodeServer<Levels>(levels));
}

void TestProtocol::clientEncodersRoundTrip()
{
    const HistoryRequest request{u"h-9"_s, u"A1"_s, u"store-1"_s, 50};
    const auto decodedRequest = decodeClientMessage(encode(request));
    const auto* asClient = std::get_if<ClientMessage>(&decodedRequest);
    QVERIFY(asClient && std::holds_alternative<HistoryRequest>(*asClient));
    QCOMPARE(std::get<HistoryRequest>(*asClient), request);
    QCOMPARE(decodeClient<ReceiptRequest>(encode(ReceiptRequest{u"q-1"_s, u"POS-01-000042"_s})),
             std::optional<ReceiptRequest>(ReceiptRequest{u"q-1"_s, u"POS-01-000042"_s}));
    const DayRequest day{u"d-1"_s, QDate(2026, 12, 7)};
    QCOMPARE(encode(day), QByteArray(R"({"date":"2026-12-07","request":"d-1","type":"day"})"));
    QCOMPARE(decodeClient<DayRequest>(encode(day)), std::optional<DayRequest>(day));

    Hello hello;
    hello.terminal = u"DOCK-2"_s;
    hello.token = u"t0k3n"_s;
    hello.cursor = 77;
    const QByteArray helloFrame = encode(hello);
    QCOMPARE(sortedKeys(parsed(helloFrame)),
             sorted({u"type"_s, u"protocol"_s, u"terminal"_s, u"token"_s, u"cursor"_s}));
    QCOMPARE(parsed(helloFrame).value(u"type"_s).toString(), u"hello"_s);
    QCOMPARE(decodeClient<Hello>(helloFrame), std::optional<Hello>(hello));

    QList<Mutation> mutations;
    for (qint64 seq = 10; seq < 13; ++seq) {
        Result<Mutation> m = Mutation::fromJson(reserveEntry(seq));
        QVERIFY(m);
        mutations.append(m.value());
    }
    const QByteArray pushFrame = encode(mutations);
    QCOMPARE(sortedKeys(parsed(pushFrame)), sorted({u"type"_s, u"mutations"_s}));
    QCOMPARE(parsed(pushFrame).value(u"type"_s).toString(), u"push"_s);
    // pair: the code as people type it; decoded to its digits.
    const QByteArray pairFrame = encode(Pair{u"12345678"_s});
    QCOMPARE(pairFrame, QByteArray(R"({"code":"1234-5678","type":"pair"})"));
    for (const QByteArray& typed : {QByteArray(R"({"type":"pair","code":"1234-5678"})"),
                                    QByteArray(R"({"type":"pair","code":"1234 5678"})"),
                                    QByteArray(R"({"type":"pair","code":"12345678"})")})
        QCOMPARE(decodeClient<Pair>(typed), std::optional<Pair>(Pair{u"12345678"_s}));

    const std::optional<Push> decoded = decodeClient<Push>(pushFrame);
    QVERIFY(decoded);
    QCOMPARE(decoded->entries.size(), mutations.size());
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        QCOMPARE(decoded->entries.at(i).seq, mutations.at(i).seq);
        QCOMPARE(decoded->entries.at(i).id, mutations.at(i).id);
        QVERIFY(decoded->entries.at(i).mutation.ok());
        QVERIFY(decoded->entries.at(i).mutation.value() == mutations.at(i));
    }
}

// ------------------------------------------------------------------ server → client

void TestProtocol::serverMessagesRoundTrip_data()
{
    QTest::addColumn<ServerMessage>("message");

    QTest::newRow("welcome") << ServerMessage(welcome());
    Welcome withMs = welcome();
    withMs.serverTime = utc(23, 59, 59, 999);
    withMs.lastSeq = 0;
    withMs.cursor = 0;
    QTest::newRow("welcome with milliseconds, nothing yet") << ServerMessage(withMs);

    Results results;
    results.results.append(applied(42));
    MutationResult noStock = rejected(43, "insufficient_stock");
    noStock.available = 0;
    results.results.append(noStock);
    MutationResult saleShort = rejected(44, "insufficient_stock");
    saleShort.lines = {{u"A1"_s, 1}, {u"B2"_s, 0}};
    results.results.append(saleShort);
    MutationResult conflict = rejected(45, "version_conflict");
    conflict.level = level("A1", 17, 4, 9);
    results.results.append(conflict);
    MutationResult invalid = rejected(46, "invalid");
    invalid.message = u"lines[2].qty: must be from 1 to 1000000"_s;
    results.results.append(invalid);
    MutationResult offline = applied(47);
    offline.shortages = {{u"C3"_s, 2}};
    results.results.append(offline);
    MutationResult replay = rejected(48, "forbidden");
    replay.replay = true;
    results.results.append(replay);
    QTest::newRow("results of every shape") << ServerMessage(results);
    QTest::newRow("results, none") << ServerMessage(Results{});

    Levels levels;
    levels.cursor = 9121;
    levels.levels = {level("A1", 5, 2, 17), level("B2", 0, 0, 1)};
    QTest::newRow("levels, none") << ServerMessage(Levels{});
    QTest::newRow("levels delta") << ServerMessage(levels);
    levels.full = true;
    levels.levels.append(level("C3", maxWireInteger, maxWireInteger, maxWireInteger));
    QTest::newRow("levels full, at the integer limit") << ServerMessage(levels);

    CatalogUpdate catalog;
    catalog.cursor = 12;
    catalog.full = true;
    catalog.products = {product("A1", 8250),    product("B2", 8875), product("C3", 0),
                        product("D4", 100'000), product("E5", 7700), product("F6", 1)};
    catalog.products[1].barcode.clear();
    catalog.products[1].department.clear();
    catalog.products[2].active = false;
    catalog.products[3].price = Money::fromMinor(0);
    catalog.products[4].reorderPoint = 12;
    catalog.products[5].unit = Unit::Kilogram;
    QTest::newRow("catalog") << ServerMessage(catalog);
    QTest::newRow("catalog, none") << ServerMessage(CatalogUpdate{});

    Shortages shortages;
    shortages.shortages = {shortage(1, false), shortage(2, true)};
    QTest::newRow("shortages") << ServerMessage(shortages);
    QTest::newRow("shortages, none") << ServerMessage(Shortages{});

    ProtocolError gap;
    gap.code = u"sequence_gap"_s;
    gap.message = u"expected seq 42"_s;
    gap.expected = 42;
    gap.seq = 44;
    QTest::newRow("error with expected and seq") << ServerMessage(gap);
    ProtocolError bad;
    bad.code = u"invalid_message"_s;
    bad.message = u"token: is required"_s;
    bad.field = u"token"_s;
    QTest::newRow("error with field") << ServerMessage(bad);
    QTest::newRow("paired") << ServerMessage(Paired{u"POS-02"_s, u"q1w2e3-r4t5_y6"_s});

    HistoryReply history;
    history.request = u"h-1"_s;
    history.sku = u"A1"_s;
    history.location = u"store-1"_s;
    history.more = true;
    HistoryEntry sold;
    sold.id = 912;
    sold.at = utc(9, 30, 15, 120);
    sold.kind = u"sale"_s;
    sold.location = u"store-1"_s;
    sold.onHandDelta = -3;
    sold.reservedDelta = -3;
    sold.onHand = 7;
    sold.terminal = u"POS-01"_s;
    sold.detail = QJsonObject{{u"sale"_s, u"S-1"_s}};
    HistoryEntry imported = sold;
    imported.id = 3;
    imported.kind = u"receive"_s;
    imported.onHandDelta = 10;
    imported.reservedDelta = 0;
    imported.onHand = 10;
    imported.terminal.clear();
    imported.detail = {};
    history.entries = {sold, imported};
    QTest::newRow("history") << ServerMessage(history);
    HistoryReply refused{
        u"h-2"_s, u"ZZ9"_s, QString(), u"unknown_sku"_s, u"sku: there is no product ZZ9"_s,
        {},       false};
    QTest::newRow("history refused") << ServerMessage(refused);

    Welcome counters = welcome();
    counters.lastReceipt = 42;
    counters.lastRefund = 3;
    QTest::newRow("welcome with receipt counters") << ServerMessage(counters);
    Results refunds;
    MutationResult over = rejected(50, "over_refund");
    LineAvailability left{u"A1"_s, 1};
    left.line = 2;
    over.lines = {left};
    refunds.results.append(over);
    MutationResult offlineRefund = applied(51);
    offlineRefund.overRefunded = {OverRefund{2, 1, Money::fromMinor(543)}};
    refunds.results.append(offlineRefund);
    QTest::newRow("results of refunds") << ServerMessage(refunds);

    StoredReceipt stored;
    stored.number = u"POS-01-000042"_s;
    stored.kind = u"sale"_s;
    stored.terminal = u"POS-01"_s;
    stored.location = u"store-1"_s;
    stored.staff = u"Ana"_s;
    stored.cashSession = u"POS-01-C000003"_s;
    stored.at = utc(9, 30, 15, 120);
    stored.recordedAt = utc(9, 31, 0, 0);
    StoredReceiptLine line;
    line.line = 1;
    line.entry.sku = u"BAN"_s;
    line.entry.name = u"Bananas"_s;
    line.entry.qty = 532;
    line.entry.unit = Unit::Kilogram;
    line.entry.unitPrice = Money::fromMinor(299);
    line.entry.taxRate = TaxRate::fromMilliPercent(7700);
    line.entry.tax = Money::fromMinor(12);
    line.entry.total = Money::fromMinor(171);
    line.entry.listPrice = Money::fromMinor(349);
    line.entry.approvedBy = u"Ben"_s;
    line.refunded = 100;
    line.refundedAmount = Money::fromMinor(32);
    stored.lines = {line};
    stored.net = Money::fromMinor(159);
    stored.tax = Money::fromMinor(12);
    stored.total = Money::fromMinor(171);
    stored.payments = {Payment{u"cash"_s, Money::fromMinor(200), QString()},
                       Payment{u"cash"_s, Money::fromMinor(-29), QString()}};
    stored.refunds = {StoredRefund{u"POS-02-R000001"_s,
                                   u"POS-02"_s,
                                   utc(11, 0, 0, 0),
                                   Money::fromMinor(32),
                                   {Payment{u"card"_s, Money::fromMinor(32), u"VISA"_s}}}};
    QTest::newRow("receipt") << ServerMessage(
        ReceiptReply{u"q-1"_s, stored.number, QString(), QString(), stored});
    QTest::newRow("receipt refused")
        << ServerMessage(ReceiptReply{u"q-2"_s, u"X-1"_s, u"unknown_receipt"_s,
                                      u"number: there is no receipt X-1"_s, std::nullopt});
    QTest::newRow("day") << ServerMessage(
        DayReply{u"d-1"_s, QDate(2026, 12, 7), QString(), QString(),
                 QJsonObject{{u"sales"_s, QJsonObject{{u"count"_s, 3}, {u"total"_s, 4250}}}}});
    QTest::newRow("day refused") << ServerMessage(
        DayReply{u"d-2"_s, QDate(2026, 12, 7), u"forbidden"_s, u"only a manager"_s, QJsonObject()});
    QTest::newRow("answer") << ServerMessage(BackOfficeAnswer{u"p-1"_s,
                                                              true,
                                                              {},
                                                              {},
                                                              QJsonObject{{u"type"_s, u"answer"_s},
                                                                          {u"request"_s, u"p-1"_s},
                                                                          {u"ok"_s, true},
                                                                          {u"version"_s, 4}}});
    QTest::newRow("answer refused")
        << ServerMessage(BackOfficeAnswer{u"p-2"_s, false, u"version_conflict"_s, u"A1 changed"_s,
                                          QJsonObject{{u"type"_s, u"answer"_s},
                                                      {u"request"_s, u"p-2"_s},
                                                      {u"ok"_s, false},
                                                      {u"code"_s, u"version_conflict"_s},
                                                      {u"message"_s, u"A1 changed"_s},
                                                      {u"changedBy"_s, u"Ben"_s}}});
    QTest::newRow("elevated") << ServerMessage(
        BackOfficeAnswer{u"e-1"_s,
                         true,
                         {},
                         {},
                         QJsonObject{{u"type"_s, u"elevated"_s},
                                     {u"request"_s, u"e-1"_s},
                                     {u"staff"_s, u"Ben"_s},
                                     {u"until"_s, u"2026-12-07T18:40:00Z"_s}}});
}

void TestProtocol::serverMessagesRoundTrip()
{
    QFETCH(ServerMessage, message);
    const QByteArray json = std::visit([](const auto& m) { return encode(m); }, message);
    const Result<ServerMessage> decoded = decodeServerMessage(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
    QCOMPARE(decoded->index(), message.index());
    QVERIFY2(decoded.value() == message, json.constData());
    // Encoding what was decoded gives the same bytes: nothing is lost or reordered.
    QCOMPARE(std::visit([](const auto& m) { return encode(m); }, decoded.value()), json);
}

void TestProtocol::serverMessagesHaveExactlyTheWireFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path"); // "": the message; "results/0": an element
    QTest::addColumn<QStringList>("keys");

    QTest::newRow("welcome") << encode(welcome()) << QString()
                             << QStringList{u"type"_s,    u"protocol"_s, u"terminal"_s,  u"role"_s,
                                            u"lastSeq"_s, u"cursor"_s,   u"serverTime"_s};

    Results results;
    results.results.append(applied(1));
    MutationResult noStock = rejected(2, "insufficient_stock");
    noStock.available = 0;
    noStock.message = u"only 0 available"_s;
    results.results.append(noStock);
    MutationResult sale = rejected(3, "insufficient_stock");
    sale.lines = {{u"A1"_s, 1}};
    results.results.append(sale);
    MutationResult conflict = rejected(4, "version_conflict");
    conflict.level = level("A1", 5, 1, 3);
    results.results.append(conflict);
    MutationResult offline = applied(5);
    offline.shortages = {{u"A1"_s, 0}};
    offline.replay = true;
    results.results.append(offline);
    const QByteArray resultsJson = encode(results);
    QTest::newRow("results") << resultsJson << QString() << QStringList{u"type"_s, u"results"_s};
    QTest::newRow("result applied")
        << resultsJson << u"results/0"_s << QStringList{u"seq"_s, u"status"_s};
    QTest::newRow("result rejected for stock")
        << resultsJson << u"results/1"_s
        << QStringList{u"seq"_s, u"status"_s, u"code"_s, u"message"_s, u"available"_s};
    QTest::newRow("result rejected sale")
        << resultsJson << u"results/2"_s
        << QStringList{u"seq"_s, u"status"_s, u"code"_s, u"lines"_s};
    QTest::newRow("result sale line")
        << resultsJson << u"results/2/lines/0"_s << QStringList{u"sku"_s, u"available"_s};
    QTest::newRow("result version conflict")
        << resultsJson << u"results/3"_s
        << QStringList{u"seq"_s, u"status"_s, u"code"_s, u"level"_s};
    QTest::newRow("result level") << resultsJson << u"results/3/level"_s
                                  << QStringList{u"sku"_s,      u"location"_s,  u"onHand"_s,
                                                 u"reserved"_s, u"available"_s, u"version"_s};
    QTest::newRow("result offline sale replayed")
        << resultsJson << u"results/4"_s
        << QStringList{u"seq"_s, u"status"_s, u"shortages"_s, u"replay"_s};
    QTest::newRow("result shortage line")
        << resultsJson << u"results/4/shortages/0"_s << QStringList{u"sku"_s, u"available"_s};

    Levels levels;
    levels.levels = {level("A1", 5, 2, 17)};
    const QByteArray levelsJson = encode(levels);
    QTest::newRow("levels") << levelsJson << QString()
                            << QStringList{u"type"_s, u"cursor"_s, u"full"_s, u"levels"_s};
    QTest::newRow("level") << levelsJson << u"levels/0"_s
                           << QStringList{u"sku"_s,      u"location"_s,  u"onHand"_s,
                                          u"reserved"_s, u"available"_s, u"version"_s};

    CatalogUpdate catalog;
    catalog.products = {product("A1", 8250)};
    const QByteArray catalogJson = encode(catalog);
    QTest::newRow("catalog") << catalogJson << QString()
                             << QStringList{u"type"_s, u"cursor"_s, u"full"_s, u"products"_s};
    QTest::newRow("product") << catalogJson << u"products/0"_s
                             << QStringList{u"sku"_s,        u"barcode"_s, u"name"_s,
                                            u"price"_s,      u"taxRate"_s, u"active"_s,
                                            u"department"_s, u"version"_s};

    Shortages shortages;
    shortages.shortages = {shortage(1, false)};
    const QByteArray shortagesJson = encode(shortages);
    QTest::newRow("shortages") << shortagesJson << QString()
                               << QStringList{u"type"_s, u"shortages"_s};
    QTest::newRow("shortage") << shortagesJson << u"shortages/0"_s
                              << QStringList{u"id"_s,       u"sku"_s,  u"location"_s, u"qty"_s,
                                             u"terminal"_s, u"sale"_s, u"at"_s};

    ProtocolError plain;
    plain.code = u"unauthorized"_s;
    plain.message = u"unknown terminal or bad token"_s;
    QTest::newRow("error") << encode(plain) << QString()
                           << QStringList{u"type"_s, u"code"_s, u"message"_s};
    ProtocolError full = plain;
    full.code = u"sequence_gap"_s;
    full.field = u"mutations[0].seq"_s;
    full.expected = 42;
    full.seq = 50;
    QTest::newRow("error with every field")
        << encode(full) << QString()
        << QStringList{u"type"_s, u"code"_s, u"message"_s, u"field"_s, u"expected"_s, u"seq"_s};
    QTest::newRow("paired") << encode(Paired{u"POS-02"_s, u"t0k3n"_s}) << QString()
                            << QStringList{u"type"_s, u"terminal"_s, u"token"_s};
}

void TestProtocol::serverMessagesHaveExactlyTheWireFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QStringList, keys);

    QJsonValue value = parsed(json);
    for (const QString& step : path.split(u'/', Qt::SkipEmptyParts)) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(step);
    }
    QVERIFY2(value.isObject(), json.constData());
    QCOMPARE(sortedKeys(value.toObject()), sorted(keys));
}

void TestProtocol::framesAreCompactSingleLines()
{
    Levels levels;
    levels.levels = {level("A1", 5, 2, 17)};
    for (const QByteArray& json : {encode(welcome()), encode(levels), encode(Results{})}) {
        QVERIFY2(!json.contains('\n') && !json.contains(' '), json.constData());
        QVERIFY(json.startsWith('{') && json.endsWith('}'));
    }
}

void TestProtocol::welcomeMatchesTheContractExample()
{
    const QJsonObject o = parsed(encode(welcome()));
    QCOMPARE(o, parsed(R"({"type":"welcome","protocol":1,"terminal":"POS-01","role":"pos",
        "lastSeq":41,"cursor":9120,"serverTime":"2026-11-22T10:00:00Z"})"));
}

void TestProtocol::resultMatchesTheContractExample()
{
    Results results;
    results.results.append(applied(42));
    MutationResult noStock = rejected(43, "insufficient_stock");
    noStock.available = 0;
    results.results.append(noStock);
    QCOMPARE(parsed(encode(results)),
             parsed(R"({"type":"results","results":[{"seq":42,"status":"applied"},
                 {"seq":43,"status":"rejected","code":"insufficient_stock","available":0}]})"));
}

void TestProtocol::levelsMatchTheContractExample()
{
    Levels levels;
    levels.cursor = 9121;
    levels.levels = {level("A1", 5, 2, 17)};
    QCOMPARE(parsed(encode(levels)),
             parsed(R"({"type":"levels","cursor":9121,"full":false,"levels":[{"sku":"A1",
                 "location":"store-1","onHand":5,"reserved":2,"available":3,"version":17}]})"));
}

void TestProtocol::taxRateIsThePercentAsANumber_data()
{
    QTest::addColumn<int>("milliPercent");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("8.25 %") << 8250 << QByteArray("8.25");
    QTest::newRow("8.875 %") << 8875 << QByteArray("8.875");
    QTest::newRow("7.7 %") << 7700 << QByteArray("7.7");
    QTest::newRow("19 %") << 19'000 << QByteArray("19");
    QTest::newRow("0 %") << 0 << QByteArray("0");
    QTest::newRow("0.001 %") << 1 << QByteArray("0.001");
    QTest::newRow("100 %") << 100'000 << QByteArray("100");
}

void TestProtocol::taxRateIsThePercentAsANumber()
{
    QFETCH(int, milliPercent);
    QFETCH(QByteArray, wire);
    CatalogUpdate catalog;
    catalog.products = {product("A1", milliPercent)};
    const QByteArray json = encode(catalog);
    // The number's exact text, as an independent client reads it (followed by , or }).
    const QByteArray field = "\"taxRate\":" + wire;
    QVERIFY2(json.contains(field + ',') || json.contains(field + '}'), json.constData());
    const std::optional<CatalogUpdate> decoded = decodeServer<CatalogUpdate>(json);
    QVERIFY(decoded);
    QCOMPARE(decoded->products.constFirst().taxRate.milliPercent(), milliPercent);
}

void TestProtocol::textSurvivesEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes") << u"Say \"cheese\""_s;
    QTest::newRow("backslash") << u"C:\\temp\\"_s;
    QTest::newRow("tab and newline") << u"a\tb\nc\r"_s;
    QTest::newRow("control characters") << QString::fromUtf16(u"\u0001\u001f\u007f");
    QTest::newRow("accents") << u"Crème fraîche"_s;
    QTest::newRow("CJK") << u"日本酒"_s;
    QTest::newRow("outside the BMP") << u"🍺 beer"_s;
    QTest::newRow("line separator") << QString::fromUtf16(u"a\u2028b");
    QTest::newRow("markup") << u"</script><b>"_s;
    QTest::newRow("empty") << QString();
}

void TestProtocol::textSurvivesEscaping()
{
    QFETCH(QString, text);
    CatalogUpdate catalog;
    catalog.products = {product("A1", 8250)};
    catalog.products[0].name = text;
    catalog.products[0].department = text;
    Levels levels;
    levels.levels = {level("A1", 1, 0, 1)};
    levels.levels[0].location = text; // not a valid ID, but the writer must still be right

    for (const ServerMessage& message : {ServerMessage(catalog), ServerMessage(levels)}) {
        const QByteArray json = std::visit([](const auto& m) { return encode(m); }, message);
        QJsonParseError error;
        QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, json.constData());
        const Result<ServerMessage> decoded = decodeServerMessage(json);
        QVERIFY(decoded.ok());
        QVERIFY2(decoded.value() == message, json.constData());
    }
}

void TestProtocol::replayIsWrittenOnlyWhenTrue()
{
    Results results;
    results.results = {applied(1), applied(2)};
    results.results[1].replay = true;
    const QJsonArray array = parsed(encode(results)).value(u"results"_s).toArray();
    QVERIFY(!array.at(0).toObject().contains(u"replay"_s));
    QCOMPARE(array.at(1).toObject().value(u"replay"_s), QJsonValue(true));
}

// The server stores toJsonBytes() and reads it back for replays with fromJson().
void TestProtocol::resultBytesAreTheResultObject()
{
    MutationResult conflict = rejected(4, "version_conflict");
    conflict.level = level("A1", 5, 1, 3);
    conflict.message = u"the level of A1 at store-1 is at version 3 \"\u2212\""_s;
    MutationResult sale = rejected(3, "insufficient_stock");
    sale.lines = {{u"A1"_s, 1}, {u"B2"_s, 0}};
    MutationResult offline = applied(5);
    offline.shortages = {{u"A1"_s, 2}};
    offline.replay = true;
    MutationResult noStock = rejected(2, "insufficient_stock");
    noStock.available = 0;
    for (const MutationResult& result : {applied(1), noStock, sale, conflict, offline}) {
        const QByteArray bytes = result.toJsonBytes();
        QCOMPARE(parsed(bytes), result.toJson());
        QCOMPARE(MutationResult::fromJson(parsed(bytes)).value(), result);
    }
}

void TestProtocol::timesAreUtcWithZ_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("wire");
    QTest::newRow("UTC") << utc(10, 0, 0) << u"2026-11-22T10:00:00Z"_s;
    QTest::newRow("with milliseconds") << utc(10, 0, 0, 5) << u"2026-11-22T10:00:00.005Z"_s;
    QTest::newRow("from +02:00") << QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::OffsetFromUTC,
                                              7200)
                                 << u"2026-11-22T10:00:00Z"_s;
}

void TestProtocol::timesAreUtcWithZ()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, wire);
    Welcome w = welcome();
    w.serverTime = time;
    const QByteArray json = encode(w);
    QCOMPARE(parsed(json).value(u"serverTime"_s).toString(), wire);
    const std::optional<Welcome> decoded = decodeServer<Welcome>(json);
    QVERIFY(decoded);
    QCOMPARE(decoded->serverTime, time);
    QCOMPARE(decoded->serverTime.timeSpec(), Qt::UTC);
}

void TestProtocol::badServerMessageIsAnErrorNamingTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("not JSON") << QByteArray("{") << QString();
    QTest::newRow("array") << QByteArray("[]") << QString();
    QTest::newRow("no type") << QByteArray(R"({"cursor":1})") << u"type"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"push","mutations":[]})") << u"type"_s;
    QTest::newRow("welcome of protocol 2")
        << QByteArray(R"({"type":"welcome","protocol":2,"terminal":"T","role":"pos","lastSeq":0,
            "cursor":0,"serverTime":"2026-11-22T10:00:00Z"})")
        << u"protocol"_s;
    QTest::newRow("welcome time without zone")
        << QByteArray(R"({"type":"welcome","protocol":1,"terminal":"T","role":"pos","lastSeq":0,
            "cursor":0,"serverTime":"2026-11-22T10:00:00"})")
        << u"serverTime"_s;
    QTest::newRow("result status unknown")
        << QByteArray(R"({"type":"results","results":[{"seq":1,"status":"applied"},
            {"seq":2,"status":"ok"}]})")
        << u"results[1].status"_s;
    QTest::newRow("result level inconsistent")
        << QByteArray(R"({"type":"results","results":[{"seq":1,"status":"rejected",
            "code":"version_conflict","level":{"sku":"A1","location":"L","onHand":5,
            "reserved":1,"available":5,"version":2}}]})")
        << u"results[0].level.available"_s;
    QTest::newRow("result line without sku")
        << QByteArray(R"({"type":"results","results":[{"seq":1,"status":"rejected",
            "code":"insufficient_stock","lines":[{"sku":"A1","available":0},{"available":1}]}]})")
        << u"results[0].lines[1].sku"_s;
    QTest::newRow("levels entry not an object")
        << QByteArray(R"({"type":"levels","cursor":1,"full":true,"levels":[3]})") << u"levels[0]"_s;
    QTest::newRow("levels full missing")
        << QByteArray(R"({"type":"levels","cursor":1,"levels":[]})") << u"full"_s;
    QTest::newRow("tax rate with four decimals")
        << QByteArray(R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1",
            "name":"A","price":1,"taxRate":8.8755,"active":true}]})")
        << u"products[0].taxRate"_s;
    QTest::newRow("tax rate as a string")
        << QByteArray(R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1",
            "name":"A","price":1,"taxRate":"8.25","active":true}]})")
        << u"products[0].taxRate"_s;
    QTest::newRow("price with cents as a fraction")
        << QByteArray(R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1",
            "name":"A","price":1.99,"taxRate":0,"active":true}]})")
        << u"products[0].price"_s;
    QTest::newRow("unit unknown")
        << QByteArray(R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1",
            "name":"A","price":1,"taxRate":0,"active":true,"unit":"lb"}]})")
        << u"products[0].unit"_s;
    QTest::newRow("error without code")
        << QByteArray(R"({"type":"error","message":"?"})") << u"code"_s;
}

// A product sold each carries no `unit` (protocol-1 clients see nothing new); a measured one
// says "kg", and a catalog without the field reads as each.
void TestProtocol::catalogUnitIsWrittenOnlyForMeasuredProducts()
{
    CatalogUpdate catalog;
    catalog.products = {product("A1", 0), product("B2", 0), product("C3", 0)};
    catalog.products[1].unit = Unit::Kilogram;
    catalog.products[2].unit = Unit::Litre;
    const QJsonArray products =
        QJsonDocument::fromJson(encode(catalog)).object().value(u"products"_s).toArray();
    QVERIFY(!products.at(0).toObject().contains(u"unit"_s));
    QCOMPARE(products.at(1).toObject().value(u"unit"_s).toString(), u"kg"_s);
    QCOMPARE(products.at(2).toObject().value(u"unit"_s).toString(), u"l"_s);
    const Result<ServerMessage> old = decodeServerMessage(
        R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1","name":"A",
            "price":1,"taxRate":0,"active":true}]})");
    QVERIFY(old.ok());
    QCOMPARE(std::get<CatalogUpdate>(*old).products.first().unit, Unit::Each);
}

// Every code of a product reaches the terminal, `barcode` first; a product with one code
// carries no `barcodes` (what older terminals read); a list not led by `barcode` is refused.
void TestProtocol::catalogCarriesEveryBarcode()
{
    CatalogUpdate catalog;
    catalog.cursor = 5;
    catalog.products = {product("A1", 0), product("B2", 0)};
    catalog.products[0].barcode = u"4006381333931"_s;
    catalog.products[0].extraBarcodes = {u"40170725"_s, u"036000291452"_s};
    catalog.products[1].barcode = u"5012345678900"_s;
    const QByteArray json = encode(catalog);
    const QJsonArray products =
        QJsonDocument::fromJson(json).object().value(u"products"_s).toArray();
    QCOMPARE(products.at(0).toObject().value(u"barcodes"_s).toArray(),
             (QJsonArray{u"4006381333931"_s, u"40170725"_s, u"036000291452"_s}));
    QVERIFY(!products.at(1).toObject().contains(u"barcodes"_s));
    const Result<ServerMessage> decoded = decodeServerMessage(json);
    QVERIFY(decoded.ok());
    QCOMPARE(std::get<CatalogUpdate>(*decoded), catalog);

    const Result<ServerMessage> misled = decodeServerMessage(
        R"({"type":"catalog","cursor":1,"full":true,"products":[{"sku":"A1","name":"A",
            "barcode":"4006381333931","barcodes":["40170725","4006381333931"],
            "price":1,"taxRate":0,"active":true}]})");
    QVERIFY(!misled.ok());
    QCOMPARE(misled.error().field, u"products[0].barcodes[0]"_s);
}

void TestProtocol::badServerMessageIsAnErrorNamingTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const Result<ServerMessage> decoded = decodeServerMessage(json);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().field, field);
    QVERIFY(!decoded.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
