#include "mutation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stockline;

Q_DECLARE_METATYPE(stockline::Mutation)
Q_DECLARE_METATYPE(stockline::MutationKind)

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QDateTime exampleTime()
{
    return QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 250), Qt::UTC);
}

Mutation mutation(qint64 seq, MutationBody body)
{
    Mutation m;
    m.seq = seq;
    m.id = QStringLiteral("9b2f1c3e-0000-4000-8000-%1").arg(seq, 12, 10, QLatin1Char('0'));
    m.at = exampleTime();
    m.body = std::move(body);
    return m;
}

SaleLine saleLine(const char* sku, qint64 qty, qint64 priceMinor, const char* reservation = "")
{
    SaleLine line;
    line.sku = s(sku);
    line.qty = qty;
    line.price = Money::fromMinor(priceMinor);
    line.reservation = s(reservation);
    return line;
}

Payment payment(const char* method, qint64 amountMinor, const char* reference = "")
{
    Payment p;
    p.method = s(method);
    p.amount = Money::fromMinor(amountMinor);
    p.reference = s(reference);
    return p;
}

ItemLine itemLine(const char* sku, qint64 qty)
{
    ItemLine line;
    line.sku = s(sku);
    line.qty = qty;
    return line;
}

// One valid example per kind with every optional field absent: every field of its wire object
// is required, which missingRequiredFields() relies on.
Mutation reserve()
{
    ReserveMutation b;
    b.reservation = s("R-1");
    b.sku = s("A1");
    b.location = s("store-1");
    b.qty = 2;
    b.ttl = 900;
    return mutation(1, b);
}

Mutation release()
{
    ReleaseMutation b;
    b.reservation = s("R-1");
    return mutation(2, b);
}

Mutation sale()
{
    SaleMutation b;
    b.sale = s("S-1001");
    b.location = s("store-1");
    b.lines = {saleLine("A1", 2, 499), saleLine("B2", 1, 1250), saleLine("C3", 3, 100)};
    b.payments = {payment("card", 2000), payment("cash", 800)};
    return mutation(3, b);
}

Mutation returnOf()
{
    ReturnMutation b;
    b.returnId = s("RT-7");
    b.location = s("store-1");
    b.lines = {itemLine("A1", 1), itemLine("B2", 2)};
    return mutation(4, b);
}

Mutation receive()
{
    ReceiveMutation b;
    b.receipt = s("GR-55");
    b.location = s("dock-1");
    b.lines = {itemLine("A1", 24), itemLine("B2", 12)};
    return mutation(5, b);
}

Mutation count()
{
    CountMutation b;
    b.sku = s("A1");
    b.location = s("store-1");
    b.counted = 17;
    b.expectedVersion = 4;
    return mutation(6, b);
}

Mutation transfer()
{
    TransferMutation b;
    b.transfer = s("T-3");
    b.sku = s("A1");
    b.from = s("dock-1");
    b.to = s("store-1");
    b.qty = 6;
    return mutation(7, b);
}

Mutation adjust()
{
    AdjustMutation b;
    b.sku = s("A1");
    b.location = s("store-1");
    b.delta = -2;
    b.reason = s("damaged in transit");
    return mutation(8, b);
}

Mutation approval()
{
    ApprovalMutation b;
    b.action = s("price_override");
    b.staff = s("Ana P.");
    b.approver = s("Ben K.");
    b.detail = s("Milk 1 L: 4.49 → 3.99");
    return mutation(9, b);
}

Mutation resolveLoss()
{
    ResolveMutation b;
    b.shortage = 7;
    b.resolution = ResolveMutation::Resolution::Loss;
    b.staff = s("Alex");
    b.approvedBy = s("Morgan");
    return mutation(9, b);
}

Mutation resolveRecount()
{
    ResolveMutation b;
    b.shortage = 7;
    b.resolution = ResolveMutation::Resolution::Recount;
    b.counted = 4;
    b.expectedVersion = 18;
    b.staff = s("Morgan");
    b.approvedBy = s("Morgan");
    return mutation(9, b);
}

Mutation cash(CashMutation::Event event, qint64 amount)
{
    CashMutation b;
    b.session = s("POS-01-C000003");
    b.event = event;
    b.staff = s("Ana");
    b.amount = Money::fromMinor(amount);
    if (event == CashMutation::Event::PaidIn || event == CashMutation::Event::PaidOut)
        b.reason = s("milk man");
    if (event == CashMutation::Event::Close)
        b.expected = Money::fromMinor(45500);
    return mutation(9, b);
}

QList<std::pair<const char*, Mutation>> minimalExamples()
{
    return {{"reserve", reserve()},   {"release", release()},
            {"sale", sale()},         {"return", returnOf()},
            {"receive", receive()},   {"count", count()},
            {"transfer", transfer()}, {"adjust", adjust()},
            {"approval", approval()}, {"cash", cash(CashMutation::Event::Open, 10000)}};
}

// A copy of `m` with its body of type Body changed by `change`.
template <typename Body, typename Change> Mutation changed(Mutation m, Change change)
{
    change(std::get<Body>(m.body));
    return m;
}

Mutation saleWithEverything()
{
    return changed<SaleMutation>(sale(), [](SaleMutation& b) {
        b.lines[0].reservation = s("R-1");
        b.payments = {payment("card", 2000, "slip 0042"), payment("cash", 1000),
                      payment("cash", -200)};
        b.offline = true;
        b.staff = s("Ana P.");
    });
}

Mutation returnWithSale()
{
    return changed<ReturnMutation>(returnOf(), [](ReturnMutation& b) { b.sale = s("S-1001"); });
}

// A receipt line that adds up: net = qty × unitPrice − discount (per kg for a measured unit),
// tax at `rate` per mille of a percent.
ReceiptEntry receiptEntry(const char* sku, qint64 qty, qint64 unitPrice, qint64 discount,
                          int milliPercent, Unit unit = Unit::Each)
{
    ReceiptEntry e;
    e.sku = s(sku);
    e.name = s("Item ") + e.sku;
    e.qty = qty;
    e.unit = unit;
    e.unitPrice = Money::fromMinor(unitPrice);
    e.discount = Money::fromMinor(discount);
    e.taxRate = TaxRate::fromMilliPercent(milliPercent);
    const Money net = priceOf(e.unitPrice, qty, unit) - e.discount;
    e.tax = e.taxRate.taxOn(net);
    e.total = net + e.tax;
    return e;
}

// sale() with its receipt: 2 × 4.99 at 8.875 %, 1 × 12.50 with 0.50 off (approved), 3 × 1.00
// tax-free; paid 20.00 by card and the rest in cash with change.
Mutation saleWithReceipt()
{
    return changed<SaleMutation>(sale(), [](SaleMutation& b) {
        ReceiptContent r;
        r.cashSession = s("POS-01-C000003");
        r.lines = {receiptEntry("A1", 2, 499, 0, 8875), receiptEntry("B2", 1, 1250, 50, 8875),
                   receiptEntry("C3", 3, 100, 0, 0)};
        r.lines[1].listPrice = Money::fromMinor(1300);
        r.lines[1].approvedBy = s("Ben");
        for (const ReceiptEntry& e : r.lines) {
            r.net += e.net();
            r.tax += e.tax;
            r.total += e.total;
        }
        b.payments = {payment("card", 2000, "slip 0042"), payment("cash", 1000),
                      payment("cash", r.total.minor() - 3000)};
        b.receipt = r;
    });
}

// A German store's receipt (issue 23): VAT-inclusive shelf prices, tax rounded per receipt.
// Three 0.99 at 19 %: the 0.47 of VAT in 2.97 shared as 0.16, 0.16, 0.15.
Mutation vatSaleWithReceipt()
{
    return changed<SaleMutation>(sale(), [](SaleMutation& b) {
        ReceiptContent r;
        r.taxRule = TaxRule{true, TaxRounding::Receipt};
        b.lines = {saleLine("A1", 3, 83)};
        for (const qint64 tax : {16, 16, 15}) {
            ReceiptEntry e = receiptEntry("A1", 1, 99, 0, 19000);
            e.tax = Money::fromMinor(tax);
            e.total = Money::fromMinor(99);
            r.lines.append(e);
            r.net += e.net();
            r.tax += e.tax;
            r.total += e.total;
        }
        b.payments = {payment("cash", 297)};
        b.receipt = r;
    });
}

// 532 g of bananas at 2.99 per kg: 1.59.
Mutation weighedSale()
{
    SaleMutation b;
    b.sale = s("POS-01-000007");
    b.location = s("store-1");
    b.lines = {saleLine("BAN", 532, 299)};
    ReceiptContent r;
    r.lines = {receiptEntry("BAN", 532, 299, 0, 0, Unit::Kilogram)};
    r.net = r.tax = Money();
    r.net = r.lines[0].net();
    r.total = r.lines[0].total;
    b.payments = {payment("cash", r.total.minor())};
    b.receipt = r;
    return mutation(3, b);
}

// returnWithSale() with its refund: one A1 (line 1) and two B2 (line 2, but the sale had one:
// the mutation alone cannot know, the server decides) by card.
Mutation returnWithRefund()
{
    return changed<ReturnMutation>(returnWithSale(), [](ReturnMutation& b) {
        RefundContent r;
        r.staff = s("Ana");
        r.approvedBy = s("Ben");
        r.cashSession = s("POS-02-C000001");
        r.lines = {RefundEntry{1, s("A1"), 1, Money::fromMinor(543), Money::fromMinor(44)},
                   RefundEntry{2, s("B2"), 2, Money::fromMinor(2000), Money::fromMinor(163)}};
        r.payments = {payment("card", 2543, "VISA-1234")};
        r.total = Money::fromMinor(2543);
        b.refund = r;
    });
}

Mutation receiveWithReference()
{
    return changed<ReceiveMutation>(receive(),
                                    [](ReceiveMutation& b) { b.reference = s("PO 2026/118"); });
}

Mutation receiveAgainstDelivery()
{
    return changed<ReceiveMutation>(receive(), [](ReceiveMutation& b) {
        b.delivery = s("PO-2026-0042");
        b.rejected = {itemLine("B2", 1)};
        b.over = true;
    });
}

QJsonObject parse(const char* json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QJsonObject with(QJsonObject object, const char* key, const QJsonValue& value)
{
    object.insert(QLatin1String(key), value);
    return object;
}

QJsonObject without(QJsonObject object, const char* key)
{
    object.remove(QLatin1String(key));
    return object;
}

QJsonObject withEntry(QJsonObject object, const char* list, qsizetype index,
                      const QJsonValue& entry)
{
    QJsonArray array = object.value(QLatin1String(list)).toArray();
    array.replace(index, entry);
    object.insert(QLatin1String(list), array);
    return object;
}

QJsonObject entry(const QJsonObject& object, const char* list, qsizetype index)
{
    return object.value(QLatin1String(list)).toArray().at(index).toObject();
}

QJsonObject withEntryField(const QJsonObject& object, const char* list, qsizetype index,
                           const char* key, const QJsonValue& value)
{
    return withEntry(object, list, index, with(entry(object, list, index), key, value));
}

QJsonObject withoutEntryField(const QJsonObject& object, const char* list, qsizetype index,
                              const char* key)
{
    return withEntry(object, list, index, without(entry(object, list, index), key));
}

QByteArray describe(const Result<Mutation>& result)
{
    return result.ok() ? QByteArrayLiteral("accepted") : result.error().toString().toUtf8();
}

} // namespace

class TestMutation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryKind_data()
    {
        QTest::addColumn<Mutation>("mutation");
        for (const auto& [name, m] : minimalExamples())
            QTest::newRow(name) << m;
        QTest::newRow("sale with every optional field") << saleWithEverything();
        QTest::newRow("return naming its sale") << returnWithSale();
        QTest::newRow("receive with reference") << receiveWithReference();
        QTest::newRow("receive against a delivery") << receiveAgainstDelivery();
        QTest::newRow("adjust upwards")
            << changed<AdjustMutation>(adjust(), [](auto& b) { b.delta = 5; });
        QTest::newRow("resolve: accept the loss") << resolveLoss();
        QTest::newRow("resolve: recount") << resolveRecount();
        QTest::newRow("resolve: recount to zero")
            << changed<ResolveMutation>(resolveRecount(), [](auto& b) { b.counted = 0; });
        QTest::newRow("approval of a shortage resolution") << changed<ApprovalMutation>(
            approval(), [](auto& b) { b.action = s("shortage_resolution"); });
        QTest::newRow("sale with its receipt") << saleWithReceipt();
        QTest::newRow("sale of 532 g") << weighedSale();
        QTest::newRow("VAT-inclusive sale rounded per receipt") << vatSaleWithReceipt();
        QTest::newRow("VAT-inclusive sale rounded per line")
            << changed<SaleMutation>(vatSaleWithReceipt(), [](SaleMutation& b) {
                   b.receipt->taxRule.rounding = TaxRounding::Line;
                   b.receipt->lines[2].tax = Money::fromMinor(16);
                   b.receipt->tax = Money::fromMinor(48);
                   b.receipt->net = Money::fromMinor(249);
               });
        QTest::newRow("return with its refund") << returnWithRefund();
        QTest::newRow("offline return")
            << changed<ReturnMutation>(returnWithRefund(), [](auto& b) { b.offline = true; });
        QTest::newRow("cash paid in") << cash(CashMutation::Event::PaidIn, 2000);
        QTest::newRow("cash paid out") << cash(CashMutation::Event::PaidOut, 1500);
        QTest::newRow("cash close") << cash(CashMutation::Event::Close, 45230);
    }
    void roundTripsEveryKind()
    {
        QFETCH(Mutation, mutation);
        const std::optional<Error> problem = mutation.validate();
        QVERIFY2(!problem, qPrintable(problem ? problem->toString() : QString()));

        const QJsonObject wire = mutation.toJson();
        const Result<Mutation> read = Mutation::fromJson(wire);
        QVERIFY2(read.ok(), describe(read).constData());
        QVERIFY(read.value() == mutation);
        QCOMPARE(read.value().toJson(), wire);
    }

    void writesExactWireObject_data()
    {
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QJsonObject>("expected");
        QTest::newRow("reserve") << reserve()
                                 << parse(R"({"seq":1,"id":"9b2f1c3e-0000-4000-8000-000000000001",
            "kind":"reserve","at":"2026-11-22T10:00:00.250Z","reservation":"R-1","sku":"A1",
            "location":"store-1","qty":2,"ttl":900})");
        QTest::newRow("release") << release()
                                 << parse(R"({"seq":2,"id":"9b2f1c3e-0000-4000-8000-000000000002",
            "kind":"release","at":"2026-11-22T10:00:00.250Z","reservation":"R-1"})");
        QTest::newRow("resolve by loss has no count")
            << resolveLoss() << parse(R"({"seq":9,"id":"9b2f1c3e-0000-4000-8000-000000000009",
            "kind":"resolve","at":"2026-11-22T10:00:00.250Z","shortage":7,"resolution":"loss",
            "staff":"Alex","approvedBy":"Morgan"})");
        QTest::newRow("resolve by recount")
            << resolveRecount() << parse(R"({"seq":9,"id":"9b2f1c3e-0000-4000-8000-000000000009",
            "kind":"resolve","at":"2026-11-22T10:00:00.250Z","shortage":7,
            "resolution":"recount","counted":4,"expectedVersion":18,"staff":"Morgan",
            "approvedBy":"Morgan"})");
        QTest::newRow("sale omits empty optional fields")
            << sale() << parse(R"({"seq":3,"id":"9b2f1c3e-0000-4000-8000-000000000003",
            "kind":"sale","at":"2026-11-22T10:00:00.250Z","sale":"S-1001","location":"store-1",
            "lines":[{"sku":"A1","qty":2,"price":499},{"sku":"B2","qty":1,"price":1250},
                     {"sku":"C3","qty":3,"price":100}],
            "payments":[{"method":"card","amount":2000},{"method":"cash","amount":800}]})");
        QTest::newRow("sale writes set optional fields")
            << saleWithEverything()
            << parse(R"({"seq":3,"id":"9b2f1c3e-0000-4000-8000-000000000003",
            "kind":"sale","at":"2026-11-22T10:00:00.250Z","sale":"S-1001","location":"store-1",
            "lines":[{"sku":"A1","qty":2,"price":499,"reservation":"R-1"},
                     {"sku":"B2","qty":1,"price":1250},{"sku":"C3","qty":3,"price":100}],
            "payments":[{"method":"card","amount":2000,"reference":"slip 0042"},
                        {"method":"cash","amount":1000},{"method":"cash","amount":-200}],
            "offline":true,"staff":"Ana P."})");
        QTest::newRow("return id is named return")
            << returnOf() << parse(R"({"seq":4,"id":"9b2f1c3e-0000-4000-8000-000000000004",
            "kind":"return","at":"2026-11-22T10:00:00.250Z","return":"RT-7","location":"store-1",
            "lines":[{"sku":"A1","qty":1},{"sku":"B2","qty":2}]})");
        QTest::newRow("return with sale")
            << returnWithSale() << parse(R"({"seq":4,"id":"9b2f1c3e-0000-4000-8000-000000000004",
            "kind":"return","at":"2026-11-22T10:00:00.250Z","return":"RT-7","location":"store-1",
            "lines":[{"sku":"A1","qty":1},{"sku":"B2","qty":2}],"sale":"S-1001"})");
        QTest::newRow("receive") << receive()
                                 << parse(R"({"seq":5,"id":"9b2f1c3e-0000-4000-8000-000000000005",
            "kind":"receive","at":"2026-11-22T10:00:00.250Z","receipt":"GR-55","location":"dock-1",
            "lines":[{"sku":"A1","qty":24},{"sku":"B2","qty":12}]})");
        QTest::newRow("receive with reference")
            << receiveWithReference()
            << parse(R"({"seq":5,"id":"9b2f1c3e-0000-4000-8000-000000000005",
            "kind":"receive","at":"2026-11-22T10:00:00.250Z","receipt":"GR-55","location":"dock-1",
            "lines":[{"sku":"A1","qty":24},{"sku":"B2","qty":12}],"reference":"PO 2026/118"})");
        QTest::newRow("receive against a delivery")
            << receiveAgainstDelivery()
            << parse(R"({"seq":5,"id":"9b2f1c3e-0000-4000-8000-000000000005",
            "kind":"receive","at":"2026-11-22T10:00:00.250Z","receipt":"GR-55","location":"dock-1",
            "lines":[{"sku":"A1","qty":24},{"sku":"B2","qty":12}],"delivery":"PO-2026-0042",
            "rejected":[{"sku":"B2","qty":1}],"over":true})");
        QTest::newRow("count") << count()
                               << parse(R"({"seq":6,"id":"9b2f1c3e-0000-4000-8000-000000000006",
            "kind":"count","at":"2026-11-22T10:00:00.250Z","sku":"A1","location":"store-1",
            "counted":17,"expectedVersion":4})");
        QTest::newRow("transfer") << transfer()
                                  << parse(R"({"seq":7,"id":"9b2f1c3e-0000-4000-8000-000000000007",
            "kind":"transfer","at":"2026-11-22T10:00:00.250Z","transfer":"T-3","sku":"A1",
            "from":"dock-1","to":"store-1","qty":6})");
        QTest::newRow("adjust") << adjust()
                                << parse(R"({"seq":8,"id":"9b2f1c3e-0000-4000-8000-000000000008",
            "kind":"adjust","at":"2026-11-22T10:00:00.250Z","sku":"A1","location":"store-1",
            "delta":-2,"reason":"damaged in transit"})");
        QTest::newRow("approval") << approval()
                                  << parse(R"({"seq":9,"id":"9b2f1c3e-0000-4000-8000-000000000009",
            "kind":"approval","at":"2026-11-22T10:00:00.250Z","action":"price_override",
            "staff":"Ana P.","approver":"Ben K.","detail":"Milk 1 L: 4.49 → 3.99"})");
    }
    void writesExactWireObject()
    {
        QFETCH(Mutation, mutation);
        QFETCH(QJsonObject, expected);
        QCOMPARE(mutation.toJson(), expected);
    }

    void writesAtAsUtcWithZ()
    {
        Mutation m = reserve();
        m.at = QDateTime(QDate(2026, 11, 22), QTime(11, 30), Qt::OffsetFromUTC, 3600);
        QCOMPARE(m.toJson().value(QLatin1String("at")).toString(), s("2026-11-22T10:30:00.000Z"));
    }

    // Each row breaks one value of a valid mutation. Both validate() and fromJson() of its wire
    // object must name the same field: toJson() writes whatever it is given.
    void rejectsInvalidValueNamingItsField_data()
    {
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QString>("field");
        const auto row = [](const char* name, const Mutation& m, const char* field) {
            QTest::newRow(name) << m << s(field);
        };

        using SM = SaleMutation;
        using RM = ReturnMutation;
        using CM = CashMutation;
        row("receipt line tax not its rate of the net",
            changed<SM>(saleWithReceipt(),
                        [](SM& b) { b.receipt->lines[0].tax += Money::fromMinor(1); }),
            "receipt.lines[0].tax");
        row("VAT receipt shares its rate's tax otherwise",
            changed<SM>(vatSaleWithReceipt(),
                        [](SM& b) {
                            b.receipt->lines[0].tax = Money::fromMinor(15);
                            b.receipt->lines[2].tax = Money::fromMinor(16);
                        }),
            "receipt.lines[0].tax");
        row("VAT line total not its amount",
            changed<SM>(vatSaleWithReceipt(),
                        [](SM& b) {
                            b.receipt->lines[1].total += Money::fromMinor(16);
                            b.receipt->total += Money::fromMinor(16);
                        }),
            "receipt.lines[1].total");
        row("VAT per line taxed as a share",
            changed<SM>(vatSaleWithReceipt(),
                        [](SM& b) { b.receipt->taxRule.rounding = TaxRounding::Line; }),
            "receipt.lines[2].tax");
        row("receipt line total not net plus tax",
            changed<SM>(saleWithReceipt(),
                        [](SM& b) { b.receipt->lines[2].total += Money::fromMinor(1); }),
            "receipt.lines[2].total");
        row("receipt discount beyond the line",
            changed<SM>(saleWithReceipt(),
                        [](SM& b) { b.receipt->lines[2].discount = Money::fromMinor(301); }),
            "receipt.lines[2].discount");
        row("receipt total not its lines' totals",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.receipt->total += Money::fromMinor(1); }),
            "receipt.total");
        row("receipt tax not its lines' taxes",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.receipt->tax -= Money::fromMinor(1); }),
            "receipt.tax");
        row("payments not the receipt's total",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.payments.removeLast(); }), "payments");
        row("receipt with more of a SKU than the stock lines",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.lines[0].qty = 1; }), "receipt.lines");
        row("receipt without lines",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.receipt->lines.clear(); }),
            "receipt.lines");
        row("receipt line with a bad SKU",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.receipt->lines[1].sku = s("no spaces"); }),
            "receipt.lines[1].sku");
        row("receipt cash session not an ID",
            changed<SM>(saleWithReceipt(), [](SM& b) { b.receipt->cashSession = s("a b"); }),
            "receipt.cashSession");
        row("refund without its sale",
            changed<RM>(returnWithRefund(), [](RM& b) { b.sale.clear(); }), "sale");
        row("refund without staff",
            changed<RM>(returnWithRefund(), [](RM& b) { b.refund->staff = s(" "); }),
            "refund.staff");
        row("refund line 0",
            changed<RM>(returnWithRefund(), [](RM& b) { b.refund->lines[0].line = 0; }),
            "refund.lines[0].line");
        row("refund tax share above its amount",
            changed<RM>(returnWithRefund(),
                        [](RM& b) { b.refund->lines[0].tax = Money::fromMinor(544); }),
            "refund.lines[0].tax");
        row("refund total not its lines",
            changed<RM>(returnWithRefund(),
                        [](RM& b) {
                            b.refund->total += Money::fromMinor(1);
                            b.refund->payments[0].amount += Money::fromMinor(1);
                        }),
            "refund.total");
        row("refund payments not its total",
            changed<RM>(returnWithRefund(),
                        [](RM& b) { b.refund->payments[0].amount = Money::fromMinor(2000); }),
            "refund.total");
        row("refund paid back a negative amount",
            changed<RM>(returnWithRefund(),
                        [](RM& b) {
                            b.refund->payments = {payment("card", 2643), payment("cash", -100)};
                        }),
            "refund.payments[1].amount");
        row("refund of other quantities than the stock lines",
            changed<RM>(returnWithRefund(), [](RM& b) { b.lines[1].qty = 1; }), "refund.lines");
        row("cash paid out without a reason",
            changed<CM>(cash(CM::Event::PaidOut, 100), [](CM& b) { b.reason.clear(); }), "reason");
        row("cash paid in of nothing", cash(CM::Event::PaidIn, 0), "amount");
        row("cash float below zero", cash(CM::Event::Open, -1), "amount");
        row("cash session not an ID",
            changed<CM>(cash(CM::Event::Open, 0), [](CM& b) { b.session.clear(); }), "session");
        row("cash without staff",
            changed<CM>(cash(CM::Event::Close, 0), [](CM& b) { b.staff = s(" "); }), "staff");

        row("resolve of shortage 0",
            changed<ResolveMutation>(resolveLoss(), [](auto& b) { b.shortage = 0; }), "shortage");
        row("resolve without staff",
            changed<ResolveMutation>(resolveLoss(), [](auto& b) { b.staff = s("  "); }), "staff");
        row("resolve without approver",
            changed<ResolveMutation>(resolveLoss(), [](auto& b) { b.approvedBy.clear(); }),
            "approvedBy");
        row("recount below zero",
            changed<ResolveMutation>(resolveRecount(), [](auto& b) { b.counted = -1; }), "counted");

        Mutation m = reserve();
        m.seq = 0;
        row("seq 0", m, "seq");
        m.seq = -5;
        row("negative seq", m, "seq");
        m.seq = maxWireInteger + 1;
        row("seq beyond 2^53", m, "seq");
        m = reserve();
        m.id.clear();
        row("empty id", m, "id");
        m.id = QString(65, QLatin1Char('a'));
        row("id of 65 characters", m, "id");
        m.id = s("9b2f 1c3e");
        row("id with a space", m, "id");
        m.id = s("9b2f/1c3e");
        row("id with a slash", m, "id");
        m.id = s("caf\u00e9");
        row("id with a non-ASCII letter", m, "id");
        m = reserve();
        m.at = QDateTime();
        row("invalid at", m, "at");

        using R = ReserveMutation;
        row("reserve without reservation",
            changed<R>(reserve(), [](R& b) { b.reservation = QString(); }), "reservation");
        row("reserve reservation with slash",
            changed<R>(reserve(), [](R& b) { b.reservation = s("R/1"); }), "reservation");
        row("reserve bad sku", changed<R>(reserve(), [](R& b) { b.sku = s("A 1"); }), "sku");
        row("reserve bad location", changed<R>(reserve(), [](R& b) { b.location = QString(); }),
            "location");
        row("reserve qty 0", changed<R>(reserve(), [](R& b) { b.qty = 0; }), "qty");
        row("reserve negative qty", changed<R>(reserve(), [](R& b) { b.qty = -1; }), "qty");
        row("reserve qty above max", changed<R>(reserve(), [](R& b) { b.qty = maxQuantity + 1; }),
            "qty");
        row("reserve ttl 0", changed<R>(reserve(), [](R& b) { b.ttl = 0; }), "ttl");
        row("reserve ttl above a day", changed<R>(reserve(), [](R& b) { b.ttl = 86401; }), "ttl");

        row("release bad reservation",
            changed<ReleaseMutation>(release(), [](auto& b) { b.reservation = s("R 1"); }),
            "reservation");

        using S = SaleMutation;
        row("sale bad sale id", changed<S>(sale(), [](S& b) { b.sale = QString(65, u'x'); }),
            "sale");
        row("sale bad location", changed<S>(sale(), [](S& b) { b.location = s("a/b"); }),
            "location");
        row("sale without lines", changed<S>(sale(), [](S& b) { b.lines.clear(); }), "lines");
        row("sale with more lines than max",
            changed<S>(sale(),
                       [](S& b) {
                           b.lines =
                               QList<SaleLine>(maxLinesPerMutation + 1, saleLine("A1", 1, 100));
                       }),
            "lines");
        row("sale line bad sku", changed<S>(sale(), [](S& b) { b.lines[2].sku = s("C 3"); }),
            "lines[2].sku");
        row("sale line qty 0", changed<S>(sale(), [](S& b) { b.lines[1].qty = 0; }),
            "lines[1].qty");
        row("sale line qty above max",
            changed<S>(sale(), [](S& b) { b.lines[0].qty = maxQuantity + 1; }), "lines[0].qty");
        row("sale line negative price",
            changed<S>(sale(), [](S& b) { b.lines[0].price = Money::fromMinor(-1); }),
            "lines[0].price");
        row("sale line price above max",
            changed<S>(sale(),
                       [](S& b) { b.lines[2].price = Money::fromMinor(maxMoneyMinor + 1); }),
            "lines[2].price");
        row("approval of an unknown action",
            changed<ApprovalMutation>(approval(),
                                      [](ApprovalMutation& b) { b.action = s("lunch"); }),
            "action");
        row("approval without an approver",
            changed<ApprovalMutation>(approval(), [](ApprovalMutation& b) { b.approver = s(" "); }),
            "approver");
        row("sale lines adding up beyond the money range",
            changed<S>(sale(), [](S& b) { b.lines[1].price = Money::fromMinor(maxMoneyMinor); }),
            "lines");
        row("sale line bad reservation",
            changed<S>(sale(), [](S& b) { b.lines[1].reservation = s("R 1"); }),
            "lines[1].reservation");
        row("sale lines sharing a reservation",
            changed<S>(sale(),
                       [](S& b) {
                           b.lines[0].reservation = s("R-1");
                           b.lines[2].reservation = s("R-1");
                       }),
            "lines[2].reservation");
        row("sale with more payments than max",
            changed<S>(sale(),
                       [](S& b) {
                           b.payments = QList<Payment>(maxLinesPerMutation + 1, payment("cash", 1));
                       }),
            "payments");
        row("sale payment bad method",
            changed<S>(sale(), [](S& b) { b.payments[1].method = QString(); }),
            "payments[1].method");
        row("sale payment above max",
            changed<S>(sale(),
                       [](S& b) { b.payments[0].amount = Money::fromMinor(maxMoneyMinor + 1); }),
            "payments[0].amount");
        row("sale payment below minus max",
            changed<S>(sale(),
                       [](S& b) { b.payments[0].amount = Money::fromMinor(-maxMoneyMinor - 1); }),
            "payments[0].amount");
        row("sale payment reference too long",
            changed<S>(sale(),
                       [](S& b) { b.payments[1].reference = QString(maxTextLength + 1, u'r'); }),
            "payments[1].reference");
        row("sale staff too long",
            changed<S>(sale(), [](S& b) { b.staff = QString(maxTextLength + 1, u's'); }), "staff");
        row("sale staff with a newline", changed<S>(sale(), [](S& b) { b.staff = s("Ana\nP."); }),
            "staff");

        using Rt = ReturnMutation;
        row("return bad id", changed<Rt>(returnOf(), [](Rt& b) { b.returnId = QString(); }),
            "return");
        row("return bad location",
            changed<Rt>(returnOf(), [](Rt& b) { b.location = s("store 1"); }), "location");
        row("return without lines", changed<Rt>(returnOf(), [](Rt& b) { b.lines.clear(); }),
            "lines");
        row("return line bad sku",
            changed<Rt>(returnOf(), [](Rt& b) { b.lines[1].sku = QString(); }), "lines[1].sku");
        row("return line qty 0", changed<Rt>(returnOf(), [](Rt& b) { b.lines[0].qty = 0; }),
            "lines[0].qty");
        row("return bad sale", changed<Rt>(returnOf(), [](Rt& b) { b.sale = s("S 1"); }), "sale");

        using Rc = ReceiveMutation;
        row("receive bad receipt", changed<Rc>(receive(), [](Rc& b) { b.receipt = s("#1"); }),
            "receipt");
        row("receive bad location", changed<Rc>(receive(), [](Rc& b) { b.location = QString(); }),
            "location");
        row("receive with more lines than max",
            changed<Rc>(receive(),
                        [](Rc& b) {
                            b.lines = QList<ItemLine>(maxLinesPerMutation + 1, itemLine("A1", 1));
                        }),
            "lines");
        row("receive line qty above max",
            changed<Rc>(receive(), [](Rc& b) { b.lines[1].qty = maxQuantity + 1; }),
            "lines[1].qty");
        row("receive reference too long",
            changed<Rc>(receive(), [](Rc& b) { b.reference = QString(maxTextLength + 1, u'p'); }),
            "reference");
        row("receive reference with control character",
            changed<Rc>(receive(), [](Rc& b) { b.reference = s("PO\t1"); }), "reference");

        using C = CountMutation;
        row("count bad sku", changed<C>(count(), [](C& b) { b.sku = QString(); }), "sku");
        row("count bad location", changed<C>(count(), [](C& b) { b.location = s("x y"); }),
            "location");
        row("count negative counted", changed<C>(count(), [](C& b) { b.counted = -1; }), "counted");
        row("count counted above max",
            changed<C>(count(), [](C& b) { b.counted = maxQuantity + 1; }), "counted");
        row("count negative expectedVersion",
            changed<C>(count(), [](C& b) { b.expectedVersion = -1; }), "expectedVersion");

        using T = TransferMutation;
        row("transfer bad id", changed<T>(transfer(), [](T& b) { b.transfer = QString(); }),
            "transfer");
        row("transfer bad sku", changed<T>(transfer(), [](T& b) { b.sku = s("A\u00a01"); }), "sku");
        row("transfer bad from", changed<T>(transfer(), [](T& b) { b.from = QString(); }), "from");
        row("transfer bad to", changed<T>(transfer(), [](T& b) { b.to = s("store/1"); }), "to");
        row("transfer to same location", changed<T>(transfer(), [](T& b) { b.to = b.from; }), "to");
        row("transfer qty 0", changed<T>(transfer(), [](T& b) { b.qty = 0; }), "qty");

        using A = AdjustMutation;
        row("adjust bad sku", changed<A>(adjust(), [](A& b) { b.sku = QString(); }), "sku");
        row("adjust bad location", changed<A>(adjust(), [](A& b) { b.location = QString(); }),
            "location");
        row("adjust delta 0", changed<A>(adjust(), [](A& b) { b.delta = 0; }), "delta");
        row("adjust delta above max", changed<A>(adjust(), [](A& b) { b.delta = maxQuantity + 1; }),
            "delta");
        row("adjust delta below minus max",
            changed<A>(adjust(), [](A& b) { b.delta = -maxQuantity - 1; }), "delta");
        row("adjust without reason", changed<A>(adjust(), [](A& b) { b.reason = QString(); }),
            "reason");
        row("adjust blank reason", changed<A>(adjust(), [](A& b) { b.reason = s("   "); }),
            "reason");
        row("adjust reason too long",
            changed<A>(adjust(), [](A& b) { b.reason = QString(maxTextLength + 1, u'r'); }),
            "reason");
    }
    void rejectsInvalidValueNamingItsField()
    {
        QFETCH(Mutation, mutation);
        QFETCH(QString, field);

        const std::optional<Error> problem = mutation.validate();
        QVERIFY(problem.has_value());
        QCOMPARE(problem->field, field);
        QVERIFY(!problem->message.isEmpty());

        const Result<Mutation> read = Mutation::fromJson(mutation.toJson());
        QVERIFY2(!read.ok(), "fromJson accepted an invalid mutation");
        QCOMPARE(read.error().field, field);
    }

    void rejectsTransferToSameLocation()
    {
        const Mutation m = changed<TransferMutation>(transfer(), [](auto& b) { b.to = b.from; });
        const std::optional<Error> problem = m.validate();
        QVERIFY(problem.has_value());
        QCOMPARE(problem->field, s("to"));
    }

    void acceptsValuesAtLimits_data()
    {
        QTest::addColumn<Mutation>("mutation");
        using R = ReserveMutation;
        using S = SaleMutation;
        Mutation m = reserve();
        m.seq = maxWireInteger;
        QTest::newRow("seq 2^53") << m;
        m = reserve();
        m.id = QString(64, u'a');
        QTest::newRow("id of 64 characters") << m;
        m.id = s("aZ09._:-");
        QTest::newRow("id with every allowed punctuation") << m;
        QTest::newRow("qty at max") << changed<R>(reserve(), [](R& b) { b.qty = maxQuantity; });
        QTest::newRow("qty 1") << changed<R>(reserve(), [](R& b) { b.qty = 1; });
        QTest::newRow("ttl 1") << changed<R>(reserve(), [](R& b) { b.ttl = 1; });
        QTest::newRow("ttl a day") << changed<R>(reserve(), [](R& b) { b.ttl = maxTtlSeconds; });
        QTest::newRow("max lines") << changed<S>(sale(), [](S& b) {
            b.lines = QList<SaleLine>(maxLinesPerMutation, saleLine("A1", 1, 100));
        });
        QTest::newRow("free item and top price") << changed<S>(sale(), [](S& b) {
            b.lines = {saleLine("A1", 2, 0), saleLine("B2", 1, maxMoneyMinor)};
        });
        QTest::newRow("payment amounts at both limits") << changed<S>(sale(), [](S& b) {
            b.payments = {payment("cash", maxMoneyMinor), payment("cash", -maxMoneyMinor)};
        });
        QTest::newRow("sale without payments")
            << changed<S>(sale(), [](S& b) { b.payments.clear(); });
        QTest::newRow("same SKU on two lines")
            << changed<S>(sale(), [](S& b) { b.lines[1].sku = b.lines[0].sku; });
        QTest::newRow("text at max length and non-ASCII") << changed<S>(
            sale(), [](S& b) { b.staff = QString(maxTextLength - 1, u's') + QChar(0x00e9); });
        QTest::newRow("count of zero") << changed<CountMutation>(count(), [](auto& b) {
            b.counted = 0;
            b.expectedVersion = 0;
        });
        QTest::newRow("adjust by minus max")
            << changed<AdjustMutation>(adjust(), [](auto& b) { b.delta = -maxQuantity; });
    }
    void acceptsValuesAtLimits()
    {
        QFETCH(Mutation, mutation);
        const std::optional<Error> problem = mutation.validate();
        QVERIFY2(!problem, qPrintable(problem ? problem->toString() : QString()));
        const Result<Mutation> read = Mutation::fromJson(mutation.toJson());
        QVERIFY2(read.ok(), describe(read).constData());
        QVERIFY(read.value() == mutation);
    }

    void rejectsMistypedFieldNamingIt_data()
    {
        QTest::addColumn<QJsonObject>("wire");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QJsonObject r = reserve().toJson();
        const QJsonObject sl = sale().toJson();
        const auto row = [](const char* name, const QJsonObject& wire, const char* field,
                            const char* message) {
            QTest::newRow(name) << wire << s(field) << s(message);
        };
        row("qty as string", with(r, "qty", s("2")), "qty", "must be an integer");
        row("qty as fraction", with(r, "qty", 1.5), "qty", "must be an integer");
        row("qty as boolean", with(r, "qty", true), "qty", "must be an integer");
        row("qty as null", with(r, "qty", QJsonValue::Null), "qty", "is required");
        row("qty as array", with(r, "qty", QJsonArray{2}), "qty", "must be an integer");
        row("qty 1e300", with(r, "qty", 1e300), "qty", "must be an integer from");
        row("seq as string", with(r, "seq", s("1")), "seq", "must be an integer");
        row("seq beyond 2^53 by one", with(r, "seq", maxWireInteger + 1), "seq",
            "must be an integer from");
        row("seq below -2^53", with(r, "seq", -maxWireInteger - 1), "seq",
            "must be an integer from");
        row("id as number", with(r, "id", 42), "id", "must be a string");
        row("sku as object", with(r, "sku", QJsonObject{{s("code"), s("A1")}}), "sku",
            "must be a string");
        row("ttl as string", with(r, "ttl", s("900")), "ttl", "must be an integer");
        row("kind as number", with(r, "kind", 1), "kind", "must be a string");
        row("kind unknown", with(r, "kind", s("restock")), "kind", "must be one of");
        row("kind in wrong case", with(r, "kind", s("Reserve")), "kind", "must be one of");
        row("at as number", with(r, "at", 1795000000), "at", "must be a string");
        row("at without timezone", with(r, "at", s("2026-11-22T10:00:00")), "at",
            "must be an ISO-8601 time with a timezone");
        row("at date only", with(r, "at", s("2026-11-22")), "at", "must be an ISO-8601");
        row("at not a time", with(r, "at", s("yesterday")), "at", "must be an ISO-8601");
        row("at empty", with(r, "at", s("")), "at", "must be an ISO-8601");

        row("lines as object", with(sl, "lines", QJsonObject{}), "lines", "must be an array");
        row("lines as string", with(sl, "lines", s("A1")), "lines", "must be an array");
        row("line as array", withEntry(sl, "lines", 1, QJsonArray{s("B2"), 1}), "lines[1]",
            "must be an object");
        row("line as null", withEntry(sl, "lines", 0, QJsonValue::Null), "lines[0]",
            "must be an object");
        row("line qty as string", withEntryField(sl, "lines", 2, "qty", s("3")), "lines[2].qty",
            "must be an integer");
        row("line price as decimal", withEntryField(sl, "lines", 0, "price", 4.99),
            "lines[0].price", "must be an integer");
        row("line reservation as number", withEntryField(sl, "lines", 0, "reservation", 7),
            "lines[0].reservation", "must be a string");
        row("payments as object", with(sl, "payments", QJsonObject{}), "payments",
            "must be an array");
        row("payment as string", withEntry(sl, "payments", 1, s("cash")), "payments[1]",
            "must be an object");
        row("payment amount as string", withEntryField(sl, "payments", 0, "amount", s("20.00")),
            "payments[0].amount", "must be an integer");
        row("payment reference as number", withEntryField(sl, "payments", 1, "reference", 42),
            "payments[1].reference", "must be a string");
        row("offline as string", with(sl, "offline", s("true")), "offline",
            "must be true or false");
        row("offline as number", with(sl, "offline", 1), "offline", "must be true or false");
        row("staff as number", with(sl, "staff", 7), "staff", "must be a string");

        row("return id as number", with(returnOf().toJson(), "return", 7), "return",
            "must be a string");
        row("return sale as array", with(returnOf().toJson(), "sale", QJsonArray{}), "sale",
            "must be a string");
        row("receive reference as boolean", with(receive().toJson(), "reference", false),
            "reference", "must be a string");
        row("count counted as string", with(count().toJson(), "counted", s("17")), "counted",
            "must be an integer");
        row("count expectedVersion as fraction", with(count().toJson(), "expectedVersion", 4.5),
            "expectedVersion", "must be an integer");
        row("transfer from as number", with(transfer().toJson(), "from", 1), "from",
            "must be a string");
        row("adjust delta as string", with(adjust().toJson(), "delta", s("-2")), "delta",
            "must be an integer");
        row("adjust reason as array", with(adjust().toJson(), "reason", QJsonArray{}), "reason",
            "must be a string");

        const QJsonObject withReceipt = saleWithReceipt().toJson();
        QJsonObject receipt = withReceipt.value(s("receipt")).toObject();
        row("receipt as array", with(withReceipt, "receipt", QJsonArray{}), "receipt",
            "must be an object");
        row("receipt line unit unknown",
            with(withReceipt, "receipt", withEntryField(receipt, "lines", 0, "unit", s("lb"))),
            "receipt.lines[0].unit", "must be each, kg, l or m");
        row("receipt line tax rate beyond 100",
            with(withReceipt, "receipt", withEntryField(receipt, "lines", 1, "taxRate", 101)),
            "receipt.lines[1].taxRate", "must be");
        row("receipt line unit price as decimal",
            with(withReceipt, "receipt", withEntryField(receipt, "lines", 2, "unitPrice", 1.5)),
            "receipt.lines[2].unitPrice", "must be an integer");
        row("receipt without total", with(withReceipt, "receipt", without(receipt, "total")),
            "receipt.total", "is required");
        const QJsonObject withRefund = returnWithRefund().toJson();
        const QJsonObject refund = withRefund.value(s("refund")).toObject();
        row("refund line number as string",
            with(withRefund, "refund", withEntryField(refund, "lines", 0, "line", s("1"))),
            "refund.lines[0].line", "must be an integer");
        row("refund without lines", with(withRefund, "refund", without(refund, "lines")),
            "refund.lines", "is required");
        row("return offline as string", with(withRefund, "offline", s("yes")), "offline",
            "must be true or false");
        row("cash event unknown",
            with(cash(CashMutation::Event::Open, 0).toJson(), "event", s("float")), "event",
            "must be open, paid_in, paid_out or close");
        row("cash close without expected",
            without(cash(CashMutation::Event::Close, 0).toJson(), "expected"), "expected",
            "is required");
    }
    void rejectsMistypedFieldNamingIt()
    {
        QFETCH(QJsonObject, wire);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const Result<Mutation> read = Mutation::fromJson(wire);
        QVERIFY2(!read.ok(), "accepted a mistyped field");
        QCOMPARE(read.error().field, field);
        QVERIFY2(read.error().message.startsWith(message), describe(read).constData());
    }

    // Every field of the minimal examples is required: dropping any one must name it.
    void rejectsMissingRequiredField_data()
    {
        QTest::addColumn<QJsonObject>("wire");
        QTest::addColumn<QString>("field");
        for (const auto& [kind, m] : minimalExamples()) {
            const QJsonObject wire = m.toJson();
            for (const QString& key : wire.keys()) {
                QTest::addRow("%s without %s", kind, qPrintable(key))
                    << without(wire, key.toLatin1().constData()) << key;
            }
        }
        const QJsonObject sl = sale().toJson();
        const auto nested = [&sl](const char* list, qsizetype index, const char* key) {
            const QString path = QStringLiteral("%1[%2].%3")
                                     .arg(QLatin1String(list))
                                     .arg(index)
                                     .arg(QLatin1String(key));
            QTest::addRow("sale without %s", qPrintable(path))
                << withoutEntryField(sl, list, index, key) << path;
        };
        nested("lines", 1, "sku");
        nested("lines", 2, "qty");
        nested("lines", 0, "price");
        nested("payments", 1, "method");
        nested("payments", 0, "amount");
        const QJsonObject rt = returnOf().toJson();
        QTest::newRow("return without lines[1].qty")
            << withoutEntryField(rt, "lines", 1, "qty") << s("lines[1].qty");
        QTest::newRow("receive without lines[0].sku")
            << withoutEntryField(receive().toJson(), "lines", 0, "sku") << s("lines[0].sku");
    }
    void rejectsMissingRequiredField()
    {
        QFETCH(QJsonObject, wire);
        QFETCH(QString, field);
        const Result<Mutation> read = Mutation::fromJson(wire);
        QVERIFY2(!read.ok(), "accepted without a required field");
        QCOMPARE(read.error().field, field);
        QCOMPARE(read.error().message, s("is required"));
    }

    void rejectsEmptyObject()
    {
        const Result<Mutation> read = Mutation::fromJson(QJsonObject());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().field, s("seq"));
    }

    void ignoresUnknownFields_data()
    {
        QTest::addColumn<QJsonObject>("wire");
        QTest::addColumn<Mutation>("expected");
        QTest::newRow("top level") << with(reserve().toJson(), "note", s("hello")) << reserve();
        QTest::newRow("type field of the envelope")
            << with(release().toJson(), "type", s("push")) << release();
        QTest::newRow("field of another kind")
            << with(count().toJson(), "qty", s("not even an integer")) << count();
        QTest::newRow("object valued")
            << with(transfer().toJson(), "extra", QJsonObject{{s("a"), 1}}) << transfer();
        QTest::newRow("in a sale line")
            << withEntryField(sale().toJson(), "lines", 1, "colour", s("red")) << sale();
        QTest::newRow("in a payment")
            << withEntryField(sale().toJson(), "payments", 0, "tip", 100) << sale();
        QTest::newRow("in an item line")
            << withEntryField(receive().toJson(), "lines", 0, "lot", s("L7")) << receive();
    }
    void ignoresUnknownFields()
    {
        QFETCH(QJsonObject, wire);
        QFETCH(Mutation, expected);
        const Result<Mutation> read = Mutation::fromJson(wire);
        QVERIFY2(read.ok(), describe(read).constData());
        QVERIFY(read.value() == expected);
    }

    void treatsNullOptionalFieldAsAbsent_data()
    {
        QTest::addColumn<QJsonObject>("wire");
        QTest::addColumn<Mutation>("expected");
        QTest::newRow("offline") << with(sale().toJson(), "offline", QJsonValue::Null) << sale();
        QTest::newRow("staff") << with(sale().toJson(), "staff", QJsonValue::Null) << sale();
        QTest::newRow("line reservation")
            << withEntryField(sale().toJson(), "lines", 0, "reservation", QJsonValue::Null)
            << sale();
        QTest::newRow("payment reference")
            << withEntryField(sale().toJson(), "payments", 0, "reference", QJsonValue::Null)
            << sale();
        QTest::newRow("return sale")
            << with(returnOf().toJson(), "sale", QJsonValue::Null) << returnOf();
        QTest::newRow("empty reference string")
            << with(receive().toJson(), "reference", s("")) << receive();
    }
    void treatsNullOptionalFieldAsAbsent()
    {
        QFETCH(QJsonObject, wire);
        QFETCH(Mutation, expected);
        const Result<Mutation> read = Mutation::fromJson(wire);
        QVERIFY2(read.ok(), describe(read).constData());
        QVERIFY(read.value() == expected);
    }

    void readsIntegralNumbersWrittenAsDecimals()
    {
        const Result<Mutation> read = Mutation::fromJson(parse(R"({"seq":1.0,"id":"m-1",
            "kind":"reserve","at":"2026-11-22T10:00:00Z","reservation":"R-1","sku":"A1",
            "location":"store-1","qty":2.0,"ttl":9e2})"));
        QVERIFY2(read.ok(), describe(read).constData());
        const auto& body = std::get<ReserveMutation>(read.value().body);
        QCOMPARE(read.value().seq, qint64{1});
        QCOMPARE(body.qty, qint64{2});
        QCOMPARE(body.ttl, qint64{900});
    }

    void rejectsIntegerTextBeyondTwoToThe53()
    {
        // Parsed from text, as the server sees it: Qt keeps this literal as an exact qint64.
        const Result<Mutation> read = Mutation::fromJson(parse(R"({"seq":9007199254740993,
            "id":"m-1","kind":"release","at":"2026-11-22T10:00:00Z","reservation":"R-1"})"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().field, s("seq"));
    }

    void readsAtTimesWithTimezones_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime ten = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        QTest::newRow("Z") << s("2026-11-22T10:00:00Z") << ten;
        QTest::newRow("Z with milliseconds") << s("2026-11-22T10:00:00.250Z") << ten.addMSecs(250);
        QTest::newRow("positive offset") << s("2026-11-22T11:00:00+01:00") << ten;
        QTest::newRow("negative offset") << s("2026-11-22T05:00:00-05:00") << ten;
        QTest::newRow("zero offset") << s("2026-11-22T10:00:00+00:00") << ten;
    }
    void readsAtTimesWithTimezones()
    {
        QFETCH(QString, at);
        QFETCH(QDateTime, expected);
        const Result<Mutation> read = Mutation::fromJson(with(release().toJson(), "at", at));
        QVERIFY2(read.ok(), describe(read).constData());
        QCOMPARE(read.value().at, expected);
        QCOMPARE(read.value().at.timeSpec(), Qt::UTC);
    }

    void namesKindsAsTheProtocol_data()
    {
        QTest::addColumn<MutationKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("reserve") << MutationKind::Reserve << s("reserve");
        QTest::newRow("release") << MutationKind::Release << s("release");
        QTest::newRow("sale") << MutationKind::Sale << s("sale");
        QTest::newRow("return") << MutationKind::Return << s("return");
        QTest::newRow("receive") << MutationKind::Receive << s("receive");
        QTest::newRow("count") << MutationKind::Count << s("count");
        QTest::newRow("transfer") << MutationKind::Transfer << s("transfer");
        QTest::newRow("adjust") << MutationKind::Adjust << s("adjust");
        QTest::newRow("approval") << MutationKind::Approval << s("approval");
        QTest::newRow("resolve") << MutationKind::Resolve << s("resolve");
    }
    void namesKindsAsTheProtocol()
    {
        QFETCH(MutationKind, kind);
        QFETCH(QString, name);
        QCOMPARE(kindName(kind), name);
        QCOMPARE(kindFromName(name), std::optional<MutationKind>(kind));
    }

    void kindMatchesBodyType()
    {
        QCOMPARE(sale().kind(), MutationKind::Sale);
        QCOMPARE(returnOf().kind(), MutationKind::Return);
        QCOMPARE(adjust().kind(), MutationKind::Adjust);
    }

    void rejectsUnknownKindNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("capitalised") << s("Sale");
        QTest::newRow("trailing space") << s("sale ");
        QTest::newRow("other") << s("refund");
    }
    void rejectsUnknownKindNames()
    {
        QFETCH(QString, name);
        QVERIFY(!kindFromName(name).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMutation)
#include "tst_mutation.moc"
