// The back office on the server (issue 20; sync/PROTOCOL.md, "Back office (issue 20)"), against
// the real stockline-server process over real WebSockets (raw JSON): a manager's sign-in on a
// socket (elevate), the one `answer` per request, products with the optimistic version check,
// prices now, at a time and in bulk, staff and terminals — and what every till sees of them.
#include "backoffice.h"
#include "client.h"
#include "localstore.h"
#include "pinhash.h"
#include "serverfixture.h"
#include "staff.h"
#include "transport.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace conformance;
using namespace Qt::StringLiterals;

namespace {

// Fast hashes: the test is about who may do what, not about PBKDF2's cost.
stockline::StaffMember person(const QString& name, stockline::StaffRole role, const QString& pin)
{
    return {name, role, stockline::PinHash::make(pin, 1'000).value(), true};
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject productObject(const QString& sku, const QString& name, qint64 price,
                          const QJsonObject& more = {})
{
    QJsonObject p{{u"sku"_s, sku},
                  {u"name"_s, name},
                  {u"price"_s, price},
                  {u"taxRate"_s, 19},
                  {u"department"_s, u"Stationery"_s},
                  {u"barcodes"_s, QJsonArray{}},
                  {u"cost"_s, price / 2},
                  {u"supplier"_s, u"ACME"_s}};
    for (auto it = more.begin(); it != more.end(); ++it)
        p.insert(it.key(), it.value());
    return p;
}

// The product of a catalog message, by SKU (empty when absent).
QJsonObject catalogProduct(const QJsonObject& catalog, const QString& sku)
{
    for (const QJsonValue v : catalog.value(u"products"_s).toArray()) {
        if (v.toObject().value(u"sku"_s).toString() == sku)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestServerBackOffice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); }

    void aManagerSignsInWithTheirPin();
    void wrongPinsAreLimitedPerTerminal();
    void onlyAnElevatedSessionMayAsk();
    void theSignInEndsWithTheSocket();
    void aRequestIdIsAnsweredOnce();
    void badFieldsAreNamed();
    void aNewProductReachesEveryTill();
    void theSecondOfTwoManagersSeesWhatChanged();
    void aRetryAfterALostAnswerIsAlreadyDone();
    void aRetiredProductStaysRetired();
    void productsListsCostAndVersion();
    void aPriceChangedNowReachesTheTills();
    void aPriceAtATimeIsAppliedByTheServer();
    void aScheduledPriceCanBeCancelled();
    void bulkPricesRoundAsAsked();
    void staffAreAddedRepinnedAndDeactivated();
    void terminalsAreListedPairedAndRevoked();
    void theTerminalsBackOfficeClientAsksAndMatches();

private:
    // `changes` for a price request: [{sku, price, expectedVersion}].
    static QJsonObject priceRequest(const QString& sku, qint64 price, qint64 expectedVersion,
                                    const QString& effectiveAt = {});
    // A socket of `terminal` with `staff` signed in (elevated), or an empty session.
    Session elevated(const QString& terminal, const QString& staff = u"Ben"_s,
                     const QString& pin = u"4321"_s);
    // Sends a request and returns its answer (or `elevated`).
    static QJsonObject ask(const Session& s, QJsonObject request,
                           const QString& type = u"answer"_s);

    std::unique_ptr<Store> m_store;
};

void TestServerBackOffice::init()
{
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->create());
    {
        auto admin = AdminStore::open(m_store->server().database());
        QVERIFY(admin);
        using stockline::StaffRole;
        for (const auto& m : {person(u"Ben"_s, StaffRole::Manager, u"4321"_s),
                              person(u"Cleo"_s, StaffRole::Manager, u"8765"_s),
                              person(u"Ana"_s, StaffRole::Cashier, u"1111"_s)})
            QVERIFY(admin.value()->putStaff(m));
    }
    QVERIFY(m_store->start());
}

QJsonObject TestServerBackOffice::ask(const Session& s, QJsonObject request, const QString& type)
{
    if (!request.contains(u"request"_s))
        request.insert(u"request"_s, newId());
    s->send(request);
    return s->take(type);
}

Session TestServerBackOffice::elevated(const QString& terminal, const QString& staff,
                                       const QString& pin)
{
    Session s = m_store->connect(terminal);
    if (!s.ok())
        return {};
    const QJsonObject answer =
        ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, staff}, {u"pin"_s, pin}}, u"elevated"_s);
    if (text(answer, "staff") != staff)
        return {};
    return s;
}

void TestServerBackOffice::aManagerSignsInWithTheirPin()
{
    Session s = m_store->connect(u"POS-01"_s);
    QVERIFY(s.ok());
    QJsonObject answer = ask(s,
                             {{u"type"_s, u"elevate"_s},
                              {u"request"_s, u"e-1"_s},
                              {u"staff"_s, u"Ben"_s},
                              {u"pin"_s, u"4321"_s}},
                             u"elevated"_s);
    QCOMPARE(text(answer, "request"), u"e-1"_s);
    QCOMPARE(text(answer, "staff"), u"Ben"_s);
    const QDateTime until = QDateTime::fromString(text(answer, "until"), Qt::ISODate);
    QVERIFY(isUtcTime(text(answer, "until")));
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 8 * 3600) < 60);

    answer = ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ana"_s}, {u"pin"_s, u"1111"_s}});
    QCOMPARE(answer.value(u"ok"_s).toBool(true), false);
    QCOMPARE(text(answer, "code"), u"not_manager"_s);
    answer = ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Nobody"_s}, {u"pin"_s, u"1111"_s}});
    QCOMPARE(text(answer, "code"), u"not_manager"_s);
    answer = ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Cleo"_s}, {u"pin"_s, u"0000"_s}});
    QCOMPARE(text(answer, "code"), u"wrong_pin"_s);
    QCOMPARE(text(answer, "field"), u"pin"_s);
    // A manager terminal signs its manager in the same way.
    QVERIFY(elevated(u"MGR-01"_s, u"Cleo"_s, u"8765"_s).ok());
}

void TestServerBackOffice::wrongPinsAreLimitedPerTerminal()
{
    Session s = m_store->connect(u"POS-01"_s);
    QVERIFY(s.ok());
    for (int i = 0; i < 5; ++i) {
        const QJsonObject answer =
            ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ben"_s}, {u"pin"_s, u"9999"_s}});
        QCOMPARE(text(answer, "code"), u"wrong_pin"_s);
    }
    // Now even the right PIN is refused on this terminal, on any of its sockets …
    QJsonObject answer =
        ask(s, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ben"_s}, {u"pin"_s, u"4321"_s}});
    QCOMPARE(text(answer, "code"), u"rate_limited"_s);
    QVERIFY(s->isOpen()); // an answer, not a close
    Session again = m_store->connect(u"POS-01"_s);
    answer = ask(again, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ben"_s}, {u"pin"_s, u"4321"_s}});
    QCOMPARE(text(answer, "code"), u"rate_limited"_s);
    // … but not on another terminal.
    QVERIFY(elevated(u"POS-02"_s).ok());
}

void TestServerBackOffice::onlyAnElevatedSessionMayAsk()
{
    Session s = m_store->connect(u"MGR-01"_s);
    QVERIFY(s.ok());
    QJsonObject answer = ask(s, {{u"type"_s, u"products"_s}, {u"request"_s, u"p-1"_s}});
    QCOMPARE(text(answer, "request"), u"p-1"_s);
    QCOMPARE(answer.value(u"ok"_s).toBool(true), false);
    QCOMPARE(text(answer, "code"), u"forbidden"_s);

    Session web = m_store->connect(u"WEB-01"_s);
    answer = ask(web, {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Ben"_s}, {u"pin"_s, u"4321"_s}});
    QCOMPARE(text(answer, "code"), u"forbidden"_s);

    Session dock = elevated(u"DOCK-01"_s);
    QVERIFY(dock.ok());
    answer = ask(dock, {{u"type"_s, u"products"_s}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    // Signing out ends it.
    answer = ask(dock, {{u"type"_s, u"elevate"_s}, {u"end"_s, true}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    answer = ask(dock, {{u"type"_s, u"products"_s}});
    QCOMPARE(text(answer, "code"), u"forbidden"_s);
}

void TestServerBackOffice::theSignInEndsWithTheSocket()
{
    {
        Session s = elevated(u"POS-01"_s);
        QVERIFY(s.ok());
        s->close();
    }
    Session s = m_store->connect(u"POS-01"_s);
    const QJsonObject answer = ask(s, {{u"type"_s, u"products"_s}});
    QCOMPARE(text(answer, "code"), u"forbidden"_s);
}

void TestServerBackOffice::aRequestIdIsAnsweredOnce()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    const QJsonObject request{{u"type"_s, u"product"_s},
                              {u"request"_s, u"q-7"_s},
                              {u"id"_s, newId()},
                              {u"product"_s, productObject(u"N1"_s, u"Notebook"_s, 450)},
                              {u"expectedVersion"_s, 0}};
    s->send(request);
    s->send(request);
    const QJsonObject first = s->take(u"answer"_s);
    const QJsonObject second = s->take(u"answer"_s);
    QCOMPARE(first.value(u"ok"_s).toBool(), true);
    QCOMPARE(integer(first, "version"), 1);
    QCOMPARE(second, first); // not a version_conflict: nothing was done again
    // The same request id with another id later: still the first answer.
    QJsonObject later = request;
    later.insert(u"id"_s, newId());
    QCOMPARE(ask(s, later), first);
}

void TestServerBackOffice::badFieldsAreNamed()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    QJsonObject product = productObject(u"N1"_s, u"Notebook"_s, -5, {{u"cost"_s, 100}});
    QJsonObject answer = ask(s, {{u"type"_s, u"product"_s},
                                 {u"id"_s, newId()},
                                 {u"product"_s, product},
                                 {u"expectedVersion"_s, 0}});
    QCOMPARE(text(answer, "code"), u"invalid_message"_s);
    QCOMPARE(text(answer, "field"), u"product.price"_s);
    product = productObject(u"N1"_s, u"Notebook"_s, 450,
                            {{u"barcodes"_s, QJsonArray{u"4006381333931"_s}}});
    answer = ask(s, {{u"type"_s, u"product"_s},
                     {u"id"_s, newId()},
                     {u"product"_s, product},
                     {u"expectedVersion"_s, 0}});
    QCOMPARE(text(answer, "code"), u"invalid_message"_s);
    QCOMPARE(text(answer, "field"), u"product.barcodes[0]"_s);
    QVERIFY2(text(answer, "message").contains(u"A1"_s), qPrintable(text(answer, "message")));
    answer = ask(s, {{u"type"_s, u"product"_s}, {u"product"_s, product}});
    QCOMPARE(text(answer, "field"), u"id"_s);
    // No request to name: an error, as for any bad message.
    s->send({{u"type"_s, u"products"_s}});
    QCOMPARE(text(s->take(u"error"_s), "code"), u"invalid_message"_s);
    // Nothing of it was stored.
    answer = ask(s, {{u"type"_s, u"products"_s}, {u"query"_s, u"N1"_s}});
    QCOMPARE(integer(answer, "total"), 0);
}

void TestServerBackOffice::aNewProductReachesEveryTill()
{
    Session till = m_store->connect(u"POS-02"_s);
    QVERIFY(till.ok());
    QCOMPARE(integer(catalogProduct(till.catalog, u"A1"_s), "version"), 1);
    Session s = elevated(u"POS-01"_s);
    QVERIFY(s.ok());
    const QJsonObject product =
        productObject(u"N1"_s, u"Notebook"_s, 450,
                      {{u"barcodes"_s, QJsonArray{u"4006381333948"_s, u"036000291452"_s}},
                       {u"unit"_s, u"each"_s},
                       {u"reorderPoint"_s, 4}});
    const QJsonObject answer = ask(s, {{u"type"_s, u"product"_s},
                                       {u"id"_s, newId()},
                                       {u"product"_s, product},
                                       {u"expectedVersion"_s, 0}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    QCOMPARE(integer(answer, "version"), 1);
    const QJsonObject catalog = till->take(u"catalog"_s, 2'000);
    const QJsonObject seen = catalogProduct(catalog, u"N1"_s);
    QCOMPARE(text(seen, "name"), u"Notebook"_s);
    QCOMPARE(integer(seen, "price"), 450);
    QCOMPARE(text(seen, "barcode"), u"4006381333948"_s);
    const QJsonArray codes{u"4006381333948"_s, u"036000291452"_s};
    QCOMPARE(seen.value(u"barcodes"_s).toArray(), codes); // every code scans at the till
    QCOMPARE(integer(seen, "version"), 1);
    QVERIFY(!seen.contains(u"cost"_s)); // tills never get cost
    QVERIFY(!seen.contains(u"supplier"_s));
    // A price change, and a till's whole catalog on connecting, carry every code too.
    QVERIFY(ask(s, priceRequest(u"N1"_s, 460, 1)).value(u"ok"_s).toBool());
    const QJsonObject priced = catalogProduct(till->take(u"catalog"_s, 2'000), u"N1"_s);
    QCOMPARE(integer(priced, "price"), 460);
    QCOMPARE(priced.value(u"barcodes"_s).toArray(), codes);
    Session later = m_store->connect(u"MGR-01"_s);
    QVERIFY(later.ok());
    QCOMPARE(catalogProduct(later.catalog, u"N1"_s).value(u"barcodes"_s).toArray(), codes);
}

void TestServerBackOffice::theSecondOfTwoManagersSeesWhatChanged()
{
    Session ben = elevated(u"MGR-01"_s);
    Session cleo = elevated(u"POS-01"_s, u"Cleo"_s, u"8765"_s);
    QVERIFY(ben.ok() && cleo.ok());
    // Both saw A1 at version 1.
    QJsonObject answer =
        ask(ben, {{u"type"_s, u"product"_s},
                  {u"id"_s, newId()},
                  {u"product"_s, productObject(u"A1"_s, u"Pencil HB (box)"_s, 139)},
                  {u"expectedVersion"_s, 1}});
    QCOMPARE(integer(answer, "version"), 2);
    answer = ask(cleo, {{u"type"_s, u"product"_s},
                        {u"id"_s, newId()},
                        {u"product"_s, productObject(u"A1"_s, u"Pencil 2B"_s, 119)},
                        {u"expectedVersion"_s, 1}});
    QCOMPARE(answer.value(u"ok"_s).toBool(true), false);
    QCOMPARE(text(answer, "code"), u"version_conflict"_s);
    QCOMPARE(text(answer, "changedBy"), u"Ben"_s);
    QVERIFY(isUtcTime(text(answer, "changedAt")));
    const QJsonObject current = answer.value(u"current"_s).toObject();
    QCOMPARE(text(current, "name"), u"Pencil HB (box)"_s);
    QCOMPARE(integer(current, "price"), 139);
    QCOMPARE(integer(current, "version"), 2);
    // A new SKU that exists already is a conflict too.
    answer = ask(cleo, {{u"type"_s, u"product"_s},
                        {u"id"_s, newId()},
                        {u"product"_s, productObject(u"A1"_s, u"Pencil"_s, 100)},
                        {u"expectedVersion"_s, 0}});
    QCOMPARE(text(answer, "code"), u"version_conflict"_s);
    answer = ask(cleo, {{u"type"_s, u"product"_s},
                        {u"id"_s, newId()},
                        {u"product"_s, productObject(u"ZZ"_s, u"Pencil"_s, 100)},
                        {u"expectedVersion"_s, 3}});
    QCOMPARE(text(answer, "code"), u"not_found"_s);
    // Nothing of Cleo's was stored.
    answer = ask(cleo, {{u"type"_s, u"products"_s}, {u"query"_s, u"pencil"_s}});
    const QJsonArray rows = answer.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(text(rows.at(0).toObject(), "name"), u"Pencil HB (box)"_s);
}

void TestServerBackOffice::aRetryAfterALostAnswerIsAlreadyDone()
{
    const QString id = newId();
    const QJsonObject request{{u"type"_s, u"product"_s},
                              {u"id"_s, id},
                              {u"product"_s, productObject(u"B2"_s, u"Eraser"_s, 260)},
                              {u"expectedVersion"_s, 1}};
    QJsonObject first;
    {
        Session s = elevated(u"MGR-01"_s);
        first = ask(s, request);
        QCOMPARE(integer(first, "version"), 2);
    }
    Session s = elevated(u"MGR-01"_s);
    const QJsonObject again = ask(s, request);
    QCOMPARE(again.value(u"ok"_s).toBool(), true);
    QCOMPARE(integer(again, "version"), 2);
    QCOMPARE(again.value(u"replay"_s).toBool(), true);
    // The same id for something else is refused.
    QJsonObject other = request;
    other.insert(u"expectedVersion"_s, 2);
    const QJsonObject refused = ask(s, other);
    QCOMPARE(text(refused, "code"), u"invalid_message"_s);
    QCOMPARE(text(refused, "field"), u"id"_s);
}

void TestServerBackOffice::aRetiredProductStaysRetired()
{
    Session till = m_store->connect(u"POS-02"_s);
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(till.ok() && s.ok());
    const QJsonObject answer =
        ask(s, {{u"type"_s, u"product"_s},
                {u"id"_s, newId()},
                {u"product"_s, productObject(u"C3"_s, u"Sharpener"_s, 399, {{u"active"_s, false}})},
                {u"expectedVersion"_s, 1}});
    QCOMPARE(integer(answer, "version"), 2);
    const QJsonObject seen = catalogProduct(till->take(u"catalog"_s, 2'000), u"C3"_s);
    QCOMPARE(seen.value(u"active"_s).toBool(true), false);
    // A fresh till gets it retired in its snapshot.
    const Session fresh = m_store->connect(u"OBS-01"_s);
    QCOMPARE(catalogProduct(fresh.catalog, u"C3"_s).value(u"active"_s).toBool(true), false);
    QCOMPARE(integer(catalogProduct(fresh.catalog, u"C3"_s), "version"), 2);
}

void TestServerBackOffice::productsListsCostAndVersion()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    QCOMPARE(ask(s, {{u"type"_s, u"product"_s},
                     {u"id"_s, newId()},
                     {u"product"_s,
                      productObject(u"N1"_s, u"Notebook"_s, 450, {{u"department"_s, u"Paper"_s}})},
                     {u"expectedVersion"_s, 0}})
                 .value(u"ok"_s)
                 .toBool(),
             true);
    QJsonObject answer = ask(s, {{u"type"_s, u"products"_s}, {u"limit"_s, 2}});
    QCOMPARE(integer(answer, "total"), 5);
    QJsonArray rows = answer.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(text(rows.at(0).toObject(), "sku"), u"A1"_s);
    QCOMPARE(rows.at(0).toObject().value(u"barcodes"_s).toArray(), QJsonArray{u"4006381333931"_s});
    answer = ask(s, {{u"type"_s, u"products"_s}, {u"department"_s, u"Paper"_s}});
    rows = answer.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject n1 = rows.at(0).toObject();
    QCOMPARE(integer(n1, "cost"), 225);
    QCOMPARE(text(n1, "supplier"), u"ACME"_s);
    QCOMPARE(integer(n1, "version"), 1);
    answer = ask(s, {{u"type"_s, u"products"_s}, {u"query"_s, u"5901234123457"_s}});
    QCOMPARE(text(answer.value(u"rows"_s).toArray().at(0).toObject(), "sku"), u"B2"_s);
    answer = ask(s, {{u"type"_s, u"products"_s}, {u"limit"_s, 501}});
    QCOMPARE(text(answer, "field"), u"limit"_s);
}

QJsonObject TestServerBackOffice::priceRequest(const QString& sku, qint64 price,
                                               qint64 expectedVersion, const QString& effectiveAt)
{
    QJsonObject request{
        {u"type"_s, u"price"_s},
        {u"id"_s, newId()},
        {u"changes"_s,
         QJsonArray{QJsonObject{
             {u"sku"_s, sku}, {u"price"_s, price}, {u"expectedVersion"_s, expectedVersion}}}}};
    if (!effectiveAt.isEmpty())
        request.insert(u"effectiveAt"_s, effectiveAt);
    return request;
}

void TestServerBackOffice::aPriceChangedNowReachesTheTills()
{
    Session till = m_store->connect(u"POS-02"_s);
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(till.ok() && s.ok());
    QJsonObject answer = ask(s, priceRequest(u"A1"_s, 149, 1));
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    QCOMPARE(integer(answer, "changed"), 1);
    QCOMPARE(answer.value(u"scheduled"_s).toBool(true), false);
    const QJsonObject seen = catalogProduct(till->take(u"catalog"_s, 1'000), u"A1"_s);
    QCOMPARE(integer(seen, "price"), 149);
    QCOMPARE(integer(seen, "version"), 2);
    // The second change against the same version the first one saw.
    answer = ask(s, priceRequest(u"A1"_s, 159, 1));
    QCOMPARE(text(answer, "code"), u"version_conflict"_s);
    QCOMPARE(text(answer, "field"), u"changes[0].expectedVersion"_s);
    QCOMPARE(integer(answer.value(u"current"_s).toObject(), "price"), 149);
    answer = ask(s, priceRequest(u"NOPE"_s, 159, 1));
    QCOMPARE(text(answer, "code"), u"not_found"_s);
    QCOMPARE(text(answer, "field"), u"changes[0].sku"_s);
}

void TestServerBackOffice::aPriceAtATimeIsAppliedByTheServer()
{
    Session till = m_store->connect(u"POS-02"_s);
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(till.ok() && s.ok());
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(2);
    QJsonObject answer = ask(s, priceRequest(u"B2"_s, 275, 1, at.toString(Qt::ISODateWithMs)));
    QCOMPARE(answer.value(u"scheduled"_s).toBool(), true);
    answer = ask(s, {{u"type"_s, u"prices"_s}});
    QJsonArray rows = answer.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(text(rows.at(0).toObject(), "sku"), u"B2"_s);
    QCOMPARE(integer(rows.at(0).toObject(), "price"), 275);
    QCOMPARE(integer(rows.at(0).toObject(), "currentPrice"), 250);
    QCOMPARE(text(rows.at(0).toObject(), "createdBy"), u"Ben"_s);
    // Nothing yet on the tills: the price still is 2.50 until the time comes.
    const QJsonObject seen = catalogProduct(till->take(u"catalog"_s, 5'000), u"B2"_s);
    QCOMPARE(integer(seen, "price"), 275);
    QVERIFY(QDateTime::currentDateTimeUtc() >= at.addMSecs(-50));
    QVERIFY(QDateTime::currentDateTimeUtc() < at.addSecs(2));
    QCOMPARE(integer(seen, "version"), 2);
    answer = ask(s, {{u"type"_s, u"prices"_s}});
    QCOMPARE(answer.value(u"rows"_s).toArray().size(), 0);
}

void TestServerBackOffice::aScheduledPriceCanBeCancelled()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    QCOMPARE(ask(s, priceRequest(u"C3"_s, 349, 1, later)).value(u"scheduled"_s).toBool(), true);
    const QJsonArray rows = ask(s, {{u"type"_s, u"prices"_s}}).value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    const qint64 change = integer(rows.at(0).toObject(), "change");
    QJsonObject answer =
        ask(s, {{u"type"_s, u"priceCancel"_s}, {u"id"_s, newId()}, {u"change"_s, change}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    QCOMPARE(ask(s, {{u"type"_s, u"prices"_s}}).value(u"rows"_s).toArray().size(), 0);
    answer = ask(s, {{u"type"_s, u"priceCancel"_s}, {u"id"_s, newId()}, {u"change"_s, change}});
    QCOMPARE(text(answer, "code"), u"not_found"_s);
}

// 4.50 and 10.00 in "Paper": +10 % is 4.95 and 11.00, to end in 9: 4.99 and 10.99; −15 % is
// 3.825 (half to even: 3.82) → 3.80 and 8.50, to a multiple of 5.
void TestServerBackOffice::bulkPricesRoundAsAsked()
{
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(s.ok());
    for (const auto& [sku, price] : {std::pair(u"P1"_s, 450), std::pair(u"P2"_s, 1000)})
        QCOMPARE(ask(s, {{u"type"_s, u"product"_s},
                         {u"id"_s, newId()},
                         {u"product"_s, productObject(sku, u"Paper "_s + sku, price,
                                                      {{u"department"_s, u"Paper"_s}})},
                         {u"expectedVersion"_s, 0}})
                     .value(u"ok"_s)
                     .toBool(),
                 true);
    const auto prices = [&] {
        QList<qint64> result;
        const QJsonObject answer =
            ask(s, {{u"type"_s, u"products"_s}, {u"department"_s, u"Paper"_s}});
        for (const QJsonValue v : answer.value(u"rows"_s).toArray())
            result.append(integer(v.toObject(), "price"));
        return result;
    };
    QJsonObject answer = ask(s, {{u"type"_s, u"priceBulk"_s},
                                 {u"id"_s, newId()},
                                 {u"department"_s, u"Paper"_s},
                                 {u"percent"_s, 10'000},
                                 {u"rounding"_s, u"9"_s}});
    QCOMPARE(integer(answer, "changed"), 2);
    QCOMPARE(prices(), (QList<qint64>{499, 1099}));
    answer = ask(s, {{u"type"_s, u"priceBulk"_s},
                     {u"id"_s, newId()},
                     {u"department"_s, u"Paper"_s},
                     {u"percent"_s, -15'000},
                     {u"rounding"_s, u"5"_s}});
    QCOMPARE(integer(answer, "changed"), 2);
    // 4.99 × 0.85 = 4.2415 → 4.24 → 4.25; 10.99 × 0.85 = 9.3415 → 9.34 → 9.35.
    QCOMPARE(prices(), (QList<qint64>{425, 935}));
    answer = ask(s, {{u"type"_s, u"priceBulk"_s},
                     {u"id"_s, newId()},
                     {u"department"_s, u"Paper"_s},
                     {u"percent"_s, -95'000}});
    QCOMPARE(text(answer, "field"), u"percent"_s);
    answer = ask(s, {{u"type"_s, u"priceBulk"_s},
                     {u"id"_s, newId()},
                     {u"department"_s, u"Paper"_s},
                     {u"supplier"_s, u"ACME"_s},
                     {u"percent"_s, 1'000}});
    QCOMPARE(text(answer, "code"), u"invalid_message"_s);
    QCOMPARE(prices(), (QList<qint64>{425, 935}));
}

void TestServerBackOffice::staffAreAddedRepinnedAndDeactivated()
{
    Session till = m_store->connect(u"POS-02"_s);
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(till.ok() && s.ok());
    QCOMPARE(till->take(u"staff"_s).value(u"staff"_s).toArray().size(), 3);
    const auto edit = [&](const QString& action, const QString& name, const QString& pin,
                          const QString& role = {}) {
        QJsonObject request{{u"type"_s, u"staffEdit"_s},
                            {u"id"_s, newId()},
                            {u"action"_s, action},
                            {u"name"_s, name}};
        if (!pin.isEmpty())
            request.insert(u"pin"_s, pin);
        if (!role.isEmpty())
            request.insert(u"role"_s, role);
        return ask(s, request);
    };
    QCOMPARE(edit(u"add"_s, u"Dana"_s, u"5555"_s, u"manager"_s).value(u"ok"_s).toBool(), true);
    QCOMPARE(till->take(u"staff"_s, 2'000).value(u"staff"_s).toArray().size(), 4);
    QVERIFY(elevated(u"POS-01"_s, u"Dana"_s, u"5555"_s).ok());
    QCOMPARE(text(edit(u"add"_s, u"Dana"_s, u"5555"_s, u"manager"_s), "field"), u"name"_s);
    QCOMPARE(text(edit(u"add"_s, u"Eve"_s, u"12"_s, u"cashier"_s), "field"), u"pin"_s);
    QCOMPARE(edit(u"pin"_s, u"Dana"_s, u"6666"_s).value(u"ok"_s).toBool(), true);
    Session other = m_store->connect(u"POS-01"_s);
    QCOMPARE(text(ask(other,
                      {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Dana"_s}, {u"pin"_s, u"5555"_s}}),
                  "code"),
             u"wrong_pin"_s);
    Session dana = elevated(u"POS-01"_s, u"Dana"_s, u"6666"_s);
    QVERIFY(dana.ok());
    QCOMPARE(ask(dana, {{u"type"_s, u"products"_s}}).value(u"ok"_s).toBool(), true);
    QCOMPARE(edit(u"deactivate"_s, u"Dana"_s, {}).value(u"ok"_s).toBool(), true);
    // Signed out of POS-01 by then, not 8 hours later: her next request is refused.
    QCOMPARE(text(ask(dana, {{u"type"_s, u"products"_s}}), "code"), u"forbidden"_s);
    QCOMPARE(text(ask(other,
                      {{u"type"_s, u"elevate"_s}, {u"staff"_s, u"Dana"_s}, {u"pin"_s, u"6666"_s}}),
                  "code"),
             u"not_manager"_s);
    QCOMPARE(text(edit(u"pin"_s, u"Dana"_s, u"7777"_s), "code"), u"not_found"_s);
    // The PIN itself is kept nowhere: only its hash, in the staff table.
    const auto run = m_store->server().admin({u"staff"_s, u"list"_s});
    QVERIFY(!run.out.contains("6666"));
}

void TestServerBackOffice::terminalsAreListedPairedAndRevoked()
{
    Session pos2 = m_store->connect(u"POS-02"_s);
    Session s = elevated(u"MGR-01"_s);
    QVERIFY(pos2.ok() && s.ok());
    QJsonObject answer = ask(s, {{u"type"_s, u"terminals"_s}});
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue v : answer.value(u"rows"_s).toArray())
        rows.insert(text(v.toObject(), "terminal"), v.toObject());
    QCOMPARE(rows.size(), 6);
    QCOMPARE(text(rows.value(u"WEB-01"_s), "role"), u"channel"_s);
    QCOMPARE(rows.value(u"POS-02"_s).value(u"online"_s).toBool(), true);
    QCOMPARE(rows.value(u"POS-01"_s).value(u"online"_s).toBool(true), false);
    QVERIFY(isUtcTime(text(rows.value(u"POS-02"_s), "lastSeen")));
    QCOMPARE(integer(rows.value(u"POS-02"_s), "backlog"), 0);
    QCOMPARE(rows.value(u"POS-02"_s).value(u"revoked"_s).toBool(true), false);

    answer = ask(s, {{u"type"_s, u"pairingCode"_s},
                     {u"id"_s, newId()},
                     {u"terminal"_s, u"POS-09"_s},
                     {u"role"_s, u"pos"_s}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    QVERIFY(isUtcTime(text(answer, "expiresAt")));
    WireClient device;
    QVERIFY(device.open(m_store->server().url()));
    device.send({{u"type"_s, u"pair"_s}, {u"code"_s, text(answer, "code")}});
    const QJsonObject paired = device.take(u"paired"_s);
    QCOMPARE(text(paired, "terminal"), u"POS-09"_s);
    answer = ask(s, {{u"type"_s, u"pairingCode"_s},
                     {u"id"_s, newId()},
                     {u"terminal"_s, u"POS-09"_s},
                     {u"role"_s, u"manager"_s}});
    QCOMPARE(text(answer, "field"), u"role"_s);

    answer = ask(
        s, {{u"type"_s, u"terminalRevoke"_s}, {u"id"_s, newId()}, {u"terminal"_s, u"POS-02"_s}});
    QCOMPARE(answer.value(u"ok"_s).toBool(), true);
    QCOMPARE(pos2->waitClosed(3'000), 4403);
    answer =
        ask(s, {{u"type"_s, u"terminalRevoke"_s}, {u"id"_s, newId()}, {u"terminal"_s, u"NOPE"_s}});
    QCOMPARE(text(answer, "code"), u"not_found"_s);
}

// sync::BackOffice over the terminal's own client: offline it answers at once that it needs the
// server; online the manager signs in, each request gets its answer by id, and the sign-in ends
// with the connection.
void TestServerBackOffice::theTerminalsBackOfficeClientAsksAndMatches()
{
    QTemporaryDir dir;
    auto store = stockline::LocalStore::open(dir.filePath(u"mgr.db"_s));
    QVERIFY(store);
    stockline::sync::ClientOptions options;
    options.url = m_store->server().url();
    options.terminal = u"MGR-01"_s;
    options.token = m_store->token(u"MGR-01"_s);
    stockline::sync::Client client(*store.value(), nullptr, options);
    stockline::sync::BackOffice office(client);
    QSignalSpy answered(&office, &stockline::sync::BackOffice::answered);
    const auto answerTo = [&](const QString& request) {
        stockline::sync::BackOfficeAnswer found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QList<QVariant>& args : std::as_const(answered)) {
                    if (args.at(0).toString() == request)
                        found = args.at(1).value<stockline::sync::BackOfficeAnswer>();
                }
                return !found.request.isEmpty();
            },
            12'000);
        return found;
    };

    stockline::sync::BackOfficeAnswer answer = answerTo(office.send(u"products"_s));
    QCOMPARE(answer.ok, false);
    QCOMPARE(answer.code, u"offline"_s);
    QCOMPARE(answer.message, u"The back office needs the server"_s);

    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 10'000);
    answer = answerTo(office.elevate(u"Ben"_s, u"4321"_s));
    QVERIFY(answer.ok);
    QVERIFY(office.isElevated());
    QCOMPARE(office.manager(), u"Ben"_s);
    const QString first = office.send(u"products"_s, {{u"limit"_s, 1}});
    const QString second =
        office.send(u"product"_s, {{u"product"_s, productObject(u"N1"_s, u"Notebook"_s, 450)},
                                   {u"expectedVersion"_s, 0}});
    answer = answerTo(second);
    QVERIFY2(answer.ok, qPrintable(answer.message));
    QCOMPARE(answer.body.value(u"version"_s).toInteger(), 1);
    answer = answerTo(first);
    QCOMPARE(answer.body.value(u"total"_s).toInteger(), 4);

    // Another manager deactivates Ben: his screen asks for a manager's PIN again.
    Session cleo = elevated(u"POS-01"_s, u"Cleo"_s, u"8765"_s);
    QVERIFY(cleo.ok());
    QCOMPARE(ask(cleo, {{u"type"_s, u"staffEdit"_s},
                        {u"id"_s, newId()},
                        {u"action"_s, u"deactivate"_s},
                        {u"name"_s, u"Ben"_s}})
                 .value(u"ok"_s)
                 .toBool(),
             true);
    answer = answerTo(office.send(u"products"_s));
    QCOMPARE(answer.code, u"forbidden"_s);
    QVERIFY(!office.isElevated());
    answer = answerTo(office.elevate(u"Cleo"_s, u"8765"_s));
    QVERIFY(answer.ok);

    client.stop();
    QTRY_VERIFY(!office.isElevated());
}

QTEST_MAIN(TestServerBackOffice)
#include "tst_serverbackoffice.moc"
