#pragma once

// The small store the conformance tests (tst_server*) start from, a real stockline-server
// process on it, and the helpers they share. The tests speak to the server only through
// WireClient (raw JSON over a real WebSocket) and its command line; the store is seeded
// in-process through AdminStore for speed, as tst_stockrace does.

#include "serverprocess.h"
#include "serverstore.h"
#include "wireclient.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <utility>

namespace conformance {

using stockline::Location;
using stockline::Money;
using stockline::Product;
using stockline::TaxRate;
using stockline::sync::AdminStore;
using stockline::sync::Role;
using stockline::sync::StockMovement;

inline const QString store1 = QStringLiteral("store-1");
inline const QString backroom = QStringLiteral("backroom-1");

// The products every test starts with. D4 is inactive and has no barcode.
inline QList<Product> seedProducts()
{
    const auto product = [](const char* sku, const char* barcode, const char* name, qint64 price,
                            int milliPercent, bool active) {
        Product p;
        p.sku = QLatin1String(sku);
        p.barcode = QLatin1String(barcode);
        p.name = QString::fromUtf8(name);
        p.price = Money::fromMinor(price);
        p.taxRate = TaxRate::fromMilliPercent(milliPercent);
        p.active = active;
        return p;
    };
    return {product("A1", "4006381333931", "Pencil HB", 129, 8875, true),
            product("B2", "5901234123457", "Eraser", 250, 19000, true),
            product("C3", "96385074", "Sharpener", 399, 0, true),
            product("D4", "", "Discontinued pen", 1999, 8250, false)};
}

// Opening stock: "sku@location" → on hand.
inline QList<std::pair<QString, qint64>> seedStock()
{
    return {{QStringLiteral("A1@store-1"), 10},
            {QStringLiteral("A1@backroom-1"), 20},
            {QStringLiteral("B2@store-1"), 5},
            {QStringLiteral("C3@store-1"), 3}};
}

// OBS-01 only ever observes (fresh snapshots); the others act.
inline QList<std::pair<QString, Role>> seedTerminals()
{
    return {{QStringLiteral("POS-01"), Role::Pos},        {QStringLiteral("POS-02"), Role::Pos},
            {QStringLiteral("DOCK-01"), Role::Receiving}, {QStringLiteral("WEB-01"), Role::Channel},
            {QStringLiteral("MGR-01"), Role::Manager},    {QStringLiteral("OBS-01"), Role::Pos}};
}

inline QString key(const QString& sku, const QString& location)
{
    return sku + u'@' + location;
}

// "onHand/reserved/available" of a level object, for short, readable comparisons.
inline QString summary(const QJsonObject& level)
{
    if (level.isEmpty())
        return QStringLiteral("(no level)");
    return QStringLiteral("%1/%2/%3")
        .arg(level.value(QStringLiteral("onHand")).toInteger())
        .arg(level.value(QStringLiteral("reserved")).toInteger())
        .arg(level.value(QStringLiteral("available")).toInteger());
}

// The levels of a `levels` message, by "sku@location".
inline QHash<QString, QJsonObject> levelsByKey(const QJsonObject& message)
{
    QHash<QString, QJsonObject> result;
    for (const QJsonValue v : message.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject level = v.toObject();
        result.insert(key(level.value(QStringLiteral("sku")).toString(),
                          level.value(QStringLiteral("location")).toString()),
                      level);
    }
    return result;
}

inline qint64 integer(const QJsonObject& o, const char* field)
{
    return o.value(QLatin1String(field)).toInteger(-1);
}

inline QString text(const QJsonObject& o, const char* field)
{
    return o.value(QLatin1String(field)).toString();
}

inline QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// ---- mutations as PROTOCOL.md writes them

inline QJsonArray items(std::initializer_list<std::pair<QString, qint64>> lines)
{
    QJsonArray array;
    for (const auto& [sku, qty] : lines)
        array.append(QJsonObject{{QStringLiteral("sku"), sku}, {QStringLiteral("qty"), qty}});
    return array;
}

inline QJsonObject reserve(qint64 seq, const QString& reservation, const QString& sku, qint64 qty,
                           qint64 ttl = 600, const QString& location = store1)
{
    return WireClient::reserve(seq, reservation, sku, location, qty, ttl);
}

inline QJsonObject release(qint64 seq, const QString& reservation)
{
    return WireClient::mutation(seq, QStringLiteral("release"),
                                {{QStringLiteral("reservation"), reservation}});
}

inline QJsonObject line(const QString& sku, qint64 qty, const QString& reservation = {})
{
    return WireClient::saleLine(sku, qty, 100, reservation);
}

inline QJsonObject sale(qint64 seq, const QString& id, const QJsonArray& lines,
                        bool offline = false, const QString& location = store1)
{
    return WireClient::sale(seq, id, location, lines, offline);
}

inline QJsonObject returned(qint64 seq, const QString& id, const QJsonArray& lines,
                            const QString& saleId = {}, const QString& location = store1)
{
    QJsonObject fields{{QStringLiteral("return"), id},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("lines"), lines}};
    if (!saleId.isEmpty())
        fields.insert(QStringLiteral("sale"), saleId);
    return WireClient::mutation(seq, QStringLiteral("return"), fields);
}

inline QJsonObject receive(qint64 seq, const QString& receipt, const QJsonArray& lines,
                           const QString& location = store1)
{
    return WireClient::mutation(seq, QStringLiteral("receive"),
                                {{QStringLiteral("receipt"), receipt},
                                 {QStringLiteral("location"), location},
                                 {QStringLiteral("lines"), lines},
                                 {QStringLiteral("reference"), QStringLiteral("PO-1")}});
}

inline QJsonObject count(qint64 seq, const QString& sku, qint64 counted, qint64 expectedVersion,
                         const QString& location = store1)
{
    return WireClient::mutation(seq, QStringLiteral("count"),
                                {{QStringLiteral("sku"), sku},
                                 {QStringLiteral("location"), location},
                                 {QStringLiteral("counted"), counted},
                                 {QStringLiteral("expectedVersion"), expectedVersion}});
}

inline QJsonObject transfer(qint64 seq, const QString& id, const QString& sku, const QString& from,
                            const QString& to, qint64 qty)
{
    return WireClient::mutation(seq, QStringLiteral("transfer"),
                                {{QStringLiteral("transfer"), id},
                                 {QStringLiteral("sku"), sku},
                                 {QStringLiteral("from"), from},
                                 {QStringLiteral("to"), to},
                                 {QStringLiteral("qty"), qty}});
}

inline QJsonObject adjust(qint64 seq, const QString& sku, qint64 delta,
                          const QString& location = store1)
{
    return WireClient::mutation(seq, QStringLiteral("adjust"),
                                {{QStringLiteral("sku"), sku},
                                 {QStringLiteral("location"), location},
                                 {QStringLiteral("delta"), delta},
                                 {QStringLiteral("reason"), QStringLiteral("damaged")}});
}

// One valid mutation of each kind, for the role table (seq 1; the count expects version 1,
// which every seeded level has).
inline QJsonObject anyOfKind(const QString& kind)
{
    if (kind == QLatin1String("reserve"))
        return reserve(1, QStringLiteral("R-1"), QStringLiteral("A1"), 1);
    if (kind == QLatin1String("release"))
        return release(1, QStringLiteral("R-1"));
    if (kind == QLatin1String("sale"))
        return sale(1, QStringLiteral("S-1"), {line(QStringLiteral("A1"), 1)});
    if (kind == QLatin1String("return"))
        return returned(1, QStringLiteral("RT-1"), items({{QStringLiteral("A1"), 1}}));
    if (kind == QLatin1String("receive"))
        return receive(1, QStringLiteral("RC-1"), items({{QStringLiteral("A1"), 1}}));
    if (kind == QLatin1String("count"))
        return count(1, QStringLiteral("A1"), 9, 1);
    if (kind == QLatin1String("transfer"))
        return transfer(1, QStringLiteral("T-1"), QStringLiteral("A1"), backroom, store1, 1);
    return adjust(1, QStringLiteral("A1"), -1);
}

// A connected, welcomed client and what the server sent it on connecting.
struct Session
{
    std::unique_ptr<WireClient> client;
    QJsonObject welcome;
    QJsonObject levels;
    QJsonObject catalog;
    QJsonObject shortages;

    WireClient* operator->() const { return client.get(); }
    [[nodiscard]] bool ok() const
    {
        return client && !welcome.isEmpty() && !levels.isEmpty() && !catalog.isEmpty() &&
               !shortages.isEmpty();
    }
};

// A temporary folder with the seeded store and a server process on it.
class Store
{
public:
    Store() : m_server(m_dir.filePath(QStringLiteral("server.db"))) {}

    // Seeds the store; then start() the server.
    [[nodiscard]] bool create()
    {
        if (!m_dir.isValid())
            return false;
        auto opened = AdminStore::open(m_server.database());
        if (!opened)
            return fail(opened.error());
        AdminStore& s = *opened.value();
        for (const Location& l : {Location{store1, QStringLiteral("Store floor")},
                                  Location{backroom, QStringLiteral("Back room")}})
            if (auto added = s.addLocation(l); !added)
                return fail(added.error());
        if (auto imported = s.importCatalog(seedProducts()); !imported)
            return fail(imported.error());
        QList<StockMovement> stock;
        for (const auto& [k, qty] : seedStock())
            stock.append(StockMovement{k.section(u'@', 0, 0), k.section(u'@', 1), qty});
        if (auto imported = s.importStock(stock); !imported)
            return fail(imported.error());
        for (const auto& [id, role] : seedTerminals()) {
            auto token = s.addTerminal(id, role);
            if (!token)
                return fail(token.error());
            m_tokens.insert(id, token.value());
        }
        return true;
    }

    [[nodiscard]] bool start() { return m_server.start(); }
    ServerProcess& server() { return m_server; }
    [[nodiscard]] QString token(const QString& terminal) const { return m_tokens.value(terminal); }
    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    // Connects, says hello and takes what the server sends on connecting.
    Session connect(const QString& terminal, qint64 cursor = 0)
    {
        Session session;
        session.client = std::make_unique<WireClient>();
        if (!session.client->open(m_server.url()))
            return session;
        session.welcome = session.client->hello(terminal, token(terminal), cursor);
        if (session.welcome.isEmpty())
            return session;
        session.levels = session.client->take(QStringLiteral("levels"));
        session.catalog = session.client->take(QStringLiteral("catalog"));
        session.shortages = session.client->take(QStringLiteral("shortages"));
        return session;
    }

    // Every level as a fresh connection sees it now, by "sku@location".
    QHash<QString, QJsonObject> levelsNow()
    {
        const Session observer = connect(QStringLiteral("OBS-01"));
        return levelsByKey(observer.levels);
    }

    // The welcome's lastSeq for a terminal, from a fresh connection.
    qint64 lastSeqNow(const QString& terminal)
    {
        const Session s = connect(terminal);
        return integer(s.welcome, "lastSeq");
    }

private:
    static bool fail(const stockline::Error& error)
    {
        qWarning().noquote() << "seeding the store failed:" << error.toString();
        return false;
    }

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QHash<QString, QString> m_tokens;
};

// A throwaway self-signed certificate for 127.0.0.1, made by openssl at test time.
struct Certificate
{
    QString cert;
    QString key;
};

inline bool makeCertificate(const QString& folder, const QString& name, Certificate& made)
{
    made = {folder + u'/' + name + QStringLiteral("-cert.pem"),
            folder + u'/' + name + QStringLiteral("-key.pem")};
    return makeTestCertificate(made.cert, made.key);
}

// Pushes one mutation and returns its result (empty if none came).
inline QJsonObject pushOne(const Session& session, const QJsonObject& mutation)
{
    session->push(QJsonArray{mutation});
    return session->takeResults(1, 30'000).value(0);
}

inline bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

// What an ISO-8601 UTC time on the wire looks like.
inline bool isUtcTime(const QString& value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"));
    return pattern.match(value).hasMatch();
}

} // namespace conformance
