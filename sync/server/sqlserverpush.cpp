#include "jsonwriter.h"
#include "mutation.h"
#include "serverlogging.h"
#include "sqlserverstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <algorithm>
#include <utility>

namespace stockline::sync {

using namespace sqlstore;

namespace {

ProtocolError protocolError(const QString& code, const QString& message)
{
    ProtocolError error;
    error.code = code;
    error.message = message;
    return error;
}

// The SKUs and locations a mutation names, with the wire field naming each.
struct References
{
    QList<std::pair<QString, QString>> skus;
    QList<std::pair<QString, QString>> locations;
};

template <typename Line>
void addLines(References& refs, const QList<Line>& lines,
              QLatin1StringView name = QLatin1StringView("lines"))
{
    for (qsizetype i = 0; i < lines.size(); ++i)
        refs.skus.append({QStringLiteral("%1[%2].sku").arg(name).arg(i), lines.at(i).sku});
}

References referencesOf(const MutationBody& body)
{
    References refs;
    const auto sku = [&](const QString& value) {
        refs.skus.append({QStringLiteral("sku"), value});
    };
    const auto location = [&](const QString& field, const QString& value) {
        refs.locations.append({field, value});
    };
    if (const auto* m = std::get_if<ReserveMutation>(&body)) {
        sku(m->sku);
        location(QStringLiteral("location"), m->location);
    } else if (const auto* s = std::get_if<SaleMutation>(&body)) {
        addLines(refs, s->lines);
        location(QStringLiteral("location"), s->location);
    } else if (const auto* r = std::get_if<ReturnMutation>(&body)) {
        addLines(refs, r->lines);
        location(QStringLiteral("location"), r->location);
    } else if (const auto* v = std::get_if<ReceiveMutation>(&body)) {
        addLines(refs, v->lines);
        addLines(refs, v->rejected, QLatin1StringView("rejected"));
        location(QStringLiteral("location"), v->location);
    } else if (const auto* c = std::get_if<CountMutation>(&body)) {
        sku(c->sku);
        location(QStringLiteral("location"), c->location);
    } else if (const auto* t = std::get_if<TransferMutation>(&body)) {
        sku(t->sku);
        location(QStringLiteral("from"), t->from);
        location(QStringLiteral("to"), t->to);
    } else if (const auto* a = std::get_if<AdjustMutation>(&body)) {
        sku(a->sku);
        location(QStringLiteral("location"), a->location);
    }
    return refs;
}

} // namespace

// ---- pushes

Result<PushOutcome> SqlServerStore::Writer::applyPush(const PushRequest& push)
{
    if (push.api)
        return applyApiCall(push);
    PushOutcome outcome;
    outcome.connection = push.connection;
    const std::optional<TerminalState> loaded = m_rows->terminal(push.terminal);
    if (!loaded || loaded->revoked) {
        outcome.revoked = loaded.has_value();
        outcome.error = protocolError(QStringLiteral("unauthorized"),
                                      loaded ? QStringLiteral("the terminal has been revoked")
                                             : QStringLiteral("unknown terminal"));
        return outcome;
    }
    TerminalState terminal = *loaded;
    const qint64 firstLastSeq = terminal.lastSeq;
    for (const PushEntry& entry : push.entries) {
        if (entry.seq <= terminal.lastSeq) {
            auto replayed = replay(terminal, entry);
            if (!replayed)
                return replayed.error();
            if (auto* error = std::get_if<ProtocolError>(&replayed.value())) {
                outcome.error = std::move(*error);
                break;
            }
            outcome.results.append(std::get<MutationResult>(std::move(replayed).value()));
        } else if (entry.seq > terminal.lastSeq + 1) {
            ProtocolError gap =
                protocolError(QStringLiteral("sequence_gap"),
                              QStringLiteral("seq %1 skips ahead: the server expects seq %2")
                                  .arg(entry.seq)
                                  .arg(terminal.lastSeq + 1));
            gap.field = QStringLiteral("seq");
            gap.seq = entry.seq;
            gap.expected = terminal.lastSeq + 1;
            outcome.error = gap;
            break;
        } else {
            Result<MutationResult> result = applyEntry(terminal, entry);
            if (!result)
                return result.error();
            outcome.results.append(std::move(result).value());
            terminal.lastSeq = entry.seq;
        }
    }
    // Written with the batch's other rows: last_seq only matters at commit.
    if (terminal.lastSeq != firstLastSeq)
        m_rows->setLastSeq(terminal.id, terminal.lastSeq);
    return outcome;
}

Result<std::variant<MutationResult, ProtocolError>>
SqlServerStore::Writer::replay(const TerminalState& terminal, const PushEntry& entry)
{
    // The seq's result may be one this batch has not written yet.
    if (auto s = m_rows->flush(); !s)
        return s.error();
    static const QString loadResult =
        QStringLiteral("SELECT mutation_id, result FROM results WHERE terminal = ? AND seq = ?");
    RowValues key;
    key << terminal.id << entry.seq;
    bool found = false;
    QString storedId;
    QByteArray json;
    if (auto s = m_sql.rows.exec(loadResult, key, QStringLiteral("read a stored result"),
                                 [&](const RowReader& row) {
                                     found = true;
                                     storedId = row.text(0);
                                     json = row.text(1).toUtf8();
                                 });
        !s)
        return s.error();
    if (found && storedId != entry.id) {
        ProtocolError conflict =
            protocolError(QStringLiteral("sequence_conflict"),
                          QStringLiteral("seq %1 was already applied as mutation %2, not %3")
                              .arg(QString::number(entry.seq), storedId, entry.id));
        conflict.field = QStringLiteral("id");
        conflict.seq = entry.seq;
        return std::variant<MutationResult, ProtocolError>(conflict);
    }
    Result<MutationResult> stored =
        found ? MutationResult::fromJson(QJsonDocument::fromJson(json).object())
              : Result<MutationResult>(Error{QString(), QStringLiteral("is missing")});
    if (!stored) {
        // Storage damage, not the client's fault: answer like a transient failure for this
        // terminal only, and let verify() tell the operator.
        qCWarning(lcServer).noquote()
            << "storage: the result of" << terminal.id << "seq" << entry.seq
            << "cannot be read:" << stored.error().toString();
        ProtocolError damaged = protocolError(
            QStringLiteral("unavailable"),
            QStringLiteral("the server cannot read its result for seq %1").arg(entry.seq));
        damaged.seq = entry.seq;
        return std::variant<MutationResult, ProtocolError>(damaged);
    }
    MutationResult result = std::move(stored).value();
    result.replay = true;
    return std::variant<MutationResult, ProtocolError>(std::move(result));
}

Status SqlServerStore::Writer::precheck(Applying& a, const TerminalState& terminal,
                                        const Mutation& m)
{
    if (const std::optional<Error> problem = m.validate()) {
        a.reject(QStringLiteral("invalid"), problem->toString());
        return success();
    }
    if (!roleMay(terminal.role, m.kind())) {
        a.reject(QStringLiteral("forbidden"), QStringLiteral("a %1 terminal may not send %2")
                                                  .arg(roleName(terminal.role), a.origin.kind));
        return success();
    }
    const References refs = referencesOf(m.body);
    for (const auto& [field, sku] : refs.skus) {
        const Result<bool> known = m_store.productExists(sku);
        if (!known)
            return known.error();
        if (!*known) {
            a.reject(QStringLiteral("unknown_sku"),
                     QStringLiteral("%1: there is no product %2").arg(field, sku));
            return success();
        }
    }
    for (const auto& [field, location] : refs.locations) {
        const Result<bool> known = m_store.locationExists(location);
        if (!known)
            return known.error();
        if (!*known) {
            a.reject(QStringLiteral("unknown_location"),
                     QStringLiteral("%1: there is no location %2").arg(field, location));
            return success();
        }
    }
    return success();
}

Result<MutationResult> SqlServerStore::Writer::applyEntry(const TerminalState& terminal,
                                                          const PushEntry& entry)
{
    Applying a;
    a.origin = Origin{terminal.id, entry.seq, entry.id, QString()};
    a.result.seq = entry.seq;
    if (!entry.mutation.ok()) {
        a.reject(QStringLiteral("invalid"), entry.mutation.error().toString());
    } else {
        const Mutation& m = entry.mutation.value();
        a.origin.kind = kindName(m.kind());
        a.at = m.at;
        if (auto s = precheck(a, terminal, m); !s)
            return s.error();
        Result<bool> storedAlready =
            a.rejected() ? Result<bool>(false) : receiptStoredAlready(a, m);
        if (!storedAlready)
            return storedAlready.error();
        if (!a.rejected() && !*storedAlready) {
            m_inMemory = decidedInMemory(m);
            const Status applied = applyBody(a, m);
            m_inMemory = false;
            if (!applied)
                return applied.error();
            if (!a.rejected())
                keep(a.change);
        }
        if (!a.rejected()) {
            if (auto s = keepReceipt(a); !s)
                return s.error();
        }
    }
    if (auto s = storeResult(a); !s)
        return s.error();
    return a.result;
}

Status SqlServerStore::Writer::applyBody(Applying& a, const Mutation& m)
{
    if (m_inMemory) {
        m_rows->mark();
    } else {
        // The SQL below must see, and may change, the true rows.
        if (auto s = m_rows->drop(); !s)
            return s;
        if (auto s = m_sql.savepoint.run(QStringLiteral("open a savepoint")); !s)
            return s;
    }
    if (auto s = std::visit([&](const auto& body) { return apply(a, body); }, m.body); !s)
        return s;
    if (a.rejected()) {
        if (auto s = undo(a); !s)
            return s;
    }
    if (m_inMemory)
        return success();
    return m_sql.releaseSavepoint.run(QStringLiteral("release a savepoint"));
}

bool SqlServerStore::Writer::decidedInMemory(const Mutation& m)
{
    switch (m.kind()) {
    case MutationKind::Reserve:
    case MutationKind::Release:
    case MutationKind::Sale:
        return true;
    case MutationKind::Return:
        // A refund's lines are decided by conditional updates on the sale's receipt lines.
        return !std::get<ReturnMutation>(m.body).refund.has_value();
    case MutationKind::Receive:
        // Booking against a delivery runs SQL that only a savepoint can take back.
        // So does averaging a cost, over every location's stock.
        return std::get<ReceiveMutation>(m.body).delivery.isEmpty() &&
               std::none_of(std::get<ReceiveMutation>(m.body).lines.cbegin(),
                            std::get<ReceiveMutation>(m.body).lines.cend(),
                            [](const ItemLine& line) { return line.cost.has_value(); });
    default:
        return false;
    }
}

Status SqlServerStore::Writer::storeResult(const Applying& a)
{
    m_rows->appendResult(a.origin.terminal, a.origin.seq, a.origin.mutationId,
                         a.result.toJsonBytes());
    return success();
}

} // namespace stockline::sync
