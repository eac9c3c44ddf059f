#include "receiptnumbers.h"

#include "checks.h"
#include "ids.h"
#include "localstore.h"

#include <QCryptographicHash>
#include <algorithm>

namespace stockline {

ReceiptNumbers::ReceiptNumbers(const LocalStore& store, QString terminal, QString proofKey)
    : m_store(&store), m_terminal(std::move(terminal)), m_proofKey(std::move(proofKey))
{
}

Result<ReceiptNumbers> ReceiptNumbers::create(const LocalStore& store, const QString& terminal,
                                              const QString& proofKey)
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
    return ReceiptNumbers(store, terminal, proofKey);
}

QString ReceiptNumbers::proofKeyOf(const QString& terminal, const QString& token)
{
    // Hashed: the store file must not hold the token itself.
    return QString::fromLatin1(
        QCryptographicHash::hash((terminal + u'\n' + token).toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

Status ReceiptNumbers::adoptServerCounters(const LocalStore& store, qint64 lastReceipt,
                                           qint64 lastRefund, const QString& proofKey)
{
    Transaction tx(store);
    if (!tx.isOpen())
        return tx.status();
    for (const auto& [name, server] : {std::pair{QString(counterName), lastReceipt},
                                       std::pair{QString(refundCounterName), lastRefund}}) {
        const Result<qint64> local = store.counter(name);
        if (!local)
            return local.error();
        if (server > *local) {
            if (const Status set = store.setCounter(tx, name, server); !set)
                return set;
        }
    }
    QSqlQuery proof =
        store.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    proof.addBindValue(QString(proofSetting));
    proof.addBindValue(proofKey);
    if (!proof.exec())
        return LocalStore::sqlError(proof, QStringLiteral("record the receipt numbers' proof"));
    return tx.commit();
}

Status ReceiptNumbers::checkProven(const LocalStore& store, const QString& proofKey)
{
    if (proofKey.isEmpty())
        return success();
    QSqlQuery query = store.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(QString(proofSetting));
    if (!query.exec())
        return LocalStore::sqlError(query, QStringLiteral("read the receipt numbers' proof"));
    if (query.next() && query.value(0).toString() == proofKey)
        return success();
    return Error{QStringLiteral("receipt"),
                 QStringLiteral("This till has not reached the server since it was set up, so "
                                "its receipt numbers cannot be proven unused. Connect it to the "
                                "server once.")};
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
    if (const Status ok = proven(); !ok)
        return ok.error();
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
