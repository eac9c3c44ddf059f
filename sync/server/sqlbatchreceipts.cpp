// BatchRows: the receipts a batch reads and stores (sync/PROTOCOL.md, "Receipts on the server").
// A batch learns in one statement which of the receipt numbers it names are stored already, and
// writes the receipts it decided in three multi-row inserts at its flush, like its ledger rows.

#include "sqlbatch.h"
#include "sqlhelpers.h"

namespace stockline::sync::sqlstore {

using namespace Qt::StringLiterals;

namespace {

const QString receiptHeadColumns =
    QStringLiteral("SELECT number, kind, content_hash, terminal, seq, at FROM receipts ");

StoredReceiptHead readHead(const RowReader& q)
{
    return StoredReceiptHead{q.text(1), q.text(2), q.text(3), q.integer(4), q.integer(5)};
}

} // namespace

Status BatchRows::loadReceipts(const QStringList& numbers)
{
    for (const QString& number : numbers)
        m_receipts.insert(number, std::nullopt);
    RowValues values;
    for (const QString& number : numbers)
        values << number;
    const RowShape shape{receiptHeadColumns + QStringLiteral("WHERE number IN ("),
                         QStringLiteral("?"), QStringLiteral(")"), 1,
                         receiptHeadColumns + QStringLiteral("WHERE number = ANY (?::text[])")};
    if (auto s = m_rows.run(shape, values, QStringLiteral("read stored receipts"),
                            [&](const RowReader& q) { m_receipts[q.text(0)] = readHead(q); });
        !s)
        return s;
    // `sale <> ''` lets the planner use the partial index receipts_sale: without it both
    // SQLite and PostgreSQL scan every receipt, once per batch.
    const QString waiting = QStringLiteral("SELECT DISTINCT sale FROM receipts WHERE kind = "
                                           "'refund' AND sale <> '' AND sale ");
    const RowShape refunds{waiting + QStringLiteral("IN ("), QStringLiteral("?"),
                           QStringLiteral(")"), 1, waiting + QStringLiteral("= ANY (?::text[])")};
    return m_rows.run(refunds, values, QStringLiteral("read refunds stored before their sale"),
                      [&](const RowReader& q) { m_refundsWaiting.insert(q.text(0)); });
}

Status BatchRows::loadCosts(const QStringList& skus)
{
    RowValues values;
    for (const QString& sku : skus) {
        if (!m_costs.contains(sku))
            values << sku;
    }
    const QString columns = QStringLiteral("SELECT sku, cost FROM products WHERE sku ");
    const RowShape shape{columns + QStringLiteral("IN ("), QStringLiteral("?"), QStringLiteral(")"),
                         1, columns + QStringLiteral("= ANY (?::text[])")};
    return m_rows.run(shape, values, QStringLiteral("read product costs"),
                      [&](const RowReader& q) { m_costs.insert(q.text(0), q.integer(1)); });
}

Result<std::optional<StoredReceiptHead>> BatchRows::receipt(const QString& number)
{
    if (const auto it = m_receipts.constFind(number); it != m_receipts.cend())
        return *it;
    // Not named when the batch was loaded: ask the database.
    if (auto s = loadReceipts({number}); !s)
        return s.error();
    return m_receipts.value(number);
}

void BatchRows::addReceipt(const ReceiptRecord& r, qint64 recordedAt)
{
    m_receipts.insert(r.number, StoredReceiptHead{r.kind, r.contentHash, r.terminal, r.seq, r.at});
    m_receiptRows << r.number << r.kind << r.terminal << r.seq << r.location << r.staff
                  << r.cashSession << r.sale << r.offline << r.at << recordedAt << r.net.minor()
                  << r.tax.minor() << r.total.minor() << r.contentHash;
    for (const ReceiptRecordLine& l : r.lines) {
        const ReceiptEntry& e = l.entry;
        m_receiptLineRows << r.number << l.line << e.sku << e.name << e.qty << unitName(e.unit)
                          << e.unitPrice.minor() << e.discount.minor() << e.taxRate.milliPercent()
                          << e.tax.minor() << e.total.minor();
        if (e.listPrice)
            m_receiptLineRows << e.listPrice->minor();
        else
            m_receiptLineRows.appendNull();
        // The cost at the time of sale (a refund's: when it is stored); an unknown SKU's is 0.
        m_receiptLineRows << e.approvedBy << l.saleLine << m_costs.value(e.sku);
    }
    m_rollups.add(r, [this](const QString& sku) { return m_costs.value(sku); });
    for (qsizetype n = 0; n < r.payments.size(); ++n) {
        const Payment& p = r.payments.at(n);
        m_receiptPaymentRows << r.number << n + 1 << p.method << p.amount.minor() << p.reference;
    }
}

void BatchRows::raiseCounters(const QString& terminal, qint64 receipt, qint64 refund)
{
    if (receipt <= 0 && refund <= 0)
        return;
    std::pair<qint64, qint64>& counters = m_counters[terminal];
    counters.first = std::max(counters.first, receipt);
    counters.second = std::max(counters.second, refund);
}

Status BatchRows::flushReceipts()
{
    static const RowShape receipts = insertRows(
        "receipts"_L1, "number text, kind text, terminal text, seq bigint, location text, "
                       "staff text, cash_session text, sale text, offline integer, at bigint, "
                       "recorded_at bigint, net bigint, tax bigint, total bigint, "
                       "content_hash text"_L1);
    static const RowShape lines = insertRows(
        "receipt_lines"_L1, "receipt text, line integer, sku text, name text, qty bigint, "
                            "unit text, unit_price bigint, discount bigint, tax_rate integer, "
                            "tax bigint, total bigint, list_price bigint, approved_by text, "
                            "sale_line integer, cost bigint"_L1);
    static const RowShape payments =
        insertRows("receipt_payments"_L1,
                   "receipt text, n integer, method text, amount bigint, reference text"_L1);
    if (auto s = m_rows.run(receipts, m_receiptRows, QStringLiteral("store receipts")); !s)
        return s;
    if (auto s = m_rows.run(lines, m_receiptLineRows, QStringLiteral("store receipt lines")); !s)
        return s;
    if (auto s =
            m_rows.run(payments, m_receiptPaymentRows, QStringLiteral("store receipt payments"));
        !s)
        return s;
    if (auto s = m_rollups.flush(m_rows); !s)
        return s;
    m_receiptRows.clear();
    m_receiptLineRows.clear();
    m_receiptPaymentRows.clear();
    return success();
}

} // namespace stockline::sync::sqlstore
