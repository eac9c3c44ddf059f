// Conformance of PROTOCOL.md's "Receipts on the server", `receipt`, `day` and `cash`, against the
// real stockline-server process over real WebSockets (raw JSON) and its command line: every
// sale's receipt stored exactly once, refunds decided against what is left of each sale line,
// the welcome's counters, cash drawers and the day report.
#include "serverfixture.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace conformance;
using namespace Qt::StringLiterals;

namespace {

const QString day = u"2026-11-22"_s; // WireClient's mutations are all of 2026-11-22T10:00Z

// 3 × A1 at 1.00, 0.10 off the line, 8.875 % tax: net 2.90, tax 0.26, total 3.16; paid 5.00
// cash with 1.84 change (the example of sync/PROTOCOL.md).
QJsonObject saleWithReceipt(qint64 seq, const QString& number, const QString& drawer = {},
                            qint64 discount = 10)
{
    QJsonObject m = sale(seq, number, {WireClient::saleLine(u"A1"_s, 3, 97)});
    const qint64 net = 300 - discount;
    const qint64 tax =
        stockline::TaxRate::fromMilliPercent(8875).taxOn(stockline::Money::fromMinor(net)).minor();
    m.insert(u"payments"_s,
             QJsonArray{QJsonObject{{u"method"_s, u"cash"_s}, {u"amount"_s, 500}},
                        QJsonObject{{u"method"_s, u"cash"_s}, {u"amount"_s, net + tax - 500}}});
    QJsonObject receipt{{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"A1"_s},
                                                            {u"name"_s, u"Pencil HB"_s},
                                                            {u"qty"_s, 3},
                                                            {u"unitPrice"_s, 100},
                                                            {u"discount"_s, discount},
                                                            {u"taxRate"_s, 8.875},
                                                            {u"tax"_s, tax},
                                                            {u"total"_s, net + tax}}}},
                        {u"net"_s, net},
                        {u"tax"_s, tax},
                        {u"total"_s, net + tax}};
    if (!drawer.isEmpty())
        receipt.insert(u"cashSession"_s, drawer);
    m.insert(u"staff"_s, u"Ana"_s);
    m.insert(u"receipt"_s, receipt);
    return m;
}

// Refunds `qty` of line 1 (A1) of `saleNumber`, paying back `amount` (tax `tax`) by card.
QJsonObject refund(qint64 seq, const QString& number, const QString& saleNumber, qint64 qty,
                   qint64 amount, qint64 tax, bool offline = false)
{
    QJsonObject m = returned(seq, number, items({{u"A1"_s, qty}}), saleNumber);
    m.insert(u"refund"_s,
             QJsonObject{{u"staff"_s, u"Ana"_s},
                         {u"lines"_s, QJsonArray{QJsonObject{{u"line"_s, 1},
                                                             {u"sku"_s, u"A1"_s},
                                                             {u"qty"_s, qty},
                                                             {u"amount"_s, amount},
                                                             {u"tax"_s, tax}}}},
                         {u"payments"_s,
                          QJsonArray{QJsonObject{{u"method"_s, u"card"_s}, {u"amount"_s, amount}}}},
                         {u"total"_s, amount}});
    if (offline)
        m.insert(u"offline"_s, true);
    return m;
}

QJsonObject cash(qint64 seq, const QString& session, const QString& event, qint64 amount,
                 const QJsonObject& more = {})
{
    QJsonObject fields{{u"session"_s, session},
                       {u"event"_s, event},
                       {u"staff"_s, u"Ana"_s},
                       {u"amount"_s, amount}};
    for (auto it = more.begin(); it != more.end(); ++it)
        fields.insert(it.key(), it.value());
    return WireClient::mutation(seq, u"cash"_s, fields);
}

QString status(const QJsonObject& result)
{
    return text(result, "status");
}

} // namespace

class TestServerReceipts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Store> m_store;

    Session connect(const QString& terminal) { return m_store->connect(terminal); }

    QString levelNow(const QString& sku)
    {
        return summary(m_store->levelsNow().value(key(sku, store1)));
    }

    // The `receipt` reply a terminal gets for `number`.
    static QJsonObject lookUp(const Session& s, const QString& number)
    {
        s->send(QJsonObject{
            {u"type"_s, u"receipt"_s}, {u"request"_s, u"q-1"_s}, {u"number"_s, number}});
        return s->take(u"receipt"_s);
    }

    static QJsonObject dayReply(const Session& s, const QString& date)
    {
        s->send(QJsonObject{{u"type"_s, u"day"_s}, {u"request"_s, u"d-1"_s}, {u"date"_s, date}});
        return s->take(u"day"_s);
    }

    // The refund exceptions of `day report --json`, read from the command line as IT does.
    QJsonArray refundExceptions()
    {
        const auto report =
            m_store->server().admin({u"day"_s, u"report"_s, u"--date"_s, day, u"--json"_s});
        if (report.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(report.out).object().value(u"refundExceptions"_s).toArray();
    }

    static QJsonObject firstLine(const QJsonObject& reply)
    {
        return reply.value(u"receipt"_s).toObject().value(u"lines"_s).toArray().at(0).toObject();
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->create());
        QVERIFY(m_store->start());
    }

    void cleanup() { m_store.reset(); }

    void saleReceiptIsStoredAndLookedUpFromAnotherTill()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(pos.ok());
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        const Session other = connect(u"POS-02"_s);
        const QJsonObject reply = lookUp(other, u"POS-01-000042"_s);
        QVERIFY2(!reply.contains(u"code"_s), qPrintable(compact(reply)));
        const QJsonObject r = reply.value(u"receipt"_s).toObject();
        QCOMPARE(text(r, "kind"), u"sale"_s);
        QCOMPARE(text(r, "terminal"), u"POS-01"_s);
        QCOMPARE(text(r, "staff"), u"Ana"_s);
        QCOMPARE(integer(r, "net"), 290);
        QCOMPARE(integer(r, "tax"), 26);
        QCOMPARE(integer(r, "total"), 316);
        const QJsonObject line = firstLine(reply);
        QCOMPARE(text(line, "name"), u"Pencil HB"_s);
        QCOMPARE(integer(line, "qty"), 3);
        QCOMPARE(integer(line, "discount"), 10);
        QCOMPARE(line.value(u"taxRate"_s).toDouble(), 8.875);
        QCOMPARE(r.value(u"payments"_s).toArray().size(), 2);
        // A protocol-1 sale (no receipt) is kept as a receipt made of its lines.
        QCOMPARE(status(pushOne(pos, sale(2, u"WEB-1"_s, {conformance::line(u"B2"_s, 2)}))),
                 u"applied"_s);
        const QJsonObject plain = lookUp(other, u"WEB-1"_s).value(u"receipt"_s).toObject();
        QCOMPARE(integer(plain, "total"), 200);
        // IT reads it from the command line.
        const auto shown = m_store->server().admin({u"receipt"_s, u"show"_s, u"POS-01-000042"_s});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("Pencil HB"));
        QVERIFY(m_store->server().admin({u"receipt"_s, u"show"_s, u"NOPE"_s}).exitCode != 0);
    }

    // Every kind of value the batch binds comes back as it went in: text beyond ASCII (and the
    // characters an array literal must escape), amounts past 32 bits, a list price on one line
    // and none (NULL, not 0) on the other, an approver on one line and none ('') on the other.
    void receiptValuesComeBackExactly()
    {
        const QString name = u"Crème brûlée «maison» 日本 🍰 \"x\", {y} \\ z"_s;
        const QString approver = u"Zoë Müller"_s;
        const QString reference = u"Réf-ü-42"_s;
        const qint64 price = 9'000'000'123; // past 2^33
        const qint64 listPrice = 9'000'000'999;
        const stockline::TaxRate rate = stockline::TaxRate::fromMilliPercent(8875);
        const qint64 tax = rate.taxOn(stockline::Money::fromMinor(price)).minor();
        const qint64 taxB = rate.taxOn(stockline::Money::fromMinor(100)).minor();
        const qint64 total = price + tax + 100 + taxB;
        QJsonObject m =
            sale(1, u"POS-01-000077"_s,
                 {WireClient::saleLine(u"A1"_s, 1, price), WireClient::saleLine(u"B2"_s, 1, 100)});
        m.insert(u"payments"_s,
                 QJsonArray{QJsonObject{
                     {u"method"_s, u"card"_s}, {u"amount"_s, total}, {u"reference"_s, reference}}});
        m.insert(u"staff"_s, u"Ana"_s);
        m.insert(u"receipt"_s,
                 QJsonObject{{u"lines"_s, QJsonArray{QJsonObject{{u"sku"_s, u"A1"_s},
                                                                 {u"name"_s, name},
                                                                 {u"qty"_s, 1},
                                                                 {u"unitPrice"_s, price},
                                                                 {u"discount"_s, 0},
                                                                 {u"listPrice"_s, listPrice},
                                                                 {u"approvedBy"_s, approver},
                                                                 {u"taxRate"_s, 8.875},
                                                                 {u"tax"_s, tax},
                                                                 {u"total"_s, price + tax}},
                                                     QJsonObject{{u"sku"_s, u"B2"_s},
                                                                 {u"name"_s, u"Eraser"_s},
                                                                 {u"qty"_s, 1},
                                                                 {u"unitPrice"_s, 100},
                                                                 {u"discount"_s, 0},
                                                                 {u"taxRate"_s, 8.875},
                                                                 {u"tax"_s, taxB},
                                                                 {u"total"_s, 100 + taxB}}}},
                             {u"net"_s, price + 100},
                             {u"tax"_s, tax + taxB},
                             {u"total"_s, total}});
        const Session pos = connect(u"POS-01"_s);
        const QJsonObject result = pushOne(pos, m);
        QVERIFY2(status(result) == u"applied"_s, qPrintable(compact(result)));
        const QJsonObject r =
            lookUp(connect(u"POS-02"_s), u"POS-01-000077"_s).value(u"receipt"_s).toObject();
        QCOMPARE(integer(r, "total"), total);
        QCOMPARE(integer(r, "net"), price + 100);
        const QJsonArray lines = r.value(u"lines"_s).toArray();
        QCOMPARE(lines.size(), 2);
        const QJsonObject a = lines.at(0).toObject();
        QCOMPARE(text(a, "name"), name);
        QCOMPARE(integer(a, "unitPrice"), price);
        QCOMPARE(integer(a, "listPrice"), listPrice);
        QCOMPARE(text(a, "approvedBy"), approver);
        QCOMPARE(integer(a, "total"), price + tax);
        const QJsonObject b = lines.at(1).toObject();
        QCOMPARE(text(b, "name"), u"Eraser"_s);
        QVERIFY2(!b.contains(u"listPrice"_s), qPrintable(compact(b))); // NULL, not 0
        QVERIFY2(!b.contains(u"approvedBy"_s), qPrintable(compact(b)));
        const QJsonObject paid = r.value(u"payments"_s).toArray().at(0).toObject();
        QCOMPARE(text(paid, "reference"), reference);
        QCOMPARE(integer(paid, "amount"), total);
        // The same receipt resent is the one stored (its content hash matches), and verify
        // finds its lines equal to the ledger.
        QJsonObject resent = m;
        resent.insert(u"seq"_s, 2);
        resent.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        resent.insert(u"offline"_s, true);
        const QJsonObject again = pushOne(pos, resent);
        QVERIFY2(text(again, "message").contains(u"nothing taken again"_s),
                 qPrintable(compact(again)));
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
    }

    void lookupRefusals()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000001"_s))), u"applied"_s);
        QCOMPARE(text(lookUp(pos, u"POS-09-000001"_s), "code"), u"unknown_receipt"_s);
        QCOMPARE(text(lookUp(connect(u"DOCK-01"_s), u"POS-01-000001"_s), "code"), u"forbidden"_s);
        // A web shop reads only its own receipts.
        QCOMPARE(text(lookUp(connect(u"WEB-01"_s), u"POS-01-000001"_s), "code"),
                 u"unknown_receipt"_s);
    }

    void sameNumberOtherContentConflicts()
    {
        const Session pos = connect(u"POS-01"_s);
        const QJsonObject first = saleWithReceipt(1, u"POS-01-000042"_s);
        QCOMPARE(status(pushOne(pos, first)), u"applied"_s);
        // Replaying the seq answers the stored result.
        pos->push(QJsonArray{first});
        const QJsonObject replay = pos->takeResults(1).value(0);
        QCOMPARE(status(replay), u"applied"_s);
        QVERIFY(replay.value(u"replay"_s).toBool());
        QCOMPARE(levelNow(u"A1"_s), u"7/0/7"_s);

        const Session other = connect(u"POS-02"_s);
        const QJsonObject clash = pushOne(other, saleWithReceipt(1, u"POS-01-000042"_s, {}, 20));
        QCOMPARE(status(clash), u"rejected"_s);
        QCOMPARE(text(clash, "code"), u"receipt_conflict"_s);
        QVERIFY2(text(clash, "message").contains(u"POS-01 seq 1"_s), qPrintable(compact(clash)));
        QCOMPARE(levelNow(u"A1"_s), u"7/0/7"_s);
        QCOMPARE(integer(firstLine(lookUp(other, u"POS-01-000042"_s)), "discount"), 10);
    }

    void sameContentUnderNewMutationIsTakenOnce()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        // A till resending its offline sale under a new seq (and id, time, offline flag).
        QJsonObject resent = saleWithReceipt(2, u"POS-01-000042"_s);
        resent.insert(u"offline"_s, true);
        resent.insert(u"at"_s, u"2026-11-22T10:05:00Z"_s);
        const QJsonObject again = pushOne(pos, resent);
        QCOMPARE(status(again), u"applied"_s);
        QVERIFY(text(again, "message").contains(u"nothing taken again"_s));
        QCOMPARE(levelNow(u"A1"_s), u"7/0/7"_s);
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
    }

    void welcomeCarriesCounters()
    {
        const Session pos = connect(u"POS-01"_s);
        QVERIFY(!pos.welcome.contains(u"lastReceipt"_s));
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(2, u"POS-01-000007"_s))), u"applied"_s);
        QCOMPARE(
            status(pushOne(pos, refund(3, u"POS-01-R000003"_s, u"POS-01-000042"_s, 1, 105, 9))),
            u"applied"_s);
        const Session again = connect(u"POS-01"_s);
        QCOMPARE(integer(again.welcome, "lastReceipt"), 42);
        QCOMPARE(integer(again.welcome, "lastRefund"), 3);
        QVERIFY(!connect(u"POS-02"_s).welcome.contains(u"lastReceipt"_s));
    }

    void refundBeyondWhatIsLeftIsRefused()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        QCOMPARE(
            status(pushOne(pos, refund(2, u"POS-01-R000001"_s, u"POS-01-000042"_s, 2, 210, 17))),
            u"applied"_s);
        QCOMPARE(levelNow(u"A1"_s), u"9/0/9"_s);
        const QJsonObject over =
            pushOne(pos, refund(3, u"POS-01-R000002"_s, u"POS-01-000042"_s, 2, 210, 17));
        QCOMPARE(text(over, "code"), u"over_refund"_s);
        const QJsonObject left = over.value(u"lines"_s).toArray().at(0).toObject();
        QCOMPARE(integer(left, "line"), 1);
        QCOMPARE(text(left, "sku"), u"A1"_s);
        QCOMPARE(integer(left, "available"), 1);
        QCOMPARE(levelNow(u"A1"_s), u"9/0/9"_s);
        QCOMPARE(integer(firstLine(lookUp(pos, u"POS-01-000042"_s)), "refunded"), 2);
        QCOMPARE(text(lookUp(pos, u"POS-01-R000002"_s), "code"), u"unknown_receipt"_s);
        // A line the sale does not have is invalid, naming the field.
        QJsonObject wrong = refund(4, u"POS-01-R000003"_s, u"POS-01-000042"_s, 1, 105, 9);
        QJsonObject body = wrong.value(u"refund"_s).toObject();
        QJsonArray lines = body.value(u"lines"_s).toArray();
        QJsonObject first = lines.at(0).toObject();
        first.insert(u"line"_s, 2);
        lines[0] = first;
        body.insert(u"lines"_s, lines);
        wrong.insert(u"refund"_s, body);
        const QJsonObject invalid = pushOne(pos, wrong);
        QCOMPARE(text(invalid, "code"), u"invalid"_s);
        QVERIFY(text(invalid, "message").startsWith(u"refund.lines[0].line"_s));
    }

    // A sale refunded three times comes back with all three refunds and their payments (on
    // PostgreSQL, reading each refund's payments discarded the refunds not read yet: found by
    // the fault campaign, issue 24).
    void everyRefundOfASaleComesBackWithItsPayments()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        for (qint64 i = 1; i <= 3; ++i)
            QCOMPARE(status(pushOne(pos, refund(1 + i, u"POS-01-R00000%1"_s.arg(i),
                                                u"POS-01-000042"_s, 1, 105, 9))),
                     u"applied"_s);
        const QJsonArray refunds = lookUp(pos, u"POS-01-000042"_s)
                                       .value(u"receipt"_s)
                                       .toObject()
                                       .value(u"refunds"_s)
                                       .toArray();
        QCOMPARE(refunds.size(), 3);
        for (qint64 i = 1; i <= 3; ++i) {
            const QJsonObject r = refunds.at(i - 1).toObject();
            QCOMPARE(text(r, "number"), u"POS-01-R00000%1"_s.arg(i));
            QCOMPARE(integer(r, "total"), 105);
            QCOMPARE(r.value(u"payments"_s).toArray().size(), 1);
        }
    }

    void twoTillsRacingForOneLineOneWins()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        const Session& a = pos;
        const Session b = connect(u"POS-02"_s);
        a->push(QJsonArray{refund(2, u"POS-01-R000001"_s, u"POS-01-000042"_s, 2, 210, 17)});
        b->push(QJsonArray{refund(1, u"POS-02-R000001"_s, u"POS-01-000042"_s, 2, 210, 17)});
        const QStringList outcomes{status(a->takeResults(1).value(0)),
                                   status(b->takeResults(1).value(0))};
        QCOMPARE(outcomes.count(u"applied"_s), 1);
        QCOMPARE(outcomes.count(u"rejected"_s), 1);
        QCOMPARE(integer(firstLine(lookUp(pos, u"POS-01-000042"_s)), "refunded"), 2);
        QCOMPARE(levelNow(u"A1"_s), u"9/0/9"_s);
    }

    void offlineRefundBeyondWhatIsLeftBecomesAnException()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(1, u"POS-01-000042"_s))), u"applied"_s);
        QCOMPARE(
            status(pushOne(pos, refund(2, u"POS-01-R000001"_s, u"POS-01-000042"_s, 2, 210, 17))),
            u"applied"_s);
        const QJsonObject late =
            pushOne(pos, refund(3, u"POS-01-R000002"_s, u"POS-01-000042"_s, 2, 210, 17, true));
        QCOMPARE(status(late), u"applied"_s);
        const QJsonObject over = late.value(u"overRefunded"_s).toArray().at(0).toObject();
        QCOMPARE(integer(over, "line"), 1);
        QCOMPARE(integer(over, "qty"), 1);
        QCOMPARE(integer(over, "amount"), 210 - (316 - 210));
        const QJsonObject line = firstLine(lookUp(pos, u"POS-01-000042"_s));
        QCOMPARE(integer(line, "refunded"), 3);
        QCOMPARE(integer(line, "refundedAmount"), 316);
        const QJsonArray exceptions = refundExceptions();
        QCOMPARE(exceptions.size(), 1);
        QCOMPARE(text(exceptions.at(0).toObject(), "refund"), u"POS-01-R000002"_s);
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);

        // A sale line whose refunded count no longer matches its refunds is found by verify.
        {
            QSqlDatabase db = TestDatabase::openRaw(m_store->server().database(), u"tamper"_s);
            QSqlQuery tamper(db);
            QVERIFY(tamper.exec(u"UPDATE receipt_lines SET refunded_qty = 1 "
                                "WHERE receipt = 'POS-01-000042' AND line = 1"_s));
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        const auto verified = m_store->server().admin({u"verify"_s});
        QVERIFY(verified.exitCode != 0);
        QVERIFY2(verified.out.contains("receipt POS-01-000042 line 1: 1 refunded (amount 316), "
                                       "but its refund receipts add up to 3 (amount 316)"),
                 verified.out.constData());
    }

    // A till refunds a sale of its own that the server refused for stock (its outbox sends the
    // refund), then sends the sale again as offline: the server meets the refunds first. When
    // the sale arrives they are booked against its lines; what goes beyond it is an exception.
    void refundsThatCameBeforeTheirSaleAreBookedWhenItArrives()
    {
        const Session pos = connect(u"POS-01"_s);
        QCOMPARE(
            status(pushOne(pos, refund(1, u"POS-01-R000001"_s, u"POS-01-000042"_s, 2, 210, 17))),
            u"applied"_s);
        const Session other = connect(u"POS-02"_s);
        QCOMPARE(
            status(pushOne(other, refund(1, u"POS-02-R000001"_s, u"POS-01-000042"_s, 2, 210, 17))),
            u"applied"_s);
        QCOMPARE(text(lookUp(pos, u"POS-01-000042"_s), "code"), u"unknown_receipt"_s);
        QJsonObject late = saleWithReceipt(2, u"POS-01-000042"_s);
        late.insert(u"offline"_s, true);
        QCOMPARE(status(pushOne(pos, late)), u"applied"_s);
        const QJsonObject line = firstLine(lookUp(pos, u"POS-01-000042"_s));
        QCOMPARE(integer(line, "refunded"), 3);
        QCOMPARE(integer(line, "refundedAmount"), 316);
        const QJsonArray exceptions = refundExceptions();
        QCOMPARE(exceptions.size(), 1);
        const QJsonObject over = exceptions.at(0).toObject();
        QCOMPARE(text(over, "refund"), u"POS-02-R000001"_s);
        QCOMPARE(integer(over, "qty"), 1);
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
    }

    void drawersAndTheDay()
    {
        const Session pos = connect(u"POS-01"_s);
        const QString drawer = u"POS-01-C000001"_s;
        QCOMPARE(status(pushOne(pos, cash(1, drawer, u"open"_s, 10000))), u"applied"_s);
        QCOMPARE(status(pushOne(pos, saleWithReceipt(2, u"POS-01-000001"_s, drawer))),
                 u"applied"_s);
        QCOMPARE(status(pushOne(
                     pos, cash(3, drawer, u"paid_out"_s, 1500, {{u"reason"_s, u"milk man"_s}}))),
                 u"applied"_s);
        // 10000 + 316 − 1500 = 8816 expected; 8800 counted: 16 short.
        QCOMPARE(status(pushOne(pos, cash(4, drawer, u"close"_s, 8800, {{u"expected"_s, 8816}}))),
                 u"applied"_s);
        const QJsonObject closedTwice =
            pushOne(pos, cash(5, drawer, u"close"_s, 8800, {{u"expected"_s, 8816}}));
        QCOMPARE(text(closedTwice, "code"), u"invalid"_s);
        QVERIFY(text(closedTwice, "message").contains(u"already closed"_s));
        const Session other = connect(u"POS-02"_s);
        QCOMPARE(status(pushOne(other, cash(1, u"POS-02-C000001"_s, u"open"_s, 5000))),
                 u"applied"_s);
        QCOMPARE(status(pushOne(other, cash(2, u"POS-02-C000001"_s, u"open"_s, 5000))),
                 u"applied"_s);
        QCOMPARE(
            status(pushOne(other, refund(3, u"POS-02-R000001"_s, u"POS-01-000001"_s, 1, 105, 9))),
            u"applied"_s);

        QCOMPARE(text(dayReply(pos, day), "code"), u"forbidden"_s);
        const QJsonObject reply = dayReply(connect(u"MGR-01"_s), day);
        QVERIFY2(!reply.contains(u"code"_s), qPrintable(compact(reply)));
        const QJsonObject r = reply.value(u"report"_s).toObject();
        QCOMPARE(text(r, "date"), day);
        const QJsonObject sales = r.value(u"sales"_s).toObject();
        QCOMPARE(integer(sales, "count"), 1);
        QCOMPARE(integer(sales, "total"), 316);
        QCOMPARE(integer(r.value(u"refunds"_s).toObject(), "total"), 105);
        const QJsonArray tills = r.value(u"tills"_s).toArray();
        QCOMPARE(tills.size(), 2);
        QCOMPARE(text(tills.at(0).toObject(), "terminal"), u"POS-01"_s);
        QCOMPARE(integer(tills.at(1).toObject(), "refundsTotal"), 105);
        QHash<QString, std::pair<qint64, qint64>> tenders;
        for (const QJsonValue v : r.value(u"tenders"_s).toArray())
            tenders.insert(text(v.toObject(), "method"),
                           {integer(v.toObject(), "sales"), integer(v.toObject(), "refunds")});
        QCOMPARE(tenders.value(u"cash"_s), std::make_pair(qint64{316}, qint64{0}));
        QCOMPARE(tenders.value(u"card"_s), std::make_pair(qint64{0}, qint64{105}));
        const QJsonObject rate = r.value(u"taxRates"_s).toArray().at(0).toObject();
        QCOMPARE(rate.value(u"rate"_s).toDouble(), 8.875);
        QCOMPARE(integer(rate, "net"), 290 - 96);
        QCOMPARE(integer(rate, "tax"), 26 - 9);
        const QJsonArray drawers = r.value(u"drawers"_s).toArray();
        QCOMPARE(drawers.size(), 2);
        const QJsonObject first = drawers.at(0).toObject();
        QCOMPARE(integer(first, "expected"), 8816);
        QCOMPARE(integer(first, "overShort"), -16);
        QCOMPARE(first.value(u"open"_s).toBool(), false);
        QCOMPARE(r.value(u"openDrawers"_s).toArray(), QJsonArray{u"POS-02-C000001"_s});
        // Tills (pos, manager) last heard from before the day ended may still hold sales of
        // it: OBS-01 never connected; the others were heard from today, after that day.
        QStringList quiet;
        for (const QJsonValue v : r.value(u"notHeardSince"_s).toArray())
            quiet.append(text(v.toObject(), "terminal"));
        QCOMPARE(quiet, QStringList{u"OBS-01"_s});

        const auto text = m_store->server().admin({u"day"_s, u"report"_s, u"--date"_s, day});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("POS-02-C000001"));
        QVERIFY(text.out.contains("may still hold sales"));
        const auto bad =
            m_store->server().admin({u"day"_s, u"report"_s, u"--date"_s, u"2026-13-40"_s});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("--date"), bad.err.constData());
        QCOMPARE(m_store->server().admin({u"verify"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestServerReceipts)
#include "tst_serverreceipts.moc"
