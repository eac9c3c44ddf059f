#include "syncproblemsmodel.h"

#include "client.h"
#include "protocol.h"
#include "transport.h"

#include <QLocale>
#include <algorithm>

namespace stockline::qml {

namespace {

// The kinds of change in a clerk's words.
QString thing(const QString& kind)
{
    if (kind == QLatin1String("sale"))
        return SyncProblemsModel::tr("sale");
    if (kind == QLatin1String("return"))
        return SyncProblemsModel::tr("return");
    if (kind == QLatin1String("reserve"))
        return SyncProblemsModel::tr("stock hold");
    if (kind == QLatin1String("release"))
        return SyncProblemsModel::tr("stock release");
    if (kind == QLatin1String("receive"))
        return SyncProblemsModel::tr("receipt");
    if (kind == QLatin1String("adjust"))
        return SyncProblemsModel::tr("stock adjustment");
    return kind.isEmpty() ? SyncProblemsModel::tr("change") : kind;
}

} // namespace

SyncProblemsModel::SyncProblemsModel(QObject* parent) : QAbstractListModel(parent) {}

int SyncProblemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> SyncProblemsModel::roleNames() const
{
    return {
        {KindRole, "kind"}, {TitleRole, "title"}, {DetailRole, "detail"}, {AdviceRole, "advice"}};
}

QVariant SyncProblemsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncProblem& problem = m_problems.at(index.row());
    switch (role) {
    case KindRole:
        return problem.kind == SyncProblem::Kind::Rejection ? QStringLiteral("rejection")
                                                            : QStringLiteral("shortage");
    case Qt::DisplayRole:
    case TitleRole:
        return problem.title;
    case DetailRole:
        return problem.detail;
    case AdviceRole:
        return problem.advice;
    default:
        return {};
    }
}

int SyncProblemsModel::rejectionCount() const
{
    return static_cast<int>(
        std::count_if(m_problems.cbegin(), m_problems.cend(),
                      [](const auto& p) { return p.kind == SyncProblem::Kind::Rejection; }));
}

void SyncProblemsModel::setProblems(const QList<SyncProblem>& problems)
{
    if (problems == m_problems)
        return;
    const bool sameCount = problems.size() == m_problems.size();
    beginResetModel();
    m_problems = problems;
    endResetModel();
    if (!sameCount)
        Q_EMIT countChanged();
}

void SyncProblemsModel::clearRejections()
{
    Q_EMIT clearRequested();
}

bool SyncProblemsModel::listed(const sync::Rejection& rejection)
{
    // A hold refused for stock is the line's "only N left", not a problem to act on.
    return !(rejection.kind == QLatin1String("reserve") &&
             rejection.code == QLatin1String("insufficient_stock"));
}

SyncProblem SyncProblemsModel::describe(const sync::Rejection& r)
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Rejection;
    p.detail = tr("%1 (%2, change %3)").arg(r.message, r.code).arg(r.seq);
    const QString what = thing(r.kind);
    if (r.kind == QLatin1String("sale") && r.code == QLatin1String("insufficient_stock")) {
        p.title = tr("A sale was sent again as an offline sale");
        p.advice = tr("Nothing to do at the till: the sale is kept and counted. The server had "
                      "less stock than was sold; a manager will see a shortage to check.");
    } else if (r.code == QLatin1String("forbidden")) {
        p.title = tr("The server does not let this till send a %1").arg(what);
        p.advice = tr("Call IT: this till may be enrolled with the wrong role. Everything is "
                      "kept on this till.");
    } else if (r.code == QLatin1String("unknown_sku")) {
        p.title = tr("The server does not know a product in a %1").arg(what);
        p.advice = tr("Keep selling. Tell a manager: the product must be added to the server's "
                      "catalog. The %1 is kept on this till.")
                       .arg(what);
    } else if (r.code == QLatin1String("unknown_location")) {
        p.title = tr("The server does not know this till's location");
        p.advice = tr("Call IT: the till is set up with a wrong location. Everything is kept on "
                      "this till.");
    } else if (r.code == QLatin1String("over_expected")) {
        p.title = tr("A receipt went past what its delivery expects");
        p.advice = tr("Nothing of it was booked: another dock received part of the delivery "
                      "meanwhile. Open the delivery again and receive what is left; more than "
                      "expected needs a manager.");
    } else if (r.code == QLatin1String("unknown_delivery")) {
        p.title = tr("A receipt names a delivery that is no longer open");
        p.advice = tr("Nothing of it was booked. Receive the goods without a delivery, or ask a "
                      "manager about the delivery.");
    } else if (r.code == QLatin1String("version_conflict")) {
        p.title = tr("Stock moved while a shelf was counted");
        p.advice = tr("Nothing was booked: count that line again on the count screen.");
    } else if (r.code == QLatin1String("over_refund")) {
        p.title = tr("A refund was more than was left to refund");
        QStringList left;
        for (const sync::LineAvailability& line : r.lines)
            left.append(
                tr("line %1 (%2): %3 left").arg(line.line).arg(line.sku).arg(line.available));
        if (!left.isEmpty())
            p.detail = tr("Still refundable on the sale: %1. %2")
                           .arg(left.join(QStringLiteral("; ")), p.detail);
        p.advice = tr("Another till refunded the same receipt meanwhile, so the server did not "
                      "take these goods back. Tell a manager: the money went back at this till; "
                      "check the receipt and the drawer.");
    } else if (r.code == sync::Rejection::refundException) {
        p.title = tr("An offline refund went beyond what was left to refund");
        p.advice = tr("The refund is kept: the money went back at this till while the server "
                      "could not be reached, but another till had refunded the same receipt. A "
                      "manager sees it in the store's day under refund exceptions; check the "
                      "receipt and the drawer.");
    } else if (r.code == QLatin1String("insufficient_stock")) {
        p.title = tr("Not enough stock for a %1").arg(what);
        p.advice = tr("Tell a manager: the shelf and the server disagree.");
    } else {
        p.title = tr("The server refused a %1").arg(what);
        p.advice = tr("Call IT and show them this message. The %1 is kept on this till.").arg(what);
    }
    return p;
}

SyncProblem SyncProblemsModel::describe(const sync::Shortage& s, const QString& name,
                                        const QString& terminal)
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Shortage;
    const QString product = name.isEmpty() ? s.sku : tr("%1 (%2)").arg(name, s.sku);
    p.title =
        tr("%1: %n more sold than the stock showed", nullptr, static_cast<int>(s.qty)).arg(product);
    const QString when = QLocale().toString(s.at.toLocalTime(), QLocale::ShortFormat);
    p.detail = s.terminal == terminal
                   ? tr("Sale %1 at this till, %2, at %3").arg(s.sale, when, s.location)
                   : tr("Sale %1 at till %2, %3, at %4").arg(s.sale, s.terminal, when, s.location);
    p.advice = tr("Nothing to do at the till. A manager should count %1 on the shelf and resolve "
                  "the shortage on the server.")
                   .arg(product);
    return p;
}

} // namespace stockline::qml
