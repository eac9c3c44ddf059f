#pragma once

// Products and sales shared by tst_salejournal and its crash helper, outbox_writer.

#include "localstore.h"
#include "product.h"
#include "receipt.h"
#include "salejournal.h"

#include <QRandomGenerator>
#include <QSqlQuery>

namespace stockline::fixtures {

struct FixtureProduct
{
    const char* sku;
    const char* name;
    qint64 price;
    int taxMilliPercent;
};

inline constexpr FixtureProduct products[] = {
    {"MILK-1L", "Milk 1 l", 119, 7000},
    {"BREAD", "Sourdough bread", 349, 7000},
    {"COFFEE-500", "Coffee beans 500 g", 899, 19000},
    {"SOAP", "Hand soap", 250, 19000},
    {"BATTERY-AA", "Batteries AA, 4 pack", 499, 19000},
};

// Puts the fixture products into the store's catalog replica, once.
[[nodiscard]] inline bool seedProducts(const LocalStore& store)
{
    Transaction tx(store);
    QSqlQuery query = store.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO products (sku, name, price, tax_rate) VALUES (?, ?, ?, ?)"));
    for (const FixtureProduct& product : products) {
        query.addBindValue(QLatin1String(product.sku));
        query.addBindValue(QLatin1String(product.name));
        query.addBindValue(product.price);
        query.addBindValue(product.taxMilliPercent);
        if (!query.exec())
            return false;
    }
    return bool(tx.commit());
}

inline ReceiptLine line(int product, qint64 qty, qint64 discount = 0)
{
    const FixtureProduct& p = products[product];
    return ReceiptLine{QLatin1String(p.sku),
                       QLatin1String(p.name),
                       qty,
                       Money::fromMinor(p.price),
                       Money::fromMinor(discount),
                       TaxRate::fromMilliPercent(p.taxMilliPercent),
                       QString()};
}

// The fixture products as the server's catalog has them.
inline QList<Product> catalogProducts()
{
    QList<Product> catalog;
    for (const FixtureProduct& f : products) {
        Product p;
        p.sku = QLatin1String(f.sku);
        p.name = QLatin1String(f.name);
        p.price = Money::fromMinor(f.price);
        p.taxRate = TaxRate::fromMilliPercent(f.taxMilliPercent);
        catalog.append(p);
    }
    return catalog;
}

// A sale paid exactly, in cash.
inline CompletedSale paidInCash(QList<ReceiptLine> lines)
{
    CompletedSale sale;
    sale.location = QStringLiteral("store-1");
    sale.staff = QStringLiteral("Anna K.");
    sale.lines = std::move(lines);
    const Money total = totalsOf(sale.lines).total;
    if (total > Money())
        sale.payments.append(Payment{QStringLiteral("cash"), total, QString()});
    return sale;
}

inline CompletedSale randomSale(QRandomGenerator& random)
{
    QList<ReceiptLine> lines;
    const int count = random.bounded(1, 6);
    for (int i = 0; i < count; ++i) {
        const int product = random.bounded(int(std::size(products)));
        const qint64 qty = random.bounded(1, 5);
        const qint64 discount =
            random.bounded(4) == 0 ? random.bounded(products[product].price) : 0;
        lines.append(line(product, qty, discount));
        if (random.bounded(4) == 0)
            lines.last().reservation = QStringLiteral("hold-%1-%2").arg(random.generate()).arg(i);
    }
    return paidInCash(std::move(lines));
}

} // namespace stockline::fixtures
