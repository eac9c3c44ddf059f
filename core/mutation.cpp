#include "mutation.h"

#include "ids.h"
#include "isotime.h"
#include "jsonwriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <array>
#include <cmath>
#include <initializer_list>
#include <type_traits>
#include <utility>

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

using Problem = std::optional<Error>;

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

Problem firstOf(std::initializer_list<Problem> problems)
{
    for (const Problem& problem : problems) {
        if (problem)
            return problem;
    }
    return std::nullopt;
}

Problem checkId(QAnyStringView field, const QString& value)
{
    if (isValidId(value))
        return std::nullopt;
    return Error{field.toString(),
                 QStringLiteral("must be an ID of 1 to 64 characters from A-Z a-z 0-9 . _ : -")};
}

Problem checkOptionalId(QAnyStringView field, const QString& value)
{
    return value.isEmpty() ? std::nullopt : checkId(field, value);
}

Problem checkRange(QAnyStringView field, qint64 value, qint64 min, qint64 max)
{
    if (value >= min && value <= max)
        return std::nullopt;
    return Error{field.toString(), QStringLiteral("must be from %1 to %2").arg(min).arg(max)};
}

Problem checkQuantity(QAnyStringView field, qint64 qty)
{
    return checkRange(field, qty, 1, maxQuantity);
}

Problem checkCount(QAnyStringView field, qsizetype count, qsizetype min, qsizetype max)
{
    if (count >= min && count <= max)
        return std::nullopt;
    return Error{field.toString(),
                 QStringLiteral("must have from %1 to %2 entries").arg(min).arg(max)};
}

bool hasControlCharacter(const QString& text)
{
    for (const QChar ch : text) {
        if (ch.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Problem checkText(QAnyStringView field, const QString& text)
{
    if (text.size() > maxTextLength)
        return Error{field.toString(),
                     QStringLiteral("must be at most %1 characters").arg(maxTextLength)};
    if (hasControlCharacter(text))
        return Error{field.toString(), QStringLiteral("must not contain control characters")};
    return std::nullopt;
}

Problem checkRequiredText(QAnyStringView field, const QString& text)
{
    if (text.trimmed().isEmpty())
        return Error{field.toString(), QStringLiteral("must not be blank")};
    return checkText(field, text);
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

Problem checkTime(const QDateTime& at)
{
    if (at.isValid())
        return std::nullopt;
    return Error{key("at"), QStringLiteral("must be a valid time")};
}

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

void writeEntry(JsonWriter& w, const ItemLine& line)
{
    w.beginObject();
    w.string(L("sku"), line.sku);
    w.integer(L("qty"), line.qty);
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
}

void writeBody(JsonWriter& w, const ReturnMutation& m)
{
    w.string(L("return"), m.returnId);
    w.string(L("location"), m.location);
    writeList(w, L("lines"), m.lines);
    w.optionalString(L("sale"), m.sale);
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

// ---------------------------------------------------------------------------------------------
// fromJson()

// The integer a JSON number holds exactly, if it is one within ±2^53. Both the double and the
// integer view are checked: Qt keeps integral literals as qint64, so 2^53+1 reads as 2^53 as a
// double but not as an integer.
std::optional<qint64> exactInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    const auto limit = static_cast<double>(maxWireInteger);
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > limit)
        return std::nullopt;
    const qint64 integer = value.toInteger();
    if (integer < -maxWireInteger || integer > maxWireInteger)
        return std::nullopt;
    return integer;
}

// Reads the fields of one JSON object, checking types only (values are validate()'s job).
// The first problem is kept in a slot shared with nested readers; after it every read returns
// an empty value, so a body is read straight through and checked once at the end.
class Reader
{
public:
    Reader(QJsonObject object, QString prefix, Problem& problem)
        : m_object(std::move(object)), m_prefix(std::move(prefix)), m_problem(problem)
    {
    }

    [[nodiscard]] bool failed() const { return m_problem.has_value(); }
    // Keeps the first problem only, like every read.
    void fail(const char* name, QString message)
    {
        if (!m_problem)
            m_problem = Error{m_prefix + key(name), std::move(message)};
    }

    [[nodiscard]] QString string(const char* name) { return text(name, Presence::Required); }
    [[nodiscard]] QString optionalString(const char* name)
    {
        return text(name, Presence::Optional);
    }

    [[nodiscard]] qint64 integer(const char* name)
    {
        const QJsonValue value = field(name, Presence::Required);
        if (failed())
            return 0;
        if (const std::optional<qint64> number = exactInteger(value))
            return *number;
        fail(name, value.isDouble() ? QStringLiteral("must be an integer from %1 to %2")
                                          .arg(-maxWireInteger)
                                          .arg(maxWireInteger)
                                    : QStringLiteral("must be an integer"));
        return 0;
    }

    [[nodiscard]] Money money(const char* name) { return Money::fromMinor(integer(name)); }

    [[nodiscard]] bool optionalBool(const char* name)
    {
        const QJsonValue value = field(name, Presence::Optional);
        if (failed() || value.isUndefined())
            return false;
        if (!value.isBool())
            fail(name, QStringLiteral("must be true or false"));
        return value.toBool();
    }

    [[nodiscard]] QDateTime time(const char* name)
    {
        const QString value = string(name);
        if (failed())
            return {};
        const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
        // Qt reads a time without offset as local time: refuse it rather than guess.
        if (!at.isValid() || at.timeSpec() == Qt::LocalTime) {
            fail(name, QStringLiteral("must be an ISO-8601 time with a timezone, "
                                      "e.g. 2026-11-22T10:00:00Z"));
            return {};
        }
        return at.toUTC();
    }

    // A required array of objects, each read by readEntry(Reader&) with its own path prefix.
    // The length is bounded before any entry is read.
    template <typename Entry> [[nodiscard]] QList<Entry> list(const char* name)
    {
        return listOf<Entry>(name, Presence::Required);
    }
    // The same, empty when absent.
    template <typename Entry> [[nodiscard]] QList<Entry> optionalList(const char* name)
    {
        return listOf<Entry>(name, Presence::Optional);
    }

private:
    enum class Presence { Required, Optional };

    template <typename Entry> [[nodiscard]] QList<Entry> listOf(const char* name, Presence presence)
    {
        const QJsonValue value = field(name, presence);
        if (failed() || value.isUndefined())
            return {};
        if (!value.isArray()) {
            fail(name, QStringLiteral("must be an array"));
            return {};
        }
        const QJsonArray array = value.toArray();
        if (Problem problem =
                checkCount(m_prefix + key(name), array.size(), 0, maxLinesPerMutation)) {
            m_problem = std::move(problem);
            return {};
        }
        return entries<Entry>(name, array);
    }

    template <typename Entry>
    [[nodiscard]] QList<Entry> entries(const char* name, const QJsonArray& array)
    {
        QList<Entry> result;
        result.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && !failed(); ++i) {
            const QString path = entryPath(m_prefix, name, i);
            const QJsonValue entry = array.at(i);
            if (!entry.isObject()) {
                m_problem = Error{path, QStringLiteral("must be an object")};
                break;
            }
            Reader reader(entry.toObject(), path + QLatin1Char('.'), m_problem);
            result.append(readEntry(reader, std::type_identity<Entry>{}));
        }
        return result;
    }

    // Undefined for an absent optional field (null counts as absent, see the top of the file).
    [[nodiscard]] QJsonValue field(const char* name, Presence presence)
    {
        if (failed())
            return {};
        // By Latin-1 view: no QString is made for the name of every field read.
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!value.isUndefined() && !value.isNull())
            return value;
        if (presence == Presence::Required)
            fail(name, QStringLiteral("is required"));
        return QJsonValue(QJsonValue::Undefined);
    }

    [[nodiscard]] QString text(const char* name, Presence presence)
    {
        const QJsonValue value = field(name, presence);
        if (failed() || value.isUndefined())
            return {};
        if (!value.isString())
            fail(name, QStringLiteral("must be a string"));
        return value.toString();
    }

    // Tag-dispatched so list<Entry>() can name the reader of its entry type.
    static SaleLine readEntry(Reader& r, std::type_identity<SaleLine>)
    {
        SaleLine line;
        line.sku = r.string("sku");
        line.qty = r.integer("qty");
        line.price = r.money("price");
        line.reservation = r.optionalString("reservation");
        return line;
    }

    static Payment readEntry(Reader& r, std::type_identity<Payment>)
    {
        Payment payment;
        payment.method = r.string("method");
        payment.amount = r.money("amount");
        payment.reference = r.optionalString("reference");
        return payment;
    }

    static ItemLine readEntry(Reader& r, std::type_identity<ItemLine>)
    {
        ItemLine line;
        line.sku = r.string("sku");
        line.qty = r.integer("qty");
        return line;
    }

    QJsonObject m_object; // by value: nested readers are made from temporaries
    QString m_prefix;
    Problem& m_problem;
};

ReserveMutation readReserve(Reader& r)
{
    ReserveMutation m;
    m.reservation = r.string("reservation");
    m.sku = r.string("sku");
    m.location = r.string("location");
    m.qty = r.integer("qty");
    m.ttl = r.integer("ttl");
    return m;
}

ReleaseMutation readRelease(Reader& r)
{
    ReleaseMutation m;
    m.reservation = r.string("reservation");
    return m;
}

SaleMutation readSale(Reader& r)
{
    SaleMutation m;
    m.sale = r.string("sale");
    m.location = r.string("location");
    m.lines = r.list<SaleLine>("lines");
    m.payments = r.list<Payment>("payments");
    m.offline = r.optionalBool("offline");
    m.staff = r.optionalString("staff");
    return m;
}

ReturnMutation readReturn(Reader& r)
{
    ReturnMutation m;
    m.returnId = r.string("return");
    m.location = r.string("location");
    m.lines = r.list<ItemLine>("lines");
    m.sale = r.optionalString("sale");
    return m;
}

ReceiveMutation readReceive(Reader& r)
{
    ReceiveMutation m;
    m.receipt = r.string("receipt");
    m.location = r.string("location");
    m.lines = r.list<ItemLine>("lines");
    m.reference = r.optionalString("reference");
    m.delivery = r.optionalString("delivery");
    m.rejected = r.optionalList<ItemLine>("rejected");
    m.over = r.optionalBool("over");
    return m;
}

CountMutation readCount(Reader& r)
{
    CountMutation m;
    m.sku = r.string("sku");
    m.location = r.string("location");
    m.counted = r.integer("counted");
    m.expectedVersion = r.integer("expectedVersion");
    return m;
}

TransferMutation readTransfer(Reader& r)
{
    TransferMutation m;
    m.transfer = r.string("transfer");
    m.sku = r.string("sku");
    m.from = r.string("from");
    m.to = r.string("to");
    m.qty = r.integer("qty");
    return m;
}

AdjustMutation readAdjust(Reader& r)
{
    AdjustMutation m;
    m.sku = r.string("sku");
    m.location = r.string("location");
    m.delta = r.integer("delta");
    m.reason = r.string("reason");
    return m;
}

ApprovalMutation readApproval(Reader& r)
{
    ApprovalMutation m;
    m.action = r.string("action");
    m.staff = r.string("staff");
    m.approver = r.string("approver");
    m.detail = r.string("detail");
    return m;
}

ResolveMutation readResolve(Reader& r)
{
    ResolveMutation m;
    m.shortage = r.integer("shortage");
    const QString resolution = r.string("resolution");
    if (resolution == resolutionName(ResolveMutation::Resolution::Recount)) {
        m.resolution = ResolveMutation::Resolution::Recount;
        m.counted = r.integer("counted");
        m.expectedVersion = r.integer("expectedVersion");
    } else if (resolution != resolutionName(ResolveMutation::Resolution::Loss) && !r.failed()) {
        r.fail("resolution", QStringLiteral("must be recount or loss"));
    }
    m.staff = r.string("staff");
    m.approvedBy = r.string("approvedBy");
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
    case MutationKind::Resolve:
        return readResolve(r);
    }
    Q_UNREACHABLE();
    return {};
}

// The kind, read before the body because it decides which fields the body has.
std::optional<MutationKind> readKind(Reader& r, Problem& problem)
{
    const QString name = r.string("kind");
    if (r.failed())
        return std::nullopt;
    const std::optional<MutationKind> kind = kindFromName(name);
    if (!kind) {
        problem =
            Error{key("kind"), QStringLiteral("must be one of reserve, release, sale, return, "
                                              "receive, count, transfer, adjust, approval, "
                                              "resolve")};
    }
    return kind;
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
    const Problem envelope = firstOf(
        {checkRange(key("seq"), seq, 1, maxWireInteger), checkId(key("id"), id), checkTime(at)});
    if (envelope)
        return envelope;
    return std::visit([](const auto& b) { return checkBody(b); }, body);
}

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
    Problem problem;
    Reader reader(object, QString(), problem);
    Mutation mutation;
    mutation.seq = reader.integer("seq");
    mutation.id = reader.string("id");
    const std::optional<MutationKind> kind = readKind(reader, problem);
    mutation.at = reader.time("at");
    if (problem)
        return *problem;
    mutation.body = readBody(*kind, reader);
    if (problem)
        return *problem;
    if (Problem invalid = mutation.validate())
        return *invalid;
    return mutation;
}

} // namespace stockline
