// The receiving dock's view models over a real store with the sample data: receiving against
// an expected delivery (tolerance, manager approval, refused units, notes) and blind, the cycle
// count with its recount after a version conflict, transfers and adjustments. What they write
// is read back from the outbox; the server's answers are recorded in the outbox as the sync
// client records them.
#include "approvallog.h"
#include "countmodel.h"
#include "cyclecount.h"
#include "deliveriesmodel.h"
#include "deliverybook.h"
#include "dock.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "localstore.h"
#include "notices.h"
#include "outbox.h"
#include "posfixture.h"
#include "receiptmodel.h"
#include "receiving.h"
#include "stockmoves.h"
#include "stockreplica.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;

namespace {

const QString milk = QStringLiteral("DAI-0001");
const QString milk2 = QStringLiteral("DAI-0002");

Delivery dairy(qint64 receivedBefore = 2)
{
    return Delivery{QStringLiteral("PO-1"),
                    QStringLiteral("Meadow Gold Dairy"),
                    QStringLiteral("store-1"),
                    {{milk, 10, receivedBefore, 0}, {milk2, 5, 0, 0}},
                    false};
}

} // namespace

class tst_DockModels : public QObject
{
    Q_OBJECT

private:
    [[nodiscard]] bool openDock(int tolerance = 0)
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        if (!m_pos->openDock(tolerance))
            return false;
        m_problems = std::make_unique<QSignalSpy>(&notices(), &Notices::problem);
        if (!m_pos->context().deliveries().replace({dairy()}))
            return false;
        dock().refresh();
        m_testers.clear();
        for (QAbstractItemModel* model :
             {static_cast<QAbstractItemModel*>(dock().deliveries()),
              static_cast<QAbstractItemModel*>(receiving().lines()),
              static_cast<QAbstractItemModel*>(dock().count()->lines())})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        return true;
    }
    Dock& dock() { return m_pos->context().dock(); }
    Receiving& receiving() { return *dock().receiving(); }
    Notices& notices() { return m_pos->context().notices(); }
    QList<OutboxEntry> pending() { return m_pos->context().outbox().pending(100).value(); }
    // The server's answer to `seq`, recorded as the sync client records it.
    bool answer(qint64 seq, const QJsonObject& result)
    {
        Transaction tx(m_pos->context().store());
        QJsonObject full = result;
        full.insert(QStringLiteral("seq"), seq);
        const QString status = result.contains(QLatin1String("code")) ? QStringLiteral("rejected")
                                                                      : QStringLiteral("applied");
        full.insert(QStringLiteral("status"), status);
        if (!m_pos->context().outbox().recordResult(tx, seq, status, full) || !tx.commit())
            return false;
        m_pos->context().dockAnswers().check();
        return true;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_testers.clear();
        m_problems.reset();
        m_pos.reset();
    }

    void deliveriesListWhatIsOpenAndHowFarItIs()
    {
        QVERIFY(openDock());
        DeliveriesModel& model = *dock().deliveries();
        QCOMPARE(model.count(), 1);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(DeliveriesModel::ReferenceRole).toString(), QStringLiteral("PO-1"));
        QCOMPARE(row.data(DeliveriesModel::ExpectedRole).toLongLong(), 15);
        QCOMPARE(row.data(DeliveriesModel::ReceivedRole).toLongLong(), 2);
        QCOMPARE(model.referenceAt(0), QStringLiteral("PO-1"));
        QCOMPARE(model.referenceAt(1), QString());
    }

    // A delivery whose goods have all arrived is done and listed after those still to come;
    // one with refused units stays told apart from a clean one.
    void doneDeliveriesAreListedAfterOpenOnes()
    {
        QVERIFY(openDock());
        const auto delivery = [](const char* id, qint64 received, qint64 rejected) {
            return Delivery{QString::fromLatin1(id),
                            QStringLiteral("Meadow Gold Dairy"),
                            QStringLiteral("store-1"),
                            {{milk, 10, received, rejected}},
                            false};
        };
        QVERIFY(m_pos->context().deliveries().replace(
            {delivery("PO-1", 10, 0), delivery("PO-2", 3, 0), delivery("PO-3", 8, 2),
             delivery("PO-4", 0, 0), delivery("PO-5", 6, 1)}));
        dock().refresh();
        DeliveriesModel& model = *dock().deliveries();
        QStringList order;
        QStringList states;
        for (int row = 0; row < model.count(); ++row) {
            order.append(model.referenceAt(row));
            states.append(model.index(row).data(DeliveriesModel::StateRole).toString());
        }
        QCOMPARE(order, (QStringList{QStringLiteral("PO-2"), QStringLiteral("PO-4"),
                                     QStringLiteral("PO-5"), QStringLiteral("PO-1"),
                                     QStringLiteral("PO-3")}));
        QCOMPARE(states, (QStringList{QStringLiteral("partial"), QStringLiteral("expected"),
                                      QStringLiteral("partial"), QStringLiteral("complete"),
                                      QStringLiteral("refused")}));
    }

    void receiveAgainstDeliveryWritesOneReceive()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        ReceiptModel& lines = *receiving().lines();
        QCOMPARE(lines.count(), 2);
        QCOMPARE(lines.index(0).data(ReceiptModel::StateRole).toString(), QStringLiteral("open"));
        // "3*" and a scan, then one more scan: four on the milk line.
        QCOMPARE(receiving().submit(QStringLiteral("3*") + fixtures::milkBarcode), QString());
        QCOMPARE(receiving().submit(fixtures::milkBarcode), QString());
        QCOMPARE(lines.line(0).counted, 4);
        QCOMPARE(lines.index(0).data(ReceiptModel::StateRole).toString(), QStringLiteral("short"));
        QCOMPARE(lines.index(0).data(ReceiptModel::RemainingRole).toLongLong(), 4);
        QVERIFY(receiving().setRejected(0, QStringLiteral("1")));
        QVERIFY(receiving().setCounted(1, QStringLiteral("5")));
        QCOMPARE(lines.index(1).data(ReceiptModel::StateRole).toString(), QStringLiteral("match"));
        receiving().setNote(QStringLiteral("pallet wet"));
        QSignalSpy confirmed(&receiving(), &Receiving::confirmed);
        QVERIFY(receiving().confirm());
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(confirmed.at(0).at(0).toString(), QStringLiteral("DOCK-01-G000001"));
        QVERIFY(!receiving().active());

        const QList<OutboxEntry> queued = pending();
        QCOMPARE(queued.size(), 1);
        const QJsonObject receive = queued.first().payload;
        QCOMPARE(queued.first().kind, QStringLiteral("receive"));
        QCOMPARE(receive.value(QLatin1String("delivery")).toString(), QStringLiteral("PO-1"));
        QCOMPARE(receive.value(QLatin1String("location")).toString(), QStringLiteral("store-1"));
        QCOMPARE(receive.value(QLatin1String("reference")).toString(),
                 QStringLiteral("pallet wet"));
        QCOMPARE(receive.value(QLatin1String("over")).toBool(false), false);
        const QJsonArray accepted = receive.value(QLatin1String("lines")).toArray();
        QCOMPARE(accepted.size(), 2);
        QCOMPARE(accepted.at(0).toObject().value(QLatin1String("qty")).toInteger(), 4);
        QCOMPARE(accepted.at(1).toObject().value(QLatin1String("qty")).toInteger(), 5);
        const QJsonArray refused = receive.value(QLatin1String("rejected")).toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).toObject().value(QLatin1String("sku")).toString(), milk);
        QCOMPARE(m_pos->context().dockJournal().count().value(), 1);
        QCOMPARE(m_problems->count(), 0);
    }

    void overWithinToleranceIsSentOverWithoutAManager()
    {
        QVERIFY(openDock(10)); // 10 % of 10 expected: one unit
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QVERIFY(receiving().setCounted(0, QStringLiteral("9"))); // 2 before + 9 = 11
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::StateRole).toString(),
                 QStringLiteral("over"));
        QVERIFY(!receiving().needsManager());
        QVERIFY(receiving().confirm());
        QVERIFY(!m_pos->context().approvals().pending());
        QCOMPARE(pending().first().payload.value(QLatin1String("over")).toBool(), true);
    }

    void overBeyondToleranceWaitsForAManager()
    {
        QVERIFY(openDock(10));
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QVERIFY(receiving().setCounted(0, QStringLiteral("10"))); // 12: one beyond tolerance
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::StateRole).toString(),
                 QStringLiteral("overLimit"));
        QVERIFY(receiving().needsManager());
        QVERIFY(!receiving().confirm());
        QVERIFY(m_pos->context().approvals().pending());
        QCOMPARE(pending().size(), 0); // nothing sent before the manager approves
        QVERIFY(fixtures::approve(m_pos->context()));
        // The receipt, and the approval for the server's record of manager actions.
        const QList<OutboxEntry> queued = pending();
        QCOMPARE(queued.size(), 2);
        const auto kindOf = [](const OutboxEntry& e) {
            return e.payload.value(QLatin1String("kind")).toString();
        };
        const auto receipt = std::find_if(queued.begin(), queued.end(), [&](const OutboxEntry& e) {
            return kindOf(e) == QLatin1String("receive");
        });
        QVERIFY(receipt != queued.end());
        QCOMPARE(receipt->payload.value(QLatin1String("over")).toBool(), true);
        const auto approval = std::find_if(queued.begin(), queued.end(), [&](const OutboxEntry& e) {
            return kindOf(e) == QLatin1String("approval");
        });
        QVERIFY(approval != queued.end());
        QCOMPARE(approval->payload.value(QLatin1String("action")).toString(),
                 QStringLiteral("over_expected"));
        const auto log = m_pos->context().approvalLog().all();
        QVERIFY(log);
        QCOMPARE(log->last().kind, Approval::Kind::OverExpected);
        QCOMPARE(log->last().approvedBy, fixtures::manager);
    }

    void itemNotOnTheDeliveryIsRefusedAtTheDock()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QCOMPARE(receiving().submit(fixtures::colaBarcode), fixtures::colaBarcode);
        QCOMPARE(m_problems->count(), 1);
        QVERIFY(m_problems->at(0).at(0).toString().contains(QStringLiteral("not on delivery")));
        QCOMPARE(receiving().lines()->countedTotal(), 0);
        QCOMPARE(receiving().submit(QStringLiteral("x*") + fixtures::milkBarcode),
                 QStringLiteral("x*") + fixtures::milkBarcode);
        QVERIFY(!receiving().confirm()); // nothing counted
        QCOMPARE(pending().size(), 0);
    }

    void refusedReceiptIsShownToThePerson_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("over_expected")
            << QStringLiteral("over_expected") << QStringLiteral("Other docks booked part");
        QTest::newRow("unknown_delivery")
            << QStringLiteral("unknown_delivery") << QStringLiteral("no longer open");
    }
    void refusedReceiptIsShownToThePerson()
    {
        QFETCH(QString, code);
        QFETCH(QString, says);
        QVERIFY(openDock());
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QVERIFY(receiving().setCounted(0, QStringLiteral("8")));
        QVERIFY(receiving().confirm());
        const qint64 seq = pending().first().seq;
        QVERIFY(answer(seq, {{QStringLiteral("code"), code},
                             {QStringLiteral("message"), QStringLiteral("lines[0]: no")}}));
        QCOMPARE(m_problems->count(), 1);
        const QString shown = m_problems->at(0).at(0).toString();
        QVERIFY2(shown.contains(says) && shown.contains(QStringLiteral("DOCK-01-G000001")),
                 qPrintable(shown));
    }

    // Refusals of what was sent before a restart are still shown once the answer comes.
    void refusalAfterARestartIsShown()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QVERIFY(receiving().setCounted(0, QStringLiteral("8")));
        QVERIFY(receiving().confirm());
        QVERIFY(dock().moves()->transfer(milk, QStringLiteral("backroom-1"),
                                         QStringLiteral("store-1"), QStringLiteral("3")));
        m_testers.clear();
        m_problems.reset();
        QVERIFY(m_pos->reopen());
        m_problems = std::make_unique<QSignalSpy>(&notices(), &Notices::problem);
        const QList<OutboxEntry> queued = pending();
        QCOMPARE(queued.size(), 2);
        QVERIFY(answer(queued.at(0).seq, {{QStringLiteral("code"), QStringLiteral("over_expected")},
                                          {QStringLiteral("message"), QStringLiteral("no")}}));
        QVERIFY(answer(queued.at(1).seq,
                       {{QStringLiteral("code"), QStringLiteral("insufficient_stock")},
                        {QStringLiteral("available"), 2}}));
        QCOMPARE(m_problems->count(), 2);
        QVERIFY(m_problems->at(0).at(0).toString().contains(QStringLiteral("DOCK-01-G000001")));
        QVERIFY(m_problems->at(1).at(0).toString().contains(QStringLiteral("DOCK-01-T000001")));
    }

    void otherDocksBookingsShowWhileReceiving()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().start(QStringLiteral("PO-1")));
        QVERIFY(receiving().setCounted(0, QStringLiteral("8")));
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::StateRole).toString(),
                 QStringLiteral("match"));
        QVERIFY(m_pos->context().deliveries().replace({dairy(6)})); // another dock booked 4
        receiving().deliveriesChanged();
        QCOMPARE(receiving().lines()->line(0).before, 6);
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::StateRole).toString(),
                 QStringLiteral("overLimit"));
    }

    void blindReceiptHasNoDelivery()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().startBlind(QStringLiteral("backroom-1")));
        QVERIFY(receiving().blind());
        QCOMPARE(receiving().submit(fixtures::colaBarcode), QString());
        QCOMPARE(receiving().submit(QStringLiteral("2*dai-0001")), QString());
        QCOMPARE(receiving().lines()->count(), 2);
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::StateRole).toString(),
                 QStringLiteral("blind"));
        QVERIFY(!receiving().setRejected(0, QStringLiteral("1")));
        QVERIFY(receiving().confirm());
        const QJsonObject receive = pending().first().payload;
        QVERIFY(!receive.contains(QLatin1String("delivery")));
        QVERIFY(!receive.contains(QLatin1String("over")));
        QCOMPARE(receive.value(QLatin1String("location")).toString(), QStringLiteral("backroom-1"));
        QCOMPARE(receive.value(QLatin1String("lines")).toArray().size(), 2);
    }

    // Bananas are sold by the kg: the dock takes and shows them in kg with three decimals
    // and sends grams; a typo (four decimals, letters) is refused and nothing changes.
    void weighedGoodsAreReceivedAndCountedInKg()
    {
        QVERIFY(openDock());
        QVERIFY(receiving().startBlind(QStringLiteral("backroom-1")));
        QCOMPARE(receiving().submit(QStringLiteral("prd-0001")), QStringLiteral("prd-0001"));
        QVERIFY(m_problems->last().at(0).toString().contains(QStringLiteral("1.250*")));
        QCOMPARE(receiving().lines()->count(), 0);
        QCOMPARE(receiving().submit(QStringLiteral("1.250*PRD-0001")), QString());
        QCOMPARE(receiving().lines()->line(0).counted, 1250);
        QCOMPARE(receiving().lines()->index(0).data(ReceiptModel::CountedTextRole).toString(),
                 QStringLiteral("1.250 kg"));
        // A scale's label adds its weight.
        QCOMPARE(receiving().submit(fixtures::embedded(fixtures::bananaLookup, 532)), QString());
        QCOMPARE(receiving().lines()->line(0).counted, 1782);
        QCOMPARE(receiving().submit(QStringLiteral("1.2345*PRD-0001")),
                 QStringLiteral("1.2345*PRD-0001"));
        QVERIFY(m_problems->last().at(0).toString().contains(QStringLiteral("three decimals")));
        QVERIFY(!receiving().setCounted(0, QStringLiteral("2.5005")));
        QVERIFY(!receiving().setCounted(0, QStringLiteral("2,5kg")));
        QCOMPARE(receiving().lines()->line(0).counted, 1782);
        QVERIFY(receiving().setCounted(0, QStringLiteral("2.5")));
        QVERIFY(receiving().confirm());
        const QJsonObject receive = pending().first().payload;
        const QJsonObject line = receive.value(QLatin1String("lines")).toArray().at(0).toObject();
        QCOMPARE(line.value(QLatin1String("sku")).toString(), QStringLiteral("PRD-0001"));
        QCOMPARE(line.value(QLatin1String("qty")).toInteger(), 2500);

        CycleCount& count = *dock().count();
        QVERIFY(count.load(QStringLiteral("store-1"), QStringLiteral("PRD-0001")));
        CountModel& lines = *count.lines();
        QCOMPARE(lines.count(), 1);
        QCOMPARE(lines.index(0).data(CountModel::OnHandTextRole).toString(),
                 QStringLiteral("24.000 kg"));
        QVERIFY(!count.setCounted(0, QStringLiteral("23.9999")));
        QCOMPARE(lines.line(0).counted, -1);
        QVERIFY(count.setCounted(0, QStringLiteral("23.75")));
        QCOMPARE(lines.index(0).data(CountModel::CountedTextRole).toString(),
                 QStringLiteral("23.750 kg"));
        QCOMPARE(count.submit(), 1);
        QCOMPARE(pending().last().payload.value(QLatin1String("counted")).toInteger(), 23'750);
    }

    void countConflictAsksForARecountOfThatLineOnly()
    {
        QVERIFY(openDock());
        CycleCount& count = *dock().count();
        QVERIFY(count.load(QStringLiteral("store-1"), QStringLiteral("dai-000")));
        CountModel& lines = *count.lines();
        QVERIFY(lines.count() >= 2);
        QCOMPARE(lines.line(0).sku, milk);
        const auto level = m_pos->context().replica().level(milk, QStringLiteral("store-1"));
        QVERIFY(level && level->has_value());
        QCOMPARE(lines.line(0).onHand, (*level)->onHand);
        QVERIFY(count.setCounted(0, QStringLiteral("20")));
        QVERIFY(count.setCounted(1, QStringLiteral("7")));
        QVERIFY(!count.setCounted(1, QStringLiteral("-1")));
        QCOMPARE(count.submit(), 2);
        QList<OutboxEntry> queued = pending();
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).payload.value(QLatin1String("counted")).toInteger(), 20);
        QCOMPARE(queued.at(0).payload.value(QLatin1String("expectedVersion")).toInteger(),
                 (*level)->version);

        // The first is applied; stock moved under the second.
        QVERIFY(answer(queued.at(0).seq, {}));
        QCOMPARE(lines.index(0).data(CountModel::StateRole).toString(), QStringLiteral("applied"));
        QVERIFY(answer(queued.at(1).seq,
                       {{QStringLiteral("code"), QStringLiteral("version_conflict")},
                        {QStringLiteral("level"),
                         QJsonObject{{QStringLiteral("sku"), milk2},
                                     {QStringLiteral("location"), QStringLiteral("store-1")},
                                     {QStringLiteral("onHand"), 31},
                                     {QStringLiteral("reserved"), 0},
                                     {QStringLiteral("available"), 31},
                                     {QStringLiteral("version"), 9}}}}));
        QCOMPARE(lines.index(1).data(CountModel::StateRole).toString(), QStringLiteral("recount"));
        QCOMPARE(lines.line(1).onHand, 31);
        QVERIFY(lines.index(1).data(CountModel::MessageRole).toString().contains(u"31"));
        QCOMPARE(m_problems->count(), 2); // the count of -1, and the recount
        QVERIFY(m_problems->last().at(0).toString().contains(QStringLiteral("count that line")));

        QCOMPARE(count.submit(), 0); // nothing counted again yet
        QVERIFY(count.setCounted(1, QStringLiteral("30")));
        QCOMPARE(count.submit(), 1); // that line only
        queued = pending();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().payload.value(QLatin1String("sku")).toString(), milk2);
        QCOMPARE(queued.first().payload.value(QLatin1String("expectedVersion")).toInteger(), 9);
    }

    // After a restart the shelf shows what the server answered to each line's count, and a
    // count still unanswered gets its answer when it comes.
    void countAnswersSurviveARestart()
    {
        QVERIFY(openDock());
        QVERIFY(dock().count()->load(QStringLiteral("store-1"), QStringLiteral("dai-000")));
        QVERIFY(dock().count()->setCounted(0, QStringLiteral("20")));
        QVERIFY(dock().count()->setCounted(1, QStringLiteral("7")));
        QVERIFY(dock().count()->setCounted(2, QStringLiteral("5")));
        QCOMPARE(dock().count()->submit(), 3);
        const QList<OutboxEntry> queued = pending();
        QVERIFY(answer(queued.at(0).seq, {}));
        QVERIFY(answer(queued.at(1).seq,
                       {{QStringLiteral("code"), QStringLiteral("version_conflict")},
                        {QStringLiteral("level"),
                         QJsonObject{{QStringLiteral("sku"), milk2},
                                     {QStringLiteral("location"), QStringLiteral("store-1")},
                                     {QStringLiteral("onHand"), 31},
                                     {QStringLiteral("reserved"), 0},
                                     {QStringLiteral("available"), 31},
                                     {QStringLiteral("version"), 900}}}}));

        m_testers.clear();
        m_problems.reset();
        QVERIFY(m_pos->reopen());
        m_problems = std::make_unique<QSignalSpy>(&notices(), &Notices::problem);
        CountModel& lines = *dock().count()->lines();
        QAbstractItemModelTester tester(&lines,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(lines.count(), 0); // nothing loaded yet
        QVERIFY(dock().count()->load(QStringLiteral("store-1"), QStringLiteral("DAI-000")));
        QCOMPARE(lines.index(0).data(CountModel::StateRole).toString(), QStringLiteral("applied"));
        QCOMPARE(lines.line(0).counted, 20);
        QCOMPARE(lines.index(1).data(CountModel::StateRole).toString(), QStringLiteral("recount"));
        QCOMPARE(lines.line(1).onHand, 31);
        QCOMPARE(lines.line(1).version, 900);
        QVERIFY(lines.index(1).data(CountModel::MessageRole).toString().contains(u"31"));
        QCOMPARE(lines.index(2).data(CountModel::StateRole).toString(), QStringLiteral("sent"));
        QCOMPARE(lines.index(3).data(CountModel::StateRole).toString(), QStringLiteral("todo"));

        QVERIFY(answer(queued.at(2).seq, {})); // the answer to the third arrives now
        QCOMPARE(lines.index(2).data(CountModel::StateRole).toString(), QStringLiteral("applied"));
        QVERIFY(dock().count()->setCounted(1, QStringLiteral("30")));
        QCOMPARE(dock().count()->submit(), 1); // the recount, with the server's version
        QCOMPARE(pending().first().payload.value(QLatin1String("expectedVersion")).toInteger(),
                 900);
        QCOMPARE(m_problems->count(), 0);
    }

    void transferAndAdjustWithAReason()
    {
        QVERIFY(openDock());
        StockMoves& moves = *dock().moves();
        QVERIFY(moves.transfer(fixtures::milkBarcode, QStringLiteral("backroom-1"),
                               QStringLiteral("store-1"), QStringLiteral("12")));
        QVERIFY(!moves.transfer(milk, QStringLiteral("store-1"), QStringLiteral("store-1"),
                                QStringLiteral("1")));
        QVERIFY(moves.adjust(milk, QStringLiteral("store-1"), QStringLiteral("damage"),
                             QStringLiteral("2"), QStringLiteral("forklift")));
        QVERIFY(moves.adjust(milk, QStringLiteral("store-1"), QStringLiteral("found"),
                             QStringLiteral("1"), QString()));
        QVERIFY(!moves.adjust(milk, QStringLiteral("store-1"), QStringLiteral("theft"),
                              QStringLiteral("1"), QString()));
        const QList<OutboxEntry> queued = pending();
        QCOMPARE(queued.size(), 3);
        QCOMPARE(queued.at(0).payload.value(QLatin1String("transfer")).toString(),
                 QStringLiteral("DOCK-01-T000001"));
        QCOMPARE(queued.at(0).payload.value(QLatin1String("qty")).toInteger(), 12);
        QCOMPARE(queued.at(1).payload.value(QLatin1String("delta")).toInteger(), -2);
        QCOMPARE(queued.at(1).payload.value(QLatin1String("reason")).toString(),
                 QStringLiteral("damage: forklift"));
        QCOMPARE(queued.at(2).payload.value(QLatin1String("delta")).toInteger(), 1);
        QCOMPARE(m_problems->count(), 2);

        QVERIFY(answer(queued.at(1).seq,
                       {{QStringLiteral("code"), QStringLiteral("insufficient_stock")},
                        {QStringLiteral("available"), 1}}));
        QCOMPARE(m_problems->count(), 3);
        QVERIFY(m_problems->last().at(0).toString().contains(QStringLiteral("only 1 available")));
    }

private:
    std::unique_ptr<fixtures::PosFixture> m_pos;
    std::unique_ptr<QSignalSpy> m_problems;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

QTEST_MAIN(tst_DockModels)
#include "tst_dockmodels.moc"
