#include "mutation.h"

#include <QHash>
#include <QStringList>
#include <algorithm>
#include <array>

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
// - resolve: `resolution` is "recount" or "loss"; `counted` and `expectedVersion` are required
//   for a recount and must be absent for a loss; `staff` and `approvedBy` must not be blank.

namespace {

constexpr std::array<const char*, 10> kindNames{"reserve",  "release", "sale",     "return",
                                                "receive",  "count",   "transfer", "adjust",
                                                "approval", "resolve"};
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
        {checkId(prefix + key("sku"), line.sku), checkQuantity(prefix + key("qty"), line.qty)});
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
                    checkText(key("staff"), m.staff)});
}

Problem checkBody(const ReturnMutation& m)
{
    return firstOf({checkId(key("return"), m.returnId), checkId(key("location"), m.location),
                    checkList("lines", m.lines, 1), checkOptionalId(key("sale"), m.sale)});
}

Problem checkBody(const ReceiveMutation& m)
{
    if (m.delivery.isEmpty() && (!m.rejected.isEmpty() || m.over))
        return Error{key("delivery"), QStringLiteral("rejected and over need a delivery")};
    return firstOf({checkId(key("receipt"), m.receipt), checkId(key("location"), m.location),
                    checkList("lines", m.lines, 1), checkText(key("reference"), m.reference),
                    checkOptionalId(key("delivery"), m.delivery),
                    checkList("rejected", m.rejected, 0)});
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

} // namespace

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
