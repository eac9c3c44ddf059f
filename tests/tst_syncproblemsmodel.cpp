// The sync bar's words and the problems panel's model: what a clerk reads about the server.
#include "client.h"
#include "syncproblemsmodel.h"
#include "syncstatus.h"
#include "transport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace stockline;
using namespace stockline::qml;

class tst_SyncProblemsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describe_aRefusedSaleWasSentAgain()
    {
        const SyncProblem p = SyncProblemsModel::describe(
            sync::Rejection{12, QStringLiteral("sale"), QStringLiteral("insufficient_stock"),
                            QStringLiteral("not every line of sale POS-01-000003 is in stock")});
        QCOMPARE(p.kind, SyncProblem::Kind::Rejection);
        QCOMPARE(p.title, QStringLiteral("A sale was sent again as an offline sale"));
        QVERIFY(p.advice.startsWith(QStringLiteral("Nothing to do at the till")));
        QVERIFY(p.detail.contains(QStringLiteral("POS-01-000003")));
        QVERIFY(p.detail.contains(QStringLiteral("12")));
    }

    // Two tills refunded the same line: the one refused says what was left, in words.
    void describe_anOverRefundSaysWhatWasLeft()
    {
        const SyncProblem p = SyncProblemsModel::describe(sync::Rejection{
            7,
            QStringLiteral("return"),
            QStringLiteral("over_refund"),
            QStringLiteral("refund POS-02-R000001: more than is left of sale POS-01-000042"),
            {sync::LineAvailability{QStringLiteral("A1"), 0, 1},
             sync::LineAvailability{QStringLiteral("B2"), 2, 3}}});
        QCOMPARE(p.title, QStringLiteral("A refund was more than was left to refund"));
        QVERIFY2(p.detail.contains(QStringLiteral("line 1 (A1): 0 left; line 3 (B2): 2 left")),
                 qPrintable(p.detail));
        QVERIFY(p.detail.contains(QStringLiteral("POS-01-000042")));
        QVERIFY(p.advice.contains(QStringLiteral("Another till refunded")));
    }

    void describe_codesInAClerksWords_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("title");
        QTest::newRow("forbidden") << "return"
                                   << "forbidden"
                                   << "The server does not let this till send a return";
        QTest::newRow("unknown sku") << "sale"
                                     << "unknown_sku"
                                     << "The server does not know a product in a sale";
        QTest::newRow("unknown location") << "sale"
                                          << "unknown_location"
                                          << "The server does not know this till's location";
        QTest::newRow("invalid") << "reserve"
                                 << "invalid"
                                 << "The server refused a stock hold";
        QTest::newRow("over expected") << "receive"
                                       << "over_expected"
                                       << "A receipt went past what its delivery expects";
        QTest::newRow("unknown delivery") << "receive"
                                          << "unknown_delivery"
                                          << "A receipt names a delivery that is no longer open";
        QTest::newRow("version conflict") << "count"
                                          << "version_conflict"
                                          << "Stock moved while a shelf was counted";
        QTest::newRow("adjust refused") << "adjust"
                                        << "invalid"
                                        << "The server refused a stock adjustment";
    }
    void describe_codesInAClerksWords()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, title);
        const sync::Rejection r{1, kind, code, QStringLiteral("why")};
        QVERIFY(SyncProblemsModel::listed(r));
        const SyncProblem p = SyncProblemsModel::describe(r);
        QCOMPARE(p.title, title);
        QVERIFY(!p.advice.isEmpty());
    }

    // A hold refused for stock is the line's "only N left", not a problem.
    void listed_notARefusedHold()
    {
        QVERIFY(!SyncProblemsModel::listed(sync::Rejection{
            3, QStringLiteral("reserve"), QStringLiteral("insufficient_stock"), QString()}));
    }

    void describe_aShortage()
    {
        sync::Shortage s;
        s.id = 7;
        s.sku = QStringLiteral("DAI-0025");
        s.location = QStringLiteral("store-1");
        s.qty = 2;
        s.terminal = QStringLiteral("POS-02");
        s.sale = QStringLiteral("POS-02-000009");
        s.at = QDateTime::currentDateTimeUtc();
        const SyncProblem p = SyncProblemsModel::describe(s, QStringLiteral("Oat drink 1 l"),
                                                          QStringLiteral("POS-01"));
        QCOMPARE(p.kind, SyncProblem::Kind::Shortage);
        QCOMPARE(p.title, QStringLiteral("Oat drink 1 l (DAI-0025): 2 more sold than the stock "
                                         "showed"));
        QVERIFY(p.detail.contains(QStringLiteral("till POS-02")));
        QVERIFY(p.advice.contains(QStringLiteral("count Oat drink 1 l (DAI-0025)")));
        QVERIFY(SyncProblemsModel::describe(s, QString(), QStringLiteral("POS-02"))
                    .detail.contains(QStringLiteral("at this till")));
    }

    void model_underTheTester()
    {
        SyncProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &SyncProblemsModel::countChanged);
        const SyncProblem rejection{SyncProblem::Kind::Rejection, QStringLiteral("t"),
                                    QStringLiteral("d"), QStringLiteral("a")};
        const SyncProblem shortage{SyncProblem::Kind::Shortage, QStringLiteral("t2"),
                                   QStringLiteral("d2"), QStringLiteral("a2")};
        model.setProblems({rejection, shortage});
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.rejectionCount(), 1);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(model.data(model.index(1), SyncProblemsModel::KindRole).toString(),
                 QStringLiteral("shortage"));
        QCOMPARE(model.data(model.index(0), SyncProblemsModel::AdviceRole).toString(),
                 QStringLiteral("a"));
        model.setProblems({rejection, shortage}); // the same: no reset
        QCOMPARE(counted.count(), 1);
        QSignalSpy cleared(&model, &SyncProblemsModel::clearRequested);
        model.clearRejections();
        QCOMPARE(cleared.count(), 1);
        model.setProblems({});
        QCOMPARE(model.count(), 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        for (auto it = roles.cbegin(); it != roles.cend(); ++it)
            QVERIFY(it.key() > Qt::UserRole);
    }

    void status_texts()
    {
        SyncStatus status;
        QCOMPARE(status.stateText(), QStringLiteral("No server"));
        status.setConfigured(true);
        QCOMPARE(status.stateText(), QStringLiteral("Offline"));
        QCOMPARE(status.pendingText(), QStringLiteral("All sent"));
        QVERIFY(status.allSent());
        QSignalSpy changed(&status, &SyncStatus::changed);
        status.setPending(3);
        status.setOldestPendingAge(125);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(status.pendingText(), QStringLiteral("3 to send · oldest 2 min"));
        status.setOnline(true);
        QCOMPARE(status.stateText(), QStringLiteral("Online"));
        QCOMPARE(SyncStatus::ageText(45), QStringLiteral("45 s"));
        QCOMPARE(SyncStatus::ageText(7500), QStringLiteral("2 h 5 min"));
    }
};

QTEST_MAIN(tst_SyncProblemsModel)
#include "tst_syncproblemsmodel.moc"
