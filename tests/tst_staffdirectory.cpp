#include "localstore.h"
#include "staffdirectory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline;

namespace {

// Fewer rounds than in the shop: the tests hash hundreds of PINs.
constexpr int testIterations = 1'000;

StaffMember person(const char* name, StaffRole role, const char* pin)
{
    return StaffMember{QLatin1String(name), role,
                       PinHash::make(QString::fromLatin1(pin), testIterations).value(), true};
}

QList<StaffMember> team()
{
    return {person("Alice", StaffRole::Manager, "4711"),
            person("Bob", StaffRole::Cashier, "123456"),
            person("Carol", StaffRole::Manager, "9999")};
}

} // namespace

class tst_StaffDirectory : public QObject
{
    Q_OBJECT

private:
    [[nodiscard]] StaffDirectory directory()
    {
        return StaffDirectory(*m_store, [this] { return m_now; });
    }
    void reopen()
    {
        m_store.reset();
        auto opened = LocalStore::open(m_path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        m_store = std::move(opened).value();
    }
    void wrongPins(StaffDirectory& staff, const QString& name, int count)
    {
        for (int i = 0; i < count; ++i)
            QVERIFY(!staff.signIn(name, u"0000"));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_files));
        m_now = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        reopen();
        QVERIFY(directory().replace(team()));
    }
    void cleanup() { m_store.reset(); }

    void signIn_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("errorField"); // empty: signed in
        QTest::newRow("cashier, right PIN") << "Bob"
                                            << "123456"
                                            << "";
        QTest::newRow("manager, right PIN") << "Alice"
                                            << "4711"
                                            << "";
        QTest::newRow("wrong PIN") << "Bob"
                                   << "654321"
                                   << "pin";
        QTest::newRow("someone else's PIN") << "Bob"
                                            << "4711"
                                            << "pin";
        QTest::newRow("unknown name") << "Mallory"
                                      << "4711"
                                      << "name";
        QTest::newRow("name in other case") << "bob"
                                            << "123456"
                                            << "name";
        QTest::newRow("too short") << "Bob"
                                   << "12"
                                   << "pin";
        QTest::newRow("letters") << "Bob"
                                 << "12a456"
                                 << "pin";
    }
    void signIn()
    {
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(QString, errorField);
        StaffDirectory staff = directory();
        const Result<StaffMember> result = staff.signIn(name, pin);
        if (errorField.isEmpty()) {
            QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
            QCOMPARE(result->name, name);
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().field, errorField);
    }

    void wrongPinSaysHowManyTriesAreLeft()
    {
        StaffDirectory staff = directory();
        const auto first = staff.signIn(QStringLiteral("Bob"), u"000000");
        QVERIFY(!first);
        QVERIFY2(first.error().message.contains(QLatin1String("4 more tries")),
                 qPrintable(first.error().message));
        wrongPins(staff, QStringLiteral("Bob"), 3);
        const auto fifth = staff.signIn(QStringLiteral("Bob"), u"000000");
        QVERIFY2(fifth.error().message.contains(QLatin1String("locked for 5 minutes")),
                 qPrintable(fifth.error().message));
    }

    // A PIN of the wrong shape is not a guess: it never counts towards a lockout.
    void malformedPinsAreNotCounted()
    {
        StaffDirectory staff = directory();
        for (int i = 0; i < 10; ++i)
            QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"12"));
        QVERIFY(staff.signIn(QStringLiteral("Bob"), u"123456"));
    }

    void lockoutAfterFiveWrongPinsAndItsEnd()
    {
        StaffDirectory staff = directory();
        wrongPins(staff, QStringLiteral("Bob"), 4);
        QVERIFY(!staff.lockedUntil(QStringLiteral("Bob")).value());
        wrongPins(staff, QStringLiteral("Bob"), 1);
        QCOMPARE(staff.lockedUntil(QStringLiteral("Bob")).value(), m_now.addSecs(5 * 60));

        // Locked: even the right PIN is refused, and not checked.
        const auto locked = staff.signIn(QStringLiteral("Bob"), u"123456");
        QVERIFY(!locked);
        QCOMPARE(locked.error().field, QStringLiteral("name"));
        QVERIFY(locked.error().message.contains(QLatin1String("locked")));
        // Others are not affected.
        QVERIFY(staff.signIn(QStringLiteral("Alice"), u"4711"));

        m_now = m_now.addSecs(5 * 60 - 1);
        QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"123456"));
        m_now = m_now.addSecs(1);
        QVERIFY(staff.signIn(QStringLiteral("Bob"), u"123456"));
        // A right PIN starts the count again.
        wrongPins(staff, QStringLiteral("Bob"), 4);
        QVERIFY(!staff.lockedUntil(QStringLiteral("Bob")).value());
    }

    // Every wrong PIN after a lockout, before a right one, locks again for twice as long.
    void lockoutGrowsAndSurvivesARestart()
    {
        {
            StaffDirectory staff = directory();
            wrongPins(staff, QStringLiteral("Bob"), 5);
        }
        reopen();
        StaffDirectory staff = directory();
        QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"123456"));
        m_now = m_now.addSecs(5 * 60);
        wrongPins(staff, QStringLiteral("Bob"), 1);
        QCOMPARE(staff.lockedUntil(QStringLiteral("Bob")).value(), m_now.addSecs(10 * 60));
        // A new staff list from the server gives no fresh tries.
        QVERIFY(staff.replace(team()));
        QVERIFY(staff.lockedUntil(QStringLiteral("Bob")).value());
    }

    void lockoutSeconds_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("4") << 4 << qint64(0);
        QTest::newRow("5") << 5 << qint64(300);
        QTest::newRow("6") << 6 << qint64(600);
        QTest::newRow("7") << 7 << qint64(1200);
        QTest::newRow("8") << 8 << qint64(2400);
        QTest::newRow("9") << 9 << qint64(3600);
        QTest::newRow("50") << 50 << qint64(3600);
    }
    void lockoutSeconds()
    {
        QFETCH(int, failures);
        QFETCH(qint64, seconds);
        QCOMPARE(StaffDirectory::lockoutSeconds(failures), seconds);
    }

    void clockSetBackDoesNotStretchALockout()
    {
        StaffDirectory staff = directory();
        wrongPins(staff, QStringLiteral("Bob"), 5);
        m_now = m_now.addDays(-1);
        QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"123456"));
        m_now = m_now.addSecs(5 * 60);
        QVERIFY(staff.signIn(QStringLiteral("Bob"), u"123456"));
    }

    void managerApprovalByPinAlone_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("approver"); // empty: refused
        QTest::newRow("Alice") << "4711"
                               << "Alice";
        QTest::newRow("Carol") << "9999"
                               << "Carol";
        QTest::newRow("a cashier's PIN") << "123456"
                                         << "";
        QTest::newRow("nobody's PIN") << "2222"
                                      << "";
    }
    void managerApprovalByPinAlone()
    {
        QFETCH(QString, pin);
        QFETCH(QString, approver);
        StaffDirectory staff = directory();
        const Result<QString> approved = staff.requireManager(pin);
        if (approver.isEmpty()) {
            QVERIFY(!approved);
            QCOMPARE(approved.error().field, QStringLiteral("pin"));
        } else {
            QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));
            QCOMPARE(approved.value(), approver);
        }
    }

    void managerApprovalByName()
    {
        StaffDirectory staff = directory();
        QCOMPARE(staff.requireManager(QStringLiteral("Alice"), u"4711").value(),
                 QStringLiteral("Alice"));
        const auto cashier = staff.requireManager(QStringLiteral("Bob"), u"123456");
        QVERIFY(!cashier);
        QCOMPARE(cashier.error().field, QStringLiteral("name"));
        QVERIFY(cashier.error().message.contains(QLatin1String("not a manager")));
        QVERIFY(!staff.requireManager(QStringLiteral("Alice"), u"9999"));
    }

    // The approval prompt has a lockout of its own, so a cashier cannot guess managers' PINs
    // through it without limit; it does not lock the managers' own sign-in.
    void managerApprovalLocksAfterFiveWrongPins()
    {
        StaffDirectory staff = directory();
        for (int i = 0; i < 5; ++i)
            QVERIFY(!staff.requireManager(u"1111"));
        QCOMPARE(staff.approvalLockedUntil().value(), m_now.addSecs(5 * 60));
        const auto locked = staff.requireManager(u"4711");
        QVERIFY(!locked);
        QCOMPARE(locked.error().field, QStringLiteral("name"));
        QVERIFY(staff.signIn(QStringLiteral("Alice"), u"4711"));
        QCOMPARE(staff.requireManager(QStringLiteral("Alice"), u"4711").value(),
                 QStringLiteral("Alice"));
        m_now = m_now.addSecs(5 * 60);
        QCOMPARE(staff.requireManager(u"4711").value(), QStringLiteral("Alice"));
    }

    void twoManagersWithOnePinMustGiveTheirName()
    {
        StaffDirectory staff = directory();
        QList<StaffMember> list = team();
        list.append(person("Dave", StaffRole::Manager, "4711"));
        QVERIFY(staff.replace(list));
        const auto approved = staff.requireManager(u"4711");
        QVERIFY(!approved);
        QCOMPARE(approved.error().field, QStringLiteral("name"));
        QCOMPARE(staff.requireManager(QStringLiteral("Dave"), u"4711").value(),
                 QStringLiteral("Dave"));
    }

    void noManagerOnTheList()
    {
        StaffDirectory staff = directory();
        QVERIFY(staff.replace({person("Bob", StaffRole::Cashier, "123456")}));
        const auto approved = staff.requireManager(u"123456");
        QVERIFY(!approved);
        QVERIFY(approved.error().message.contains(QLatin1String("no manager")));
    }

    // A new list replaces the old one whole, and is there after a restart.
    void replacedListSurvivesARestart()
    {
        QVERIFY(directory().replace({person("Bob", StaffRole::Manager, "2468"),
                                     person("Erin", StaffRole::Cashier, "13579")}));
        reopen();
        StaffDirectory staff = directory();
        const auto list = staff.staff();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Bob"));
        QCOMPARE(list->at(0).role, StaffRole::Manager);
        QCOMPARE(list->at(1).name, QStringLiteral("Erin"));
        QVERIFY(!staff.signIn(QStringLiteral("Alice"), u"4711")); // removed on the server
        QVERIFY(!staff.signIn(QStringLiteral("Bob"), u"123456")); // the old PIN
        QVERIFY(staff.signIn(QStringLiteral("Bob"), u"2468"));
        QVERIFY(staff.signIn(QStringLiteral("Erin"), u"13579"));
    }

    void badListChangesNothing_data()
    {
        QTest::addColumn<QList<StaffMember>>("list");
        QTest::addColumn<QString>("field");
        StaffMember noHash = person("Erin", StaffRole::Cashier, "1234");
        noHash.pin.hash.clear();
        QTest::newRow("no hash") << QList<StaffMember>{person("Bob", StaffRole::Cashier, "1234"),
                                                       noHash}
                                 << "staff[1].pin";
        QTest::newRow("blank name")
            << QList<StaffMember>{person(" ", StaffRole::Cashier, "1234")} << "staff[0].name";
        QTest::newRow("twice") << QList<StaffMember>{person("Bob", StaffRole::Cashier, "1234"),
                                                     person("Bob", StaffRole::Manager, "5678")}
                               << "staff[1].name";
    }
    void badListChangesNothing()
    {
        QFETCH(QList<StaffMember>, list);
        QFETCH(QString, field);
        StaffDirectory staff = directory();
        const Status replaced = staff.replace(list);
        QVERIFY(!replaced);
        QCOMPARE(replaced.error().field, field);
        QCOMPARE(staff.staff()->size(), 3);
    }

    void emptyListSignsNobodyIn()
    {
        StaffDirectory staff = directory();
        QVERIFY(staff.replace({}));
        QCOMPARE(staff.staff()->size(), 0);
        QVERIFY(!staff.signIn(QStringLiteral("Alice"), u"4711"));
    }

    // The store holds PIN hashes from now on: only its owner may read it.
    void storeFileIsOwnerOnly()
    {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteGroup | QFileDevice::WriteOther;
        // The store holding the PIN hashes is owner-only from its creation (LocalStore::open).
        QVERIFY(directory().replace(team()));
        QCOMPARE(QFile::permissions(m_path) & others, QFileDevice::Permissions());
        const QString wal = m_path + QStringLiteral("-wal");
        if (QFile::exists(wal))
            QCOMPARE(QFile::permissions(wal) & others, QFileDevice::Permissions());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_files = 0;
    QDateTime m_now;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(tst_StaffDirectory)
#include "tst_staffdirectory.moc"
