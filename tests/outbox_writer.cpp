// The crash test's victim: records sales (and now and then a mutation without a local
// effect) as fast as it can and prints each one only after it is committed, until killed.
//
// Usage: outbox_writer <store file> <terminal id> <random seed>
// Prints "<receipt> <seq>" per sale and "- <seq>" per other mutation, flushed per line.

#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salefixtures.h"
#include "salejournal.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

using namespace stockline;

namespace {

int fail(const Error& error)
{
    std::fprintf(stderr, "outbox_writer: %s\n", qPrintable(error.toString()));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // Qt SQL loads its driver as a plugin
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: outbox_writer <store file> <terminal id> <random seed>\n");
        return 2;
    }
    auto opened = LocalStore::open(args.at(1));
    if (!opened)
        return fail(opened.error());
    const LocalStore& store = *opened.value();
    if (!fixtures::seedProducts(store))
        return fail(Error{{}, QStringLiteral("cannot seed the products")});
    Outbox outbox(store);
    const auto numbers = ReceiptNumbers::create(store, args.at(2));
    if (!numbers)
        return fail(numbers.error());
    SaleJournal journal(store, outbox, *numbers);
    QRandomGenerator random(args.at(3).toUInt());

    for (quint64 i = 0;; ++i) {
        if (i % 7 == 3) {
            Mutation release;
            release.body = ReleaseMutation{QStringLiteral("hold-%1").arg(i)};
            const auto appended = outbox.appendNow(release);
            if (!appended)
                return fail(appended.error());
            std::printf("- %lld\n", static_cast<long long>(appended->seq));
        } else {
            const auto recorded = journal.record(fixtures::randomSale(random));
            if (!recorded)
                return fail(recorded.error());
            std::printf("%s %lld\n", qPrintable(recorded->receipt),
                        static_cast<long long>(recorded->seq));
        }
        std::fflush(stdout);
    }
}
