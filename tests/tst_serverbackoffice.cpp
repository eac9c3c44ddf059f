// The back office on the server (issue 20; sync/PROTOCOL.md, "Back office (issue 20)"), against
// the real stockline-server process over real WebSockets (raw JSON): a manager's sign-in on a
// socket (elevate), the one `answer` per request, products with the optimistic version check,
// prices now, at a time and in bulk, staff and terminals — and what every till sees of them.
#include "pinhash.h"
#include "serverfixture.h"
#include "staff.h"

#include <QDateTime>
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

private:
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
    QCOMPARE(integer(seen, "version"), 1);
    QVERIFY(!seen.contains(u"cost"_s)); // tills never get cost
    QVERIFY(!seen.contains(u"supplier"_s));
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

QTEST_MAIN(TestServerBackOffice)
#include "tst_serverbackoffice.moc"
