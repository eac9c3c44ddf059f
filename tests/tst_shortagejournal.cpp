#include "localstore.h"
#include "outbox.h"
#include "shortagejournal.h"

#include <QTemporaryDir>
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

class tst_ShortageJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = LocalStore::open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_files)));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        m_store = std::move(opened).value();
        m_outbox = std::make_unique<Outbox>(*m_store);
    }
    void cleanup()
    {
        m_outbox.reset();
        m_store.reset();
    }

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

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
};

QTEST_GUILESS_MAIN(tst_ShortageJournal)
#include "tst_shortagejournal.moc"
