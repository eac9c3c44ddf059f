#include "till.h"

#include "approvals.h"
#include "cashsession.h"
#include "catalog.h"
#include "escposencoder.h"
#include "moneytext.h"
#include "notices.h"
#include "parkedmodel.h"
#include "parkedsales.h"
#include "paymentmodel.h"
#include "qmllogging.h"
#include "receiptpdf.h"
#include "receiptprinter.h"
#include "returnsmodel.h"
#include "salejournal.h"
#include "searchmodel.h"
#include "staffsession.h"
#include "stockholds.h"
#include "stockreplica.h"
#include "syncstatus.h"

#include <QDir>
#include <QRegularExpression>
#include <algorithm>

namespace stockline::qml {

namespace {

// "3*", "3 * ", "12*4006381333931", "0.532*" (kg of a weighed item): a quantity of at most
// seven digits, perhaps with decimals, then the rest.
const QRegularExpression& quantityPrefix()
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,7}(?:[.,]\\d*)?|[.,]\\d+)\\s*[*]\\s*(.*)$"));
    return re;
}

bool isWhole(const QString& typed)
{
    return !typed.contains(u'.') && !typed.contains(u',');
}

} // namespace

Till::Till(Services services, Settings settings, QObject* parent)
    : QObject(parent), m_services(services), m_settings(std::move(settings)),
      m_cart(new CartModel(this)),
      m_search(new SearchModel(services.catalog, services.replica, services.notices, this)),
      m_payment(new PaymentModel(this)),
      m_parked(new ParkedModel(services.parked, services.notices, this)),
      m_returns(new ReturnsModel(services.returns, services.cash, services.notices,
                                 ReturnsModel::Context{m_settings.storeName, m_settings.terminal,
                                                       m_settings.location, services.staff.name()},
                                 this)),
      m_holds(new StockHolds(*m_cart, services.outbox, services.notices,
                             StockHolds::Settings{m_settings.location, m_settings.holdSeconds},
                             this))
{
    m_cart->setLocation(m_settings.location);
    m_search->setLocation(m_settings.location);
    m_cart->setOnline(services.sync.online());
    m_holds->setConnected(services.sync.online());
    connect(&services.sync, &SyncStatus::changed, this, [this] {
        m_cart->setOnline(m_services.sync.online());
        m_holds->setConnected(m_services.sync.online());
    });
    connect(m_returns, &ReturnsModel::refunded, this,
            [this](const print::ReceiptDocument& receipt) {
                showReceipt(receipt);
                Q_EMIT refundCompleted();
            });
    connect(&services.printer, &print::ReceiptPrinter::failed, &services.notices, &Notices::report);
    connect(&services.staff, &StaffSession::signedInChanged, this,
            [this] { m_returns->setStaff(m_services.staff.name()); });
    restoreSaleInProgress();
    connect(m_cart, &CartModel::changed, this, &Till::saveSaleInProgress);
    connect(m_cart, &CartModel::changed, m_holds, &StockHolds::cartChanged);
}

void Till::setStoreSettings(const StoreSettings& settings)
{
    m_cart->setTaxRule(settings.tax);
    m_payment->setCashRounding(settings.cashRounding);
}

Till::~Till() = default;

bool Till::report(const QString& message)
{
    m_services.notices.report(message);
    return false;
}

void Till::setPendingQuantity(const QString& typed)
{
    if (typed == m_pendingText)
        return;
    m_pendingText = typed;
    Q_EMIT pendingQuantityChanged();
}

std::optional<QString> Till::takeQuantity(const std::optional<QString>& typed)
{
    std::optional<QString> qty = typed;
    if (!qty && !m_pendingText.isEmpty())
        qty = m_pendingText;
    setPendingQuantity(QString());
    return qty;
}

QString Till::submit(const QString& text, int burst, int picked)
{
    if (m_paying)
        return text;
    // "3*" applies to what follows, typed or scanned: strip it first.
    QString rest = text;
    std::optional<QString> typedQty;
    if (const QRegularExpressionMatch match = quantityPrefix().match(text); match.hasMatch()) {
        typedQty = match.captured(1);
        rest = match.captured(2);
    }
    const bool scanned = burst > 0;
    const qsizetype scanLength = std::min<qsizetype>(burst, rest.size());
    const QString kept = scanned ? rest.left(rest.size() - scanLength) : QString();
    const QString code = (scanned ? rest.right(scanLength) : rest).trimmed();
    if (typedQty && code.isEmpty()) {
        // "3*" alone: the next item comes 3 times; "0.532*": the next weighed item is 0.532 kg.
        const Result<qint64> qty =
            parseQuantity(*typedQty, isWhole(*typedQty) ? Unit::Each : Unit::Kilogram);
        if (!qty) {
            report(qty.error().message);
            return {};
        }
        if (isWhole(*typedQty) && (*qty < 1 || *qty > maxQuantity)) {
            report(tr("A quantity is a whole number from 1 to %1.").arg(maxQuantity));
            return {};
        }
        setPendingQuantity(*typedQty);
        return {};
    }
    if (code.isEmpty())
        return kept;
    if (const std::optional<Found> found = findExact(code, scanned)) {
        addProduct(*found, takeQuantity(typedQty));
        return kept;
    }
    if (scanned)
        return kept;
    if (picked >= 0 && picked < m_search->count()) {
        addProduct(Found{m_search->product(picked), std::nullopt}, takeQuantity(typedQty));
        return {};
    }
    report(tr("Nothing found for “%1”.").arg(code));
    return text;
}

std::optional<Till::Found> Till::findExact(const QString& code, bool reportUnknown)
{
    const Result<ScannedCode> scanned = Barcode::parse(code);
    if (scanned) {
        const auto product = m_services.catalog.byBarcode(scanned->lookupCode);
        if (!product) {
            report(tr("The catalog cannot be read: %1").arg(product.error().toString()));
            return std::nullopt;
        }
        if (product->has_value())
            return Found{**product, *scanned};
        if (reportUnknown)
            report(tr("Unknown barcode %1: not in the catalog.").arg(code));
        return std::nullopt;
    }
    if (reportUnknown) {
        report(tr("Unreadable barcode: %1").arg(scanned.error().message));
        return std::nullopt;
    }
    const auto product = m_services.catalog.bySku(code.toUpper());
    if (product && product->has_value())
        return Found{**product, std::nullopt};
    return std::nullopt;
}

qint64 Till::availableHere(const QString& sku) const
{
    const auto level = m_services.replica.level(sku, m_settings.location);
    return level && level->has_value() ? (*level)->available() : -1;
}

CartModel::Line Till::lineFor(const Found& found, qint64 qty, bool explicitQty) const
{
    const Product& product = found.product;
    CartModel::Line line;
    line.receipt = ReceiptLine{product.sku, product.name,    qty,       product.price,
                               Money(),     product.taxRate, QString(), product.unit};
    // One weighing is one line: the next one is weighed (and held) on its own.
    line.mergeable = !explicitQty && !isMeasured(product.unit);
    line.available = availableHere(product.sku);
    if (!found.code)
        return line;
    switch (found.code->kind) {
    case ScannedCode::Kind::Plain:
        break;
    case ScannedCode::Kind::PriceEmbedded:
        line.note = tr("price from label");
        line.mergeable = false;
        if (!isMeasured(product.unit)) {
            line.receipt.unitPrice = found.code->price;
            break;
        }
        // quantityFor chose the grams that cost the label's price; any cents over come off.
        if (const auto fit = quantityForPrice(found.code->price, product.price))
            line.lineDiscount = fit->discount;
        break;
    case ScannedCode::Kind::WeightEmbedded:
        line.mergeable = false;
        if (isMeasured(product.unit))
            break; // qty is the label's grams at the price per kg
        // A product still sold `each` (not yet converted to kg): the label's weight times
        // the price, as one unit, so the money is right even though the stock is not.
        line.receipt.unitPrice =
            Money::fromMinor(divideHalfEven(product.price.minor() * found.code->grams, 1000));
        line.note = tr("%1 × %2").arg(quantityText(found.code->grams, Unit::Kilogram),
                                      print::unitPriceText(product.price, Unit::Kilogram));
        break;
    }
    return line;
}

Result<qint64> Till::quantityFor(const Found& found, const std::optional<QString>& typed) const
{
    const Product& product = found.product;
    const auto outOfRange = [&product](qint64 qty) {
        return Error{QStringLiteral("qty"),
                     isMeasured(product.unit)
                         ? tr("%1 of %2 is not from %3 to %4.")
                               .arg(quantityText(qty, product.unit), product.name,
                                    quantityText(1, product.unit),
                                    quantityText(maxQuantity, product.unit))
                         : tr("A quantity is a whole number from 1 to %1.").arg(maxQuantity)};
    };
    const bool label = found.code && found.code->kind != ScannedCode::Kind::Plain;
    if (isMeasured(product.unit) && label) {
        if (typed)
            return Error{QStringLiteral("qty"),
                         tr("A weighed label is one item: scan each label on its own.")};
        qint64 qty = found.code->grams;
        if (found.code->kind == ScannedCode::Kind::PriceEmbedded) {
            const auto fit = quantityForPrice(found.code->price, product.price);
            if (!fit)
                return Error{QStringLiteral("price"),
                             tr("%1 has no price per %2: its weight cannot come from the label.")
                                 .arg(product.name, unitName(product.unit))};
            qty = fit->qty;
        }
        if (qty < 1 || qty > maxQuantity)
            return outOfRange(qty);
        return qty;
    }
    if (isMeasured(product.unit) && !typed)
        return Error{QStringLiteral("qty"),
                     tr("%1 is sold by %2: scan its label, or type the weight first, like 0.532*")
                         .arg(product.name, unitName(product.unit))};
    if (!typed)
        return qint64{1};
    if (!isMeasured(product.unit) && !isWhole(*typed))
        return Error{QStringLiteral("qty"),
                     tr("%1 is sold in whole units, not %2.").arg(product.name, *typed)};
    const Result<qint64> qty = parseQuantity(*typed, product.unit);
    if (!qty)
        return qty.error();
    if (*qty < 1 || *qty > maxQuantity)
        return outOfRange(*qty);
    return qty;
}

bool Till::addProduct(const Found& found, const std::optional<QString>& typed)
{
    if (!signedIn())
        return false;
    if (!found.product.active)
        return report(tr("%1 (%2) is no longer sold.").arg(found.product.name, found.product.sku));
    const Result<qint64> quantity = quantityFor(found, typed);
    if (!quantity)
        return report(quantity.error().message);
    const qint64 qty = *quantity;
    const CartModel::Line line = lineFor(found, qty, typed.has_value());
    if (!m_cart->fits(line.receipt.gross()))
        return report(tr("A sale may total at most %1.")
                          .arg(print::moneyText(Money::fromMinor(maxMoneyMinor))));
    const int row = m_cart->add(line);
    qCDebug(lcQml) << "added" << found.product.sku << "x" << qty << "at row" << row;
    Q_EMIT lineAdded(row);
    return true;
}

bool Till::addSearchResult(int row)
{
    if (m_paying || row < 0 || row >= m_search->count())
        return false;
    return addProduct(Found{m_search->product(row), std::nullopt}, takeQuantity(std::nullopt));
}

bool Till::addSku(const QString& sku)
{
    const auto product = m_services.catalog.bySku(sku);
    if (!product || !product->has_value())
        return report(tr("No product %1.").arg(sku));
    return addProduct(Found{**product, std::nullopt}, takeQuantity(std::nullopt));
}

bool Till::voidLine(int row)
{
    if (m_paying)
        return false;
    const Status removed = m_cart->removeLine(row);
    return removed ? true : report(removed.error().message);
}

bool Till::setQuantity(int row, const QString& typed)
{
    // A weighed line's quantity is typed in kg ("0.750"), any other in whole units.
    if (row >= 0 && row < m_cart->count() && isMeasured(m_cart->line(row).receipt.unit)) {
        const Result<qint64> grams = parseQuantity(typed, m_cart->line(row).receipt.unit);
        const Status set = grams ? m_cart->setQuantity(row, *grams) : Status(grams.error());
        return set ? true : report(set.error().message);
    }
    bool ok = false;
    const qint64 qty = typed.trimmed().toLongLong(&ok);
    const Status set =
        ok ? m_cart->setQuantity(row, qty)
           : Status(Error{QStringLiteral("qty"), tr("“%1” is not a whole number.").arg(typed)});
    return set ? true : report(set.error().message);
}

bool Till::signedIn()
{
    return m_services.staff.signedIn() ? true : report(tr("Sign in first."));
}

bool Till::overLimit(Money discount, Money base) const
{
    // The limit rounded to the cent as a typed percentage is: "10%" of 5.29 is 0.53, within it.
    const qint64 limit = (base.minor() * m_settings.discountLimitPercent + 50) / 100;
    return discount.minor() > limit;
}

bool Till::setLineDiscount(int row, const QString& typed)
{
    if (row < 0 || row >= m_cart->count())
        return report(tr("Choose a line first."));
    const CartModel::Line& line = m_cart->line(row);
    const Money gross = line.receipt.gross();
    const Result<Money> discount = print::parseDiscount(typed, gross);
    if (!discount)
        return report(discount.error().message);
    if (*discount > gross)
        return report(tr("A discount on this line is at most %1.").arg(print::moneyText(gross)));
    if (!overLimit(*discount, gross))
        return applyLineDiscount(row, *discount);
    const QString detail =
        tr("%1 off %2 (%3)")
            .arg(print::moneyText(*discount), line.receipt.name, print::moneyText(gross));
    return m_services.approvals.request(Approval::Kind::Discount, detail,
                                        [this, row, discount = *discount](const QString& approver) {
                                            if (!applyLineDiscount(row, discount))
                                                return false;
                                            m_cart->approve(row, approver);
                                            return true;
                                        });
}

bool Till::applyLineDiscount(int row, Money discount)
{
    const Status set = m_cart->setLineDiscount(row, discount);
    return set ? true : report(set.error().message);
}

bool Till::setOrderDiscount(const QString& typed)
{
    const Money base = m_cart->orderDiscountBase();
    const Result<Money> discount = print::parseDiscount(typed, base);
    if (!discount)
        return report(discount.error().message);
    if (*discount > base)
        return report(tr("A discount on this sale is at most %1.").arg(print::moneyText(base)));
    if (!overLimit(*discount, base))
        return applyOrderDiscount(*discount);
    const QString detail =
        tr("%1 off the whole sale (%2)").arg(print::moneyText(*discount), print::moneyText(base));
    return m_services.approvals.request(Approval::Kind::Discount, detail,
                                        [this, discount = *discount](const QString& approver) {
                                            if (!applyOrderDiscount(discount))
                                                return false;
                                            // The order discount is shared over every line: each
                                            // names who approved it.
                                            for (int row = 0; row < m_cart->count(); ++row)
                                                m_cart->approve(row, approver);
                                            return true;
                                        });
}

bool Till::applyOrderDiscount(Money discount)
{
    const Status set = m_cart->setOrderDiscount(discount);
    return set ? true : report(set.error().message);
}

bool Till::overridePrice(int row, const QString& typed)
{
    if (row < 0 || row >= m_cart->count())
        return report(tr("Choose a line first."));
    const Result<Money> price = print::parseAmount(typed);
    if (!price)
        return report(price.error().message);
    const CartModel::Line& line = m_cart->line(row);
    if (*price == line.receipt.unitPrice)
        return true;
    const QString was = print::moneyText(line.receipt.unitPrice);
    const QString detail =
        tr("%1: price %2 instead of %3").arg(line.receipt.name, print::moneyText(*price), was);
    return m_services.approvals.request(
        Approval::Kind::PriceOverride, detail,
        [this, row, price = *price, was,
         listPrice = line.receipt.unitPrice](const QString& approver) {
            const Status set = m_cart->setUnitPrice(
                row, price, tr("price override (was %1), approved by %2").arg(was, approver));
            if (!set)
                return report(set.error().message);
            m_cart->approve(row, approver, listPrice);
            return true;
        });
}

bool Till::cancelSale()
{
    if (m_payment->count() == 0) {
        dropSale();
        return true;
    }
    const QString detail =
        tr("Cancel a sale of %1 with %2 already paid")
            .arg(print::moneyText(m_cart->totals().total), print::moneyText(m_payment->paid()));
    return m_services.approvals.request(Approval::Kind::VoidAfterPayment, detail,
                                        [this](const QString&) {
                                            dropSale();
                                            return true;
                                        });
}

void Till::dropSale()
{
    setPaying(false);
    m_payment->clear();
    m_cart->clear();
    setPendingQuantity(QString());
}

} // namespace stockline::qml
