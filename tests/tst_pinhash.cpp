#include "pinhash.h"

#include <QTest>

using namespace stockline;

class TestPinHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 7914 section 11 gives PBKDF2-HMAC-SHA256 test vectors.
    void derivesRfc7914TestVectors_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("passwd/salt, 1")
            << QByteArray("passwd") << QByteArray("salt") << 1
            << QByteArray::fromHex(
                   "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b64"
                   "5991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        QTest::newRow("Password/NaCl, 80000")
            << QByteArray("Password") << QByteArray("NaCl") << 80000
            << QByteArray::fromHex(
                   "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a12258335"
                   "49adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }
    void derivesRfc7914TestVectors()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QByteArray, key);
        QCOMPARE(PinHash::pbkdf2Sha256(password, salt, iterations, 64), key);
    }

    void matchesOnlyItsOwnPin()
    {
        const Result<PinHash> h = PinHash::make(u"4711", 2'000);
        QVERIFY(h.ok());
        QVERIFY(h->isValid());
        QVERIFY(h->matches(u"4711"));
        QVERIFY(!h->matches(u"4712"));
        QVERIFY(!h->matches(u"47110"));
        QVERIFY(!h->matches(u""));
    }

    void saltsEveryHashDifferently()
    {
        const Result<PinHash> a = PinHash::make(u"1234", 2'000);
        const Result<PinHash> b = PinHash::make(u"1234", 2'000);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->salt != b->salt);
        QVERIFY(a->hash != b->hash);
    }

    void rejectsPinsThatAreNotFourToTwelveDigits_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("too short") << QStringLiteral("123");
        QTest::newRow("too long") << QStringLiteral("1234567890123");
        QTest::newRow("letters") << QStringLiteral("12a4");
        QTest::newRow("space") << QStringLiteral("12 34");
        QTest::newRow("empty") << QString();
    }
    void rejectsPinsThatAreNotFourToTwelveDigits()
    {
        QFETCH(QString, pin);
        const Result<PinHash> h = PinHash::make(pin);
        QVERIFY(!h.ok());
        QCOMPARE(h.error().field, QStringLiteral("pin"));
    }
};

QTEST_GUILESS_MAIN(TestPinHash)
#include "tst_pinhash.moc"
