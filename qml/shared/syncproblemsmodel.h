#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace stockline::sync {
struct Rejection;
struct Shortage;
} // namespace stockline::sync

namespace stockline::qml {

// One thing about the sync a clerk should know, in words a clerk understands: what happened,
// the detail (for IT or a manager), and what to do about it.
struct SyncProblem
{
    enum class Kind { Rejection, Shortage };
    Kind kind = Kind::Rejection;
    QString title;
    QString detail;
    QString advice;

    friend bool operator==(const SyncProblem&, const SyncProblem&) = default;
};

// What the server refused of this till's changes (sync::Client::rejections) and the open
// shortage exceptions of the store (sync::Client::shortages), for the sync bar's panel.
// A refused stock hold for lack of stock is not listed: its line says "only N left".
class SyncProblemsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The sync status owns its problems")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int rejectionCount READ rejectionCount NOTIFY countChanged)

public:
    enum Role { KindRole = Qt::UserRole + 1, TitleRole, DetailRole, AdviceRole };
    Q_ENUM(Role)

    explicit SyncProblemsModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_problems.size()); }
    [[nodiscard]] int rejectionCount() const;
    [[nodiscard]] const QList<SyncProblem>& problems() const { return m_problems; }

    // Rejections first, newest first; then shortages.
    void setProblems(const QList<SyncProblem>& problems);

    // The words for one rejection; nullopt-like empty title when it is not listed.
    [[nodiscard]] static SyncProblem describe(const sync::Rejection& rejection);
    // `name`: the product's name, or empty; `terminal`: this till's id.
    [[nodiscard]] static SyncProblem describe(const sync::Shortage& shortage, const QString& name,
                                              const QString& terminal);
    [[nodiscard]] static bool listed(const sync::Rejection& rejection);

    // The clerk has read the refusals: the till forgets them (shortages stay until a manager
    // resolves them on the server).
    Q_INVOKABLE void clearRejections();

Q_SIGNALS:
    void countChanged();
    void clearRequested();

private:
    QList<SyncProblem> m_problems;
};

} // namespace stockline::qml
