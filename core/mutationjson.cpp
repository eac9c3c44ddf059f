#include "fieldreader.h"
#include "isotime.h"
#include "jsonwriter.h"
#include "mutation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <type_traits>
#include <utility>

// Mutation's JSON: the one serializer (toJsonBytes) and its reader (fromJson). The rules the
// reader applies are listed at the top of mutation.cpp.

namespace stockline {

namespace {

// ---------------------------------------------------------------------------------------------
// toJsonBytes(): the one serializer; toJson() parses what it writes.

using L = QLatin1StringView;

void writeEntry(JsonWriter& w, const SaleLine& line)
{
    w.beginObject();
    w.string(L("sku"), line.sku);
    w.integer(L("qty"), line.qty);
    w.integer(L("price"), line.price.minor());
    w.optionalString(L("reservation"), line.reservation);
    w.endObject();
}

void writeEntry(JsonWriter& w, const Payment& payment)
{
    w.beginObject();
    w.string(L("method"), payment.method);
    w.integer(L("amount"), payment.amount.minor());
    w.optionalString(L("reference"), payment.reference);
    w.endObject();
}

void writeEntry(JsonWriter& w, const ReceiptEntry& line)
{
    w.beginObject();
    w.string(L("sku"), line.sku);
    w.string(L("name"), line.name);
    w.integer(L("qty"), line.qty);
    if (line.unit != Unit::Each)
        w.string(L("unit"), QString(unitName(line.unit)));
    w.integer(L("unitPrice"), line.unitPrice.minor());
    w.integer(L("discount"), line.discount.minor());
    w.taxRate(L("taxRate"), line.taxRate);
    w.integer(L("tax"), line.tax.minor());
    w.integer(L("total"), line.total.minor());
    if (line.listPrice)
        w.integer(L("listPrice"), line.listPrice->minor());
    w.optionalString(L("approvedBy"), line.approvedBy);
    w.endObject();
}

void writeEntry(JsonWriter& w, const RefundEntry& line)
{
    w.beginObject();
    w.integer(L("line"), line.line);
    w.string(L("sku"), line.sku);
    w.integer(L("qty"), line.qty);
    w.integer(L("amount"), line.amount.minor());
    w.integer(L("tax"), line.tax.minor());
    w.endObject();
}

void writeEntry(JsonWriter& w, const ItemLine& line)
{
    w.beginObject();
    w.string(L("sku"), line.sku);
    w.integer(L("qty"), line.qty);
    if (line.cost)
        w.integer(L("cost"), *line.cost);
    w.endObject();
}

template <typename Entry> void writeList(JsonWriter& w, L name, const QList<Entry>& entries)
{
    w.beginArray(name);
    for (const Entry& entry : entries)
        writeEntry(w, entry);
    w.endArray();
}

void writeBody(JsonWriter& w, const ReserveMutation& m)
{
    w.string(L("reservation"), m.reservation);
    w.string(L("sku"), m.sku);
    w.string(L("location"), m.location);
    w.integer(L("qty"), m.qty);
    w.integer(L("ttl"), m.ttl);
}

void writeBody(JsonWriter& w, const ReleaseMutation& m)
{
    w.string(L("reservation"), m.reservation);
}

void writeBody(JsonWriter& w, const SaleMutation& m)
{
    w.string(L("sale"), m.sale);
    w.string(L("location"), m.location);
    writeList(w, L("lines"), m.lines);
    writeList(w, L("payments"), m.payments);
    if (m.offline)
        w.boolean(L("offline"), true);
    w.optionalString(L("staff"), m.staff);
    if (!m.receipt)
        return;
    w.beginObject(L("receipt"));
    w.optionalString(L("cashSession"), m.receipt->cashSession);
    // Written only when they differ from the sales-tax default, so such receipts read as before.
    if (m.receipt->taxRule.pricesIncludeTax)
        w.boolean(L("pricesIncludeTax"), true);
    if (m.receipt->taxRule.rounding == TaxRounding::Receipt)
        w.string(L("taxRounding"), QStringLiteral("receipt"));
    writeList(w, L("lines"), m.receipt->lines);
    w.integer(L("net"), m.receipt->net.minor());
    w.integer(L("tax"), m.receipt->tax.minor());
    w.integer(L("total"), m.receipt->total.minor());
    w.endObject();
}

void writeBody(JsonWriter& w, const ReturnMutation& m)
{
    w.string(L("return"), m.returnId);
    w.string(L("location"), m.location);
    writeList(w, L("lines"), m.lines);
    w.optionalString(L("sale"), m.sale);
    if (m.offline)
        w.boolean(L("offline"), true);
    if (!m.refund)
        return;
    w.beginObject(L("refund"));
    w.string(L("staff"), m.refund->staff);
    w.optionalString(L("approvedBy"), m.refund->approvedBy);
    w.optionalString(L("cashSession"), m.refund->cashSession);
    writeList(w, L("lines"), m.refund->lines);
    writeList(w, L("payments"), m.refund->payments);
    w.integer(L("total"), m.refund->total.minor());
    w.endObject();
}

void writeBody(JsonWriter& w, const ReceiveMutation& m)
{
    w.string(L("receipt"), m.receipt);
    w.string(L("location"), m.location);
    writeList(w, L("lines"), m.lines);
    w.optionalString(L("reference"), m.reference);
    w.optionalString(L("delivery"), m.delivery);
    if (!m.rejected.isEmpty())
        writeList(w, L("rejected"), m.rejected);
    if (m.over)
        w.boolean(L("over"), true);
}

void writeBody(JsonWriter& w, const CountMutation& m)
{
    w.string(L("sku"), m.sku);
    w.string(L("location"), m.location);
    w.integer(L("counted"), m.counted);
    w.integer(L("expectedVersion"), m.expectedVersion);
}

void writeBody(JsonWriter& w, const TransferMutation& m)
{
    w.string(L("transfer"), m.transfer);
    w.string(L("sku"), m.sku);
    w.string(L("from"), m.from);
    w.string(L("to"), m.to);
    w.integer(L("qty"), m.qty);
}

void writeBody(JsonWriter& w, const AdjustMutation& m)
{
    w.string(L("sku"), m.sku);
    w.string(L("location"), m.location);
    w.integer(L("delta"), m.delta);
    w.string(L("reason"), m.reason);
}

void writeBody(JsonWriter& w, const ApprovalMutation& m)
{
    w.string(L("action"), m.action);
    w.string(L("staff"), m.staff);
    w.string(L("approver"), m.approver);
    w.string(L("detail"), m.detail);
}

void writeBody(JsonWriter& w, const ResolveMutation& m)
{
    w.integer(L("shortage"), m.shortage);
    w.string(L("resolution"), resolutionName(m.resolution));
    if (m.resolution == ResolveMutation::Resolution::Recount) {
        w.integer(L("counted"), m.counted);
        w.integer(L("expectedVersion"), m.expectedVersion);
    }
    w.string(L("staff"), m.staff);
    w.string(L("approvedBy"), m.approvedBy);
}

void writeBody(JsonWriter& w, const CashMutation& m)
{
    w.string(L("session"), m.session);
    w.string(L("event"), cashEventName(m.event));
    w.string(L("staff"), m.staff);
    w.integer(L("amount"), m.amount.minor());
    if (m.event == CashMutation::Event::Close)
        w.integer(L("expected"), m.expected.minor());
    w.optionalString(L("reason"), m.reason);
}

// ---------------------------------------------------------------------------------------------
// fromJson()

using Reader = FieldReader;

SaleLine readEntry(Reader& r, std::type_identity<SaleLine>)
{
    SaleLine line;
    line.sku = r.string(L("sku"));
    line.qty = r.integer(L("qty"));
    line.price = r.money(L("price"));
    line.reservation = r.optionalString(L("reservation"));
    return line;
}

Payment readEntry(Reader& r, std::type_identity<Payment>)
{
    Payment payment;
    payment.method = r.string(L("method"));
    payment.amount = r.money(L("amount"));
    payment.reference = r.optionalString(L("reference"));
    return payment;
}

ReceiptEntry readEntry(Reader& r, std::type_identity<ReceiptEntry>)
{
    ReceiptEntry line;
    line.sku = r.string(L("sku"));
    line.name = r.string(L("name"));
    line.qty = r.integer(L("qty"));
    if (r.has(L("unit"))) {
        const QString unit = r.string(L("unit"));
        if (const std::optional<Unit> known = unitFromName(unit))
            line.unit = *known;
        else if (r.ok())
            r.fail(L("unit"), QStringLiteral("must be each, kg, l or m"));
    }
    line.unitPrice = r.money(L("unitPrice"));
    line.discount = r.money(L("discount"));
    line.taxRate = r.taxRate(L("taxRate"));
    line.tax = r.money(L("tax"));
    line.total = r.money(L("total"));
    if (r.has(L("listPrice")))
        line.listPrice = r.money(L("listPrice"));
    line.approvedBy = r.optionalString(L("approvedBy"));
    return line;
}

RefundEntry readEntry(Reader& r, std::type_identity<RefundEntry>)
{
    RefundEntry line;
    line.line = r.integer(L("line"), 1, maxLinesPerMutation);
    line.sku = r.string(L("sku"));
    line.qty = r.integer(L("qty"));
    line.amount = r.money(L("amount"));
    line.tax = r.money(L("tax"));
    return line;
}

ItemLine readEntry(Reader& r, std::type_identity<ItemLine>)
{
    ItemLine line;
    line.sku = r.string(L("sku"));
    line.qty = r.integer(L("qty"));
    if (r.has(L("cost")))
        line.cost = r.integer(L("cost"));
    return line;
}

// The entries of an array of objects; its length is bounded before any entry is read.
template <typename Entry>
QList<Entry> readEntries(Reader& r, const char* name, const QJsonArray& array)
{
    QList<Entry> result;
    if (!r.ok())
        return result;
    if (Problem problem = checkCount(L(name), array.size(), 0, maxLinesPerMutation)) {
        r.fail(problem);
        return result;
    }
    result.reserve(array.size());
    r.forEachObject(L(name), array, [&result](Reader& entry) {
        result.append(readEntry(entry, std::type_identity<Entry>{}));
    });
    return result;
}

template <typename Entry> QList<Entry> list(Reader& r, const char* name)
{
    return readEntries<Entry>(r, name, r.array(L(name)));
}

// The same, empty when absent.
template <typename Entry> QList<Entry> optionalList(Reader& r, const char* name)
{
    return readEntries<Entry>(r, name, r.optionalArray(L(name)));
}

ReserveMutation readReserve(Reader& r)
{
    ReserveMutation m;
    m.reservation = r.string(L("reservation"));
    m.sku = r.string(L("sku"));
    m.location = r.string(L("location"));
    m.qty = r.integer(L("qty"));
    m.ttl = r.integer(L("ttl"));
    return m;
}

ReleaseMutation readRelease(Reader& r)
{
    ReleaseMutation m;
    m.reservation = r.string(L("reservation"));
    return m;
}

SaleMutation readSale(Reader& r)
{
    SaleMutation m;
    m.sale = r.string(L("sale"));
    m.location = r.string(L("location"));
    m.lines = list<SaleLine>(r, "lines");
    m.payments = list<Payment>(r, "payments");
    m.offline = r.optionalBoolean(L("offline"));
    m.staff = r.optionalString(L("staff"));
    if (r.has(L("receipt")) && r.ok()) {
        const QJsonObject object = r.object(L("receipt"));
        Reader receipt(object, r, L("receipt"));
        ReceiptContent content;
        content.cashSession = receipt.optionalString(L("cashSession"));
        content.taxRule.pricesIncludeTax = receipt.optionalBoolean(L("pricesIncludeTax"));
        const QString rounding = receipt.optionalString(L("taxRounding"));
        if (rounding == QLatin1StringView("receipt"))
            content.taxRule.rounding = TaxRounding::Receipt;
        else if (!rounding.isEmpty() && rounding != QLatin1StringView("line") && receipt.ok())
            receipt.fail(L("taxRounding"), QStringLiteral("must be \"line\" or \"receipt\""));
        content.lines = list<ReceiptEntry>(receipt, "lines");
        content.net = receipt.money(L("net"));
        content.tax = receipt.money(L("tax"));
        content.total = receipt.money(L("total"));
        m.receipt = std::move(content);
    }
    return m;
}

ReturnMutation readReturn(Reader& r)
{
    ReturnMutation m;
    m.returnId = r.string(L("return"));
    m.location = r.string(L("location"));
    m.lines = list<ItemLine>(r, "lines");
    m.sale = r.optionalString(L("sale"));
    m.offline = r.optionalBoolean(L("offline"));
    if (r.has(L("refund")) && r.ok()) {
        const QJsonObject object = r.object(L("refund"));
        Reader refund(object, r, L("refund"));
        RefundContent content;
        content.staff = refund.string(L("staff"));
        content.approvedBy = refund.optionalString(L("approvedBy"));
        content.cashSession = refund.optionalString(L("cashSession"));
        content.lines = list<RefundEntry>(refund, "lines");
        content.payments = optionalList<Payment>(refund, "payments");
        content.total = refund.money(L("total"));
        m.refund = std::move(content);
    }
    return m;
}

ReceiveMutation readReceive(Reader& r)
{
    ReceiveMutation m;
    m.receipt = r.string(L("receipt"));
    m.location = r.string(L("location"));
    m.lines = list<ItemLine>(r, "lines");
    m.reference = r.optionalString(L("reference"));
    m.delivery = r.optionalString(L("delivery"));
    m.rejected = optionalList<ItemLine>(r, "rejected");
    m.over = r.optionalBoolean(L("over"));
    return m;
}

CountMutation readCount(Reader& r)
{
    CountMutation m;
    m.sku = r.string(L("sku"));
    m.location = r.string(L("location"));
    m.counted = r.integer(L("counted"));
    m.expectedVersion = r.integer(L("expectedVersion"));
    return m;
}

TransferMutation readTransfer(Reader& r)
{
    TransferMutation m;
    m.transfer = r.string(L("transfer"));
    m.sku = r.string(L("sku"));
    m.from = r.string(L("from"));
    m.to = r.string(L("to"));
    m.qty = r.integer(L("qty"));
    return m;
}

AdjustMutation readAdjust(Reader& r)
{
    AdjustMutation m;
    m.sku = r.string(L("sku"));
    m.location = r.string(L("location"));
    m.delta = r.integer(L("delta"));
    m.reason = r.string(L("reason"));
    return m;
}

ApprovalMutation readApproval(Reader& r)
{
    ApprovalMutation m;
    m.action = r.string(L("action"));
    m.staff = r.string(L("staff"));
    m.approver = r.string(L("approver"));
    m.detail = r.string(L("detail"));
    return m;
}

ResolveMutation readResolve(Reader& r)
{
    ResolveMutation m;
    m.shortage = r.integer(L("shortage"));
    const QString resolution = r.string(L("resolution"));
    if (resolution == resolutionName(ResolveMutation::Resolution::Recount)) {
        m.resolution = ResolveMutation::Resolution::Recount;
        m.counted = r.integer(L("counted"));
        m.expectedVersion = r.integer(L("expectedVersion"));
    } else if (resolution != resolutionName(ResolveMutation::Resolution::Loss) && r.ok()) {
        r.fail(L("resolution"), QStringLiteral("must be recount or loss"));
    }
    m.staff = r.string(L("staff"));
    m.approvedBy = r.string(L("approvedBy"));
    return m;
}

CashMutation readCash(Reader& r)
{
    CashMutation m;
    m.session = r.string(L("session"));
    const QString event = r.string(L("event"));
    bool known = false;
    for (auto e : {CashMutation::Event::Open, CashMutation::Event::PaidIn,
                   CashMutation::Event::PaidOut, CashMutation::Event::Close}) {
        if (event == cashEventName(e)) {
            m.event = e;
            known = true;
        }
    }
    if (!known && r.ok())
        r.fail(L("event"), QStringLiteral("must be open, paid_in, paid_out or close"));
    m.staff = r.string(L("staff"));
    m.amount = r.money(L("amount"));
    if (m.event == CashMutation::Event::Close)
        m.expected = r.money(L("expected"));
    m.reason = r.optionalString(L("reason"));
    return m;
}

MutationBody readBody(MutationKind kind, Reader& r)
{
    switch (kind) {
    case MutationKind::Reserve:
        return readReserve(r);
    case MutationKind::Release:
        return readRelease(r);
    case MutationKind::Sale:
        return readSale(r);
    case MutationKind::Return:
        return readReturn(r);
    case MutationKind::Receive:
        return readReceive(r);
    case MutationKind::Count:
        return readCount(r);
    case MutationKind::Transfer:
        return readTransfer(r);
    case MutationKind::Adjust:
        return readAdjust(r);
    case MutationKind::Approval:
        return readApproval(r);
    case MutationKind::Cash:
        return readCash(r);
    case MutationKind::Resolve:
        return readResolve(r);
    }
    Q_UNREACHABLE();
    return {};
}

// The kind, read before the body because it decides which fields the body has.
std::optional<MutationKind> readKind(Reader& r)
{
    const QString name = r.string(L("kind"));
    if (!r.ok())
        return std::nullopt;
    const std::optional<MutationKind> kind = kindFromName(name);
    if (!kind) {
        r.fail(L("kind"), QStringLiteral("must be one of reserve, release, sale, return, "
                                         "receive, count, transfer, adjust, approval, resolve"));
    }
    return kind;
}

} // namespace

QByteArray Mutation::toJsonBytes() const
{
    JsonWriter w;
    w.beginObject();
    w.integer(L("seq"), seq);
    w.string(L("id"), id);
    w.string(L("kind"), kindName(kind()));
    w.string(L("at"), isoUtc(at));
    std::visit([&w](const auto& b) { writeBody(w, b); }, body);
    w.endObject();
    return w.take();
}

QJsonObject Mutation::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
}

Result<Mutation> Mutation::fromJson(const QJsonObject& object)
{
    Reader reader(object);
    Mutation mutation;
    mutation.seq = reader.integer(L("seq"));
    mutation.id = reader.string(L("id"));
    const std::optional<MutationKind> kind = readKind(reader);
    mutation.at = reader.time(L("at"));
    if (!reader.ok())
        return reader.error();
    mutation.body = readBody(*kind, reader);
    if (!reader.ok())
        return reader.error();
    if (Problem invalid = mutation.validate())
        return *invalid;
    return mutation;
}
} // namespace stockline
