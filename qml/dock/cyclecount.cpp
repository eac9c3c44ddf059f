#include "cyclecount.h"

#include "catalog.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "notices.h"
#include "productlookup.h"
#include "staffsession.h"
#include "stockreplica.h"

#include <QDateTime>
#include <algorithm>

namespace stockline::qml {

CycleCount::CycleCount(dock::Services services, QObject* parent)
    : QObject(parent), m_services(services), m_lines(new CountModel(this))
{
    connect(&m_services.answers, &DockAnswers::answered, this, &CycleCount::onAnswer);
}

bool CycleCount::load(const QString& location, const QString& prefix)
{
    if (location.isEmpty())
        return report(tr("Choose the location to count."));
    const Result<QList<Product>> products =
        m_services.catalog.withSkuPrefix(prefix.trimmed(), maxLines);
    if (!products)
        return report(tr("The catalog cannot be read: %1").arg(products.error().toString()));
    if (products->isEmpty())
        return report(tr("No product's SKU starts with '%1'.").arg(prefix.trimmed()));
    QList<CountModel::Line> lines;
    for (const Product& product : *products) {
        CountModel::Line line;
        line.sku = product.sku;
        line.name = product.name;
        line.unit = product.unit;
        // A level this terminal never heard of is at version 0 on the server too.
        const auto level = m_services.replica.level(product.sku, location);
        if (level && level->has_value()) {
            line.onHand = (*level)->onHand;
            line.version = (*level)->version;
        }
        lines.append(line);
    }
    if (!restoreAnswers(location, lines))
        return false;
    m_location = location;
    m_prefix = prefix.trimmed();
    m_lines->setLines(lines);
    Q_EMIT loaded();
    return true;
}

// The shelf's counts of the last shift, as booked and answered: a line the server applied
// shows so, one refused for a version conflict asks for a recount again, and one still
// unanswered waits for its answer, even across a restart.
bool CycleCount::restoreAnswers(const QString& location, QList<CountModel::Line>& lines)
{
    const Result<QList<CountRecord>> counts = m_services.journal.countsSince(
        location, QDateTime::currentDateTimeUtc().addSecs(-answersKeptSeconds));
    if (!counts)
        return report(tr("The dock's counts cannot be read: %1").arg(counts.error().toString()));
    for (const CountRecord& record : *counts) {
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const CountModel::Line& l) {
            return l.sku == record.count.sku;
        });
        if (line == lines.end())
            continue;
        line->counted = record.count.counted;
        if (record.status == OutboxEntry::Status::Pending) {
            line->seq = record.seq;
            line->state = CountModel::State::Sent;
            m_services.answers.watch(record.seq);
        } else if (record.status == OutboxEntry::Status::Applied) {
            line->state = CountModel::State::Applied;
        } else if (const std::optional<CountModel::Line> recount = recountOf(record.result)) {
            // The replica may have heard of a newer figure since the conflict.
            if (recount->version > line->version) {
                line->onHand = recount->onHand;
                line->version = recount->version;
            }
            line->counted = -1;
            line->state = CountModel::State::Recount;
            line->message = recountMessage(line->onHand, line->unit);
        } else {
            line->state = CountModel::State::Refused;
            line->message = refusalMessage(record.result);
        }
    }
    return true;
}

std::optional<CountModel::Line> CycleCount::recountOf(const QJsonObject& result)
{
    const QJsonObject level = result.value(QLatin1String("level")).toObject();
    if (result.value(QLatin1String("code")).toString() != QLatin1String("version_conflict") ||
        level.isEmpty())
        return std::nullopt;
    CountModel::Line figure;
    figure.onHand = level.value(QLatin1String("onHand")).toInteger();
    figure.version = level.value(QLatin1String("version")).toInteger();
    return figure;
}

QString CycleCount::recountMessage(qint64 onHand, Unit unit)
{
    return tr("Stock moved while you counted: the server now has %1. Count this line again.")
        .arg(quantityText(onHand, unit));
}

QString CycleCount::refusalMessage(const QJsonObject& result)
{
    return tr("Refused (%1): %2")
        .arg(result.value(QLatin1String("code")).toString(), describe(result));
}

bool CycleCount::setCounted(int row, const QString& typed)
{
    if (row < 0 || row >= m_lines->count())
        return report(tr("Choose a line first."));
    const CountModel::State state = m_lines->line(row).state;
    if (state == CountModel::State::Sent)
        return report(tr("%1 is sent; wait for the server's answer.").arg(m_lines->line(row).sku));
    const Unit unit = m_lines->line(row).unit;
    const Result<qint64> qty = typedQuantity(typed, unit, 0);
    if (!qty)
        return report(isMeasured(unit)
                          ? qty.error().message
                          : tr("'%1' is not a count (a whole number from 0).").arg(typed));
    m_lines->setCounted(row, *qty);
    return true;
}

int CycleCount::submit()
{
    if (!m_services.staff.signedIn()) {
        report(tr("Sign in first."));
        return 0;
    }
    int sent = 0;
    for (int row = 0; row < m_lines->count(); ++row) {
        const CountModel::Line& line = m_lines->line(row);
        if (line.state != CountModel::State::Entered)
            continue;
        const Result<DockRecord> recorded = m_services.journal.record(
            CountMutation{line.sku, m_location, line.counted, line.version},
            m_services.staff.name(), QString());
        if (!recorded) {
            report(tr("The count of %1 could not be saved: %2")
                       .arg(line.sku, recorded.error().toString()));
            break;
        }
        m_services.answers.watch(recorded->seq);
        m_lines->setSent(row, recorded->seq);
        ++sent;
    }
    if (sent == 0 && m_lines->entered() == 0)
        report(tr("Type the count of at least one line first."));
    return sent;
}

void CycleCount::onAnswer(qint64 seq, bool applied, const QJsonObject& result)
{
    const int row = m_lines->rowOfSeq(seq);
    if (row < 0)
        return;
    if (applied) {
        m_lines->setApplied(row);
        return;
    }
    if (const std::optional<CountModel::Line> recount = recountOf(result)) {
        m_lines->setRecount(row, recount->onHand, recount->version,
                            recountMessage(recount->onHand, m_lines->line(row).unit));
        report(tr("%1 moved while it was counted: count that line again.")
                   .arg(m_lines->line(row).sku));
        return;
    }
    const QString message = refusalMessage(result);
    m_lines->setRefused(row, message);
    report(tr("The count of %1 was refused: %2").arg(m_lines->line(row).sku, message));
}

bool CycleCount::report(const QString& message)
{
    m_services.notices.report(message);
    return false;
}

} // namespace stockline::qml
