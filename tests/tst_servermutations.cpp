// Conformance of the mutations half of PROTOCOL.md, against the real stockline-server process
// over real WebSockets: every kind applied, every rejection code with its extra fields, the
// role table, and exactly-once in seq order (replays, gaps, conflicts, rejections in between).
#include "serverfixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace conformance;
using namespace Qt::StringLiterals;

class TestServerMutations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> m_store;

    Session connect(const QString& terminal) { return m_store->connect(terminal); }

    // The level as a fresh connection sees it now.
    QString levelNow(const QString& sku, const QString& location = store1)
    {
        return summary(m_store->levelsNow().value(key(sku, location)));
    }

    // The levels message a push's commit broadcast to the pusher.
    static QHash<QString, QJsonObject> changedBy(const Session& s)
    {
        return levelsByKey(s->take(u"levels"_s));
    }

    static QString status(const QJsonObject& result) { return text(result, "status"); }

    // PO-9 from Pen Co to store-1: 10 of A1, 4 of B2.
    bool importDelivery()
    {
        const QString file = m_store->path(u"deliveries.csv"_s);
        return writeFile(file, "supplier,reference,location,sku,expected\n"
                               "Pen Co,PO-9,store-1,A1,10\n"
                               "Pen Co,PO-9,store-1,B2,4\n") &&
               m_store->server().admin({u"delivery"_s, u"import"_s, file}).exitCode == 0;
    }

    // A receive booked against PO-9.
    static QJsonObject against(qint64 seq, const QString& receipt, const QJsonArray& lines,
                               const QString& location = store1)
    {
        QJsonObject m = receive(seq, receipt, lines, location);
        m.insert(u"delivery"_s, u"PO-9"_s);
        return m;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->create());
        QVERIFY(m_store->start());
    }

    void cleanup() { m_store.reset(); }

    // ---- reserve and release

    void reserveHoldsOrRefusesWithAvailable()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        const QJsonObject held = pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 4));
        QCOMPARE(integer(held, "seq"), 1);
        QCOMPARE(status(held), u"applied"_s);
        QVERIFY(!held.contains(u"code"_s));
        QCOMPARE(summary(changedBy(pos).value(u"A1@store-1"_s)), u"10/4/6"_s);

        const QJsonObject refused = pushOne(pos, reserve(2, u"R-2"_s, u"A1"_s, 7));
        QCOMPARE(status(refused), u"rejected"_s);
        QCOMPARE(text(refused, "code"), u"insufficient_stock"_s);
        QVERIFY(refused.value(u"available"_s).isDouble());
        QCOMPARE(integer(refused, "available"), 6);

        QCOMPARE(status(pushOne(pos, reserve(3, u"R-3"_s, u"A1"_s, 6))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/10/0"_s);
    }

    void releaseOnlyOwnReservations()
    {
        const Session pos = connect(u"POS-01"_s);
        const Session other = connect(u"POS-02"_s);
        QVERIFY(pos.ok() && other.ok());
        QCOMPARE(status(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 2))), u"applied"_s);
        // Another terminal's R-1 is not its own: applied, no effect.
        QCOMPARE(status(pushOne(other, release(1, u"R-1"_s))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/2/8"_s);
        QCOMPARE(status(pushOne(pos, release(2, u"R-1"_s))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/0/10"_s);
        // Already gone, and never held: applied, no effect.
        QCOMPARE(status(pushOne(pos, release(3, u"R-1"_s))), u"applied"_s);
        QCOMPARE(status(pushOne(pos, release(4, u"NEVER"_s))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/0/10"_s);
    }

    // ---- sales

    void saleWithoutReservation()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QCOMPARE(status(pushOne(pos, sale(1, u"S-1"_s, {line(u"A1"_s, 3), line(u"B2"_s, 5)}))),
                 u"applied"_s);
        const auto changed = changedBy(pos);
        QCOMPARE(summary(changed.value(u"A1@store-1"_s)), u"7/0/7"_s);
        QCOMPARE(summary(changed.value(u"B2@store-1"_s)), u"0/0/0"_s);
    }

    void saleWithReservations()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QCOMPARE(status(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 4))), u"applied"_s);
        QCOMPARE(status(pushOne(pos, reserve(2, u"R-2"_s, u"B2"_s, 2))), u"applied"_s);
        // Others take everything else of A1: only the reservation covers the sale.
        const Session web = connect(u"WEB-01"_s);
        QVERIFY(web.ok());
        QCOMPARE(status(pushOne(web, reserve(1, u"W-1"_s, u"A1"_s, 6))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/10/0"_s);

        // A1: 4 from its reservation. B2: 2 from its reservation and 1 from available stock.
        QCOMPARE(
            status(pushOne(
                pos, sale(3, u"S-1"_s, {line(u"A1"_s, 4, u"R-1"_s), line(u"B2"_s, 3, u"R-2"_s)}))),
            u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"6/6/0"_s);
        QCOMPARE(levelNow(u"B2"_s), u"2/0/2"_s);
        // The reservation was used up: naming it again falls back to (no) stock.
        const QJsonObject again = pushOne(pos, sale(4, u"S-2"_s, {line(u"A1"_s, 1, u"R-1"_s)}));
        QCOMPARE(text(again, "code"), u"insufficient_stock"_s);
    }

    void multiLineSaleIsAllOrNothing()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        const QJsonObject r =
            pushOne(pos, sale(1, u"S-1"_s, {line(u"A1"_s, 2), line(u"B2"_s, 9), line(u"C3"_s, 1)}));
        QCOMPARE(status(r), u"rejected"_s);
        QCOMPARE(text(r, "code"), u"insufficient_stock"_s);
        // Per line, the units it could have had.
        QList<QPair<QString, qint64>> lines;
        for (const QJsonValue v : r.value(u"lines"_s).toArray())
            lines.append({text(v.toObject(), "sku"), integer(v.toObject(), "available")});
        QVERIFY2(lines.contains(QPair<QString, qint64>(u"B2"_s, 5)), qPrintable(compact(r)));
        for (const auto& [sku, available] : std::as_const(lines)) {
            if (sku == u"A1"_s)
                QCOMPARE(available, 10);
            else if (sku == u"C3"_s)
                QCOMPARE(available, 3);
        }
        const auto now = m_store->levelsNow();
        QCOMPARE(summary(now.value(u"A1@store-1"_s)), u"10/0/10"_s);
        QCOMPARE(summary(now.value(u"B2@store-1"_s)), u"5/0/5"_s);
        QCOMPARE(summary(now.value(u"C3@store-1"_s)), u"3/0/3"_s);
    }

    void saleNamingAnExpiredReservationFallsBackToStock()
    {
        const Session pos = connect(u"POS-01"_s);
        const Session other = connect(u"POS-02"_s);
        QVERIFY(pos.ok() && other.ok());
        QCOMPARE(status(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 8, 1))), u"applied"_s);
        QCOMPARE(summary(changedBy(pos).value(u"A1@store-1"_s)), u"10/8/2"_s);
        // The sweep releases it by the server's clock.
        const QJsonObject expired = pos->take(u"levels"_s, 30'000);
        QCOMPARE(summary(levelsByKey(expired).value(u"A1@store-1"_s)), u"10/0/10"_s);
        QCOMPARE(levelNow(u"A1"_s), u"10/0/10"_s);
        // Someone else holds 5 now: the expired hold covers nothing, stock covers 5.
        QCOMPARE(status(pushOne(other, reserve(1, u"W-1"_s, u"A1"_s, 5))), u"applied"_s);
        const QJsonObject refused = pushOne(pos, sale(2, u"S-1"_s, {line(u"A1"_s, 8, u"R-1"_s)}));
        QCOMPARE(text(refused, "code"), u"insufficient_stock"_s);
        const QJsonObject line0 = refused.value(u"lines"_s).toArray().at(0).toObject();
        QCOMPARE(text(line0, "sku"), u"A1"_s);
        QCOMPARE(integer(line0, "available"), 5);
        QCOMPARE(status(pushOne(pos, sale(3, u"S-2"_s, {line(u"A1"_s, 5, u"R-1"_s)}))),
                 u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"5/5/0"_s);
    }

    void offlineSaleBeyondStockRecordsAShortage()
    {
        const Session pos = connect(u"POS-01"_s);
        const Session dock = connect(u"DOCK-01"_s);
        const Session web = connect(u"WEB-01"_s);
        QVERIFY(pos.ok() && dock.ok() && web.ok());
        QCOMPARE(status(pushOne(web, reserve(1, u"W-1"_s, u"B2"_s, 2))), u"applied"_s);
        // C3: 3 on hand, 5 sold. B2: 5 on hand of which 2 held for the web shop, 4 sold.
        const QJsonObject r = pushOne(
            pos, sale(1, u"S-OFF"_s, {line(u"C3"_s, 5), line(u"B2"_s, 4), line(u"A1"_s, 1)}, true));
        QCOMPARE(status(r), u"applied"_s);
        QVERIFY(!r.contains(u"code"_s));
        // Extension: per SKU not fully covered, the units that were available.
        QHash<QString, qint64> covered;
        for (const QJsonValue v : r.value(u"shortages"_s).toArray())
            covered.insert(text(v.toObject(), "sku"), integer(v.toObject(), "available"));
        QCOMPARE(covered, (QHash<QString, qint64>{{u"C3"_s, 3}, {u"B2"_s, 3}}));

        // Never below zero; the web shop's hold stays.
        const auto now = m_store->levelsNow();
        QCOMPARE(summary(now.value(u"C3@store-1"_s)), u"0/0/0"_s);
        QCOMPARE(summary(now.value(u"B2@store-1"_s)), u"2/2/0"_s);
        QCOMPARE(summary(now.value(u"A1@store-1"_s)), u"9/0/9"_s);

        // Every connected terminal is told, the seller too.
        for (const Session* s : {&pos, &dock, &web}) {
            const QJsonObject message = (*s)->take(u"shortages"_s);
            const QJsonArray list = message.value(u"shortages"_s).toArray();
            QCOMPARE(list.size(), 2);
            QHash<QString, QJsonObject> bySku;
            for (const QJsonValue v : list)
                bySku.insert(text(v.toObject(), "sku"), v.toObject());
            const QJsonObject c3 = bySku.value(u"C3"_s);
            QCOMPARE(integer(c3, "qty"), 2);
            QCOMPARE(text(c3, "location"), store1);
            QCOMPARE(text(c3, "terminal"), u"POS-01"_s);
            QCOMPARE(text(c3, "sale"), u"S-OFF"_s);
            QVERIFY(isUtcTime(text(c3, "at")));
            QVERIFY(integer(c3, "id") > 0);
            QCOMPARE(integer(bySku.value(u"B2"_s), "qty"), 1);
        }
        // A terminal connecting later gets the open ones with its welcome.
        const Session late = connect(u"POS-02"_s);
        QCOMPARE(late.shortages.value(u"shortages"_s).toArray().size(), 2);

        const auto show = m_store->server().admin({u"stock"_s, u"show"_s});
        QCOMPARE(show.exitCode, 0);
        const QString shown = QString::fromUtf8(show.out).simplified();
        QVERIFY2(shown.contains(u"open shortage exceptions: 2"_s), show.out.constData());
        QVERIFY2(
            shown.contains(u"C3 at store-1: 2 sold offline beyond stock by POS-01 (sale S-OFF"_s),
            show.out.constData());
        QVERIFY2(shown.contains(u"B2 at store-1: 1 sold offline beyond stock by POS-01"_s),
                 show.out.constData());
        QCOMPARE(m_store->server().terminate(), 0);
        const auto verify = m_store->server().admin({u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());

        // A manager resolves one through the command line.
        const QString id = QString::number(
            integer(late.shortages.value(u"shortages"_s).toArray().at(0).toObject(), "id"));
        QCOMPARE(m_store->server().admin({u"shortage"_s, u"resolve"_s, id}).exitCode, 0);
        const auto after = m_store->server().admin({u"stock"_s, u"show"_s});
        QVERIFY2(after.out.contains("open shortage exceptions: 1"), after.out.constData());
        QVERIFY(m_store->start());
        QCOMPARE(connect(u"POS-02"_s).shortages.value(u"shortages"_s).toArray().size(), 1);
    }

    // ---- stock in

    void returnAddsStock()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QCOMPARE(status(pushOne(
                     pos, returned(1, u"RT-1"_s, items({{u"A1"_s, 2}, {u"D4"_s, 1}}), u"S-9"_s))),
                 u"applied"_s);
        const auto changed = changedBy(pos);
        QCOMPARE(summary(changed.value(u"A1@store-1"_s)), u"12/0/12"_s);
        // A level that did not exist yet is created.
        QCOMPARE(summary(changed.value(u"D4@store-1"_s)), u"1/0/1"_s);
        QCOMPARE(integer(changed.value(u"D4@store-1"_s), "version"), 1);
    }

    void receiveAddsStock()
    {
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(dock.ok());
        QCOMPARE(status(pushOne(
                     dock, receive(1, u"RC-1"_s, items({{u"A1"_s, 5}, {u"C3"_s, 7}}), backroom))),
                 u"applied"_s);
        const auto changed = changedBy(dock);
        QCOMPARE(summary(changed.value(u"A1@backroom-1"_s)), u"25/0/25"_s);
        QCOMPARE(summary(changed.value(u"C3@backroom-1"_s)), u"7/0/7"_s);
    }

    // ---- receiving against an expected delivery (extension, sync/PROTOCOL.md)

    void deliveryInPartsFromTwoDocksIsNeverBookedTwice()
    {
        QVERIFY(importDelivery());
        const Session dock = connect(u"DOCK-01"_s);
        const Session manager = connect(u"MGR-01"_s);
        QVERIFY(dock.ok() && manager.ok());
        QCOMPARE(status(pushOne(dock, against(1, u"RC-1"_s, items({{u"A1"_s, 6}})))), u"applied"_s);
        // The second part, from another dock, with one damaged unit kept off the shelf.
        QJsonObject part = against(1, u"RC-2"_s, items({{u"A1"_s, 4}, {u"B2"_s, 3}}));
        part.insert(u"rejected"_s, items({{u"B2"_s, 1}}));
        QCOMPARE(status(pushOne(manager, part)), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"20/0/20"_s);
        QCOMPARE(levelNow(u"B2"_s), u"8/0/8"_s);

        // The same goods counted again: refused, with what the delivery still expects.
        const QJsonObject twice = pushOne(dock, against(2, u"RC-3"_s, items({{u"A1"_s, 1}})));
        QCOMPARE(status(twice), u"rejected"_s);
        QCOMPARE(text(twice, "code"), u"over_expected"_s);
        const QJsonObject line = twice.value(u"lines"_s).toArray().at(0).toObject();
        QCOMPARE(text(line, "sku"), u"A1"_s);
        QCOMPARE(integer(line, "available"), 0);
        QCOMPARE(levelNow(u"A1"_s), u"20/0/20"_s);

        // More than expected, knowingly (within the dock's tolerance, or approved): booked.
        QJsonObject over = against(3, u"RC-4"_s, items({{u"A1"_s, 1}}));
        over.insert(u"over"_s, true);
        QCOMPARE(status(pushOne(dock, over)), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"21/0/21"_s);

        const QByteArray list = m_store->server().admin({u"delivery"_s, u"list"_s}).out;
        QVERIFY2(list.simplified().contains("PO-9 Pen Co store-1 A1 10 11 0"), list.constData());
        QVERIFY2(list.simplified().contains("PO-9 Pen Co store-1 B2 4 3 1"), list.constData());
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
    }

    // Docks hear of an import at once, and of every part received, with the new figures; a
    // till never hears of deliveries.
    void deliveriesReachDocksAsTheyChange()
    {
        const Session dock = connect(u"DOCK-01"_s);
        const Session manager = connect(u"MGR-01"_s);
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(dock.ok() && manager.ok() && pos.ok());
        QCOMPARE(dock->take(u"deliveries"_s).value(u"deliveries"_s).toArray().size(), 0);
        QVERIFY(importDelivery());
        const QJsonArray imported = dock->take(u"deliveries"_s).value(u"deliveries"_s).toArray();
        QCOMPARE(imported.size(), 1);
        const QJsonObject delivery = imported.at(0).toObject();
        QCOMPARE(text(delivery, "reference"), u"PO-9"_s);
        QCOMPARE(text(delivery, "supplier"), u"Pen Co"_s);
        QCOMPARE(text(delivery, "location"), u"store-1"_s);
        QCOMPARE(delivery.value(u"lines"_s).toArray().size(), 2);

        QCOMPARE(status(pushOne(manager, against(1, u"RC-1"_s, items({{u"A1"_s, 6}})))),
                 u"applied"_s);
        const QJsonObject after = dock->take(u"deliveries"_s)
                                      .value(u"deliveries"_s)
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(u"lines"_s)
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(text(after, "sku"), u"A1"_s);
        QCOMPARE(integer(after, "expected"), 10);
        QCOMPARE(integer(after, "received"), 6);
        QCOMPARE(integer(after, "rejected"), 0);
        QTest::qWait(200);
        for (const QJsonObject& m : pos->untaken())
            QVERIFY2(text(m, "type") != u"deliveries"_s, "a till was sent deliveries");
    }

    void deliveryRefusals_data()
    {
        QTest::addColumn<QJsonObject>("mutation");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("names"); // in the message
        QJsonObject unknown = against(1, u"RC-1"_s, items({{u"A1"_s, 1}}));
        unknown.insert(u"delivery"_s, u"PO-404"_s);
        QTest::newRow("unknown delivery") << unknown << u"unknown_delivery"_s << u"PO-404"_s;
        QTest::newRow("another location")
            << against(1, u"RC-1"_s, items({{u"A1"_s, 1}}), backroom) << u"invalid"_s
            << u"location: delivery PO-9 goes to store-1"_s;
        QTest::newRow("not on the delivery")
            << against(1, u"RC-1"_s, items({{u"C3"_s, 1}})) << u"invalid"_s
            << u"lines[0].sku: C3 is not on delivery PO-9"_s;
        QJsonObject loose = receive(1, u"RC-1"_s, items({{u"A1"_s, 1}}));
        loose.insert(u"rejected"_s, items({{u"A1"_s, 1}}));
        QTest::newRow("rejected without a delivery")
            << loose << u"invalid"_s << u"delivery: rejected and over need a delivery"_s;
    }
    void deliveryRefusals()
    {
        QFETCH(QJsonObject, mutation);
        QFETCH(QString, code);
        QFETCH(QString, names);
        QVERIFY(importDelivery());
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(dock.ok());
        const QJsonObject result = pushOne(dock, mutation);
        QCOMPARE(status(result), u"rejected"_s);
        QCOMPARE(text(result, "code"), code);
        QVERIFY2(text(result, "message").contains(names), qPrintable(text(result, "message")));
        QCOMPARE(levelNow(u"A1"_s), u"10/0/10"_s);
        QCOMPARE(levelNow(u"A1"_s, backroom), u"20/0/20"_s);
    }

    // ---- counts, transfers, adjustments

    void countChecksTheVersion()
    {
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(dock.ok());
        const qint64 version = integer(levelsByKey(dock.levels).value(u"A1@store-1"_s), "version");
        QCOMPARE(status(pushOne(dock, count(1, u"A1"_s, 8, version))), u"applied"_s);
        const QJsonObject counted = changedBy(dock).value(u"A1@store-1"_s);
        QCOMPARE(summary(counted), u"8/0/8"_s);
        QCOMPARE(integer(counted, "version"), version + 1);

        const QJsonObject stale = pushOne(dock, count(2, u"A1"_s, 5, version));
        QCOMPARE(status(stale), u"rejected"_s);
        QCOMPARE(text(stale, "code"), u"version_conflict"_s);
        const QJsonObject level = stale.value(u"level"_s).toObject();
        QCOMPARE(text(level, "sku"), u"A1"_s);
        QCOMPARE(text(level, "location"), store1);
        QCOMPARE(summary(level), u"8/0/8"_s);
        QCOMPARE(integer(level, "version"), version + 1);
        QCOMPARE(levelNow(u"A1"_s), u"8/0/8"_s);

        // A level that does not exist yet is at version 0.
        const QJsonObject missing = pushOne(dock, count(3, u"C3"_s, 4, 2, backroom));
        QCOMPARE(text(missing, "code"), u"version_conflict"_s);
        QCOMPARE(summary(missing.value(u"level"_s).toObject()), u"0/0/0"_s);
        QCOMPARE(integer(missing.value(u"level"_s).toObject(), "version"), 0);
        QCOMPARE(status(pushOne(dock, count(4, u"C3"_s, 4, 0, backroom))), u"applied"_s);
        QCOMPARE(summary(changedBy(dock).value(u"C3@backroom-1"_s)), u"4/0/4"_s);
    }

    void countBelowReservationsKeepsReservedWithinOnHand()
    {
        const Session pos = connect(u"POS-01"_s);
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(pos.ok() && dock.ok());
        QCOMPARE(status(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 6))), u"applied"_s);
        const qint64 version = integer(changedBy(pos).value(u"A1@store-1"_s), "version");
        QCOMPARE(status(pushOne(dock, count(1, u"A1"_s, 4, version))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"4/4/0"_s);
    }

    void transferIsAllOrNothing()
    {
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(dock.ok());
        QCOMPARE(status(pushOne(dock, transfer(1, u"T-1"_s, u"A1"_s, backroom, store1, 5))),
                 u"applied"_s);
        const auto changed = changedBy(dock);
        QCOMPARE(summary(changed.value(u"A1@backroom-1"_s)), u"15/0/15"_s);
        QCOMPARE(summary(changed.value(u"A1@store-1"_s)), u"15/0/15"_s);

        const QJsonObject refused =
            pushOne(dock, transfer(2, u"T-2"_s, u"A1"_s, backroom, store1, 16));
        QCOMPARE(status(refused), u"rejected"_s);
        QCOMPARE(text(refused, "code"), u"insufficient_stock"_s);
        QCOMPARE(integer(refused, "available"), 15);
        const auto now = m_store->levelsNow();
        QCOMPARE(summary(now.value(u"A1@backroom-1"_s)), u"15/0/15"_s);
        QCOMPARE(summary(now.value(u"A1@store-1"_s)), u"15/0/15"_s);
    }

    void adjustNegativeOnlyWithinAvailable()
    {
        const Session pos = connect(u"POS-01"_s);
        const Session dock = connect(u"DOCK-01"_s);
        QVERIFY(pos.ok() && dock.ok());
        QCOMPARE(status(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 4))), u"applied"_s);
        QCOMPARE(status(pushOne(dock, adjust(1, u"A1"_s, 3))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"13/4/9"_s);
        const QJsonObject refused = pushOne(dock, adjust(2, u"A1"_s, -10));
        QCOMPARE(status(refused), u"rejected"_s);
        QCOMPARE(text(refused, "code"), u"insufficient_stock"_s);
        QCOMPARE(integer(refused, "available"), 9);
        QCOMPARE(levelNow(u"A1"_s), u"13/4/9"_s);
        QCOMPARE(status(pushOne(dock, adjust(3, u"A1"_s, -9))), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"4/4/0"_s);
    }

    // ---- the role table

    void roleTable_data()
    {
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("allowed");
        const QList<std::pair<QString, QStringList>> roles = {
            {u"POS-01"_s, {u"reserve"_s, u"release"_s, u"sale"_s, u"return"_s}},
            {u"DOCK-01"_s, {u"receive"_s, u"count"_s, u"transfer"_s, u"adjust"_s}},
            {u"WEB-01"_s, {u"reserve"_s, u"release"_s, u"sale"_s, u"return"_s}},
            {u"MGR-01"_s,
             {u"reserve"_s, u"release"_s, u"sale"_s, u"return"_s, u"receive"_s, u"count"_s,
              u"transfer"_s, u"adjust"_s}},
        };
        const QStringList kinds = {u"reserve"_s, u"release"_s, u"sale"_s,     u"return"_s,
                                   u"receive"_s, u"count"_s,   u"transfer"_s, u"adjust"_s};
        for (const auto& [terminal, may] : roles)
            for (const QString& kind : kinds)
                QTest::addRow("%s %s", qPrintable(terminal), qPrintable(kind))
                    << terminal << kind << may.contains(kind);
    }

    void roleTable()
    {
        QFETCH(QString, terminal);
        QFETCH(QString, kind);
        QFETCH(bool, allowed);
        const Session s = connect(terminal);
        QVERIFY(s.ok());
        const QJsonObject r = pushOne(s, anyOfKind(kind));
        if (allowed) {
            QVERIFY2(status(r) == u"applied"_s, qPrintable(compact(r)));
            return;
        }
        QCOMPARE(status(r), u"rejected"_s);
        QCOMPARE(text(r, "code"), u"forbidden"_s);
        QCOMPARE(integer(r, "seq"), 1);
        // Nothing moved, and the seq counts as processed.
        const auto now = m_store->levelsNow();
        for (const auto& [k, onHand] : seedStock())
            QCOMPARE(summary(now.value(k)), QStringLiteral("%1/0/%1").arg(onHand));
        QCOMPARE(m_store->lastSeqNow(terminal), 1);
    }

    // ---- unknown references and bad bodies

    void unknownReference_data()
    {
        QTest::addColumn<QJsonObject>("mutation");
        QTest::addColumn<QString>("code");
        const QString nope = u"NOPE"_s;
        QTest::newRow("reserve sku") << reserve(1, u"R-1"_s, nope, 1) << u"unknown_sku"_s;
        QTest::newRow("reserve location")
            << reserve(1, u"R-1"_s, u"A1"_s, 1, 600, nope) << u"unknown_location"_s;
        QTest::newRow("sale line sku")
            << sale(1, u"S-1"_s, {line(u"A1"_s, 1), line(nope, 1)}) << u"unknown_sku"_s;
        QTest::newRow("offline sale sku")
            << sale(1, u"S-1"_s, {line(nope, 1)}, true) << u"unknown_sku"_s;
        QTest::newRow("sale location")
            << sale(1, u"S-1"_s, {line(u"A1"_s, 1)}, false, nope) << u"unknown_location"_s;
        QTest::newRow("return sku")
            << returned(1, u"RT-1"_s, items({{nope, 1}})) << u"unknown_sku"_s;
        QTest::newRow("receive sku")
            << receive(1, u"RC-1"_s, items({{nope, 1}})) << u"unknown_sku"_s;
        QTest::newRow("receive location")
            << receive(1, u"RC-1"_s, items({{u"A1"_s, 1}}), nope) << u"unknown_location"_s;
        QTest::newRow("count sku") << count(1, nope, 1, 0) << u"unknown_sku"_s;
        QTest::newRow("transfer from")
            << transfer(1, u"T-1"_s, u"A1"_s, nope, store1, 1) << u"unknown_location"_s;
        QTest::newRow("transfer to")
            << transfer(1, u"T-1"_s, u"A1"_s, backroom, nope, 1) << u"unknown_location"_s;
        QTest::newRow("adjust sku") << adjust(1, nope, 1) << u"unknown_sku"_s;
    }

    void unknownReference()
    {
        QFETCH(QJsonObject, mutation);
        QFETCH(QString, code);
        const Session s = connect(u"MGR-01"_s);
        QVERIFY(s.ok());
        const QJsonObject r = pushOne(s, mutation);
        QCOMPARE(status(r), u"rejected"_s);
        QCOMPARE(text(r, "code"), code);
        QCOMPARE(integer(r, "seq"), 1);
        // Processed: the next seq is 2.
        QCOMPARE(status(pushOne(s, release(2, u"X"_s))), u"applied"_s);
        const auto now = m_store->levelsNow();
        for (const auto& [k, onHand] : seedStock())
            QCOMPARE(summary(now.value(k)), QStringLiteral("%1/0/%1").arg(onHand));
    }

    void invalidBody_data()
    {
        QTest::addColumn<QJsonObject>("mutation");
        QTest::addColumn<QString>("field");
        const auto with = [](QJsonObject m, const QString& name, const QJsonValue& value) {
            if (value.isUndefined())
                m.remove(name);
            else
                m.insert(name, value);
            return m;
        };
        const QJsonObject r = reserve(1, u"R-1"_s, u"A1"_s, 2);
        QTest::newRow("qty 0") << with(r, u"qty"_s, 0) << u"qty"_s;
        QTest::newRow("qty negative") << with(r, u"qty"_s, -1) << u"qty"_s;
        QTest::newRow("qty a string") << with(r, u"qty"_s, u"2"_s) << u"qty"_s;
        QTest::newRow("ttl 0") << with(r, u"ttl"_s, 0) << u"ttl"_s;
        QTest::newRow("ttl over a day") << with(r, u"ttl"_s, 86'401) << u"ttl"_s;
        QTest::newRow("sku missing") << with(r, u"sku"_s, QJsonValue::Undefined) << u"sku"_s;
        QTest::newRow("reservation bad id")
            << with(r, u"reservation"_s, u"a b"_s) << u"reservation"_s;
        QTest::newRow("kind unknown") << with(r, u"kind"_s, u"steal"_s) << u"kind"_s;
        QTest::newRow("kind missing") << with(r, u"kind"_s, QJsonValue::Undefined) << u"kind"_s;
        QTest::newRow("at without zone") << with(r, u"at"_s, u"2026-11-22T10:00:00"_s) << u"at"_s;
        const QJsonObject s = sale(1, u"S-1"_s, {line(u"A1"_s, 1)});
        QTest::newRow("sale without lines") << with(s, u"lines"_s, QJsonArray()) << u"lines"_s;
        QTest::newRow("sale line qty a string")
            << with(s, u"lines"_s,
                    QJsonArray{
                        QJsonObject{{u"sku"_s, u"A1"_s}, {u"qty"_s, u"1"_s}, {u"price"_s, 100}}})
            << u"lines[0].qty"_s;
        QTest::newRow("count counted negative") << count(1, u"A1"_s, -1, 1) << u"counted"_s;
        QTest::newRow("transfer to itself")
            << transfer(1, u"T-1"_s, u"A1"_s, store1, store1, 1) << u"to"_s;
        QTest::newRow("adjust by 0") << adjust(1, u"A1"_s, 0) << u"delta"_s;
    }

    void invalidBody()
    {
        QFETCH(QJsonObject, mutation);
        QFETCH(QString, field);
        const Session s = connect(u"MGR-01"_s);
        QVERIFY(s.ok());
        const QJsonObject r = pushOne(s, mutation);
        QCOMPARE(integer(r, "seq"), 1);
        QCOMPARE(status(r), u"rejected"_s);
        QCOMPARE(text(r, "code"), u"invalid"_s);
        // The message names the field, as "field: what is wrong".
        const QString message = text(r, "message");
        QVERIFY2(message.startsWith(field + u':'), qPrintable(message));
        // The seq counts as processed: the next one is 2, and a resend is a replay.
        QCOMPARE(status(pushOne(s, release(2, u"X"_s))), u"applied"_s);
        QCOMPARE(m_store->lastSeqNow(u"MGR-01"_s), 2);
        s->push({mutation});
        QCOMPARE(s->takeResults(1).value(0).value(u"replay"_s), QJsonValue(true));
    }

    // ---- exactly once, in order

    void sameSeqsTwiceAreAppliedOnce()
    {
        const QJsonArray batch = {reserve(1, u"R-1"_s, u"A1"_s, 3),
                                  sale(2, u"S-1"_s, {line(u"A1"_s, 2)}),
                                  reserve(3, u"R-2"_s, u"A1"_s, 99), release(4, u"R-1"_s)};
        QList<QJsonObject> first;
        {
            const Session pos = connect(u"POS-01"_s);
            QVERIFY(pos.ok());
            pos->push(batch);
            first = pos->takeResults(4);
            QCOMPARE(first.size(), 4);
            QCOMPARE(text(first[2], "code"), u"insufficient_stock"_s);
            for (const QJsonObject& r : std::as_const(first))
                QVERIFY(!r.contains(u"replay"_s));
            QCOMPARE(levelNow(u"A1"_s), u"8/0/8"_s);

            pos->push(batch);
            const QList<QJsonObject> second = pos->takeResults(4);
            QCOMPARE(second.size(), 4);
            for (int i = 0; i < 4; ++i) {
                QJsonObject expected = first[i];
                expected.insert(u"replay"_s, true);
                QCOMPARE(second[i], expected);
            }
            QCOMPARE(levelNow(u"A1"_s), u"8/0/8"_s);
        }
        // After a reconnect too.
        const Session back = connect(u"POS-01"_s);
        QVERIFY(back.ok());
        QCOMPARE(integer(back.welcome, "lastSeq"), 4);
        back->push(batch);
        const QList<QJsonObject> third = back->takeResults(4);
        QCOMPARE(third.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QJsonObject expected = first[i];
            expected.insert(u"replay"_s, true);
            QCOMPARE(third[i], expected);
        }
        QCOMPARE(levelNow(u"A1"_s), u"8/0/8"_s);
    }

    void replaysThenNewInOnePush()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        const QJsonObject one = sale(1, u"S-1"_s, {line(u"A1"_s, 1)});
        const QJsonObject two = sale(2, u"S-2"_s, {line(u"A1"_s, 1)});
        pos->push({one, two});
        QCOMPARE(pos->takeResults(2).size(), 2);
        pos->push({one, two, sale(3, u"S-3"_s, {line(u"A1"_s, 1)})});
        const QList<QJsonObject> r = pos->takeResults(3);
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].value(u"replay"_s), QJsonValue(true));
        QCOMPARE(r[1].value(u"replay"_s), QJsonValue(true));
        QCOMPARE(integer(r[2], "seq"), 3);
        QCOMPARE(status(r[2]), u"applied"_s);
        QVERIFY(!r[2].contains(u"replay"_s));
        QCOMPARE(levelNow(u"A1"_s), u"7/0/7"_s);
    }

    void gapIsRefusedAndNothingAfterItApplied()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QCOMPARE(status(pushOne(pos, sale(1, u"S-1"_s, {line(u"A1"_s, 1)}))), u"applied"_s);
        pos->push({sale(3, u"S-3"_s, {line(u"A1"_s, 1)}), sale(4, u"S-4"_s, {line(u"A1"_s, 1)})});
        const QJsonObject gap = pos->take(u"error"_s);
        QCOMPARE(text(gap, "code"), u"sequence_gap"_s);
        QCOMPARE(integer(gap, "expected"), 2);
        QCOMPARE(integer(gap, "seq"), 3);
        QVERIFY(pos->isOpen());
        QCOMPARE(levelNow(u"A1"_s), u"9/0/9"_s);
        QCOMPARE(m_store->lastSeqNow(u"POS-01"_s), 1);
        // Filling the gap applies all three.
        pos->push({sale(2, u"S-2"_s, {line(u"A1"_s, 1)}), sale(3, u"S-3"_s, {line(u"A1"_s, 1)}),
                   sale(4, u"S-4"_s, {line(u"A1"_s, 1)})});
        const QList<QJsonObject> r = pos->takeResults(3);
        QCOMPARE(r.size(), 3);
        for (const QJsonObject& result : r)
            QCOMPARE(status(result), u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"6/0/6"_s);
    }

    void gapOnAFreshTerminal()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        pos->push({sale(2, u"S-2"_s, {line(u"A1"_s, 1)})});
        const QJsonObject gap = pos->take(u"error"_s);
        QCOMPARE(text(gap, "code"), u"sequence_gap"_s);
        QCOMPARE(integer(gap, "expected"), 1);
        QCOMPARE(levelNow(u"A1"_s), u"10/0/10"_s);
    }

    void replayWithAnotherIdIsAConflict()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        const QJsonObject one = sale(1, u"S-1"_s, {line(u"A1"_s, 1)});
        pos->push({one, sale(2, u"S-2"_s, {line(u"A1"_s, 1)})});
        QCOMPARE(pos->takeResults(2).size(), 2);
        // seq 2 again, but a new mutation: it must not be swallowed as a replay.
        pos->push(
            {one, sale(2, u"S-2b"_s, {line(u"A1"_s, 5)}), sale(3, u"S-3"_s, {line(u"A1"_s, 1)})});
        const QJsonObject conflict = pos->take(u"error"_s);
        QCOMPARE(text(conflict, "code"), u"sequence_conflict"_s);
        QCOMPARE(integer(conflict, "seq"), 2);
        QVERIFY(pos->isOpen());
        // Nothing applied: not the new seq 2, not seq 3.
        QCOMPARE(levelNow(u"A1"_s), u"8/0/8"_s);
        QCOMPARE(m_store->lastSeqNow(u"POS-01"_s), 2);
        // What came before the conflict in that push was answered as a replay.
        const QList<QJsonObject> replayed = pos->takeResults(1);
        QCOMPARE(replayed.size(), 1);
        QCOMPARE(integer(replayed[0], "seq"), 1);
        QCOMPARE(replayed[0].value(u"replay"_s), QJsonValue(true));
    }

    void rejectionsNeverBlockWhatFollows()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QJsonObject bad = reserve(4, u"R-4"_s, u"A1"_s, 1);
        bad.insert(u"qty"_s, -3);
        pos->push({reserve(1, u"R-1"_s, u"A1"_s, 11), sale(2, u"S-2"_s, {line(u"A1"_s, 2)}),
                   adjust(3, u"A1"_s, -1), bad, reserve(5, u"R-5"_s, u"NOPE"_s, 1),
                   sale(6, u"S-6"_s, {line(u"A1"_s, 1)})});
        const QList<QJsonObject> r = pos->takeResults(6);
        QCOMPARE(r.size(), 6);
        QStringList outcome;
        for (const QJsonObject& result : r)
            outcome.append(
                QStringLiteral("%1:%2")
                    .arg(integer(result, "seq"))
                    .arg(status(result) == u"applied"_s ? status(result) : text(result, "code")));
        QCOMPARE(outcome, (QStringList{u"1:insufficient_stock"_s, u"2:applied"_s, u"3:forbidden"_s,
                                       u"4:invalid"_s, u"5:unknown_sku"_s, u"6:applied"_s}));
        QCOMPARE(levelNow(u"A1"_s), u"7/0/7"_s);
        QCOMPARE(m_store->lastSeqNow(u"POS-01"_s), 6);
    }
};

QTEST_GUILESS_MAIN(TestServerMutations)
#include "tst_servermutations.moc"
