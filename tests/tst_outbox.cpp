#include "outboxfixture.h"
#include "outboxnotifier.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace stockline;

namespace {

Mutation release(const QString& reservation)
{
    Mutation mutation;
    mutation.body = ReleaseMutation{reservation};
    return mutation;
}

QJsonObject applied(qint64 seq)
{
    return QJsonObject{{QStringLiteral("seq"), seq},
                       {QStringLiteral("status"), QStringLiteral("applied")}};
}

QJsonObject rejected(qint64 seq, qint64 available)
{
    return QJsonObject{{QStringLiteral("seq"), seq},
                       {QStringLiteral("status"), QStringLiteral("rejected")},
                       {QStringLiteral("code"), QStringLiteral("insufficient_stock")},
                       {QStringLiteral("available"), available}};
}

QList<qint64> seqsOf(const QList<OutboxEntry>& entries)
{
    QList<qint64> seqs;
    for (const OutboxEntry& entry : entries)
        seqs.append(entry.seq);
    return seqs;
}

} // namespace

class tst_Outbox : public QObject, protected OutboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openStore()); }
    void cleanup() { closeStore(); }

    void append_numbersFromOneWithoutGaps()
    {
        QCOMPARE(m_outbox->lastSeq().value(), 0);
        for (qint64 expected = 1; expected <= 5; ++expected) {
            const auto appended = m_outbox->appendNow(release(QStringLiteral("r%1").arg(expected)));
            QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));
            QCOMPARE(appended->seq, expected);
        }
        QCOMPARE(m_outbox->lastSeq().value(), 5);
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{1, 2, 3, 4, 5}));
    }

    void append_givesEachEntryANewUuid()
    {
        QSet<QString> ids;
        for (int i = 0; i < 20; ++i) {
            const auto appended = m_outbox->appendNow(release(QStringLiteral("r")));
            QVERIFY(appended);
            QVERIFY(!QUuid::fromString(appended->id).isNull());
            QVERIFY(!appended->id.startsWith(u'{'));
            ids.insert(appended->id);
            QCOMPARE(m_outbox->entry(appended->seq)->id, appended->id);
        }
        QCOMPARE(ids.size(), 20);
    }

    void append_keepsAGivenIdAndTime()
    {
        Mutation mutation = release(QStringLiteral("r1"));
        mutation.id = QStringLiteral("my-id-1");
        mutation.at = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        const auto appended = m_outbox->appendNow(mutation);
        QVERIFY(appended);
        QCOMPARE(appended->id, mutation.id);
        QCOMPARE(appended->at, mutation.at);
        QCOMPARE(m_outbox->entry(1)->createdAt, mutation.at);
    }

    void append_stampsTheCurrentUtcTimeWhenNoneGiven()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const auto appended = m_outbox->appendNow(release(QStringLiteral("r1")));
        QVERIFY(appended);
        QCOMPARE(appended->at.timeSpec(), Qt::UTC);
        QVERIFY(appended->at >= before);
        QVERIFY(appended->at <= QDateTime::currentDateTimeUtc());
    }

    void append_storesTheWireObjectOfTheNumberedMutation()
    {
        const auto appended = m_outbox->appendNow(release(QStringLiteral("r1")));
        QVERIFY(appended);
        const auto entry = m_outbox->entry(appended->seq);
        QVERIFY(entry);
        QCOMPARE(entry->kind, QStringLiteral("release"));
        QCOMPARE(entry->payload, appended->toJson());
        QCOMPARE(entry->payload.value(QLatin1String("seq")).toInteger(), 1);
        QCOMPARE(entry->status, OutboxEntry::Status::Pending);
        QVERIFY(entry->result.isEmpty());
    }

    void append_rolledBackByTheCallerLeavesNoEntryAndNoSeqUsed()
    {
        {
            Transaction tx(*m_store);
            const auto appended = m_outbox->append(tx, release(QStringLiteral("r1")));
            QVERIFY(appended);
            QCOMPARE(appended->seq, 1);
        }
        QCOMPARE(m_outbox->lastSeq().value(), 0);
        QCOMPARE(m_outbox->pendingCount().value(), 0);
        QVERIFY(!m_outbox->entry(1));
        QCOMPARE(m_outbox->appendNow(release(QStringLiteral("r2")))->seq, 1);
    }

    void append_invalidMutationIsRejectedWithNothingWritten()
    {
        Transaction tx(*m_store);
        const auto invalid = m_outbox->append(tx, release(QString()));
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().field, QStringLiteral("reservation"));
        // The caller's transaction is still good and the seq was not used.
        const auto valid = m_outbox->append(tx, release(QStringLiteral("r1")));
        QVERIFY(valid);
        QCOMPARE(valid->seq, 1);
        QVERIFY(tx.commit());
        QCOMPARE(m_outbox->lastSeq().value(), 1);
        QCOMPARE(m_outbox->pendingCount().value(), 1);
    }

    void append_duplicateIdIsRejectedWithNothingWritten()
    {
        Mutation mutation = release(QStringLiteral("r1"));
        mutation.id = QStringLiteral("same");
        QVERIFY(m_outbox->appendNow(mutation));
        const auto again = m_outbox->appendNow(mutation);
        QVERIFY(!again);
        QCOMPARE(again.error().field, QStringLiteral("id"));
        QCOMPARE(m_outbox->lastSeq().value(), 1);
    }

    void append_givesTimeOrderedVersion7Ids()
    {
        QString previous;
        for (int i = 0; i < 50; ++i) {
            const auto appended = m_outbox->appendNow(release(QStringLiteral("r")));
            QVERIFY(appended);
            // xxxxxxxx-xxxx-7xxx-[89ab]xxx-xxxxxxxxxxxx (Qt 6.4's QUuid knows versions 1-5 only)
            QVERIFY(!QUuid::fromString(appended->id).isNull());
            QCOMPARE(appended->id.at(14), u'7');
            QVERIFY(QStringLiteral("89ab").contains(appended->id.at(19)));
            // The first 48 bits are milliseconds: later entries never sort before earlier ones.
            QVERIFY2(appended->id.left(13) >= previous.left(13), qPrintable(appended->id));
            previous = appended->id;
        }
    }

    void appendAll_numbersABatchInOrder()
    {
        Transaction tx(*m_store);
        QList<Mutation> batch;
        for (int i = 0; i < 300; ++i)
            batch.append(release(QStringLiteral("r%1").arg(i)));
        const auto appended = m_outbox->appendAll(tx, batch);
        QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));
        QVERIFY(tx.commit());
        QCOMPARE(appended->size(), 300);
        QCOMPARE(appended->first().seq, 1);
        QCOMPARE(appended->last().seq, 300);
        QCOMPARE(m_outbox->lastSeq().value(), 300);
        const auto entry = m_outbox->entry(42);
        QCOMPARE(entry->payload.value(QStringLiteral("reservation")).toString(),
                 QStringLiteral("r41"));
    }

    void appendAll_oneInvalidMutationWritesNoneAndNamesIt()
    {
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("first"))));
        Transaction tx(*m_store);
        QList<Mutation> batch{release(QStringLiteral("a")), release(QStringLiteral("b")),
                              release(QStringLiteral("bad id"))};
        const auto appended = m_outbox->appendAll(tx, batch);
        QVERIFY(!appended);
        QCOMPARE(appended.error().field, QStringLiteral("mutations[2].reservation"));
        QVERIFY(tx.commit());
        QCOMPARE(m_outbox->lastSeq().value(), 1);
        QCOMPARE(m_outbox->pendingCount().value(), 1);
    }

    void appendAll_duplicateIdInsideTheBatchWritesNone()
    {
        Transaction tx(*m_store);
        Mutation a = release(QStringLiteral("a"));
        a.id = QStringLiteral("twice");
        const auto appended = m_outbox->appendAll(tx, {a, release(QStringLiteral("b")), a});
        QVERIFY(!appended);
        QCOMPARE(appended.error().field, QStringLiteral("id"));
        QVERIFY(tx.commit());
        QCOMPARE(m_outbox->lastSeq().value(), 0);
        QCOMPARE(m_outbox->pendingCount().value(), 0);
    }

    void append_needsAnOpenTransaction()
    {
        Transaction tx(*m_store);
        QVERIFY(tx.commit());
        QVERIFY(!m_outbox->append(tx, release(QStringLiteral("r1"))));
        QCOMPARE(m_outbox->lastSeq().value(), 0);
    }

    void pending_returnsUnansweredEntriesInSeqOrder()
    {
        for (int i = 1; i <= 5; ++i)
            QVERIFY(m_outbox->appendNow(release(QStringLiteral("r%1").arg(i))));
        {
            Transaction tx(*m_store);
            QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1)));
            QVERIFY(m_outbox->recordResult(tx, 2, QStringLiteral("rejected"), rejected(2, 0)));
            QVERIFY(tx.commit());
        }
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{3, 4, 5}));
        QCOMPARE(seqsOf(m_outbox->pending(2).value()), (QList<qint64>{3, 4}));
        QCOMPARE(seqsOf(m_outbox->pending(100, 3).value()), (QList<qint64>{4, 5}));
        QCOMPARE(m_outbox->pendingCount().value(), 3);
        QCOMPARE(m_outbox->oldestPendingAt().value(), m_outbox->entry(3)->createdAt);
        QVERIFY(!m_outbox->pending(0));
    }

    void oldestPendingAt_isInvalidWhenNothingIsPending()
    {
        QVERIFY(!m_outbox->oldestPendingAt()->isValid());
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("r1"))));
        QVERIFY(m_outbox->oldestPendingAt()->isValid());
    }

    void recordResult_storesStatusAndResult()
    {
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("r1"))));
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("rejected"), rejected(1, 3)));
        QVERIFY(tx.commit());
        const auto entry = m_outbox->entry(1);
        QCOMPARE(entry->status, OutboxEntry::Status::Rejected);
        QCOMPARE(entry->result, rejected(1, 3));
    }

    void recordResult_sameResultAgainIsAcceptedEvenAsReplay()
    {
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("r1"))));
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1)));
        QJsonObject replay = applied(1);
        replay.insert(QStringLiteral("replay"), true);
        QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), replay));
        QVERIFY(tx.commit());
        QCOMPARE(m_outbox->entry(1)->result, applied(1));
    }

    void recordResult_differentResultIsRefusedAndTheFirstKept()
    {
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("r1"))));
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("rejected"), rejected(1, 0)));
        const Status changed = m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1));
        QVERIFY(!changed);
        QCOMPARE(changed.error().field, QStringLiteral("result"));
        QVERIFY(!m_outbox->recordResult(tx, 1, QStringLiteral("rejected"), rejected(1, 7)));
        QVERIFY(tx.commit());
        QCOMPARE(m_outbox->entry(1)->result, rejected(1, 0));
    }

    void recordResult_refusesUnknownSeqStatusOrMismatch()
    {
        QVERIFY(m_outbox->appendNow(release(QStringLiteral("r1"))));
        Transaction tx(*m_store);
        QCOMPARE(m_outbox->recordResult(tx, 9, QStringLiteral("applied"), applied(9)).error().field,
                 QStringLiteral("seq"));
        QCOMPARE(m_outbox->recordResult(tx, 1, QStringLiteral("done"), {}).error().field,
                 QStringLiteral("status"));
        QCOMPARE(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(2)).error().field,
                 QStringLiteral("seq"));
        QCOMPARE(
            m_outbox->recordResult(tx, 1, QStringLiteral("rejected"), applied(1)).error().field,
            QStringLiteral("status"));
        QCOMPARE(m_outbox->entry(1)->status, OutboxEntry::Status::Pending);
    }

    void continueAfter_renumbersPendingEntriesAfterTheServersLastSeq()
    {
        QList<QString> ids;
        for (int i = 1; i <= 3; ++i)
            ids.append(m_outbox->appendNow(release(QStringLiteral("r%1").arg(i)))->id);
        const auto renumbered = m_outbox->continueAfter(41);
        QVERIFY2(renumbered, qPrintable(renumbered ? QString() : renumbered.error().toString()));
        QCOMPARE(*renumbered, 3);
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{42, 43, 44}));
        for (int i = 0; i < 3; ++i) {
            const auto entry = m_outbox->entry(42 + i);
            QCOMPARE(entry->id, ids.at(i));
            QCOMPARE(entry->payload.value(QLatin1String("seq")).toInteger(), 42 + i);
        }
        QVERIFY(!m_outbox->entry(1));
        QCOMPARE(m_outbox->lastSeq().value(), 44);
        QCOMPARE(m_outbox->appendNow(release(QStringLiteral("r4")))->seq, 45);
    }

    void continueAfter_keepsAnsweredEntriesAndOverlappingNumbersWork()
    {
        for (int i = 1; i <= 5; ++i)
            QVERIFY(m_outbox->appendNow(release(QStringLiteral("r%1").arg(i))));
        {
            Transaction tx(*m_store);
            QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1)));
            QVERIFY(tx.commit());
        }
        // Pending 2..5 become 3..6: each new number is an old one.
        QCOMPARE(m_outbox->continueAfter(2).value(), 4);
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{3, 4, 5, 6}));
        QCOMPARE(m_outbox->entry(1)->status, OutboxEntry::Status::Applied);
        QVERIFY(!m_outbox->entry(2));
        QCOMPARE(m_outbox->lastSeq().value(), 6);
    }

    void continueAfter_doesNothingWhenAlreadyContinuing()
    {
        for (int i = 1; i <= 3; ++i)
            QVERIFY(m_outbox->appendNow(release(QStringLiteral("r%1").arg(i))));
        QCOMPARE(m_outbox->continueAfter(0).value(), 0);
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{1, 2, 3}));
        QCOMPARE(m_outbox->lastSeq().value(), 3);
    }

    void continueAfter_withNothingPendingMovesTheCounter()
    {
        QCOMPARE(m_outbox->continueAfter(41).value(), 0);
        QCOMPARE(m_outbox->lastSeq().value(), 41);
        QCOMPARE(m_outbox->appendNow(release(QStringLiteral("r1")))->seq, 42);
    }

    void continueAfter_refusesAServerBehindItsOwnAnswers()
    {
        for (int i = 1; i <= 3; ++i)
            QVERIFY(m_outbox->appendNow(release(QStringLiteral("r%1").arg(i))));
        {
            Transaction tx(*m_store);
            QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1)));
            QVERIFY(m_outbox->recordResult(tx, 2, QStringLiteral("applied"), applied(2)));
            QVERIFY(tx.commit());
        }
        const auto refused = m_outbox->continueAfter(1);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("lastSeq"));
        QCOMPARE(seqsOf(m_outbox->pending(100).value()), (QList<qint64>{3}));
        QVERIFY(!m_outbox->continueAfter(-1));
    }

    // Whoever writes, the client hears of it once per commit, and only after the commit.
    void notifier_saysOncePerCommittedWrite()
    {
        QSignalSpy changed(&m_store->outboxNotifier(), &OutboxNotifier::changed);
        {
            Transaction tx(*m_store);
            QVERIFY(m_outbox->append(tx, release(QStringLiteral("a"))));
            QVERIFY(m_outbox->append(tx, release(QStringLiteral("b"))));
            QCOMPARE(changed.count(), 0);
            QVERIFY(tx.commit());
        }
        QCOMPARE(changed.count(), 1);
        // Another Outbox on the same store is heard too.
        QVERIFY(Outbox(*m_store).appendNow(release(QStringLiteral("c"))));
        QCOMPARE(changed.count(), 2);
        Transaction tx(*m_store);
        QVERIFY(m_outbox->recordResult(tx, 1, QStringLiteral("applied"), applied(1)));
        QVERIFY(tx.commit());
        QCOMPARE(changed.count(), 3);
    }
    void notifier_saysNothingWithoutACommittedWrite()
    {
        QSignalSpy changed(&m_store->outboxNotifier(), &OutboxNotifier::changed);
        {
            Transaction rolledBack(*m_store);
            QVERIFY(m_outbox->append(rolledBack, release(QStringLiteral("a"))));
        }
        {
            Transaction refused(*m_store);
            QVERIFY(!m_outbox->append(refused, release(QStringLiteral("not an id"))));
            QVERIFY(refused.commit());
        }
        {
            Transaction unrelated(*m_store);
            QVERIFY(unrelated.commit());
        }
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_outbox->lastSeq().value(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
