#include "world.h"

namespace stockline::sim {

// ---- the world's doings

void World::workload()
{
    if (!m_chaos)
        return;
    std::vector<int> alive;
    for (int t = 0; t < static_cast<int>(m_terminals.size()); ++t)
        if (m_terminals[t].alive)
            alive.push_back(t);
    if (!alive.empty())
        act(alive[random(alive.size())]);
    after(between(100, 3000), [this] { workload(); });
}

void World::act(int t)
{
    Terminal& term = m_terminals[t];
    const QString sku = hotSkus[static_cast<qsizetype>(random(hotSkus.size()))];
    const QString location = chance(80) ? storeFloor : backroom;
    auto newId = [&term](const char* what) {
        return QStringLiteral("%1.%2%3").arg(term.id, QLatin1String(what)).arg(++term.made);
    };
    Mutation m;
    m.id = newId("m");
    m.at = terminalNow();
    const bool sells = term.role == Role::Pos || term.role == Role::Manager;
    const bool books = term.role == Role::Receiving || term.role == Role::Manager;
    // Now and then a kind the role may not send: the server must refuse it, `forbidden`.
    const bool stray = chance(3);
    const int pick = static_cast<int>(random(100));
    bool selling = sells && books ? chance(50) : sells;
    if (stray)
        selling = !selling;
    if (selling) {
        if (pick < 35) {
            const Reservation r{newId("r"), sku, location, between(1, 3)};
            m.body = ReserveMutation{r.id, r.sku, r.location, r.qty, between(5, 120)};
            term.reservations.append(r);
        } else if (pick < 45 && !term.reservations.isEmpty()) {
            const auto i = static_cast<qsizetype>(random(term.reservations.size()));
            m.body = ReleaseMutation{term.reservations.takeAt(i).id};
        } else if (pick < 85) {
            SaleMutation sale;
            sale.sale = newId("s");
            sale.location = storeFloor;
            Money total;
            const int lines = static_cast<int>(between(1, 2));
            for (int i = 0; i < lines; ++i) {
                SaleLine line{hotSkus[static_cast<qsizetype>(random(hotSkus.size()))],
                              between(1, 3), Money::fromMinor(between(100, 999)), QString()};
                if (!term.reservations.isEmpty() && chance(60)) {
                    const auto j = static_cast<qsizetype>(random(term.reservations.size()));
                    const Reservation r = term.reservations.takeAt(j);
                    line.sku = r.sku;
                    line.qty = r.qty;
                    line.reservation = r.id;
                    sale.location = r.location;
                }
                total += line.price * line.qty;
                sale.lines.append(line);
            }
            if (chance(25)) {
                // A banana label from the scale: its grams at the price per kg.
                const SaleLine bananas{weighedSku, between(80, 1'500),
                                       Money::fromMinor(between(99, 399)), QString()};
                total += priceOf(bananas.price, bananas.qty, Unit::Kilogram);
                sale.lines.append(bananas);
            }
            sale.payments.append(Payment{QStringLiteral("cash"), total, QString()});
            // Offline: rung up while the till could not reach the server.
            sale.offline = !term.client->isConnected() || chance(10);
            if (sells) {
                recordSale(t, sale);
                return;
            }
            m.body = sale;
            term.sales.append(sale.sale);
        } else if (!m_sold.isEmpty() && chance(80)) {
            refund(t);
            return;
        } else {
            // A return without a receipt the server keeps (from before it kept them).
            ReturnMutation r;
            r.returnId = newId("ret");
            r.location = storeFloor;
            r.lines.append(ItemLine{sku, between(1, 2)});
            if (!term.sales.isEmpty() && chance(70))
                r.sale = term.sales[static_cast<qsizetype>(random(term.sales.size()))];
            m.body = r;
        }
    } else {
        if (pick < 30) {
            ReceiveMutation r;
            r.receipt = newId("rc");
            r.location = location;
            r.lines.append(ItemLine{sku, between(1, 6)});
            m.body = r;
        } else if (pick < 55) {
            // What the dock last heard the level's version was: often stale by the time it
            // arrives, sometimes wrong on purpose.
            qint64 version = 0;
            if (const Result<std::optional<StockLevel>> level =
                    StockReplica(*term.store).level(sku, location);
                level && level->has_value())
                version = (*level)->version;
            if (chance(15))
                version += between(-1, 1);
            m.body = CountMutation{sku, location, between(0, 8), std::max<qint64>(0, version)};
        } else if (pick < 80) {
            const bool out = chance(50);
            m.body = TransferMutation{newId("tr"), sku, out ? storeFloor : backroom,
                                      out ? backroom : storeFloor, between(1, 3)};
        } else {
            qint64 delta = between(-3, 3);
            if (delta == 0)
                delta = 1;
            m.body =
                AdjustMutation{sku, location, delta,
                               delta < 0 ? QStringLiteral("damaged") : QStringLiteral("found")};
        }
    }
    if (chance(2)) {
        // A product the server does not know: unknown_sku.
        if (auto* r = std::get_if<ReserveMutation>(&m.body))
            r->sku = QStringLiteral("ZZ9");
    }
    const Result<Mutation> stored = Outbox(*term.store).appendNow(m);
    if (!stored)
        violate(QStringLiteral("a local change commits with its outbox entry"),
                QStringLiteral("%1 could not append %2: %3")
                    .arg(term.id, kindName(m.kind()), stored.error().toString()));
    term.appended.append(m.id);
    ++m_mutations;
    trace(QStringLiteral("%1 makes %2").arg(term.id, QString::fromUtf8(stored->toJsonBytes())));
}

// A sale as the till records it: receipt, lines and payments in the journal, with its outbox
// entry, in one transaction (SaleJournal).
void World::recordSale(int t, const SaleMutation& wire)
{
    Terminal& term = m_terminals[t];
    CompletedSale sale;
    sale.location = wire.location;
    sale.offline = wire.offline;
    sale.at = terminalNow();
    for (const SaleLine& l : wire.lines) {
        ReceiptLine line{
            l.sku,        QStringLiteral("Hot item ") + l.sku, l.qty, l.price, Money(), TaxRate(),
            l.reservation};
        if (l.sku == weighedSku) {
            line.name = QStringLiteral("Bananas");
            line.unit = Unit::Kilogram;
            line.taxRate = TaxRate::fromMilliPercent(7000);
        }
        sale.lines.append(line);
    }
    // Tax is added to the lines' prices: the customer pays the receipt's total.
    sale.payments = {Payment{QStringLiteral("cash"), totalsOf(sale.lines).total, QString()}};
    const Result<RecordedSale> recorded = term.journal->record(sale);
    if (!recorded) {
        // Before the first catalog arrives the till knows no product and cannot sell.
        trace(QStringLiteral("%1 cannot record a sale: %2")
                  .arg(term.id, recorded.error().toString()));
        return;
    }
    const Result<OutboxEntry> entry = term.outbox->entry(recorded->seq);
    if (!entry)
        violate(QStringLiteral("a local change commits with its outbox entry"),
                QStringLiteral("%1's sale %2 has no outbox entry %3")
                    .arg(term.id, recorded->receipt)
                    .arg(recorded->seq));
    if (term.receipts.contains(recorded->receipt) ||
        term.formerReceipts.contains(recorded->receipt))
        violate(QStringLiteral("a terminal's receipt numbers never repeat"),
                QStringLiteral("%1 recorded %2 a second time").arg(term.id, recorded->receipt));
    term.receipts.append(recorded->receipt);
    term.sales.append(recorded->receipt);
    m_sold.append(SoldReceipt{recorded->receipt, term.id, sale.location, sale.lines});
    m_soldTotal += recorded->totals.total;
    term.appended.append(entry->id);
    ++m_mutations;
    trace(
        QStringLiteral("%1 records sale %2: %3")
            .arg(term.id, recorded->receipt,
                 QString::fromUtf8(QJsonDocument(entry->payload).toJson(QJsonDocument::Compact))));
}

} // namespace stockline::sim
