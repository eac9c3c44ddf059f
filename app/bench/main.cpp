// stockline-bench: the benchmark program. Not a test: run by hand, prints figures.
#include "corebench.h"
#include "tillbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

int intOption(const QCommandLineParser& parser, const QString& name)
{
    return parser.value(name).toInt();
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stockline-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Stockline's benchmarks. Scenarios:\n"
                       "  search      catalog search per keystroke over --products products\n"
                       "  outbox      durable and batched outbox appends\n"
                       "  till        the stockline app: cold start, scan to line, memory\n"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("What to measure."));
    parser.addOptions({
        {QStringLiteral("products"), QStringLiteral("search: catalog size."), QStringLiteral("N"),
         QStringLiteral("100000")},
        {QStringLiteral("words"), QStringLiteral("search: names typed."), QStringLiteral("N"),
         QStringLiteral("2000")},
        {QStringLiteral("durable"), QStringLiteral("outbox: durable appends."), QStringLiteral("N"),
         QStringLiteral("2000")},
        {QStringLiteral("batched"), QStringLiteral("outbox: batched appends."), QStringLiteral("N"),
         QStringLiteral("200000")},
        {QStringLiteral("batch-size"), QStringLiteral("outbox: appends per transaction."),
         QStringLiteral("N"), QStringLiteral("1000")},
        {QStringLiteral("runs"), QStringLiteral("till: cold starts."), QStringLiteral("N"),
         QStringLiteral("7")},
        {QStringLiteral("scans"), QStringLiteral("till: barcodes scanned."), QStringLiteral("N"),
         QStringLiteral("500")},
    });
    parser.process(app);
    QTextStream out(stdout);
    const QString scenario = parser.positionalArguments().value(0);
    if (scenario == QLatin1String("search"))
        return corebench::search({intOption(parser, QStringLiteral("products")),
                                  intOption(parser, QStringLiteral("words"))},
                                 out);
    if (scenario == QLatin1String("outbox"))
        return corebench::outbox({intOption(parser, QStringLiteral("durable")),
                                  intOption(parser, QStringLiteral("batched")),
                                  intOption(parser, QStringLiteral("batch-size"))},
                                 out);
    if (scenario == QLatin1String("till"))
        return tillbench::till({intOption(parser, QStringLiteral("products")),
                                intOption(parser, QStringLiteral("runs")),
                                intOption(parser, QStringLiteral("scans")), QString()},
                               out);
    QTextStream(stderr) << "stockline-bench: unknown scenario '" << scenario << "'; see --help"
                        << Qt::endl;
    return 2;
}
