#include "language.h"

#include "qmllogging.h"
#include "terminalconfig.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <memory>
#include <vector>

namespace stockline::qml {

namespace {

// The translators apply() installed, removed again by the next call.
std::vector<std::unique_ptr<QTranslator>>& installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

void install(const QLocale& locale, const QString& name, const QString& folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), folder))
        return;
    QCoreApplication::installTranslator(translator.get());
    installed().push_back(std::move(translator));
}

} // namespace

bool Language::apply(const QString& language)
{
    if (TerminalConfig::checkLanguage(language))
        return false;
    for (const std::unique_ptr<QTranslator>& translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // English is the source text: no file, and none of another language is loaded instead.
    if (locale.language() != QLocale::English) {
        install(locale, QStringLiteral("stockline"), QStringLiteral(":/i18n"));
        install(locale, QStringLiteral("qt"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    QGuiApplication::setLayoutDirection(locale.textDirection());
    qCInfo(lcQml) << "language" << locale.name() << "with" << installed().size()
                  << "translation(s),"
                  << (locale.textDirection() == Qt::RightToLeft ? "RTL" : "LTR");
    return true;
}

} // namespace stockline::qml
