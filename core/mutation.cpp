#include "mutation.h"

#include <QHash>
#include <QStringList>
#include <algorithm>
#include <array>
#include <functional>

namespace stockline {

// Rules PROTOCOL.md leaves open, decided here (sync/PROTOCOL.md must state them too):
// - JSON null means the same as an absent field: a required field that is null is missing,
//   an optional one that is null is empty. Serialisers that write null for "none" interoperate.
// - A present optional field of the wrong type is an error, not ignored: dropping a mistyped
//   `offline` would turn an offline sale, which must never be rejected, into a rejectable one.
// - Integers are JSON numbers with an integral value ("1.0" and "1e3" count), within ±2^53.
// - `at` must carry a timezone ('Z' or an offset); a local time would differ per terminal.
// - Free text (reference, staff, reason, payment reference): at most maxTextLength UTF-16
//   units and no control characters, because it ends up on receipts, screens and log lines.
// - Lines of one mutation may repeat a SKU (two scans at different prices are two lines), but
//   two sale lines may not name the same reservation: it covers one quantity only.
// - A sale may have no payments (a free item, or paid elsewhere) and at most
//   maxLinesPerMutation of them. Payment totals are not compared with line totals: prices
//   exclude tax, which only the catalog knows, and cash change is a negative payment.
// - count: counted 0..maxQuantity; transfer: `to` must differ from `from` (the error names
//   "to"); adjust: `reason` must not be blank.
// - approval: `action` is one of approvalActions; `staff`, `approver` and `detail` are
//   required text.
// - sale `receipt` (extension): every line adds up (amount = priceOf(unitPrice, qty, unit) −
//   discount ≥ 0; tax-exclusive: net = amount, total = net + tax; with `pricesIncludeTax`:
//   total = amount, net = total − tax; tax rounded per line, or with `taxRounding` "receipt"
//   per rate on the receipt and shared out as core/receipt.h's taxesOf()), the receipt's net, tax
//   and total are its lines' sums, the payments add up to its total, and per SKU the stock lines
//   carry exactly the receipt's quantity. So what the server keeps agrees with its ledger.
// - return `refund` (extension): needs `sale`; amounts and tax shares ≥ 0 (tax ≤ amount),
//   payments > 0 adding up to `total`, the lines' amounts too; per SKU the stock lines carry
//   exactly the refund's quantity.
// - cash (extension): `event` open (amount ≥ 0: the float), paid_in / paid_out (amount > 0,
//   a reason), close (amount ≥ 0: counted; `expected`).
// - resolve: `resolution` is "recount" or "loss"; `counted` and `expectedVersion` are required
//   for a recount and must be absent for a loss; `staff` and `approvedBy` must not be blank.

namespace {

constexpr std::array<const char*, 11> kindNames{"reserve",  "release", "sale",     "return",
                                                "receive",  "count",   "transfer", "adjust",
                                                "approval", "resolve", "cash"};
static_assert(std::variant_size_v<MutationBody> == kindNames.size(),
              "every MutationBody alternative needs a wire name, in MutationKind order");

// A field's name as a view: the checks make a string of it only for the error they return.
QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

QString entryPath(const QString& prefix, const char* list, qsizetype index)
{
    return prefix + key(list) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// ---------------------------------------------------------------------------------------------
// validate()

Problem checkQuantity(QAnyStringView field, qint64 qty)
{
    return checkRange(field, qty, 1, maxQuantity);
}

Problem checkEntry(const QString& prefix, const SaleLine& line)
{
    return firstOf({checkId(prefix + key("sku"), line.sku),
                    checkQuantity(prefix + key("qty"), line.qty),
                    checkRange(prefix + key("price"), line.price.minor(), 0, maxMoneyMinor),
                    checkOptionalId(prefix + key("reservation"), line.reservation)});
}

// A negative amount is change handed back in that method (cash: paid 50.00, change -4.10),
// so the payments of a sale add up to what was taken.
Problem checkEntry(const QString& prefix, const Payment& payment)
{
    return firstOf(
        {checkId(prefix + key("method"), payment.method),
         checkRange(prefix + key("amount"), payment.amount.minor(), -maxMoneyMinor, maxMoneyMinor),
         checkText(prefix + key("reference"), payment.reference)});
}

Problem checkEntry(const QString& prefix, const ItemLine& line)
{
    return firstOf(
        {checkId(prefix + key("sku"), line.sku), checkQuantity(prefix + key("qty"), line.qty),
         line.cost ? checkRange(prefix + key("cost"), *line.cost, 0, maxMoneyMinor) : Problem()});
}

// Only a receive's accepted lines carry a cost.
Problem checkNoCost(const char* name, const QList<ItemLine>& lines)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).cost)
            return Error{entryPath(QString(), name, i) + QStringLiteral(".cost"),
                         QStringLiteral("only a receive's lines carry a cost")};
    }
    return {};
}

template <typename Entry>
Problem checkList(const char* name, const QList<Entry>& entries, qsizetype min)
{
    if (Problem problem = checkCount(key(name), entries.size(), min, maxLinesPerMutation))
        return problem;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString prefix = entryPath(QString(), name, i) + QLatin1Char('.');
        if (Problem problem = checkEntry(prefix, entries.at(i)))
            return problem;
    }
    return std::nullopt;
}

Problem checkReservationsDistinct(const QList<SaleLine>& lines)
{
    QHash<QString, qsizetype> firstLine;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& reservation = lines.at(i).reservation;
        if (reservation.isEmpty())
            continue;
        const auto seen = firstLine.constFind(reservation);
        if (seen != firstLine.cend()) {
            return Error{entryPath(QString(), "lines", i) + QStringLiteral(".reservation"),
                         QStringLiteral("names the same reservation as lines[%1]").arg(*seen)};
        }
        firstLine.insert(reservation, i);
    }
    return std::nullopt;
}

// The lines' total (qty × price) stays within maxMoneyMinor, so that no sum of a sale's money
// can overflow anywhere it is added up. Lines out of range are left to checkList.
Problem checkSaleTotal(const QList<SaleLine>& lines)
{
    qint64 total = 0;
    for (const SaleLine& line : lines) {
        if (line.qty < 1 || line.qty > maxQuantity || line.price.minor() < 0 ||
            line.price.minor() > maxMoneyMinor)
            return std::nullopt;
        total += line.qty * line.price.minor(); // at most 10^17 each: no overflow
        if (total > maxMoneyMinor)
            return Error{key("lines"),
                         QStringLiteral("add up to more than %1 (qty × price, in minor units)")
                             .arg(maxMoneyMinor)};
    }
    return std::nullopt;
}

Problem checkMoney(QAnyStringView field, Money amount, qint64 min = 0)
{
    return checkRange(field, amount.minor(), min, maxMoneyMinor);
}

// The receipt line a wire entry describes, priced under the receipt's rule.
ReceiptLine lineOf(const ReceiptEntry& e, const TaxRule& rule)
{
    ReceiptLine line{e.sku,     e.name, e.qty,  e.unitPrice,          e.discount,
                     e.taxRate, {},     e.unit, rule.pricesIncludeTax};
    return line;
}

Problem checkEntry(const QString& prefix, const ReceiptEntry& line, const TaxRule& rule)
{
    if (Problem problem = firstOf(
            {checkId(prefix + key("sku"), line.sku), checkText(prefix + key("name"), line.name),
             checkQuantity(prefix + key("qty"), line.qty),
             checkMoney(prefix + key("unitPrice"), line.unitPrice),
             checkMoney(prefix + key("discount"), line.discount),
             checkMoney(prefix + key("tax"), line.tax),
             checkMoney(prefix + key("total"), line.total),
             line.listPrice ? checkMoney(prefix + key("listPrice"), *line.listPrice) : Problem(),
             checkText(prefix + key("approvedBy"), line.approvedBy)}))
        return problem;
    const ReceiptLine priced = lineOf(line, rule);
    const Money amount = priced.amount();
    if (amount.minor() < 0 || amount.minor() > maxMoneyMinor)
        return Error{prefix + key("discount"),
                     QStringLiteral("leaves the line's amount outside 0–%1").arg(maxMoneyMinor)};
    // Per receipt, the tax is checked against the rate's shared-out tax in checkReceiptTax().
    if (rule.rounding == TaxRounding::Line && line.tax != priced.tax())
        return Error{prefix + key("tax"),
                     QStringLiteral("must be %1 (%2 % %3 the amount %4)")
                         .arg(priced.tax().minor())
                         .arg(line.taxRate.toString(), rule.pricesIncludeTax
                                                           ? QStringLiteral("included in")
                                                           : QStringLiteral("of"))
                         .arg(amount.minor())};
    if (!rule.pricesIncludeTax && line.total != amount + line.tax)
        return Error{
            prefix + key("total"),
            QStringLiteral("must be the net amount plus tax, %1").arg((amount + line.tax).minor())};
    if (rule.pricesIncludeTax && line.total != amount)
        return Error{prefix + key("total"),
                     QStringLiteral("must be the amount, tax included, %1").arg(amount.minor())};
    return std::nullopt;
}

// Tax rounded per receipt: every line carries its share of its rate's tax, as taxesOf() gives.
Problem checkReceiptTax(const ReceiptContent& r)
{
    if (r.taxRule.rounding == TaxRounding::Line)
        return std::nullopt;
    QList<ReceiptLine> lines;
    lines.reserve(r.lines.size());
    for (const ReceiptEntry& e : r.lines)
        lines.append(lineOf(e, r.taxRule));
    const QList<Money> taxes = taxesOf(lines, TaxRounding::Receipt);
    for (qsizetype i = 0; i < r.lines.size(); ++i) {
        if (r.lines.at(i).tax != taxes.at(i))
            return Error{entryPath(QStringLiteral("receipt."), "lines", i) + QStringLiteral(".tax"),
                         QStringLiteral("must be %1, the line's share of the %2 % tax rounded on "
                                        "the receipt")
                             .arg(taxes.at(i).minor())
                             .arg(r.lines.at(i).taxRate.toString())};
    }
    return std::nullopt;
}

Problem checkEntry(const QString& prefix, const RefundEntry& line)
{
    return firstOf({checkRange(prefix + key("line"), line.line, 1, maxLinesPerMutation),
                    checkId(prefix + key("sku"), line.sku),
                    checkQuantity(prefix + key("qty"), line.qty),
                    checkMoney(prefix + key("amount"), line.amount),
                    checkRange(prefix + key("tax"), line.tax.minor(), 0, line.amount.minor())});
}

// `total` of `field` must be what its parts add up to; parts are each within maxMoneyMinor, so
// the running sum cannot overflow before it is compared.
template <typename Part, typename Amount>
Problem checkSum(QAnyStringView field, Money total, const QList<Part>& parts, Amount amount,
                 const char* what)
{
    qint64 sum = 0;
    for (const Part& part : parts) {
        sum += std::invoke(amount, part).minor();
        if (sum > maxMoneyMinor || sum < -maxMoneyMinor)
            return Error{field.toString(), QStringLiteral("%1 add up to more than %2")
                                               .arg(QLatin1String(what))
                                               .arg(maxMoneyMinor)};
    }
    if (sum == total.minor())
        return std::nullopt;
    return Error{field.toString(), QStringLiteral("must be %1, what the %2 add up to, not %3")
                                       .arg(sum)
                                       .arg(QLatin1String(what))
                                       .arg(total.minor())};
}

// Per SKU, the stock lines and the receipt's lines carry the same quantity: the ledger and the
// stored receipt never disagree.
template <typename Stock, typename Money_>
Problem checkSameQuantities(const QList<Stock>& stock, const QList<Money_>& receipt,
                            const char* receiptPath)
{
    QHash<QString, qint64> left;
    for (const Stock& line : stock)
        left[line.sku] += line.qty;
    for (const Money_& line : receipt)
        left[line.sku] -= line.qty;
    for (auto it = left.cbegin(); it != left.cend(); ++it) {
        if (it.value() != 0)
            return Error{
                QLatin1String(receiptPath),
                QStringLiteral("carry %1 of %2 %3 than the stock lines")
                    .arg(qAbs(it.value()))
                    .arg(it.key())
                    .arg(it.value() > 0 ? QStringLiteral("less") : QStringLiteral("more"))};
    }
    return std::nullopt;
}

Problem checkReceipt(const SaleMutation& m)
{
    if (!m.receipt)
        return std::nullopt;
    const ReceiptContent& r = *m.receipt;
    if (Problem problem = checkCount(key("receipt.lines"), r.lines.size(), 1, maxLinesPerMutation))
        return problem;
    for (qsizetype i = 0; i < r.lines.size(); ++i) {
        const QString prefix = entryPath(QStringLiteral("receipt."), "lines", i) + QLatin1Char('.');
        if (Problem problem = checkEntry(prefix, r.lines.at(i), r.taxRule))
            return problem;
    }
    return firstOf(
        {checkOptionalId(key("receipt.cashSession"), r.cashSession), checkReceiptTax(r),
         checkSum(key("receipt.net"), r.net, r.lines, &ReceiptEntry::net, "lines' net amounts"),
         checkSum(key("receipt.tax"), r.tax, r.lines, &ReceiptEntry::tax, "lines' taxes"),
         checkSum(key("receipt.total"), r.total, r.lines, &ReceiptEntry::total, "lines' totals"),
         checkSum(key("payments"), r.total, m.payments, &Payment::amount, "payments"),
         checkSameQuantities(m.lines, r.lines, "receipt.lines")});
}

Problem checkRefund(const ReturnMutation& m)
{
    if (!m.refund)
        return std::nullopt;
    const RefundContent& r = *m.refund;
    if (m.sale.isEmpty())
        return Error{key("sale"), QStringLiteral("is required with a refund")};
    if (Problem problem = checkCount(key("refund.lines"), r.lines.size(), 1, maxLinesPerMutation))
        return problem;
    for (qsizetype i = 0; i < r.lines.size(); ++i) {
        const QString prefix = entryPath(QStringLiteral("refund."), "lines", i) + QLatin1Char('.');
        if (Problem problem = checkEntry(prefix, r.lines.at(i)))
            return problem;
    }
    if (Problem problem =
            checkCount(key("refund.payments"), r.payments.size(), 0, maxLinesPerMutation))
        return problem;
    for (qsizetype i = 0; i < r.payments.size(); ++i) {
        const QString prefix =
            entryPath(QStringLiteral("refund."), "payments", i) + QLatin1Char('.');
        const Payment& p = r.payments.at(i);
        if (Problem problem = firstOf({checkId(prefix + key("method"), p.method),
                                       checkMoney(prefix + key("amount"), p.amount, 1),
                                       checkText(prefix + key("reference"), p.reference)}))
            return problem;
    }
    return firstOf(
        {checkRequiredText(key("refund.staff"), r.staff),
         checkText(key("refund.approvedBy"), r.approvedBy),
         checkOptionalId(key("refund.cashSession"), r.cashSession),
         checkSum(key("refund.total"), r.total, r.lines, &RefundEntry::amount, "lines' amounts"),
         checkSum(key("refund.total"), r.total, r.payments, &Payment::amount, "payments"),
         checkSameQuantities(m.lines, r.lines, "refund.lines")});
}

Problem checkBody(const ReserveMutation& m)
{
    return firstOf({checkId(key("reservation"), m.reservation), checkId(key("sku"), m.sku),
                    checkId(key("location"), m.location), checkQuantity(key("qty"), m.qty),
                    checkRange(key("ttl"), m.ttl, 1, maxTtlSeconds)});
}

Problem checkBody(const ReleaseMutation& m)
{
    return checkId(key("reservation"), m.reservation);
}

Problem checkBody(const SaleMutation& m)
{
    return firstOf({checkId(key("sale"), m.sale), checkId(key("location"), m.location),
                    checkList("lines", m.lines, 1), checkReservationsDistinct(m.lines),
                    checkSaleTotal(m.lines), checkList("payments", m.payments, 0),
                    checkText(key("staff"), m.staff), checkReceipt(m)});
}

Problem checkBody(const ReturnMutation& m)
{
    return firstOf({checkId(key("return"), m.returnId), checkId(key("location"), m.location),
                    checkList("lines", m.lines, 1), checkNoCost("lines", m.lines),
                    checkOptionalId(key("sale"), m.sale), checkRefund(m)});
}

Problem checkBody(const ReceiveMutation& m)
{
    if (m.delivery.isEmpty() && (!m.rejected.isEmpty() || m.over))
        return Error{key("delivery"), QStringLiteral("rejected and over need a delivery")};
    return firstOf({checkId(key("receipt"), m.receipt), checkId(key("location"), m.location),
                    checkList("lines", m.lines, 1), checkText(key("reference"), m.reference),
                    checkOptionalId(key("delivery"), m.delivery),
                    checkList("rejected", m.rejected, 0), checkNoCost("rejected", m.rejected)});
}

Problem checkBody(const CountMutation& m)
{
    return firstOf({checkId(key("sku"), m.sku), checkId(key("location"), m.location),
                    checkRange(key("counted"), m.counted, 0, maxQuantity),
                    checkRange(key("expectedVersion"), m.expectedVersion, 0, maxWireInteger)});
}

Problem checkDistinctLocations(const TransferMutation& m)
{
    if (m.from != m.to)
        return std::nullopt;
    return Error{key("to"), QStringLiteral("must differ from \"from\"")};
}

Problem checkBody(const TransferMutation& m)
{
    return firstOf({checkId(key("transfer"), m.transfer), checkId(key("sku"), m.sku),
                    checkId(key("from"), m.from), checkId(key("to"), m.to),
                    checkDistinctLocations(m), checkQuantity(key("qty"), m.qty)});
}

Problem checkDelta(qint64 delta)
{
    if (delta == 0)
        return Error{key("delta"), QStringLiteral("must not be 0")};
    return checkRange(key("delta"), delta, -maxQuantity, maxQuantity);
}

Problem checkBody(const AdjustMutation& m)
{
    return firstOf({checkId(key("sku"), m.sku), checkId(key("location"), m.location),
                    checkDelta(m.delta), checkRequiredText(key("reason"), m.reason)});
}

Problem checkBody(const ApprovalMutation& m)
{
    const bool known =
        std::any_of(approvalActions.begin(), approvalActions.end(),
                    [&](const char* name) { return m.action == QLatin1String(name); });
    if (!known) {
        QStringList names;
        for (const char* name : approvalActions)
            names.append(QLatin1String(name));
        return Error{key("action"), QStringLiteral("must be one of %1").arg(names.join(u", "))};
    }
    return firstOf({checkRequiredText(key("staff"), m.staff),
                    checkRequiredText(key("approver"), m.approver),
                    checkRequiredText(key("detail"), m.detail)});
}

Problem checkRecountFields(const ResolveMutation& m)
{
    if (m.resolution == ResolveMutation::Resolution::Loss)
        return std::nullopt;
    return firstOf({checkRange(key("counted"), m.counted, 0, maxQuantity),
                    checkRange(key("expectedVersion"), m.expectedVersion, 0, maxWireInteger)});
}

Problem checkBody(const ResolveMutation& m)
{
    return firstOf({checkRange(key("shortage"), m.shortage, 1, maxWireInteger),
                    checkRecountFields(m), checkRequiredText(key("staff"), m.staff),
                    checkRequiredText(key("approvedBy"), m.approvedBy)});
}

Problem checkBody(const CashMutation& m)
{
    using Event = CashMutation::Event;
    const bool moves = m.event == Event::PaidIn || m.event == Event::PaidOut;
    return firstOf(
        {checkId(key("session"), m.session), checkRequiredText(key("staff"), m.staff),
         checkMoney(key("amount"), m.amount, moves ? 1 : 0),
         m.event == Event::Close ? checkMoney(key("expected"), m.expected, -maxMoneyMinor)
                                 : Problem(),
         moves ? checkRequiredText(key("reason"), m.reason) : checkText(key("reason"), m.reason)});
}

} // namespace

QString cashEventName(CashMutation::Event event)
{
    switch (event) {
    case CashMutation::Event::Open:
        return QStringLiteral("open");
    case CashMutation::Event::PaidIn:
        return QStringLiteral("paid_in");
    case CashMutation::Event::PaidOut:
        return QStringLiteral("paid_out");
    case CashMutation::Event::Close:
        return QStringLiteral("close");
    }
    return QStringLiteral("open");
}

QString resolutionName(ResolveMutation::Resolution resolution)
{
    return resolution == ResolveMutation::Resolution::Recount ? QStringLiteral("recount")
                                                              : QStringLiteral("loss");
}

QString kindName(MutationKind kind)
{
    return QLatin1String(kindNames.at(static_cast<std::size_t>(kind)));
}

std::optional<MutationKind> kindFromName(QStringView name)
{
    for (std::size_t i = 0; i < kindNames.size(); ++i) {
        if (name == QLatin1String(kindNames.at(i)))
            return static_cast<MutationKind>(i);
    }
    return std::nullopt;
}

std::optional<Error> Mutation::validate() const
{
    const Problem envelope = firstOf({checkRange(key("seq"), seq, 1, maxWireInteger),
                                      checkId(key("id"), id), checkTime(key("at"), at)});
    if (envelope)
        return envelope;
    return std::visit([](const auto& b) { return checkBody(b); }, body);
}

} // namespace stockline
