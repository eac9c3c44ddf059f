#include "receiptrecord.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stockline::sync {

QString receiptContentHash(const Mutation& m)
{
    QJsonObject body = m.toJson();
    for (const char* key : {"offline", "seq", "id", "at"})
        body.remove(QLatin1StringView(key));
    QJsonArray lines = body.value(QLatin1StringView("lines")).toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonObject line = lines.at(i).toObject();
        line.remove(QLatin1StringView("reservation"));
        lines[i] = line;
    }
    body.insert(QLatin1StringView("lines"), lines);
    // QJsonObject keeps its keys sorted: the compact text is canonical.
    const QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

namespace {

ReceiptRecord head(const QString& terminal, const Mutation& m, const QString& number,
                   QLatin1StringView kind)
{
    ReceiptRecord r;
    r.number = number;
    r.kind = kind;
    r.terminal = terminal;
    r.seq = m.seq;
    r.at = m.at.toMSecsSinceEpoch();
    r.contentHash = receiptContentHash(m);
    return r;
}

} // namespace

ReceiptRecord saleReceipt(const QString& terminal, const Mutation& m, const SaleMutation& sale)
{
    ReceiptRecord r = head(terminal, m, sale.sale, saleKind);
    r.location = sale.location;
    r.staff = sale.staff;
    r.offline = sale.offline;
    r.payments = sale.payments;
    if (sale.receipt) {
        r.cashSession = sale.receipt->cashSession;
        r.net = sale.receipt->net;
        r.tax = sale.receipt->tax;
        r.total = sale.receipt->total;
        for (qsizetype i = 0; i < sale.receipt->lines.size(); ++i)
            r.lines.append({i + 1, sale.receipt->lines.at(i), 0});
        return r;
    }
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine& line = sale.lines.at(i);
        ReceiptEntry e;
        e.sku = line.sku;
        e.qty = line.qty;
        e.unitPrice = line.price;
        e.total = line.price * line.qty;
        r.net += e.total;
        r.lines.append({i + 1, e, 0});
    }
    r.total = r.net;
    return r;
}

std::optional<ReceiptRecord> refundReceipt(const QString& terminal, const Mutation& m,
                                           const ReturnMutation& back)
{
    if (!back.refund)
        return std::nullopt;
    const RefundContent& refund = *back.refund;
    ReceiptRecord r = head(terminal, m, back.returnId, refundKind);
    r.location = back.location;
    r.staff = refund.staff;
    r.cashSession = refund.cashSession;
    r.sale = back.sale;
    r.offline = back.offline;
    r.payments = refund.payments;
    r.total = refund.total;
    for (qsizetype i = 0; i < refund.lines.size(); ++i) {
        const RefundEntry& line = refund.lines.at(i);
        ReceiptEntry e;
        e.sku = line.sku;
        e.qty = line.qty;
        e.tax = line.tax;
        e.total = line.amount;
        e.approvedBy = refund.approvedBy;
        r.tax += line.tax;
        r.lines.append({i + 1, e, line.line});
    }
    r.net = r.total - r.tax;
    return r;
}

qint64 receiptCounter(const QString& terminal, const QString& number, bool refund)
{
    const QString prefix = terminal + (refund ? QStringLiteral("-R") : QStringLiteral("-"));
    if (!number.startsWith(prefix) || number.size() == prefix.size() ||
        number.size() - prefix.size() > 15)
        return 0;
    qint64 value = 0;
    for (const QChar c : QStringView(number).sliced(prefix.size())) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return 0;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace stockline::sync
