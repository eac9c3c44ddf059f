#pragma once

#include "mutation.h"
#include "receipt.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

namespace stockline::print {

// What a printed receipt says, for a sale or a refund: built once when the sale is recorded,
// then shown on screen, printed (EscPosEncoder), or saved (ReceiptPdf) alike.
struct ReceiptDocument
{
    enum class Kind { Sale, Refund };

    struct Line
    {
        QString name;
        QString note; // the weight of a weighed item, …
        qint64 qty = 1;
        Money unitPrice;
        Money discount;
        Money amount; // sale: before discount, tax as the shelf price has it; refund: paid back
        Unit unit = Unit::Each; // qty in g / ml / mm of a measured product, price per kg / l / m
    };

    Kind kind = Kind::Sale;
    QString storeName;
    QString terminal;
    QString staff;      // who rang it up
    QString number;     // the receipt or refund number; also the barcode for returns
    QString saleNumber; // a refund: the sale it refunds
    QDateTime at;
    QList<Line> lines;
    ReceiptTotals totals;
    QList<Payment> payments; // as recorded: change is a negative cash payment
    bool offline = false;
    // Shelf prices include tax (VAT): the total comes first, then net and VAT per rate.
    bool taxIncluded = false;

    [[nodiscard]] static ReceiptDocument forSale(const QList<ReceiptLine>& lines,
                                                 const QStringList& notes);
};

// One printed row: text on the left, an amount on the right edge (or none).
struct ReceiptRow
{
    QString text;
    QString right;
    bool bold = false;
    bool centered = false;
    bool large = false;   // double width and height
    bool barcode = false; // the receipt number as a barcode, not text

    friend bool operator==(const ReceiptRow&, const ReceiptRow&) = default;
};

// The receipt's rows for a paper `width` characters wide (42 on 80 mm paper).
[[nodiscard]] QList<ReceiptRow> layoutReceipt(const ReceiptDocument& receipt,
                                              const QLocale& locale = QLocale(), int width = 42);
// The row as `width` characters at most: the text is cut to leave the amount whole.
[[nodiscard]] QString rowText(const ReceiptRow& row, int width);
// The rows as text, as the on-screen preview shows them.
[[nodiscard]] QString receiptText(const ReceiptDocument& receipt, const QLocale& locale = QLocale(),
                                  int width = 42);

} // namespace stockline::print
