#include "receiptnumbers.h"

#include "checks.h"
#include "ids.h"
#include "localstore.h"

namespace stockline {

ReceiptNumbers::ReceiptNumbers(const LocalStore& store, QString terminal)
    : m_store(&store), m_terminal(std::move(terminal))
{
}

Result<ReceiptNumbers> ReceiptNumbers::create(const LocalStore& store, const QString& terminal)
{
    if (Problem bad = checkId(u"terminal", terminal))
        return *bad;
    if (terminal.size() > maxTerminalLength)
        return Error{QStringLiteral("terminal"),
                     QStringLiteral("'%1' has %2 characters; receipt numbers need it to have at "
                                    "most %3, to stay within the 64 characters of an ID")
                         .arg(terminal)
                         .arg(terminal.size())
                         .arg(maxTerminalLength)};
    return ReceiptNumbers(store, terminal);
}

Result<QString> ReceiptNumbers::format(QStringView terminal, qint64 number)
{
    if (number < 1)
        return Error{QStringLiteral("receipt"),
                     QStringLiteral("receipt numbers start at 1, not %1").arg(number)};
    const QString receipt = terminal.toString() + u'-' +
                            QStringLiteral("%1").arg(number, minDigits, 10, QLatin1Char('0'));
    if (!isValidId(receipt))
        return Error{QStringLiteral("receipt"),
                     QStringLiteral("'%1' is not a valid ID (at most 64 characters from "
                                    "A-Z a-z 0-9 . _ : -): terminal %2 has used up its "
                                    "receipt numbers")
                         .arg(receipt, terminal)};
    return receipt;
}

Result<QString> ReceiptNumbers::next(Transaction& tx) const
{
    // Formatted before the counter moves, so an error leaves nothing taken.
    const Result<qint64> previous = last();
    if (!previous)
        return previous.error();
    Result<QString> receipt = format(m_terminal, *previous + 1);
    if (!receipt)
        return receipt;
    const Result<qint64> number = m_store->nextCounter(tx, counterName);
    if (!number)
        return number.error();
    if (*number != *previous + 1)
        return Error{QStringLiteral("receipt"),
                     QStringLiteral("the receipt counter moved during one call")};
    return receipt;
}

Result<qint64> ReceiptNumbers::last() const
{
    return m_store->counter(counterName);
}

} // namespace stockline
