// What the real stockline-server process sends connected terminals without being asked, and
// how it lets them go: every commit broadcast to every terminal (coalesced, with a higher
// cursor), changes written by admin commands while it serves, reservations expiring by its
// clock, revocation (4403) and a graceful stop (SIGTERM) with pushes in flight.
#include "serverfixture.h"

#include <QTest>

using namespace conformance;
using namespace Qt::StringLiterals;

namespace {

// What a careful client holds: levels and products by key, each stream applied only when its
// message's cursor is newer than the one that stream holds.
struct Replica
{
    QHash<QString, QJsonObject> levels;
    QHash<QString, QJsonObject> products;
    qint64 levelsCursor = -1;
    qint64 catalogCursor = -1;

    void apply(const QJsonObject& message)
    {
        const bool isLevels = text(message, "type") == QLatin1String("levels");
        qint64& held = isLevels ? levelsCursor : catalogCursor;
        QHash<QString, QJsonObject>& into = isLevels ? levels : products;
        if (integer(message, "cursor") <= held)
            return;
        held = integer(message, "cursor");
        if (message.value(QStringLiteral("full")).toBool())
            into.clear();
        const QString list = isLevels ? QStringLiteral("levels") : QStringLiteral("products");
        for (const QJsonValue v : message.value(list).toArray()) {
            const QJsonObject o = v.toObject();
            into.insert(isLevels ? key(text(o, "sku"), text(o, "location")) : text(o, "sku"), o);
        }
    }

    // Applies every levels and catalog message the client has received so far.
    void drain(WireClient& client)
    {
        for (const char* type : {"levels", "catalog"}) {
            for (QJsonObject m = client.take(QLatin1String(type), 0); !m.isEmpty();
                 m = client.take(QLatin1String(type), 0))
                apply(m);
        }
    }
};

} // namespace

class TestServerBroadcast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> m_store;

    // A release of a reservation nobody holds: always applied, changes nothing.
    static QJsonObject harmless(qint64 seq)
    {
        return release(seq, QStringLiteral("NOBODY-%1").arg(seq));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->create());
        QVERIFY(m_store->start());
    }

    void cleanup() { m_store.reset(); }

    // ---- broadcast and expiry

    void commitIsPushedToEveryOtherTerminal()
    {
        Session a = m_store->connect(u"POS-01"_s);
        Session b = m_store->connect(u"POS-02"_s);
        Session c = m_store->connect(u"DOCK-01"_s);
        QVERIFY(a.ok() && b.ok() && c.ok());
        const qint64 cursor = integer(b.welcome, "cursor");
        // Two levels changed by one push: one levels message.
        a->push({sale(1, u"S-1"_s, {line(u"A1"_s, 2)}), reserve(2, u"R-1"_s, u"B2"_s, 1)});
        QCOMPARE(a->takeResults(2).size(), 2);
        for (Session* other : {&b, &c}) {
            const QJsonObject levels = (*other)->take(u"levels"_s);
            QCOMPARE(levels.value(u"full"_s), QJsonValue(false));
            QVERIFY(integer(levels, "cursor") > cursor);
            const auto changed = levelsByKey(levels);
            QCOMPARE(changed.size(), 2);
            QCOMPARE(summary(changed.value(u"A1@store-1"_s)), u"8/0/8"_s);
            QCOMPARE(summary(changed.value(u"B2@store-1"_s)), u"5/1/4"_s);
            QCOMPARE(integer(changed.value(u"A1@store-1"_s), "version"), 2);
        }
        // The next commit comes as the next message.
        QCOMPARE(text(pushOne(a, release(3, u"R-1"_s)), "status"), u"applied"_s);
        const QJsonObject next = b->take(u"levels"_s);
        QCOMPARE(levelsByKey(next).keys(), QList<QString>{u"B2@store-1"_s});
        QCOMPARE(summary(levelsByKey(next).value(u"B2@store-1"_s)), u"5/0/5"_s);
    }

    // The admin commands write the database from another process while the server runs: what
    // they change reaches the connected terminals too, and no later delta hides it.
    void adminChangesWhileServingReachConnectedTerminals()
    {
        Session a = m_store->connect(u"POS-01"_s);
        QVERIFY(a.ok());
        Replica replica;
        replica.apply(a.levels);
        replica.apply(a.catalog);

        const QString products = m_store->path(u"products.csv"_s);
        QVERIFY(writeFile(products, "sku,barcode,name,price,tax_rate\n"
                                    "A1,4006381333931,Pencil HB,1.50,8.875\n"
                                    "N1,,New item,2.00,19\n"));
        QCOMPARE(m_store->server().admin({u"catalog"_s, u"import"_s, products}).exitCode, 0);
        const QString stock = m_store->path(u"stock.csv"_s);
        QVERIFY(writeFile(stock, "sku,location,qty\nN1,store-1,4\n"));
        QCOMPARE(m_store->server().admin({u"stock"_s, u"import"_s, stock}).exitCode, 0);
        // A terminal's commit after the admin's: its delta must not hide the admin's changes.
        const Session b = m_store->connect(u"POS-02"_s);
        QVERIFY(b.ok());
        QCOMPARE(text(pushOne(b, sale(1, u"S-1"_s, {line(u"A1"_s, 1)})), "status"), u"applied"_s);

        Replica truth;
        {
            const Session fresh = m_store->connect(u"OBS-01"_s);
            truth.apply(fresh.levels);
            truth.apply(fresh.catalog);
        }
        QCOMPARE(integer(truth.products.value(u"A1"_s), "price"), 150);
        QCOMPARE(summary(truth.levels.value(u"N1@store-1"_s)), u"4/0/4"_s);
        const bool converged = QTest::qWaitFor(
            [&] {
                replica.drain(*a.client);
                return replica.levels == truth.levels && replica.products == truth.products;
            },
            30'000);
        QVERIFY2(converged, qPrintable(u"A1 price %1, N1 %2, A1 %3"_s
                                           .arg(integer(replica.products.value(u"A1"_s), "price"))
                                           .arg(summary(replica.levels.value(u"N1@store-1"_s)),
                                                summary(replica.levels.value(u"A1@store-1"_s)))));
    }

    void adminChangeAloneIsPushed()
    {
        Session a = m_store->connect(u"POS-01"_s);
        QVERIFY(a.ok());
        const QString stock = m_store->path(u"stock.csv"_s);
        QVERIFY(writeFile(stock, "sku,location,qty\nC3,backroom-1,6\n"));
        QCOMPARE(m_store->server().admin({u"stock"_s, u"import"_s, stock}).exitCode, 0);
        const QJsonObject levels = a->take(u"levels"_s, 30'000);
        QVERIFY(integer(levels, "cursor") > integer(a.welcome, "cursor"));
        QCOMPARE(summary(levelsByKey(levels).value(u"C3@backroom-1"_s)), u"6/0/6"_s);
    }

    void reservationExpiresByTheServersClock()
    {
        Session pos = m_store->connect(u"POS-01"_s);
        Session other = m_store->connect(u"POS-02"_s);
        QVERIFY(pos.ok() && other.ok());
        QCOMPARE(text(pushOne(pos, reserve(1, u"R-1"_s, u"A1"_s, 3, 1)), "status"), u"applied"_s);
        QCOMPARE(summary(levelsByKey(other->take(u"levels"_s)).value(u"A1@store-1"_s)),
                 u"10/3/7"_s);
        // No client does anything: the server's sweep releases the hold and pushes it.
        const QJsonObject expired = other->take(u"levels"_s, 30'000);
        QCOMPARE(summary(levelsByKey(expired).value(u"A1@store-1"_s)), u"10/0/10"_s);
        QCOMPARE(summary(levelsByKey(pos->take(u"levels"_s, 30'000)).value(u"A1@store-1"_s)),
                 u"10/3/7"_s);
        QCOMPARE(summary(levelsByKey(pos->take(u"levels"_s, 30'000)).value(u"A1@store-1"_s)),
                 u"10/0/10"_s);
        QCOMPARE(m_store->server().terminate(), 0);
        const auto verify = m_store->server().admin({u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }

    // ---- revocation and shutdown

    void revokedWhileConnectedCloses4403()
    {
        Session doomed = m_store->connect(u"POS-02"_s);
        Session bystander = m_store->connect(u"POS-01"_s);
        QVERIFY(doomed.ok() && bystander.ok());
        const auto revoke = m_store->server().admin({u"terminal"_s, u"revoke"_s, u"POS-02"_s});
        QVERIFY2(revoke.exitCode == 0, revoke.err.constData());
        QCOMPARE(doomed->waitClosed(30'000), 4403);

        WireClient again;
        QVERIFY(again.open(m_store->server().url()));
        QVERIFY(again.hello(u"POS-02"_s, m_store->token(u"POS-02"_s)).isEmpty());
        QCOMPARE(text(again.take(u"error"_s), "code"), u"unauthorized"_s);
        QCOMPARE(again.waitClosed(), 4401);

        QVERIFY(bystander->isOpen());
        QCOMPARE(text(pushOne(bystander, harmless(1)), "status"), u"applied"_s);
    }

    void pushAfterRevocationIsNotApplied()
    {
        Session doomed = m_store->connect(u"POS-02"_s);
        QVERIFY(doomed.ok());
        QCOMPARE(m_store->server().admin({u"terminal"_s, u"revoke"_s, u"POS-02"_s}).exitCode, 0);
        // Whether the push or the revocation check gets there first: never applied.
        doomed->push({sale(1, u"S-1"_s, {line(u"A1"_s, 1)})});
        QCOMPARE(doomed->waitClosed(30'000), 4403);
        for (const QJsonObject& m : doomed->untaken())
            QVERIFY2(text(m, "type") != u"results"_s, qPrintable(compact(m)));
        QCOMPARE(summary(m_store->levelsNow().value(u"A1@store-1"_s)), u"10/0/10"_s);
    }

    void sigtermJustAfterListeningStopsCleanly()
    {
        QCOMPARE(m_store->server().terminate(), 0);
        QVERIFY2(m_store->server().output().contains("stopped"), m_store->server().output());
    }

    void sigtermAnswersPushesInFlightAndTheyAreDurable()
    {
        constexpr int pushes = 20;
        constexpr int perPush = 200;
        QList<QJsonArray> sent;
        {
            Session s = m_store->connect(u"POS-01"_s);
            QVERIFY(s.ok());
            for (int p = 0; p < pushes; ++p) {
                QJsonArray mutations;
                for (int i = 1; i <= perPush; ++i) {
                    const qint64 seq = p * perPush + i;
                    mutations.append(seq % 2 ? returned(seq, QStringLiteral("RT-%1").arg(seq),
                                                        items({{u"A1"_s, 1}}))
                                             : harmless(seq));
                }
                sent.append(mutations);
                s->push(mutations);
            }
            s->flush();
            m_store->server().requestTerminate();
            const int closeCode = s->waitClosed(60'000);
            QCOMPARE(closeCode, 1001); // going away, after the answers

            // Each push answered whole, with results for every seq or `unavailable` (not
            // applied). A push the server had not read yet when it stopped may go unanswered:
            // it was not in flight, and is not applied (checked below).
            QMap<qint64, QJsonObject> results;
            for (const QJsonObject& r : s->takeResults(pushes * perPush, 0))
                results.insert(integer(r, "seq"), r);
            int unavailable = 0;
            for (const QJsonObject& m : s->untaken()) {
                if (text(m, "type") == u"error"_s) {
                    QCOMPARE(text(m, "code"), u"unavailable"_s);
                    // It names its push by the push's first seq, which got no result.
                    const qint64 first = integer(m, "seq");
                    QCOMPARE((first - 1) % perPush, 0);
                    QVERIFY(!results.contains(first));
                    ++unavailable;
                }
            }
            QCOMPARE(results.size() % perPush, 0);
            const qsizetype unanswered = pushes - results.size() / perPush - unavailable;
            QVERIFY(unanswered >= 0);
            qInfo("of %d pushes: %lld answered with results, %d unavailable, %lld unread", pushes,
                  results.size() / perPush, unavailable, unanswered);
            // Applied in order: the answered seqs are 1..n.
            if (!results.isEmpty())
                QCOMPARE(results.lastKey(), results.size());
            QCOMPARE(m_store->server().waitForExit(), 0);

            QVERIFY(m_store->start());
            Session back = m_store->connect(u"POS-01"_s);
            QVERIFY(back.ok());
            // Everything applied was answered before the close: nothing beyond the results.
            QCOMPARE(integer(back.welcome, "lastSeq"), results.size());
            const qint64 onHand = 10 + (results.size() + 1) / 2; // every odd seq returned 1
            QCOMPARE(summary(levelsByKey(back.levels).value(u"A1@store-1"_s)),
                     QStringLiteral("%1/0/%1").arg(onHand));
            // The answered ones replay exactly; the rest apply now.
            for (const QJsonArray& mutations : std::as_const(sent))
                back->push(mutations);
            const QList<QJsonObject> again = back->takeResults(pushes * perPush, 60'000);
            QCOMPARE(again.size(), pushes * perPush);
            for (const QJsonObject& r : again) {
                const qint64 seq = integer(r, "seq");
                if (!results.contains(seq)) {
                    QVERIFY(!r.contains(u"replay"_s));
                    continue;
                }
                QJsonObject original = results.value(seq);
                original.insert(u"replay"_s, true);
                QCOMPARE(r, original);
            }
        }
        QCOMPARE(m_store->server().terminate(), 0);
        const auto verify = m_store->server().admin({u"verify"_s});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerBroadcast)
#include "tst_serverbroadcast.moc"
