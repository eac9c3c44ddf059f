#pragma once

// A Qt Linguist .ts file as the translation tests read it: every message with its context,
// source, translation (the first form of a plural) and whether it is finished.

#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

namespace stockline::fixtures {

struct TsMessage
{
    QString context;
    QString source;
    QStringList forms; // the translation, one per plural form (one for most)
    QString type;      // "" (finished), "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

// The messages of `path`, or an error in `error`.
inline QList<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{context, {}, {}, {}, false};
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.forms.append(xml.readElementText());
        } else if (name == u"numerusform") {
            message.forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error =
            QStringLiteral("%1 line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// English source text -> its translation, for every finished message of `path`.
inline QHash<QString, QString> translationsOf(const QString& path)
{
    QString error;
    QHash<QString, QString> map;
    const QList<TsMessage> messages = readTs(path, &error);
    for (const TsMessage& m : messages) {
        if (m.type.isEmpty() && !m.forms.isEmpty())
            map.insert(m.source, m.forms.constFirst());
    }
    return map;
}

} // namespace stockline::fixtures
