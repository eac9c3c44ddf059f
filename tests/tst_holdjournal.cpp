#include "holdjournal.h"
#include "outboxfixture.h"

#include <QTest>

using namespace stockline;

class tst_HoldJournal : public QObject, protected OutboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openStore()); }
    void cleanup() { closeStore(); }

    void reserve_holdsAtTheTillsLocationForItsTtl()
    {
        HoldJournal journal(*m_outbox, QStringLiteral("store-1"), 900);
        const auto written = journal.record({}, {{QString(), QStringLiteral("A1"), 2}});
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->size(), 1);
        const auto* reserve = std::get_if<ReserveMutation>(&written->first().body);
        QVERIFY(reserve);
        QVERIFY(!reserve->reservation.isEmpty()); // a new id when none is given
        QCOMPARE(reserve->sku, QStringLiteral("A1"));
        QCOMPARE(reserve->location, QStringLiteral("store-1"));
        QCOMPARE(reserve->qty, 2);
        QCOMPARE(reserve->ttl, 900);
        QCOMPARE(m_outbox->entry(written->first().seq).value().kind, QStringLiteral("reserve"));
    }

    void record_writesReleasesFirstInOneGo()
    {
        HoldJournal journal(*m_outbox, QStringLiteral("store-1"), 600);
        const auto written = journal.record({QStringLiteral("old-1"), QStringLiteral("old-2")},
                                            {{QStringLiteral("new-1"), QStringLiteral("A1"), 3}});
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QCOMPARE(written->size(), 3);
        QCOMPARE(std::get<ReleaseMutation>(written->at(0).body).reservation,
                 QStringLiteral("old-1"));
        QCOMPARE(std::get<ReleaseMutation>(written->at(1).body).reservation,
                 QStringLiteral("old-2"));
        QCOMPARE(std::get<ReserveMutation>(written->at(2).body).reservation,
                 QStringLiteral("new-1"));
        QCOMPARE(written->at(0).seq, 1);
        QCOMPARE(written->at(2).seq, 3);
        QCOMPARE(m_outbox->pendingCount().value(), 3);
    }

    void record_isAllOrNothing()
    {
        HoldJournal journal(*m_outbox, QStringLiteral("store-1"), 600);
        const auto refused = journal.record({QStringLiteral("old-1")},
                                            {{QStringLiteral("new-1"), QStringLiteral("A 1"), 1}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QVERIFY(refused.error().field.endsWith(QStringLiteral("sku")));
        QCOMPARE(m_outbox->lastSeq().value(), 0);
    }

    void record_withNothingToDoWritesNothing()
    {
        HoldJournal journal(*m_outbox, QStringLiteral("store-1"), 600);
        const auto written = journal.record({}, {});
        QVERIFY(written);
        QVERIFY(written->isEmpty());
        QCOMPARE(m_outbox->lastSeq().value(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_HoldJournal)
#include "tst_holdjournal.moc"
