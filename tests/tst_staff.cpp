#include "staff.h"

#include <QTest>

using namespace stockline;

class TestStaff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRolesBothWays()
    {
        QCOMPARE(staffRoleName(StaffRole::Cashier), QStringLiteral("cashier"));
        QCOMPARE(staffRoleName(StaffRole::Manager), QStringLiteral("manager"));
        QCOMPARE(staffRoleFromName(u"manager"), StaffRole::Manager);
        QCOMPARE(staffRoleFromName(u"Manager"), std::nullopt);
        QCOMPARE(staffRoleFromName(u"owner"), std::nullopt);
    }

    void validatesNameAndPin_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("withPin");
        QTest::addColumn<QString>("badField");
        QTest::newRow("fine") << QStringLiteral("Alice Smith") << true << QString();
        QTest::newRow("accented") << QStringLiteral("Zoë Ångström") << true << QString();
        QTest::newRow("empty") << QString() << true << QStringLiteral("name");
        QTest::newRow("padded") << QStringLiteral(" Alice") << true << QStringLiteral("name");
        QTest::newRow("control") << QStringLiteral("Al\tice") << true << QStringLiteral("name");
        QTest::newRow("too long") << QString(65, u'a') << true << QStringLiteral("name");
        QTest::newRow("no pin") << QStringLiteral("Alice") << false << QStringLiteral("pin");
    }
    void validatesNameAndPin()
    {
        QFETCH(QString, name);
        QFETCH(bool, withPin);
        QFETCH(QString, badField);
        StaffMember m;
        m.name = name;
        if (withPin)
            m.pin = PinHash::make(u"1234", 1'000).value();
        const std::optional<Error> error = m.validate();
        QCOMPARE(error.has_value(), !badField.isEmpty());
        if (error)
            QCOMPARE(error->field, badField);
    }
};

QTEST_GUILESS_MAIN(TestStaff)
#include "tst_staff.moc"
