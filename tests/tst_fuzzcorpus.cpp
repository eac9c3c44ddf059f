// Every input of a fuzz target's corpus (tests/fuzz/corpus/<target>/), run through that
// target's own checks in the ordinary build: a crash the fuzzer found, once its input is in the
// corpus, stays a regression test of the ci and asan suites, which need no clang. Built once
// per target (FUZZ_TARGET names it), linked with the target's source.

#include <QDir>
#include <QFile>
#include <QTest>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void input_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(QStringLiteral(STOCKLINE_SOURCE_DIR "/tests/fuzz/corpus/" FUZZ_TARGET));
        const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!names.isEmpty(), qPrintable(corpus.path()));
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << corpus.filePath(name);
    }
    // The target aborts on a broken check; a sanitizer stops it on memory errors and
    // undefined behaviour. Either fails this test.
    void input()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray bytes = file.readAll();
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                        static_cast<std::size_t>(bytes.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
