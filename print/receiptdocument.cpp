#include "receiptdocument.h"

#include "moneytext.h"

#include <QCoreApplication>
#include <algorithm>

namespace stockline::print {

namespace {

// lupdate files a bare tr() in this namespace under "stockline::print": the same context here,
// or the translation is never found.
QString tr(const char* text)
{
    return QCoreApplication::translate("stockline::print", text);
}

QString columns(const QString& left, const QString& right, int width)
{
    const qsizetype room = std::max<qsizetype>(0, width - right.size() - 1);
    const QString cut = left.left(room);
    const qsizetype gap = std::max<qsizetype>(1, width - cut.size() - right.size());
    return cut + QString(gap, u' ') + right;
}

ReceiptRow plain(const QString& text, const QString& right = {})
{
    ReceiptRow row;
    row.text = text;
    row.right = right;
    return row;
}

ReceiptRow centered(const QString& text, bool emphasis = false)
{
    ReceiptRow row;
    row.text = text;
    row.centered = true;
    row.bold = emphasis;
    row.large = emphasis;
    return row;
}

QString paymentLabel(const Payment& payment, bool refund)
{
    const bool cash = payment.method == QLatin1String("cash");
    if (!refund && cash && payment.amount < Money())
        return tr("Change");
    if (payment.method == QLatin1String("rounding"))
        return tr("Cash rounding");
    QString label = cash                                      ? tr("Cash")
                    : payment.method == QLatin1String("card") ? tr("Card")
                                                              : payment.method;
    if (!payment.reference.isEmpty())
        label += QStringLiteral(" ") + payment.reference;
    return refund ? tr("Refund %1").arg(label) : label;
}

void addHeader(QList<ReceiptRow>& rows, const ReceiptDocument& receipt, const QLocale& locale)
{
    rows.append(centered(receipt.storeName, true));
    if (receipt.kind == ReceiptDocument::Kind::Refund)
        rows.append(centered(tr("REFUND"), true));
    rows.append(centered(tr("Receipt %1").arg(receipt.number)));
    if (!receipt.saleNumber.isEmpty())
        rows.append(centered(tr("for sale %1").arg(receipt.saleNumber)));
    rows.append(centered(tr("%1  terminal %2")
                             .arg(locale.toString(receipt.at.toLocalTime(), QLocale::ShortFormat),
                                  receipt.terminal)));
    if (!receipt.staff.isEmpty())
        rows.append(centered(tr("Served by %1").arg(receipt.staff)));
}

void addLines(QList<ReceiptRow>& rows, const ReceiptDocument& receipt, const QLocale& locale)
{
    for (const ReceiptDocument::Line& line : receipt.lines) {
        rows.append(plain(line.name, moneyText(line.amount, locale)));
        // "0.532 kg x 2.99/kg": a weighed line always says what was weighed.
        if (line.qty != 1 || isMeasured(line.unit))
            rows.append(plain(QStringLiteral("  %1 x %2")
                                  .arg(quantityText(line.qty, line.unit, locale),
                                       unitPriceText(line.unitPrice, line.unit, locale))));
        if (!line.note.isEmpty())
            rows.append(plain(QStringLiteral("  ") + line.note));
        if (line.discount > Money())
            rows.append(
                plain(QStringLiteral("  ") + tr("Discount"), moneyText(-line.discount, locale)));
    }
}

// A VAT receipt: what the total contains, per rate ("VAT 19% on 16.72", 3.18), and the net.
void addTaxIncluded(QList<ReceiptRow>& rows, const ReceiptDocument& receipt, const QLocale& locale)
{
    for (const RateTotals& rate : receipt.totals.rates)
        rows.append(
            plain(tr("VAT %1% on %2").arg(rate.rate.toString(), moneyText(rate.net, locale)),
                  moneyText(rate.tax, locale)));
    rows.append(plain(tr("Total without VAT"), moneyText(receipt.totals.net, locale)));
}

void addTotals(QList<ReceiptRow>& rows, const ReceiptDocument& receipt, const QLocale& locale)
{
    const bool refund = receipt.kind == ReceiptDocument::Kind::Refund;
    if (!refund && !receipt.taxIncluded) {
        rows.append(plain(tr("Subtotal"), moneyText(receipt.totals.net, locale)));
        rows.append(plain(tr("Tax"), moneyText(receipt.totals.tax, locale)));
    }
    ReceiptRow total =
        plain(refund ? tr("REFUND") : tr("TOTAL"), moneyText(receipt.totals.total, locale));
    total.bold = true;
    total.large = true;
    rows.append(total);
    for (const Payment& payment : receipt.payments) {
        const Money shown = !refund && payment.amount < Money() ? -payment.amount : payment.amount;
        rows.append(plain(paymentLabel(payment, refund), moneyText(shown, locale)));
    }
    if (!refund && receipt.taxIncluded)
        addTaxIncluded(rows, receipt, locale);
}

} // namespace

ReceiptDocument ReceiptDocument::forSale(const QList<ReceiptLine>& lines, const QStringList& notes)
{
    ReceiptDocument receipt;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ReceiptLine& l = lines.at(i);
        receipt.lines.append(
            Line{l.name, notes.value(i), l.qty, l.unitPrice, l.discount, l.gross(), l.unit});
    }
    receipt.totals = totalsOf(lines);
    receipt.taxIncluded = std::any_of(lines.cbegin(), lines.cend(),
                                      [](const ReceiptLine& l) { return l.taxIncluded; });
    return receipt;
}

QList<ReceiptRow> layoutReceipt(const ReceiptDocument& receipt, const QLocale& locale, int width)
{
    QList<ReceiptRow> rows;
    const ReceiptRow rule = plain(QString(width, u'-'));
    addHeader(rows, receipt, locale);
    rows.append(rule);
    addLines(rows, receipt, locale);
    rows.append(rule);
    addTotals(rows, receipt, locale);
    rows.append(rule);
    if (receipt.offline)
        rows.append(centered(tr("Offline sale: stock not yet confirmed")));
    ReceiptRow barcode = centered(receipt.number);
    barcode.barcode = true;
    rows.append(barcode);
    rows.append(centered(receipt.kind == ReceiptDocument::Kind::Sale
                             ? tr("Keep this receipt for returns. Thank you!")
                             : tr("Thank you!")));
    return rows;
}

QString rowText(const ReceiptRow& row, int width)
{
    if (row.right.isEmpty())
        return row.text.left(width);
    return columns(row.text, row.right, width);
}

QString receiptText(const ReceiptDocument& receipt, const QLocale& locale, int width)
{
    QStringList text;
    for (const ReceiptRow& row : layoutReceipt(receipt, locale, width)) {
        QString line = rowText(row, width);
        if (row.barcode)
            line = QStringLiteral("|| ||| | ||  %1  || | ||| ||").arg(row.text).left(width);
        if (row.centered)
            line = QString((width - line.size()) / 2, u' ') + line;
        text.append(line);
    }
    return text.join(u'\n');
}

} // namespace stockline::print
