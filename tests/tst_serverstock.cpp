// The stock extensions of sync/PROTOCOL.md from outside the real server process: a SKU's
// history from the ledger (`history`) and resolving shortage exceptions (`resolve`).

#include "pinhash.h"
#include "serverfixture.h"
#include "staff.h"

#include <QJsonArray>
#include <QTest>

using namespace conformance;
using namespace Qt::StringLiterals;

class TestServerStock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void historyAnswersTheLedgerNewestFirstWithTheLevelAfterEach();
    void historyOfOneLocationIsBoundedAndSaysThereIsMore();
    void historyIsRefusedForAnUnknownSkuOrLocation();
    void historyWithTooLargeALimitIsABadMessage();
    void historyIsRefusedToAChannel();

    void offlineShortageIsResolvedByAManagerAndClearedEverywhere();
    void recountSetsTheLevelAndResolves();
    void badResolvesAreRejectedAndChangeNothing();

private:
    // The open shortages of a fresh connection.
    QJsonArray openShortages();
    // One offline sale from POS-02 of `qty` C3 (3 in stock): a shortage of qty - 3.
    qint64 causeShortage(qint64 qty);
    QJsonObject history(const Session& s, const QJsonObject& request);

    std::unique_ptr<Store> m_store;
};

void TestServerStock::init()
{
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->create());
    {
        auto opened = stockline::sync::AdminStore::open(m_store->server().database());
        QVERIFY(opened.ok());
        for (const auto& [name, role] : {std::pair{u"Morgan"_s, stockline::StaffRole::Manager},
                                         std::pair{u"Alex"_s, stockline::StaffRole::Cashier}}) {
            auto pin = stockline::PinHash::make(u"2468", 1000);
            QVERIFY(pin.ok());
            QVERIFY(opened.value()->putStaff(stockline::StaffMember{name, role, *pin, true}).ok());
        }
    }
    QVERIFY(m_store->start());
}

void TestServerStock::cleanup()
{
    m_store.reset();
}

QJsonArray TestServerStock::openShortages()
{
    return m_store->connect(u"OBS-01"_s).shortages.value(u"shortages"_s).toArray();
}

qint64 TestServerStock::causeShortage(qint64 qty)
{
    const Session pos = m_store->connect(u"POS-02"_s);
    const qint64 seq = integer(pos.welcome, "lastSeq") + 1;
    const QJsonObject result =
        pushOne(pos, sale(seq, u"S-OFF-%1"_s.arg(seq), {line(u"C3"_s, qty)}, true));
    if (text(result, "status") != u"applied"_s)
        return -1;
    const QJsonArray open = openShortages();
    return open.isEmpty() ? -1 : integer(open.last().toObject(), "id");
}

QJsonObject TestServerStock::history(const Session& s, const QJsonObject& request)
{
    QJsonObject message = request;
    message.insert(u"type"_s, u"history"_s);
    s->send(message);
    return s->take(u"history"_s);
}

void TestServerStock::historyAnswersTheLedgerNewestFirstWithTheLevelAfterEach()
{
    const Session pos = m_store->connect(u"POS-01"_s);
    QCOMPARE(text(pushOne(pos, sale(1, u"S-1"_s, {line(u"A1"_s, 3)})), "status"), u"applied"_s);
    const Session dock = m_store->connect(u"DOCK-01"_s);
    QCOMPARE(text(pushOne(dock, transfer(1, u"T-1"_s, u"A1"_s, backroom, store1, 4)), "status"),
             u"applied"_s);

    const QJsonObject reply =
        history(pos, {{u"request"_s, u"h-1"_s}, {u"sku"_s, u"A1"_s}, {u"limit"_s, 10}});
    QCOMPARE(text(reply, "request"), u"h-1"_s);
    QVERIFY(!reply.contains(u"code"_s));
    const QJsonArray entries = reply.value(u"entries"_s).toArray();
    // Newest first: the transfer's two rows, the sale, the two opening receipts.
    QCOMPARE(entries.size(), 5);
    QStringList seen;
    for (const QJsonValue& v : entries) {
        const QJsonObject e = v.toObject();
        seen.append(u"%1 %2 %3→%4"_s.arg(text(e, "kind"), text(e, "location"))
                        .arg(integer(e, "onHandDelta"))
                        .arg(integer(e, "onHand")));
        QVERIFY(isUtcTime(text(e, "at")));
    }
    QCOMPARE(seen, QStringList({u"transfer store-1 4→11"_s, u"transfer backroom-1 -4→16"_s,
                                u"sale store-1 -3→7"_s, u"receive backroom-1 20→20"_s,
                                u"receive store-1 10→10"_s}));
    const QJsonObject saleEntry = entries.at(2).toObject();
    QCOMPARE(text(saleEntry, "terminal"), u"POS-01"_s);
    QCOMPARE(saleEntry.value(u"detail"_s).toObject().value(u"sale"_s).toString(), u"S-1"_s);
    QVERIFY(!reply.value(u"more"_s).toBool());
}

void TestServerStock::historyOfOneLocationIsBoundedAndSaysThereIsMore()
{
    const Session dock = m_store->connect(u"DOCK-01"_s);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(text(pushOne(dock, adjust(i, u"B2"_s, -1)), "status"), u"applied"_s);
    const QJsonObject reply = history(
        dock,
        {{u"request"_s, u"h-2"_s}, {u"sku"_s, u"B2"_s}, {u"location"_s, store1}, {u"limit"_s, 2}});
    const QJsonArray entries = reply.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(integer(entries.at(0).toObject(), "onHand"), 2);
    QCOMPARE(integer(entries.at(1).toObject(), "onHand"), 3);
    QVERIFY(reply.value(u"more"_s).toBool());
    QCOMPARE(text(reply, "location"), store1);
}

void TestServerStock::historyIsRefusedForAnUnknownSkuOrLocation()
{
    const Session pos = m_store->connect(u"POS-01"_s);
    const QJsonObject noSku =
        history(pos, {{u"request"_s, u"h-3"_s}, {u"sku"_s, u"ZZ9"_s}, {u"limit"_s, 10}});
    QCOMPARE(text(noSku, "code"), u"unknown_sku"_s);
    QVERIFY(text(noSku, "message").contains(u"ZZ9"_s));
    QVERIFY(!noSku.contains(u"entries"_s));
    const QJsonObject noLocation = history(pos, {{u"request"_s, u"h-4"_s},
                                                 {u"sku"_s, u"A1"_s},
                                                 {u"location"_s, u"moon"_s},
                                                 {u"limit"_s, 10}});
    QCOMPARE(text(noLocation, "code"), u"unknown_location"_s);
    QCOMPARE(text(noLocation, "request"), u"h-4"_s);
}

void TestServerStock::historyWithTooLargeALimitIsABadMessage()
{
    const Session pos = m_store->connect(u"POS-01"_s);
    pos->send({{u"type"_s, u"history"_s},
               {u"request"_s, u"h-5"_s},
               {u"sku"_s, u"A1"_s},
               {u"limit"_s, 501}});
    const QJsonObject error = pos->take(u"error"_s);
    QCOMPARE(text(error, "code"), u"invalid_message"_s);
    QCOMPARE(text(error, "field"), u"limit"_s);
    // The connection stays usable.
    const QJsonObject reply =
        history(pos, {{u"request"_s, u"h-6"_s}, {u"sku"_s, u"A1"_s}, {u"limit"_s, 500}});
    QCOMPARE(reply.value(u"entries"_s).toArray().size(), 2);
}

void TestServerStock::historyIsRefusedToAChannel()
{
    const Session web = m_store->connect(u"WEB-01"_s);
    const QJsonObject reply =
        history(web, {{u"request"_s, u"h-7"_s}, {u"sku"_s, u"A1"_s}, {u"limit"_s, 10}});
    QCOMPARE(text(reply, "code"), u"forbidden"_s);
    QVERIFY(!reply.contains(u"entries"_s));
}

void TestServerStock::offlineShortageIsResolvedByAManagerAndClearedEverywhere()
{
    const qint64 id = causeShortage(5); // 3 in stock: 2 short
    QVERIFY(id > 0);
    QCOMPARE(integer(openShortages().at(0).toObject(), "qty"), 2);
    Session pos = m_store->connect(u"POS-01"_s);
    QCOMPARE(pos.shortages.value(u"shortages"_s).toArray().size(), 1);
    Session manager = m_store->connect(u"MGR-01"_s);

    const QJsonObject resolve = WireClient::mutation(1, u"resolve"_s,
                                                     {{u"shortage"_s, id},
                                                      {u"resolution"_s, u"loss"_s},
                                                      {u"staff"_s, u"Alex"_s},
                                                      {u"approvedBy"_s, u"Morgan"_s}});
    QCOMPARE(text(pushOne(manager, resolve), "status"), u"applied"_s);
    // Every connected terminal is sent the new list, without it.
    for (const Session* terminal : {&pos, &manager}) {
        const QJsonObject list = (*terminal)->take(u"shortages"_s);
        QVERIFY2(list.contains(u"shortages"_s), "no shortages message came");
        QCOMPARE(list.value(u"shortages"_s).toArray().size(), 0);
    }
    QVERIFY(openShortages().isEmpty());

    // The ledger has it, with who resolved and who approved, and moved no stock.
    const QJsonObject reply = history(
        manager,
        {{u"request"_s, u"h-8"_s}, {u"sku"_s, u"C3"_s}, {u"location"_s, store1}, {u"limit"_s, 1}});
    const QJsonObject entry = reply.value(u"entries"_s).toArray().at(0).toObject();
    QCOMPARE(text(entry, "kind"), u"resolve"_s);
    QCOMPARE(text(entry, "terminal"), u"MGR-01"_s);
    QCOMPARE(integer(entry, "onHandDelta"), 0);
    const QJsonObject detail = entry.value(u"detail"_s).toObject();
    QCOMPARE(detail.value(u"approvedBy"_s).toString(), u"Morgan"_s);
    QCOMPARE(detail.value(u"staff"_s).toString(), u"Alex"_s);
    QCOMPARE(detail.value(u"resolution"_s).toString(), u"loss"_s);
    QCOMPARE(detail.value(u"shortage"_s).toInteger(), id);

    // Exactly once: the replay answers the same and changes nothing.
    manager->push(QJsonArray{resolve});
    const QJsonObject replayed = manager->takeResults(1).value(0);
    QCOMPARE(text(replayed, "status"), u"applied"_s);
    QVERIFY(replayed.value(u"replay"_s).toBool());
    const auto verify = m_store->server().admin({u"verify"_s});
    QCOMPARE(verify.exitCode, 0);
}

void TestServerStock::recountSetsTheLevelAndResolves()
{
    const qint64 id = causeShortage(4); // C3: 3 in stock, 1 short; the level is 0 now
    QVERIFY(id > 0);
    const QJsonObject level = m_store->levelsNow().value(key(u"C3"_s, store1));
    QCOMPARE(summary(level), u"0/0/0"_s);
    Session manager = m_store->connect(u"MGR-01"_s);
    const QJsonObject recount =
        WireClient::mutation(1, u"resolve"_s,
                             {{u"shortage"_s, id},
                              {u"resolution"_s, u"recount"_s},
                              {u"counted"_s, 2},
                              {u"expectedVersion"_s, integer(level, "version")},
                              {u"staff"_s, u"Morgan"_s},
                              {u"approvedBy"_s, u"Morgan"_s}});
    QCOMPARE(text(pushOne(manager, recount), "status"), u"applied"_s);
    QCOMPARE(summary(m_store->levelsNow().value(key(u"C3"_s, store1))), u"2/0/2"_s);
    QVERIFY(openShortages().isEmpty());
    QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
}

void TestServerStock::badResolvesAreRejectedAndChangeNothing()
{
    const qint64 id = causeShortage(5);
    QVERIFY(id > 0);
    const auto resolve = [](qint64 seq, qint64 shortage, const QString& approver) {
        return WireClient::mutation(seq, u"resolve"_s,
                                    {{u"shortage"_s, shortage},
                                     {u"resolution"_s, u"loss"_s},
                                     {u"staff"_s, u"Alex"_s},
                                     {u"approvedBy"_s, approver}});
    };
    // Not a manager terminal.
    const Session pos = m_store->connect(u"POS-01"_s);
    QCOMPARE(text(pushOne(pos, resolve(1, id, u"Morgan"_s)), "code"), u"forbidden"_s);
    Session manager = m_store->connect(u"MGR-01"_s);
    // Approved by someone who is not a manager.
    const QJsonObject cashier = pushOne(manager, resolve(1, id, u"Alex"_s));
    QCOMPARE(text(cashier, "code"), u"forbidden"_s);
    QVERIFY(text(cashier, "message").contains(u"approvedBy"_s));
    // An unknown shortage.
    QCOMPARE(text(pushOne(manager, resolve(2, id + 100, u"Morgan"_s)), "code"),
             u"unknown_shortage"_s);
    // A recount against a stale version.
    const QJsonObject stale = WireClient::mutation(3, u"resolve"_s,
                                                   {{u"shortage"_s, id},
                                                    {u"resolution"_s, u"recount"_s},
                                                    {u"counted"_s, 9},
                                                    {u"expectedVersion"_s, 1},
                                                    {u"staff"_s, u"Morgan"_s},
                                                    {u"approvedBy"_s, u"Morgan"_s}});
    QCOMPARE(text(pushOne(manager, stale), "code"), u"version_conflict"_s);
    // A bad body names its field.
    const QJsonObject noResolution = WireClient::mutation(4, u"resolve"_s,
                                                          {{u"shortage"_s, id},
                                                           {u"resolution"_s, u"shrug"_s},
                                                           {u"staff"_s, u"A"_s},
                                                           {u"approvedBy"_s, u"Morgan"_s}});
    const QJsonObject invalid = pushOne(manager, noResolution);
    QCOMPARE(text(invalid, "code"), u"invalid"_s);
    QVERIFY(text(invalid, "message").contains(u"resolution"_s));
    // Nothing changed: still open, stock as it was.
    QCOMPARE(openShortages().size(), 1);
    QCOMPARE(summary(m_store->levelsNow().value(key(u"C3"_s, store1))), u"0/0/0"_s);
    // Resolved once, the second is refused.
    QCOMPARE(text(pushOne(manager, resolve(5, id, u"Morgan"_s)), "status"), u"applied"_s);
    const QJsonObject again = pushOne(manager, resolve(6, id, u"Morgan"_s));
    QCOMPARE(text(again, "code"), u"already_resolved"_s);
    QVERIFY(text(again, "message").contains(u"Morgan"_s));
}

QTEST_GUILESS_MAIN(TestServerStock)
#include "tst_serverstock.moc"
