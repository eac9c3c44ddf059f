#include "cashsession.h"
#include "localstore.h"
#include "outbox.h"
#include "receiptnumbers.h"
#include "returnjournal.h"
#include "salefixtures.h"
#include "salejournal.h"
#include "schema.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;
using fixtures::line;
using fixtures::paidInCash;

class tst_ReturnJournal : public QObject
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
        m_sales = std::make_unique<SaleJournal>(*m_store, *m_outbox, *m_numbers);
        m_returns = std::make_unique<ReturnJournal>(*m_store, *m_outbox, QStringLiteral("POS-01"));
    }
    void cleanup()
    {
        m_returns.reset();
        m_sales.reset();
        m_numbers.reset();
        m_outbox.reset();
        m_store.reset();
    }

    void refundFor_data()
    {
        QTest::addColumn<qint64>("qty");
        QTest::addColumn<qint64>("discount");
        QTest::addColumn<QList<qint64>>("steps");
        QTest::newRow("one unit") << qint64{1} << qint64{0} << QList<qint64>{1};
        QTest::newRow("all at once") << qint64{3} << qint64{10} << QList<qint64>{3};
        QTest::newRow("one by one") << qint64{3} << qint64{10} << QList<qint64>{1, 1, 1};
        QTest::newRow("uneven") << qint64{7} << qint64{33} << QList<qint64>{2, 4, 1};
    }
    // However a line is returned, the refunds add up to what the line cost, to the cent.
    void refundFor()
    {
        QFETCH(qint64, qty);
        QFETCH(qint64, discount);
        QFETCH(QList<qint64>, steps);
        const ReceiptLine sold = line(2, qty, discount);
        Money paidBack;
        qint64 returned = 0;
        for (const qint64 step : steps) {
            const Money part = ReturnJournal::refundFor(sold, returned, step);
            QVERIFY(part > Money());
            paidBack += part;
            returned += step;
        }
        QCOMPARE(paidBack, sold.total());
    }

    void record_refundsAndQueuesAReturn()
    {
        const auto sale = m_sales->record(paidInCash({line(0, 3), line(2, 1)}));
        QVERIFY(sale);
        auto returnable = m_returns->returnable(sale->receipt);
        QVERIFY2(returnable, returnable ? "" : qPrintable(returnable.error().toString()));
        QCOMPARE(returnable->lines.size(), 2);
        QCOMPARE(returnable->lines.at(0).returnable(), 3);

        CompletedReturn request;
        request.sale = sale->receipt;
        request.lines = {ReturnRequestLine{1, 2}};
        const Money amount = ReturnJournal::refundFor(line(0, 3), 0, 2);
        request.payments = {Payment{QStringLiteral("cash"), amount, QString()}};
        const auto recorded = m_returns->record(request);
        QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().toString()));
        QCOMPARE(recorded->refund, QStringLiteral("POS-01-R000001"));
        QCOMPARE(recorded->total, amount);
        QCOMPARE(recorded->seq, sale->seq + 1);

        const auto entry = m_outbox->entry(recorded->seq);
        QVERIFY(entry);
        QCOMPARE(entry->kind, QStringLiteral("return"));
        QCOMPARE(entry->payload.value(QLatin1String("return")).toString(), recorded->refund);
        QCOMPARE(entry->payload.value(QLatin1String("sale")).toString(), sale->receipt);
        QCOMPARE(entry->payload.value(QLatin1String("location")).toString(),
                 QStringLiteral("store-1"));
        const QJsonArray lines = entry->payload.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).toObject().value(QLatin1String("qty")).toInteger(), 2);

        returnable = m_returns->returnable(sale->receipt);
        QVERIFY(returnable);
        QCOMPARE(returnable->lines.at(0).returned, 2);
        QCOMPARE(returnable->refunded, amount);
        QCOMPARE(m_returns->count().value(), 1);
    }

    // The return carries the refund's receipt: which sale lines, the money and its tax share
    // (as the drawer's report counts it), how it was paid back, who approved it, the drawer.
    void record_sendsTheRefundsReceipt()
    {
        CashSession cash(*m_store);
        const auto drawer = cash.open(QStringLiteral("Ana"), Money::fromMinor(10000));
        QVERIFY(drawer);
        const auto sale = m_sales->record(paidInCash({line(0, 1), line(2, 3, 10)}));
        QVERIFY(sale);
        Money paidBack;
        for (const qint64 qty : {1, 2}) {
            const auto returnable = m_returns->returnable(sale->receipt);
            QVERIFY(returnable);
            CompletedReturn request;
            request.sale = sale->receipt;
            request.staff = QStringLiteral("Ana");
            request.approvedBy = QStringLiteral("Ben");
            request.offline = qty == 2;
            request.lines = {ReturnRequestLine{2, qty}};
            const auto total = ReturnJournal::totalFor(*returnable, request.lines);
            QVERIFY(total);
            request.payments = ReturnJournal::toOriginalTender(*returnable, *total);
            const auto recorded = m_returns->record(request);
            QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().toString()));

            const auto queued = Mutation::fromJson(m_outbox->entry(recorded->seq)->payload);
            QVERIFY2(queued, queued ? "" : qPrintable(queued.error().toString()));
            const auto& body = std::get<ReturnMutation>(queued->body);
            QCOMPARE(body.offline, qty == 2);
            QVERIFY(body.refund);
            QCOMPARE(body.refund->staff, QStringLiteral("Ana"));
            QCOMPARE(body.refund->approvedBy, QStringLiteral("Ben"));
            QCOMPARE(body.refund->cashSession,
                     QStringLiteral("POS-01-C%1").arg(drawer->id, 6, 10, QLatin1Char('0')));
            QCOMPARE(body.refund->total, recorded->total);
            QCOMPARE(body.refund->payments, request.payments);
            QCOMPARE(body.refund->lines.size(), 1);
            const RefundEntry& entry = body.refund->lines.at(0);
            QCOMPARE(entry.line, 2);
            QCOMPARE(entry.sku, line(2, 3).sku);
            QCOMPARE(entry.qty, qty);
            QCOMPARE(entry.amount, recorded->total);
            paidBack += entry.amount;
        }
        // All three units back: the whole line's money, and its whole tax as the Z counts it.
        QCOMPARE(paidBack, line(2, 3, 10).total());
        const auto report = cash.xReport();
        QVERIFY(report);
        Money taxShared;
        for (qint64 seq = sale->seq + 1; seq <= sale->seq + 2; ++seq) {
            const auto queued = Mutation::fromJson(m_outbox->entry(seq)->payload);
            taxShared += std::get<ReturnMutation>(queued->body).refund->lines.at(0).tax;
        }
        QCOMPARE(taxShared, report->refundsTax);
        QCOMPARE(taxShared, line(2, 3, 10).tax());
    }

    // A receipt of another till, as the server sent it (one of its three units refunded
    // elsewhere): refunded here to its card, with the tax share the drawer's report counts
    // though this till holds no line of that sale; this till's unanswered refund counts as
    // returned, so the last unit cannot go twice.
    void recordFromServer_refundsAnotherTillsSale()
    {
        CashSession cash(*m_store);
        QVERIFY(cash.open(QStringLiteral("Ana"), Money::fromMinor(10000)));
        ReturnableSale sale;
        sale.receipt = QStringLiteral("POS-02-000042");
        sale.fromServer = true;
        sale.location = QStringLiteral("store-1");
        const ReceiptLine sold = line(2, 3, 10);
        sale.lines = {ReturnableLine{1, sold, 1}};
        sale.payments = {Payment{QStringLiteral("card"), sold.total(), QStringLiteral("VISA-1")}};
        const Money before = ReturnJournal::refundFor(sold, 0, 1);
        sale.refunded = before;
        sale.refundPayments = {Payment{QStringLiteral("card"), before, QStringLiteral("VISA-1")}};

        CompletedReturn request;
        request.sale = sale.receipt;
        request.staff = QStringLiteral("Ana");
        request.lines = {ReturnRequestLine{1, 1}};
        const Money amount = ReturnJournal::refundFor(sold, 1, 1);
        request.payments = ReturnJournal::toOriginalTender(sale, amount);
        QCOMPARE(request.payments, (QList<Payment>{Payment{QStringLiteral("card"), amount,
                                                           QStringLiteral("VISA-1")}}));
        const auto recorded = m_returns->recordFromServer(request, sale);
        QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().toString()));
        const auto queued = Mutation::fromJson(m_outbox->entry(recorded->seq)->payload);
        QVERIFY(queued);
        const auto& body = std::get<ReturnMutation>(queued->body);
        QCOMPARE(body.sale, QStringLiteral("POS-02-000042"));
        QCOMPARE(body.refund->lines.at(0).tax, ReturnJournal::refundTaxFor(sold, 1, 1));
        const auto report = cash.xReport();
        QVERIFY(report);
        QCOMPARE(report->refundsTotal, amount);
        QCOMPARE(report->refundsTax, ReturnJournal::refundTaxFor(sold, 1, 1));

        // The server has not answered yet: it still says one unit was refunded. Two more
        // would be one more than was sold.
        request.lines = {ReturnRequestLine{1, 2}};
        request.payments = {
            Payment{QStringLiteral("cash"), ReturnJournal::refundFor(sold, 1, 2), {}}};
        const auto twice = m_returns->recordFromServer(request, sale);
        QVERIFY(!twice);
        QCOMPARE(twice.error().field, QStringLiteral("lines[0].qty"));
        QCOMPARE(m_returns->count().value(), 1);
    }

    // A store from before refunds at any till keeps its refunds through the migration that
    // makes the refund tables anew: the refund, its line, its payment, what is left to
    // return, and the Z's tax share worked out from the sale line.
    void migration_keepsEarlierRefunds()
    {
        const QString path = m_dir.filePath(QStringLiteral("old-%1.db").arg(++m_files));
        const QList<QStringList>& migrations = schema::terminalMigrations();
        qsizetype anyTill = 0;
        while (anyTill < migrations.size() &&
               !migrations.at(anyTill).contains(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
            ++anyTill;
        QVERIFY(anyTill < migrations.size());
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
            for (qsizetype v = 0; v < anyTill; ++v) {
                for (const QString& statement : migrations.at(v))
                    QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            for (const QString& statement :
                 {QStringLiteral("PRAGMA application_id = %1").arg(LocalStore::applicationId),
                  QStringLiteral("PRAGMA user_version = %1").arg(anyTill),
                  QStringLiteral("INSERT INTO outbox (seq, id, kind, payload, created_at)"
                                 " VALUES (1, 'a', 'sale', '{}', '2026-01-01T00:00:00Z'),"
                                 " (2, 'b', 'return', '{}', '2026-01-01T00:00:00Z')"),
                  QStringLiteral("INSERT INTO sales (receipt, location, at, net, tax, total,"
                                 " offline, outbox_seq) VALUES ('POS-01-000001', 'store-1',"
                                 " '2026-01-01T00:00:00Z', 300, 21, 321, 0, 1)"),
                  QStringLiteral("INSERT INTO sale_lines (receipt, line, sku, name, qty,"
                                 " unit_price, discount, tax_rate, tax, total) VALUES"
                                 " ('POS-01-000001', 1, 'MILK-1L', 'Milk', 3, 100, 0, 7000,"
                                 " 21, 321)"),
                  QStringLiteral("INSERT INTO sale_payments (receipt, idx, method, amount)"
                                 " VALUES ('POS-01-000001', 0, 'cash', 321)"),
                  QStringLiteral("INSERT INTO refunds (refund, sale, location, at, total,"
                                 " outbox_seq) VALUES ('POS-01-R000001', 'POS-01-000001',"
                                 " 'store-1', '2026-01-01T00:00:00Z', 107, 2)"),
                  QStringLiteral("INSERT INTO refund_lines (refund, sale, line, qty, amount)"
                                 " VALUES ('POS-01-R000001', 'POS-01-000001', 1, 1, 107)"),
                  QStringLiteral("INSERT INTO refund_payments (refund, idx, method, amount)"
                                 " VALUES ('POS-01-R000001', 0, 'cash', 107)")})
                QVERIFY2(q.exec(statement), qPrintable(statement));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        auto opened = LocalStore::open(path);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
        const LocalStore& store = **opened;
        Outbox outbox(store);
        ReturnJournal journal(store, outbox, QStringLiteral("POS-01"));
        QCOMPARE(journal.count().value(), 1);
        const auto sale = journal.returnable(QStringLiteral("POS-01-000001"));
        QVERIFY(sale);
        QCOMPARE(sale->lines.at(0).returned, 1);
        QCOMPARE(sale->refunded, Money::fromMinor(107));
        QCOMPARE(sale->refundPayments.size(), 1);
        QSqlQuery check = store.prepare(QStringLiteral("PRAGMA foreign_key_check"));
        QVERIFY(check.exec());
        QVERIFY(!check.next());
    }

    void record_neverReturnsMoreThanWasSold()
    {
        const auto sale = m_sales->record(paidInCash({line(1, 2)}));
        QVERIFY(sale);
        CompletedReturn request;
        request.sale = sale->receipt;
        request.lines = {ReturnRequestLine{1, 2}};
        request.payments = {Payment{QStringLiteral("cash"), line(1, 2).total(), QString()}};
        QVERIFY(m_returns->record(request));
        const qint64 seq = m_outbox->lastSeq().value();

        request.lines = {ReturnRequestLine{1, 1}};
        request.payments = {Payment{QStringLiteral("cash"), Money::fromMinor(1), QString()}};
        const auto again = m_returns->record(request);
        QVERIFY(!again);
        QCOMPARE(again.error().field, QStringLiteral("lines[0].qty"));
        QCOMPARE(m_outbox->lastSeq().value(), seq);
        QCOMPARE(m_returns->count().value(), 1);
    }

    void record_refusesPaymentsThatDoNotAddUp()
    {
        const auto sale = m_sales->record(paidInCash({line(1, 1)}));
        QVERIFY(sale);
        CompletedReturn request;
        request.sale = sale->receipt;
        request.lines = {ReturnRequestLine{1, 1}};
        request.payments = {Payment{QStringLiteral("cash"), Money::fromMinor(1), QString()}};
        const auto recorded = m_returns->record(request);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().field, QStringLiteral("payments"));
        QCOMPARE(m_returns->count().value(), 0);
        QCOMPARE(m_store->counter(QString(ReturnJournal::counterName)).value(), 0);
    }

    void record_refusesUnknownSalesAndLines()
    {
        CompletedReturn request;
        request.sale = QStringLiteral("POS-01-999999");
        request.lines = {ReturnRequestLine{1, 1}};
        QCOMPARE(m_returns->record(request).error().field, QStringLiteral("receipt"));

        const auto sale = m_sales->record(paidInCash({line(1, 1)}));
        QVERIFY(sale);
        request.sale = sale->receipt;
        request.lines = {ReturnRequestLine{2, 1}};
        QCOMPARE(m_returns->record(request).error().field, QStringLiteral("lines[0].line"));
        request.lines = {ReturnRequestLine{1, 1}, ReturnRequestLine{1, 1}};
        QCOMPARE(m_returns->record(request).error().field, QStringLiteral("lines[1].line"));
    }

    void toOriginalTender_cardFirstThenCash()
    {
        ReturnableSale sale;
        sale.payments = {
            Payment{QStringLiteral("card"), Money::fromMinor(1000), QStringLiteral("A1")},
            Payment{QStringLiteral("cash"), Money::fromMinor(2000), QString()},
            Payment{QStringLiteral("cash"), Money::fromMinor(-500), QString()}};
        QList<Payment> back = ReturnJournal::toOriginalTender(sale, Money::fromMinor(700));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0),
                 (Payment{QStringLiteral("card"), Money::fromMinor(700), QStringLiteral("A1")}));

        sale.refundPayments = {back.at(0)};
        back = ReturnJournal::toOriginalTender(sale, Money::fromMinor(700));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).amount, Money::fromMinor(300));
        QCOMPARE(back.at(1), (Payment{QStringLiteral("cash"), Money::fromMinor(400), QString()}));
    }

    void format()
    {
        QCOMPARE(ReturnJournal::format(u"POS-01", 42).value(), QStringLiteral("POS-01-R000042"));
        QVERIFY(!ReturnJournal::format(u"POS-01", 0));
        QVERIFY(!ReturnJournal::format(QString(60, u'T'), 1));
        // Every terminal id that may sell may refund.
        QVERIFY(ReturnJournal::format(QString(ReceiptNumbers::maxTerminalLength, u'T'), 1));
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ReceiptNumbers> m_numbers;
    std::unique_ptr<SaleJournal> m_sales;
    std::unique_ptr<ReturnJournal> m_returns;
};

QTEST_GUILESS_MAIN(tst_ReturnJournal)
#include "tst_returnjournal.moc"
