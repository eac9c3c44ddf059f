// Who is at the till: sign-in by name and PIN over the staff list the terminal holds, and what
// the till does with it.

#include "cartmodel.h"
#include "notices.h"
#include "posfixture.h"
#include "salejournal.h"
#include "staffdirectory.h"
#include "staffmodel.h"
#include "staffsession.h"
#include "till.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace stockline;
using namespace stockline::qml;

class tst_StaffSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_pos = std::make_unique<fixtures::PosFixture>();
        QVERIFY(m_pos->open());
        QVERIFY(m_pos->openDrawer());
        staff().signOut();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            staff().people(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_pos.reset();
    }

    void people_listsTheStaffByName()
    {
        StaffModel& people = *staff().people();
        QCOMPARE(people.count(), 2);
        QCOMPARE(people.nameAt(0), fixtures::cashier);
        QCOMPARE(people.data(people.index(0), StaffModel::ManagerRole).toBool(), false);
        QCOMPARE(people.nameAt(1), fixtures::manager);
        QCOMPARE(people.data(people.index(1), StaffModel::ManagerRole).toBool(), true);
        QCOMPARE(people.nameAt(2), QString());
    }

    void signIn_rightPin()
    {
        QSignalSpy signedIn(&staff(), &StaffSession::signedInChanged);
        QVERIFY(staff().signIn(fixtures::manager, fixtures::managerPin));
        // The PIN is hashed on a worker thread: the screen keeps drawing meanwhile.
        QVERIFY(staff().busy());
        QVERIFY(!staff().signedIn());
        QTRY_VERIFY(staff().signedIn());
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(staff().name(), fixtures::manager);
        QVERIFY(staff().isManager());
        QVERIFY(staff().errorString().isEmpty());
    }

    void signIn_wrongPinSaysHowManyTriesAreLeft()
    {
        QVERIFY(staff().signIn(fixtures::cashier, QStringLiteral("9999")));
        QTRY_VERIFY(!staff().busy());
        QVERIFY(!staff().signedIn());
        QCOMPARE(staff().errorString(), QStringLiteral("wrong PIN: 4 more tries before a lockout"));
    }

    void signIn_refusedAtOnce_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown name")
            << QStringLiteral("Eve") << QStringLiteral("1234")
            << QStringLiteral("'Eve' is not on this terminal's staff list");
        QTest::newRow("too short") << fixtures::cashier << QStringLiteral("12")
                                   << QStringLiteral("a PIN is 4 to 12 digits");
    }
    void signIn_refusedAtOnce()
    {
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(QString, error);
        QVERIFY(!staff().signIn(name, pin));
        QVERIFY(!staff().busy());
        QVERIFY(!staff().signedIn());
        QVERIFY2(staff().errorString().contains(error), qPrintable(staff().errorString()));
    }

    void signIn_lockedOutAfterFiveWrongPins()
    {
        for (int i = 0; i < StaffDirectory::maxFailures; ++i) {
            QVERIFY(staff().signIn(fixtures::cashier, QStringLiteral("0000")));
            QTRY_VERIFY(!staff().busy());
        }
        QVERIFY(staff().errorString().contains(QStringLiteral("is locked for 5 minutes")));
        // Now even the right PIN is not checked.
        QVERIFY(!staff().signIn(fixtures::cashier, fixtures::cashierPin));
        QVERIFY(staff().errorString().contains(QStringLiteral("Alex is locked until")));
        QVERIFY(!staff().signedIn());
    }

    void till_refusesToSellWithNobodySignedIn()
    {
        QVERIFY(!till().addSku(QStringLiteral("DAI-0001")));
        QCOMPARE(till().cart()->count(), 0);
        QCOMPARE(m_pos->context().notices().last(), QStringLiteral("Sign in first."));
    }

    void sale_recordsWhoRangItUp()
    {
        QVERIFY(fixtures::signIn(m_pos->context(), fixtures::manager, fixtures::managerPin));
        QVERIFY(till().addSku(QStringLiteral("DAI-0001")));
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCash(QString()));
        const auto sale = m_pos->context().journal().find(till().lastReceipt());
        QVERIFY(sale);
        QCOMPARE(sale->staff, fixtures::manager);
        const auto entry = m_pos->context().outbox().entry(sale->seq);
        QVERIFY(entry);
        QCOMPARE(entry->payload.value(QLatin1String("staff")).toString(), fixtures::manager);
    }

    // The next person finds the sale where the last one left it, and completes it as theirs.
    void signOut_keepsTheSaleInProgress()
    {
        QVERIFY(fixtures::signIn(m_pos->context()));
        QVERIFY(till().addSku(QStringLiteral("DAI-0001")));
        staff().signOut();
        QVERIFY(!staff().signedIn());
        QCOMPARE(till().cart()->count(), 1);
        QVERIFY(!till().startPayment());
        QVERIFY(fixtures::signIn(m_pos->context(), fixtures::manager, fixtures::managerPin));
        QVERIFY(till().startPayment());
        QVERIFY(till().tenderCash(QString()));
        QCOMPARE(m_pos->context().journal().find(till().lastReceipt())->staff, fixtures::manager);
    }

    // The server took someone off the list: they are signed out at once.
    void reload_signsOutWhoIsNoLongerListed()
    {
        QVERIFY(fixtures::signIn(m_pos->context()));
        StaffDirectory directory(m_pos->context().store());
        const auto all = directory.staff();
        QVERIFY(all);
        QVERIFY(directory.replace({all->at(1)})); // only the manager stays
        staff().reload();
        QVERIFY(!staff().signedIn());
        QCOMPARE(staff().people()->count(), 1);
    }

private:
    StaffSession& staff() { return m_pos->context().staff(); }
    Till& till() { return m_pos->context().till(); }

    std::unique_ptr<fixtures::PosFixture> m_pos;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_StaffSession)
#include "tst_staffsession.moc"
