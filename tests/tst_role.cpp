#include "role.h"

#include <QTest>

using namespace stockline;
using namespace stockline::sync;

Q_DECLARE_METATYPE(stockline::sync::Role)
Q_DECLARE_METATYPE(stockline::MutationKind)

class TestRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mayOnlySendTheKindsOfItsRole_data();
    void mayOnlySendTheKindsOfItsRole();
    void namesRoundTrip_data();
    void namesRoundTrip();
    void unknownNamesAreNoRole_data();
    void unknownNamesAreNoRole();
};

namespace {

struct Row
{
    const char* kind;
    MutationKind value;
    bool pos;
    bool receiving;
    bool channel;
    bool manager;
};

// PROTOCOL.md's role table, written out for every kind so a change shows up as a failing row.
constexpr Row table[] = {
    {"reserve", MutationKind::Reserve, true, false, true, true},
    {"release", MutationKind::Release, true, false, true, true},
    {"sale", MutationKind::Sale, true, false, true, true},
    {"return", MutationKind::Return, true, false, true, true},
    {"receive", MutationKind::Receive, false, true, false, true},
    {"count", MutationKind::Count, false, true, false, true},
    {"transfer", MutationKind::Transfer, false, true, false, true},
    {"adjust", MutationKind::Adjust, false, true, false, true},
    {"approval", MutationKind::Approval, true, true, false, true},
};

} // namespace

void TestRole::mayOnlySendTheKindsOfItsRole_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<MutationKind>("kind");
    QTest::addColumn<bool>("allowed");
    for (const Row& row : table) {
        QTest::addRow("pos %s", row.kind) << Role::Pos << row.value << row.pos;
        QTest::addRow("receiving %s", row.kind) << Role::Receiving << row.value << row.receiving;
        QTest::addRow("channel %s", row.kind) << Role::Channel << row.value << row.channel;
        QTest::addRow("manager %s", row.kind) << Role::Manager << row.value << row.manager;
    }
}

void TestRole::mayOnlySendTheKindsOfItsRole()
{
    QFETCH(Role, role);
    QFETCH(MutationKind, kind);
    QFETCH(bool, allowed);
    QCOMPARE(roleMay(role, kind), allowed);
}

void TestRole::namesRoundTrip_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("name");
    QTest::newRow("pos") << Role::Pos << QStringLiteral("pos");
    QTest::newRow("receiving") << Role::Receiving << QStringLiteral("receiving");
    QTest::newRow("channel") << Role::Channel << QStringLiteral("channel");
    QTest::newRow("manager") << Role::Manager << QStringLiteral("manager");
}

void TestRole::namesRoundTrip()
{
    QFETCH(Role, role);
    QFETCH(QString, name);
    QCOMPARE(roleName(role), name);
    QCOMPARE(roleFromName(name), std::optional<Role>(role));
}

void TestRole::unknownNamesAreNoRole_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << QStringLiteral("POS");
    QTest::newRow("padded") << QStringLiteral(" pos");
    QTest::newRow("admin") << QStringLiteral("admin");
}

void TestRole::unknownNamesAreNoRole()
{
    QFETCH(QString, name);
    QVERIFY(!roleFromName(name).has_value());
}

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"
