#include "outboxfixture.h"
#include "shortagejournal.h"

#include <QTest>

using namespace stockline;

namespace {

ResolveMutation loss(qint64 shortage)
{
    ResolveMutation m;
    m.shortage = shortage;
    m.resolution = ResolveMutation::Resolution::Loss;
    return m;
}

} // namespace

class tst_ShortageJournal : public QObject, protected OutboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openStore()); }
    void cleanup() { closeStore(); }

    void resolve_queuesTheApprovedResolution()
    {
        ResolveMutation recount = loss(7);
        recount.resolution = ResolveMutation::Resolution::Recount;
        recount.counted = 4;
        recount.expectedVersion = 12;
        recount.staff = QStringLiteral("Alex");
        const auto written = ShortageJournal(*m_outbox).resolve(recount, QStringLiteral("Mona"));
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        const auto& stored = std::get<ResolveMutation>(written->body);
        QCOMPARE(stored.staff, QStringLiteral("Alex"));
        QCOMPARE(stored.approvedBy, QStringLiteral("Mona"));
        QCOMPARE(stored.counted, 4);
        const OutboxEntry entry = m_outbox->entry(written->seq).value();
        QCOMPARE(entry.kind, QStringLiteral("resolve"));
        QCOMPARE(entry.payload.value(QStringLiteral("approvedBy")).toString(),
                 QStringLiteral("Mona"));
    }

    void resolve_byTheApproverWhenNoOneElseIsNamed()
    {
        const auto written = ShortageJournal(*m_outbox).resolve(loss(3), QStringLiteral("Mona"));
        QVERIFY(written);
        QCOMPARE(std::get<ResolveMutation>(written->body).staff, QStringLiteral("Mona"));
    }

    void resolve_refusesABadOneAndWritesNothing()
    {
        const auto refused = ShortageJournal(*m_outbox).resolve(loss(0), QStringLiteral("Mona"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("shortage"));
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(m_outbox->lastSeq().value(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ShortageJournal)
#include "tst_shortagejournal.moc"
