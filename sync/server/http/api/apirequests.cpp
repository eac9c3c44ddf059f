#include "apirequests.h"

#include "isotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace stockline::sync::webapi {

namespace {

QString newId(QLatin1StringView prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The wire object of a mutation of `kind`, before its kind's own fields.
QJsonObject wireHead(QLatin1StringView kind, const QDateTime& now)
{
    return {{QStringLiteral("seq"), 1}, // the store gives it the terminal's next seq
            {QStringLiteral("id"), newId(QLatin1StringView())},
            {QStringLiteral("kind"), QString(kind)},
            {QStringLiteral("at"), isoUtc(now)}};
}

// Copies the named fields the caller gave; anything else in the request is not ours to pass.
void copyFields(QJsonObject& to, const QJsonObject& from, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        const QString key = QLatin1String(name);
        if (from.contains(key))
            to.insert(key, from.value(key));
    }
}

// The API names a reservation a hold; the codec names fields by their wire names.
Error apiNames(Error error)
{
    error.field.replace(QStringLiteral("reservation"), QStringLiteral("hold"));
    error.field.replace(QStringLiteral("refund.lines"), QStringLiteral("lines"));
    error.field.replace(QStringLiteral("refund.payments"), QStringLiteral("payments"));
    error.field.replace(QStringLiteral("return"), QStringLiteral("reference"));
    error.field.replace(QStringLiteral("sale"), QStringLiteral("order"));
    return error;
}

Result<Mutation> readMutation(const QJsonObject& wire)
{
    Result<Mutation> m = Mutation::fromJson(wire);
    if (!m)
        return apiNames(m.error());
    return m;
}

ApiAnswer answer(int status, const QJsonObject& body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

QJsonArray availabilityJson(const QList<LineAvailability>& lines)
{
    QJsonArray out;
    for (const LineAvailability& line : lines) {
        QJsonObject o{{QStringLiteral("sku"), line.sku},
                      {QStringLiteral("available"), line.available}};
        if (line.line > 0)
            o.insert(QStringLiteral("line"), line.line);
        out.append(o);
    }
    return out;
}

// A refusal: 409 when the stock or an earlier request decided it, else 422 (the request is
// well-formed, what it names is not so: an unknown SKU, an order without that line). Malformed
// requests never get here: they are refused 400 before anything is submitted.
ApiAnswer refusal(const MutationResult& r)
{
    QJsonObject body{{QStringLiteral("error"), r.code}, {QStringLiteral("message"), r.message}};
    if (r.available)
        body.insert(QStringLiteral("available"), *r.available);
    if (!r.lines.isEmpty())
        body.insert(QStringLiteral("lines"), availabilityJson(r.lines));
    int status = 422;
    if (r.code == QLatin1String("insufficient_stock") ||
        r.code == QLatin1String("receipt_conflict") || r.code == QLatin1String("over_refund"))
        status = 409;
    else if (r.code == QLatin1String("forbidden"))
        status = 403;
    return answer(status, body);
}

} // namespace

QByteArray errorBody(const QString& code, const QString& message, const QString& field)
{
    QJsonObject body{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

namespace {

bool withinDepth(const QJsonValue& value, int left)
{
    if (left < 0)
        return false;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(),
                           [left](const QJsonValue& v) { return withinDepth(v, left - 1); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::all_of(object.begin(), object.end(),
                           [left](const QJsonValue& v) { return withinDepth(v, left - 1); });
    }
    return true;
}

} // namespace

Result<QJsonObject> parseBody(const QByteArray& body)
{
    if (body.size() > maxBodyBytes)
        return Error{
            QStringLiteral("body"),
            QStringLiteral("is %1 bytes, more than %2").arg(body.size()).arg(maxBodyBytes)};
    QJsonParseError parsed{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parsed);
    if (parsed.error != QJsonParseError::NoError)
        return Error{QStringLiteral("body"), QStringLiteral("is not JSON: %1 at offset %2")
                                                 .arg(parsed.errorString())
                                                 .arg(parsed.offset)};
    if (!document.isObject())
        return Error{QStringLiteral("body"), QStringLiteral("must be a JSON object")};
    if (!withinDepth(document.object(), maxJsonDepth))
        return Error{QStringLiteral("body"),
                     QStringLiteral("nests deeper than %1 levels").arg(maxJsonDepth)};
    return document.object();
}

Result<ApiWrite> holdRequest(const QJsonObject& body, const QDateTime& now)
{
    QJsonObject wire = wireHead(QLatin1StringView("reserve"), now);
    copyFields(wire, body, {"sku", "location", "qty", "ttl"});
    const QString hold = newId(QLatin1StringView("H-"));
    wire.insert(QStringLiteral("reservation"), hold);
    Result<Mutation> m = readMutation(wire);
    if (!m)
        return m.error();
    const ReserveMutation r = std::get<ReserveMutation>(m->body);
    return ApiWrite{*m, [r](const MutationResult& result, const QDateTime& at) {
                        if (result.status == MutationResult::Status::Rejected)
                            return refusal(result);
                        return answer(201,
                                      {{QStringLiteral("hold"), r.reservation},
                                       {QStringLiteral("sku"), r.sku},
                                       {QStringLiteral("location"), r.location},
                                       {QStringLiteral("qty"), r.qty},
                                       {QStringLiteral("expiresAt"), isoUtc(at.addSecs(r.ttl))}});
                    }};
}

Result<ApiWrite> releaseRequest(const QString& hold, const QDateTime& now)
{
    QJsonObject wire = wireHead(QLatin1StringView("release"), now);
    wire.insert(QStringLiteral("reservation"), hold);
    Result<Mutation> m = readMutation(wire);
    if (!m)
        return m.error();
    return ApiWrite{*m, [hold](const MutationResult& result, const QDateTime&) {
                        if (result.status == MutationResult::Status::Rejected)
                            return refusal(result);
                        // Released now, or gone already (expired, sold, released): either
                        // way it holds nothing.
                        return answer(200, {{QStringLiteral("hold"), hold},
                                            {QStringLiteral("released"), true}});
                    }};
}

Result<ApiWrite> orderRequest(const QJsonObject& body, const QDateTime& now)
{
    QJsonObject wire = wireHead(QLatin1StringView("sale"), now);
    wire.insert(QStringLiteral("sale"), body.value(QStringLiteral("reference")));
    copyFields(wire, body, {"location", "payments"});
    wire.insert(QStringLiteral("offline"), false);
    if (!body.value(QStringLiteral("lines")).isArray())
        return Error{QStringLiteral("lines"), QStringLiteral("must be an array of lines")};
    QJsonArray lines;
    for (const QJsonValue& value : body.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject line = value.toObject();
        QJsonObject out;
        copyFields(out, line, {"sku", "qty", "price"});
        if (line.contains(QStringLiteral("hold")))
            out.insert(QStringLiteral("reservation"), line.value(QStringLiteral("hold")));
        lines.append(out);
    }
    wire.insert(QStringLiteral("lines"), lines);
    if (!wire.contains(QStringLiteral("payments")))
        wire.insert(QStringLiteral("payments"), QJsonArray());
    Result<Mutation> m = readMutation(wire);
    if (!m)
        return m.error();
    const SaleMutation sale = std::get<SaleMutation>(m->body);
    return ApiWrite{*m, [sale](const MutationResult& result, const QDateTime& at) {
                        if (result.status == MutationResult::Status::Rejected)
                            return refusal(result);
                        qint64 total = 0;
                        for (const SaleLine& line : sale.lines)
                            total += line.price.minor() * line.qty;
                        return answer(201, {{QStringLiteral("order"), sale.sale},
                                            {QStringLiteral("location"), sale.location},
                                            {QStringLiteral("lines"), sale.lines.size()},
                                            {QStringLiteral("total"), total},
                                            {QStringLiteral("at"), isoUtc(at)}});
                    }};
}

Result<ApiWrite> returnRequest(const QJsonObject& body, const QString& staff, const QDateTime& now)
{
    QJsonObject wire = wireHead(QLatin1StringView("return"), now);
    wire.insert(QStringLiteral("return"), body.value(QStringLiteral("reference")));
    wire.insert(QStringLiteral("sale"), body.value(QStringLiteral("order")));
    copyFields(wire, body, {"location"});
    if (!body.value(QStringLiteral("lines")).isArray())
        return Error{QStringLiteral("lines"), QStringLiteral("must be an array of lines")};
    QJsonArray items;
    QJsonArray entries;
    double total = 0;
    for (const QJsonValue& value : body.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject line = value.toObject();
        QJsonObject entry;
        copyFields(entry, line, {"line", "sku", "qty", "amount"});
        entry.insert(QStringLiteral("tax"), line.value(QStringLiteral("tax")).toInt(0));
        entries.append(entry);
        QJsonObject item;
        copyFields(item, line, {"sku", "qty"});
        items.append(item);
        total += line.value(QStringLiteral("amount")).toDouble();
    }
    wire.insert(QStringLiteral("lines"), items);
    // Paid back the way the shop took the money; one card payment of the total if not said.
    QJsonArray payments = body.value(QStringLiteral("payments")).toArray();
    if (!body.contains(QStringLiteral("payments")))
        payments.append(QJsonObject{{QStringLiteral("method"), QStringLiteral("card")},
                                    {QStringLiteral("amount"), total}});
    wire.insert(QStringLiteral("refund"), QJsonObject{{QStringLiteral("staff"), staff},
                                                      {QStringLiteral("lines"), entries},
                                                      {QStringLiteral("payments"), payments},
                                                      {QStringLiteral("total"), total}});
    Result<Mutation> m = readMutation(wire);
    if (!m)
        return m.error();
    const ReturnMutation ret = std::get<ReturnMutation>(m->body);
    return ApiWrite{*m, [ret](const MutationResult& result, const QDateTime& at) {
                        if (result.status == MutationResult::Status::Rejected)
                            return refusal(result);
                        return answer(201, {{QStringLiteral("return"), ret.returnId},
                                            {QStringLiteral("order"), ret.sale},
                                            {QStringLiteral("total"), ret.refund->total.minor()},
                                            {QStringLiteral("at"), isoUtc(at)}});
                    }};
}

QJsonObject levelJson(const StockLevel& level)
{
    return {{QStringLiteral("sku"), level.sku},
            {QStringLiteral("location"), level.location},
            {QStringLiteral("onHand"), level.onHand},
            {QStringLiteral("reserved"), level.reserved},
            {QStringLiteral("available"), level.available()},
            {QStringLiteral("version"), level.version}};
}

} // namespace stockline::sync::webapi
