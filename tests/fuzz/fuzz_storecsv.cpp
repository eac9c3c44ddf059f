// libFuzzer target: a store data file as an IT person (or anyone who can hand one to
// `stockline-server catalog import` / `stock import`) could write it. The first byte picks the
// importer — products, locations, stock, staff or expected deliveries, the files StoreCsv reads and the server's
// imports use — and the rest is the file, read through a QBuffer as from a QFile. Beyond "no
// crash, no sanitizer report", every row an importer accepts must pass its own validation.

#include "csvreader.h"
#include "storecsv.h"

#include <QBuffer>
#include <QByteArray>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace stockline;

[[noreturn]] void broken(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_storecsv: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

// The fewest PBKDF2 iterations a PinHash is valid with: the default costs about a second per PIN
// under the fuzzer's instrumentation, which would leave staff.csv all but unfuzzed.
constexpr int pinIterations = 1'000;

// What stock.csv rows may name: the SKUs and locations of the seed corpus.
const StoreData& known()
{
    static const StoreData data = [] {
        StoreData d;
        for (const char* sku : {"PRD-0001", "PRD-0002", "A1"}) {
            Product p;
            p.sku = QString::fromLatin1(sku);
            d.products.append(p);
        }
        d.locations.append(Location{QStringLiteral("store-1"), QStringLiteral("Store floor")});
        d.locations.append(Location{QStringLiteral("backroom-1"), QStringLiteral("Back room")});
        return d;
    }();
    return data;
}

void readAll(const QByteArray& bytes)
{
    // The reader underneath, with limits small enough for the fuzzer to reach them.
    CsvReader reader(bytes, QStringLiteral("fuzz.csv"), CsvLimits{256, 8});
    if (reader.readHeader()) {
        for (int records = 0; records < 10'000; ++records) {
            const Result<std::optional<CsvRecord>> next = reader.next();
            if (!next || !next.value())
                break;
            if (next.value()->fields.size() != reader.header().size())
                broken("a record whose field count is not the header's", QString::fromUtf8(bytes));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const int which = data[0] % 6;
    QByteArray bytes(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const QString source = QStringLiteral("fuzz.csv");

    switch (which) {
    case 0:
        if (const auto products = StoreCsv::readProducts(buffer, source)) {
            for (const Product& p : products.value()) {
                if (const std::optional<Error> e = p.validate())
                    broken("readProducts accepted an invalid product", e->toString());
            }
        }
        break;
    case 1:
        if (const auto locations = StoreCsv::readLocations(buffer, source)) {
            for (const Location& l : locations.value()) {
                if (const std::optional<Error> e = l.validate())
                    broken("readLocations accepted an invalid location", e->toString());
            }
        }
        break;
    case 2:
        if (const auto levels = StoreCsv::readStock(buffer, source, known())) {
            for (const StockLevel& level : levels.value()) {
                if (level.onHand < 0 || level.onHand > StoreCsv::maxOpeningQty)
                    broken("readStock accepted a quantity out of range", level.sku);
            }
        }
        break;
    case 3:
        if (const auto staff = StoreCsv::readStaff(buffer, source, pinIterations)) {
            for (const StaffMember& m : staff.value()) {
                if (const std::optional<Error> e = m.validate())
                    broken("readStaff accepted an invalid member", e->toString());
            }
        }
        break;
    case 4:
        if (const auto deliveries = StoreCsv::readDeliveries(buffer, source)) {
            for (const Delivery& d : deliveries.value()) {
                if (const std::optional<Error> e = d.validate())
                    broken("readDeliveries accepted an invalid delivery", e->toString());
            }
        }
        break;
    default:
        readAll(bytes);
        break;
    }
    return 0;
}
