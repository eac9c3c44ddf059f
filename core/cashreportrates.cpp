#include "cashsession.h"
#include "localstore.h"

#include <QSqlQuery>

namespace stockline {

// The sales' net and tax per tax rate (issue 23: a VAT store's Z lists them), from the tax and
// total each sale line was recorded with.
Status CashSession::addRates(CashReport& report) const
{
    QSqlQuery query = m_store.prepare(QStringLiteral(
        "SELECT l.tax_rate, sum(l.total - l.tax), sum(l.tax) FROM sale_lines l JOIN sales s ON"
        " s.receipt = l.receipt WHERE s.cash_session = ? GROUP BY l.tax_rate"
        " ORDER BY l.tax_rate DESC"));
    query.addBindValue(report.session.id);
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("add up the tax per rate"));
    while (query.next())
        report.salesByRate.append(RateTotals{TaxRate::fromMilliPercent(query.value(0).toInt()),
                                             Money::fromMinor(query.value(1).toLongLong()),
                                             Money::fromMinor(query.value(2).toLongLong())});
    return success();
}

} // namespace stockline
