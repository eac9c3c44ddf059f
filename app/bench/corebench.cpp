#include "corebench.h"

#include "barcode.h"
#include "catalog.h"
#include "localstore.h"
#include "outbox.h"
#include "stats.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace stockline;

namespace corebench {

namespace {

const QStringList& nameWords()
{
    static const QStringList words = {
        QStringLiteral("organic"),    QStringLiteral("whole"),     QStringLiteral("milk"),
        QStringLiteral("bananas"),    QStringLiteral("cheddar"),   QStringLiteral("sourdough"),
        QStringLiteral("bread"),      QStringLiteral("coffee"),    QStringLiteral("beans"),
        QStringLiteral("dark"),       QStringLiteral("roast"),     QStringLiteral("greek"),
        QStringLiteral("yogurt"),     QStringLiteral("vanilla"),   QStringLiteral("honey"),
        QStringLiteral("almond"),     QStringLiteral("butter"),    QStringLiteral("olive"),
        QStringLiteral("oil"),        QStringLiteral("extra"),     QStringLiteral("virgin"),
        QStringLiteral("pasta"),      QStringLiteral("spaghetti"), QStringLiteral("tomato"),
        QStringLiteral("sauce"),      QStringLiteral("basil"),     QStringLiteral("chicken"),
        QStringLiteral("breast"),     QStringLiteral("salmon"),    QStringLiteral("fillet"),
        QStringLiteral("detergent"),  QStringLiteral("lavender"),  QStringLiteral("shampoo"),
        QStringLiteral("toothpaste"), QStringLiteral("mint"),      QStringLiteral("apple"),
        QStringLiteral("juice"),      QStringLiteral("orange"),    QStringLiteral("sparkling"),
        QStringLiteral("water"),      QStringLiteral("lemon"),     QStringLiteral("granola"),
        QStringLiteral("oats"),       QStringLiteral("rice"),      QStringLiteral("basmati"),
        QStringLiteral("black"),      QStringLiteral("pepper"),    QStringLiteral("sea"),
        QStringLiteral("salt"),       QStringLiteral("chocolate"), QStringLiteral("cookies"),
        QStringLiteral("crackers"),   QStringLiteral("paper"),     QStringLiteral("towels"),
        QStringLiteral("tissues"),    QStringLiteral("batteries"), QStringLiteral("frozen"),
        QStringLiteral("peas"),       QStringLiteral("spinach"),   QStringLiteral("avocado"),
    };
    return words;
}

QList<Product> syntheticCatalog(int count, QRandomGenerator& random)
{
    const QStringList& words = nameWords();
    QList<Product> products;
    products.reserve(count);
    for (int i = 0; i < count; ++i) {
        Product p;
        p.sku = QStringLiteral("SKU-%1").arg(i, 6, 10, QLatin1Char('0'));
        p.barcode =
            Barcode::withCheckDigit(QStringLiteral("400%1").arg(i, 9, 10, QLatin1Char('0')));
        QStringList name;
        for (int w = 0; w < 3; ++w)
            name.append(words[random.bounded(words.size())]);
        name.append(QStringLiteral("%1 g").arg(50 * (1 + random.bounded(20))));
        p.name = name.join(u' ');
        p.price = Money::fromMinor(50 + random.bounded(5000));
        p.taxRate = TaxRate::fromMilliPercent(8250);
        products.append(p);
    }
    return products;
}

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int search(const SearchOptions& options, QTextStream& out)
{
    QTemporaryDir dir;
    auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
    if (!store) {
        out << "cannot open store: " << store.error().toString() << Qt::endl;
        return 1;
    }
    Catalog catalog(*store.value());
    QRandomGenerator random(42);
    const QList<Product> products = syntheticCatalog(options.products, random);
    QElapsedTimer load;
    load.start();
    if (Status s = catalog.upsert(products); !s) {
        out << "cannot load catalog: " << s.error().toString() << Qt::endl;
        return 1;
    }
    out << "search: " << options.products << " products loaded in " << msSince(load) << " ms"
        << Qt::endl;

    // A clerk types a product's name one key at a time; every prefix is a query.
    Stats fts;
    int hits = 0;
    for (int i = 0; i < options.words; ++i) {
        const QString typed = products[random.bounded(products.size())].name;
        for (qsizetype n = 1; n <= std::min<qsizetype>(typed.size(), 16); ++n) {
            QElapsedTimer timer;
            timer.start();
            const auto found = catalog.search(QStringView(typed).left(n), 20);
            fts.add(msSince(timer));
            hits += found ? static_cast<int>(found->size()) : 0;
        }
        const QString barcode = products[random.bounded(products.size())].barcode;
        QElapsedTimer timer;
        timer.start();
        const auto found = catalog.search(barcode, 20);
        fts.add(msSince(timer));
        if (!found || found->isEmpty() || found->first().barcode != barcode) {
            out << "search: a scanned barcode did not come first" << Qt::endl;
            return 1;
        }
    }
    out << "search per keystroke (FTS5 prefix): " << fts.summary(QStringLiteral("ms"))
        << "  target p99 <= 5 ms: " << (fts.percentile(99) <= 5.0 ? "met" : "MISSED") << Qt::endl;

    // The same typing against a plain LIKE scan, to show what the index buys.
    Stats like;
    QSqlQuery scan = store.value()->prepare(
        QStringLiteral("SELECT sku FROM products WHERE name LIKE ? LIMIT 20"));
    for (int i = 0; i < std::min(options.words, 50); ++i) {
        const QString typed = products[random.bounded(products.size())].name;
        for (qsizetype n = 1; n <= std::min<qsizetype>(typed.size(), 16); ++n) {
            QElapsedTimer timer;
            timer.start();
            scan.bindValue(0, QStringLiteral("%") + typed.left(n) + QStringLiteral("%"));
            scan.exec();
            while (scan.next())
                ++hits;
            like.add(msSince(timer));
        }
    }
    out << "search per keystroke (LIKE scan, baseline): " << like.summary(QStringLiteral("ms"))
        << Qt::endl;
    out << "search: p99 ratio LIKE/FTS5 = "
        << like.percentile(99) / std::max(fts.percentile(99), 1e-6) << "  (" << hits
        << " rows returned in all)" << Qt::endl;
    return 0;
}

namespace {

Mutation releaseMutation(int i)
{
    Mutation m;
    m.body = ReleaseMutation{QStringLiteral("r-%1").arg(i)};
    return m;
}

} // namespace

int outbox(const OutboxOptions& options, QTextStream& out)
{
    QTemporaryDir dir;
    auto store = LocalStore::open(dir.filePath(QStringLiteral("terminal.db")));
    if (!store) {
        out << "cannot open store: " << store.error().toString() << Qt::endl;
        return 1;
    }
    Outbox outbox(*store.value());

    QElapsedTimer durable;
    durable.start();
    Stats perAppend;
    for (int i = 0; i < options.durable; ++i) {
        QElapsedTimer one;
        one.start();
        if (!outbox.appendNow(releaseMutation(i))) {
            out << "outbox: durable append failed" << Qt::endl;
            return 1;
        }
        perAppend.add(msSince(one));
    }
    const double durableRate = options.durable / (msSince(durable) / 1000.0);
    out << "outbox durable appends (one transaction + fsync each): " << qRound(durableRate)
        << "/s  per append " << perAppend.summary(QStringLiteral("ms"))
        << "  target >= 1,000/s: " << (durableRate >= 1000 ? "met" : "MISSED") << Qt::endl;

    // The mutations are made first: what is timed is the append.
    QList<QList<Mutation>> batches;
    for (int done = 0; done < options.batched;) {
        QList<Mutation> batch;
        for (int i = 0; i < options.batchSize && done < options.batched; ++i, ++done)
            batch.append(releaseMutation(done));
        batches.append(std::move(batch));
    }
    QElapsedTimer batched;
    batched.start();
    for (QList<Mutation>& batch : batches) {
        Transaction tx(*store.value());
        if (!outbox.appendAll(tx, std::move(batch)) || !tx.commit()) {
            out << "outbox: batched append failed" << Qt::endl;
            return 1;
        }
    }
    const double batchedRate = options.batched / (msSince(batched) / 1000.0);
    out << "outbox batched appends (" << options.batchSize
        << " per transaction): " << qRound(batchedRate)
        << "/s  target >= 100,000/s: " << (batchedRate >= 100'000 ? "met" : "MISSED") << Qt::endl;
    out << "outbox: batched/durable ratio = " << batchedRate / durableRate << Qt::endl;

    const auto last = outbox.lastSeq();
    if (!last || last.value() != options.durable + options.batched) {
        out << "outbox: expected last seq " << options.durable + options.batched << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace corebench
