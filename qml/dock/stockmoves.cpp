#include "stockmoves.h"

#include "catalog.h"
#include "dockanswers.h"
#include "dockjournal.h"
#include "notices.h"
#include "productlookup.h"
#include "staffsession.h"

namespace stockline::qml {

StockMoves::StockMoves(dock::Services services, QObject* parent)
    : QObject(parent), m_services(services)
{
    connect(&m_services.answers, &DockAnswers::answered, this, &StockMoves::onAnswer);
}

QStringList StockMoves::reasons()
{
    return {QStringLiteral("damage"), QStringLiteral("shrinkage"), QStringLiteral("found")};
}

std::optional<Product> StockMoves::productFor(const QString& code)
{
    const Result<std::optional<Product>> product = lookUpProduct(m_services.catalog, code);
    if (!product) {
        report(tr("The catalog cannot be read: %1").arg(product.error().toString()));
        return std::nullopt;
    }
    if (!product->has_value()) {
        report(tr("'%1' is not in the catalog.").arg(code.trimmed()));
        return std::nullopt;
    }
    return **product;
}

bool StockMoves::transfer(const QString& code, const QString& from, const QString& to,
                          const QString& typed)
{
    if (from.isEmpty() || to.isEmpty() || from == to)
        return report(tr("Choose two different locations to move stock between."));
    const std::optional<Product> product = productFor(code);
    if (!product)
        return false;
    const Result<qint64> qty = typedQuantity(typed, product->unit, 1);
    if (!qty)
        return report(qty.error().message);
    return book(TransferMutation{{}, product->sku, from, to, *qty},
                tr("Transfer of %1 × %2 from %3 to %4")
                    .arg(quantityText(*qty, product->unit), product->sku, from, to));
}

bool StockMoves::adjust(const QString& code, const QString& location, const QString& reason,
                        const QString& typed, const QString& note)
{
    if (!reasons().contains(reason))
        return report(tr("Choose why: %1.").arg(reasons().join(QStringLiteral(", "))));
    if (location.isEmpty())
        return report(tr("Choose the location."));
    const std::optional<Product> product = productFor(code);
    if (!product)
        return false;
    const Result<qint64> qty = typedQuantity(typed, product->unit, 1);
    if (!qty)
        return report(qty.error().message);
    const qint64 delta = reason == QLatin1String("found") ? *qty : -*qty;
    const QString why =
        note.trimmed().isEmpty() ? reason : reason + QStringLiteral(": ") + note.trimmed();
    return book(AdjustMutation{product->sku, location, delta, why.left(maxTextLength)},
                tr("Adjustment of %1 by %2 at %3 (%4)")
                    .arg(product->sku, quantityText(delta, product->unit), location, reason));
}

bool StockMoves::book(MutationBody body, const QString& what)
{
    if (!m_services.staff.signedIn())
        return report(tr("Sign in first."));
    const Result<DockRecord> recorded =
        m_services.journal.record(std::move(body), m_services.staff.name(), QString());
    if (!recorded)
        return report(tr("%1 could not be saved: %2").arg(what, recorded.error().toString()));
    m_services.answers.watch(recorded->seq);
    m_sent.insert(recorded->seq, what);
    m_lastMessage = tr("%1 booked.").arg(what);
    Q_EMIT lastMessageChanged();
    return true;
}

void StockMoves::watch(const DockRecord& record)
{
    const QString what =
        std::holds_alternative<TransferMutation>(record.mutation.body)
            ? tr("Transfer %1").arg(record.id)
            : tr("Adjustment of %1").arg(std::get<AdjustMutation>(record.mutation.body).sku);
    m_sent.insert(record.seq, what);
    m_services.answers.watch(record.seq);
}

void StockMoves::onAnswer(qint64 seq, bool applied, const QJsonObject& result)
{
    const QString what = m_sent.take(seq);
    if (what.isEmpty() || applied)
        return;
    const QString code = result.value(QLatin1String("code")).toString();
    if (code == QLatin1String("insufficient_stock"))
        report(tr("%1 was refused: only %2 available there. Nothing was moved; count the "
                  "shelf.")
                   .arg(what)
                   .arg(result.value(QLatin1String("available")).toInteger()));
    else
        report(tr("%1 was refused (%2): %3").arg(what, code, describe(result)));
}

bool StockMoves::report(const QString& message)
{
    m_services.notices.report(message);
    return false;
}

} // namespace stockline::qml
