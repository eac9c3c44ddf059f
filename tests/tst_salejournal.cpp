#include "cashsession.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "salefixtures.h"
#include "salejournal.h"

#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cstdlib>

using namespace stockline;
using fixtures::line;
using fixtures::paidInCash;

Q_DECLARE_METATYPE(stockline::CompletedSale)

namespace {

qint64 scalar(const LocalStore& store, const QString& sql)
{
    QSqlQuery query = store.prepare(sql);
    if (!query.exec() || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

QString text(const LocalStore& store, const QString& sql)
{
    QSqlQuery query = store.prepare(sql);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

qint64 wireAmount(const QList<SaleLine>& lines)
{
    qint64 sum = 0;
    for (const SaleLine& wire : lines)
        sum += wire.price.minor() * wire.qty;
    return sum;
}

// What the crash helper said it committed, over every run on one file.
struct Reported
{
    QMap<qint64, QString> receiptBySeq; // "-" for a mutation that is not a sale
};

} // namespace

class tst_SaleJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = LocalStore::open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_files)));
        QVERIFY(opened);
        m_store = std::move(opened).value();
        QVERIFY(fixtures::seedProducts(*m_store));
        m_outbox = std::make_unique<Outbox>(*m_store);
        auto numbers = ReceiptNumbers::create(*m_store, QStringLiteral("POS-01"));
        QVERIFY(numbers);
        m_numbers = std::make_unique<ReceiptNumbers>(std::move(numbers).value());
        m_journal = std::make_unique<SaleJournal>(*m_store, *m_outbox, *m_numbers);
    }
    void cleanup()
    {
        m_journal.reset();
        m_numbers.reset();
        m_outbox.reset();
        m_store.reset();
    }

    void record_storesTheSaleAndItsOutboxEntryTogether()
    {
        CompletedSale sale = paidInCash({line(0, 2), line(2, 1, 100)});
        sale.offline = true;
        const auto recorded = m_journal->record(sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().toString()));
        QCOMPARE(recorded->receipt, QStringLiteral("POS-01-000001"));
        QCOMPARE(recorded->seq, 1);
        QCOMPARE(recorded->totals.total, totalsOf(sale.lines).total);

        const auto stored = m_journal->find(recorded->receipt);
        QVERIFY(stored);
        QCOMPARE(stored->location, sale.location);
        QCOMPARE(stored->staff, sale.staff);
        QCOMPARE(stored->offline, true);
        QCOMPARE(stored->seq, 1);
        QCOMPARE(stored->at, recorded->at);
        QCOMPARE(stored->totals.net, totalsOf(sale.lines).net);
        QCOMPARE(stored->totals.tax, totalsOf(sale.lines).tax);
        QCOMPARE(stored->lines.size(), 2);
        QCOMPARE(stored->lines.at(1).sku, sale.lines.at(1).sku);
        QCOMPARE(stored->lines.at(1).name, sale.lines.at(1).name);
        QCOMPARE(stored->lines.at(1).discount, sale.lines.at(1).discount);
        QCOMPARE(stored->lines.at(1).taxRate, sale.lines.at(1).taxRate);
        QCOMPARE(stored->payments.size(), 1);
        QCOMPARE(stored->payments.at(0).amount, sale.payments.at(0).amount);
        QCOMPARE(stored->syncStatus, OutboxEntry::Status::Pending);
        QCOMPARE(m_journal->count().value(), 1);

        const auto entry = m_outbox->entry(recorded->seq);
        QVERIFY(entry);
        QCOMPARE(entry->kind, QStringLiteral("sale"));
        QCOMPARE(entry->payload.value(QLatin1String("sale")).toString(), recorded->receipt);
        QCOMPARE(entry->payload.value(QLatin1String("location")).toString(), sale.location);
        QCOMPARE(entry->payload.value(QLatin1String("lines")).toArray().size(), 2);
    }

    // What the server stores as the receipt is what the customer was charged, line by line,
    // with who approved the price and which drawer took the money.
    void record_sendsTheReceiptItKept()
    {
        CashSession cash(*m_store);
        const auto drawer = cash.open(QStringLiteral("Ana"), Money::fromMinor(10000));
        QVERIFY(drawer);
        CompletedSale sale = paidInCash({line(0, 3, 10), line(2, 1)});
        sale.lines[1].unitPrice = Money::fromMinor(799);
        sale.approvals = {LineApproval{},
                          LineApproval{Money::fromMinor(899), QStringLiteral("Ben")}};
        sale.payments = {Payment{QStringLiteral("cash"), totalsOf(sale.lines).total, {}}};
        const auto recorded = m_journal->record(sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().toString()));

        const auto queued = Mutation::fromJson(m_outbox->entry(recorded->seq)->payload);
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().toString()));
        const auto& body = std::get<SaleMutation>(queued->body);
        QVERIFY(body.receipt);
        const ReceiptContent& receipt = *body.receipt;
        QCOMPARE(receipt.cashSession,
                 QStringLiteral("POS-01-C%1").arg(drawer->id, 6, 10, QLatin1Char('0')));
        const auto stored = m_journal->find(recorded->receipt);
        QVERIFY(stored);
        QCOMPARE(receipt.total, stored->totals.total);
        QCOMPARE(receipt.tax, stored->totals.tax);
        QCOMPARE(receipt.net, stored->totals.net);
        QCOMPARE(receipt.lines.size(), stored->lines.size());
        for (qsizetype i = 0; i < receipt.lines.size(); ++i) {
            const ReceiptEntry& entry = receipt.lines.at(i);
            const ReceiptLine& kept = stored->lines.at(i);
            QCOMPARE(entry.sku, kept.sku);
            QCOMPARE(entry.name, kept.name);
            QCOMPARE(entry.qty, kept.qty);
            QCOMPARE(entry.unitPrice, kept.unitPrice);
            QCOMPARE(entry.discount, kept.discount);
            QCOMPARE(entry.taxRate, kept.taxRate);
            QCOMPARE(entry.tax, kept.tax());
            QCOMPARE(entry.total, kept.total());
        }
        QCOMPARE(receipt.lines.at(0).listPrice, std::nullopt);
        QCOMPARE(receipt.lines.at(0).approvedBy, QString());
        QCOMPARE(receipt.lines.at(1).listPrice, std::optional(Money::fromMinor(899)));
        QCOMPARE(receipt.lines.at(1).approvedBy, QStringLiteral("Ben"));
    }

    // A refused sale goes again with the very receipt the server may already hold.
    void resendOffline_sendsTheSameReceipt()
    {
        CashSession cash(*m_store);
        QVERIFY(cash.open(QStringLiteral("Ana"), Money::fromMinor(10000)));
        CompletedSale sale = paidInCash({line(0, 2, 5), line(1, 1)});
        sale.lines[0].reservation = QStringLiteral("hold-1");
        const auto recorded = m_journal->record(sale);
        QVERIFY(recorded);
        QVERIFY(cash.close({}, QStringLiteral("Ana"))); // the drawer changes before the resend
        const auto seq = m_journal->resendOffline(recorded->receipt);
        QVERIFY(seq);
        const auto first = Mutation::fromJson(m_outbox->entry(recorded->seq)->payload);
        const auto again = Mutation::fromJson(m_outbox->entry(*seq)->payload);
        QVERIFY(first && again);
        const auto& sent = std::get<SaleMutation>(first->body).receipt;
        QVERIFY(sent);
        QCOMPARE(std::get<SaleMutation>(again->body).receipt, sent);
        QVERIFY(!sent->cashSession.isEmpty());
    }

    void record_numbersReceiptsAndSeqsInStep()
    {
        for (int i = 1; i <= 3; ++i) {
            const auto recorded = m_journal->record(paidInCash({line(i, i)}));
            QVERIFY(recorded);
            QCOMPARE(recorded->receipt, QStringLiteral("POS-01-00000%1").arg(i));
            QCOMPARE(recorded->seq, i);
        }
        QCOMPARE(m_journal->count().value(), 3);
        QCOMPARE(m_numbers->last().value(), 3);
    }

    void record_sharesTheSeqWithOtherMutations()
    {
        Mutation release;
        release.body = ReleaseMutation{QStringLiteral("hold-1")};
        QVERIFY(m_outbox->appendNow(release));
        const auto recorded = m_journal->record(paidInCash({line(0, 1)}));
        QVERIFY(recorded);
        QCOMPARE(recorded->seq, 2);
        QCOMPARE(recorded->receipt, QStringLiteral("POS-01-000001"));
    }

    void wireLines_data()
    {
        QTest::addColumn<qint64>("unitPrice");
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("discount");
        QTest::addColumn<QString>("reservation");
        QTest::addColumn<QList<qint64>>("expected"); // qty, price, qty, price, …
        const QString none;
        const QString hold = QStringLiteral("hold-7");
        QTest::newRow("no discount")
            << qint64{100} << qint64{3} << qint64{0} << none << QList<qint64>{3, 100};
        QTest::newRow("divides evenly")
            << qint64{100} << qint64{4} << qint64{40} << none << QList<qint64>{4, 90};
        QTest::newRow("single unit")
            << qint64{100} << qint64{1} << qint64{33} << none << QList<qint64>{1, 67};
        QTest::newRow("uneven: dearer units first")
            << qint64{100} << qint64{3} << qint64{10} << none << QList<qint64>{2, 97, 1, 96};
        QTest::newRow("one cent off two")
            << qint64{499} << qint64{2} << qint64{1} << none << QList<qint64>{1, 499, 1, 498};
        QTest::newRow("free") << qint64{250} << qint64{7} << qint64{1750} << none
                              << QList<qint64>{7, 0};
        QTest::newRow("less than a cent each")
            << qint64{1} << qint64{5} << qint64{2} << none << QList<qint64>{3, 1, 2, 0};
        QTest::newRow("reserved, even")
            << qint64{100} << qint64{4} << qint64{40} << hold << QList<qint64>{4, 90};
        QTest::newRow("reserved, uneven: whole at the rounded price")
            << qint64{100} << qint64{3} << qint64{10} << hold << QList<qint64>{3, 97};
        QTest::newRow("reserved, uneven, half: to even")
            << qint64{100} << qint64{2} << qint64{1} << hold << QList<qint64>{2, 100};
    }
    void wireLines()
    {
        QFETCH(qint64, unitPrice);
        QFETCH(qint64, qty);
        QFETCH(qint64, discount);
        QFETCH(QString, reservation);
        QFETCH(QList<qint64>, expected);
        ReceiptLine receiptLine = line(0, qty, discount);
        receiptLine.unitPrice = Money::fromMinor(unitPrice);
        receiptLine.reservation = reservation;
        const QList<SaleLine> wire = SaleJournal::wireLines({receiptLine});
        QList<qint64> actual;
        for (const SaleLine& wireLine : wire) {
            actual << wireLine.qty << wireLine.price.minor();
            QCOMPARE(wireLine.sku, receiptLine.sku);
            QCOMPARE(wireLine.reservation, receiptLine.reservation);
        }
        QCOMPARE(actual, expected);
        if (reservation.isEmpty())
            QCOMPARE(wireAmount(wire), receiptLine.net().minor());
        else
            QVERIFY(2 * std::abs(wireAmount(wire) - receiptLine.net().minor()) <= qty);
    }

    void record_sendsWirePricesThatAddUpToTheNet()
    {
        const CompletedSale sale = paidInCash({line(0, 3, 10), line(3, 2)});
        const auto recorded = m_journal->record(sale);
        QVERIFY(recorded);
        const QJsonArray lines =
            m_outbox->entry(recorded->seq)->payload.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 3);
        qint64 sum = 0;
        for (const QJsonValue& wire : lines)
            sum +=
                wire[QLatin1String("price")].toInteger() * wire[QLatin1String("qty")].toInteger();
        QCOMPARE(sum, totalsOf(sale.lines).net.minor());
    }

    void record_sendsAReservedUnevenLineWholeSoTheMutationIsValid()
    {
        CompletedSale sale = paidInCash({line(0, 3, 10), line(1, 1)});
        sale.lines[0].reservation = QStringLiteral("hold-1");
        sale.lines[1].reservation = QStringLiteral("hold-2");
        sale = paidInCash(sale.lines);
        const auto recorded = m_journal->record(sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().toString()));
        const QJsonArray lines =
            m_outbox->entry(recorded->seq)->payload.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0)[QLatin1String("reservation")].toString(), QStringLiteral("hold-1"));
        QCOMPARE(lines.at(0)[QLatin1String("qty")].toInteger(), 3);
        QCOMPARE(m_journal->find(recorded->receipt)->lines.at(0).reservation,
                 QStringLiteral("hold-1"));
    }

    void record_acceptsChangeAsANegativePayment()
    {
        CompletedSale sale = paidInCash({line(2, 2)});
        const Money total = sale.payments.at(0).amount;
        const Money tendered = Money::fromMinor(5000);
        sale.payments = {Payment{QStringLiteral("cash"), tendered, QString()},
                         Payment{QStringLiteral("cash"), total - tendered, QString()}};
        const auto recorded = m_journal->record(sale);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().toString()));
        QCOMPARE(m_journal->find(recorded->receipt)->payments.at(1).amount, total - tendered);
    }

    void record_acceptsAFreeSaleWithoutPayments()
    {
        const CompletedSale sale = paidInCash({line(1, 1, 349)});
        QVERIFY(sale.payments.isEmpty());
        QVERIFY(m_journal->record(sale));
    }

    void record_rejectsBadInputWithNothingWritten_data()
    {
        QTest::addColumn<CompletedSale>("sale");
        QTest::addColumn<QString>("field");
        const CompletedSale good = paidInCash({line(0, 2), line(1, 1)});
        auto with = [&good](auto change) {
            CompletedSale sale = good;
            change(sale);
            return sale;
        };
        QTest::newRow("no lines") << paidInCash({}) << QStringLiteral("lines");
        QTest::newRow("zero qty") << paidInCash({line(0, 0)}) << QStringLiteral("lines[0].qty");
        QTest::newRow("negative qty")
            << paidInCash({line(0, 1), line(1, -2)}) << QStringLiteral("lines[1].qty");
        QTest::newRow("discount above the line")
            << paidInCash({line(0, 1, 120)}) << QStringLiteral("lines[0].discount");
        QTest::newRow("negative discount")
            << paidInCash({line(0, 1, -5)}) << QStringLiteral("lines[0].discount");
        QTest::newRow("negative price")
            << with([](CompletedSale& s) { s.lines[0].unitPrice = Money::fromMinor(-1); })
            << QStringLiteral("lines[0].unitPrice");
        QTest::newRow("tax above 100 %") << with([](CompletedSale& s) {
            s.lines[1].taxRate = TaxRate::fromMilliPercent(100'001);
        }) << QStringLiteral("lines[1].taxRate");
        QTest::newRow("bad sku") << with([](CompletedSale& s) {
            s.lines[0].sku = QStringLiteral("MILK 1L");
        }) << QStringLiteral("lines[0].sku");
        QTest::newRow("unknown sku")
            << with([](CompletedSale& s) { s.lines[1].sku = QStringLiteral("NOT-IN-CATALOG"); })
            << QStringLiteral("lines[1].sku");
        QTest::newRow("bad reservation")
            << with([](CompletedSale& s) { s.lines[0].reservation = QStringLiteral("hold #1"); })
            << QStringLiteral("lines[0].reservation");
        QTest::newRow("reservation twice") << with([](CompletedSale& s) {
            s.lines[0].reservation = QStringLiteral("hold-1");
            s.lines[1].reservation = QStringLiteral("hold-1");
        }) << QStringLiteral("lines[1].reservation");
        QTest::newRow("control character in staff")
            << with([](CompletedSale& s) { s.staff = QStringLiteral("Anna\nK."); })
            << QStringLiteral("staff");
        QTest::newRow("bad location")
            << with([](CompletedSale& s) { s.location.clear(); }) << QStringLiteral("location");
        QTest::newRow("payments short")
            << with([](CompletedSale& s) { s.payments[0].amount -= Money::fromMinor(1); })
            << QStringLiteral("payments");
        QTest::newRow("payments over")
            << with([](CompletedSale& s) { s.payments[0].amount += Money::fromMinor(1); })
            << QStringLiteral("payments");
        QTest::newRow("no payment")
            << with([](CompletedSale& s) { s.payments.clear(); }) << QStringLiteral("payments");
        QTest::newRow("zero payment") << with([](CompletedSale& s) {
            s.payments.append(Payment{QStringLiteral("card"), Money(), QString()});
        }) << QStringLiteral("payments[1].amount");
        QTest::newRow("bad method")
            << with([](CompletedSale& s) { s.payments[0].method = QStringLiteral("cash money"); })
            << QStringLiteral("payments[0].method");
        QTest::newRow("staff too long")
            << with([](CompletedSale& s) { s.staff = QString(maxTextLength + 1, u'x'); })
            << QStringLiteral("staff");
    }
    void record_rejectsBadInputWithNothingWritten()
    {
        QFETCH(CompletedSale, sale);
        QFETCH(QString, field);
        const auto recorded = m_journal->record(sale);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().field, field);
        QVERIFY(!recorded.error().message.isEmpty());
        QCOMPARE(m_journal->count().value(), 0);
        QCOMPARE(m_outbox->lastSeq().value(), 0);
        QCOMPARE(m_numbers->last().value(), 0);
        QCOMPARE(scalar(*m_store, QStringLiteral("SELECT count(*) FROM sale_lines")), 0);
        QCOMPARE(scalar(*m_store, QStringLiteral("SELECT count(*) FROM sale_payments")), 0);
        // The next good sale still gets the first numbers.
        const auto next = m_journal->record(paidInCash({line(0, 1)}));
        QVERIFY(next);
        QCOMPARE(next->receipt, QStringLiteral("POS-01-000001"));
        QCOMPARE(next->seq, 1);
    }

    void find_unknownReceiptIsAnError()
    {
        const auto found = m_journal->find(QStringLiteral("POS-01-000001"));
        QVERIFY(!found);
        QCOMPARE(found.error().field, QStringLiteral("receipt"));
    }

    void find_reportsTheServersVerdict()
    {
        const auto recorded = m_journal->record(paidInCash({line(0, 1)}));
        QVERIFY(recorded);
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(
            tx, recorded->seq, QStringLiteral("applied"),
            QJsonObject{{QStringLiteral("seq"), recorded->seq},
                        {QStringLiteral("status"), QStringLiteral("applied")}}));
        QVERIFY(tx.commit());
        QCOMPARE(m_journal->find(recorded->receipt)->syncStatus, OutboxEntry::Status::Applied);
    }

    // A sale sent as confirmed whose holds lapsed is refused for stock: it goes again, once,
    // as an offline sale without its reservations, and the sale follows the new entry.
    void resendOffline_sendsARefusedSaleAgainOnce()
    {
        CompletedSale sale = paidInCash({line(0, 2), line(1, 1)});
        sale.lines[0].reservation = QStringLiteral("hold-1");
        const auto recorded = m_journal->record(sale);
        const auto other = m_journal->record(paidInCash({line(2, 1)}));
        QVERIFY(recorded && other);
        QCOMPARE(m_journal->refusedForStock().value(), QStringList());
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(
            tx, recorded->seq, QStringLiteral("rejected"),
            QJsonObject{{QStringLiteral("seq"), recorded->seq},
                        {QStringLiteral("status"), QStringLiteral("rejected")},
                        {QStringLiteral("code"), QStringLiteral("insufficient_stock")}}));
        QVERIFY(m_outbox->recordResult(
            tx, other->seq, QStringLiteral("rejected"),
            QJsonObject{{QStringLiteral("seq"), other->seq},
                        {QStringLiteral("status"), QStringLiteral("rejected")},
                        {QStringLiteral("code"), QStringLiteral("unknown_sku")}}));
        QVERIFY(tx.commit());
        QCOMPARE(m_journal->refusedForStock().value(), QStringList{recorded->receipt});

        const auto seq = m_journal->resendOffline(recorded->receipt);
        QVERIFY(seq);
        QCOMPARE(*seq, 3);
        QCOMPARE(m_journal->refusedForStock().value(), QStringList());
        const auto stored = m_journal->find(recorded->receipt);
        QCOMPARE(stored->seq, 3);
        QVERIFY(stored->offline);
        QCOMPARE(stored->syncStatus, OutboxEntry::Status::Pending);
        const QJsonObject payload = m_outbox->entry(3)->payload;
        QCOMPARE(payload.value(QLatin1String("sale")).toString(), recorded->receipt);
        QCOMPARE(payload.value(QLatin1String("offline")).toBool(), true);
        QCOMPARE(payload.value(QLatin1String("at")),
                 m_outbox->entry(1)->payload.value(QLatin1String("at")));
        for (const QJsonValue& wire : payload.value(QLatin1String("lines")).toArray())
            QVERIFY(!wire.toObject().contains(QLatin1String("reservation")));
        QCOMPARE(text(*m_store, QStringLiteral("PRAGMA foreign_key_check")), QString());
    }

    void continueAfter_takesTheSalesAlong()
    {
        const auto first = m_journal->record(paidInCash({line(0, 1)}));
        const auto second = m_journal->record(paidInCash({line(1, 1)}));
        QVERIFY(first && second);
        QCOMPARE(m_outbox->continueAfter(10).value(), 2);
        QCOMPARE(m_journal->find(first->receipt)->seq, 11);
        QCOMPARE(m_journal->find(second->receipt)->seq, 12);
        QCOMPARE(m_outbox->entry(12)->payload.value(QLatin1String("sale")).toString(),
                 second->receipt);
        QCOMPARE(text(*m_store, QStringLiteral("PRAGMA foreign_key_check")), QString());
    }

    // THE CRASH TEST: a writer killed with SIGKILL at random moments, again and again on one
    // file, never leaves a gap or a repeat in the seqs, never loses a sale it reported as
    // committed, and never damages the file.
    void killedWriterNeverLosesACommittedSale()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.db"));
        const quint32 seed = qEnvironmentVariableIsSet("STOCKLINE_CRASH_SEED")
                                 ? qEnvironmentVariable("STOCKLINE_CRASH_SEED").toUInt()
                                 : QRandomGenerator::global()->generate();
        qInfo() << "crash test seed" << seed << "(set STOCKLINE_CRASH_SEED to repeat)";
        QRandomGenerator random(seed);
        Reported reported;
        const int runs = 25;
        for (int run = 0; run < runs; ++run) {
            const int linesBeforeKill = random.bounded(0, 40);
            const int microsecondsMore = random.bounded(0, 3000);
            runAndKill(path, linesBeforeKill, microsecondsMore, random.generate(), reported);
            if (QTest::currentTestFailed()) {
                qWarning() << "run" << run << "of seed" << seed;
                return;
            }
            verifyAfterCrash(path, reported);
            if (QTest::currentTestFailed()) {
                qWarning() << "run" << run << "of seed" << seed;
                return;
            }
        }
        QVERIFY2(reported.receiptBySeq.size() >= runs, "the writer got too little done to test");
    }

private:
    void runAndKill(const QString& path, int linesBeforeKill, int microsecondsMore,
                    quint32 childSeed, Reported& reported)
    {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(OUTBOX_WRITER),
                     {path, QStringLiteral("POS-01"), QString::number(childSeed)});
        QVERIFY2(writer.waitForStarted(10'000), qPrintable(writer.errorString()));
        QByteArray buffer;
        int lines = 0;
        while (lines < linesBeforeKill) {
            QVERIFY2(writer.state() == QProcess::Running || writer.bytesAvailable() > 0,
                     writer.readAllStandardError().constData());
            writer.waitForReadyRead(100);
            buffer += writer.readAllStandardOutput();
            lines = int(buffer.count('\n'));
        }
        QThread::usleep(static_cast<unsigned long>(microsecondsMore));
        writer.kill(); // SIGKILL: no destructor, no rollback, no flush
        QVERIFY(writer.waitForFinished(10'000));
        QVERIFY2(writer.exitStatus() == QProcess::CrashExit,
                 writer.readAllStandardError().constData());
        buffer += writer.readAllStandardOutput();
        record(buffer, reported);
    }

    // A line is printed only after its commit; a pipe write this short is never split.
    void record(const QByteArray& output, Reported& reported)
    {
        for (const QByteArray& printed : output.split('\n')) {
            if (printed.isEmpty())
                continue;
            const QList<QByteArray> fields = printed.split(' ');
            QCOMPARE(fields.size(), 2);
            const qint64 seq = fields.at(1).toLongLong();
            QVERIFY2(!reported.receiptBySeq.contains(seq),
                     qPrintable(QStringLiteral("seq %1 reported twice").arg(seq)));
            reported.receiptBySeq.insert(seq, QString::fromLatin1(fields.at(0)));
        }
    }

    void verifyAfterCrash(const QString& path, const Reported& reported)
    {
        auto opened = LocalStore::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        const LocalStore& store = *opened.value();
        QCOMPARE(text(store, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(text(store, QStringLiteral("PRAGMA foreign_key_check")), QString());

        Outbox outbox(store);
        const qint64 last = outbox.lastSeq().value();
        QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM outbox")), last);
        QCOMPARE(scalar(store, QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox")), last);
        if (last > 0)
            QCOMPARE(scalar(store, QStringLiteral("SELECT min(seq) FROM outbox")), 1);
        // Receipt numbers are as gapless as seqs, and every sale is in the outbox under its own.
        const qint64 sales = scalar(store, QStringLiteral("SELECT count(*) FROM sales"));
        QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM counters WHERE"
                                              " name = 'receipt' AND value = (SELECT count(*)"
                                              " FROM sales)")),
                 sales > 0 ? 1 : 0);
        QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'sale'")),
                 sales);
        QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM sales s JOIN outbox o ON"
                                              " o.seq = s.outbox_seq WHERE o.kind = 'sale' AND"
                                              " json_extract(o.payload, '$.sale') = s.receipt AND"
                                              " json_extract(o.payload, '$.seq') = o.seq")),
                 sales);
        QVERIFY(reported.receiptBySeq.isEmpty() || reported.receiptBySeq.lastKey() <= last);

        auto numbers = ReceiptNumbers::create(store, QStringLiteral("POS-01"));
        SaleJournal journal(store, outbox, numbers.value());
        for (auto it = reported.receiptBySeq.cbegin(); it != reported.receiptBySeq.cend(); ++it) {
            const auto entry = outbox.entry(it.key());
            QVERIFY2(entry, qPrintable(QStringLiteral("lost seq %1").arg(it.key())));
            if (*it == QLatin1String("-")) {
                QCOMPARE(entry->kind, QStringLiteral("release"));
                continue;
            }
            const auto sale = journal.find(*it);
            QVERIFY2(sale, qPrintable(QStringLiteral("lost sale %1").arg(*it)));
            QCOMPARE(sale->seq, it.key());
            QVERIFY(!sale->lines.isEmpty());
            QCOMPARE(entry->payload.value(QLatin1String("sale")).toString(), *it);
        }
    }

    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ReceiptNumbers> m_numbers;
    std::unique_ptr<SaleJournal> m_journal;
};

QTEST_GUILESS_MAIN(tst_SaleJournal)
#include "tst_salejournal.moc"
