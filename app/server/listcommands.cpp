// The listing commands: a table for people, or with --json the same rows for scripts (field
// names as in sync/PROTOCOL.md where the protocol has the same thing), and `catalog export`.
#include "commandsupport.h"
#include "isotime.h"
#include "servercommands.h"
#include "serverstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace stockline;
using namespace stockline::sync;
using namespace stockline::servercli;

namespace {

bool asJson(const QCommandLineParser& parser)
{
    return parser.isSet(jsonOption());
}

int printJson(const QJsonValue& value)
{
    out() << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                 .toJson(QJsonDocument::Indented);
    out().flush();
    return 0;
}

QJsonValue timeOrNull(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(isoUtc(at)) : QJsonValue();
}

QJsonObject levelJson(const StockLevel& l)
{
    return {{QStringLiteral("sku"), l.sku},
            {QStringLiteral("location"), l.location},
            {QStringLiteral("onHand"), l.onHand},
            {QStringLiteral("reserved"), l.reserved},
            {QStringLiteral("available"), l.available()},
            {QStringLiteral("version"), l.version}};
}

QJsonObject shortageJson(const Shortage& s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("sku"), s.sku},
            {QStringLiteral("location"), s.location},
            {QStringLiteral("qty"), s.qty},
            {QStringLiteral("terminal"), s.terminal},
            {QStringLiteral("sale"), s.sale},
            {QStringLiteral("at"), isoUtc(s.at)}};
}

QJsonObject deliveryJson(const Delivery& d)
{
    QJsonArray lines;
    for (const DeliveryLine& l : d.lines)
        lines.append(QJsonObject{{QStringLiteral("sku"), l.sku},
                                 {QStringLiteral("expected"), l.expected},
                                 {QStringLiteral("received"), l.received},
                                 {QStringLiteral("rejected"), l.rejected}});
    return {{QStringLiteral("reference"), d.id},
            {QStringLiteral("supplier"), d.supplier},
            {QStringLiteral("location"), d.location},
            {QStringLiteral("closed"), d.closed},
            {QStringLiteral("lines"), lines}};
}

} // namespace

int ServerCommands::listStaff(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto staff = store.value()->staff();
    if (!staff)
        return fail(staff.error());
    if (asJson(parser)) {
        QJsonArray rows;
        for (const StaffMember& m : staff.value())
            rows.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("role"), staffRoleName(m.role)}});
        return printJson(rows);
    }
    for (const StaffMember& m : staff.value())
        out() << padded(m.name, 32) << staffRoleName(m.role) << '\n';
    out().flush();
    return 0;
}

int ServerCommands::listDeliveries(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto deliveries = store.value()->deliveries(parser.isSet(QStringLiteral("all")));
    if (!deliveries)
        return fail(deliveries.error());
    if (asJson(parser)) {
        QJsonArray rows;
        for (const Delivery& d : deliveries.value())
            rows.append(deliveryJson(d));
        return printJson(rows);
    }
    out() << padded(QStringLiteral("reference"), 20) << padded(QStringLiteral("supplier"), 24)
          << padded(QStringLiteral("location"), 14) << padded(QStringLiteral("sku"), 16)
          << "expected  received  rejected\n";
    for (const Delivery& d : deliveries.value()) {
        for (const DeliveryLine& l : d.lines)
            out() << padded(d.id + (d.closed ? QStringLiteral(" (closed)") : QString()), 20)
                  << padded(d.supplier, 24) << padded(d.location, 14) << padded(l.sku, 16)
                  << padded(QString::number(l.expected), 10)
                  << padded(QString::number(l.received), 10) << l.rejected << '\n';
    }
    out().flush();
    return 0;
}

int ServerCommands::showStock(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto levels = store.value()->levels(parser.value(QStringLiteral("sku")));
    const auto shortages = store.value()->openShortages();
    const auto catalog = store.value()->catalogSince(0);
    if (!levels || !shortages || !catalog)
        return fail(!levels ? levels.error() : !shortages ? shortages.error() : catalog.error());
    if (asJson(parser)) {
        // Quantities as the protocol carries them: whole units, g / ml / mm when measured.
        QJsonArray levelRows;
        QJsonArray shortageRows;
        for (const StockLevel& l : levels.value())
            levelRows.append(levelJson(l));
        for (const Shortage& s : shortages.value())
            shortageRows.append(shortageJson(s));
        return printJson(QJsonObject{{QStringLiteral("levels"), levelRows},
                                     {QStringLiteral("shortages"), shortageRows}});
    }
    // A product sold by measure shows kg / l / m with three decimals, as the tills do.
    QHash<QString, Unit> units;
    for (const Product& p : catalog->products)
        if (isMeasured(p.unit))
            units.insert(p.sku, p.unit);
    const auto figure = [&units](const StockLevel& l, qint64 qty) {
        return quantityText(qty, units.value(l.sku, Unit::Each), QLocale::c());
    };
    out() << padded(QStringLiteral("sku"), 20) << padded(QStringLiteral("location"), 16)
          << "  onHand  reserved  available  version\n";
    for (const StockLevel& l : levels.value())
        out() << padded(l.sku, 20) << padded(l.location, 16)
              << figure(l, l.onHand).rightJustified(8) << ' '
              << figure(l, l.reserved).rightJustified(9) << ' '
              << figure(l, l.available()).rightJustified(10)
              << QString::number(l.version).rightJustified(9) << '\n';
    out() << "\nopen shortage exceptions: " << shortages->size() << '\n';
    for (const Shortage& s : shortages.value())
        out() << "  #" << s.id << ' ' << s.sku << " at " << s.location << ": " << s.qty
              << " sold offline beyond stock by " << s.terminal << " (sale " << s.sale << ", "
              << s.at.toString(Qt::ISODate) << ")\n";
    out().flush();
    return 0;
}

int ServerCommands::listApprovals(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto approvals = store.value()->approvals();
    if (!approvals)
        return fail(approvals.error());
    if (asJson(parser)) {
        QJsonArray rows;
        for (const ApprovalRecord& a : approvals.value())
            rows.append(QJsonObject{{QStringLiteral("at"), isoUtc(a.at)},
                                    {QStringLiteral("recordedAt"), isoUtc(a.recordedAt)},
                                    {QStringLiteral("terminal"), a.terminal},
                                    {QStringLiteral("seq"), a.seq},
                                    {QStringLiteral("action"), a.action},
                                    {QStringLiteral("staff"), a.staff},
                                    {QStringLiteral("approver"), a.approver},
                                    {QStringLiteral("detail"), a.detail}});
        return printJson(rows);
    }
    out() << padded(QStringLiteral("at (till, UTC)"), 22) << padded(QStringLiteral("terminal"), 12)
          << padded(QStringLiteral("seq"), 8) << padded(QStringLiteral("action"), 20)
          << padded(QStringLiteral("staff"), 16) << padded(QStringLiteral("approver"), 16)
          << "detail\n";
    for (const ApprovalRecord& a : approvals.value())
        out() << padded(a.at.toString(Qt::ISODate), 22) << padded(a.terminal, 12)
              << padded(QString::number(a.seq), 8) << padded(a.action, 20) << padded(a.staff, 16)
              << padded(a.approver, 16) << a.detail << '\n';
    out().flush();
    return 0;
}

int ServerCommands::listTerminals(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto terminals = store.value()->terminals();
    if (!terminals)
        return fail(terminals.error());
    if (asJson(parser)) {
        QJsonArray rows;
        for (const TerminalListing& t : terminals.value())
            rows.append(QJsonObject{{QStringLiteral("id"), t.id},
                                    {QStringLiteral("role"), roleName(t.role)},
                                    {QStringLiteral("revoked"), t.revoked},
                                    {QStringLiteral("location"),
                                     t.location.isEmpty() ? QJsonValue() : QJsonValue(t.location)},
                                    {QStringLiteral("lastSeen"), timeOrNull(t.lastSeen)},
                                    {QStringLiteral("lastSeq"), t.lastSeq}});
        return printJson(rows);
    }
    out() << padded(QStringLiteral("terminal"), 20) << padded(QStringLiteral("role"), 11)
          << padded(QStringLiteral("location"), 16) << padded(QStringLiteral("last seen (UTC)"), 22)
          << "last seq\n";
    for (const TerminalListing& t : terminals.value())
        out() << padded(t.id + (t.revoked ? QStringLiteral(" (revoked)") : QString()), 20)
              << padded(roleName(t.role), 11)
              << padded(t.location.isEmpty() ? QStringLiteral("-") : t.location, 16)
              << padded(t.lastSeen.isValid() ? t.lastSeen.toUTC().toString(Qt::ISODate)
                                             : QStringLiteral("never"),
                        22)
              << t.lastSeq << '\n';
    out().flush();
    return 0;
}

int ServerCommands::listLocations(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    const auto locations = store.value()->locations();
    if (!locations)
        return fail(locations.error());
    if (asJson(parser)) {
        QJsonArray rows;
        for (const Location& l : locations.value())
            rows.append(
                QJsonObject{{QStringLiteral("id"), l.id}, {QStringLiteral("name"), l.name}});
        return printJson(rows);
    }
    for (const Location& l : locations.value())
        out() << padded(l.id, 20) << l.name << '\n';
    out().flush();
    return 0;
}

// The catalog as `catalog import` reads it, every column and inactive products too: export,
// edit in a spreadsheet, import.
int ServerCommands::exportCatalog(const QCommandLineParser& parser)
{
    auto store = openStore(parser);
    if (!store)
        return fail(store.error());
    auto catalog = store.value()->catalogSince(0);
    if (!catalog)
        return fail(catalog.error());
    const auto costs = store.value()->productCosts();
    if (!costs)
        return fail(costs.error());
    QList<Product> products = catalog->products;
    std::sort(products.begin(), products.end(),
              [](const Product& a, const Product& b) { return a.sku < b.sku; });
    out() << "sku,barcode,name,price,tax_rate,active,department,reorder_point,unit,cost\n";
    for (const Product& p : products)
        out() << csvCell(p.sku) << ',' << csvCell(p.barcode) << ',' << csvCell(p.name) << ','
              << p.price.toString() << ',' << p.taxRate.toString() << ',' << (p.active ? 1 : 0)
              << ',' << csvCell(p.department) << ','
              << (p.reorderPoint > 0 ? QString::number(p.reorderPoint) : QString()) << ','
              << unitName(p.unit) << ',' << costs->value(p.sku).toString() << '\n';
    out().flush();
    return 0;
}
