// Manager approval in place: what needs it, that nothing happens before it, and that every
// approval is logged with who asked and who approved.

#include "approvallog.h"
#include "approvals.h"
#include "cartmodel.h"
#include "localstore.h"
#include "mutation.h"
#include "notices.h"
#include "outbox.h"
#include "parkedmodel.h"
#include "paymentmodel.h"
#include "posfixture.h"
#include "returnjournal.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "staffsession.h"
#include "till.h"

#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;

class tst_Approvals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open()); // the cashier is signed in
        QVERIFY(m_pos->openDrawer());
        QVERIFY(till().addSku(QStringLiteral("DAI-0001"))); // 4.49
    }
    void cleanup() { m_pos.reset(); }

    void priceOverride_waitsForAManager()
    {
        QVERIFY(!till().overridePrice(0, QStringLiteral("3.99")));
        QVERIFY(approvals().pending());
        QVERIFY(approvals().request().contains(QStringLiteral("3.99")));
        QCOMPARE(cart().line(0).receipt.unitPrice, Money::fromMinor(449));

        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(cart().line(0).receipt.unitPrice, Money::fromMinor(399));
        QVERIFY(cart().line(0).note.contains(QStringLiteral("approved by Morgan")));
        const QList<Approval> log = logged();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).kind, Approval::Kind::PriceOverride);
        QCOMPARE(log.at(0).requestedBy, fixtures::cashier);
        QCOMPARE(log.at(0).approvedBy, fixtures::manager);
        QVERIFY(log.at(0).at.isValid());
    }

    // The sale's receipt for the server names the catalog price and the manager who
    // approved the one charged, also when the sale was parked and taken up again.
    void priceOverride_travelsWithTheSalesReceipt_data()
    {
        QTest::addColumn<bool>("parkFirst");
        QTest::newRow("paid at once") << false;
        QTest::newRow("parked and resumed") << true;
    }
    void priceOverride_travelsWithTheSalesReceipt()
    {
        QFETCH(bool, parkFirst);
        QVERIFY(!till().overridePrice(0, QStringLiteral("3.99")));
        QVERIFY(fixtures::approve(m_pos->context()));
        if (parkFirst) {
            QVERIFY(till().park(QStringLiteral("back in a minute")));
            QCOMPARE(cart().count(), 0);
            QVERIFY(till().resume(till().parked()->idAt(0)));
        }
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCash(QString()));
        QVERIFY(!till().lastReceipt().isEmpty());
        const auto pending = m_pos->context().outbox().pending(10);
        QVERIFY(pending);
        std::optional<ReceiptContent> receipt;
        for (const OutboxEntry& entry : *pending) {
            if (entry.kind != QLatin1String("sale"))
                continue;
            const auto mutation = Mutation::fromJson(entry.payload);
            QVERIFY(mutation);
            receipt = std::get<SaleMutation>(mutation->body).receipt;
        }
        QVERIFY(receipt);
        QCOMPARE(receipt->lines.size(), 1);
        QCOMPARE(receipt->lines.at(0).unitPrice, Money::fromMinor(399));
        QCOMPARE(receipt->lines.at(0).listPrice, std::optional(Money::fromMinor(449)));
        QCOMPARE(receipt->lines.at(0).approvedBy, fixtures::manager);
    }

    void wrongOrCashierPin_changesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong PIN") << QString() << QStringLiteral("9999")
                                   << QStringLiteral("wrong PIN: 4 more tries before a lockout");
        QTest::newRow("the cashier's own PIN")
            << QString() << fixtures::cashierPin
            << QStringLiteral("wrong PIN: 4 more tries before a lockout");
        QTest::newRow("a cashier named")
            << fixtures::cashier << fixtures::cashierPin
            << QStringLiteral("Alex is not a manager: a manager must approve this");
        QTest::newRow("not a PIN")
            << QString() << QStringLiteral("12") << QStringLiteral("a PIN is 4 to 12 digits");
    }
    void wrongOrCashierPin_changesNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(QString, error);
        QVERIFY(!till().overridePrice(0, QStringLiteral("0.01")));
        approvals().approve(name, pin);
        QTRY_VERIFY(!approvals().busy());
        QCOMPARE(approvals().errorString(), error);
        QVERIFY(approvals().pending()); // another try, or Esc
        QCOMPARE(cart().line(0).receipt.unitPrice, Money::fromMinor(449));
        QVERIFY(logged().isEmpty());
    }

    void cancel_dropsTheRequest()
    {
        QVERIFY(!till().overridePrice(0, QStringLiteral("0.01")));
        approvals().cancel();
        QVERIFY(!approvals().pending());
        QVERIFY(!approvals().approve(QString(), fixtures::managerPin));
        QCOMPARE(cart().line(0).receipt.unitPrice, Money::fromMinor(449));
        QVERIFY(logged().isEmpty());
    }

    void aManagerSignedIn_approvesTheirOwn()
    {
        QVERIFY(fixtures::signIn(m_pos->context(), fixtures::manager, fixtures::managerPin));
        QVERIFY(till().overridePrice(0, QStringLiteral("3.99")));
        QVERIFY(!approvals().pending());
        QCOMPARE(cart().line(0).receipt.unitPrice, Money::fromMinor(399));
        QCOMPARE(logged().at(0).approvedBy, fixtures::manager);
        QCOMPARE(logged().at(0).requestedBy, fixtures::manager);
    }

    void discount_beyondTheLimitNeedsAManager_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("needsApproval");
        QTest::newRow("10 % of 4.49 is 0.45") << QStringLiteral("10%") << false;
        QTest::newRow("0.45, the limit") << QStringLiteral("0.45") << false;
        QTest::newRow("0.46, a cent over") << QStringLiteral("0.46") << true;
        QTest::newRow("50 %") << QStringLiteral("50%") << true;
    }
    void discount_beyondTheLimitNeedsAManager()
    {
        QFETCH(QString, typed);
        QFETCH(bool, needsApproval);
        QCOMPARE(till().setLineDiscount(0, typed), !needsApproval);
        QCOMPARE(approvals().pending(), needsApproval);
        if (needsApproval) {
            QCOMPARE(cart().line(0).lineDiscount, Money());
            QVERIFY(fixtures::approve(m_pos->context()));
            QCOMPARE(logged().at(0).kind, Approval::Kind::Discount);
        }
        QVERIFY(cart().line(0).lineDiscount > Money());
    }

    void saleDiscount_beyondTheLimitNeedsAManager()
    {
        QVERIFY(till().setOrderDiscount(QStringLiteral("0.40")));
        QCOMPARE(cart().orderDiscount(), Money::fromMinor(40));
        QVERIFY(!till().setOrderDiscount(QStringLiteral("1.00")));
        QCOMPARE(cart().orderDiscount(), Money::fromMinor(40));
        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(cart().orderDiscount(), Money::fromMinor(100));
    }

    // Once a tender is taken, giving it back or dropping the sale is a void after payment.
    void voidAfterPayment_needsAManager()
    {
        QVERIFY(till().addSku(QStringLiteral("BEV-0001")));
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCard(QStringLiteral("2.00"), QStringLiteral("AUTH 1")));
        QCOMPARE(till().payment()->count(), 1);

        QVERIFY(!till().removeTender(0));
        QCOMPARE(till().payment()->count(), 1);
        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(till().payment()->count(), 0);

        QVERIFY(till().tenderCard(QStringLiteral("2.00"), QStringLiteral("AUTH 2")));
        QVERIFY(!till().cancelPayment());
        QVERIFY(till().paying());
        QVERIFY(fixtures::approve(m_pos->context()));
        QVERIFY(!till().paying());
        QCOMPARE(cart().count(), 2);

        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCard(QStringLiteral("2.00"), QStringLiteral("AUTH 3")));
        QVERIFY(!till().cancelSale());
        QCOMPARE(cart().count(), 2);
        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(cart().count(), 0);
        const QList<Approval> log = logged();
        QCOMPARE(log.size(), 3);
        for (const Approval& approval : log)
            QCOMPARE(approval.kind, Approval::Kind::VoidAfterPayment);
    }

    // Before any tender, the clerk cancels freely.
    void cancelBeforePayment_needsNobody()
    {
        QVERIFY(till().startPayment());
        QVERIFY(till().cancelPayment());
        QVERIFY(till().cancelSale());
        QCOMPARE(cart().count(), 0);
        QVERIFY(!approvals().pending());
    }

    void refund_needsAManager()
    {
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCash(QString()));
        const QString receipt = till().lastReceipt();
        QVERIFY(till().returns()->load(receipt));
        till().returns()->chooseAll();
        QVERIFY(!till().refund(false));
        QCOMPARE(m_pos->context().returns().count().value(), 0);
        QVERIFY(fixtures::approve(m_pos->context()));
        QCOMPARE(m_pos->context().returns().count().value(), 1);
        QCOMPARE(logged().at(0).kind, Approval::Kind::Refund);
        QVERIFY(logged().at(0).detail.contains(receipt));
    }

    void log_refusesAnEmptyDetail()
    {
        ApprovalLog log(m_pos->context().store(), m_pos->context().outbox());
        const Result<Approval> bad = log.record(
            Approval{Approval::Kind::Refund, QString(), fixtures::cashier, fixtures::manager, {}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("detail"));
        QVERIFY(logged().isEmpty());
    }

    void log_sendsEachApprovalToTheServerInTheSameTransaction()
    {
        const qint64 before = m_pos->context().outbox().pendingCount().value();
        ApprovalLog log(m_pos->context().store(), m_pos->context().outbox());
        QVERIFY(log.record(Approval{Approval::Kind::PriceOverride,
                                    QStringLiteral("Milk: 4.49 → 3.99"),
                                    fixtures::cashier,
                                    fixtures::manager,
                                    {}}));
        const QList<OutboxEntry> pending = m_pos->context().outbox().pending(1'000).value();
        QCOMPARE(pending.size(), before + 1);
        const Result<Mutation> sent = Mutation::fromJson(pending.last().payload);
        QVERIFY(sent);
        QCOMPARE(sent->kind(), MutationKind::Approval);
        QCOMPARE(std::get<ApprovalMutation>(sent->body),
                 (ApprovalMutation{QStringLiteral("price_override"), fixtures::cashier,
                                   fixtures::manager, QStringLiteral("Milk: 4.49 → 3.99")}));
        QCOMPARE(sent->at, logged().last().at);
        // A refused approval leaves neither.
        QVERIFY(!log.record(Approval{
            Approval::Kind::Refund, QString(201, u'x'), fixtures::cashier, fixtures::manager, {}}));
        QCOMPARE(m_pos->context().outbox().pendingCount().value(), before + 1);
    }

private:
    Till& till() { return m_pos->context().till(); }
    CartModel& cart() { return *till().cart(); }
    Approvals& approvals() { return m_pos->context().approvals(); }
    QList<Approval> logged() { return m_pos->context().approvalLog().all().value(); }

    std::unique_ptr<fixtures::PosFixture> m_pos;
};

QTEST_MAIN(tst_Approvals)
#include "tst_approvals.moc"
