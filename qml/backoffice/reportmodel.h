#pragma once

#include "reportdocument.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace stockline::qml {

// Any table the back office shows: a server report's answer (sync/PROTOCOL.md, `report`:
// columns with a key, a label and a type, rows keyed by column, totals) or one of the back
// office's lists given columns of its own. Cells are texts for the screen (money in the
// locale's currency, percentages, quantities); a row's raw values stay for the editors, the
// chart and the exports. Nothing here knows which report it shows, so a new report needs no
// new client code.
class ReportModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The back office owns its tables")
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY changed)
    Q_PROPERTY(QStringList labels READ labels NOTIFY changed)
    Q_PROPERTY(QStringList totals READ totals NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    // The column the chart draws (the first money column, else the first figure); -1: none.
    Q_PROPERTY(int chartColumn READ chartColumn NOTIFY changed)

public:
    enum Role { ValueRole = Qt::UserRole + 1, NumericRole };
    Q_ENUM(Role)

    struct Column
    {
        QString key;
        QString label;
        QString type; // date, text, money, qty, int, percent (S3)
    };

    explicit ReportModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // A report's answer. False (and the model emptied) when it has no columns or a column no
    // key; a row's missing cell shows empty.
    bool setAnswer(const QJsonObject& answer, const QString& title);
    void setTable(const QList<Column>& columns, const QJsonArray& rows);
    void clear();

    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString subtitle() const { return m_subtitle; }
    [[nodiscard]] QStringList labels() const;
    [[nodiscard]] QStringList totals() const;
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int chartColumn() const;

    Q_INVOKABLE QString text(int row, int column) const;
    // The chart's bar of a row: its label (the first column) and its figure (chartColumn).
    Q_INVOKABLE QString rowLabel(int row) const { return text(row, 0); }
    Q_INVOKABLE double chartValue(int row) const;
    Q_INVOKABLE QJsonObject rowObject(int row) const;
    // Which row has `value` in column `key`; -1 if none.
    Q_INVOKABLE int find(const QString& key, const QString& value) const;
    // An editable list (the reorder suggestions): one row's raw value, its cells updated.
    void setValue(int row, const QString& key, const QJsonValue& value);

    // What CSV and PDF export: the texts as shown, except money and figures in plain digits
    // in the CSV so a spreadsheet reads them as numbers.
    [[nodiscard]] print::ReportDocument document(bool forCsv) const;
    // The path ("file:///…" or a plain path); false and `error` set when it cannot be written.
    Q_INVOKABLE bool exportCsv(const QString& path);
    Q_INVOKABLE bool exportPdf(const QString& path);
    Q_INVOKABLE QString lastError() const { return m_error; }

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] QString format(const QJsonValue& value, const QString& type, bool plain) const;
    [[nodiscard]] bool isNumeric(int column) const;

    QString m_title;
    QString m_subtitle;
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
    QJsonObject m_totals;
    QString m_error;
};

} // namespace stockline::qml
