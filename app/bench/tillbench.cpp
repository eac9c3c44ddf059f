#include "tillbench.h"

#include "barcode.h"
#include "catalog.h"
#include "localstore.h"
#include "staffdirectory.h"
#include "stats.h"
#include "stockreplica.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace stockline;

namespace tillbench {

namespace {

// The targets.
constexpr double startTargetMs = 1500;
constexpr double scanTargetMs = 16;
constexpr double rssTargetMiB = 250;
const QString location = QStringLiteral("store-1");
const QString clerkPin = QStringLiteral("1234");

QList<Product> catalogOf(int count)
{
    static const QStringList words = {
        QStringLiteral("organic"), QStringLiteral("whole"),  QStringLiteral("milk"),
        QStringLiteral("coffee"),  QStringLiteral("beans"),  QStringLiteral("dark"),
        QStringLiteral("roast"),   QStringLiteral("yogurt"), QStringLiteral("honey"),
        QStringLiteral("olive"),   QStringLiteral("oil"),    QStringLiteral("pasta"),
        QStringLiteral("tomato"),  QStringLiteral("sauce"),  QStringLiteral("salmon"),
        QStringLiteral("shampoo"), QStringLiteral("mint"),   QStringLiteral("apple"),
        QStringLiteral("juice"),   QStringLiteral("water"),  QStringLiteral("chocolate"),
    };
    QRandomGenerator random(7);
    QList<Product> products;
    products.reserve(count);
    for (int i = 0; i < count; ++i) {
        Product p;
        p.sku = QStringLiteral("SKU-%1").arg(i, 6, 10, QLatin1Char('0'));
        p.barcode =
            Barcode::withCheckDigit(QStringLiteral("400%1").arg(i, 9, 10, QLatin1Char('0')));
        p.name = QStringLiteral("%1 %2 %3 %4 g")
                     .arg(words[random.bounded(words.size())], words[random.bounded(words.size())],
                          words[random.bounded(words.size())])
                     .arg(50 * (1 + random.bounded(20)));
        p.price = Money::fromMinor(50 + random.bounded(5000));
        p.taxRate = TaxRate::fromMilliPercent(8250);
        p.department = QStringLiteral("Grocery");
        products.append(p);
    }
    return products;
}

// A till's store file as a connected till holds it: the catalog and the floor's levels.
bool makeStore(const QString& path, int count, QTextStream& out)
{
    auto store = LocalStore::open(path);
    if (!store) {
        out << "till: cannot open the store: " << store.error().toString() << Qt::endl;
        return false;
    }
    const QList<Product> products = catalogOf(count);
    QList<StockLevel> levels;
    levels.reserve(count);
    for (const Product& p : products)
        levels.append(StockLevel{p.sku, location, 50, 0, 1});
    Catalog catalog(*store.value());
    StockReplica replica(*store.value());
    Status done = catalog.upsert(products);
    if (done)
        done = replica.upsertLocations({Location{location, QStringLiteral("Store floor")}});
    if (done)
        done = replica.upsertLevels(levels);
    // The clerk who signs in before the scans (the PIN goes to the till on stdin).
    if (done) {
        const Result<PinHash> pin = PinHash::make(clerkPin);
        done = pin ? StaffDirectory(*store.value())
                         .replace({StaffMember{QStringLiteral("Bench"), StaffRole::Cashier, *pin}})
                   : Status(pin.error());
    }
    if (!done)
        out << "till: cannot fill the store: " << done.error().toString() << Qt::endl;
    return bool(done);
}

struct Run
{
    int exitCode = -1;
    double wallMs = 0;
    QString output;
};

Run runTill(const QString& till, const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("stockline.*.info=false"));
    process.setProcessEnvironment(env);
    QElapsedTimer wall;
    wall.start();
    process.start(till, args);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.wallMs = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output =
        QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return run;
}

double captured(const QString& text, const QString& pattern, int group = 1)
{
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(group).toDouble() : -1;
}

QString verdict(bool met)
{
    return met ? QStringLiteral("target met") : QStringLiteral("TARGET MISSED");
}

} // namespace

int till(const Options& options, QTextStream& out)
{
    const QString binary = options.till.isEmpty()
                               ? QDir(QCoreApplication::applicationDirPath())
                                     .filePath(QStringLiteral("../terminal/stockline"))
                               : options.till;
    if (!QFileInfo(binary).isExecutable()) {
        out << "till: " << binary << " is missing; build the stockline target" << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("till.db"));
    QElapsedTimer making;
    making.start();
    if (!makeStore(store, options.products, out))
        return 1;
    out << "till: " << options.products << " products and levels written in " << making.elapsed()
        << " ms to " << store << Qt::endl;
    const QStringList base{QStringLiteral("--store"), store, QStringLiteral("--location"),
                           location};

    // Cold start: a new process each time (the file is in the page cache, as on a till that ran
    // before), from exec to the first frame of the sale screen.
    Stats wall;
    Stats inside;
    Stats rss;
    for (int i = 0; i < options.runs; ++i) {
        const Run run = runTill(binary, base + QStringList{QStringLiteral("--measure-startup")});
        const double ready = captured(run.output, QStringLiteral("ready in (\\d+) ms"));
        if (run.exitCode != 0 || ready < 0) {
            out << "till: start " << i + 1 << " failed: " << run.output << Qt::endl;
            return 1;
        }
        wall.add(run.wallMs);
        inside.add(ready);
        rss.add(captured(run.output, QStringLiteral("peak RSS ([\\d.]+) MiB")));
    }
    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(1);
    out << "cold start to sale screen, exec to exit (wall): median " << wall.percentile(50)
        << " ms  min " << wall.min() << "  max " << wall.max() << "  spread "
        << wall.max() - wall.min() << " ms  (n=" << wall.count() << ")  "
        << verdict(wall.percentile(50) <= startTargetMs) << Qt::endl;
    out << "  of which main() to first frame: median " << inside.percentile(50) << " ms  min "
        << inside.min() << "  max " << inside.max() << Qt::endl;
    out << "  peak RSS at the first frame: median " << rss.percentile(50) << " MiB" << Qt::endl;

    const Run scans = runTill(
        binary,
        base + QStringList{QStringLiteral("--measure-scans"), QString::number(options.scans)},
        clerkPin.toLatin1() + '\n');
    const double p50 = captured(scans.output, QStringLiteral("p50 ([\\d.]+) ms"));
    const double p99 = captured(scans.output, QStringLiteral("p99 ([\\d.]+) ms"));
    const double peak = captured(scans.output, QStringLiteral("peak RSS ([\\d.]+) MiB"));
    if (scans.exitCode != 0 || p99 < 0) {
        out << "till: the scan run failed: " << scans.output << Qt::endl;
        return 1;
    }
    out << "scan to line on screen (first key to the frame showing the line): p50 " << p50
        << " ms  p99 " << p99 << " ms  max "
        << captured(scans.output, QStringLiteral("max ([\\d.]+) ms")) << " ms  (n=" << options.scans
        << ")  " << verdict(p99 <= scanTargetMs) << Qt::endl;
    out << "peak RSS after " << options.scans << " scans: " << peak << " MiB  "
        << verdict(peak >= 0 && peak <= rssTargetMiB) << Qt::endl;
    return 0;
}

} // namespace tillbench
