#include "receiptrecord.h"

#include <QCryptographicHash>

namespace stockline::sync {

namespace {

// The canonical content, fed to SHA-256 field by field in a fixed order, each text
// length-prefixed: no JSON is built on the hot path, and no two contents read alike.
class Canon
{
public:
    void integer(qint64 value)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char*>(&value), sizeof value));
    }
    void text(const QString& value)
    {
        const QByteArray utf8 = value.toUtf8();
        integer(utf8.size());
        m_hash.addData(utf8);
    }
    void money(Money value) { integer(value.minor()); }
    void payments(const QList<Payment>& payments)
    {
        integer(payments.size());
        for (const Payment& p : payments) {
            text(p.method);
            money(p.amount);
            text(p.reference);
        }
    }
    [[nodiscard]] QString hex() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

void feed(Canon& c, const SaleMutation& s)
{
    c.text(QStringLiteral("sale"));
    c.text(s.sale);
    c.text(s.location);
    c.text(s.staff);
    c.integer(s.lines.size());
    for (const SaleLine& l : s.lines) { // without `reservation`
        c.text(l.sku);
        c.integer(l.qty);
        c.money(l.price);
    }
    c.payments(s.payments);
    c.integer(s.receipt ? 1 : 0);
    if (!s.receipt)
        return;
    const ReceiptContent& r = *s.receipt;
    c.text(r.cashSession);
    // Only when not the sales-tax default: receipts stored before issue 23 keep their hash.
    if (r.taxRule != TaxRule())
        c.text(QStringLiteral("tax %1 %2")
                   .arg(r.taxRule.pricesIncludeTax ? 1 : 0)
                   .arg(r.taxRule.rounding == TaxRounding::Receipt ? 1 : 0));
    c.integer(r.lines.size());
    for (const ReceiptEntry& e : r.lines) {
        c.text(e.sku);
        c.text(e.name);
        c.integer(e.qty);
        c.integer(static_cast<qint64>(e.unit));
        c.money(e.unitPrice);
        c.money(e.discount);
        c.integer(e.taxRate.milliPercent());
        c.money(e.tax);
        c.money(e.total);
        c.integer(e.listPrice ? 1 : 0);
        c.money(e.listPrice.value_or(Money()));
        c.text(e.approvedBy);
    }
    c.money(r.net);
    c.money(r.tax);
    c.money(r.total);
}

void feed(Canon& c, const ReturnMutation& back)
{
    c.text(QStringLiteral("return"));
    c.text(back.returnId);
    c.text(back.location);
    c.text(back.sale);
    c.integer(back.lines.size());
    for (const ItemLine& l : back.lines) {
        c.text(l.sku);
        c.integer(l.qty);
    }
    c.integer(back.refund ? 1 : 0);
    if (!back.refund)
        return;
    const RefundContent& r = *back.refund;
    c.text(r.staff);
    c.text(r.approvedBy);
    c.text(r.cashSession);
    c.integer(r.lines.size());
    for (const RefundEntry& e : r.lines) {
        c.integer(e.line);
        c.text(e.sku);
        c.integer(e.qty);
        c.money(e.amount);
        c.money(e.tax);
    }
    c.payments(r.payments);
    c.money(r.total);
}

} // namespace

QString receiptContentHash(const Mutation& m)
{
    Canon c;
    if (const auto* sale = std::get_if<SaleMutation>(&m.body))
        feed(c, *sale);
    else if (const auto* back = std::get_if<ReturnMutation>(&m.body))
        feed(c, *back);
    return c.hex();
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
