// The terminal's screens in each shipped language, right to left, and two things a new clerk
// noticed: the PIN field that read "PIN for" before a name was chosen, and the red "No
// payment — the drawer is closed" banner that stayed up after the drawer was opened.
//
// Each main screen of the till and the dock is shown in German and Spanish: it loads without
// a warning, and no text on it is one the .ts translates while the screen still shows it in
// English. With a right-to-left language (Arabic, for which nothing is translated) every
// layout mirrors: the pay button's pixels move to the other side of the window.

#include "language.h"
#include "notices.h"
#include "posfixture.h"
#include "posscreen.h"
#include "staffdirectory.h"
#include "staffmodel.h"
#include "staffsession.h"
#include "till.h"
#include "tsfile.h"

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Stockline_QmlPlugin)

using namespace stockline;
using namespace stockline::qml;

namespace {

// Every text a person reads on the visible items under `item`: labels, buttons, placeholders.
void collectTexts(QQuickItem* item, QStringList& texts)
{
    if (!item->isVisible())
        return;
    for (const char* property : {"text", "placeholderText", "title"}) {
        const QVariant value = item->property(property);
        if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
            texts.append(value.toString());
    }
    const QList<QQuickItem*> children = item->childItems();
    for (QQuickItem* child : children)
        collectTexts(child, texts);
}

// Where the pay button's green is in the window, as a share of its width (0 left, 1 right).
double greenCentre(const QImage& image, QColor green)
{
    double sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == green.rgb()) {
                sum += x;
                ++count;
            }
        }
    }
    return count == 0 ? -1 : sum / static_cast<double>(count) / image.width();
}

} // namespace

class tst_LanguageScreens : public QObject, private fixtures::PosScreenTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void cleanup()
    {
        if (m_warnings) {
            const QString warnings = finishScreenTest();
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
        }
        m_warnings.reset();
        Language::apply(QStringLiteral("en"));
    }

    void till_data() { languages(); }
    // Every screen of the till, and the sign-in over it, in the language.
    void till()
    {
        QFETCH(QString, language);
        QFETCH(QString, pay);
        QVERIFY(Language::apply(language));
        startScreenTest();
        QVERIFY(m_pos->open());
        QVERIFY(showScreen(QStringLiteral("Main.qml")));
        QVERIFY(m_pos->context().till().addSku(QStringLiteral("DAI-0001")));
        QTRY_VERIFY(
            item(QStringLiteral("payButton"))->property("text").toString().startsWith(pay + u' '));
        for (const char* screen : {"sell", "returns", "parked", "cash", "stock", "exceptions"})
            checkScreen(language, QString::fromLatin1(screen));
        m_pos->context().staff().signOut();
        checkScreen(language, QStringLiteral("sign-in"));
    }

    void dock_data() { languages(); }
    void dock()
    {
        QFETCH(QString, language);
        QVERIFY(Language::apply(language));
        startScreenTest();
        QVERIFY(m_pos->openDock());
        QVERIFY(showScreen(QStringLiteral("DockMain.qml")));
        for (const char* screen : {"deliveries", "receive", "count", "moves", "stock", "shortages"})
            checkScreen(language, QString::fromLatin1(screen));
    }

    // Arabic: no translation, but every layout mirrored. The pay button sits at the right of
    // the sale screen left to right, and at the left right to left.
    void rightToLeft_mirrorsTheSaleScreen()
    {
        const double ltr = payButtonCentre(QStringLiteral("en"));
        const double rtl = payButtonCentre(QStringLiteral("ar"));
        QVERIFY2(ltr > 0.5 && rtl >= 0 && rtl < 0.5,
                 qPrintable(QStringLiteral("pay button at %1 of the width left to right, %2 "
                                           "right to left")
                                .arg(ltr)
                                .arg(rtl)));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
    }

    // The staff list arrives after the screen (a till that just connected): the PIN field
    // names the first person as soon as there is one, and never reads "PIN for " alone.
    void signIn_pinFieldNamesThePerson()
    {
        startScreenTest();
        QVERIFY(m_pos->open());
        StaffDirectory directory(m_pos->context().store());
        const auto all = directory.staff();
        QVERIFY(all && !all->isEmpty());
        QVERIFY(directory.replace({}));
        m_pos->context().staff().reload();
        QVERIFY(showScreen(QStringLiteral("Main.qml")));
        QQuickItem* pin = item(QStringLiteral("pinField"));
        QCOMPARE(pin->property("placeholderText").toString(),
                 QStringLiteral("Choose your name first"));
        QVERIFY(directory.replace(*all));
        m_pos->context().staff().reload();
        const QString first = m_pos->context().staff().people()->nameAt(0);
        QVERIFY(!first.isEmpty());
        QTRY_COMPARE(pin->property("placeholderText").toString(),
                     QStringLiteral("PIN for %1").arg(first));
    }

    // "No payment — the drawer is closed" goes as soon as the drawer is opened with a float.
    void drawerBanner_goesWhenTheDrawerOpens()
    {
        startScreenTest();
        QVERIFY(m_pos->open());
        QVERIFY(showScreen(QStringLiteral("Main.qml")));
        QVERIFY(m_pos->context().till().addSku(QStringLiteral("DAI-0001")));
        QVERIFY(!m_pos->context().till().startPayment());
        QQuickItem* banner = item(QStringLiteral("problemBanner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->property("message").toString().startsWith(QStringLiteral("No payment")));
        QVERIFY(m_pos->openDrawer());
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(m_pos->context().notices().last().isEmpty());
        // Another problem is not taken down by opening the drawer.
        m_pos->context().notices().report(QStringLiteral("Unknown barcode 123"));
        QTRY_VERIFY(banner->isVisible());
        m_pos->context().notices().resolve(Notices::Topic::DrawerClosed);
        QVERIFY(banner->isVisible());
    }

private:
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("pay"); // the pay button's word
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Bezahlen");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Cobrar");
    }

    [[nodiscard]] QQuickItem* item(const QString& name) const
    {
        QQuickItem* found = fixtures::findItem(m_window->contentItem(), name);
        if (!found)
            qWarning() << "no item" << name;
        return found;
    }

    // Shows `screen` ("sign-in": whatever is up) and fails on a text shown in English that
    // the language's .ts translates otherwise.
    void checkScreen(const QString& language, const QString& screen)
    {
        if (screen != QLatin1String("sign-in"))
            QMetaObject::invokeMethod(m_window, "show", Q_ARG(QVariant, screen));
        QTest::qWait(50);
        const QHash<QString, QString> translations = fixtures::translationsOf(
            QStringLiteral(STOCKLINE_SOURCE_DIR "/translations/stockline_%1.ts").arg(language));
        QVERIFY(!translations.isEmpty());
        QStringList texts;
        // The window's root item: the screens and the overlay with any dialog open.
        collectTexts(m_window->contentItem(), texts);
        QStringList english;
        for (const QString& text : std::as_const(texts)) {
            const auto it = translations.constFind(text);
            if (it != translations.constEnd() && *it != text)
                english.append(text);
        }
        QVERIFY2(english.isEmpty(),
                 qPrintable(QStringLiteral("%1 in %2 shows in English: %3")
                                .arg(screen, language, english.join(QStringLiteral(" | ")))));
        QVERIFY(!texts.isEmpty());
    }

    // The sale screen in `language` with a line rung up: where its pay button's green is.
    double payButtonCentre(const QString& language)
    {
        Language::apply(language);
        startScreenTest();
        if (!m_pos->open() || !showScreen(QStringLiteral("Main.qml")) ||
            !m_pos->context().till().addSku(QStringLiteral("DAI-0001")))
            return -1;
        QTest::qWait(100);
        const QImage shot = m_window->grabWindow();
        const QString folder = QStringLiteral(STOCKLINE_BINARY_DIR "/screenshots-language");
        QDir().mkpath(folder);
        shot.save(QStringLiteral("%1/sell-%2.png").arg(folder, language));
        const double centre = greenCentre(shot, QColor(QStringLiteral("#1a7f37")));
        const QString warnings = finishScreenTest();
        m_warnings.reset();
        if (!warnings.isEmpty())
            qWarning().noquote() << warnings;
        return warnings.isEmpty() ? centre : -1;
    }
};

QTEST_MAIN(tst_LanguageScreens)
#include "tst_languagescreens.moc"
