#pragma once

#include <QAbstractListModel>
#include <QDate>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace stockline::sync {
class Client;
struct DayReply;
} // namespace stockline::sync

namespace stockline::qml {

// One list of the store's day, as rows of ready-made texts: a label and up to three figures.
class DayRows : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The day view owns its lists")

public:
    enum Role { LabelRole = Qt::UserRole + 1, FirstRole, SecondRole, ThirdRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Each row: the label, then the figures.
    void setRows(const QList<QStringList>& rows);

private:
    QList<QStringList> m_rows;
};

// The manager's view of the store's whole day, from the server's day report (sync/PROTOCOL.md,
// `day`): takings by till, by payment method and by tax rate, drawers still open and tills
// not heard from since (their sales may still come). Only the server knows the day, so
// without one (or offline) it says so.
class DayView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The cash drawer owns the day view")
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString dateText READ dateText NOTIFY changed)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QStringList openDrawers READ openDrawers NOTIFY changed)
    Q_PROPERTY(QStringList notHeard READ notHeard NOTIFY changed)
    Q_PROPERTY(QString openDrawersText READ openDrawersText NOTIFY changed)
    Q_PROPERTY(QString notHeardText READ notHeardText NOTIFY changed)
    Q_PROPERTY(stockline::qml::DayRows* tills READ tills CONSTANT)
    Q_PROPERTY(stockline::qml::DayRows* tenders READ tenders CONSTANT)
    Q_PROPERTY(stockline::qml::DayRows* taxRates READ taxRates CONSTANT)

public:
    explicit DayView(QObject* parent = nullptr);

    void setServer(sync::Client* client);
    // Asks the server for `date` ("2026-12-07"; empty: today). False, with `error` set, when
    // the date is no date or the server cannot be asked.
    Q_INVOKABLE bool load(const QString& date = {});

    [[nodiscard]] bool loading() const { return !m_request.isEmpty(); }
    [[nodiscard]] QString dateText() const;
    [[nodiscard]] QString summaryText() const { return m_summary; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QStringList openDrawers() const { return m_openDrawers; }
    [[nodiscard]] QStringList notHeard() const { return m_notHeard; }
    [[nodiscard]] QString openDrawersText() const;
    [[nodiscard]] QString notHeardText() const;
    [[nodiscard]] DayRows* tills() const { return m_tills; }
    [[nodiscard]] DayRows* tenders() const { return m_tenders; }
    [[nodiscard]] DayRows* taxRates() const { return m_taxRates; }

Q_SIGNALS:
    void changed();

private:
    void onDay(const sync::DayReply& reply);
    void show(const QJsonObject& report);
    void fail(const QString& error);

    QPointer<sync::Client> m_server;
    QString m_request;
    QDate m_date;
    QString m_summary;
    QString m_error;
    QStringList m_openDrawers;
    QStringList m_notHeard;
    DayRows* m_tills;
    DayRows* m_tenders;
    DayRows* m_taxRates;
};

} // namespace stockline::qml
