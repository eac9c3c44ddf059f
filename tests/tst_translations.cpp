// The shipped translations are whole: every message of every .ts file under translations/ is
// translated, keeps the source's placeholders, and the .ts files are current — lupdate over
// the sources a clerk's text comes from finds no string they lack. A string added without
// running `update_translations` and translating it fails here (README: "Adding a language").

#include "tsfile.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace stockline::fixtures;

namespace {

const QString sourceDir = QStringLiteral(STOCKLINE_SOURCE_DIR);

// %1, %2, %n and %L1 in a text, as a set.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(1));
    return found;
}

// What is wrong with one message, or nothing.
QString problemWith(const TsMessage& m)
{
    if (!m.type.isEmpty())
        return QStringLiteral("is %1").arg(m.type);
    if (m.forms.isEmpty())
        return QStringLiteral("has no translation");
    for (const QString& form : m.forms) {
        if (form.trimmed().isEmpty())
            return QStringLiteral("has an empty translation");
        QSet<QString> wanted = placeholders(m.source);
        QSet<QString> got = placeholders(form);
        // A plural form may leave out %n ("one item"): Qt fills in the number where it is.
        if (m.numerus) {
            wanted.remove(QStringLiteral("n"));
            got.remove(QStringLiteral("n"));
        }
        if (wanted != got)
            return QStringLiteral("has placeholders %1 in “%2”, the source %3")
                .arg(QStringList(got.begin(), got.end()).join(u','), form,
                     QStringList(wanted.begin(), wanted.end()).join(u','));
    }
    return {};
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shipped_data()
    {
        QTest::addColumn<QString>("ts");
        const QStringList files = QDir(sourceDir + QStringLiteral("/translations"))
                                      .entryList({QStringLiteral("stockline_*.ts")});
        QVERIFY(files.contains(QStringLiteral("stockline_de.ts")));
        QVERIFY(files.contains(QStringLiteral("stockline_es.ts")));
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    // As committed: every message finished, non-empty, with the source's placeholders.
    void shipped()
    {
        QFETCH(QString, ts);
        QString error;
        const QList<TsMessage> messages =
            readTs(sourceDir + QStringLiteral("/translations/") + ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 500);
        QStringList problems;
        for (const TsMessage& m : messages) {
            if (const QString problem = problemWith(m); !problem.isEmpty())
                problems.append(QStringLiteral("%1: “%2” %3").arg(m.context, m.source, problem));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 30).join(u'\n')));
    }

    void current_data() { shipped_data(); }

    // lupdate over the sources adds nothing to a copy of the .ts: no string is missing.
    void current()
    {
        QFETCH(QString, ts);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(ts);
        QVERIFY(QFile::copy(sourceDir + QStringLiteral("/translations/") + ts, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {QStringLiteral("-recursive"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h,qml"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("qml"), QStringLiteral("core"), QStringLiteral("sync/client"),
                       QStringLiteral("sync/protocol"), QStringLiteral("print"),
                       QStringLiteral("app/terminal"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(60'000));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitCode() == 0, qPrintable(output));
        QString error;
        const QList<TsMessage> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const TsMessage& m : messages) {
            if (m.type == QLatin1String("unfinished") && m.forms.join(QString()).isEmpty())
                missing.append(QStringLiteral("%1: “%2”").arg(m.context, m.source));
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in %1 — run `cmake --build --preset ci --target "
                                           "update_translations` and translate:\n")
                                .arg(ts) +
                            missing.mid(0, 30).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
